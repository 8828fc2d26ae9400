"""The summary said back to the student before they decide whether to share it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo
from bot.steps_text import shorten, steps_text


def utter_summary(dispatcher: CollectingDispatcher, sender_id: str) -> None:
    data: Mapping[str, Any] = repo().latest_conversation(sender_id) or {}
    dispatcher.utter_message(
        response="utter_summary",
        experience=shorten(data.get("experience")),
        qualities=shorten(data.get("qualities")),
        to_learn=shorten(data.get("to_learn")),
        motives=shorten(data.get("motives")),
        kernwoord=shorten(data.get("kernwoord")),
        options=shorten(data.get("options")),
        steps=steps_text(data.get("action_steps", []), listing=False) or "  -",
    )
