"""Practice mode as one service: start, continue, finish and rebuild a practice session.

Both channels (bot/web/practice.py, bot/telegram/practice.py) call this module and keep only
what is their own: HTTP and templates, or Telegram updates and keyboards. The service decides;
a channel renders the :class:`Outcome` it gets back (the student's reply, the crisis reply, the
report text, or a status for which the channel has its own words).

Storage is the source of truth: nothing is kept in memory. A running session is rebuilt on every
line with ``PracticeSession.from_dict`` (the simulated student is deterministic per persona and
seed; the seed is the stored row's id, so two sessions with one persona read differently), the
line is added and the whole transcript is stored again. A restart of a channel loses nothing.

The calls are blocking (database, replay): Telegram runs them off its event loop.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.channels import crisis
from bot.practice.session import PracticeSession
from bot.practice.student.personas import PERSONAS

log = logging.getLogger(__name__)

# Replaying a very long transcript on every line gets slow; a real conversation is far shorter.
MAX_COACH_TURNS = 80

# What happened to a line or a finish; each channel has its own words for the statuses.
REPLY = "reply"  # the simulated student answered: Outcome.text
CRISIS = "crisis"  # a real person typed a crisis message: Outcome.text is the real crisis reply
EMPTY = "empty"  # nothing typed
TOO_LONG = "too_long"  # longer than the channel's limit
FULL = "full"  # MAX_COACH_TURNS reached: finish to get the report
ALREADY_FINISHED = "already_finished"  # the session has its report; no more lines
BROKEN = "broken"  # the stored session cannot be rebuilt (a persona that no longer exists): closed
NOTHING_SAID = "nothing_said"  # finish without any line: closed without a report (or left open)
REPORT = "report"  # finished: Outcome.text is the report as chat text, Outcome.report the dict


@dataclass(frozen=True)
class Outcome:
    status: str
    text: str = ""
    report: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def persona_name(key: str) -> str:
    """The persona's first name, or the key itself for one that no longer exists."""
    persona = PERSONAS.get(key)
    return persona.name if persona else key


def is_persona(key: str | None) -> bool:
    return bool(key) and key in PERSONAS


def persona_menu() -> list[tuple[str, str]]:
    """(key, one-line description) of every persona, for a channel's menu."""
    return list(PracticeSession.personas)


def coach_turns(transcript: list[dict[str, str]]) -> int:
    return sum(1 for turn in transcript or [] if turn.get("speaker") == "coach")


def rebuild(row: dict[str, Any]) -> PracticeSession:
    """The session of a stored row, replayed from its transcript (never with the stored report:
    finishing computes it again, so it always matches the transcript)."""
    return PracticeSession.from_dict(
        {
            "persona": row["persona"],
            "seed": row["id"],
            "transcript": row["transcript"],
            "report": None,
        }
    )


def crisis_reply(text: str) -> str | None:
    """The real crisis reply when a real person typed a crisis message, else None.

    Whatever they are practising, the whole text is checked (before any length limit). It is
    not a line for the simulated student and is not stored; a trainee is not a student, so no
    safety flag is written either.
    """
    assessment = crisis.check(text or "")
    return crisis.reply_text(assessment.kind) if assessment.is_crisis else None


class PracticeService:
    """The product side of practice mode for one repository."""

    def __init__(self, repo: Any, max_chars: int | None = None) -> None:
        self.repo = repo
        self.max_chars = max_chars

    # ---- start and find ----

    def start(
        self,
        persona: str,
        *,
        coach_id: int | None = None,
        trainee_sender_id: str | None = None,
    ) -> int:
        """A new session for a dashboard account or a chat sender; ValueError for an unknown persona."""
        if not is_persona(persona):
            raise ValueError(f"unknown persona {persona!r}")
        return self.repo.start_practice(
            persona, coach_id=coach_id, trainee_sender_id=trainee_sender_id
        )

    def running(self, trainee_sender_id: str) -> dict[str, Any] | None:
        """A chat sender's running session (with transcript): the newest without ``ended_at``."""
        history = self.repo.practice_history(trainee_sender_id=trainee_sender_id)
        item = next((h for h in history if h["ended_at"] is None), None)
        return self.repo.get_practice(item["id"]) if item is not None else None

    # ---- one line ----

    def say(self, row: dict[str, Any], text: str) -> Outcome:
        """One line of the coach; the student's reply is stored before it is returned."""
        text = (text or "").strip()
        if not text:
            return Outcome(EMPTY)
        reply = crisis_reply(text)
        if reply is not None:
            return Outcome(CRISIS, reply)
        if row.get("report") is not None or row.get("ended_at") is not None:
            return Outcome(ALREADY_FINISHED)
        if self.max_chars is not None and len(text) > self.max_chars:
            return Outcome(TOO_LONG, extra={"limit": self.max_chars})
        session = self.open(row)
        if session is None:
            return Outcome(BROKEN)
        if coach_turns(row["transcript"]) >= MAX_COACH_TURNS:
            return Outcome(FULL)
        reply = session.coach_says(text)
        # Stored before it is shown: what the coach saw is always in the transcript.
        self.repo.save_practice(row["id"], session.to_dict()["transcript"])
        return Outcome(REPLY, reply)

    # ---- the end ----

    def finish(self, row: dict[str, Any], *, close_empty: bool = True) -> Outcome:
        """Close the session and store its report. Without any line there is no report: with
        ``close_empty`` the session is closed anyway (a chat moves on), else it stays open (the
        web page asks for a line first)."""
        if row.get("report") is not None:
            return Outcome(REPORT, self.report_text(row), row["report"])
        session = self.open(row)
        if session is None:
            return Outcome(BROKEN)
        if not session.transcript:
            if close_empty:
                self.repo.save_practice(row["id"], [], ended=True)
            return Outcome(NOTHING_SAID)
        report = session.finish().to_dict()
        self.repo.save_practice(row["id"], session.to_dict()["transcript"], report, ended=True)
        return Outcome(REPORT, session.report_text(), report)

    def report_text(self, row: dict[str, Any]) -> str:
        """The finished session's report as plain chat text (< 3500 characters)."""
        session = rebuild(row)
        return session.report_text()

    def open(self, row: dict[str, Any]) -> PracticeSession | None:
        """The rebuilt session, or None for one that cannot be rebuilt: that one is closed."""
        try:
            return rebuild(row)
        except Exception:  # for example a persona that no longer exists
            log.exception(
                "Practice session %s cannot be rebuilt; closing it without a report", row["id"]
            )
            self.repo.save_practice(row["id"], row["transcript"], ended=True)
            return None
