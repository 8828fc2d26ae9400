"""Flag a conversation for the coach after the crisis reply (which is a domain response
and does not depend on this action succeeding)."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo


class ActionFlagCrisis(Action):
    def name(self) -> str:
        return "action_flag_crisis"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        # The kind (suicide, abuse, ...) tells the coach which help line the student got.
        repo().flag_safety(tracker.sender_id, tracker.get_slot("crisis_kind"))
        return []
