"""What the bot does with a message that does not answer the open question
(``bot.nlp.answer_check``): it is never stored, and each kind gets its own reply before the
question comes again:

- "wat bedoel je": the question in other words (the ``rephrase`` variations);
- a greeting: a short welcome back that says where we were (the student's last answer, as
  "je", when there is one);
- thanks, laughter or emoji, a bare "ja", a question back, something off topic: a light
  acknowledgement, then the question; a filler: the hesitation said back;
- "weet ik niet": said back, then the not-knowing ladder (``actions.not_knowing``); a bare
  "nee" goes the ladder too;
- a refusal, said back: a question that may be skipped is skipped, otherwise a pause is
  offered.

After two messages in a row that do not fit, there is a way on: date buttons with "nog geen
datum" for the date, skip or pause for the rest (the kernwoord check keeps the word, in the
form). Python only picks; every text is a domain response.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.not_knowing import not_knowing
from bot.nlp.answer_check import only_dates_or_numbers
from bot.nlp.answers import yes_or_no
from bot.nlp.phases import SKIPPABLE_SLOTS, SKIPPED, cycle_slots, part_of
from bot.nlp.reflection import point_of

# Answers that tell a story: said back by what the student did.
STORY_SLOTS = {"experience", "what_happened", "other_situations"}

# Non-answers in a row at one question before the bot offers a way on.
MISFITS_BEFORE_WAY_ON = 2
# The acknowledgement said before the question comes again, by kind.
ACKNOWLEDGEMENTS = {
    "thanks": "utter_ack_thanks_mid",
    "laughter": "utter_ack_laughter",
    "filler": "utter_reflect_hesitation",
    "question_back": "utter_ack_question_back",
    "off_topic": "utter_ack_off_topic",
    "yes_no": "utter_ack_yes",
}
# Questions whose off-topic answers get a question-specific re-ask instead of the general one.
SPECIFIC_REASK = {
    "kernwoord": "not_a_word",
    "step_when": "unclear",
    "step_zin": "unclear",
    "step_who": "unclear",
    "more_steps": "unclear",
    "share_consent": "unclear",
    "kernwoord_check": "unclear",
    "step_outcome": "unclear",
}


# Questions that offer buttons when asked again: the buttons are the way on.
BUTTON_SLOTS = {"more_steps", "share_consent", "step_outcome", "kernwoord_check"}


def ask_again(slot: str, reprompt: str | None, misfits: int) -> dict[str, Any]:
    return {slot: None, "reprompt": reprompt, "experience_prompt": None, "misfit_count": misfits}


def way_on(slot: str, misfits: int) -> dict[str, Any]:
    """After repeated misfits: buttons for the date, the buttons again where the question has
    them, skip for what may be skipped, else pause."""
    if slot == "step_when":
        return ask_again(slot, "date_buttons", misfits)
    if slot in BUTTON_SLOTS:
        return ask_again(slot, "unclear", misfits)
    if slot in SKIPPABLE_SLOTS or slot in ("step_zin", "step_who"):
        return ask_again(slot, "dont_know_skip", misfits)
    return ask_again(slot, "dont_know_pause", misfits)


def _last_answer_said_back(slot: str, tracker: Tracker) -> str | None:
    """The student's last answer before ``slot``, as a point in the second person, for a
    welcome back that says where we were."""
    asked = cycle_slots(tracker.get_slot("cycle"))
    before = asked[: asked.index(slot)] if slot in asked else []
    for name in reversed(before):
        value = tracker.get_slot(name)
        if isinstance(value, str) and value and value != SKIPPED:
            return point_of(value, story=name in STORY_SLOTS)
    return None


def reply_to_non_answer(
    slot: str, kind: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """The slot events for a message of ``kind`` at ``slot``: nothing stored, one reply."""
    misfits = int(tracker.get_slot("misfit_count") or 0) + 1
    if kind == "dont_know" or (kind == "yes_no" and yes_or_no(text) is False):
        if kind == "dont_know":
            dispatcher.utter_message(response="utter_reflect_not_knowing")
        if slot == "step_when":
            # Not knowing when is fine: offer rough choices, "nog geen datum" among them.
            return ask_again(slot, "date_buttons", misfits)
        return {**not_knowing(slot, tracker), "misfit_count": misfits}
    if kind == "refusal":
        if slot in SKIPPABLE_SLOTS:
            dispatcher.utter_message(response="utter_reflect_refusal_skip")
            return {slot: SKIPPED, "reprompt": None, "misfit_count": 0, "dont_know_count": 0}
        dispatcher.utter_message(response="utter_reflect_refusal")
        return ask_again(slot, "dont_know_pause", misfits)
    if kind == "greeting":
        recap = _last_answer_said_back(slot, tracker)
        if recap:
            dispatcher.utter_message(response="utter_greet_back_recap", recap=recap)
        else:
            dispatcher.utter_message(response=f"utter_greet_mid_{part_of(slot)}")
        return ask_again(slot, None, misfits - 1)
    if kind == "explain":
        # Always the question in other words; its two wordings take turns. Asking what the
        # question means is taking part, so it does not count towards the way on.
        return ask_again(slot, "rephrase", misfits - 1)
    if misfits >= MISFITS_BEFORE_WAY_ON:
        return way_on(slot, misfits)
    if kind == "off_topic" and slot in SPECIFIC_REASK:
        return ask_again(slot, SPECIFIC_REASK[slot], misfits)
    if kind == "off_topic" and only_dates_or_numbers(text):
        # A day or a number where words are asked: the question in other words, no comment.
        return ask_again(slot, "rephrase", misfits)
    dispatcher.utter_message(response=ACKNOWLEDGEMENTS.get(kind, "utter_reflect_hesitation"))
    return ask_again(slot, None, misfits)
