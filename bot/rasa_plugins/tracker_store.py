"""Rasa's SQL tracker store on the product's own DATABASE_URL, so conversation state
lives in the same database as everything else and survives restarts.

On SQLite it uses the same connection settings as our own engine (bot/storage/repository.py):
WAL, so Rasa, the action server, the web app and Telegram can read while one writes, and a
30-second busy timeout instead of the driver's 5 seconds, so a busy moment waits rather than
failing a student's turn."""

from __future__ import annotations

from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy import event

from bot.config import settings

SQLITE_BUSY_TIMEOUT_MS = 30_000  # the same 30 s as the repository's engine (timeout=30)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class DatabaseUrlTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        domain: Optional[Domain] = None,
        event_broker: Optional[EventBroker] = None,
        **kwargs: Any,
    ) -> None:
        url = settings().database_url
        dialect = url.split(":", 1)[0].split("+", 1)[0]
        kwargs.pop("host", None)
        kwargs.pop("dialect", None)
        # SQLTrackerStore takes a full URL in "host" as the database URL.
        super().__init__(
            domain=domain, dialect=dialect, host=url, event_broker=event_broker, **kwargs
        )
        # An SQL error in Rasa's log never shows the values (the events hold students' text).
        self.engine.hide_parameters = True
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            # Connections opened while the store set itself up had no pragmas: drop them.
            self.engine.dispose()
