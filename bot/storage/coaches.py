"""Storage for coach accounts and what links a coach to their students: accounts, session
versions, the audit log (and login throttling counts from it), invite codes (expiring, claimed
atomically) and the private label per student. The dashboard's reads and the coach's notes are in
bot/storage/coach_dashboard.py; safety verdicts and their review export in
bot/storage/safety_verdicts.py.

A store of ``Repository`` (bot/storage/repository.py).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update

from bot.config import settings
from bot.storage.codes import INVITE_ALPHABET, normalise_invite_code
from bot.storage.models import AuditLog, Coach, Conversation, InviteCode, Student, utcnow
from bot.storage.queries import student_row
from bot.storage.store import Store

COACH_LABEL_MAX = 80


def invite_fingerprint(code: str) -> str:
    """What the audit log keeps of a code: enough to match it, useless to claim it."""
    return hashlib.sha256(normalise_invite_code(code).encode("utf-8")).hexdigest()[:16]


class CoachStore(Store):
    # ---- accounts ----

    def add_coach(
        self, email: str, password_hash: str, is_admin: bool = False, is_trainer: bool = False
    ) -> int:
        with self.session() as s:
            coach = Coach(
                email=email.strip().lower(),
                password_hash=password_hash,
                is_admin=is_admin,
                is_trainer=is_trainer,
            )
            s.add(coach)
            s.flush()
            return coach.id

    def find_coach_by_email(self, email: str) -> Coach | None:
        with self.session() as s:
            return s.execute(
                select(Coach).where(Coach.email == (email or "").strip().lower())
            ).scalar_one_or_none()

    def get_coach(self, coach_id: int) -> Coach | None:
        with self.session() as s:
            return s.get(Coach, coach_id)

    def set_coach_password_hash(self, coach_id: int, password_hash: str) -> None:
        with self.session() as s:
            coach = s.get(Coach, coach_id)
            if coach is None:
                raise LookupError(f"no coach {coach_id}")
            coach.password_hash = password_hash

    # ---- sessions ----

    def session_version(self, coach_id: int) -> int | None:
        with self.session() as s:
            return s.execute(
                select(Coach.session_version).where(Coach.id == coach_id)
            ).scalar_one_or_none()

    def revoke_coach_sessions(self, coach_id: int) -> int:
        """Every session cookie of this coach stops working (logout); returns the new version."""
        with self.session() as s:
            s.execute(
                update(Coach)
                .where(Coach.id == coach_id)
                .values(session_version=Coach.session_version + 1)
            )
            return s.execute(select(Coach.session_version).where(Coach.id == coach_id)).scalar_one()

    # ---- audit log ----

    def record_audit(self, coach_id: int | None, action: str, target: str) -> None:
        with self.session() as s:
            s.add(AuditLog(coach_id=coach_id, action=action[:64], target=target[:128]))

    def audit_entries(
        self, coach_id: int | None = None, action: str | None = None
    ) -> list[dict[str, Any]]:
        with self.session() as s:
            query = select(AuditLog).order_by(AuditLog.id)
            if coach_id is not None:
                query = query.where(AuditLog.coach_id == coach_id)
            if action is not None:
                query = query.where(AuditLog.action == action)
            return [
                {"coach_id": row.coach_id, "action": row.action, "target": row.target, "at": row.at}
                for row in s.execute(query).scalars()
            ]

    # ---- login throttling (rows in audit_log, so every process sees the same numbers) ----

    def audit_count_since(
        self, action: str, target: str, since: datetime
    ) -> tuple[int, datetime | None]:
        """How many ``action`` rows for ``target`` since ``since``, and the newest one's time."""
        with self.session() as s:
            count, last = s.execute(
                select(func.count(AuditLog.id), func.max(AuditLog.at)).where(
                    AuditLog.action == action, AuditLog.target == target, AuditLog.at >= since
                )
            ).one()
            return int(count), last

    # ---- invite codes ----

    def create_invite_code(self, coach_id: int, valid_days: int | None = None) -> str:
        """A short code that links one student to this coach, valid for ``valid_days``
        (INVITE_VALID_DAYS, 14). The audit row keeps only a fingerprint of the code."""
        days = settings().invite_valid_days if valid_days is None else valid_days
        with self.session() as s:
            while True:
                code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(8))
                if s.get(InviteCode, code) is None:
                    break
            now = utcnow()
            s.add(
                InviteCode(
                    code=code,
                    coach_id=coach_id,
                    created_at=now,
                    expires_at=now + timedelta(days=days),
                )
            )
            s.add(
                AuditLog(
                    coach_id=coach_id,
                    action="invite_created",
                    target=f"invite:{invite_fingerprint(code)}",
                )
            )
            return code

    def has_coach(self, sender_id: str) -> bool:
        """Whether the student is linked to a coach (who can then see what they share)."""
        with self.session() as s:
            coach_id = s.execute(
                select(Student.coach_id).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()
            return coach_id is not None

    def link_student_to_coach(self, sender_id: str, code: str) -> bool:
        """Link a student to the coach who made ``code``. A code links one student, once, before it
        expires: the claim is one conditional UPDATE, so two students sending it at the same moment
        cannot both win. A new coach does not see what was shared with an earlier coach, and the
        earlier coach's label goes with the old link."""
        normalised = normalise_invite_code(code)
        if not normalised:
            return False
        with self.session() as s:
            student = student_row(s, sender_id)
            now = utcnow()
            claimed = s.execute(
                update(InviteCode)
                .where(
                    InviteCode.code == normalised,
                    InviteCode.used_at.is_(None),
                    or_(InviteCode.expires_at.is_(None), InviteCode.expires_at > now),
                )
                .values(used_at=now, used_by_student_id=student.id)
                .execution_options(synchronize_session=False)
            )
            if claimed.rowcount != 1:
                return False
            coach_id = s.execute(
                select(InviteCode.coach_id).where(InviteCode.code == normalised)
            ).scalar_one()
            previous = student.coach_id
            if previous != coach_id:
                student.coach_label = None
            if previous is None:
                # Shared before the student had any coach: it was meant for "my coach", this one.
                s.execute(
                    update(Conversation)
                    .where(
                        Conversation.student_id == student.id,
                        Conversation.consent == True,  # noqa: E712
                        Conversation.shared_with_coach_id.is_(None),
                    )
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
