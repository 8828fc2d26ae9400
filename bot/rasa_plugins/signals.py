"""An NLU component that runs after the intent classifier and overrides its guess when
the message itself says more than a classifier can: a crisis (lexicon), English, an empty,
emoji-only or over-long message. Dialogue rules then answer with domain responses.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.config import settings
from bot.nlp.answer_check import looks_like_step_answer, non_answer_kind
from bot.nlp.answers import is_emoji_only, looks_english
from bot.nlp.commands import COMMAND_INTENTS, is_explicit_command
from bot.nlp.crisis import assess

CRISIS_INTENT = "crisis"
# The detector is unsure: the dialogue asks one gentle question first.
CHECK_INTENT = "crisis_check"
CRISIS_KIND_ENTITY = "crisis_kind"
CRISIS_MINOR_ENTITY = "crisis_minor"
# Intents that interrupt the reflection: what the bot then does not store as an answer.
INTERRUPTIONS = {
    "bot_challenge",
    "help",
    "pauze",
    "verder",
    "opnieuw",
    "goodbye",
    "link_coach",
    "out_of_scope",
    "withdraw_consent",
    "share_again",
}
# A message this long is a student telling something, whatever short phrase it resembles:
# better to keep a confused question as an answer than to drop a story.
STORY_MIN_WORDS = 15
FALLBACK_STORY_MIN_WORDS = 8
STORY_INTENT = "vertellen"
ENGLISH_INTENT = "english"
# "wat bedoel je", "snap de vraag niet": the reflection asks its question in other words.
EXPLAIN_INTENT = "explain"
BAD_INPUT_INTENT = "bad_input"
INPUT_PROBLEM_ENTITY = "input_problem"
# With a too long message: the longest the bot reads (LEMNISCAAT_MAX_MESSAGE_CHARS), for the reply.
INPUT_LIMIT_ENTITY = "input_limit"


def signal_for(text: str, max_chars: int) -> Optional[Dict[str, str]]:
    """The intent (and problem) this text forces, or None to keep the classifier's guess."""
    stripped = (text or "").strip()
    if not stripped:
        return {"intent": BAD_INPUT_INTENT, "problem": "empty"}
    # Before the length check: a long message can be a cry for help, so it is read whole.
    assessment = assess(stripped)
    if assessment.level in ("crisis", "unsure"):
        signal = {"intent": CRISIS_INTENT if assessment.level == "crisis" else CHECK_INTENT}
        if assessment.kind:
            signal["kind"] = assessment.kind
        if assessment.minor:
            signal["minor"] = "ja"
        if len(stripped) > max_chars:
            # Checked whole for crisis, and still told it was too long (after the crisis reply).
            signal["problem"] = "too_long"
        return signal
    if len(stripped) > max_chars:
        return {"intent": BAD_INPUT_INTENT, "problem": "too_long"}
    if is_emoji_only(stripped):
        return {"intent": BAD_INPUT_INTENT, "problem": "emoji_only"}
    if looks_english(stripped):
        return {"intent": ENGLISH_INTENT}
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class InputSignals(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> InputSignals:
        from bot.nlp.crisis_model import model

        model()  # train the small crisis model now, not on a student's first message
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    @staticmethod
    def _drop_crisis_guess(message: Message) -> None:
        """The intent classifier's crisis guess does not count on its own: trained on a few
        dozen examples among 17 intents, it also fires on "ik wil beter worden in plannen".
        ``signals_crisis`` (lexicon + a dedicated model) already said no, so use its next guess."""
        intent = message.get(INTENT) or {}
        ranking = message.get(INTENT_RANKING_KEY) or []
        guarded = (CRISIS_INTENT, CHECK_INTENT)
        if intent.get("name") not in guarded and not any(r.get("name") in guarded for r in ranking):
            return
        ranking = [r for r in ranking if r.get("name") not in guarded]
        if intent.get("name") in guarded:
            message.set(
                INTENT,
                ranking[0] if ranking else {"name": "nlu_fallback", "confidence": 1.0},
                add_to_output=True,
            )
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)

    @staticmethod
    def _keep_long_stories(message: Message) -> None:
        """A long message, or an answer to a step question, is what the student tells: the
        form reads it with its question (the answer check), not the classifier's guess."""
        intent = message.get(INTENT) or {}
        text = message.get(TEXT) or ""
        words = len(text.split())
        if (
            (intent.get("name") in INTERRUPTIONS and words >= STORY_MIN_WORDS)
            or (
                # "hmm 6, vind het wel spannend" read as out of scope: an answer to a step question
                intent.get("name") == "out_of_scope" and looks_like_step_answer(text)
            )
            or (
                # Not understood, but long enough to be telling something: a story, not a puzzle.
                intent.get("name") == "nlu_fallback" and words >= FALLBACK_STORY_MIN_WORDS
            )
        ):
            message.set(
                INTENT,
                {"name": STORY_INTENT, "confidence": intent.get("confidence", 0.0)},
                add_to_output=True,
            )

    @staticmethod
    def _commands_in_so_many_words(message: Message) -> None:
        """A command intent (consent, pause, restart, help, goodbye, ...) stands only when the
        message says it in so many words; otherwise the message is an answer."""
        intent = message.get(INTENT) or {}
        name = intent.get("name")
        text = message.get(TEXT) or ""
        if non_answer_kind(text) == "explain":
            message.set(INTENT, {"name": EXPLAIN_INTENT, "confidence": 1.0}, add_to_output=True)
            return
        if name in COMMAND_INTENTS and not is_explicit_command(
            name, text, float(intent.get("confidence") or 0.0)
        ):
            message.set(
                INTENT,
                {"name": STORY_INTENT, "confidence": intent.get("confidence", 0.0)},
                add_to_output=True,
            )

    def process(self, messages: List[Message]) -> List[Message]:
        max_chars = settings().max_message_chars
        for message in messages:
            signal = signal_for(message.get(TEXT) or "", max_chars)
            if signal is None:
                self._drop_crisis_guess(message)
                self._keep_long_stories(message)
                self._commands_in_so_many_words(message)
                continue
            intent = {"name": signal["intent"], "confidence": 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
            values = {
                INPUT_PROBLEM_ENTITY: signal.get("problem"),
                INPUT_LIMIT_ENTITY: str(max_chars) if signal.get("problem") == "too_long" else None,
                CRISIS_KIND_ENTITY: signal.get("kind"),
                CRISIS_MINOR_ENTITY: signal.get("minor"),
            }
            entities = [
                {
                    "entity": name,
                    "value": value,
                    "start": 0,
                    "end": 0,
                    "extractor": self.__class__.__name__,
                }
                for name, value in values.items()
                if value
            ]
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
