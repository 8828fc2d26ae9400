"""The summary said back to the student before they decide whether to share it, their answers
turned to the second person ("ik help graag mensen" -> "je helpt graag mensen"); the coach's
views keep the student's own words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo
from bot.nlp.second_person import to_second_person, without_opening
from bot.steps_text import shorten, steps_text

# "t" for "het", as chat spells it: written out in the summary the student reads back.
_CHAT_HET = re.compile(r"(?<![\w'-])'?t(?![\w'-])")
# A sentence inside an answer starts with a capital: "... tegen je. Je moest ...".
_SENTENCE_START = re.compile(r"([.!?]\s+)([a-z])")


def _said(text: str | None) -> str:
    if not text:
        return shorten(None)
    said = _CHAT_HET.sub("het", to_second_person(without_opening(text)))
    return shorten(_SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), said))


def utter_summary(dispatcher: CollectingDispatcher, sender_id: str) -> None:
    data: Mapping[str, Any] = repo().latest_conversation(sender_id) or {}
    dispatcher.utter_message(
        response="utter_summary",
        experience=_said(data.get("experience")),
        qualities=_said(data.get("qualities")),
        to_learn=_said(data.get("to_learn")),
        motives=_said(data.get("motives")),
        kernwoord=shorten(data.get("kernwoord")),
        options=_said(data.get("options")),
        steps=steps_text(data.get("action_steps", []), listing=False) or "  -",
    )
