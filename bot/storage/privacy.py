"""Storage for students and their privacy rights: the student row (created once, even when
several processes see a new student at the same moment) and accepting the terms; then a full
copy of their data, erasure (including Rasa's tracker events, their invite code and the audit
rows that point at them), taking back consent to share, and sharing again with a new coach. docs/privacy.md describes each right.

A store of ``Repository`` (bot/storage/repository.py); what it shares with the other stores is
in bot/storage/queries.py.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, inspect, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement

from bot.storage.db import tracker_events
from bot.storage.models import (
    ActionStep,
    AuditLog,
    CoachNote,
    Conversation,
    InviteCode,
    PendingMessage,
    PracticeGroupMember,
    PracticeSession,
    Student,
    utcnow,
)
from bot.storage.queries import chat_history, conversation_view, open_conversation, student_row
from bot.storage.store import Store

ERASED_TARGET = "erased"


def _iso(moment: datetime | date | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _audit_about(
    student_id: int, conversation_ids: list[int], step_ids: list[int]
) -> ColumnElement:
    """SQL: the audit rows whose target points at this student, their conversations or steps."""
    targets = [f"student:{student_id}"] + [f"conversation:{c}" for c in conversation_ids]
    clauses = [AuditLog.target.in_(targets)]
    clauses += [AuditLog.target.like(f"step:{step}:%") for step in step_ids]
    return or_(*clauses)


class PrivacyStore(Store):
    # ---- students ----

    def ensure_student(
        self, sender_id: str, channel: str = "rest", channel_address: str | None = None
    ) -> Student:
        with self.session() as s:
            student = student_row(s, sender_id, channel)
            if channel_address and student.channel_address != channel_address:
                student.channel_address = channel_address
            return student

    def find_student(self, sender_id: str) -> Student | None:
        with self.session() as s:
            return s.execute(
                select(Student).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()

    def accept_terms(
        self, sender_id: str, channel: str, channel_address: str | None = None
    ) -> None:
        """The student pressed "Akkoord": from now on their messages may be stored."""
        with self.session() as s:
            student = student_row(s, sender_id, channel)
            if channel_address:
                student.channel_address = channel_address
            if student.accepted_terms_at is None:
                student.accepted_terms_at = utcnow()

    def has_accepted_terms(self, sender_id: str) -> bool:
        with self.session() as s:
            accepted = s.execute(
                select(Student.accepted_terms_at).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()
            return accepted is not None

    def channel_address_of(self, sender_id: str) -> str | None:
        with self.session() as s:
            return s.execute(
                select(Student.channel_address).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()

    # ---- consent ----

    def set_consent(self, sender_id: str, consent: bool) -> None:
        """The student's answer to "share this conversation with your coach?" for the open
        conversation: shared with the coach they have now (or, without one yet, with the first
        coach they link to)."""
        with self.session() as s:
            conversation = open_conversation(s, sender_id)
            conversation.consent = consent
            conversation.consent_at = utcnow()
            conversation.shared_with_coach_id = conversation.student.coach_id if consent else None

    def withdraw_consent(self, sender_id: str, conversation_id: int | None = None) -> int:
        """Take back sharing: of one conversation, or (None) of all. The coach no longer sees them.
        Returns how many conversations were shared before."""
        with self.session() as s:
            student = s.execute(
                select(Student).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()
            if student is None:
                return 0
            changed = 0
            for conversation in student.conversations:
                if conversation_id is not None and conversation.id != conversation_id:
                    continue
                if conversation.consent is True:
                    changed += 1
                if conversation.consent is not None:
                    conversation.consent = False
                    conversation.consent_at = utcnow()
                    conversation.shared_with_coach_id = None
            return changed

    def share_again(self, sender_id: str) -> int:
        """Show what the student shared with an earlier coach to the coach they have now.
        Returns how many conversations the current coach can now see in addition."""
        with self.session() as s:
            student = s.execute(
                select(Student).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()
            if student is None or student.coach_id is None:
                return 0
            changed = 0
            for conversation in student.conversations:
                if (
                    conversation.consent is True
                    and conversation.shared_with_coach_id != student.coach_id
                ):
                    conversation.shared_with_coach_id = student.coach_id
                    conversation.consent_at = utcnow()
                    changed += 1
            return changed

    # ---- the right to a copy ----

    def export_student(self, sender_id: str) -> dict[str, Any] | None:
        """All stored data of one student (their right to a copy). The latest conversation's
        fields sit at the top level; every conversation is listed under ``conversations``;
        then the messages, practice sessions, pending messages, coach notes and label, the
        invite code used, and the access log of their data."""
        with self.session() as s:
            student = s.execute(
                select(Student).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()
            if student is None:
                return None
            conversations = []
            for c in student.conversations:
                item: dict[str, Any] = dict(conversation_view(c))
                item.update(
                    {
                        "consent_at": _iso(c.consent_at),
                        "shared_with_current_coach": c.consent is True
                        and c.shared_with_coach_id == student.coach_id
                        and student.coach_id is not None,
                        "safety_flagged_at": _iso(c.safety_flagged_at),
                        "safety_kind": c.safety_kind,
                        "safety_verdict": c.safety_verdict,
                        "safety_verdict_note": c.safety_verdict_note,
                    }
                )
                conversations.append(item)
            latest = (
                conversations[-1]
                if conversations
                else dict(conversation_view(Conversation(parts_reached=[], competencies=[])))
            )
            export: dict[str, Any] = {
                "sender": student.sender_id,
                "channel": student.channel,
                "linked_to_coach": student.coach_id is not None,
                "created_at": _iso(student.created_at),
                "accepted_terms_at": _iso(student.accepted_terms_at),
                "reachable_for_followups": student.channel_address is not None,
            }
            export.update(
                {
                    k: v
                    for k, v in latest.items()
                    if k not in ("id", "started_at", "ended_at") and k not in export
                }
            )
            export["conversations"] = conversations
            export["messages"] = chat_history(s, sender_id)
            export["practice_sessions"] = [
                {
                    "persona": p.persona,
                    "started_at": p.started_at.isoformat(),
                    "transcript": p.transcript,
                    "report": p.report,
                }
                for p in s.execute(
                    select(PracticeSession)
                    .where(PracticeSession.trainee_sender_id == sender_id)
                    .order_by(PracticeSession.id)
                ).scalars()
            ]
            export["pending_messages"] = [
                {"text": m.text, "received_at": _iso(m.received_at)}
                for m in s.execute(
                    select(PendingMessage)
                    .where(PendingMessage.student_id == student.id)
                    .order_by(PendingMessage.id)
                ).scalars()
            ]
            conversation_ids = [c.id for c in student.conversations]
            export["coach_notes"] = (
                [
                    {
                        "conversation_id": n.conversation_id,
                        "text": n.text,
                        "updated_at": _iso(n.updated_at),
                    }
                    for n in s.execute(
                        select(CoachNote)
                        .where(CoachNote.conversation_id.in_(conversation_ids))
                        .order_by(CoachNote.id)
                    ).scalars()
                ]
                if conversation_ids
                else []
            )
            export["coach_label"] = student.coach_label
            export["invite_codes"] = [
                {"code": i.code, "used_at": _iso(i.used_at)}
                for i in s.execute(
                    select(InviteCode)
                    .where(InviteCode.used_by_student_id == student.id)
                    .order_by(InviteCode.used_at)
                ).scalars()
            ]
            step_ids = self._step_ids(s, conversation_ids)
            export["access_log"] = [
                {
                    "coach_id": row.coach_id,
                    "action": row.action,
                    "target": row.target,
                    "at": _iso(row.at),
                }
                for row in s.execute(
                    select(AuditLog)
                    .where(_audit_about(student.id, conversation_ids, step_ids))
                    .order_by(AuditLog.id)
                ).scalars()
            ]
            return export

    @staticmethod
    def _step_ids(s: Session, conversation_ids: list[int]) -> list[int]:
        if not conversation_ids:
            return []
        return list(
            s.execute(
                select(ActionStep.id).where(ActionStep.conversation_id.in_(conversation_ids))
            ).scalars()
        )

    # ---- the right to be forgotten ----

    def erase_student(self, sender_id: str) -> bool:
        """Delete everything of one student: our rows (cascading), their pending messages,
        practice sessions, invite code and Rasa's tracker events. Audit rows that point at them
        keep who did what and when, but no longer say about whom (target "erased")."""
        with self.session() as s:
            student = s.execute(
                select(Student).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()
            if student is not None:
                conversation_ids = [c.id for c in student.conversations]
                step_ids = self._step_ids(s, conversation_ids)
                s.execute(
                    update(AuditLog)
                    .where(_audit_about(student.id, conversation_ids, step_ids))
                    .values(target=ERASED_TARGET)
                    .execution_options(synchronize_session=False)
                )
                s.execute(delete(InviteCode).where(InviteCode.used_by_student_id == student.id))
                s.delete(student)
            s.execute(delete(PracticeSession).where(PracticeSession.trainee_sender_id == sender_id))
            s.execute(
                delete(PracticeGroupMember).where(
                    PracticeGroupMember.trainee_sender_id == sender_id
                )
            )
            if inspect(s.connection()).has_table("events"):
                s.execute(delete(tracker_events).where(tracker_events.c.sender_id == sender_id))
            return student is not None
