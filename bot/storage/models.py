"""The product's own tables (Rasa's tracker store keeps its ``events`` table beside them).

Students are known only by a pseudonymous ``sender_id`` per channel. Every student-owned
row hangs off ``students`` with ON DELETE CASCADE, so erasing a student is one delete
(plus the tracker events, see ``Repository.erase_student``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

from bot.lemniscate import PHASES as LEMNISCATE_PHASES

if TYPE_CHECKING:

    class Base:
        """What declarative_base() makes, as mypy sees it (SQLAlchemy 1.4 ships no types)."""

        metadata: ClassVar[MetaData]
        __table__: ClassVar[Table]

        def __init__(self, **columns: Any) -> None: ...

else:
    Base = declarative_base()

# The four parts of the lemniscate, in order, plus the end states of a conversation.
PHASES = LEMNISCATE_PHASES
STEP_STATUSES = ("open", "gedaan", "bijgesteld", "vervallen")


# SQLite hands out max(id)+1 without AUTOINCREMENT, so an erased student's id (and the
# "Student 176" a coach knew) would come back for someone else. Sequences on PostgreSQL never do.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


def utcnow() -> datetime:
    return datetime.utcnow()


class Coach(Base):
    __tablename__ = "coaches"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    email = Column(String(254), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    is_admin = Column(Boolean, nullable=False, default=False)
    is_trainer = Column(Boolean, nullable=False, default=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    # Raised at every logout: a session cookie carrying an older version opens nothing.
    session_version = Column(Integer, nullable=False, default=0, server_default="0")

    students = relationship("Student", back_populates="coach")


class InviteCode(Base):
    """A code a coach hands out; a student sends ``/koppel CODE`` to link to that coach."""

    __tablename__ = "invite_codes"

    code = Column(String(32), primary_key=True)
    coach_id = Column(Integer, ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    used_at = Column(DateTime)
    used_by_student_id = Column(Integer, ForeignKey("students.id", ondelete="SET NULL"))
    # A code that was not used in time (INVITE_VALID_DAYS) links nobody.
    expires_at = Column(DateTime)


class Student(Base):
    __tablename__ = "students"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    # Pseudonymous: for Telegram a keyed hash of the user id, never the id itself.
    sender_id = Column(String(128), nullable=False, unique=True)
    channel = Column(String(32), nullable=False, default="rest")
    # Where the channel can reach the student (Telegram chat id) for follow-ups; erased with them.
    channel_address = Column(String(64))
    coach_id = Column(Integer, ForeignKey("coaches.id", ondelete="SET NULL"))
    # When the student agreed to how their data is used (shown by /start on Telegram, the web chat).
    accepted_terms_at = Column(DateTime)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    # The linked coach's own name for this student; only that coach sees it, cleared on relinking.
    coach_label = Column(String(80))

    coach = relationship("Coach", back_populates="students")
    conversations = relationship(
        "Conversation",
        back_populates="student",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Conversation.id",
    )


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    student_id = Column(
        Integer, ForeignKey("students.id", ondelete="CASCADE"), nullable=False, index=True
    )
    phase = Column(String(32), nullable=False, default="terugkijken")
    started_at = Column(DateTime, nullable=False, default=utcnow)
    ended_at = Column(DateTime)
    # None until asked; True only when the student agreed to share with their coach.
    consent = Column(Boolean)
    # When the student last said yes or no to sharing (or took it back).
    consent_at = Column(DateTime)
    # The coach it was shared with: linking to another coach does not show it to the new one
    # until the student shares again.
    shared_with_coach_id = Column(Integer, ForeignKey("coaches.id", ondelete="SET NULL"))
    safety_flag = Column(Boolean, nullable=False, default=False)
    safety_flagged_at = Column(DateTime)
    # Which kind of crisis the student wrote about (bot.nlp.crisis kinds: suicide, self_harm,
    # abuse, ...), so the coach knows what the bot answered with.
    safety_kind = Column(String(32))
    # The coach's verdict on the flag ("terecht" / "vals_alarm") and note: data to learn from.
    safety_verdict = Column(String(16))
    safety_verdict_note = Column(Text)
    safety_verdict_at = Column(DateTime)
    # Which parts of the lemniscate and which career competencies the conversation reached.
    parts_reached = Column(JSON, nullable=False, default=list)
    competencies = Column(JSON, nullable=False, default=list)

    student = relationship("Student", back_populates="conversations")
    reflection = relationship(
        "Reflection",
        back_populates="conversation",
        uselist=False,
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    action_steps = relationship(
        "ActionStep",
        back_populates="conversation",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ActionStep.id",
    )
    coach_notes = relationship(
        "CoachNote",
        back_populates="conversation",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Reflection(Base):
    """What the student said in the four parts, in their own words."""

    __tablename__ = "reflections"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    conversation_id = Column(
        Integer, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    experience = Column(Text)
    emotions = Column(JSON, nullable=False, default=list)
    what_happened = Column(Text)
    other_situations = Column(Text)
    # Rule 6: what the student sees in common between their stories.
    common_thread = Column(Text)
    # What they are good at (qualities) kept apart from what they want to learn.
    qualities = Column(Text)
    to_learn = Column(Text)
    motives = Column(Text)
    kernwoord = Column(String(100))
    options = Column(Text)

    conversation = relationship("Conversation", back_populates="reflection")


class ActionStep(Base):
    __tablename__ = "action_steps"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    conversation_id = Column(
        Integer, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    what = Column(Text, nullable=False)
    due_date = Column(Date)
    who = Column(Text)
    status = Column(String(16), nullable=False, default="open")
    # How much the student feels like doing it (1-10) and what could get in the way.
    motivation = Column(Integer)
    obstacle = Column(Text)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    # Follow-up on the due date: when it was sent (None = not yet), so it is sent once.
    followup_sent_at = Column(DateTime)

    conversation = relationship("Conversation", back_populates="action_steps")


class CoachNote(Base):
    """A coach's private note on one conversation; never shown to the student."""

    __tablename__ = "coach_notes"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    conversation_id = Column(
        Integer, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    coach_id = Column(Integer, ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False)
    text = Column(Text, nullable=False)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    conversation = relationship("Conversation", back_populates="coach_notes")


class AuditLog(Base):
    """Which coach viewed or changed what, and when."""

    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    coach_id = Column(Integer, ForeignKey("coaches.id", ondelete="SET NULL"))
    action = Column(String(64), nullable=False)
    target = Column(String(128), nullable=False)
    at = Column(DateTime, nullable=False, default=utcnow, index=True)

    __table_args__ = (Index("ix_audit_log_action_target", "action", "target"), NEVER_REUSE_IDS)


class PendingMessage(Base):
    """A student's message that could not reach Rasa yet; answered once Rasa is back."""

    __tablename__ = "pending_messages"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    student_id = Column(
        Integer, ForeignKey("students.id", ondelete="CASCADE"), nullable=False, index=True
    )
    text = Column(Text, nullable=False)
    received_at = Column(DateTime, nullable=False, default=utcnow)
    # The relay's id of the message: replayed with it, so Rasa makes one turn of it at most.
    message_id = Column(String(100))
    # Set while a worker replays the message (``take_pending_message``); the row stays, so the
    # student's newer messages wait behind it in every process. Past this time (a worker that
    # died while replaying) any worker may take it again: the message id keeps it one turn.
    claimed_until = Column(DateTime)


class AppliedWrite(Base):
    """A write an action made while answering one student message (a digest of the message id,
    the turn's place, the action and the write's number in it). An action call that is sent
    again (to another action server after a failure to deliver, or a turn run again after Rasa
    could not save it) skips the writes that were already made, so nothing is stored twice."""

    __tablename__ = "applied_writes"

    key = Column(String(64), primary_key=True)
    applied_at = Column(DateTime, nullable=False, default=utcnow, index=True)


class PracticeSession(Base):
    """A trainee's practice conversation with a simulated student, and its feedback report."""

    __tablename__ = "practice_sessions"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    # The trainee: a dashboard account or a pseudonymous chat sender.
    coach_id = Column(Integer, ForeignKey("coaches.id", ondelete="CASCADE"))
    trainee_sender_id = Column(String(128), index=True)
    persona = Column(String(64), nullable=False)
    transcript = Column(JSON, nullable=False, default=list)
    report = Column(JSON)
    started_at = Column(DateTime, nullable=False, default=utcnow)
    ended_at = Column(DateTime)


class PracticeGroup(Base):
    """A trainer's group of trainees: the trainer sees the practice of its members only.
    Trainees join with the group's invite code (web: /oefenen, Telegram: /oefenen CODE)."""

    __tablename__ = "practice_groups"
    __table_args__ = NEVER_REUSE_IDS

    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False)
    trainer_id = Column(
        Integer, ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False, index=True
    )
    invite_code = Column(String(32), nullable=False, unique=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)


class PracticeGroupMember(Base):
    """A trainee in a group: a dashboard account or a pseudonymous chat sender (Telegram)."""

    __tablename__ = "practice_group_members"

    id = Column(Integer, primary_key=True)
    group_id = Column(
        Integer, ForeignKey("practice_groups.id", ondelete="CASCADE"), nullable=False, index=True
    )
    coach_id = Column(Integer, ForeignKey("coaches.id", ondelete="CASCADE"))
    trainee_sender_id = Column(String(128), index=True)
    joined_at = Column(DateTime, nullable=False, default=utcnow)

    __table_args__ = (
        UniqueConstraint("group_id", "coach_id", name="uq_practice_group_member_coach"),
        UniqueConstraint("group_id", "trainee_sender_id", name="uq_practice_group_member_sender"),
        NEVER_REUSE_IDS,
    )
