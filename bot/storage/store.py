"""The base of every store that ``Repository`` (bot/storage/repository.py) puts together.

A store gets the database (``self.session()``) from ``Database`` and may call the few helpers
below that another store implements. They are declared here, with their types, so that each
store module is type-checked on its own; in ``Repository`` the real ones come first in the MRO.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.storage.db import Database
from bot.storage.models import Conversation, Student


class Store(Database):
    def _student(self, s: Session, sender_id: str, channel: str = "rest") -> Student:
        """The student with this sender id, added when new (PrivacyStore)."""
        raise NotImplementedError

    def _open_conversation(self, s: Session, sender_id: str) -> Conversation:
        """The student's open conversation, started when there is none (ConversationStore)."""
        raise NotImplementedError

    @staticmethod
    def conversation_dict(conversation: Conversation) -> dict[str, Any]:
        """A conversation with its reflection and steps, as plain data (ConversationStore)."""
        raise NotImplementedError

    @staticmethod
    def _chat_history(s: Session, sender_id: str) -> list[dict[str, Any]]:
        """What the student and the bot said, from Rasa's tracker events (ConversationStore)."""
        raise NotImplementedError
