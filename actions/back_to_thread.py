"""Talk of something else in the middle of the reflection, as the intent classifier reads it
(``out_of_scope``): answered, and back to the thread. The classifier knows no question, so the
answer check for the open question is asked first, and what it hears as an answer is
validated as one."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_replies import acknowledge, last_answer_said_back
from actions.reflection_form import ValidateReflectieForm
from bot.clock import today
from bot.nlp.answer_check import ANSWER, check_answer, starts_as_question
from bot.nlp.phases import FORM_SLOTS


class ActionBackToThread(Action):
    """A question about something else in the middle of the reflection ("hoe laat is het",
    NLU's out_of_scope): said that the bot cannot help there, and back to the student's last
    answer, before the form asks its question again. A remark about something else is
    acknowledged as one."""

    def name(self) -> str:
        return "action_back_to_thread"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        slot = tracker.get_slot("requested_slot")
        text = (tracker.latest_message or {}).get("text") or ""
        if slot in FORM_SLOTS and check_answer(slot, text, today()) == ANSWER:
            # The classifier knows no question; the answer check for this one hears an
            # answer ("ff op de site van de hotelschool kijken" as a step): it is validated.
            return ValidateReflectieForm().validate_as_answer(slot, text, dispatcher, tracker)
        if slot and "?" not in text and not starts_as_question(text):
            # A remark, not a question ("mn huisgenoot staat te koken"): no "dat weet ik niet",
            # but the remark heard as talk of something else.
            acknowledge("off_topic", text, slot, dispatcher, tracker)
            return []
        recap = last_answer_said_back(slot, tracker) if slot else None
        if recap:
            dispatcher.utter_message(response="utter_out_of_scope_recap", recap=recap)
        else:
            dispatcher.utter_message(response="utter_out_of_scope")
        return []
