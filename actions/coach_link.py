"""Link a student to their coach with the code the coach gave them (/koppel CODE)."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo


class ActionLinkCoach(Action):
    def name(self) -> str:
        return "action_link_coach"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        code = next(tracker.get_latest_entity_values("invite_code"), None)
        if not code:
            dispatcher.utter_message(response="utter_link_ask_code")
        elif repo().link_student_to_coach(tracker.sender_id, code):
            dispatcher.utter_message(response="utter_link_ok")
        else:
            dispatcher.utter_message(response="utter_link_unknown")
        # The code is used once; keep it out of the tracker's slots.
        return [SlotSet("invite_code", None)]
