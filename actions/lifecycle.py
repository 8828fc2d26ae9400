"""The end of a reflection."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset
from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo


class ActionFinishReflection(Action):
    """Close the stored conversation and clear the slots, so the next message can start a
    new reflection (the stored conversation keeps everything)."""

    def name(self) -> str:
        return "action_finish_reflection"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        shared = tracker.get_slot("share_consent") == "ja"
        repo().finish_conversation(tracker.sender_id)
        if shared and not repo().has_coach(tracker.sender_id):
            # Shared, but no coach to see it yet: the student hears how one gets to.
            response = "utter_finished_shared_no_coach"
        else:
            response = "utter_finished_shared" if shared else "utter_finished_private"
        dispatcher.utter_message(response=response)
        return [AllSlotsReset()]
