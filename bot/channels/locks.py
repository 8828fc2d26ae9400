"""One lock per student, for every channel of this process.

A student's messages must reach Rasa one at a time and in the order they were sent: two quick
messages on Telegram (handled concurrently), two browser tabs, the background job that replays
kept messages. The web chat runs each request in its own thread with its own event loop,
Telegram runs every update on one loop, so the lock works across threads and loops alike:
waiters queue in order (first come, first served) and are woken on their own loop. Nothing is
left behind for a student nobody holds the lock for. Across processes, the claims in the
database (``take_pending_message``) keep two workers from sending one kept message at once,
and a claimed message keeps the student's newer messages behind it in every process.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Queue:
    held: bool = False
    waiters: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = field(
        default_factory=deque
    )


class StudentLocks:
    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._queues: dict[str, _Queue] = {}

    @asynccontextmanager
    async def __call__(self, sender_id: str) -> AsyncIterator[None]:
        """Hold this student's lock for the block."""
        await self._acquire(sender_id)
        try:
            yield
        finally:
            self._release(sender_id)

    def locked(self, sender_id: str) -> bool:
        with self._guard:
            queue = self._queues.get(sender_id)
            return queue is not None and queue.held

    async def _acquire(self, sender_id: str) -> None:
        loop = asyncio.get_running_loop()
        with self._guard:
            queue = self._queues.setdefault(sender_id, _Queue())
            if not queue.held:
                queue.held = True
                return
            waiter: asyncio.Future[None] = loop.create_future()
            queue.waiters.append((loop, waiter))
        try:
            await waiter
        except asyncio.CancelledError:
            with self._guard:
                if (loop, waiter) in queue.waiters:  # not handed over yet: leave the line
                    queue.waiters.remove((loop, waiter))
                    raise
            if not waiter.cancelled():  # woken, then cancelled before it ran: pass it on
                self._release(sender_id)
            # (a cancelled waiter that was handed the lock passes it on in _wake)
            raise

    def _release(self, sender_id: str) -> None:
        with self._guard:
            queue = self._queues[sender_id]
            while queue.waiters:
                loop, waiter = queue.waiters.popleft()
                if loop.is_closed():
                    continue
                # The lock stays held: it passes straight to the next in line.
                loop.call_soon_threadsafe(self._wake, sender_id, waiter)
                return
            queue.held = False
            del self._queues[sender_id]

    def _wake(self, sender_id: str, waiter: asyncio.Future[None]) -> None:
        if waiter.done():  # cancelled after it was handed the lock: pass it on
            self._release(sender_id)
        else:
            waiter.set_result(None)
