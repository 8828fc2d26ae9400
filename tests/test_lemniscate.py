"""The reflection's questions are named once (bot/lemniscate.py); what must still list them
for its own framework (Rasa's form, SQLAlchemy's columns) is checked against that one list."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import inspect

from actions.answer_replies import CONFIRM_SLOT
from bot.lemniscate import (
    COMPETENCIES,
    PHASES,
    QUESTIONS,
    REFLECTION_FIELDS,
    SUMMARY_FIELDS,
    part_of_phase,
)
from bot.nlp.phases import FORM_SLOTS, MIN_WORDS, SKIPPABLE_SLOTS, STEP_SLOTS, competencies_of
from bot.storage.models import Reflection

DOMAIN = Path(__file__).resolve().parents[1] / "domain" / "reflection.yml"


def _domain():
    return yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))


def test_the_form_asks_the_questions_in_their_order():
    form = _domain()["forms"]["reflectie_form"]["required_slots"]
    # Last, no question of the method: "is dit je antwoord?", asked only while a message the
    # answer check was unsure of is held (actions/unsure_answers.py).
    assert form == [*FORM_SLOTS, CONFIRM_SLOT]
    assert FORM_SLOTS == [q.slot for q in QUESTIONS]


def test_every_question_has_a_slot_and_a_known_part_and_competencies():
    slots = _domain()["slots"]
    for question in QUESTIONS:
        assert question.slot in slots, question.slot
        assert question.part in PHASES, question
        assert set(question.competencies) <= set(COMPETENCIES), question


def test_the_stored_reflection_has_a_column_for_every_field_and_no_other():
    columns = [c.key for c in inspect(Reflection).columns if c.key not in {"id", "conversation_id"}]
    assert columns == list(REFLECTION_FIELDS)
    assert {name for name, _label in SUMMARY_FIELDS} <= set(REFLECTION_FIELDS)


def test_derived_lists():
    assert STEP_SLOTS == ["step_what", "step_when", "step_who", "step_zin", "step_obstacle"]
    assert "experience" not in SKIPPABLE_SLOTS and "options" in SKIPPABLE_SLOTS
    assert MIN_WORDS["experience"] == 5 and "step_when" not in MIN_WORDS
    assert competencies_of("step_who") == ["netwerken"]
    assert REFLECTION_FIELDS[:2] == ("experience", "emotions")
    assert (
        part_of_phase("afronden") == "activeren" and part_of_phase("reflecteren") == "reflecteren"
    )
