"""The one door to the database. Every other part of the product calls these methods;
no SQL is written anywhere else. Method names say what they mean for a student or coach.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Dict, Iterator, List, Optional

from sqlalchemy import Column, MetaData, String, Table, create_engine, delete, event, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import settings
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
    "qualities",
    "motives",
    "kernwoord",
    "options",
)

# Rasa's SQLTrackerStore keeps every conversation event in this table of the same database.
_tracker_events = Table("events", MetaData(), Column("sender_id", String(255)))


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


class Repository:
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
            student = Student(sender_id=sender_id, channel=channel)
            s.add(student)
            s.flush()
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

    def set_phase(self, sender_id: str, phase: str) -> None:
        if phase not in PHASES:
            raise ValueError(f"unknown phase {phase!r}")
        with self.session() as s:
            conversation = self._open_conversation(s, sender_id)
            conversation.phase = phase
            if phase in PHASES[:4] and phase not in (conversation.parts_reached or []):
                conversation.parts_reached = list(conversation.parts_reached or []) + [phase]

    def add_competencies(self, sender_id: str, competencies: List[str]) -> None:
        with self.session() as s:
            conversation = self._open_conversation(s, sender_id)
            known = list(conversation.competencies or [])
            conversation.competencies = known + [c for c in competencies if c not in known]

    def save_reflection(self, sender_id: str, **fields: Any) -> None:
        """Store answers as they come in, so nothing is lost when a student stops halfway."""
        unknown = set(fields) - set(REFLECTION_FIELDS)
        if unknown:
            raise ValueError(f"unknown reflection fields {sorted(unknown)}")
        with self.session() as s:
            reflection = self._open_conversation(s, sender_id).reflection
            for name, value in fields.items():
                setattr(reflection, name, value)

    def save_action_step(self, sender_id: str, what: str, due: Optional[date], who: Optional[str]) -> int:
        with self.session() as s:
            conversation = self._open_conversation(s, sender_id)
            step = ActionStep(what=what, due_date=due, who=who, status="open")
            conversation.action_steps.append(step)
            s.flush()
            return step.id

    def set_consent(self, sender_id: str, consent: bool) -> None:
        with self.session() as s:
            self._open_conversation(s, sender_id).consent = consent

    def finish_conversation(self, sender_id: str) -> None:
        with self.session() as s:
            conversation = self._open_conversation(s, sender_id)
            conversation.phase = "afgerond"
            conversation.ended_at = utcnow()

    def flag_safety(self, sender_id: str) -> None:
        with self.session() as s:
            conversation = self._open_conversation(s, sender_id)
            conversation.safety_flag = True
            conversation.safety_flagged_at = utcnow()

    def set_step_status(self, step_id: int, status: str) -> None:
        if status not in STEP_STATUSES:
            raise ValueError(f"unknown status {status!r}; use one of {', '.join(STEP_STATUSES)}")
        with self.session() as s:
            step = s.get(ActionStep, step_id)
            if step is None:
                raise LookupError(f"no action step {step_id}")
            step.status = status

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
            "parts_reached": list(conversation.parts_reached or []),
            "competencies": list(conversation.competencies or []),
            **{name: getattr(reflection, name) for name in REFLECTION_FIELDS},
            "action_steps": [
                {
                    "id": step.id,
                    "what": step.what,
                    "when": step.due_date.isoformat() if step.due_date else None,
                    "who": step.who,
                    "status": step.status,
                }
                for step in conversation.action_steps
            ],
        }

    def export_student(self, sender_id: str) -> Optional[Dict[str, Any]]:
        """All stored data of one student (their right to a copy). The latest conversation's
        fields sit at the top level; every conversation is listed under ``conversations``."""
        with self.session() as s:
            student = s.execute(select(Student).where(Student.sender_id == sender_id)).scalar_one_or_none()
            if student is None:
                return None
            conversations = [self.conversation_dict(c) for c in student.conversations]
            latest = conversations[-1] if conversations else self.conversation_dict(Conversation(parts_reached=[], competencies=[]))
            export = {"sender": student.sender_id, "channel": student.channel, "linked_to_coach": student.coach_id is not None}
            export.update({k: v for k, v in latest.items() if k not in ("id", "started_at", "ended_at")})
            export["conversations"] = conversations
            return export

    # ---- erasure --------------------------------------------------------------------

    def erase_student(self, sender_id: str) -> bool:
        """Delete everything of one student: our rows (cascading) and Rasa's tracker events."""
        with self.session() as s:
            student = s.execute(select(Student).where(Student.sender_id == sender_id)).scalar_one_or_none()
            if student is not None:
                s.delete(student)
            s.execute(delete(PracticeSession).where(PracticeSession.trainee_sender_id == sender_id))
            if inspect(s.connection()).has_table("events"):
                s.execute(delete(_tracker_events).where(_tracker_events.c.sender_id == sender_id))
            return student is not None

    # ---- coaches and invite codes ---------------------------------------------------

    def create_invite_code(self, coach_id: int) -> str:
        """A short code that is easy to type on a phone (no 0/O or 1/I confusion)."""
        import secrets

        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        with self.session() as s:
            while True:
                code = "".join(secrets.choice(alphabet) for _ in range(8))
                if s.get(InviteCode, code) is None:
                    break
            s.add(InviteCode(code=code, coach_id=coach_id))
            return code

    def link_student_to_coach(self, sender_id: str, code: str) -> bool:
        """Link a student to the coach who made ``code``. A code links one student, once."""
        normalised = (code or "").strip().upper().replace("-", "").replace(" ", "")
        with self.session() as s:
            invite = s.get(InviteCode, normalised) if normalised else None
            if invite is None or invite.used_at is not None:
                return False
            student = self._student(s, sender_id)
            student.coach_id = invite.coach_id
            invite.used_at = utcnow()
            invite.used_by_student_id = student.id
            return True

    # ---- messages that wait for Rasa -------------------------------------------------

    def keep_pending_message(self, sender_id: str, text: str) -> int:
        with self.session() as s:
            student = self._student(s, sender_id)
            message = PendingMessage(student_id=student.id, text=text)
            s.add(message)
            s.flush()
            return message.id
