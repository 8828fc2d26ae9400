"""Faults under load, through the load balancer: students keep talking (each through the
channel relay every channel uses, bot/channels/relay.py, against the cluster's database) while
each Rasa replica is killed (kill -9) and each action server, one after another (two kills of
each kind), then PostgreSQL stops for ten seconds. No message gets a 5xx from a kill (HAProxy
sends it to the other server), every message is answered within 5 s (an apology at worst, the
crisis reply always), supervisord brings every service back with no manual restart, and after
the kept messages are replayed every conversation is stored whole: no answer lost or doubled."""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import time
import uuid

import httpx
import pytest
from test_cluster_concurrency import SCRIPT, stored, tracker, turns

from bot.channels import crisis
from bot.channels.rasa_client import WEBHOOK_PATH, RasaUnavailable, _answers_of, post_message
from bot.channels.relay import Relay, new_message_id
from bot.nlp.commands import normalise_student_text
from bot.storage.repository import Repository

pytestmark = pytest.mark.cluster

STUDENTS = 12
THINK = 0.5  # seconds a student waits between two messages
REPLY_WITHIN = 5.0
# The channel's own wait for Rasa, for the whole message (kept messages replayed first and a
# second send included): inside the 5 s promised to the student, with time for keeping the
# message and answering, so an apology still arrives in time when Rasa does not answer. While
# a Rasa replica restarts that takes up to 1.1-1.4 s on two shared cores (apologies of
# 5.00-5.40 s at a 4.5 s wait, 5.10 s at 4 s).
RASA_WAIT = 3.5
CRISIS = "Ik wil niet meer leven."


# One conversation: the reflection, with a student in crisis now and then in between.
MESSAGES = [
    m
    for n, message in enumerate(SCRIPT)
    for m in ([message, CRISIS] if n in (5, 12) else [message])
]


class Student:
    def __init__(self, relay: Relay, repo: Repository, name: str) -> None:
        self.relay = relay
        self.repo = repo
        self.name = name
        self.senders: list[str] = []
        self.outcomes: list[tuple[str, float, str]] = []  # (kind, seconds, phase)
        # Messages Rasa never heard: a crisis message answered while the database was away
        # (the reply came, nothing could be kept), per sender, by their place in MESSAGES.
        self.unheard: dict[str, set[int]] = {}
        self.said: list[tuple[str, int, str]] = []  # (sender, place in MESSAGES, outcome)

    async def say(self, sender: str, index: int, phase: dict) -> None:
        text = MESSAGES[index]
        # The web page's way: one id per message, kept when it is sent again after a failure.
        message_id = new_message_id("web")
        while True:
            started = time.monotonic()
            try:
                turn = await asyncio.wait_for(
                    self.relay.handle(sender, text, message_id=message_id), 30
                )
            except Exception as error:  # noqa: BLE001 - counted as no reply
                self.outcomes.append(
                    (f"error {type(error).__name__}", time.monotonic() - started, phase["now"])
                )
                return
            seconds = time.monotonic() - started
            if text == CRISIS:
                kind = "crisis" if crisis.carries_help(turn.answers) else "crisis MISSING"
            elif turn.unavailable:
                kind = "asked to resend"
            elif turn.kept:
                kind = "apology"
            else:
                kind = "answer" if turn.answers else "empty"
            self.outcomes.append((kind, seconds, phase["now"]))
            self.said.append((sender, index, kind))
            if not turn.unavailable:
                return
            if text == CRISIS:  # answered; a student in crisis is not asked to send it again
                self.unheard.setdefault(sender, set()).add(index)
                return
            await asyncio.sleep(1)  # as the apology asks: the same message again, a bit later

    async def talk(self, delay: float, phase: dict) -> None:
        """Whole conversations, one after another, until the faults are over."""
        await asyncio.sleep(delay)
        while phase["now"] != "done":
            sender = f"{self.name}-{len(self.senders)}"
            while True:  # a new student signs up (waits while the database is away)
                try:
                    await asyncio.to_thread(self.repo.ensure_student, sender, channel="web")
                    await asyncio.to_thread(self.repo.accept_terms, sender, "web")
                    break
                except Exception:  # noqa: BLE001
                    await asyncio.sleep(1)
            self.senders.append(sender)
            for index in range(len(MESSAGES)):
                await self.say(sender, index, phase)
                await asyncio.sleep(THINK)


