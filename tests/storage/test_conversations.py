"""ConversationStore (bot/storage/conversations.py): the reflection's answers with their parts
and competencies, the phase, action steps, and the views the summary and /acties read.
Real migrated database."""

from __future__ import annotations

from datetime import date
from typing import get_type_hints

import pytest

from bot.lemniscate import REFLECTION_FIELDS
from bot.storage.views import ConversationView, StepView


def test_the_latest_conversation_holds_the_reflection_and_its_steps(repo):
    assert repo.latest_conversation("s1") is None
    repo.save_reflection(
        "s1", experience="Mijn stage bij de kinderopvang", emotions=["trots"], kernwoord="zorgen"
    )
    repo.mark_reached("s1", "terugkijken", ["capaciteitenreflectie"])
    repo.set_phase("s1", "reflecteren")
    step = repo.save_action_step(
        "s1", "Mailen met de stagebegeleider", date(2026, 12, 1), "mijn mentor"
    )
    repo.set_consent("s1", True)

    view = repo.latest_conversation("s1")

    assert view["phase"] == "reflecteren"
    assert view["experience"] == "Mijn stage bij de kinderopvang"
    assert view["emotions"] == ["trots"]
    assert view["kernwoord"] == "zorgen"
    assert view["consent"] is True
    assert view["parts_reached"] == ["terugkijken"]
    assert view["competencies"] == ["capaciteitenreflectie"]
    assert view["action_steps"] == [
        {
            "id": step,
            "what": "Mailen met de stagebegeleider",
            "when": "2026-12-01",
            "who": "mijn mentor",
            "motivation": None,
            "obstacle": None,
            "status": "open",
        }
    ]


def test_the_views_have_the_keys_their_types_name():
    conversation_keys = set(get_type_hints(ConversationView))
    assert set(REFLECTION_FIELDS) <= conversation_keys
    assert set(get_type_hints(StepView)) == {
        "id",
        "what",
        "when",
        "who",
        "motivation",
        "obstacle",
        "status",
    }


def test_action_steps_of_lists_every_conversation_oldest_first(repo):
    assert repo.action_steps_of("s1") == []
    first = repo.save_action_step("s1", "Bellen", None, None)
    repo.finish_conversation("s1")
    second = repo.save_action_step("s1", "Mailen", date(2030, 1, 2), "mentor")
    repo.save_action_step("other", "Niet van s1", None, None)
    assert [(s["id"], s["what"], s["when"]) for s in repo.action_steps_of("s1")] == [
        (first, "Bellen", None),
        (second, "Mailen", "2030-01-02"),
    ]
    assert repo.latest_conversation("s1")["action_steps"][0]["id"] == second


def test_start_conversation_closes_the_open_one(repo):
    repo.save_reflection("s1", kernwoord="eerlijk")
    repo.start_conversation("s1")
    assert repo.latest_conversation("s1")["kernwoord"] is None
    export = repo.export_student("s1")
    assert [c["kernwoord"] for c in export["conversations"]] == ["eerlijk", None]
    assert export["conversations"][0]["ended_at"] is not None


def test_markup_and_sql_are_stored_as_plain_text(repo):
    nasty = "<script>alert(1)</script>'; DROP TABLE students; --"
    repo.save_reflection("s1", experience=nasty)
    assert repo.latest_conversation("s1")["experience"] == nasty


def test_unknown_status_phase_and_field_are_refused(repo):
    step_id = repo.save_action_step("s1", "iets", None, None)
    with pytest.raises(ValueError):
        repo.set_step_status(step_id, "klaar")
    with pytest.raises(ValueError):
        repo.set_phase("s1", "dromen")
    with pytest.raises(ValueError):
        repo.save_reflection("s1", nonsense="x")
    repo.set_step_status(step_id, "gedaan")
    assert repo.action_steps_of("s1")[0]["status"] == "gedaan"


def test_record_answer_stores_fields_parts_and_phase_together(repo):
    repo.record_answer(
        "s1",
        {"experience": "stage", "emotions": ["trots"]},
        [("terugkijken", ["capaciteitenreflectie"])],
        "terugkijken",
    )
    repo.record_answer(
        "s1", {"kernwoord": "zorg"}, [("reflecteren", ["motievenreflectie"])], "vooruitkijken"
    )
    view = repo.latest_conversation("s1")
    assert (view["experience"], view["emotions"], view["kernwoord"]) == ("stage", ["trots"], "zorg")
    assert view["parts_reached"] == ["terugkijken", "reflecteren"]
    assert view["competencies"] == ["capaciteitenreflectie", "motievenreflectie"]
    assert view["phase"] == "vooruitkijken"
    with pytest.raises(ValueError):
        repo.record_answer("s1", {"nonsense": 1}, [], "reflecteren")
    assert repo.current_phase("s1") == "vooruitkijken"


def test_set_own_step_status_checks_the_owner(repo):
    mine = repo.save_action_step("tg-a", "Mijn stap", None, None)
    assert repo.set_own_step_status("tg-other", mine, "gedaan") is False
    assert repo.set_own_step_status("tg-a", mine, "gedaan") is True
    assert repo.action_steps_of("tg-a")[0]["status"] == "gedaan"


def test_a_safety_flag_opens_a_conversation_and_names_its_kind(repo):
    repo.flag_safety("s1", "panic")
    view = repo.latest_conversation("s1")
    assert view["safety_flag"] is True and view["safety_kind"] == "panic"
