"""The student's right to take back sharing with their coach, and to share again (the REST
channel and the terminal chat; the web chat and Telegram call the same repository methods)."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo


class ActionWithdrawConsent(Action):
    def name(self) -> str:
        return "action_withdraw_consent"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        changed = repo().withdraw_consent(tracker.sender_id)
        dispatcher.utter_message(
            response="utter_consent_withdrawn" if changed else "utter_consent_nothing_shared"
        )
        return []


class ActionShareAgain(Action):
    def name(self) -> str:
        return "action_share_again"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        changed = repo().share_again(tracker.sender_id)
        dispatcher.utter_message(
            response="utter_shared_again" if changed else "utter_shared_nothing"
        )
        return []
