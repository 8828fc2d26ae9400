"""Rasa's Redis lock store, made safe for several Rasa replicas (``make cluster``, docs/cluster.md).

Every Rasa replica handles a student's message under that student's ticket lock, so one
student's messages are handled one at a time, in the order they arrived, whichever replica
got them. Rasa Open Source's ``RedisLockStore`` keeps the lock as one JSON value and changes it
by read-modify-write (``get`` ... ``set``); two replicas issuing a ticket at the same moment can
both get the same number and handle two messages of one student at once, and a replica that
deletes an empty-looking lock can delete a ticket another replica just issued (RasaHQ/rasa
#9213). This store changes the lock only inside a Redis transaction (WATCH/MULTI/EXEC, retried
when another replica changed it meanwhile), so every ticket is issued, extended and removed
exactly once.

**A replica that dies holding a ticket.** Tickets expire ``TICKET_LOCK_LIFETIME`` seconds after
they were last renewed (``lifetime`` in the endpoints file; default 3). A live replica renews
its tickets every ``lifetime / 3`` seconds, while it waits and while it handles the message,
so a slow turn never loses its lock (its event loop would have to stall for 2 s); the ticket of
a replica that was killed expires within ``lifetime`` seconds and the student's next message
goes ahead on another replica. With 6 s, a student whose turn was on the killed replica could
wait longer than the 5 s the channels promise an answer in (found by the fault test).

Waiting replicas look again every ``wait_seconds`` (default 0.1 s; Rasa's own store waits 1 s).

Configured in ``endpoints-cluster.yml``::

    lock_store:
      type: bot.rasa_plugins.lock_store.AtomicRedisLockStore
      url: 127.0.0.1
      port: 6379
      db: 1
      key_prefix: lemniscaat
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import Any, AsyncGenerator, Callable, Optional, Text, TypeVar

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

log = logging.getLogger(__name__)

DEFAULT_LIFETIME = 3.0
DEFAULT_WAIT_SECONDS = 0.1
T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        kwargs = dict(endpoint_config.kwargs)
        self.lifetime = float(kwargs.pop("lifetime", DEFAULT_LIFETIME))
        self.wait_seconds = float(kwargs.pop("wait_seconds", DEFAULT_WAIT_SECONDS))
        super().__init__(host=endpoint_config.url or "localhost", **kwargs)

    # ---- one atomic change of a conversation's lock ----

    def _change(self, conversation_id: Text, change: Callable[[TicketLock], T]) -> T:
        """Apply ``change`` to the stored lock in one transaction; an empty lock is deleted."""
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = (
                        TicketLock.from_dict(json.loads(raw))
                        if raw
                        else TicketLock(conversation_id)
                    )
                    lock.conversation_id = conversation_id
                    lock.remove_expired_tickets()
                    result = change(lock)
                    pipe.multi()
                    if lock.tickets:
                        # The key outlives its newest ticket a little, never for ever.
                        pipe.set(key, lock.dumps(), ex=int(self.lifetime * 2) + 1)
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another replica changed this lock meanwhile: read it again

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = DEFAULT_LIFETIME) -> int:
        return self._change(conversation_id, lambda lock: lock.issue_ticket(self.lifetime))

    def renew_ticket(self, conversation_id: Text, ticket_number: int) -> bool:
        """Move the ticket's expiry ``lifetime`` seconds ahead; False when it is gone."""

        def renew(lock: TicketLock) -> bool:
            for index, ticket in enumerate(lock.tickets):
                if ticket.number == ticket_number:
                    lock.tickets[index] = Ticket(ticket_number, time.time() + self.lifetime)
                    return True
            return False

        return self._change(conversation_id, renew)

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, lambda lock: None)  # drops expired tickets

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        # The transaction deletes the lock when no ticket is left; nothing else may.
        self.finish_serving(conversation_id, ticket_number)

    # ---- the lock around one message ----

    async def _renew_while_alive(self, conversation_id: Text, ticket_number: int) -> None:
        while True:
            await asyncio.sleep(self.lifetime / 3)
            try:
                if not self.renew_ticket(conversation_id, ticket_number):
                    log.warning("Ticket %s of a conversation expired", ticket_number)
                    return
            except Exception:  # Redis away for a moment: try again next round
                log.exception("Could not renew a conversation's ticket")

    @contextlib.asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: Optional[float] = None,
        wait_time_in_seconds: Optional[float] = None,
    ) -> AsyncGenerator[Any, None]:
        ticket = self.issue_ticket(conversation_id)
        renewer = asyncio.ensure_future(self._renew_while_alive(conversation_id, ticket))
        try:
            yield await self._acquire_lock(
                conversation_id, ticket, wait_time_in_seconds or self.wait_seconds
            )
        finally:
            renewer.cancel()
            self.cleanup(conversation_id, ticket)
