"""Storage for coach accounts and what a coach does with their students: session versions,
login throttling counts, invite codes (expiring, claimed atomically), the private label per
student, and the coach's verdict on a safety flag (plus its review export).

A mixin of ``Repository`` (bot/storage/repository.py): it uses ``self.session()`` and
``self._student``. Issue 13 wants storage split by aggregate; this is the coach aggregate.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Tuple

from sqlalchemy import and_, func, inspect, or_, select, update

from bot.storage.models import AuditLog, Coach, Conversation, InviteCode, Student, utcnow

INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I confusion on a phone
SAFETY_VERDICTS = ("terecht", "vals_alarm")
SAFETY_KINDS = ("suicide", "self_harm", "abuse", "homeless", "panic")
COACH_LABEL_MAX = 80


def normalise_invite_code(code: Optional[str]) -> str:
    return (code or "").strip().upper().replace("-", "").replace(" ", "")


def invite_fingerprint(code: str) -> str:
    """What the audit log keeps of a code: enough to match it, useless to claim it."""
    return hashlib.sha256(normalise_invite_code(code).encode("utf-8")).hexdigest()[:16]


def _epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


class CoachStore:
    # ---- sessions ----

    def session_version(self, coach_id: int) -> Optional[int]:
        with self.session() as s:
            return s.execute(select(Coach.session_version).where(Coach.id == coach_id)).scalar_one_or_none()

    def revoke_coach_sessions(self, coach_id: int) -> int:
        """Every session cookie of this coach stops working (logout); returns the new version."""
        with self.session() as s:
            s.execute(update(Coach).where(Coach.id == coach_id)
                      .values(session_version=Coach.session_version + 1))
            return s.execute(select(Coach.session_version).where(Coach.id == coach_id)).scalar_one()

    # ---- login throttling (rows in audit_log, so every process sees the same numbers) ----

    def audit_count_since(self, action: str, target: str, since: datetime) -> Tuple[int, Optional[datetime]]:
        """How many ``action`` rows for ``target`` since ``since``, and the newest one's time."""
        with self.session() as s:
            count, last = s.execute(
                select(func.count(AuditLog.id), func.max(AuditLog.at)).where(
                    AuditLog.action == action, AuditLog.target == target, AuditLog.at >= since
                )
            ).one()
            return int(count), last

    # ---- invite codes ----

    def create_invite_code(self, coach_id: int, valid_days: Optional[int] = None) -> str:
        """A short code that links one student to this coach, valid for ``valid_days``
        (INVITE_VALID_DAYS, 14). The audit row keeps only a fingerprint of the code."""
        from bot.config import settings

        days = settings().invite_valid_days if valid_days is None else valid_days
        with self.session() as s:
            while True:
                code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(8))
                if s.get(InviteCode, code) is None:
                    break
            now = utcnow()
            s.add(InviteCode(code=code, coach_id=coach_id, created_at=now, expires_at=now + timedelta(days=days)))
            s.add(AuditLog(coach_id=coach_id, action="invite_created", target=f"invite:{invite_fingerprint(code)}"))
            return code

    def link_student_to_coach(self, sender_id: str, code: str) -> bool:
        """Link a student to the coach who made ``code``. A code links one student, once, before it
        expires: the claim is one conditional UPDATE, so two students sending it at the same moment
        cannot both win. A new coach does not see what was shared with an earlier coach, and the
        earlier coach's label goes with the old link."""
        normalised = normalise_invite_code(code)
        if not normalised:
            return False
        with self.session() as s:
            student = self._student(s, sender_id)
            now = utcnow()
            claimed = s.execute(
                update(InviteCode)
                .where(InviteCode.code == normalised, InviteCode.used_at.is_(None),
                       or_(InviteCode.expires_at.is_(None), InviteCode.expires_at > now))
                .values(used_at=now, used_by_student_id=student.id)
                .execution_options(synchronize_session=False)
            )
            if claimed.rowcount != 1:
                return False
            coach_id = s.execute(select(InviteCode.coach_id).where(InviteCode.code == normalised)).scalar_one()
            previous = student.coach_id
            if previous != coach_id:
                student.coach_label = None
            if previous is None:
                # Shared before the student had any coach: it was meant for "my coach", this one.
                s.execute(
                    update(Conversation)
                    .where(Conversation.student_id == student.id, Conversation.consent == True,  # noqa: E712
                           Conversation.shared_with_coach_id.is_(None))
                    .values(shared_with_coach_id=coach_id)
                    .execution_options(synchronize_session=False)
                )
            student.coach_id = coach_id
            return True

    # ---- the coach's private label for a student ----

    def set_coach_label(self, coach_id: int, student_id: int, label: str) -> bool:
        """The coach's own name for one of their students ("" removes it); False if not theirs."""
        label = " ".join((label or "").split())[:COACH_LABEL_MAX]
        with self.session() as s:
            student = s.get(Student, student_id)
            if student is None or student.coach_id != coach_id:
                return False
            student.coach_label = label or None
            return True

    # ---- safety flags: the coach's verdict, and the review export ----

    def set_safety_verdict(self, coach_id: int, conversation_id: int, verdict: str, note: str = "") -> bool:
        """"terecht" or "vals_alarm" (with a note) on a flag of the coach's own student."""
        if verdict not in SAFETY_VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}; use one of {', '.join(SAFETY_VERDICTS)}")
        with self.session() as s:
            conversation = s.get(Conversation, conversation_id)
            if conversation is None or not conversation.safety_flag or conversation.student.coach_id != coach_id:
                return False
            conversation.safety_verdict = verdict
            conversation.safety_verdict_note = (note or "").strip() or None
            conversation.safety_verdict_at = utcnow()
            return True

    def crisis_review(self, with_text: bool = False) -> List[Dict[str, Any]]:
        """Every safety flag that has a coach's verdict, oldest first. ``with_text`` adds the
        student's message that raised it (from Rasa's events): only the explicit export asks."""
        from bot.storage.repository import _tracker_events

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
                    item["text"] = self._flagged_text(s, sender_id, conversation) if has_events else None
                review.append(item)
            return review

    @staticmethod
    def _flagged_text(s, sender_id: str, conversation: Conversation) -> Optional[str]:
        """The student's last message at or before the flag (the flag is written right after it)."""
        from bot.storage.repository import _tracker_events

        flagged = conversation.safety_flagged_at
        query = (
            select(_tracker_events.c.data)
            .where(_tracker_events.c.sender_id == sender_id, _tracker_events.c.type_name == "user")
            .order_by(_tracker_events.c.id.desc())
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


def coach_label_of(student: Student) -> str:
    """What a coach sees for a student: their own label, with the number to tell two apart."""
    return f"{student.coach_label} (student {student.id})" if student.coach_label else f"Student {student.id}"


def shared_with(coach_id: int):
    """SQL: a conversation the student shared with this coach."""
    return and_(Conversation.consent == True, Conversation.shared_with_coach_id == coach_id)  # noqa: E712


def is_shared_with(conversation: Conversation, coach_id: int) -> bool:
    return conversation.consent is True and conversation.shared_with_coach_id == coach_id
