"""Storage for messages that wait for Rasa: kept while Rasa is away, then taken (claimed) one by
one for replay, or put back in their place in line.

A store of ``Repository`` (bot/storage/repository.py).
"""

from __future__ import annotations

from sqlalchemy import delete, select

from bot.storage.models import PendingMessage, Student
from bot.storage.queries import student_row
from bot.storage.store import Store
from bot.storage.views import KeptMessage


class PendingMessageStore(Store):
    def keep_pending_message(self, sender_id: str, text: str, message_id: str | None = None) -> int:
        """Keep a message; ``message_id`` is the relay's id, sent again with the replay."""
        with self.session() as s:
            student = student_row(s, sender_id)
            message = PendingMessage(student_id=student.id, text=text, message_id=message_id)
            s.add(message)
            s.flush()
            return message.id

    def pending_messages(
        self, channel: str = "telegram", sender_id: str | None = None
    ) -> list[KeptMessage]:
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
                KeptMessage(
                    id=message.id,
                    sender_id=sender,
                    channel_address=address,
                    text=message.text,
                    received_at=message.received_at,
                    message_id=message.message_id,
                )
                for message, sender, address in s.execute(query).all()
            ]

    def take_pending_message(self, message_id: int) -> bool:
        """Claim a kept message for replay: it is deleted, and only the caller that deleted
        it (True) may send it to Rasa, so two workers never replay one message."""
        with self.session() as s:
            return (
                s.execute(delete(PendingMessage).where(PendingMessage.id == message_id)).rowcount
                == 1
            )

    def restore_pending_message(self, message: KeptMessage) -> None:
        """Put a taken message back (Rasa was still away), with its id and time, so it keeps
        its place in line."""
        with self.session() as s:
            student = s.execute(
                select(Student).where(Student.sender_id == message["sender_id"])
            ).scalar_one_or_none()
            if student is None:  # erased meanwhile: nothing to answer any more
                return
            s.add(
                PendingMessage(
                    id=message["id"],
                    student_id=student.id,
                    text=message["text"],
                    received_at=message["received_at"],
                    message_id=message.get("message_id"),
                )
            )
