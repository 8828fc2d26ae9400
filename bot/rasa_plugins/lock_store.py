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

**A replica that dies holding a ticket.** Every ticket names its holder: the Redis client id
of a connection its replica keeps open for as long as it lives (the *presence* connection, one
per replica, used for nothing else). When a replica dies (kill -9, a crash, OOM), its kernel
closes that connection and Redis forgets the client at once; a replica waiting for the lock
asks Redis which holders before it are still connected (``CLIENT LIST ID``) and drops the
tickets of those that are not. So a message whose replica died with it, sent again to another
replica (HAProxy's retry, with the same message id), goes ahead within one look
(``wait_seconds``), not after the dead ticket's lifetime: the fault test found replies of
5.0-5.4 s when the retry waited up to ``TICKET_LOCK_LIFETIME`` (3 s) for it.

A replica that stops without closing its connections (SIGSTOP, a frozen machine, a network
cut) still holds a live-looking connection: its tickets expire ``TICKET_LOCK_LIFETIME`` seconds
after they were last renewed (``lifetime`` in the endpoints file; default 3). A live replica
renews its tickets every ``lifetime / 3`` seconds, while it waits and while it handles the
message, from a thread of its own: a turn keeps the event loop busy, and on a loaded machine
the loop may not come round for seconds (a ticket lost that way lets another replica handle the
student's next message at the same time). The thread stops renewing a ticket whose task has not
beaten for ``LOOP_STALL_SECONDS`` (a hung loop). A renewal also names the presence connection
again, in case it was reconnected with a new id.

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
import threading
import time
from typing import (
    Any,
    AsyncGenerator,
    Callable,
    Dict,
    Iterable,
    Optional,
    Set,
    Text,
    Tuple,
    TypeVar,
)

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

log = logging.getLogger(__name__)

DEFAULT_LIFETIME = 3.0
DEFAULT_WAIT_SECONDS = 0.1
# A task holding a ticket that has not beaten for this long sits on a hung event loop (as the
# liveness check, bot/rasa_plugins/liveness.py): its ticket is no longer renewed.
LOOP_STALL_SECONDS = 20.0
T = TypeVar("T")


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: EndpointConfig) -> None:
        kwargs = dict(endpoint_config.kwargs)
        self.lifetime = float(kwargs.pop("lifetime", DEFAULT_LIFETIME))
        self.wait_seconds = float(kwargs.pop("wait_seconds", DEFAULT_WAIT_SECONDS))
        super().__init__(host=endpoint_config.url or "localhost", **kwargs)
        self._presence: Any = None
        self._presence_lock = threading.Lock()  # the loop and the renewing thread share it
        # Tickets this replica waits for or serves: (conversation, number) -> last beat of the
        # task that holds it (time.monotonic()).
        self._held: Dict[Tuple[Text, int], float] = {}
        self._held_lock = threading.Lock()
        self._renewer: Optional[threading.Thread] = None

    # ---- this replica's presence in Redis ----

    def holder_id(self) -> Optional[int]:
        """The Redis client id of this replica's presence connection, opened on first use (after
        any fork) and reopened by redis-py when it broke, with a new id. None when Redis refuses
        ``CLIENT ID``: the tickets then name no holder and only expire."""
        import redis

        with self._presence_lock:
            if self._presence is None:
                pool = self.red.connection_pool
                # A pool of its own: the shared pool would lend this connection to others.
                own = redis.ConnectionPool(
                    connection_class=pool.connection_class,
                    max_connections=1,
                    **pool.connection_kwargs,
                )
                self._presence = redis.StrictRedis(
                    connection_pool=own, single_connection_client=True
                )
            try:
                return int(self._presence.client_id())
            except redis.ResponseError:
                return None

    def _connected(self, client_ids: Iterable[int]) -> Set[int]:
        wanted = sorted(set(client_ids))
        if not wanted:
            return set()
        import redis

        try:
            # redis-py's client_list(client_id=...) sends the ids as one argument; Redis wants
            # each on its own.
            clients = self.red.execute_command("CLIENT LIST", "ID", *wanted)
        except redis.ResponseError:  # a Redis that refuses CLIENT LIST: tickets only expire
            log.warning("Redis refuses CLIENT LIST: a dead replica's tickets expire by lifetime")
            return set(wanted)
        return {int(client["id"]) for client in clients}

    # ---- one atomic change of a conversation's lock ----

    def _change(
        self, conversation_id: Text, change: Callable[[TicketLock, Dict[str, int]], T]
    ) -> T:
        """Apply ``change`` to the stored lock and its tickets' holders (ticket number -> client
        id) in one transaction; an empty lock is deleted."""
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    data = json.loads(raw) if raw else {}
                    lock = TicketLock.from_dict(data) if data else TicketLock(conversation_id)
                    lock.conversation_id = conversation_id
                    lock.remove_expired_tickets()
                    holders = {str(k): int(v) for k, v in data.get("holders", {}).items()}
                    result = change(lock, holders)
                    pipe.multi()
                    if lock.tickets:
                        stored = json.loads(lock.dumps())
                        numbers = {str(t.number) for t in lock.tickets}
                        stored["holders"] = {k: v for k, v in holders.items() if k in numbers}
                        # The key outlives its newest ticket a little, never for ever.
                        pipe.set(key, json.dumps(stored), ex=int(self.lifetime * 2) + 1)
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another replica changed this lock meanwhile: read it again

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = DEFAULT_LIFETIME) -> int:
        holder = self.holder_id()

        def issue(lock: TicketLock, holders: Dict[str, int]) -> int:
            number = lock.issue_ticket(self.lifetime)
            if holder is not None:
                holders[str(number)] = holder
            return number

        return self._change(conversation_id, issue)

    def renew_ticket(self, conversation_id: Text, ticket_number: int) -> bool:
        """Move the ticket's expiry ``lifetime`` seconds ahead and name its holder again;
        False when it is gone."""
        holder = self.holder_id()

        def renew(lock: TicketLock, holders: Dict[str, int]) -> bool:
            for index, ticket in enumerate(lock.tickets):
                if ticket.number == ticket_number:
                    lock.tickets[index] = Ticket(ticket_number, time.time() + self.lifetime)
                    if holder is not None:
                        holders[str(ticket_number)] = holder
                    return True
            return False

        return self._change(conversation_id, renew)

    def update_lock(self, conversation_id: Text) -> None:
        """A waiting replica's look: drops expired tickets and those of replicas that died."""
        me = self.holder_id()

        def drop_dead(lock: TicketLock, holders: Dict[str, int]) -> None:
            others = {
                holders[str(t.number)]
                for t in lock.tickets
                if str(t.number) in holders and holders[str(t.number)] != me
            }
            alive = self._connected(others)
            for ticket in list(lock.tickets):
                holder = holders.get(str(ticket.number))
                if holder is not None and holder != me and holder not in alive:
                    log.warning(
                        "Ticket %s of a conversation dropped: its replica died", ticket.number
                    )
                    lock.tickets.remove(ticket)

        self._change(conversation_id, drop_dead)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock, _: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        # The transaction deletes the lock when no ticket is left; nothing else may.
        self.finish_serving(conversation_id, ticket_number)

    # ---- renewing the tickets this replica holds ----

    def _hold(self, key: Tuple[Text, int]) -> None:
        with self._held_lock:
            self._held[key] = time.monotonic()
            if self._renewer is None or not self._renewer.is_alive():
                self._renewer = threading.Thread(
                    target=self._renew_forever, name="ticket-renewer", daemon=True
                )
                self._renewer.start()

    def _beat(self, key: Tuple[Text, int]) -> None:
        with self._held_lock:
            if key in self._held:
                self._held[key] = time.monotonic()

    def _release(self, key: Tuple[Text, int]) -> None:
        with self._held_lock:
            self._held.pop(key, None)

    def _lost(self, key: Tuple[Text, int]) -> None:
        """A ticket was gone when renewed: expired while still held, or (harmless) its turn
        ended and removed it between the list of held tickets and the renewal."""
        with self._held_lock:
            still_held = self._held.pop(key, None) is not None
        if still_held:
            log.warning("Ticket %s of a conversation expired while its turn ran", key[1])

    def _renew_forever(self) -> None:
        """The renewals run in a thread: a turn keeps the event loop busy (NLU, policies), and
        on a loaded machine that loop may not get to a renewal for seconds; a ticket lost that
        way would let another replica handle the student's next message at the same time. A
        ticket whose task has not beaten for ``LOOP_STALL_SECONDS`` (a hung loop) is left to
        expire; a stopped or dead process renews nothing."""
        while True:
            time.sleep(self.lifetime / 3)
            now = time.monotonic()
            with self._held_lock:
                held = [key for key, beat in self._held.items() if now - beat < LOOP_STALL_SECONDS]
            for conversation_id, ticket_number in held:
                try:
                    if not self.renew_ticket(conversation_id, ticket_number):
                        self._lost((conversation_id, ticket_number))
                except Exception:  # Redis away for a moment: try again next round
                    log.exception("Could not renew a conversation's ticket")

    # ---- the lock around one message ----

    async def _beat_while_held(self, key: Tuple[Text, int]) -> None:
        while True:
            await asyncio.sleep(self.lifetime / 3)
            self._beat(key)

    @contextlib.asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: Optional[float] = None,
        wait_time_in_seconds: Optional[float] = None,
    ) -> AsyncGenerator[Any, None]:
        ticket = self.issue_ticket(conversation_id)
        key = (conversation_id, ticket)
        self._hold(key)
        beats = asyncio.ensure_future(self._beat_while_held(key))
        try:
            yield await self._acquire_lock(
                conversation_id, ticket, wait_time_in_seconds or self.wait_seconds
            )
        finally:
            beats.cancel()
            self._release(key)
            self.cleanup(conversation_id, ticket)
