"""Writes made once per student message, however often an action is called for it.

An action server that dies while it answers leaves Rasa without a reply; the load balancer then
sends the same call to another action server (docs/cluster.md), and a turn that Rasa could not
save is run again when the message is sent again. Either way an action runs twice for one
message. The action server names each call (``writes_of``: the student, the message id, the
turn's place and the action); every transaction the action opens then gets a key, that name
and its number within the call. A transaction that wrote something records its key
(``applied_writes``) in the same commit; when the key is there already, the write was made by
the earlier call and the transaction is rolled back instead. A transaction that only read
commits as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.models import AppliedWrite, utcnow

log = logging.getLogger(__name__)

_WROTE = "lemniscaat_wrote"
# Keys are kept this long (a call is sent again within seconds), then deleted now and then.
KEEP_KEYS = timedelta(days=2)
CLEAN_EVERY = 1000
_claims = itertools.count(1)


@dataclass
class _Call:
    name: str
    transactions: int = 0


_call: ContextVar[_Call | None] = ContextVar("lemniscaat_action_call", default=None)


@contextlib.contextmanager
def writes_of(name: str | None) -> Iterator[None]:
    """Every transaction opened inside gets a key from ``name`` (None: no keys)."""
    token = _call.set(_Call(name) if name else None)
    try:
        yield
    finally:
        _call.reset(token)


def set_call(name: str | None) -> None:
    """``writes_of`` for the rest of the current task (the action server's request)."""
    _call.set(_Call(name) if name else None)


def next_key() -> str | None:
    call = _call.get()
    if call is None:
        return None
    call.transactions += 1
    return hashlib.sha256(f"{call.name}#{call.transactions}".encode()).hexdigest()


def watch(sessions: Any) -> None:
    """Note on each session of this factory whether it wrote anything."""

    def flushed(session: Session, _context: Any) -> None:
        session.info[_WROTE] = True

    def executed(state: Any) -> None:
        if state.is_update or state.is_delete or getattr(state.statement, "is_insert", False):
            state.session.info[_WROTE] = True

    event.listen(sessions, "after_flush", flushed)
    event.listen(sessions, "do_orm_execute", executed)


def first_time(session: Session, key: str) -> bool:
    """Before the commit: False when this transaction's writes were made before (then the
    caller rolls it back); True when it wrote nothing or writes for the first time."""
    session.flush()
    if not session.info.get(_WROTE):
        return True
    try:
        with session.begin_nested():
            session.add(AppliedWrite(key=key))
    except IntegrityError:
        log.info("An action was called again for one message; its write was made before")
        return False
    if next(_claims) % CLEAN_EVERY == 0:
        session.execute(delete(AppliedWrite).where(AppliedWrite.applied_at < utcnow() - KEEP_KEYS))
    return True
