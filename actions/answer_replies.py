"""What the bot does with a message that does not answer the open question
(``bot.nlp.answer_check``): it is never stored, and each kind gets its own reply before the
question comes again:

- "wat bedoel je": the question in other words (the ``rephrase`` variations);
- a greeting: a short welcome back that says where we were (the student's last answer, as
  "je", when there is one);
- thanks, laughter or emoji, a bare "ja", a question back: a light acknowledgement that
  brings the student back to their last answer (as "je"), then the question; a remark about
  something else: the remark said back as "je" when it is a short statement, else the same
  way back; a filler: the hesitation said back;
- "weet ik niet": said back, then the not-knowing ladder (``actions.not_knowing``); a bare
  "nee" goes the ladder too;
- a refusal, said back: a question that may be skipped is skipped, otherwise a pause is
  offered;
- a message the check is unsure of: held, and the student is asked whether it answers the
  question (``actions.unsure_answers``).

After two messages in a row that do not fit, there is a way on: date buttons with "nog geen
datum" for the date, skip or pause for the rest (the kernwoord check keeps the word, in the
form). Python only picks; every text is a domain response.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.not_knowing import not_knowing
from bot.clock import today
from bot.nlp.answer_check import (
    UNSURE,
    busy_that_day,
    meant_for_someone_else,
    only_dates_or_numbers,
    someone_elses_news,
    starts_as_question,
    steps_away,
    tells_a_loss,
)
from bot.nlp.answers import yes_or_no
from bot.nlp.phases import SKIPPABLE_SLOTS, SKIPPED, cycle_slots, part_of
from bot.nlp.reflection import point_of, step_reply, whole_reply

# Answers that tell a story: said back by what the student did.
STORY_SLOTS = {"experience", "what_happened", "other_situations"}

# A message the check is unsure of is held in this slot; while it is, the form requests the
# confirm slot first, to ask whether it answers the question (actions/unsure_answers.py).
HELD = "unsure_answer"
CONFIRM_SLOT = "answer_confirm"

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
# The same acknowledgements with the way back: the student's last answer said back, the way a
# coach brings a conversation back to where it was.
WITH_RECAP = {
    "thanks": "utter_ack_thanks_recap",
    "laughter": "utter_ack_laughter_recap",
    "question_back": "utter_ack_question_back_recap",
    "off_topic": "utter_ack_off_topic_recap",
    "yes_no": "utter_ack_yes_recap",
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


# Answers that say something about the student: a date, a helper or a score said back is no
# way back into the conversation.
RECAP_SLOTS = STORY_SLOTS | {
    "common_thread",
    "qualities",
    "to_learn",
    "motives",
    "options",
    "step_what",
}
# Questions about the step being planned: asked again with the step said back.
STEP_DETAIL_SLOTS = {"step_when", "step_who", "step_zin"}


def last_answer_said_back(slot: str, tracker: Tracker) -> str | None:
    """The student's last answer before ``slot``, as a point in the second person, for a
    welcome back that says where we were."""
    asked = cycle_slots(tracker.get_slot("cycle"))
    before = asked[: asked.index(slot)] if slot in asked else []
    for name in reversed([n for n in before if n in RECAP_SLOTS]):
        value = tracker.get_slot(name)
        if name == "step_what":
            return step_said_back(tracker)
        if isinstance(value, str) and value and value != SKIPPED:
            return point_of(value, story=name in STORY_SLOTS)
    return None


def step_said_back(tracker: Tracker) -> str | None:
    """The step being planned ("je stuurt een mail naar ..."), or None."""
    what = tracker.get_slot("step_what")
    if not isinstance(what, str) or not what or what == SKIPPED:
        return None
    said = step_reply(what)
    return said.text if said else None


def reply_to_non_answer(
    slot: str, kind: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """The slot events for a message of ``kind`` at ``slot``: nothing stored, one reply. A
    question about a detail of the story is asked again as that detail's question, not as
    the first "what happened?" (the story is told already)."""
    events = _reply_to_non_answer(slot, kind, text, dispatcher, tracker)
    asked = tracker.get_slot("reprompt")
    if (
        slot == "what_happened"
        and "reprompt" in events
        and events["reprompt"] is None
        and str(asked).startswith("detail_")
    ):
        events["reprompt"] = asked
    return events


def _reply_to_non_answer(
    slot: str, kind: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    if kind == UNSURE:
        # Asked, not guessed: held until the student says whether it answers the question.
        return {slot: None, HELD: {"slot": slot, "text": text}}
    misfits = int(tracker.get_slot("misfit_count") or 0) + 1
    # Only a clear yes gets the "vertel maar" of a yes; a no, "niemand" or "misschien" where
    # words are asked is not-knowing ("Fijn." to "niemand" was no coach's line).
    if kind == "dont_know" or (kind == "yes_no" and yes_or_no(text) is not True):
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
        recap = last_answer_said_back(slot, tracker)
        if recap:
            dispatcher.utter_message(response="utter_greet_back_recap", recap=recap)
        else:
            dispatcher.utter_message(response=f"utter_greet_mid_{part_of(slot)}")
        return ask_again(slot, None, misfits - 1)
    if kind == "explain":
        # Always the question in other words; its two wordings take turns. Asking what the
        # question means is taking part, so it does not count towards the way on.
        return ask_again(slot, "rephrase", misfits - 1)
    if kind == "off_topic" and steps_away(text):
        # Away for a moment: the bot waits; no try at the question.
        dispatcher.utter_message(response="utter_ack_wait")
        return ask_again(slot, None, misfits - 1)
    if kind == "off_topic" and meant_for_someone_else(text):
        # Sent here by mistake: no try at this question, so no step towards the way on.
        dispatcher.utter_message(response="utter_ack_someone_else")
        return ask_again(slot, None, misfits - 1)
    if kind == "off_topic" and slot == "step_when" and busy_that_day(text, today()):
        # "zaterdag moet ik werken": that day is taken; which one works is asked.
        remark = _remark_said_back(text)
        if remark:
            dispatcher.utter_message(response="utter_reflect_busy_day", sentence=remark)
        return ask_again(slot, "other_day", misfits)
    if misfits >= MISFITS_BEFORE_WAY_ON:
        return way_on(slot, misfits)
    if kind == "yes_no" and slot == "step_outcome":
        return ask_again(slot, "said_yes", misfits)  # "ja": how it went is asked
    if kind == "off_topic" and slot in SPECIFIC_REASK:
        step = step_said_back(tracker) if slot in STEP_DETAIL_SLOTS else None
        if step:
            # Asked again about the step the student chose, in their words.
            dispatcher.utter_message(response="utter_back_to_step", step=step)
        return ask_again(slot, SPECIFIC_REASK[slot], misfits)
    if kind == "off_topic" and only_dates_or_numbers(text):
        # A day or a number where words are asked: the question in other words, no comment.
        return ask_again(slot, "rephrase", misfits)
    acknowledge(kind, text, slot, dispatcher, tracker)
    return ask_again(slot, None, misfits)


def _remark_said_back(text: str) -> str | None:
    """A short remark about something else ("ik zit in de trein") as a "je" sentence; None for
    a question or what holds no words to say back."""
    if "?" in text or starts_as_question(text):
        return None
    said = whole_reply(text)
    return said.values["sentence"] if said else None


def own_feeling(text: str) -> bool:
    """ "ik was echt moe": the student telling how they felt, in a few words."""
    # Imported here: emotion words need the spaCy pipeline.
    from bot.nlp.emotions import find_emotions

    words = text.lower().split()
    return len(words) <= OWN_FEELING_WORDS and bool(
        {"ik", "k"} & set(words) and find_emotions(text)
    )


OWN_FEELING_WORDS = 8


def acknowledge(
    kind: str, text: str, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> None:
    """The light reply to a non-answer before its question comes again."""
    if tells_a_loss(text):
        # A loss told between the questions is never brushed off as talk of something else.
        dispatcher.utter_message(response="utter_reflect_loss_between")
        return
    if kind == "off_topic":
        remark = _remark_said_back(text)
        if remark:
            # Someone else's news heard as theirs, and the question turned back to the student;
            # a feeling of their own ("ik was echt moe") heard, never called something else.
            if someone_elses_news(slot, text):
                response = "utter_reflect_someone_elses_news"
            elif own_feeling(text):
                response = "utter_reflect_feeling_between"
            else:
                response = "utter_reflect_off_topic"
            dispatcher.utter_message(response=response, remark=remark)
            return
    recap = last_answer_said_back(slot, tracker) if kind in WITH_RECAP else None
    if recap:
        dispatcher.utter_message(response=WITH_RECAP[kind], recap=recap)
        return
    dispatcher.utter_message(response=ACKNOWLEDGEMENTS.get(kind, "utter_reflect_hesitation"))
