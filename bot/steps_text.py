"""A student's action steps as text, in one place: the list /acties sends (Telegram), the
steps in the summary at the end of a conversation (every channel) and the steps in the
coach's PDF. The student reads their steps in the second person ("Je belt je mentor",
``bot.nlp.second_person``); the coach reads them as the student wrote them.
Dates: bot/dutch_dates.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from bot.dutch_dates import long_date, short_date
from bot.nlp.second_person import step_for_student, to_second_person

# Status names in the student's words, and the coach's labels (dashboard, PDF).
STATUS_NAMES = {
    "open": "nog te doen",
    "gedaan": "gedaan",
    "bijgesteld": "aangepast",
    "vervallen": "niet meer nodig",
}
COACH_STATUS_LABELS = {
    "open": "Open",
    "gedaan": "Gedaan",
    "bijgesteld": "Bijgesteld",
    "vervallen": "Vervallen",
}
MAX_SUMMARY_CHARS = 160  # the summary shortens a long answer or step to this many characters
NO_DATE = "nog geen datum"  # a step stored without a date ("nog geen datum" was chosen)


def due_date(step: Mapping[str, Any]) -> date | None:
    """The step's date, from an export ('when', ISO text) or a coach view ('due_date')."""
    value = step.get("when", step.get("due_date"))
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value


def shorten(text: str | None, limit: int = MAX_SUMMARY_CHARS) -> str:
    """One line of at most ``limit`` characters ('-' for nothing), cut with an ellipsis."""
    text = " ".join((text or "-").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def steps_text(steps: Iterable[Mapping[str, Any]], *, listing: bool) -> str:
    """The steps, numbered. ``listing`` (/acties): each step on its own lines with when, who
    and how it stands. Otherwise (the summary): one short line per step, indented."""
    lines: list[str] = []
    for number, step in enumerate(steps, start=1):
        due = due_date(step)
        when = long_date(due) if due is not None else None
        # The helper in the student's words, turned to "je" ("mijn zus" -> "je zus").
        who = to_second_person(step["who"]) if step.get("who") else None
        said = step_for_student(step["what"]) or step["what"]
        if listing:
            lines.append(f"{number}. {said[:1].upper()}{said[1:]}")
            if when:
                lines.append(f"   Wanneer: {when}")
            if who:
                lines.append(f"   Met wie: {who}")
            status = step.get("status") or "open"
            lines.append(f"   Stand: {STATUS_NAMES.get(status, status)}")
        else:
            with_whom = ""
            if who:
                # "samen met je zus" already says "met".
                with_whom = (
                    f" ({who})" if who.lower().startswith(("met ", "samen")) else f" (met {who})"
                )
            lines.append(f"  {number}. {shorten(said)}: {when or NO_DATE}{with_whom}")
    return "\n".join(lines)


def coach_step_details(step: dict[str, Any]) -> str:
    """'wanneer: 08-05-2026; met wie: Jan; status: Gedaan': a step's details in the coach's PDF."""
    due = due_date(step)
    details = [f"wanneer: {short_date(due) if due is not None else 'nog niet bepaald'}"]
    if step.get("who"):
        details.append(f"met wie: {step['who']}")
    status = step.get("status") or "open"
    details.append(f"status: {COACH_STATUS_LABELS.get(status, status)}")
    return "; ".join(details)
