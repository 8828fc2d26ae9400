"""Flag a conversation for the coach after the crisis reply (which is a domain response
and does not depend on this action succeeding)."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo


class ActionFlagCrisis(Action):
    def name(self) -> Text:
        return "action_flag_crisis"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        repo().flag_safety(tracker.sender_id)
        return []
