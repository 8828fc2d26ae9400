"""The crisis reply wins from any point of the conversation, and afterwards the
conversation stays with the student until they explicitly resume.

Rasa's RulePolicy gives an active form priority over every rule, and running a form calls
the action server; so with a form active, a crisis rule alone would wait for the form and
fail when the action server is down. This policy predicts the safety sequences itself. Every
reply is a domain response (no action server needed); only the flag for the coach is a custom
action, allowed to fail.

The state comes from the tracker's own events, so it survives restarts and needs no slot:
- after ``utter_crisis`` (or ``utter_crisis_again``) the conversation is on hold: any message
  gets ``utter_crisis_checkin``, a second crisis message the shorter ``utter_crisis_again``,
  and only ``verder`` resumes the reflection (``utter_resume_after_crisis``);
- after ``utter_crisis_check`` (the detector was unsure) every form of yes ("ja", "soms", "weet
  ik niet") or another worrying message gets the crisis reply and every form of no ("nee hoor",
  "gaat goed", "nee, het gaat prima met me") goes back to the conversation
  (``bot.nlp.crisis.answer_to_check``, then the NLU's affirm / deny); only a real non-answer gets
  the question once more (``utter_crisis_check_again``), and after that anything but a yes goes
  back; for the next few messages after that, an unsure guess is not asked about again;
- inside the reflection, a crisis or unsure guess on a message that answers the form's question
  is read again with that question (``bot.nlp.crisis.assess(..., question=requested_slot)``),
  which needs clearly stronger evidence (the NLU cannot see the tracker): the model alone then
  gives the gentle check instead of the full reply, and weak evidence no check at all.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, confidence_scores_for
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlp.crisis import CHECK, answer_to_check, assess

CRISIS_INTENT = "crisis"
CHECK_INTENT = "crisis_check"
RESUME_INTENT = "verder"
DENY_INTENT = "deny"
CRISIS_RESPONSE = "utter_crisis"
CRISIS_AGAIN = "utter_crisis_again"
CRISIS_MINOR = "utter_crisis_minor"
CHECKIN = "utter_crisis_checkin"
CHECK_QUESTION = "utter_crisis_check"
CHECK_OK = "utter_crisis_check_ok"
CHECK_AGAIN = "utter_crisis_check_again"
AFFIRM_INTENT = "affirm"
RESUME = "utter_resume_after_crisis"
DEACTIVATE_FORM = "action_deactivate_loop"
FLAG_ACTION = "action_flag_crisis"
FORM = "reflectie_form"
TOO_LONG = "utter_bad_input"

NONE, HOLD, CHECK_STATE, CHECK_ASKED_AGAIN = "none", "hold", "check", "check_asked_again"
# Which bot action puts the conversation in which state.
_STATE_AFTER = {
    CRISIS_RESPONSE: HOLD,
    CRISIS_AGAIN: HOLD,
    CHECK_QUESTION: CHECK_STATE,
    CHECK_AGAIN: CHECK_ASKED_AGAIN,
    CHECK_OK: NONE,
    RESUME: NONE,
}


def safety_state(tracker: DialogueStateTracker) -> str:
    """The state before the latest student message: none, hold (after a crisis reply) or
    check (after the gentle question). All events count, also those before a restart."""
    events = list(tracker.events)
    last_user = max(
        (i for i, e in enumerate(events) if isinstance(e, UserUttered)), default=len(events)
    )
    state = NONE
    for event in events[:last_user]:
        if isinstance(event, ActionExecuted) and event.action_name in _STATE_AFTER:
            state = _STATE_AFTER[event.action_name]
    return state


# After a "nee" to the gentle question, an unsure guess within this many student messages is
# not asked about again (the detector's unsure band also catches ordinary talk, docs/nlu.md).
QUIET_AFTER_REASSURANCE = 8


def recently_reassured(tracker: DialogueStateTracker) -> bool:
    """Whether the student answered the gentle question with "nee" within the last
    ``QUIET_AFTER_REASSURANCE`` messages before this one."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if isinstance(e, UserUttered)]
    window_start = (
        users[-QUIET_AFTER_REASSURANCE - 1] if len(users) > QUIET_AFTER_REASSURANCE else 0
    )
    return any(
        isinstance(e, ActionExecuted) and e.action_name == CHECK_OK
        for e in events[window_start : users[-1] if users else None]
    )


def quiet_point(tracker: DialogueStateTracker) -> bool:
    """Whether a new conversation session may start after this turn without changing what this
    policy does next (the tracker store then loads only the new session, see
    bot/rasa_plugins/tracker_store.py): the turn is over with no form open, the state is none
    (no crisis reply or gentle question pending), and no "nee" to the gentle question falls in
    the window ``recently_reassured`` will look at."""
    events = list(tracker.events)
    turn_over = (
        bool(events)
        and isinstance(events[-1], ActionExecuted)
        and events[-1].action_name == ACTION_LISTEN_NAME
    )
    if tracker.active_loop_name or not turn_over:
        return False
    state = NONE
    for event in events:
        if isinstance(event, ActionExecuted) and event.action_name in _STATE_AFTER:
            state = _STATE_AFTER[event.action_name]
    if state != NONE:
        return False
    users = [i for i, e in enumerate(events) if isinstance(e, UserUttered)]
    window_start = users[-QUIET_AFTER_REASSURANCE] if len(users) >= QUIET_AFTER_REASSURANCE else 0
    return not any(
        isinstance(e, ActionExecuted) and e.action_name == CHECK_OK for e in events[window_start:]
    )


