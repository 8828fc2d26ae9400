"""Each student message makes one turn, however often it is sent (the real Rasa and action
server of the session's stack): the same message id twice, at once or one after the other, is
one turn in the tracker and both requests get that turn's answers; the relay's replay after a
timeout makes no second turn either."""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.error
import urllib.request
import uuid

import pytest
from rasa_stack import CHANNEL_TOKEN as TOKEN
from sqlalchemy import create_engine, select

from bot.channels.relay import Relay
from bot.config import reset_settings_cache
from bot.rasa_plugins.rest_channel import REPEAT_HEADER
from bot.storage.db import tracker_events
from bot.storage.repository import Repository

pytestmark = pytest.mark.e2e

STORY = "Ik had gisteren een lastig gesprek met mijn stagebegeleider over mijn verslag."


def post(stack, sender: str, message: str, message_id: str | None) -> tuple[int, list, bool]:
    body = {"sender": sender, "message": message}
    if message_id:
        body["message_id"] = message_id
    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response), response.headers.get(REPEAT_HEADER) == "1"
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), False


def user_events(database_url: str, sender: str) -> list[dict]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(tracker_events.c.data)
                .where(tracker_events.c.sender_id == sender, tracker_events.c.type_name == "user")
                .order_by(tracker_events.c.id)
            ).all()
    finally:
        engine.dispose()
    return [json.loads(row.data) for row in rows]


def test_the_same_message_id_twice_is_one_turn(rasa_stack):
    sender = f"once-{uuid.uuid4().hex[:8]}"
    assert post(rasa_stack, sender, "hoi", None)[0] == 200
    message_id = f"test-{uuid.uuid4().hex}"
    status, first, repeat = post(rasa_stack, sender, STORY, message_id)
    assert status == 200 and first and not repeat
    status, second, repeat = post(rasa_stack, sender, STORY, message_id)
    assert status == 200 and repeat
    assert second == first  # the answers of that turn, not a new one
    said = user_events(rasa_stack.database_url, sender)
    assert [e["message_id"] for e in said].count(message_id) == 1
    assert [e["text"] for e in said] == ["hoi", STORY]
    # A new id is a new turn.
    status, _, repeat = post(rasa_stack, sender, STORY, f"test-{uuid.uuid4().hex}")
    assert status == 200 and not repeat
    assert len(user_events(rasa_stack.database_url, sender)) == 3


def test_the_same_message_id_at_once_is_one_turn(rasa_stack):
    sender = f"once-burst-{uuid.uuid4().hex[:8]}"
    post(rasa_stack, sender, "hoi", None)
    message_id = f"test-{uuid.uuid4().hex}"
    results: list = [None] * 3
    start = threading.Barrier(3)

    def send(index: int) -> None:
        start.wait()
        results[index] = post(rasa_stack, sender, STORY, message_id)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r[0] == 200 for r in results), results
    assert sum(1 for r in results if r[2]) == 2  # two repeats, one turn
    assert results[0][1] == results[1][1] == results[2][1]
    said = user_events(rasa_stack.database_url, sender)
    assert [e["text"] for e in said] == ["hoi", STORY]


def test_a_message_replayed_after_a_timeout_makes_one_turn(rasa_stack):
    reset_settings_cache()  # the session fixture set RASA_URL, DATABASE_URL, the token
    repo = Repository(rasa_stack.database_url)
    try:
        sender = f"web-once-{uuid.uuid4().hex[:8]}"
        repo.accept_terms(sender, "web")
        assert asyncio.run(Relay(repo, "web").handle(sender, "hoi")).answers
        # The relay gives up at once; Rasa still makes the turn.
        impatient = Relay(repo, "web", answer_within=0.01)
        turn = asyncio.run(impatient.handle(sender, STORY))
        assert turn.kept and turn.slow and not turn.answers
        kept = repo.pending_messages("web", sender)
        assert [m["text"] for m in kept] == [STORY] and kept[0]["message_id"]
        done, caught_up = asyncio.run(Relay(repo, "web").replay(sender))
        assert caught_up and [r.text for r in done] == [STORY] and done[0].answers
        said = user_events(rasa_stack.database_url, sender)
        assert [e["text"] for e in said] == ["hoi", STORY]
        assert said[1]["message_id"] == kept[0]["message_id"]
        assert repo.export_student(sender)["experience"] == STORY  # stored once
    finally:
        repo.engine.dispose()
