"""The base of every store that ``Repository`` (bot/storage/repository.py) puts together.

A store gets the database (``self.session()``) from ``Database``. What several stores do inside
a session (find a student, open their conversation, turn a conversation into plain data) are
plain functions in bot/storage/queries.py, imported where they are used.
"""

from __future__ import annotations

from bot.storage.db import Database


class Store(Database):
    pass
