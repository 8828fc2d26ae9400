"""The one door to the database. Every other part of the product calls these methods;
no SQL is written anywhere else. Method names say what they mean for a student or coach.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

import json

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine, delete, event, inspect, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import settings
from bot.storage.coaches import CoachStore, coach_label_of, is_shared_with, shared_with
from bot.storage.practice import PracticeGroupStore
from bot.storage.privacy import PrivacyStore
from bot.storage.models import (
    PHASES,
    STEP_STATUSES,
    ActionStep,
    Coach,
    Conversation,
    InviteCode,
    PendingMessage,
    PracticeSession,
    Reflection,
    Student,
    utcnow,
)

REFLECTION_FIELDS = (
    "experience",
    "emotions",
    "what_happened",
    "other_situations",
    "common_thread",
    "qualities",
    "to_learn",
    "motives",
    "kernwoord",
    "options",
)

# Rasa's SQLTrackerStore keeps every conversation event in this table of the same database.
_tracker_events = Table(
    "events", MetaData(),
    Column("id", Integer), Column("sender_id", String(255)), Column("type_name", String(255)), Column("data", Text),
)


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            # Cascading deletes need foreign keys on; WAL lets Rasa, the action server and
            # the web app read while another process writes.
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


class Repository(CoachStore, PrivacyStore, PracticeGroupStore):
    """The coach aggregate (accounts, invites, labels, safety verdicts) lives in
    bot/storage/coaches.py, the privacy rights (copy, erasure, consent) in bot/storage/privacy.py."""

    def __init__(self, url: Optional[str] = None) -> None:
        self.url = url or settings().database_url
        if self.url.startswith("sqlite:///"):
            from pathlib import Path

            Path(self.url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        self.engine = _make_engine(self.url)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False, future=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()

    # ---- students -------------------------------------------------------------------

    def _student(self, s: Session, sender_id: str, channel: str = "rest") -> Student:
        student = s.execute(select(Student).where(Student.sender_id == sender_id)).scalar_one_or_none()
        if student is None:
            # The web app, the Telegram bot and the action server may all see a new student
            # at the same moment: insert if absent, then read whichever row won.
            dialect = s.get_bind().dialect.name
            insert_ = sqlite_insert if dialect == "sqlite" else postgresql_insert
            s.execute(
                insert_(Student.__table__)
                .values(sender_id=sender_id, channel=channel, created_at=utcnow())
                .on_conflict_do_nothing(index_elements=["sender_id"])
            )
            student = s.execute(select(Student).where(Student.sender_id == sender_id)).scalar_one()
        return student

    def ensure_student(self, sender_id: str, channel: str = "rest", channel_address: Optional[str] = None) -> Student:
        with self.session() as s:
            student = self._student(s, sender_id, channel)
            if channel_address and student.channel_address != channel_address:
                student.channel_address = channel_address
            return student

    def find_student(self, sender_id: str) -> Optional[Student]:
        with self.session() as s:
            return s.execute(select(Student).where(Student.sender_id == sender_id)).scalar_one_or_none()

    # ---- conversations --------------------------------------------------------------

    def _open_conversation(self, s: Session, sender_id: str) -> Conversation:
        student = self._student(s, sender_id)
        conversation = s.execute(
            select(Conversation)
            .where(Conversation.student_id == student.id, Conversation.ended_at.is_(None))
            .order_by(Conversation.id.desc())
        ).scalars().first()
        if conversation is None:
            conversation = Conversation(student_id=student.id, phase=PHASES[0], parts_reached=[], competencies=[])
            conversation.reflection = Reflection(emotions=[])
            s.add(conversation)
            s.flush()
        if conversation.reflection is None:
            conversation.reflection = Reflection(emotions=[])
        return conversation

    def start_conversation(self, sender_id: str) -> int:
        """Close any open conversation and start a fresh one (the student starts over)."""
        with self.session() as s:
            student = self._student(s, sender_id)
            for open_one in s.execute(
                select(Conversation).where(Conversation.student_id == student.id, Conversation.ended_at.is_(None))
            ).scalars():
                open_one.ended_at = utcnow()
            conversation = Conversation(student_id=student.id, phase=PHASES[0], parts_reached=[], competencies=[])
            conversation.reflection = Reflection(emotions=[])
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
        Repository._add_competencies(conversation, competencies)

    @staticmethod
    def _add_competencies(conversation: Conversation, competencies: Sequence[str]) -> None:
        known = list(conversation.competencies or [])
        conversation.competencies = known + [c for c in competencies if c not in known]

    def set_phase(self, sender_id: str, phase: str) -> None:
        """The part of the conversation the student is in now (the next question's part)."""
        self._check_phase(phase)
        with self.session() as s:
            self._open_conversation(s, sender_id).phase = phase

    def mark_reached(self, sender_id: str, part: str, competencies: Sequence[str] = ()) -> None:
        """The student answered in ``part`` of the lemniscate, touching these competencies."""
        self._check_phase(part)
        with self.session() as s:
            self._reach(self._open_conversation(s, sender_id), part, competencies)

    def record_answer(
        self,
        sender_id: str,
        fields: Dict[str, Any],
        reached: Sequence[Tuple[str, Sequence[str]]],
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
            conversation = self._open_conversation(s, sender_id)
            for name, value in fields.items():
                setattr(conversation.reflection, name, value)
            for part, competencies in reached:
                self._reach(conversation, part, competencies)
            conversation.phase = phase

    def add_competencies(self, sender_id: str, competencies: List[str]) -> None:
        with self.session() as s:
            self._add_competencies(self._open_conversation(s, sender_id), competencies)

    def open_conversation_has(self, sender_id: str, field: str) -> bool:
        """Whether the open conversation already holds an answer for ``field``."""
        with self.session() as s:
            return bool(getattr(self._open_conversation(s, sender_id).reflection, field))

    def save_reflection(self, sender_id: str, **fields: Any) -> None:
        """Store answers as they come in, so nothing is lost when a student stops halfway."""
        unknown = set(fields) - set(REFLECTION_FIELDS)
        if unknown:
            raise ValueError(f"unknown reflection fields {sorted(unknown)}")
        with self.session() as s:
            reflection = self._open_conversation(s, sender_id).reflection
            for name, value in fields.items():
                setattr(reflection, name, value)

    def save_action_step(self, sender_id: str, what: str, due: Optional[date], who: Optional[str],
                         motivation: Optional[int] = None, obstacle: Optional[str] = None) -> int:
        with self.session() as s:
            conversation = self._open_conversation(s, sender_id)
            step = ActionStep(what=what, due_date=due, who=who, status="open",
                              motivation=motivation, obstacle=obstacle)
            conversation.action_steps.append(step)
            s.flush()
            return step.id

    def finish_conversation(self, sender_id: str) -> None:
        with self.session() as s:
            conversation = self._open_conversation(s, sender_id)
            conversation.phase = "afgerond"
            conversation.ended_at = utcnow()

    def flag_safety(self, sender_id: str, kind: Optional[str] = None) -> None:
        with self.session() as s:
            conversation = self._open_conversation(s, sender_id)
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

    # ---- the cycle across conversations ----------------------------------------------

    def returning_context(self, sender_id: str, today: date) -> Dict[str, Any]:
        """What a returning student chose before, read from storage (not from the tracker):
        whether they finished a conversation, their last kernwoord, their open steps, and the
        open steps due today or earlier (oldest first), each as {"id", "what", "when"}."""
        with self.session() as s:
            student = s.execute(select(Student).where(Student.sender_id == sender_id)).scalar_one_or_none()
            context: Dict[str, Any] = {"returning": False, "last_kernwoord": None, "open_steps": [], "due_steps": [],
                                       "recent_step": None}
            if student is None:
                return context
            finished = [c for c in student.conversations if c.ended_at is not None]
            context["returning"] = bool(finished)
            for conversation in reversed(student.conversations):
                if conversation.reflection is not None and conversation.reflection.kernwoord:
                    context["last_kernwoord"] = conversation.reflection.kernwoord
                    break
            steps = [step for c in student.conversations for step in c.action_steps if step.status == "open"]
            steps.sort(key=lambda step: (step.due_date or date.max, step.id))
            for step in steps:
                entry = {"id": step.id, "what": step.what, "when": step.due_date.isoformat() if step.due_date else None}
                context["open_steps"].append(entry)
                if step.due_date is not None and step.due_date <= today:
                    context["due_steps"].append(entry)
            # The step a follow-up asked about last (a channel may already have set its status).
            asked = [step for c in student.conversations for step in c.action_steps if step.followup_sent_at]
            if asked:
                step = max(asked, key=lambda step: step.followup_sent_at)
                context["recent_step"] = {"id": step.id, "what": step.what, "status": step.status,
                                          "asked_on": step.followup_sent_at.date().isoformat()}
            return context

    # ---- reading back ---------------------------------------------------------------

    def latest_conversation_id(self, sender_id: str) -> Optional[int]:
        with self.session() as s:
            student = s.execute(select(Student).where(Student.sender_id == sender_id)).scalar_one_or_none()
            if student is None or not student.conversations:
                return None
            return student.conversations[-1].id

    @staticmethod
    def conversation_dict(conversation: Conversation) -> Dict[str, Any]:
        reflection = conversation.reflection or Reflection(emotions=[])
        return {
            "id": conversation.id,
            "phase": conversation.phase,
            "started_at": conversation.started_at.isoformat() if conversation.started_at else None,
            "ended_at": conversation.ended_at.isoformat() if conversation.ended_at else None,
            "consent": conversation.consent,
            "safety_flag": conversation.safety_flag,
            "safety_kind": conversation.safety_kind,
            "parts_reached": list(conversation.parts_reached or []),
            "competencies": list(conversation.competencies or []),
            **{name: getattr(reflection, name) for name in REFLECTION_FIELDS},
            "action_steps": [
                {
                    "id": step.id,
                    "what": step.what,
                    "when": step.due_date.isoformat() if step.due_date else None,
                    "who": step.who,
                    "motivation": step.motivation,
                    "obstacle": step.obstacle,
                    "status": step.status,
                }
                for step in conversation.action_steps
            ],
        }

    @staticmethod
    def _chat_history(s: Session, sender_id: str) -> List[Dict[str, Any]]:
        """What the student and the bot said, from Rasa's tracker events in this database."""
        if not inspect(s.connection()).has_table("events"):
            return []
        rows = s.execute(
            select(_tracker_events.c.type_name, _tracker_events.c.data)
            .where(_tracker_events.c.sender_id == sender_id, _tracker_events.c.type_name.in_(("user", "bot")))
            .order_by(_tracker_events.c.id)
        ).all()
        history = []
        for type_name, data in rows:
            event_data = json.loads(data or "{}")
            history.append({"from": "student" if type_name == "user" else "bot", "text": event_data.get("text"),
                            "at": event_data.get("timestamp")})
        return history

    # ---- messages that wait for Rasa -------------------------------------------------

    def keep_pending_message(self, sender_id: str, text: str) -> int:
        with self.session() as s:
            student = self._student(s, sender_id)
            message = PendingMessage(student_id=student.id, text=text)
            s.add(message)
            s.flush()
            return message.id

    # ---- web dashboard (coaches, notes, audit) ----
    # A coach sees only their own students (students.coach_id) and, of those, only the
    # conversations the student agreed to share (consent is True). The one exception is the
    # safety flag: its existence (never the content) is shown for unshared conversations too.

    def add_coach(self, email: str, password_hash: str, is_admin: bool = False, is_trainer: bool = False) -> int:
        with self.session() as s:
            coach = Coach(email=email.strip().lower(), password_hash=password_hash,
                          is_admin=is_admin, is_trainer=is_trainer)
            s.add(coach)
            s.flush()
            return coach.id

    def find_coach_by_email(self, email: str) -> Optional[Coach]:
        with self.session() as s:
            return s.execute(
                select(Coach).where(Coach.email == (email or "").strip().lower())
            ).scalar_one_or_none()

    def get_coach(self, coach_id: int) -> Optional[Coach]:
        with self.session() as s:
            return s.get(Coach, coach_id)

    def set_coach_password_hash(self, coach_id: int, password_hash: str) -> None:
        with self.session() as s:
            coach = s.get(Coach, coach_id)
            if coach is None:
                raise LookupError(f"no coach {coach_id}")
            coach.password_hash = password_hash

    def record_audit(self, coach_id: Optional[int], action: str, target: str) -> None:
        from bot.storage.models import AuditLog

        with self.session() as s:
            s.add(AuditLog(coach_id=coach_id, action=action[:64], target=target[:128]))

    def count_audit(self, action: str, target: str, since: datetime) -> int:
        from sqlalchemy import func

        from bot.storage.models import AuditLog

        with self.session() as s:
            return s.execute(
                select(func.count(AuditLog.id)).where(
                    AuditLog.action == action, AuditLog.target == target, AuditLog.at >= since
                )
            ).scalar_one()

    def audit_entries(self, coach_id: Optional[int] = None, action: Optional[str] = None) -> List[Dict[str, Any]]:
        from bot.storage.models import AuditLog

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

    def record_terms_accepted(self, sender_id: str, channel: str = "web") -> None:
        with self.session() as s:
            student = self._student(s, sender_id, channel)
            if student.accepted_terms_at is None:
                student.accepted_terms_at = utcnow()

    @staticmethod
    def _shared(coach_id: int):
        """SQL: shared by the student with this coach (not with an earlier one)."""
        return shared_with(coach_id)

    def _coach_student_summary(self, s: Session, student: Student) -> Dict[str, Any]:
        invite = s.execute(
            select(InviteCode).where(InviteCode.used_by_student_id == student.id).order_by(InviteCode.used_at.desc())
        ).scalars().first()
        shared = [c for c in student.conversations if is_shared_with(c, student.coach_id)]
        return {
            "id": student.id,
            "label": coach_label_of(student),
            "coach_label": student.coach_label or "",
            "channel": student.channel,
            "invite_code": invite.code if invite else None,
            "linked_at": invite.used_at if invite else None,
            "shared_count": len(shared),
            "last_shared_at": max((c.started_at for c in shared), default=None),
            "safety_flag": any(c.safety_flag for c in student.conversations),
        }

    def coach_students(self, coach_id: int) -> List[Dict[str, Any]]:
        with self.session() as s:
            students = s.execute(
                select(Student).where(Student.coach_id == coach_id).order_by(Student.id)
            ).scalars().all()
            return [self._coach_student_summary(s, student) for student in students]

    def coach_steps_due(self, coach_id: int, until: date) -> List[Dict[str, Any]]:
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
                    "id": step.id, "what": step.what, "due_date": step.due_date, "who": step.who,
                    "status": step.status, "conversation_id": step.conversation_id,
                    "student_id": student.id, "student_label": coach_label_of(student),
                }
                for step, student in rows
            ]

    def coach_safety_flags(self, coach_id: int) -> List[Dict[str, Any]]:
        """Every safety flag of the coach's own students, shared or not; no content."""
        with self.session() as s:
            rows = s.execute(
                select(Conversation)
                .join(Student, Conversation.student_id == Student.id)
                .where(Student.coach_id == coach_id, Conversation.safety_flag == True)  # noqa: E712
                .order_by(Conversation.safety_flagged_at.desc(), Conversation.id.desc())
            ).scalars().all()
            return [
                {
                    "student_id": c.student_id, "student_label": coach_label_of(c.student),
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

    def coach_student(self, coach_id: int, student_id: int) -> Optional[Dict[str, Any]]:
        """One of the coach's own students with their shared conversations; None if not theirs."""
        from bot.storage.models import CoachNote

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
                    {"id": st.id, "what": st.what, "due_date": st.due_date, "who": st.who, "status": st.status}
                    for st in c.action_steps
                ]
                note = s.execute(
                    select(CoachNote).where(CoachNote.conversation_id == c.id, CoachNote.coach_id == coach_id)
                ).scalars().first()
                data["note"] = note.text if note else ""
                data["note_updated_at"] = note.updated_at if note else None
                conversations.append(data)
            summary["conversations"] = conversations
            summary["unshared_safety_flags"] = [
                c.safety_flagged_at or c.started_at
                for c in student.conversations if c.safety_flag and not is_shared_with(c, coach_id)
            ]
            return summary

    def coach_conversation(self, coach_id: int, conversation_id: int) -> Optional[Dict[str, Any]]:
        """A shared conversation of one of the coach's own students; None otherwise."""
        with self.session() as s:
            c = s.get(Conversation, conversation_id)
            if c is None or not is_shared_with(c, coach_id) or c.student.coach_id != coach_id:
                return None
            data = self.conversation_dict(c)
            data["started_at"] = c.started_at
            data["student_id"] = c.student_id
            data["student_label"] = coach_label_of(c.student)
            data["action_steps"] = [
                {"id": st.id, "what": st.what, "due_date": st.due_date, "who": st.who, "status": st.status}
                for st in c.action_steps
            ]
            return data

    def coach_step(self, coach_id: int, step_id: int) -> Optional[Dict[str, Any]]:
        """An action step of a shared conversation of the coach's own student; None otherwise."""
        with self.session() as s:
            step = s.get(ActionStep, step_id)
            if step is None:
                return None
            c = step.conversation
            if not is_shared_with(c, coach_id) or c.student.coach_id != coach_id:
                return None
            return {"id": step.id, "status": step.status, "conversation_id": c.id, "student_id": c.student_id}

    def save_coach_note(self, coach_id: int, conversation_id: int, text: str) -> None:
        """The coach's private note on a conversation (one per coach and conversation)."""
        from bot.storage.models import CoachNote

        with self.session() as s:
            note = s.execute(
                select(CoachNote).where(CoachNote.conversation_id == conversation_id, CoachNote.coach_id == coach_id)
            ).scalars().first()
            if note is None:
                s.add(CoachNote(conversation_id=conversation_id, coach_id=coach_id, text=text))
            else:
                note.text = text
                note.updated_at = utcnow()

    def coach_export_rows(self, coach_id: int) -> List[Dict[str, Any]]:
        """The coach's list flattened: one row per action step of every shared conversation
        (a conversation without steps and a student without shared conversations get one row)."""
        rows: List[Dict[str, Any]] = []
        with self.session() as s:
            students = s.execute(
                select(Student).where(Student.coach_id == coach_id).order_by(Student.id)
            ).scalars().all()
            for student in students:
                base = self._coach_student_summary(s, student)
                shared = [c for c in student.conversations if is_shared_with(c, coach_id)]
                if not shared:
                    rows.append({"student": base["label"], "invite_code": base["invite_code"]})
                for c in shared:
                    reflection = c.reflection
                    conv = {
                        "student": base["label"], "invite_code": base["invite_code"],
                        "conversation_id": c.id, "started_at": c.started_at, "phase": c.phase,
                        "kernwoord": reflection.kernwoord if reflection else None,
                        "parts_reached": list(c.parts_reached or []),
                        "competencies": list(c.competencies or []),
                    }
                    if not c.action_steps:
                        rows.append(conv)
                    for step in c.action_steps:
                        rows.append({**conv, "step": step.what, "due_date": step.due_date,
                                     "who": step.who, "status": step.status})
        return rows

    # ---- telegram (follow-ups, pending messages) ----

    def accept_terms(self, sender_id: str, channel: str, channel_address: Optional[str] = None) -> None:
        """The student pressed "Akkoord": from now on their messages may be stored."""
        with self.session() as s:
            student = self._student(s, sender_id, channel)
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

    def channel_address_of(self, sender_id: str) -> Optional[str]:
        with self.session() as s:
            return s.execute(
                select(Student.channel_address).where(Student.sender_id == sender_id)
            ).scalar_one_or_none()

    def steps_due_for_followup(self, today: date, channel: str = "telegram") -> List[Dict[str, Any]]:
        """Open action steps due today or earlier that were never followed up, of students
        the channel can reach. Oldest first, so a backlog is worked off in order."""
        with self.session() as s:
            rows = s.execute(
                select(ActionStep, Student.sender_id, Student.channel_address)
                .join(Conversation, ActionStep.conversation_id == Conversation.id)
                .join(Student, Conversation.student_id == Student.id)
                .where(
                    ActionStep.due_date.is_not(None),
                    ActionStep.due_date <= today,
                    ActionStep.status == "open",
                    ActionStep.followup_sent_at.is_(None),
                    Student.channel == channel,
                    Student.channel_address.is_not(None),
                )
                .order_by(ActionStep.due_date, ActionStep.id)
            ).all()
            return [
                {
                    "step_id": step.id,
                    "what": step.what,
                    "due_date": step.due_date,
                    "who": step.who,
                    "sender_id": sender_id,
                    "channel_address": address,
                }
                for step, sender_id, address in rows
            ]

    def mark_followup_sent(self, step_id: int) -> bool:
        """Set followup_sent_at once; False when it was already set (never send twice)."""
        from sqlalchemy import update

        with self.session() as s:
            result = s.execute(
                update(ActionStep)
                .where(ActionStep.id == step_id, ActionStep.followup_sent_at.is_(None))
                .values(followup_sent_at=utcnow())
            )
            return result.rowcount == 1

    def release_followup(self, step_id: int) -> None:
        """Undo a claim (mark_followup_sent) whose message could not be sent, so the next
        round tries again."""
        from sqlalchemy import update

        with self.session() as s:
            s.execute(update(ActionStep).where(ActionStep.id == step_id).values(followup_sent_at=None))

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

    def pending_messages(self, channel: str = "telegram", sender_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """Messages that still wait for Rasa, in the order they came in."""
        with self.session() as s:
            query = (
                select(PendingMessage, Student.sender_id, Student.channel_address)
                .join(Student, PendingMessage.student_id == Student.id)
                .where(Student.channel == channel)
                .order_by(PendingMessage.received_at, PendingMessage.id)
            )
            if sender_id is not None:
                query = query.where(Student.sender_id == sender_id)
            return [
                {
                    "id": message.id,
                    "sender_id": sender,
                    "channel_address": address,
                    "text": message.text,
                    "received_at": message.received_at,
                }
                for message, sender, address in s.execute(query).all()
            ]

    def delete_pending_message(self, message_id: int) -> None:
        with self.session() as s:
            s.execute(delete(PendingMessage).where(PendingMessage.id == message_id))

    def take_pending_message(self, message_id: int) -> bool:
        """Claim a kept message for replay: it is deleted, and only the caller that deleted
        it (True) may send it to Rasa, so two workers never replay one message."""
        with self.session() as s:
            return s.execute(delete(PendingMessage).where(PendingMessage.id == message_id)).rowcount == 1

    def restore_pending_message(self, message: Dict[str, Any]) -> None:
        """Put a taken message back (Rasa was still away), with its id and time, so it keeps
        its place in line."""
        with self.session() as s:
            student = s.execute(select(Student).where(Student.sender_id == message["sender_id"])).scalar_one_or_none()
            if student is None:  # erased meanwhile: nothing to answer any more
                return
            s.add(PendingMessage(id=message["id"], student_id=student.id, text=message["text"],
                                 received_at=message["received_at"]))

    def current_phase(self, sender_id: str) -> Optional[str]:
        """The phase of the student's open conversation (None when there is none); read only."""
        with self.session() as s:
            return s.execute(
                select(Conversation.phase)
                .join(Student, Conversation.student_id == Student.id)
                .where(Student.sender_id == sender_id, Conversation.ended_at.is_(None))
                .order_by(Conversation.id.desc())
            ).scalars().first()

    # ---- practice sessions ----
    # A trainee (a dashboard coach, or a pseudonymous chat sender) practises with a simulated
    # student (bot/practice). The transcript is [{"speaker": "coach"|"student", "text": ...}],
    # the report is bot.practice.report.Report.to_dict(). Access rules live in the callers.

    @staticmethod
    def _practice_dict(row: PracticeSession) -> Dict[str, Any]:
        return {
            "id": row.id,
            "coach_id": row.coach_id,
            "trainee_sender_id": row.trainee_sender_id,
            "persona": row.persona,
            "transcript": list(row.transcript or []),
            "report": row.report,
            "started_at": row.started_at,
            "ended_at": row.ended_at,
        }

    @staticmethod
    def _practice_turns(transcript: Any) -> List[Dict[str, str]]:
        """Accept PracticeSession.to_dict()'s turns or (speaker, text) pairs; store dicts."""
        turns = []
        for turn in transcript or []:
            speaker, text = (turn["speaker"], turn["text"]) if isinstance(turn, dict) else turn
            if speaker not in ("coach", "student"):
                raise ValueError(f"unknown speaker {speaker!r}")
            turns.append({"speaker": speaker, "text": str(text)})
        return turns

    def start_practice(self, persona: str, coach_id: Optional[int] = None,
                       trainee_sender_id: Optional[str] = None) -> int:
        with self.session() as s:
            row = PracticeSession(persona=persona, coach_id=coach_id, trainee_sender_id=trainee_sender_id,
                                  transcript=[])
            s.add(row)
            s.flush()
            return row.id

    def save_practice(self, session_id: int, transcript: Any, report: Optional[Dict[str, Any]] = None,
                      ended: bool = False) -> None:
        """Store the whole transcript so far; with ``ended`` the session is closed (once)."""
        with self.session() as s:
            row = s.get(PracticeSession, session_id)
            if row is None:
                raise LookupError(f"no practice session {session_id}")
            row.transcript = self._practice_turns(transcript)
            if report is not None:
                row.report = report
            if ended and row.ended_at is None:
                row.ended_at = utcnow()

    def get_practice(self, session_id: int) -> Optional[Dict[str, Any]]:
        with self.session() as s:
            row = s.get(PracticeSession, session_id)
            return self._practice_dict(row) if row is not None else None

    def practice_history(self, coach_id: Optional[int] = None,
                         trainee_sender_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """One trainee's sessions, newest first (without the transcript). At least one filter is
        needed: an unfiltered list of everyone's practice is not something a caller should get by accident."""
        if coach_id is None and trainee_sender_id is None:
            raise ValueError("give coach_id or trainee_sender_id")
        with self.session() as s:
            query = select(PracticeSession).order_by(PracticeSession.started_at.desc(), PracticeSession.id.desc())
            if coach_id is not None:
                query = query.where(PracticeSession.coach_id == coach_id)
            if trainee_sender_id is not None:
                query = query.where(PracticeSession.trainee_sender_id == trainee_sender_id)
            history = []
            for row in s.execute(query).scalars():
                item = self._practice_dict(row)
                item["coach_turns"] = sum(1 for t in item.pop("transcript") if t.get("speaker") == "coach")
                item["finished"] = row.report is not None
                history.append(item)
            return history

    def trainee_progress(self, coach_id: Optional[int] = None, trainee_sender_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """Per finished session of one trainee (a dashboard account, or a chat sender who
        practised on Telegram), oldest first: the numbers a trainer follows over time."""
        rows = []
        for item in reversed(self.practice_history(coach_id=coach_id, trainee_sender_id=trainee_sender_id)):
            report = item["report"]
            if not report:
                continue
            counts = report.get("counts") or {}
            questions = sum(counts.get(k, 0) for k in ("open_vraag", "gesloten_vraag", "waarom_vraag"))
            rows.append({
                "id": item["id"],
                "date": item["ended_at"] or item["started_at"],
                "persona": item["persona"],
                "coach_turns": report.get("coach_turns", item["coach_turns"]),
                "questions": questions,
                "open": counts.get("open_vraag", 0),
                "closed": counts.get("gesloten_vraag", 0),
                "why": counts.get("waarom_vraag", 0),
                "filled_in": counts.get("invullen", 0),
                "advice": counts.get("advies", 0),
                "reflections": counts.get("reflectie", 0),
                "open_share": report.get("open_share", 0.0),
                "reflections_per_question": report.get("reflections_per_question", 0.0),
                "parts_reached": list(report.get("parts_reached") or []),
                "parts_in_order": bool(report.get("parts_in_order")),
                "ended_with_student_steps": bool(report.get("ended_with_student_steps")),
                "rules_good": sum(1 for r in report.get("rules") or [] if r.get("judgement") == "goed"),
            })
        return rows

