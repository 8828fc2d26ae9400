"""An action called twice for one student message stores nothing twice (bot/storage/once.py):
the writes of a call are keyed by its name (student, message id, place in the turn, action),
and a transaction whose key is there already is rolled back; reads are never skipped."""

from __future__ import annotations

from datetime import date

from bot.ops.action_server import call_name, token_ok
from bot.storage import once


def test_a_call_made_again_stores_its_writes_once(repo):
    repo.ensure_student("s1")
    name = "s1|web-m1|12|validate_reflectie_form"
    with once.writes_of(name):
        repo.save_action_step("s1", "mijn stagebegeleider mailen", date(2027, 1, 8), None)
        repo.save_reflection("s1", what_happened="eerste keer")
    with once.writes_of(name):  # the same call again (another action server)
        repo.save_action_step("s1", "mijn stagebegeleider mailen", date(2027, 1, 8), None)
        repo.save_reflection("s1", what_happened="tweede keer")
        assert repo.open_conversation_has("s1", "what_happened")  # reads still read
    steps = repo.export_student("s1")["action_steps"]
    assert [s["what"] for s in steps] == ["mijn stagebegeleider mailen"]
    # The next message is a new call: its writes are made.
    with once.writes_of("s1|web-m2|24|validate_reflectie_form"):
        repo.save_action_step("s1", "een verslag schrijven", date(2027, 1, 9), None)
    assert len(repo.export_student("s1")["action_steps"]) == 2
    # Outside an action call nothing is keyed.
    repo.save_action_step("s1", "een verslag schrijven", date(2027, 1, 9), None)
    assert len(repo.export_student("s1")["action_steps"]) == 3


def test_a_call_is_named_by_the_latest_student_message():
    call = {
        "next_action": "validate_reflectie_form",
        "sender_id": "web-abc",
        "tracker": {
            "sender_id": "web-abc",
            "events": [
                {"event": "user", "message_id": "web-first"},
                {"event": "action", "name": "action_listen"},
                {"event": "user", "message_id": "web-second"},
            ],
        },
    }
    assert call_name(call) == "web-abc|web-second|3|validate_reflectie_form"
    call["tracker"]["events"].append({"event": "bot", "text": "Hoi"})
    assert call_name(call) == "web-abc|web-second|4|validate_reflectie_form"
    assert call_name({"tracker": {"events": []}}) is None
    assert call_name(None) is None


def test_the_action_server_token():
    assert token_ok("", "")
    assert token_ok("Bearer geheim-token", "geheim-token")
    assert not token_ok("", "geheim-token")
    assert not token_ok("Bearer ander-token", "geheim-token")
    assert not token_ok("geheim-token", "geheim-token")
