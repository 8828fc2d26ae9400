"""Rasa's tracker store: on SQLite WAL and our 30-second busy timeout; a long session is closed
at a quiet point (long lives, docs/performance.md); action server replies are still checked."""

from __future__ import annotations

import asyncio

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text

from bot.rasa_plugins import safety_policy
from bot.rasa_plugins import tracker_store as store_module
from bot.rasa_plugins.tracker_store import DatabaseUrlTrackerStore


def test_sqlite_tracker_store_uses_wal_and_our_busy_timeout(database_url):
    store = DatabaseUrlTrackerStore()
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        assert connection.execute(text("PRAGMA journal_mode")).scalar().lower() == "wal"
    store.engine.dispose()


# ---- long lives: a long session is closed at a quiet point --------------------------------

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [greet, crisis, deny]
slots:
  kernwoord:
    type: text
    mappings: [{type: custom}]
  crisis_minor:
    type: bool
    mappings: [{type: custom}]
forms:
  reflectie_form:
    required_slots: [kernwoord]
responses:
  utter_greet: [{text: hoi}]
  utter_crisis: [{text: crisis}]
  utter_crisis_check: [{text: check}]
  utter_crisis_check_ok: [{text: ok}]
"""
)


def turn(text: str, intent: str, action: str = "utter_greet") -> list:
    return [
        UserUttered(text, {"name": intent, "confidence": 1.0}),
        ActionExecuted(action),
        BotUttered(text),
        ActionExecuted("action_listen"),
    ]


def long_tracker(sender: str, turns: int, last: list | None = None) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen"), SlotSet("kernwoord", "uitleggen")]
    for i in range(turns):
        events += turn(f"bericht {i}", "greet")
    return DialogueStateTracker.from_events(sender, events + (last or []), DOMAIN.slots)


def run(coroutine):
    return asyncio.run(coroutine)


@pytest.fixture()
def store(database_url):
    store = DatabaseUrlTrackerStore(domain=DOMAIN)
    yield store
    store.engine.dispose()


def test_a_long_session_at_a_quiet_point_starts_a_new_one_with_the_slots(store):
    turns = store_module.CHECKPOINT_EVENTS // 4 + 1
    run(store.save(long_tracker("lang", turns)))
    loaded = run(store.retrieve("lang"))
    # Rasa now loads the new session only: session start, the slot, listen.
    assert [type(e) for e in loaded.events] == [SessionStarted, SlotSet, ActionExecuted]
    assert loaded.get_slot("kernwoord") == "uitleggen"
    # Nothing is lost: every event is still in the table.
    full = run(store.retrieve_full_tracker("lang"))
    assert len([e for e in full.events if isinstance(e, UserUttered)]) == turns
    # The next turn is stored after it, once.
    for event in turn("verder", "greet"):
        loaded.update(event)
    run(store.save(loaded))
    again = run(store.retrieve("lang"))
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["verder"]


def test_a_short_session_is_left_whole(store):
    run(store.save(long_tracker("kort", 3)))
    loaded = run(store.retrieve("kort"))
    assert len([e for e in loaded.events if isinstance(e, UserUttered)]) == 3


@pytest.mark.parametrize(
    "last",
    [
        # An open form: the form's own state is not carried over.
        [ActiveLoop("reflectie_form")],
        # After the crisis reply the conversation is on hold until "verder".
        turn("ik wil niet meer", "crisis", "utter_crisis"),
        # The gentle question waits for its answer.
        turn("ik zie het niet meer zitten", "crisis_check", "utter_crisis_check"),
        # A "nee" to the gentle question keeps the next unsure guesses quiet for a while.
        turn("nee", "deny", "utter_crisis_check_ok"),
    ],
)
def test_no_new_session_while_safety_or_a_form_has_something_pending(store, last):
    tracker = long_tracker("druk", store_module.CHECKPOINT_EVENTS // 4 + 1, last)
    assert not safety_policy.quiet_point(tracker)
    run(store.save(tracker))
    loaded = run(store.retrieve("druk"))
    assert not isinstance(loaded.events[0], SessionStarted)
    assert safety_policy.safety_state(loaded) == safety_policy.safety_state(tracker)


def test_saving_the_same_tracker_again_after_a_new_session_adds_only_new_events(store):
    tracker = long_tracker("twee", store_module.CHECKPOINT_EVENTS // 4 + 1)
    run(store.save(tracker))
    tracker.update(UserUttered("nog iets", {"name": "greet", "confidence": 1.0}))
    run(store.save(tracker))
    full = run(store.retrieve_full_tracker("twee"))
    assert [e.text for e in full.events if isinstance(e, UserUttered)][-2:] == [
        f"bericht {store_module.CHECKPOINT_EVENTS // 4}",
        "nog iets",
    ]
    assert [e.text for e in run(store.retrieve("twee")).events if isinstance(e, UserUttered)] == [
        "nog iets"
    ]


def test_an_invalid_action_server_reply_is_still_refused():
    action = RemoteAction("action_x", None)
    assert action._validate_action_result({"events": [SlotSet("kernwoord", "x").as_dict()]})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": [{"event": "no_such_event"}]})


def test_an_event_stored_elsewhere_is_seen_at_the_next_turn(store, database_url):
    run(store.save(long_tracker("twee-replicas", 2)))
    assert run(store.retrieve("twee-replicas")) is not None  # now kept in memory
    other = DatabaseUrlTrackerStore(domain=DOMAIN)  # another Rasa replica on the same database
    tracker = run(other.retrieve("twee-replicas"))
    for event in turn("van de andere kant", "greet"):
        tracker.update(event)
    run(other.save(tracker))
    other.engine.dispose()
    texts = [
        e.text for e in run(store.retrieve("twee-replicas")).events if isinstance(e, UserUttered)
    ]
    assert texts[-1] == "van de andere kant"


def test_a_kept_tracker_is_a_fresh_copy_each_turn(store):
    run(store.save(long_tracker("kopie", 2)))
    first = run(store.retrieve("kopie"))
    first.update(UserUttered("niet opgeslagen", {"name": "greet", "confidence": 1.0}))
    # The turn failed before it was saved: the next turn does not see its events.
    second = run(store.retrieve("kopie"))
    assert second is not first
    assert "niet opgeslagen" not in [e.text for e in second.events if isinstance(e, UserUttered)]


# ---- the database away: the turn fails, it is not kept in memory -------------------------


def test_the_agent_uses_the_store_without_an_in_memory_fallback(store):
    """Rasa's agent wraps tracker stores in a FailSafeTrackerStore that swallows a database
    error (retrieve gives nothing, save goes to memory) and lets the turn succeed; with the
    events table gone, ours must raise instead, so the REST channel answers 503."""
    from rasa.core.agent import Agent
    from sqlalchemy.exc import OperationalError

    used = Agent._create_tracker_store(store, DOMAIN)
    run(used.save(long_tracker("weg", 1)))
    assert [e.text for e in run(used.retrieve("weg")).events if isinstance(e, UserUttered)] == [
        "bericht 0"
    ]
    with store.engine.begin() as connection:
        connection.execute(text("DROP TABLE events"))
    store._cache.clear()
    with pytest.raises(OperationalError):
        run(used.retrieve("weg"))
    with pytest.raises(OperationalError):
        run(used.save(long_tracker("weg", 2)))


# ---- each message once ---------------------------------------------------------------------


def test_a_stale_tracker_is_not_saved(store):
    """A replica that read the tracker, then lost its lock while another replica stored a turn
    (it was stopped and went on later), must not store its own turn on top."""
    run(store.save(long_tracker("laat", 1)))
    late = run(store.retrieve("laat"))
    other = DatabaseUrlTrackerStore(domain=DOMAIN)
    current = run(other.retrieve("laat"))
    for event in turn("de andere replica", "greet"):
        current.update(event)
    run(other.save(current))
    other.engine.dispose()
    for event in turn("te laat", "greet"):
        late.update(event)
    with pytest.raises(store_module.StaleTracker):
        run(store.save(late))
    texts = [e.text for e in run(store.retrieve("laat")).events if isinstance(e, UserUttered)]
    assert texts == ["bericht 0", "de andere replica"]


def test_the_answers_of_a_message_id_are_found_and_a_failed_turn_is_not(store):
    tracker = long_tracker("ids", 1)
    tracker.update(UserUttered("hallo", {"name": "greet", "confidence": 1.0}, message_id="m-001x"))
    tracker.update(ActionExecuted("utter_greet"))
    tracker.update(BotUttered("eerste antwoord"))
    tracker.update(BotUttered("tweede antwoord"))
    tracker.update(ActionExecuted("action_listen"))
    run(store.save(tracker))
    said = store.answers_to("ids", "m-001x")
    assert [e.text for e in said] == ["eerste antwoord", "tweede antwoord"]
    assert store.answers_to("ids", "m-002x") is None
    # A turn that failed is stored with a failed id: sent again, it is handled anew.
    from bot.rasa_plugins.once import turn_failures

    tracker = run(store.retrieve("ids"))
    tracker.update(
        UserUttered("nog eens", {"name": "greet", "confidence": 1.0}, message_id="m-003x")
    )
    marker = turn_failures.set(["exception"])
    try:
        run(store.save(tracker))
    finally:
        turn_failures.reset(marker)
    assert store.answers_to("ids", "m-003x") is None
