"""The cluster's ticket lock (bot/rasa_plugins/lock_store.py) on a real Redis: a ticket whose
replica died is dropped at once, a live replica's ticket is never taken from it (not even while
its event loop is busy), and a replica that stops without closing its connections loses its
ticket after the lifetime."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import threading
import time

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_plugins.lock_store import AtomicRedisLockStore


@pytest.fixture(scope="module")
def redis_port(tmp_path_factory):
    server = shutil.which("redis-server")
    if not server:
        pytest.skip("redis-server is not installed (make cluster-deps)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    directory = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--dir", directory],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        assert time.monotonic() < deadline, "redis-server did not start"
        time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)


def replica(port: int, lifetime: float) -> AtomicRedisLockStore:
    """One Rasa replica's lock store."""
    config = EndpointConfig(
        url="127.0.0.1", port=port, db=1, key_prefix="test", lifetime=lifetime, wait_seconds=0.05
    )
    return AtomicRedisLockStore(config)


async def seconds_to_lock(store: AtomicRedisLockStore, conversation: str) -> float:
    started = time.monotonic()
    async with store.lock(conversation):
        return time.monotonic() - started


def test_the_ticket_of_a_replica_that_died_is_dropped_at_once(redis_port):
    died, other = replica(redis_port, 10.0), replica(redis_port, 10.0)
    died.issue_ticket("student-dead")  # it was handling the student's message ...
    # ... and was killed: its kernel closes its connections, so Redis forgets the client.
    died._presence.connection_pool.disconnect()
    # The message sent again to the other replica does not wait out the 10 s lifetime.
    assert asyncio.run(seconds_to_lock(other, "student-dead")) < 1.0


def test_a_live_replica_keeps_its_ticket_while_its_event_loop_is_busy(redis_port):
    """A turn keeps its replica's event loop busy (here 1.5 s, the lifetime is 0.6 s): the
    ticket is renewed all the same, and the other replica waits until the turn is done."""
    holder, waiter = replica(redis_port, 0.6), replica(redis_port, 0.6)
    order: list[str] = []
    inside = threading.Event()

    async def first() -> None:
        async with holder.lock("student-live"):
            order.append("first in")
            inside.set()
            time.sleep(1.5)  # CPU-bound work on the loop: no coroutine runs meanwhile
            order.append("first out")

    async def second() -> None:
        async with waiter.lock("student-live"):
            order.append("second in")

    other_replica = threading.Thread(target=lambda: (inside.wait(5), asyncio.run(second())))
    other_replica.start()
    asyncio.run(first())
    other_replica.join(10)
    assert order == ["first in", "first out", "second in"]


def test_a_stopped_replica_loses_its_ticket_after_the_lifetime(redis_port):
    stopped, other = replica(redis_port, 0.8), replica(redis_port, 0.8)
    stopped.issue_ticket("student-stopped")  # its connection stays open; it renews nothing
    waited = asyncio.run(seconds_to_lock(other, "student-stopped"))
    assert 0.6 <= waited < 2.0
