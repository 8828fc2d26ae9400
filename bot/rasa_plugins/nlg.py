"""Domain responses, never the same text twice in a row.

Rasa picks a response variation at random. When a question is asked again (an answer did not
fit, a greeting came in between) that can be the very text the student just read, which reads
as a bot that did not listen. This generator is Rasa's own templated one with one change: among
the variations that fit, it leaves out those whose text the bot sent among its last few
messages, and picks the one used longest ago. Named in endpoints.yml (``nlg``).
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

# How many of the bot's last messages a new one should differ from.
RECENT_MESSAGES = 4


def recent_bot_texts(tracker: DialogueStateTracker, limit: int = RECENT_MESSAGES) -> List[str]:
    """The bot's last ``limit`` texts, newest first."""
    texts: List[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, BotUttered) and event.text:
            texts.append(event.text)
            if len(texts) >= limit:
                break
    return texts


class VariedResponses(TemplatedNaturalLanguageGenerator):
    def __init__(
        self, endpoint_config: Optional[EndpointConfig] = None, domain: Optional[Domain] = None
    ) -> None:
        super().__init__(domain.responses if domain else {})

    async def generate(
        self,
        utter_action: Text,
        tracker: DialogueStateTracker,
        output_channel: Text,
        **kwargs: Any,
    ) -> Optional[Dict[Text, Any]]:
        filled_slots = tracker.current_slot_values()
        candidates = ResponseVariationFilter(self.responses).responses_for_utter_action(
            utter_action, output_channel, filled_slots
        )
        if not candidates:
            return None
        filled = [
            self._fill_response(copy.deepcopy(response), filled_slots, **kwargs)
            for response in candidates
        ]
        recent = recent_bot_texts(tracker)

        def last_used(response: Dict[Text, Any]) -> int:
            text = response.get("text")
            return recent.index(text) if text in recent else len(recent)

        # Never what the bot said last; otherwise the least recently said, at random among equals.
        best = max(last_used(response) for response in filled)
        choices = [response for response in filled if last_used(response) == best]
        return choices[int(np.random.randint(len(choices)))]
