"""Rasa's tracker store on SQLite uses WAL and our 30-second busy timeout."""

from __future__ import annotations

from sqlalchemy import text

from bot.rasa_plugins.tracker_store import DatabaseUrlTrackerStore


def test_sqlite_tracker_store_uses_wal_and_our_busy_timeout(database_url):
    store = DatabaseUrlTrackerStore()
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        assert connection.execute(text("PRAGMA journal_mode")).scalar().lower() == "wal"
    store.engine.dispose()
