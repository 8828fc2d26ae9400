"""Domain responses, never the same text twice in a row.

Rasa picks a response variation at random. When a question is asked again (an answer did not
fit, a greeting came in between) that can be the very text the student just read, which reads
as a bot that did not listen; the same frame around new words ("Als ik je goed begrijp: ...")
turn after turn reads as a formula. This generator is Rasa's own templated one with one change:
among the variations that fit, it leaves out those whose text, or whose fixed words around the
student's words, the bot sent among its last few messages, and picks the one used longest ago.
Named in endpoints.yml (``nlg``).
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

# How many of the bot's last messages a new one should differ from.
RECENT_MESSAGES = 6


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

        def last_used(pair: Tuple[Dict[Text, Any], Dict[Text, Any]]) -> int:
            template, response = pair
            text = response.get("text")
            if text in recent:
                return recent.index(text)
            return frame_last_used(template.get("text") or "", recent)

        # Never what the bot said last, nor its frame ("Als ik je goed begrijp: ..."); otherwise
        # the least recently said, at random among equals.
        pairs = list(zip(candidates, filled))
        best = max(last_used(pair) for pair in pairs)
        choices = [response for pair, response in zip(pairs, filled) if last_used(pair) == best]
        return choices[int(np.random.randint(len(choices)))]


# Shortest fixed wording before or after a template's first or last slot that counts as a frame.
MIN_FRAME_CHARS = 4


def frame_last_used(template: str, recent: List[str]) -> int:
    """How many messages ago the fixed words around ``template``'s slots ("Als ik je goed
    begrijp: {reflection}." has "Als ik je goed begrijp: ") opened or closed one of the
    ``recent`` texts (newest first); ``len(recent)`` when none did or the template has none."""
    if "{" not in template:
        return len(recent)
    before = template[: template.index("{")]
    after = template[template.rindex("}") + 1 :]
    for age, text in enumerate(recent):
        if len(before.strip()) >= MIN_FRAME_CHARS and text.startswith(before):
            return age
        if len(after.strip(" .")) >= MIN_FRAME_CHARS and text.endswith(after):
            return age
    return len(recent)
