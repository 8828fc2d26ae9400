"""Validation of the reflection form: every answer is checked, stored as it comes in, and
either accepted or sent back with a reason that picks the next question's variation
(domain responses with a condition on the ``reprompt`` slot).

The method's rules in code: a "weet ik niet" gets another way in, never a filled-in answer
(rule 10); a thin story is asked about once more (rule 5); emotion words are acknowledged
briefly (rules 3-4); dates become ISO dates or a friendly question back.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, Optional, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import repo, today
from actions.summary import utter_summary
from bot.nlp.answers import is_dont_know, is_thin, yes_or_no
from bot.nlp.dates import format_dutch_date, parse_dutch_date
from bot.nlp.emotions import dominant_valence, find_emotions, POSITIVE
from bot.nlp.phases import FORM_SLOTS, STEP_SLOTS, competencies_of, part_of

MAX_STEPS = 3
# Fewest words an answer needs; a shorter one is asked about once more (rule 5).
STORY_SLOTS = {"experience": 5, "what_happened": 6, "other_situations": 4, "qualities": 2,
               "motives": 2, "options": 2, "step_what": 2}


def _retry(slot: str, reason: str) -> Dict[Text, Any]:
    return {slot: None, "reprompt": reason}


class ValidateReflectieForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_reflectie_form"

    # ---- shared steps ---------------------------------------------------------------

    @staticmethod
    def _record(tracker: Tracker, slot: str, values: Dict[Text, Any], stored: Optional[Dict[Text, Any]] = None,
                also: tuple = ()) -> None:
        """Store the answer, mark its part and competencies as reached, and set the phase to
        the part of the next question: one transaction per answer."""
        filled = {name: tracker.get_slot(name) for name in FORM_SLOTS}
        filled.update(values)
        next_slot = next((name for name in FORM_SLOTS if not filled.get(name)), None)
        repo().record_answer(
            tracker.sender_id,
            stored or {},
            [(part_of(answered), competencies_of(answered)) for answered in (*also, slot)],
            part_of(next_slot) if next_slot else "afronden",
        )

    def _story(self, slot: str, value: Any, tracker: Tracker) -> Optional[Dict[Text, Any]]:
        """The checks every story answer gets; a dict to send back, or None when it is fine."""
        text = (value or "").strip()
        if is_dont_know(text):
            return _retry(slot, "dont_know")
        already_asked_more = tracker.get_slot("reprompt") == "thin"
        if is_thin(text, STORY_SLOTS.get(slot, 1)) and not already_asked_more:
            return _retry(slot, "thin")
        return None

    def _store_story(self, slot: str, value: Any, tracker: Tracker) -> Dict[Text, Any]:
        problem = self._story(slot, value, tracker)
        if problem:
            return problem
        text = value.strip()
        result = {slot: text, "reprompt": None}
        self._record(tracker, slot, result, stored={slot: text})
        return result

    # ---- terugkijken ----------------------------------------------------------------

    def validate_experience(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        problem = self._story("experience", value, tracker)
        if problem:
            return problem
        sender = tracker.sender_id
        # A new experience starts a new stored conversation (after /nieuw, or a finished one).
        if repo().open_conversation_has(sender, "experience"):
            repo().start_conversation(sender)
        emotions = find_emotions(value)
        words = [word for word, _ in emotions]
        if emotions:
            response = "utter_ack_emotion_positive" if dominant_valence(emotions) == POSITIVE else "utter_ack_emotion_negative"
            dispatcher.utter_message(response=response, emotion=words[0])
        result = {"experience": value.strip(), "emotions": words, "reprompt": None}
        self._record(tracker, "experience", result, stored={"experience": value.strip(), "emotions": words})
        return result

    def validate_what_happened(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        problem = self._story("what_happened", value, tracker)
        if problem:
            return problem
        text = value.strip()
        # Emotion words in the details count too (rule 3), without a second acknowledgement.
        known = list(tracker.get_slot("emotions") or [])
        emotions = known + [w for w, _ in find_emotions(text) if w not in known]
        result = {"what_happened": text, "emotions": emotions, "reprompt": None}
        self._record(tracker, "what_happened", result, stored={"what_happened": text, "emotions": emotions})
        return result

    # ---- reflecteren ----------------------------------------------------------------

    def validate_other_situations(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._store_story("other_situations", value, tracker)

    def validate_qualities(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._store_story("qualities", value, tracker)

    def validate_motives(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._store_story("motives", value, tracker)

    def validate_kernwoord(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        text = (value or "").strip()
        if is_dont_know(text):
            return _retry("kernwoord", "dont_know")
        word = re.sub(r"^(?:mijn\s+)?(?:kernwoord\s+(?:is\s+)?)?", "", text, flags=re.IGNORECASE)
        word = word.strip(" \"'.,!?:;")
        if not word or len(word.split()) > 3:
            return _retry("kernwoord", "too_long_word")
        result = {"kernwoord": word, "reprompt": None}
        self._record(tracker, "kernwoord", result, stored={"kernwoord": word})
        return result

    # ---- vooruitkijken --------------------------------------------------------------

    def validate_options(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._store_story("options", value, tracker)

    # ---- activeren ------------------------------------------------------------------

    def validate_step_what(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        problem = self._story("step_what", value, tracker)
        return problem or {"step_what": value.strip(), "reprompt": None}

    def validate_step_when(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        due = parse_dutch_date(value or "", today())
        if due is None:
            return _retry("step_when", "unclear")
        if due < today():
            return _retry("step_when", "past")
        return {"step_when": due.isoformat(), "step_when_text": format_dutch_date(due), "reprompt": None}

    def validate_step_who(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        who = (value or "").strip()
        if not who:
            return {"step_who": None}
        sender = tracker.sender_id
        due = date.fromisoformat(tracker.get_slot("step_when"))
        repo().save_action_step(sender, tracker.get_slot("step_what"), due, who)
        saved = int(tracker.get_slot("steps_saved") or 0) + 1
        result: Dict[Text, Any] = {"step_who": who, "steps_saved": saved, "reprompt": None}
        if saved >= MAX_STEPS:
            # Enough steps for one conversation: go straight to the summary.
            result["more_steps"] = "nee"
            utter_summary(dispatcher, sender)
        self._record(tracker, "step_who", result, also=("step_what", "step_when"))
        return result

    def validate_more_steps(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        answer = yes_or_no(value or "")
        if answer is None:
            return _retry("more_steps", "unclear")
        if answer:
            # Ask the step questions again; the saved step stays saved.
            return {**{slot: None for slot in STEP_SLOTS}, "more_steps": None, "reprompt": None}
        utter_summary(dispatcher, tracker.sender_id)
        return {"more_steps": "nee", "reprompt": None}

    # ---- afronden -------------------------------------------------------------------

    def validate_share_consent(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        answer = yes_or_no(value or "")
        if answer is None:
            return _retry("share_consent", "unclear")
        repo().set_consent(tracker.sender_id, answer)
        return {"share_consent": "ja" if answer else "nee", "reprompt": None}

