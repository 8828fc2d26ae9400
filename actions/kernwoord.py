"""Ask for the kernwoord (rule 7) offering only the student's own words as choices (NIVEA)."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.nlp.kernwoorden import FIELD_WEIGHTS, candidate_kernwoorden


class ActionAskKernwoord(Action):
    def name(self) -> str:
        return "action_ask_kernwoord"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answers = {field: tracker.get_slot(field) or "" for field in FIELD_WEIGHTS}
        words = candidate_kernwoorden(answers)
        last = tracker.get_slot("last_kernwoord")
        if tracker.get_slot("returning") and last:
            # Last time's kernwoord, to test or adjust: still the student's own word (NIVEA).
            words = [last] + [word for word in words if word.lower() != last.lower()][:3]
        if not words:
            dispatcher.utter_message(response="utter_ask_kernwoord_open")
        else:
            buttons = [{"title": word, "payload": word} for word in words]
            dispatcher.utter_message(response="utter_ask_kernwoord", buttons=buttons)
        return []
