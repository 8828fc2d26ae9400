"""What several stores do inside their own session: find (or add) a student, find (or open) the
student's conversation, turn a conversation into plain data, read the chat from Rasa's events.

Plain functions of an open session, so each store module imports what it uses; no store relies
on another one being mixed in before it.
"""

from __future__ import annotations

import json
from typing import Any, cast

from sqlalchemy import inspect, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.lemniscate import REFLECTION_FIELDS
from bot.storage.db import tracker_events
from bot.storage.models import PHASES, ActionStep, Conversation, Reflection, Student, utcnow
from bot.storage.views import ChatLine, ConversationView, StepView


def student_row(s: Session, sender_id: str, channel: str = "rest") -> Student:
    """The student with this sender id, added when new."""
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


def new_conversation(student: Student) -> Conversation:
    conversation = Conversation(
        student_id=student.id, phase=PHASES[0], parts_reached=[], competencies=[]
    )
    conversation.reflection = Reflection(emotions=[])
    return conversation


def open_conversation(s: Session, sender_id: str) -> Conversation:
    """The student's open conversation, started when there is none."""
    student = student_row(s, sender_id)
    conversation = (
        s.execute(
            select(Conversation)
            .where(Conversation.student_id == student.id, Conversation.ended_at.is_(None))
            .order_by(Conversation.id.desc())
        )
        .scalars()
        .first()
    )
    if conversation is None:
        conversation = new_conversation(student)
        s.add(conversation)
        s.flush()
    if conversation.reflection is None:
        conversation.reflection = Reflection(emotions=[])
    return conversation


def step_view(step: ActionStep) -> StepView:
    return StepView(
        id=step.id,
        what=step.what,
        when=step.due_date.isoformat() if step.due_date else None,
        who=step.who,
        motivation=step.motivation,
        obstacle=step.obstacle,
        status=step.status,
    )


def conversation_view(conversation: Conversation) -> ConversationView:
    """A conversation with its reflection and steps, as plain data."""
    reflection = conversation.reflection or Reflection(emotions=[])
    view: dict[str, Any] = {
        "id": conversation.id,
        "phase": conversation.phase,
        "started_at": conversation.started_at.isoformat() if conversation.started_at else None,
        "ended_at": conversation.ended_at.isoformat() if conversation.ended_at else None,
        "consent": conversation.consent,
        "safety_flag": conversation.safety_flag,
        "safety_kind": conversation.safety_kind,
        "parts_reached": list(conversation.parts_reached or []),
        "competencies": list(conversation.competencies or []),
        # The reflection's fields by name, as bot/lemniscate.py lists them.
        **{name: getattr(reflection, name) for name in REFLECTION_FIELDS},
        "action_steps": [step_view(step) for step in conversation.action_steps],
    }
    return cast(ConversationView, view)


def chat_history(s: Session, sender_id: str) -> list[ChatLine]:
    """What the student and the bot said, from Rasa's tracker events in this database."""
    if not inspect(s.connection()).has_table("events"):
        return []
    rows = s.execute(
        select(tracker_events.c.type_name, tracker_events.c.data)
        .where(
            tracker_events.c.sender_id == sender_id,
            tracker_events.c.type_name.in_(("user", "bot")),
        )
        .order_by(tracker_events.c.id)
    ).all()
    history: list[ChatLine] = []
    for type_name, data in rows:
        event_data: dict[str, Any] = json.loads(data or "{}")
        history.append(
            {
                "from": "student" if type_name == "user" else "bot",
                "text": event_data.get("text"),
                "at": event_data.get("timestamp"),
            }
        )
    return history
