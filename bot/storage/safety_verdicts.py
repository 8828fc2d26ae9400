"""Storage for the coach's verdict on a safety flag ("terecht" or "vals_alarm") and the review
export of every judged flag (optionally with the student's message that raised it, read from
Rasa's tracker events).

A mixin of ``Repository`` (bot/storage/repository.py): it uses ``self.session()``.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from bot.storage.db import tracker_events
from bot.storage.models import Conversation, Student, utcnow
from bot.storage.store import Store

SAFETY_VERDICTS = ("terecht", "vals_alarm")


def _epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


class SafetyVerdictStore(Store):
    # ---- safety flags: the coach's verdict, and the review export ----

    def set_safety_verdict(
        self, coach_id: int, conversation_id: int, verdict: str, note: str = ""
    ) -> bool:
        """ "terecht" or "vals_alarm" (with a note) on a flag of the coach's own student."""
        if verdict not in SAFETY_VERDICTS:
            raise ValueError(
                f"unknown verdict {verdict!r}; use one of {', '.join(SAFETY_VERDICTS)}"
            )
        with self.session() as s:
            conversation = s.get(Conversation, conversation_id)
            if (
                conversation is None
                or not conversation.safety_flag
                or conversation.student.coach_id != coach_id
            ):
                return False
            conversation.safety_verdict = verdict
            conversation.safety_verdict_note = (note or "").strip() or None
            conversation.safety_verdict_at = utcnow()
            return True

    def crisis_review(self, with_text: bool = False) -> list[dict[str, Any]]:
        """Every safety flag that has a coach's verdict, oldest first. ``with_text`` adds the
        student's message that raised it (from Rasa's events): only the explicit export asks."""
        with self.session() as s:
            rows = s.execute(
                select(Conversation, Student.sender_id)
                .join(Student, Conversation.student_id == Student.id)
                .where(Conversation.safety_flag == True, Conversation.safety_verdict.isnot(None))  # noqa: E712
                .order_by(Conversation.safety_flagged_at, Conversation.id)
            ).all()
            has_events = with_text and inspect(s.connection()).has_table("events")
            review = []
            for conversation, sender_id in rows:
                item = {
                    "conversation_id": conversation.id,
                    "kind": conversation.safety_kind,
                    "verdict": conversation.safety_verdict,
                    "label": "crisis" if conversation.safety_verdict == "terecht" else "geen",
                    "note": conversation.safety_verdict_note,
                    "flagged_at": conversation.safety_flagged_at,
                    "verdict_at": conversation.safety_verdict_at,
                }
                if with_text:
                    item["text"] = (
                        self._flagged_text(s, sender_id, conversation) if has_events else None
                    )
                review.append(item)
            return review

    @staticmethod
    def _flagged_text(s: Session, sender_id: str, conversation: Conversation) -> str | None:
        """The student's last message at or before the flag (the flag is written right after it)."""
        flagged = conversation.safety_flagged_at
        query = (
            select(tracker_events.c.data)
            .where(tracker_events.c.sender_id == sender_id, tracker_events.c.type_name == "user")
            .order_by(tracker_events.c.id.desc())
        )
        for (data,) in s.execute(query):
            event = json.loads(data or "{}")
            stamp = event.get("timestamp")
            if flagged is not None and stamp is not None and float(stamp) > _epoch(flagged) + 1.0:
                continue
            text = event.get("text")
            if text:
                return str(text)
        return None
