"""Storage for messages that wait for Rasa: kept while Rasa is away, then taken (claimed for a
while) one by one for replay, and dropped once answered or put back in their place in line.

A taken message stays in the table until it is answered. Every worker (each web process, the
Telegram bot, their background jobs) lists it, cannot take it, and so keeps the student's newer
messages behind it: Rasa hears a student's messages in the order they were sent, whichever
process replays them.

A store of ``Repository`` (bot/storage/repository.py).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, or_, select, update

from bot.storage.models import PendingMessage, Student, utcnow
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

    def take_pending_message(self, message_id: int, for_seconds: float) -> bool:
        """Claim a kept message for replay for ``for_seconds``: only the caller whose claim took
        effect (True) may send it to Rasa, so two workers never replay one message at once.
        False too when it was answered (dropped) or erased meanwhile."""
        now = utcnow()
        with self.session() as s:
            claimed = s.execute(
                update(PendingMessage)
                .where(PendingMessage.id == message_id)
                .where(
                    or_(PendingMessage.claimed_until.is_(None), PendingMessage.claimed_until < now)
                )
                .values(claimed_until=now + timedelta(seconds=for_seconds))
            )
            return claimed.rowcount == 1

    def drop_pending_message(self, message_id: int) -> None:
        """A replayed message Rasa has answered: it waits no more."""
        with self.session() as s:
            s.execute(delete(PendingMessage).where(PendingMessage.id == message_id))

    def restore_pending_message(self, message: KeptMessage) -> None:
        """Put a taken message back (Rasa was still away): the claim ends, and the message is
        next in line again in its place."""
        with self.session() as s:
            s.execute(
                update(PendingMessage)
                .where(PendingMessage.id == message["id"])
                .values(claimed_until=None)
            )
