"""The response generator never says the bot's last text again, nor its frame."""

from __future__ import annotations

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.nlg import VariedResponses, frame_last_used

FRAMES = {
    "utter_say_back": [
        {"text": "Als ik je goed begrijp: {reflection}."},
        {"text": "Ik hoor het: {reflection}."},
        {"text": "{sentence} Dat neem ik mee."},
        {"text": "{sentence}"},
    ]
}


def _generate(recent: list[str]) -> str:
    domain = Domain.from_dict({"responses": FRAMES})
    tracker = DialogueStateTracker.from_events("s", [BotUttered(text) for text in recent])
    reply = asyncio.run(
        VariedResponses(domain=domain).generate(
            "utter_say_back", tracker, "rest", reflection="je schrok", sentence="Je schrok."
        )
    )
    return reply["text"]


def test_a_frame_said_recently_is_left_out_for_a_new_reflection():
    recent = [
        "Als ik je goed begrijp: je liet een dienblad vallen.",
        "Wat merkte je bij jezelf?",
        "Ik hoor het: je werkt in de bediening.",
        "Je werkt in de bediening. Dat neem ik mee.",
    ]
    for _ in range(20):  # the choice is random among the frames used longest ago
        assert _generate(recent) == "Je schrok."


def test_how_long_ago_a_frame_was_used():
    recent = ["Wat merkte je?", "Als ik je goed begrijp: je viel."]
    assert frame_last_used("Als ik je goed begrijp: {reflection}.", recent) == 1
    assert frame_last_used("{sentence} Dat neem ik mee.", recent) == 2  # not used
    assert frame_last_used("{sentence}", recent) == 2  # no fixed words: no frame
    assert frame_last_used("Wat merkte je?", recent) == 2  # no slot: the text itself counts
