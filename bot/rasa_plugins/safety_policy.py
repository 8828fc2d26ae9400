"""The crisis reply must win from any point of the conversation.

Rasa's RulePolicy gives an active form priority over every rule, and running a form calls
the action server; so with a form active, a crisis rule alone would wait for the form and
fail when the action server is down. This policy predicts the crisis sequence itself:
the domain response (which needs no action server), closing the form so the reflection
pauses, then flagging the conversation for the coach (a custom action, allowed to fail).
The same sequence is written as a rule in data/rules/safety.yml.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction, confidence_scores_for
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

CRISIS_INTENT = "crisis"
CRISIS_RESPONSE = "utter_crisis"
DEACTIVATE_FORM = "action_deactivate_loop"
FLAG_ACTION = "action_flag_crisis"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class SafetyPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Above RulePolicy (6), so a tie between the two goes to this policy.
        return {"priority": 7}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    @staticmethod
    def next_action(tracker: DialogueStateTracker) -> Optional[Text]:
        """The next step of the crisis sequence, or None when not in a crisis turn."""
        latest = tracker.latest_message
        if latest is None or latest.intent.get("name") != CRISIS_INTENT:
            return None
        last_action = tracker.latest_action_name
        if last_action == ACTION_LISTEN_NAME:
            return CRISIS_RESPONSE
        if last_action == CRISIS_RESPONSE:
            return DEACTIVATE_FORM if tracker.active_loop_name else FLAG_ACTION
        if last_action == DEACTIVATE_FORM:
            return FLAG_ACTION
        if last_action == FLAG_ACTION:
            return ACTION_LISTEN_NAME
        return None

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action = self.next_action(tracker)
        if action is None:
            return self._prediction(self._default_predictions(domain))
        # "No user prediction" puts it on a par with a form's happy path, which
        # the ensemble otherwise prefers over everything else.
        return self._prediction(confidence_scores_for(action, 1.0, domain), is_no_user_prediction=True)
