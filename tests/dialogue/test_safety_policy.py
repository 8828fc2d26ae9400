"""The safety policy's crisis dialogue on real Rasa trackers with the project's domain: every
form of no closes the gentle check, every form of yes gets the crisis reply, only a real
non-answer is asked about again, and inside the reflection an answer that answers the question
needs clearly stronger evidence before the check."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.safety_policy import sequence_for

DOMAIN = Domain.load(str(Path(__file__).resolve().parents[2] / "domain"))


def _tracker(*events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("policy-test", list(events), DOMAIN.slots)


def _said(text: str, intent: str, entities=None) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 1.0}, entities or [])


def _in_form(slot: str):
    return [
        ActionExecuted("action_listen"),
        ActionExecuted("reflectie_form"),
        ActiveLoop("reflectie_form"),
        SlotSet("requested_slot", slot),
        ActionExecuted("action_listen"),
    ]


def _after_check():
    return [
        *_in_form("what_happened"),
        _said("ik voel me zo leeg de laatste tijd", "crisis_check"),
        ActionExecuted("utter_crisis_check"),
        ActionExecuted("action_deactivate_loop"),
        ActiveLoop(None),
        ActionExecuted("action_listen"),
    ]


@pytest.mark.parametrize(
    "text,intent",
    [
        ("nee", "deny"),
        ("nee hoor", "deny"),
        ("nee joh", "vertellen"),
        ("gaat goed", "vertellen"),
        ("nee, het gaat prima met me", "vertellen"),
        ("nee, het gaat prima", "greet"),
        ("ik ben veilig hoor", "vertellen"),
    ],
)
def test_every_form_of_no_closes_the_check(text, intent):
    tracker = _tracker(*_after_check(), _said(text, intent))
    assert sequence_for(tracker) == ["utter_crisis_check_ok", "reflectie_form"]


@pytest.mark.parametrize(
    "text,intent",
    [
        ("ja", "affirm"),
        ("soms wel", "vertellen"),
        ("een beetje", "vertellen"),
        ("weet ik niet", "dont_know"),
    ],
)
def test_every_form_of_yes_gets_the_crisis_reply(text, intent):
    tracker = _tracker(*_after_check(), _said(text, intent))
    assert sequence_for(tracker)[0] == "utter_crisis"


def test_only_a_real_non_answer_is_asked_again_once():
    events = [*_after_check(), _said("we hadden daarna nog een overleg met het team", "vertellen")]
    assert sequence_for(_tracker(*events)) == ["utter_crisis_check_again"]
    events += [ActionExecuted("utter_crisis_check_again"), ActionExecuted("action_listen")]
    events.append(_said("en toen gingen we lunchen", "vertellen"))
    assert sequence_for(_tracker(*events)) == ["utter_crisis_check_ok", "reflectie_form"]


def test_an_answer_to_the_question_is_not_checked_on_weak_evidence():
    # The NLU saw an unsure guess; read with the question, this answer is a quality.
    answer = "Niet opgeven, dat is echt een kwaliteit van mij."
    tracker = _tracker(*_in_form("qualities"), _said(answer, "crisis_check"))
    assert sequence_for(tracker) is None  # the form takes it
    # Outside the reflection (no question asked) the same unsure guess gets the check.
    tracker = _tracker(ActionExecuted("action_listen"), _said(answer, "crisis_check"))
    assert sequence_for(tracker) == ["utter_crisis_check"]


def test_a_clear_message_inside_the_reflection_still_gets_the_check_or_the_reply():
    worrying = "ik wil er eigenlijk niet meer zijn"
    tracker = _tracker(*_in_form("motives"), _said(worrying, "crisis_check"))
    assert sequence_for(tracker)[0] == "utter_crisis_check"
    tracker = _tracker(*_in_form("motives"), _said(worrying, "crisis"))
    assert sequence_for(tracker)[0] == "utter_crisis"


def test_an_unsure_message_over_the_length_limit_gets_the_check_then_too_long():
    long_text = "ik voel me zo leeg. " * 100
    entities = [{"entity": "input_problem", "value": "too_long", "start": 0, "end": 0}]
    tracker = _tracker(*_in_form("experience"), _said(long_text, "crisis_check", entities))
    assert sequence_for(tracker)[:2] == ["utter_crisis_check", "utter_bad_input"]


def test_inside_the_reflection_the_model_alone_asks_before_the_full_reply():
    # The NLU said "crisis" without the question; read with it, the evidence is a rule's unsure
    # hit and the model at about 0.8: the gentle check, and the form does not store the message.
    text = "soms wil ik gewoon verdwijnen, voorgoed"
    tracker = _tracker(*_in_form("motives"), _said(text, "crisis"))
    assert sequence_for(tracker)[0] == "utter_crisis_check"
    # Outside the reflection the NLU's crisis stands.
    tracker = _tracker(ActionExecuted("action_listen"), _said(text, "crisis"))
    assert sequence_for(tracker)[0] == "utter_crisis"
