"""Ask for the kernwoord (rule 7) offering only the student's own words as choices (NIVEA),
after a collecting summary of what they told, in their words turned to "je"."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.form_answers import first_story
from bot.nlp.kernwoorden import FIELD_WEIGHTS, candidate_kernwoorden
from bot.nlp.phases import SKIPPED
from bot.nlp.reflection import collecting_summary


class ActionAskKernwoord(Action):
    def name(self) -> str:
        return "action_ask_kernwoord"

    @staticmethod
    def _told(tracker: Tracker, slot: str) -> str | None:
        value = tracker.get_slot(slot)
        return value if isinstance(value, str) and value != SKIPPED else None

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answers = {field: tracker.get_slot(field) or "" for field in FIELD_WEIGHTS}
        words = candidate_kernwoorden(answers)
        last = tracker.get_slot("last_kernwoord")
        if tracker.get_slot("returning") and last:
            # Last time's kernwoord, to test or adjust: still the student's own word (NIVEA).
            words = [last] + [word for word in words if word.lower() != last.lower()][:3]
        if tracker.get_slot("reprompt") is None and not tracker.get_slot("misfit_count"):
            # Asked for the first time: first what the student told, in their own words, so
            # that the word is chosen from it.
            summary = collecting_summary(
                [first_story(tracker), self._told(tracker, "other_situations")],
                [self._told(tracker, "qualities"), self._told(tracker, "motives")],
            )
            if summary:
                dispatcher.utter_message(response=summary.response, **summary.values)
        if not words:
            dispatcher.utter_message(response="utter_ask_kernwoord_open")
        else:
            buttons = [{"title": word, "payload": word} for word in words]
            dispatcher.utter_message(response="utter_ask_kernwoord", buttons=buttons)
        return []