def test_students_keep_talking_through_faults(cluster):
    phase = {"now": "before"}
    statuses: list[tuple[str, int]] = []  # (phase, HTTP status) of every call to Rasa

    async def rasa(sender: str, text: str, message_id: str | None = None):
        try:
            async with httpx.AsyncClient(timeout=RASA_WAIT) as client:
                # As every channel sends: once more on a 502/504 or a broken connection.
                response = await post_message(
                    client,
                    cluster.lb_url + WEBHOOK_PATH,
                    {"sender": sender, "message": text, "message_id": message_id},
                    RASA_WAIT,
                )
            statuses.append((phase["now"], response.status_code))
            return _answers_of(response)
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(str(error)) from error

    repo = Repository(cluster.layout.database_url)
    relay = Relay(repo, "web", rasa, flag_attempts=3, flag_first_delay=0.1, answer_within=RASA_WAIT)
    run = uuid.uuid4().hex[:6]
    students = [Student(relay, repo, f"fault-{run}-{i}") for i in range(STUDENTS)]

    async def back(check, old_pid: int, program: str) -> float:
        started = time.monotonic()
        while time.monotonic() - started < 900:
            pid = await asyncio.to_thread(cluster.pid, program)
            if pid not in (0, old_pid) and await asyncio.to_thread(check):
                return time.monotonic() - started
            await asyncio.sleep(0.5)
        raise AssertionError(f"{program} did not come back")

    async def faults() -> dict[str, float]:
        timings: dict[str, float] = {}
        await asyncio.sleep(10)
        for n in (1, 2):
            phase["now"] = f"rasa-{n} killed"
            killed = await asyncio.to_thread(cluster.pid, f"rasa:rasa-{n}")
            os.kill(killed, signal.SIGKILL)
            timings[f"rasa-{n} back after"] = await back(
                lambda n=n: cluster.healthy(cluster.replica_url(n - 1)), killed, f"rasa:rasa-{n}"
            )
            await asyncio.sleep(3)  # two health checks: back in the rotation
            phase["now"] = f"actions-{n} killed"
            killed = await asyncio.to_thread(cluster.pid, f"actions:actions-{n}")
            os.kill(killed, signal.SIGKILL)
            timings[f"actions-{n} back after"] = await back(
                lambda n=n: _port_answers(cluster.layout.action_ports()[n - 1]),
                killed,
                f"actions:actions-{n}",
            )
            await asyncio.sleep(3)
        phase["now"] = "postgres stopped"
        await asyncio.to_thread(cluster.ctl, "stop", "postgres")
        await asyncio.sleep(10)
        await asyncio.to_thread(cluster.ctl, "start", "postgres")
        phase["now"] = "postgres back"
        await asyncio.sleep(10)
        phase["now"] = "done"
        return timings

    async def main():
        talking = [asyncio.create_task(s.talk(i * 0.3, phase)) for i, s in enumerate(students)]
        timings = await faults()
        await asyncio.gather(*talking)
        return timings

    started = time.monotonic()
    timings = asyncio.run(main())
    print(
        f"\nfault test: talking through faults took {time.monotonic() - started:.0f} s; {timings}"
    )
    outcomes = [o for s in students for o in s.outcomes]
    failed_by_kill = [(p, code) for p, code in statuses if "killed" in p and code >= 500]
    print(f"  calls to Rasa: {len(statuses)}; 5xx while a server was killed: {failed_by_kill}")
    for name in dict.fromkeys(o[2] for o in outcomes):
        seen = [o for o in outcomes if o[2] == name]
        kinds = {k: sum(1 for o in seen if o[0] == k) for k in sorted({o[0] for o in seen})}
        seconds = sorted(o[1] for o in seen)
        print(
            f"  {name}: {len(seen)} messages {kinds}, median {statistics.median(seconds):.2f} s, "
            f"p95 {seconds[int(len(seconds) * 0.95) - 1]:.2f} s, max {seconds[-1]:.2f} s"
        )

    # Every service is back without a manual restart.
    status = cluster.ctl("status")
    assert "FATAL" not in status and "STOPPED" not in status and "BACKOFF" not in status, status

    # The kept messages are answered once everything is back (the channels' background job).
    async def replay_until_done() -> None:
        for _ in range(120):
            await relay.replay_all()
            if not await asyncio.to_thread(repo.pending_messages, "web"):
                return
            await asyncio.sleep(1)

    asyncio.run(replay_until_done())
    try:
        assert not repo.pending_messages("web")
        # Every conversation is stored whole: the same as one walked without faults.
        reference = f"fault-{run}-reference"
        for message in MESSAGES:
            cluster.say(reference, message)
        expected = stored(repo, reference)
        broken = {}
        for student in students:
            for sender in student.senders:
                # A failed turn (its actions' events lost) is stored with its id marked failed
                # and made again when the message is replayed: the redone turn counts.
                stored_events = tracker(cluster.layout.database_url, sender)
                redone = {
                    data.get("message_id")
                    for kind, data in stored_events
                    if kind == "user" and not str(data.get("message_id")).endswith(":failed")
                }
                events = [
                    (kind, data)
                    for kind, data in stored_events
                    if not (
                        kind == "user"
                        and str(data.get("message_id")).removesuffix(":failed") in redone
                        and str(data.get("message_id")).endswith(":failed")
                    )
                ]
                said = [t["text"] for t in turns(events)]
                unheard = student.unheard.get(sender, set())
                heard = [m for i, m in enumerate(MESSAGES) if i not in unheard]
                walked = [normalise_student_text(m) for m in heard][: len(said)]
                if said != walked:
                    at = next(
                        (i for i, (a, b) in enumerate(zip(said, walked)) if a != b),
                        min(len(said), len(walked)),
                    )
                    broken[sender] = ("messages from", at, said[at : at + 3], walked[at : at + 3])
                elif not unheard and len(said) == len(MESSAGES):
                    # A whole conversation Rasa heard in full: stored as the reference.
                    got = stored(repo, sender)
                    if got != expected:
                        differ = sorted(
                            k for k in set(got) | set(expected) if got.get(k) != expected.get(k)
                        )
                        broken[sender] = (
                            "stored",
                            {k: got.get(k) for k in differ},
                            "expected",
                            {k: expected.get(k) for k in differ},
                        )
        problems = [
            o for o in outcomes if o[0] not in ("answer", "apology", "asked to resend", "crisis")
        ]
        slow = [o for o in outcomes if o[1] > REPLY_WITHIN]
        for sender, detail in broken.items():
            print(f"  broken {sender}: {detail}")
            print(f"    said: {[(i, k) for s in students for (x, i, k) in s.said if x == sender]}")
        assert not problems, problems
        assert not slow, slow
        assert not failed_by_kill, failed_by_kill
        assert not broken, broken
    finally:
        repo.engine.dispose()


def _port_answers(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0
