"""Storage for coach accounts and what a coach does with their students: accounts, session
versions, the audit log (and login throttling counts from it), invite codes (expiring, claimed
atomically), the private label per student, notes, the dashboard's reads of shared
conversations, and the coach's verdict on a safety flag (plus its review export).

A coach sees only their own students (students.coach_id) and, of those, only the
conversations the student agreed to share (consent is True). The one exception is the
safety flag: its existence (never the content) is shown for unshared conversations too.

A mixin of ``Repository`` (bot/storage/repository.py): it uses ``self.session()``,
``self._student`` (bot/storage/privacy.py) and ``self.conversation_dict``
(bot/storage/conversations.py).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, func, inspect, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement

from bot.config import settings
from bot.storage.codes import INVITE_ALPHABET, normalise_invite_code
from bot.storage.db import tracker_events
from bot.storage.models import (
    ActionStep,
    AuditLog,
    Coach,
    CoachNote,
    Conversation,
    InviteCode,
    Student,
    utcnow,
)
from bot.storage.store import Store

SAFETY_VERDICTS = ("terecht", "vals_alarm")
SAFETY_KINDS = ("suicide", "self_harm", "abuse", "homeless", "panic")
COACH_LABEL_MAX = 80


def invite_fingerprint(code: str) -> str:
    """What the audit log keeps of a code: enough to match it, useless to claim it."""
    return hashlib.sha256(normalise_invite_code(code).encode("utf-8")).hexdigest()[:16]


def _epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


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

    def count_audit(self, action: str, target: str, since: datetime) -> int:
        with self.session() as s:
            return s.execute(
                select(func.count(AuditLog.id)).where(
                    AuditLog.action == action, AuditLog.target == target, AuditLog.at >= since
                )
            ).scalar_one()

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

    # ---- the dashboard: the coach's students, their shared conversations and steps, notes ----

    @staticmethod
    def _shared(coach_id: int) -> ColumnElement:
        """SQL: shared by the student with this coach (not with an earlier one)."""
        return shared_with(coach_id)

    def _coach_student_summary(self, s: Session, student: Student) -> dict[str, Any]:
        invite = (
            s.execute(
                select(InviteCode)
                .where(InviteCode.used_by_student_id == student.id)
                .order_by(InviteCode.used_at.desc())
            )
            .scalars()
            .first()
        )
        shared = [c for c in student.conversations if is_shared_with(c, student.coach_id)]
        return {
            "id": student.id,
            "coach_label": student.coach_label or "",
            "channel": student.channel,
            "invite_code": invite.code if invite else None,
            "linked_at": invite.used_at if invite else None,
            "shared_count": len(shared),
            "last_shared_at": max((c.started_at for c in shared), default=None),
            "safety_flag": any(c.safety_flag for c in student.conversations),
        }

    def coach_students(self, coach_id: int) -> list[dict[str, Any]]:
        with self.session() as s:
            students = (
                s.execute(select(Student).where(Student.coach_id == coach_id).order_by(Student.id))
                .scalars()
                .all()
            )
            return [self._coach_student_summary(s, student) for student in students]

    def coach_steps_due(self, coach_id: int, until: date) -> list[dict[str, Any]]:
        """Steps still to do (open or bijgesteld) of shared conversations, due on or before ``until``."""
        with self.session() as s:
            rows = s.execute(
                select(ActionStep, Student)
                .join(Conversation, ActionStep.conversation_id == Conversation.id)
                .join(Student, Conversation.student_id == Student.id)
                .where(
                    Student.coach_id == coach_id,
                    self._shared(coach_id),
                    ActionStep.status.in_(("open", "bijgesteld")),
                    ActionStep.due_date.isnot(None),
                    ActionStep.due_date <= until,
                )
                .order_by(ActionStep.due_date, ActionStep.id)
            ).all()
            return [
                {
                    "id": step.id,
                    "what": step.what,
                    "due_date": step.due_date,
                    "who": step.who,
                    "status": step.status,
                    "conversation_id": step.conversation_id,
                    "student_id": student.id,
                    "student_coach_label": student.coach_label or "",
                }
                for step, student in rows
            ]

    def coach_safety_flags(self, coach_id: int) -> list[dict[str, Any]]:
        """Every safety flag of the coach's own students, shared or not; no content."""
        with self.session() as s:
            rows = (
                s.execute(
                    select(Conversation)
                    .join(Student, Conversation.student_id == Student.id)
                    .where(Student.coach_id == coach_id, Conversation.safety_flag == True)  # noqa: E712
                    .order_by(Conversation.safety_flagged_at.desc(), Conversation.id.desc())
                )
                .scalars()
                .all()
            )
            return [
                {
                    "student_id": c.student_id,
                    "student_coach_label": c.student.coach_label or "",
                    "shared": is_shared_with(c, coach_id),
                    "conversation_id": c.id if is_shared_with(c, coach_id) else None,
                    # Which flag this is, for the coach's verdict (the id alone shows no content).
                    "flag_id": c.id,
                    "flagged_at": c.safety_flagged_at or c.started_at,
                    "kind": c.safety_kind,
                    "verdict": c.safety_verdict,
                    "verdict_note": c.safety_verdict_note or "",
                    "verdict_at": c.safety_verdict_at,
                }
                for c in rows
            ]

    def coach_student(self, coach_id: int, student_id: int) -> dict[str, Any] | None:
        """One of the coach's own students with their shared conversations; None if not theirs."""
        with self.session() as s:
            student = s.get(Student, student_id)
            if student is None or student.coach_id != coach_id:
                return None
            summary = self._coach_student_summary(s, student)
            conversations = []
            for c in student.conversations:
                if not is_shared_with(c, coach_id):
                    continue
                data = self.conversation_dict(c)
                data["started_at"] = c.started_at
                data["ended_at"] = c.ended_at
                data["action_steps"] = [
                    {
                        "id": st.id,
                        "what": st.what,
                        "due_date": st.due_date,
                        "who": st.who,
                        "status": st.status,
                    }
                    for st in c.action_steps
                ]
                note = (
                    s.execute(
                        select(CoachNote).where(
                            CoachNote.conversation_id == c.id, CoachNote.coach_id == coach_id
                        )
                    )
                    .scalars()
                    .first()
                )
                data["note"] = note.text if note else ""
                data["note_updated_at"] = note.updated_at if note else None
                conversations.append(data)
            summary["conversations"] = conversations
            summary["unshared_safety_flags"] = [
                c.safety_flagged_at or c.started_at
                for c in student.conversations
                if c.safety_flag and not is_shared_with(c, coach_id)
            ]
            return summary

    def coach_conversation(self, coach_id: int, conversation_id: int) -> dict[str, Any] | None:
        """A shared conversation of one of the coach's own students; None otherwise."""
        with self.session() as s:
            c = s.get(Conversation, conversation_id)
            if c is None or not is_shared_with(c, coach_id) or c.student.coach_id != coach_id:
                return None
            data = self.conversation_dict(c)
            data["started_at"] = c.started_at
            data["student_id"] = c.student_id
            data["student_coach_label"] = c.student.coach_label or ""
            data["action_steps"] = [
                {
                    "id": st.id,
                    "what": st.what,
                    "due_date": st.due_date,
                    "who": st.who,
                    "status": st.status,
                }
                for st in c.action_steps
            ]
            return data

    def coach_step(self, coach_id: int, step_id: int) -> dict[str, Any] | None:
        """An action step of a shared conversation of the coach's own student; None otherwise."""
        with self.session() as s:
            step = s.get(ActionStep, step_id)
            if step is None:
                return None
            c = step.conversation
            if not is_shared_with(c, coach_id) or c.student.coach_id != coach_id:
                return None
            return {
                "id": step.id,
                "status": step.status,
                "conversation_id": c.id,
                "student_id": c.student_id,
            }

    def save_coach_note(self, coach_id: int, conversation_id: int, text: str) -> None:
        """The coach's private note on a conversation (one per coach and conversation)."""
        with self.session() as s:
            note = (
                s.execute(
                    select(CoachNote).where(
                        CoachNote.conversation_id == conversation_id, CoachNote.coach_id == coach_id
                    )
                )
                .scalars()
                .first()
            )
            if note is None:
                s.add(CoachNote(conversation_id=conversation_id, coach_id=coach_id, text=text))
            else:
                note.text = text
                note.updated_at = utcnow()

    def coach_export_rows(self, coach_id: int) -> list[dict[str, Any]]:
        """The coach's list flattened: one row per action step of every shared conversation
        (a conversation without steps and a student without shared conversations get one row)."""
        rows: list[dict[str, Any]] = []
        with self.session() as s:
            students = (
                s.execute(select(Student).where(Student.coach_id == coach_id).order_by(Student.id))
                .scalars()
                .all()
            )
            for student in students:
                base = self._coach_student_summary(s, student)
                shared = [c for c in student.conversations if is_shared_with(c, coach_id)]
                if not shared:
                    rows.append(
                        {
                            "student_id": base["id"],
                            "coach_label": base["coach_label"],
                            "invite_code": base["invite_code"],
                        }
                    )
                for c in shared:
                    reflection = c.reflection
                    conv = {
                        "student_id": base["id"],
                        "coach_label": base["coach_label"],
                        "invite_code": base["invite_code"],
                        "conversation_id": c.id,
                        "started_at": c.started_at,
                        "phase": c.phase,
                        "kernwoord": reflection.kernwoord if reflection else None,
                        "parts_reached": list(c.parts_reached or []),
                        "competencies": list(c.competencies or []),
                    }
                    if not c.action_steps:
                        rows.append(conv)
                    for step in c.action_steps:
                        rows.append(
                            {
                                **conv,
                                "step": step.what,
                                "due_date": step.due_date,
                                "who": step.who,
                                "status": step.status,
                            }
                        )
        return rows

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


def shared_with(coach_id: int) -> ColumnElement:
    """SQL: a conversation the student shared with this coach."""
    return and_(Conversation.consent == True, Conversation.shared_with_coach_id == coach_id)  # noqa: E712


def is_shared_with(conversation: Conversation, coach_id: int) -> bool:
    return conversation.consent is True and conversation.shared_with_coach_id == coach_id
