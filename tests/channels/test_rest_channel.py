"""The student REST channel inside the real Rasa server: the channel token, the crisis check
before any cut, and a failed turn answered as one (503), so the relay keeps the message."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request

import pytest
from rasa_stack import CHANNEL_TOKEN as TOKEN

from bot.channels.relay import Relay
from bot.config import reset_settings_cache
from bot.storage.repository import Repository

pytestmark = pytest.mark.e2e


@pytest.fixture()
def stack(rasa_stack):
    """The session's Rasa, which requires the channel token (tests/conftest.py)."""
    assert rasa_stack.env["RASA_CHANNEL_TOKEN"] == TOKEN
    return rasa_stack


@pytest.fixture()
def as_channel(stack):
    """This test process talks to the stack as the web app and Telegram do (with the token:
    the session fixture set RASA_URL, DATABASE_URL and RASA_CHANNEL_TOKEN)."""
    reset_settings_cache()
    repo = Repository(stack.database_url)
    yield repo
    repo.engine.dispose()


def post(stack, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/rest/webhook", data=json.dumps(body).encode(), headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def test_the_channel_token_is_required_when_set(stack):
    status, _ = post(stack, {"sender": "rest-token", "message": "hoi"})
    assert status == 401
    status, _ = post(stack, {"sender": "rest-token", "message": "hoi"}, token="wrong-token")
    assert status == 401
    status, answers = post(stack, {"sender": "rest-token", "message": "hoi"}, token=TOKEN)
    assert status == 200 and answers


def test_a_too_long_message_is_checked_whole_for_crisis(stack):
    sender = "rest-long-crisis"
    post(stack, {"sender": sender, "message": "hoi"}, token=TOKEN)
    long_story = "We moesten op stage elke dag dozen inpakken en dat vond ik saai. " * 40
    status, answers = post(
        stack, {"sender": sender, "message": long_story + " ik wil niet meer leven"}, token=TOKEN
    )
    assert status in (200, 503)
    texts = " ".join(
        a.get("text") or "" for a in (answers["messages"] if status == 503 else answers)
    )
    assert "113" in texts
    # Without crisis words it is only too long.
    status, answers = post(stack, {"sender": "rest-long", "message": long_story}, token=TOKEN)
    assert status == 200 and "113" not in " ".join(a.get("text") or "" for a in answers)


def test_a_too_long_unsure_message_gets_the_gentle_check_then_too_long(stack):
    sender = "rest-long-unsure"
    post(stack, {"sender": sender, "message": "hoi"}, token=TOKEN)
    long_story = "We moesten op stage elke dag dozen inpakken en dat vond ik saai. " * 40
    status, answers = post(
        stack,
        {"sender": sender, "message": long_story + " soms wil ik gewoon verdwijnen"},
        token=TOKEN,
    )
    assert status == 200
    texts = " ".join(a.get("text") or "" for a in answers)
    # the gentle check names 113; the crisis reply (which puts the talk on pause) does not come
    assert "113" in texts and "pauze" not in texts


def test_a_turn_whose_action_fails_is_kept_and_replayed(stack, as_channel):
    repo = as_channel
    sender = "web-rest-failed-turn"
    repo.ensure_student(sender, channel="web")
    repo.accept_terms(sender, "web")
    relay = Relay(repo, "web")
    assert asyncio.run(relay.handle(sender, "hoi")).answers
    stack.stop_actions()
    try:
        story = "Ik had gisteren een gesprek met mijn stagebegeleider over mijn verslag"
        status, body = post(stack, {"sender": "rest-failed-direct", "message": "hoi"}, token=TOKEN)
        status, body = post(stack, {"sender": "rest-failed-direct", "message": story}, token=TOKEN)
        assert status == 503 and body["error"] == "turn_failed"
        turn = asyncio.run(relay.handle(sender, story))
        assert turn.kept, turn
        assert [m["text"] for m in repo.pending_messages("web", sender)] == [story]
    finally:
        stack.start_actions()
    # The background job replays kept messages round after round; on a loaded machine the first
    # round right after the restart can still find the turn failing, and the message waits.
    done, caught_up = [], False
    for _ in range(3):
        answered, caught_up = asyncio.run(relay.replay(sender))
        done += answered
        if caught_up:
            break
        time.sleep(2)
    assert caught_up and [r.text for r in done] == [story] and done[0].answers
    assert repo.pending_messages("web", sender) == []
    assert repo.export_student(sender)["experience"] == story
