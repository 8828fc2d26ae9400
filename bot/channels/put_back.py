"""Kept messages that were taken for replay and could not be put back: the database went away
between the claim (``take_pending_message``) and the put-back.

The row stays in the table, claimed, so the message keeps its place in line in every process;
until the claim is ended, no worker sends it or any newer message of that student. This process
ends the claim as soon as the database returns: the relay asks ``catch_up`` before it sends
anything of a student, and while a held message cannot be put back, the student's new message
waits (it is kept, or the student is asked to send it again). A background thread retries too,
for a student who sends nothing more. Should this process die first, the claim runs out by
itself (``CLAIM_SECONDS`` in bot/channels/relay.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from bot.storage.errors import STORAGE_DOWN
from bot.storage.views import KeptMessage

log = logging.getLogger(__name__)


class HeldMessages:
    def __init__(self, restore: Callable[[KeptMessage], None], every: float) -> None:
        self._restore = restore
        self._every = every
        self._held: dict[int, KeptMessage] = {}
        # One put-back at a time: the thread and a handler must not insert one row twice.
        self._lock = threading.Lock()

    def put_back(self, message: KeptMessage) -> bool:
        """Put a taken message back in line; when the database is away, hold it here and retry
        in the background. True when it is back now."""
        with self._lock:
            self._held[message["id"]] = message
        if self._try(message["id"]):
            return True
        log.warning("Database away: kept message %s goes back when it returns", message["id"])
        threading.Thread(
            target=self._retry, args=(message["id"],), name="kept-message-restore", daemon=True
        ).start()
        return False

    def catch_up(self, sender_id: str) -> bool:
        """Put back this student's held messages; False while one of them cannot be."""
        with self._lock:
            mine = [key for key, m in self._held.items() if m["sender_id"] == sender_id]
        return all(self._try(key) for key in sorted(mine))

    def _try(self, key: int) -> bool:
        with self._lock:
            message = self._held.get(key)
            if message is None:  # put back by the other caller meanwhile
                return True
            try:
                self._restore(message)
            except STORAGE_DOWN:
                return False
            del self._held[key]
        log.info("Kept message %s is back in line", key)
        return True

    def _retry(self, key: int) -> None:
        while True:
            time.sleep(self._every)
            if self._try(key):
                return
            log.warning("Database still away: kept message %s waits", key)
