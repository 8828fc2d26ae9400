"""Rasa's SQL tracker store on the product's own DATABASE_URL, so conversation state
lives in the same database as everything else and survives restarts.

On SQLite it uses the same connection settings as our own engine (bot/storage/repository.py):
WAL, so Rasa, the action server, the web app and Telegram can read while one writes, and a
30-second busy timeout instead of the driver's 5 seconds, so a busy moment waits rather than
failing a student's turn. Connections are pooled (SQLAlchemy 1.4 opens a new SQLite connection,
with its pragmas, for every session otherwise).

Long lives (docs/performance.md). Sessions never expire (domain/session.yml), and Rasa loads
and replays every event of the current session on each turn, so a student's 1,000th message
would cost far more than their first. When the current session holds ``CHECKPOINT_EVENTS``
events or more and the conversation is at a quiet point (no form open, safety has nothing
pending: ``bot.rasa_plugins.safety_policy.quiet_point``), the store starts a new session right
after the turn: ``session_started``, a ``slot`` event for every slot that is set, and
``action_listen``, the same events Rasa's own ``action_session_start`` writes. Rasa then loads
only the events from there on. Nothing is deleted: every event stays in the table (the chat
history, the export and erasure read them all).

Recent trackers (``CACHE_SIZE`` conversations) stay in memory as the events Rasa saved. A turn
asks the database only for the id of the conversation's newest event: when that is the one the
cached copy ends with, the tracker is rebuilt from the cached events instead of reading and
decoding every row again (that decoding was the largest part of a turn, docs/performance.md).
Any event written elsewhere (another replica, the HTTP API) changes that id, and the rows are read.

**No silent fallback.** Rasa's agent wraps every tracker store in a ``FailSafeTrackerStore``:
when the database is away, ``retrieve`` gives no tracker (Rasa then starts the student over) and
``save`` writes the turn to memory only, and the turn is answered as if all went well. The
cluster's fault test found exactly that: answers given while PostgreSQL stopped were missing from
the table afterwards, and conversations started over. This store is used unwrapped, so a
database error fails the turn; the REST channel answers 503 and the channel keeps the message
or asks the student to send it again (``bot/channels/relay.py``).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any, Iterable, Iterator, List, NamedTuple, Optional, Text

from rasa.core.agent import Agent
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import Index, create_engine, event, func, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from bot.config import settings
from bot.rasa_plugins import speedups
from bot.rasa_plugins.once import answers_of_events, mark_failed, turn_failed
from bot.rasa_plugins.safety_policy import quiet_point

EVENTS_BY_SENDER = "ix_events_sender_id_id"
SQLITE_BUSY_TIMEOUT_MS = 30_000  # the same 30 s as the repository's engine (timeout=30)
# A session this long (in events) is closed at the next quiet point. A whole reflection is
# about 220 events (some 12 per message) and a form is never cut, so in practice every session
# ends with the reflection after which it reached this length.
CHECKPOINT_EVENTS = 150
# How many events of the tracker object this store has written (see ``_additional_events``).
_SAVED = "_lemniscaat_saved_events"
# Where the session this store started for a tracker object begins in its events.
_SESSION_FROM = "_lemniscaat_session_from"
# Conversations whose tracker is kept in memory between turns (least recently used goes first).
CACHE_SIZE = 256
# The id of the conversation's newest stored event when this tracker object was read or saved.
_READ_AT = "_lemniscaat_read_at"
# A turn's events between its student message and the next, at most (a turn is ~12 events).
TURN_EVENTS_MAX = 400


class StaleTracker(Exception):
    """Events were stored for this conversation after the tracker was read: the turn is refused."""


class _Cached(NamedTuple):
    last_id: Optional[int]  # the id of the newest stored event of the conversation
    domain: Optional[Domain]
    events: List[Event]  # the events of the current session, as stored


speedups.install()


_rasa_create_tracker_store = Agent._create_tracker_store


def _unwrapped_tracker_store(store: Optional[Any], domain: Domain) -> Any:
    """``Agent._create_tracker_store`` without the in-memory fallback for this store."""
    if isinstance(store, DatabaseUrlTrackerStore):
        store.domain = domain
        return store
    return _rasa_create_tracker_store(store, domain)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class DatabaseUrlTrackerStore(SQLTrackerStore):
    engine: Engine  # made by SQLTrackerStore.__init__, replaced below on SQLite

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
            # Rasa's engine opens a connection per session: one pooled engine instead, with
            # the pragmas on every connection it opens.
            self.engine.dispose()
            self.engine = create_engine(
                url,
                poolclass=QueuePool,
                connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
                hide_parameters=True,
            )
            event.listen(self.engine, "connect", _sqlite_pragmas)
            self.sessionmaker = sessionmaker(bind=self.engine)
        self._cache: OrderedDict[Text, _Cached] = OrderedDict()
        self._index_events_by_sender()

    def _index_events_by_sender(self) -> None:
        """An index on (sender_id, id). Every turn asks for a conversation's newest event id
        and reads its events in id order; with Rasa's index on sender_id alone, PostgreSQL
        answers both by walking the primary key and filtering, which reads the whole table for
        a student with no or only old events (a new student's first message) and grew with
        the table in the soak test."""
        table = self.SQLEvent.__table__
        index = next((ix for ix in table.indexes if ix.name == EVENTS_BY_SENDER), None)
        if index is None:  # one Index object per table, however many stores are made
            index = Index(EVENTS_BY_SENDER, table.c.sender_id, table.c.id)
        try:
            index.create(self.engine, checkfirst=True)
        except DBAPIError:
            # Another replica created it between the check and the create.
            indexes = inspect(self.engine).get_indexes("events")
            if not any(ix["name"] == EVENTS_BY_SENDER for ix in indexes):
                raise

    def _last_id(self, sender_id: Text) -> Optional[int]:
        with self.session_scope() as session:
            return (
                session.query(func.max(self.SQLEvent.id))
                .filter(self.SQLEvent.sender_id == sender_id)
                .scalar()
            )

    def _remember(self, tracker: DialogueStateTracker, events: List[Event]) -> None:
        sender_id = tracker.sender_id
        last_id = self._last_id(sender_id)
        setattr(tracker, _READ_AT, last_id)  # a second save of this object is not stale
        self._cache[sender_id] = _Cached(last_id, self.domain, events)
        self._cache.move_to_end(sender_id)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The current session's tracker: rebuilt from the cached events when no event was
        stored since, else read from the database."""
        cached = self._cache.get(sender_id)
        last_id = self._last_id(sender_id)
        if cached and cached.domain is self.domain and cached.last_id == last_id:
            self._cache.move_to_end(sender_id)
            slots = self.domain.slots if self.domain else None
            tracker = DialogueStateTracker.from_events(sender_id, list(cached.events), slots)
        else:
            self._cache.pop(sender_id, None)
            # (read before the rows: an event stored in between makes the save refuse)
            tracker = await super().retrieve(sender_id)
        if tracker is not None:
            setattr(tracker, _SAVED, len(tracker.events))
            setattr(tracker, _READ_AT, last_id)
        return tracker

    def answers_to(self, sender_id: Text, message_id: Text) -> Optional[List[Event]]:
        """The bot's events of the turn of the student message with this id (empty when the
        bot said nothing), or None when no stored student message has this id."""
        needle = json.dumps({"message_id": message_id})[1:-1]  # "message_id": "<id>"
        SQLEvent = self.SQLEvent
        with self.session_scope() as session:
            # The text search narrows it down (the id is in the parse data too); the event's
            # own message_id decides.
            candidates = (
                session.query(SQLEvent.id, SQLEvent.data)
                .filter(
                    SQLEvent.sender_id == sender_id,
                    SQLEvent.type_name == "user",
                    SQLEvent.data.contains(needle, autoescape=True),
                )
                .order_by(SQLEvent.id.desc())
                .all()
            )
            found = next(
                (c.id for c in candidates if json.loads(c.data).get("message_id") == message_id),
                None,
            )
            if found is None:
                return None
            rows = (
                session.query(SQLEvent.type_name, SQLEvent.data)
                .filter(SQLEvent.sender_id == sender_id, SQLEvent.id > found)
                .order_by(SQLEvent.id)
                .limit(TURN_EVENTS_MAX)
                .all()
            )
        return answers_of_events((row.type_name, json.loads(row.data)) for row in rows)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the turn's new events; then, in a long session at a quiet point, start a new
        session so the next turn loads only what follows (see the module's docstring)."""
        read_at = getattr(tracker, _READ_AT, False)
        if read_at is not False and self._last_id(tracker.sender_id) != read_at:
            raise StaleTracker(
                "events were stored for this conversation after its tracker was read"
            )
        if turn_failed():  # not a turn to answer a repeat of its message from
            mark_failed(list(tracker.events)[getattr(tracker, _SAVED, 0) :])
        await super().save(tracker)
        saved = len(tracker.events)
        setattr(tracker, _SAVED, saved)
        session_from = getattr(tracker, _SESSION_FROM, 0)
        if saved - session_from >= CHECKPOINT_EVENTS and quiet_point(tracker):
            new_session = self._session_start_events(tracker)
            with self.session_scope() as session:
                self._add_events(session, tracker.sender_id, new_session)
                session.commit()
            # The events of this object up to here belong to the closed session.
            setattr(tracker, _SESSION_FROM, saved)
            self._remember(tracker, new_session)
        else:
            # As the database gives it back: from the latest session start on.
            events = list(tracker.events)
            starts = [i for i, e in enumerate(events) if isinstance(e, SessionStarted)]
            self._remember(tracker, events[max([session_from, *starts[-1:]]) :])

    @staticmethod
    def _session_start_events(tracker: DialogueStateTracker) -> List[Event]:
        """The events Rasa's ``action_session_start`` writes, slots carried over."""
        return [
            SessionStarted(),
            *(
                SlotSet(slot.name, slot.value)
                for slot in tracker.slots.values()
                if slot.value != slot.initial_value
            ),
            ActionExecuted(ACTION_LISTEN_NAME),
        ]

    def _add_events(self, session: Any, sender_id: str, events: Iterable[Event]) -> None:
        """Rows for these events, as Rasa's own ``save`` writes them."""
        for item in events:
            data = item.as_dict()
            session.add(
                self.SQLEvent(
                    sender_id=sender_id,
                    type_name=item.type_name,
                    timestamp=data.get("timestamp"),
                    intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"),
                    data=json.dumps(data),
                )
            )

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        """The tracker's events not stored yet. Rasa counts the stored events of the current
        session; a tracker object this store saved before (and perhaps closed the session of)
        knows how many of its events are stored."""
        saved: Optional[int] = getattr(tracker, _SAVED, None)
        if saved is None:
            return super()._additional_events(session, tracker)
        return iter(list(tracker.events)[saved:])


# Rasa's loader makes this store (endpoints.yml) before the agent, so this is in place in time.
Agent._create_tracker_store = staticmethod(_unwrapped_tracker_store)
