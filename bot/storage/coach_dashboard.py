"""Storage for the coach dashboard: the coach's own students, the conversations they shared with
this coach and their action steps, the list of safety flags (never the content), the coach's
private notes, and the export of the coach's list.

A coach sees only their own students (students.coach_id) and, of those, only the
conversations the student agreed to share (consent is True). The one exception is the
safety flag: its existence (never the content) is shown for unshared conversations too.

A store of ``Repository`` (bot/storage/repository.py); a conversation becomes plain data by
bot/storage/queries.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement

from bot.storage.models import ActionStep, CoachNote, Conversation, InviteCode, Student, utcnow
from bot.storage.queries import conversation_view
from bot.storage.store import Store


class CoachDashboardStore(Store):
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
                data: dict[str, Any] = dict(conversation_view(c))
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
            data: dict[str, Any] = dict(conversation_view(c))
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


def shared_with(coach_id: int) -> ColumnElement:
    """SQL: a conversation the student shared with this coach."""
    return and_(Conversation.consent == True, Conversation.shared_with_coach_id == coach_id)  # noqa: E712


def is_shared_with(conversation: Conversation, coach_id: int) -> bool:
    return conversation.consent is True and conversation.shared_with_coach_id == coach_id