def level_in_reflection(tracker: DialogueStateTracker) -> Optional[str]:
    """The detector's level for the latest message read with the question the form just asked
    (``bot.nlp.crisis.assess`` with ``question``), or None when no reflection question is open."""
    question = tracker.get_slot("requested_slot") if tracker.active_loop_name == FORM else None
    latest = tracker.latest_message
    text = (latest.text or "") if latest is not None else ""
    if not question or question == CHECK or not text or text.startswith("/"):
        return None
    return assess(text, question=str(question)).level


def sequence_for(tracker: DialogueStateTracker) -> Optional[List[Text]]:
    """The actions this turn must run, in order, or None when safety has nothing to say."""
    latest = tracker.latest_message
    intent = (latest.intent or {}).get("name") if latest else None
    if intent is None:
        return None
    state = safety_state(tracker)
    minor = [CRISIS_MINOR] if tracker.get_slot("crisis_minor") else []
    # A crisis message over the length limit also hears that it was too long, after the reply.
    too_long = (
        [TOO_LONG]
        if any(
            entity.get("entity") == "input_problem" and entity.get("value") == "too_long"
            for entity in (latest.entities or [])
        )
        else []
    )
    # Once the form is closed, the step that closed it is still part of this turn's sequence.
    closing = tracker.active_loop_name or tracker.latest_action_name == DEACTIVATE_FORM
    close_form = [DEACTIVATE_FORM] if closing else []
    if state == NONE and intent in (CRISIS_INTENT, CHECK_INTENT) and not too_long:
        # Inside the reflection, a message that answers the form's question needs clearly
        # stronger evidence (the NLU read it without the question): the model alone gives the
        # gentle check there, not the full reply, and weak evidence gives nothing.
        seen = level_in_reflection(tracker)
        if seen == "unsure":
            intent = CHECK_INTENT
        elif seen == "none" and intent == CHECK_INTENT:
            intent = None  # the form takes it as the answer it is
    if intent is None:
        return None
    if intent == CRISIS_INTENT:
        reply = CRISIS_AGAIN if state == HOLD else CRISIS_RESPONSE
        return [reply, *minor, *too_long, *close_form, FLAG_ACTION]
    if state == HOLD:
        return [RESUME, FORM] if intent == RESUME_INTENT else [CHECKIN]
    if state in (CHECK_STATE, CHECK_ASKED_AGAIN):
        text = latest.text or ""
        answer = answer_to_check(text) if text and not text.startswith("/") else None
        if answer is None:
            # not readable as yes or no by itself: the NLU's guess, and a second worrying message
            answer = (
                "yes"
                if intent in (AFFIRM_INTENT, CHECK_INTENT)
                else "no"
                if intent == DENY_INTENT
                else None
            )
        if answer == "yes":
            return [CRISIS_RESPONSE, *minor, *too_long, *close_form, FLAG_ACTION]
        if answer == "no" or state == CHECK_ASKED_AGAIN:
            return [CHECK_OK, FORM]
        # Neither yes nor no (the student went on with their story): ask once more, plainly.
        return [CHECK_AGAIN]
    if intent == CHECK_INTENT:
        if recently_reassured(tracker):
            # The student just said they are safe: do not ask again for an unsure guess; the
            # message is an answer like any other (the form took it, see domain/reflection.yml).
            return None
        # The form closes; the message it took is validated when the form reopens. Over the
        # length limit, the student also hears that it was too long.
        return [CHECK_QUESTION, *too_long, *close_form]
    return None


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class SafetyPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Above RulePolicy (6), so a tie between the two goes to this policy.
        return {"priority": 7}

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    @staticmethod
    def next_action(tracker: DialogueStateTracker) -> Optional[Text]:
        """The next step of this turn's safety sequence, or None to leave the turn to others."""
        sequence = sequence_for(tracker)
        if not sequence:
            return None
        last_action = tracker.latest_action_name
        if last_action == ACTION_LISTEN_NAME:
            return sequence[0]
        if last_action not in sequence:
            return None
        position = sequence.index(last_action)
        if position + 1 < len(sequence):
            return sequence[position + 1]
        # A sequence that ends by reopening the form leaves the rest of the turn to the form.
        return None if last_action == FORM else ACTION_LISTEN_NAME

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action = self.next_action(tracker)
        if action is None:
            return self._prediction(self._default_predictions(domain))
        # "No user prediction" puts it on a par with a form's happy path, which
        # the ensemble otherwise prefers over everything else.
        return self._prediction(
            confidence_scores_for(action, 1.0, domain), is_no_user_prediction=True
        )
