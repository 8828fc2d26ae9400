"""The summary said back to the student before they decide whether to share it."""

from __future__ import annotations

from datetime import date

from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo
from bot.nlp.dates import format_dutch_date

MAX_FIELD_CHARS = 160


def _short(text: str | None) -> str:
    text = " ".join((text or "-").split())
    return text if len(text) <= MAX_FIELD_CHARS else text[: MAX_FIELD_CHARS - 1].rstrip() + "…"


def utter_summary(dispatcher: CollectingDispatcher, sender_id: str) -> None:
    data = repo().export_student(sender_id) or {}
    steps = []
    for step in data.get("action_steps", []):
        when = format_dutch_date(date.fromisoformat(step["when"])) if step["when"] else "-"
        who = f" (met {step['who']})" if step.get("who") else ""
        steps.append(f"  {len(steps) + 1}. {_short(step['what'])}: {when}{who}")
    dispatcher.utter_message(
        response="utter_summary",
        experience=_short(data.get("experience")),
        qualities=_short(data.get("qualities")),
        to_learn=_short(data.get("to_learn")),
        motives=_short(data.get("motives")),
        kernwoord=_short(data.get("kernwoord")),
        options=_short(data.get("options")),
        steps="\n".join(steps) or "  -",
    )
