"""A message the answer check is unsure of (``UNSURE``: the model puts it near the border
between an answer and talk of something else) is neither stored nor put aside: the bot asks
whether it answers the question, the way a coach checks before writing something down.

- held (``actions.answer_replies.reply_to_non_answer``): the message is kept in the
  ``unsure_answer`` slot and the form requests ``answer_confirm`` instead of asking its
  question again (``utter_ask_answer_confirm``);
- ``confirmation``: the student's reply. A yes validates the held message as the answer; a no
  sets it aside and the question comes again; a reply that says nothing ("hmm", "haha") keeps
  the message and asks the check once more (twice: set aside); anything else is heard as a new
  try at the question;
- a story that may go on with the first moment, where another moment is asked, is held the
  same way with another question: the same moment or another one? (``WHICH_MOMENT``);
- ``hear``: the answer check as the validators call it. A held message that was confirmed is
  an answer, and so is a second unsure message right after the check: the student went on
  talking, and is not asked the same thing twice.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_replies import CONFIRM_SLOT, HELD, MISFITS_BEFORE_WAY_ON, ask_again, way_on
from actions.common import today
from bot.nlp.answer_check import ANSWER, UNSURE, check_answer
from bot.nlp.answers import words, yes_or_no
from bot.nlp.story import SAME, which_moment

SHORT_REPLY_WORDS = 5
# A story that may go on with the first moment is held with this question instead
# ("utter_ask_answer_confirm" with reprompt ``WHICH_MOMENT``); the reply sets ``moment`` to
# ``SAME_MOMENT`` (kept with the first story) or "other" (the second moment).
WHICH_MOMENT = "which_moment"
SAME_MOMENT = SAME
# Replies that say nothing about the check: it is asked once more (``CHECK_AGAIN``).
NO_REPLY_TO_THE_CHECK = {"filler", "laughter", "thanks", "greeting"}
CHECK_AGAIN = "confirm_again"


def hear(slot: str, text: str, tracker: Tracker) -> str:
    """``check_answer`` for a validator, knowing what the student confirmed."""
    held = tracker.get_slot(HELD) or {}
    if held.get("slot") == slot and held.get("confirmed") and held.get("text") == text:
        return ANSWER
    kind = check_answer(slot, text, today())
    if kind == UNSURE and held.get("slot") == slot:
        return ANSWER
    return kind


def confirmation(
    reply: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The student's reply to the check: (slot events, {slot: text} still to validate). A yes
    gives the held message to validate, marked confirmed; a no sets it aside, and the question
    comes again (or its way on, after misfits); any other reply is a new try at the question."""
    held = dict(tracker.get_slot(HELD) or {})
    slot = held.get("slot")
    events: dict[str, Any] = {CONFIRM_SLOT: None, HELD: None}
    if not slot:
        return events, {}
    if held.get("moment") == WHICH_MOMENT:
        choice = which_moment(reply)
        if choice is None:
            return {**events, "reprompt": None}, {slot: reply}  # a new try at the question
        tracker.slots[HELD] = {**held, "confirmed": True, "moment": choice}
        return {**events, "reprompt": None}, {slot: held.get("text") or ""}
    # A short reply is a yes or a no to the check; a longer one says more, a new try.
    answer = yes_or_no(reply) if len(words(reply)) <= SHORT_REPLY_WORDS else None
    if answer is True:
        tracker.slots[HELD] = {**held, "confirmed": True}
        return events, {slot: held.get("text") or ""}
    passing = answer is None and len(words(reply)) <= SHORT_REPLY_WORDS
    if passing and check_answer(slot, reply, today()) in NO_REPLY_TO_THE_CHECK:
        if tracker.get_slot("reprompt") != CHECK_AGAIN:
            # "hmm", "haha", "kut": no reply to the check. The held message is kept and the
            # check asked once more, in other words.
            return {CONFIRM_SLOT: None, "reprompt": CHECK_AGAIN}, {}
        answer = False  # twice no reply: set aside, as after a no
    if answer is False:
        dispatcher.utter_message(response="utter_unsure_set_aside")
        misfits = int(tracker.get_slot("misfit_count") or 0) + 1
        if misfits >= MISFITS_BEFORE_WAY_ON:
            return {**events, **way_on(slot, misfits)}, {}
        return {**events, **ask_again(slot, None, misfits)}, {}
    return events, {slot: reply}
