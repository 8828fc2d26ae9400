"""Storage for follow-ups: the open action steps a channel asks about once they are due, claimed
once so a step is never asked about twice.

A mixin of ``Repository`` (bot/storage/repository.py): it uses ``self.session()``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update

from bot.storage.models import ActionStep, Conversation, Student, utcnow
from bot.storage.store import Store


class FollowUpStore(Store):
    def steps_due_for_followup(
        self, today: date, channel: str = "telegram"
    ) -> list[dict[str, Any]]:
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
        with self.session() as s:
            s.execute(
                update(ActionStep).where(ActionStep.id == step_id).values(followup_sent_at=None)
            )
