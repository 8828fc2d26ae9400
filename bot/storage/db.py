"""The database connection: the engine (with SQLite's pragmas), sessions, and Rasa's tracker
events table that shares the database. Every store of bot/storage builds on ``Database``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.config import settings
from bot.storage import once

# Rasa's SQLTrackerStore keeps every conversation event in this table of the same database.
tracker_events = Table(
    "events",
    MetaData(),
    Column("id", Integer),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("data", Text),
)


def ensure_sqlite_dir(url: str) -> None:
    """Create the directory of a file-based SQLite database (var/ for the embedded default)."""
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:  # pragma: no cover - trivial
    """Run on every new SQLite connection."""
    cursor = dbapi_connection.cursor()
    # Cascading deletes need foreign keys on; WAL lets Rasa, the action server and
    # the web app read while another process writes.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # hide_parameters: an SQL error in a log never shows the values (a student's text).
        # A file database gets a pool: SQLAlchemy 1.4 would open a new connection (and run
        # the pragmas below) for every session, a good part of each answer's time.
        in_memory = url in ("sqlite://", "sqlite:///:memory:") or "mode=memory" in url
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            hide_parameters=True,
            **({} if in_memory else {"poolclass": QueuePool, "max_overflow": 20}),
        )

        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


class Database:
    """An engine and a session factory for one database URL (default DATABASE_URL)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or settings().database_url
        ensure_sqlite_dir(self.url)
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False, future=True)
        once.watch(self._sessions)

    def ping(self) -> None:
        """One round trip to the database (the readiness probe); raises when it is away."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on an error. Inside an
        action call, writes already made for the same message are rolled back (bot/storage/once.py)."""
        key = once.next_key()
        session = self._sessions()
        try:
            yield session
            if key is not None and not once.first_time(session, key):
                session.rollback()
                return
            session.commit()
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()
