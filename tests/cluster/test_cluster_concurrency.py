"""One student's messages sent at once to different Rasa replicas (each replica's own port):
the lock store in Redis hands them out one at a time, so no event is lost, doubled, reordered
or interleaved with another turn (read from the tracker events in PostgreSQL), each answer goes
back to the request that asked, and every answer is stored once."""

from __future__ import annotations

import json
import threading
import time
import uuid

import pytest
from reflection_script import ANSWERS
from sqlalchemy import create_engine, select

from bot.nlp.commands import normalise_student_text
from bot.storage.db import tracker_events
from bot.storage.repository import Repository

pytestmark = pytest.mark.cluster

# One whole reflection, the same script scripts/benchmark.py walks.
SCRIPT = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:13], "nee", "ja"]


def tracker(database_url: str, sender: str) -> list[tuple[str, dict]]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(tracker_events.c.type_name, tracker_events.c.data)
                .where(tracker_events.c.sender_id == sender)
                .order_by(tracker_events.c.id)
            ).all()
    finally:
        engine.dispose()
    return [(row.type_name, json.loads(row.data)) for row in rows]


def turns(events: list[tuple[str, dict]]) -> list[dict]:
    """The tracker cut at each student message: its text, what the bot said until the next
    one, and whether the turn ended by listening (it was finished before the next began)."""
    found: list[dict] = []
    for kind, data in events:
        if kind == "user":
            found.append({"text": data.get("text"), "bot": [], "listened": False})
        elif found and kind == "bot":
            found[-1]["bot"].append(data.get("text") or "")
        elif found and kind == "action" and data.get("name") == "action_listen":
            found[-1]["listened"] = True
    return found


def send_all(cluster, sender: str, messages: list[str], stagger: float) -> list:
    """Each message in its own thread, to replica 1, 2, 1, ..., ``stagger`` seconds apart."""
    results: list = [None] * len(messages)
    start = threading.Barrier(len(messages))

    def send(index: int) -> None:
        start.wait()
        time.sleep(index * stagger)
        try:
            url = cluster.replica_url(index % cluster.layout.replicas)
            results[index] = cluster.say(sender, messages[index], base=url, timeout=120)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[index] = error

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(messages))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def stored(repo: Repository, sender: str) -> dict:
    """What the product stored of a student's reflection, without ids and times."""
    data = repo.export_student(sender) or {}
    keep = {"experience", "emotions", "action_steps", "conversations", "competencies"}

    def clean(value):
        if isinstance(value, dict):
            return {
                k: clean(v)
                for k, v in value.items()
                if not k.endswith(("_at", "id", "_on")) and k not in ("sender_id", "access_log")
            }
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return clean({k: v for k, v in data.items() if k in keep})


def test_messages_sent_at_once_are_handled_one_at_a_time(cluster):
    sender = f"burst-{uuid.uuid4().hex[:8]}"
    messages = ["hoi", *ANSWERS[:7]]
    started = time.monotonic()
    results = send_all(cluster, sender, messages, stagger=0)
    print(f"\n{len(messages)} messages at once answered in {time.monotonic() - started:.1f} s")
    assert all(isinstance(r, list) and r for r in results), results

    found = turns(tracker(cluster.layout.database_url, sender))
    wanted = sorted(normalise_student_text(m) for m in messages)
    assert sorted(t["text"] for t in found) == wanted  # none lost, none doubled
    assert all(t["listened"] for t in found)  # each turn finished before the next began
    # Each request got the answers of its own turn.
    by_text = {t["text"]: t["bot"] for t in found}
    for message, answers in zip(messages, results):
        assert [a.get("text") or "" for a in answers] == by_text[normalise_student_text(message)]


def last_ticket(cluster, sender: str) -> tuple[int, int]:
    """(turns stored in the tracker, number of the newest ticket in the lock store; 0: none)."""
    import redis

    red = redis.Redis(port=cluster.layout.redis_port, db=1)
    raw = red.get(f"lemniscaat:lock:{sender}")
    red.close()
    tickets = json.loads(raw)["tickets"] if raw else []
    newest = max((json.loads(t)["number"] for t in tickets), default=0)
    users = sum(1 for kind, _ in tracker(cluster.layout.database_url, sender) if kind == "user")
    return users, newest


def send_in_order(cluster, sender: str, messages: list[str]) -> list:
    """Each message to the next replica as soon as Rasa took the one before it in (it has a
    ticket), not when it was answered: several are in flight at once, on both replicas."""
    results: list = [None] * len(messages)

    def send(index: int) -> None:
        try:
            url = cluster.replica_url(index % cluster.layout.replicas)
            results[index] = cluster.say(sender, messages[index], base=url, timeout=120)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            results[index] = error

    threads = []
    seen = 0
    for index in range(len(messages)):
        threads.append(threading.Thread(target=send, args=(index,)))
        threads[-1].start()
        # Taken in: a ticket newer than any seen before (numbers only grow while the lock
        # lives), or the turn already stored (the lock may be gone; numbering starts again).
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            users, newest = last_ticket(cluster, sender)
            if users > index or newest > seen:
                seen = newest
                break
            time.sleep(0.01)
    for thread in threads:
        thread.join()
    return results


def test_a_conversation_across_replicas_keeps_its_order_and_stores_each_answer_once(cluster):
    repo = Repository(cluster.layout.database_url)
    try:
        reference = f"seq-{uuid.uuid4().hex[:8]}"
        for message in SCRIPT:  # the same conversation, one message at a time
            cluster.say(reference, message)

        sender = f"spread-{uuid.uuid4().hex[:8]}"
        started = time.monotonic()
        results = send_in_order(cluster, sender, SCRIPT)
        print(f"\n{len(SCRIPT)} messages over two replicas in {time.monotonic() - started:.1f} s")
        assert all(isinstance(r, list) and r for r in results), results

        found = turns(tracker(cluster.layout.database_url, sender))
        assert [t["text"] for t in found] == [normalise_student_text(m) for m in SCRIPT]
        assert all(t["listened"] for t in found)
        expected = turns(tracker(cluster.layout.database_url, reference))
        # The bot's wording varies (response variations); how much it says per turn does not.
        assert [len(t["bot"]) for t in found] == [len(t["bot"]) for t in expected]
        assert [[a.get("text") or "" for a in r] for r in results] == [t["bot"] for t in found]
        assert stored(repo, sender) == stored(repo, reference)
        assert stored(repo, sender)["action_steps"], "the script stores an action step"
    finally:
        repo.engine.dispose()
