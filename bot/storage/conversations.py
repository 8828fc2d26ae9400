"""Storage for conversations and what they hold: the reflection's answers, the parts of the
lemniscate and competencies reached, consent and safety flags, and the action steps.

A store of ``Repository`` (bot/storage/repository.py); what it shares with the other stores is
in bot/storage/queries.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from bot.lemniscate import REFLECTION_FIELDS
from bot.storage.models import (
    PHASES,
    STEP_STATUSES,
    ActionStep,
    Conversation,
    Student,
    utcnow,
)
from bot.storage.queries import (
    conversation_view,
    new_conversation,
    open_conversation,
    step_view,
    student_row,
)
from bot.storage.store import Store
from bot.storage.views import ConversationView, StepView


class ConversationStore(Store):
    def start_conversation(self, sender_id: str) -> int:
        """Close any open conversation and start a fresh one (the student starts over)."""
        with self.session() as s:
            student = student_row(s, sender_id)
            for open_one in s.execute(
                select(Conversation).where(
                    Conversation.student_id == student.id, Conversation.ended_at.is_(None)
                )
            ).scalars():
                open_one.ended_at = utcnow()
            conversation = new_conversation(student)
            s.add(conversation)
            s.flush()
            return conversation.id

    @staticmethod
    def _check_phase(phase: str) -> None:
        if phase not in PHASES:
            raise ValueError(f"unknown phase {phase!r}")

    @staticmethod
    def _reach(conversation: Conversation, part: str, competencies: Sequence[str]) -> None:
        parts = list(conversation.parts_reached or [])
        if part in PHASES[:4] and part not in parts:
            conversation.parts_reached = parts + [part]
        ConversationStore._add_competencies(conversation, competencies)

    @staticmethod
    def _add_competencies(conversation: Conversation, competencies: Sequence[str]) -> None:
        known = list(conversation.competencies or [])
        conversation.competencies = known + [c for c in competencies if c not in known]

    def set_phase(self, sender_id: str, phase: str) -> None:
        """The part of the conversation the student is in now (the next question's part)."""
        self._check_phase(phase)
        with self.session() as s:
            open_conversation(s, sender_id).phase = phase

    def mark_reached(self, sender_id: str, part: str, competencies: Sequence[str] = ()) -> None:
        """The student answered in ``part`` of the lemniscate, touching these competencies."""
        self._check_phase(part)
        with self.session() as s:
            self._reach(open_conversation(s, sender_id), part, competencies)

    def record_answer(
        self,
        sender_id: str,
        fields: dict[str, Any],
        reached: Sequence[tuple[str, Sequence[str]]],
        phase: str,
    ) -> None:
        """One answer in one transaction: the reflection fields, the parts and competencies it
        reached, and the phase of the next question."""
        unknown = set(fields) - set(REFLECTION_FIELDS)
        if unknown:
            raise ValueError(f"unknown reflection fields {sorted(unknown)}")
        self._check_phase(phase)
        for part, _ in reached:
            self._check_phase(part)
        with self.session() as s:
            conversation = open_conversation(s, sender_id)
            for name, value in fields.items():
                setattr(conversation.reflection, name, value)
            for part, competencies in reached:
                self._reach(conversation, part, competencies)
            conversation.phase = phase

    def add_competencies(self, sender_id: str, competencies: list[str]) -> None:
        with self.session() as s:
            self._add_competencies(open_conversation(s, sender_id), competencies)

    def open_conversation_has(self, sender_id: str, field: str) -> bool:
        """Whether the open conversation already holds an answer for ``field``."""
        with self.session() as s:
            return bool(getattr(open_conversation(s, sender_id).reflection, field))

    def save_reflection(self, sender_id: str, **fields: Any) -> None:
        """Store answers as they come in, so nothing is lost when a student stops halfway."""
        unknown = set(fields) - set(REFLECTION_FIELDS)
        if unknown:
            raise ValueError(f"unknown reflection fields {sorted(unknown)}")
        with self.session() as s:
            reflection = open_conversation(s, sender_id).reflection
            for name, value in fields.items():
                setattr(reflection, name, value)

    def save_action_step(
        self,
        sender_id: str,
        what: str,
        due: date | None,
        who: str | None,
        motivation: int | None = None,
        obstacle: str | None = None,
    ) -> int:
        with self.session() as s:
            conversation = open_conversation(s, sender_id)
            step = ActionStep(
                what=what,
                due_date=due,
                who=who,
                status="open",
                motivation=motivation,
                obstacle=obstacle,
            )
            conversation.action_steps.append(step)
            s.flush()
            return step.id

    def finish_conversation(self, sender_id: str) -> None:
        with self.session() as s:
            conversation = open_conversation(s, sender_id)
            conversation.phase = "afgerond"
            conversation.ended_at = utcnow()

    def flag_safety(self, sender_id: str, kind: str | None = None) -> None:
        with self.session() as s:
            conversation = open_conversation(s, sender_id)
            conversation.safety_flag = True
            conversation.safety_flagged_at = utcnow()
            if kind:
                conversation.safety_kind = kind

    def set_step_status(self, step_id: int, status: str) -> None:
        if status not in STEP_STATUSES:
            raise ValueError(f"unknown status {status!r}; use one of {', '.join(STEP_STATUSES)}")
        with self.session() as s:
            step = s.get(ActionStep, step_id)
            if step is None:
                raise LookupError(f"no action step {step_id}")
            step.status = status

    def set_own_step_status(self, sender_id: str, step_id: int, status: str) -> bool:
        """Like set_step_status, but only for a step of this student (button data can be forged)."""
        if status not in STEP_STATUSES:
            raise ValueError(f"unknown status {status!r}; use one of {', '.join(STEP_STATUSES)}")
        with self.session() as s:
            step = s.execute(
                select(ActionStep)
                .join(Conversation, ActionStep.conversation_id == Conversation.id)
                .join(Student, Conversation.student_id == Student.id)
                .where(ActionStep.id == step_id, Student.sender_id == sender_id)
            ).scalar_one_or_none()
            if step is None:
                return False
            step.status = status
            return True

    def current_phase(self, sender_id: str) -> str | None:
        """The phase of the student's open conversation (None when there is none); read only."""
        with self.session() as s:
            return (
                s.execute(
                    select(Conversation.phase)
                    .join(Student, Conversation.student_id == Student.id)
                    .where(Student.sender_id == sender_id, Conversation.ended_at.is_(None))
                    .order_by(Conversation.id.desc())
                )
                .scalars()
                .first()
            )

    def returning_context(self, sender_id: str, today: date) -> dict[str, Any]:
        """What a returning student chose before, read from storage (not from the tracker):
        whether they finished a conversation, their last kernwoord (and the experience it came
        from), their open steps, and the
        open steps due today or earlier (oldest first), each as {"id", "what", "when"}."""
        with self.session() as s:
            student = s.execute(
                select(Student).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()
            context: dict[str, Any] = {
                "returning": False,
                "last_kernwoord": None,
                "last_experience": None,
                "open_steps": [],
                "due_steps": [],
                "recent_step": None,
            }
            if student is None:
                return context
            finished = [c for c in student.conversations if c.ended_at is not None]
            context["returning"] = bool(finished)
            for conversation in reversed(student.conversations):
                if conversation.reflection is not None and conversation.reflection.kernwoord:
                    context["last_kernwoord"] = conversation.reflection.kernwoord
                    context["last_experience"] = conversation.reflection.experience
                    break
            steps = [
                step
                for c in student.conversations
                for step in c.action_steps
                if step.status == "open"
            ]
            steps.sort(key=lambda step: (step.due_date or date.max, step.id))
            for step in steps:
                entry = {
                    "id": step.id,
                    "what": step.what,
                    "when": step.due_date.isoformat() if step.due_date else None,
                }
                context["open_steps"].append(entry)
                if step.due_date is not None and step.due_date <= today:
                    context["due_steps"].append(entry)
            # The step a follow-up asked about last (a channel may already have set its status);
            # not when a conversation ended after that: its answer was heard there.
            last_end = max((c.ended_at for c in finished), default=None)
            asked = [
                step
                for c in student.conversations
                for step in c.action_steps
                if step.followup_sent_at and (last_end is None or step.followup_sent_at > last_end)
            ]
            if asked:
                step = max(asked, key=lambda step: step.followup_sent_at)
                context["recent_step"] = {
                    "id": step.id,
                    "what": step.what,
                    "status": step.status,
                    "asked_on": step.followup_sent_at.date().isoformat(),
                }
            return context

    def latest_conversation(self, sender_id: str) -> ConversationView | None:
        """The student's latest conversation (open or finished), for the summary at its end."""
        with self.session() as s:
            conversation = (
                s.execute(
                    select(Conversation)
                    .join(Student, Conversation.student_id == Student.id)
                    .where(Student.sender_id == sender_id)
                    .order_by(Conversation.id.desc())
                )
                .scalars()
                .first()
            )
            return conversation_view(conversation) if conversation is not None else None

    def action_steps_of(self, sender_id: str) -> list[StepView]:
        """Every action step of the student, oldest conversation first (/acties)."""
        with self.session() as s:
            steps = s.execute(
                select(ActionStep)
                .join(Conversation, ActionStep.conversation_id == Conversation.id)
                .join(Student, Conversation.student_id == Student.id)
                .where(Student.sender_id == sender_id)
                .order_by(Conversation.id, ActionStep.id)
            ).scalars()
            return [step_view(step) for step in steps]

    def latest_conversation_id(self, sender_id: str) -> int | None:
        with self.session() as s:
            student = s.execute(
                select(Student).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()
            if student is None or not student.conversations:
                return None
            return student.conversations[-1].id
