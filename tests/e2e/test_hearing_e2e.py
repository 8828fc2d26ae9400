"""The bot hears whether a message answers its question, over the REST channel with the real
Rasa and action servers: off-script messages are never stored, each kind gets its own reply,
nothing loops, and commands fire only when asked for in so many words."""

from __future__ import annotations

import json
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from rasa_stack import asks_whether_it_answers
from rasa_stack import export as stored_export
from reflection_script import ANSWERS

from bot.clock import today as product_today
from bot.nlp.commands import COMMAND_INTENTS

pytestmark = pytest.mark.e2e

ORDINARY_ANSWERS = Path(__file__).parent / "ordinary_answers.txt"

# (message, what the reply must show) in the order a student might send them; every
# off-script message sits at a question where a student would plausibly send it.
OFF_SCRIPT_WALK = [
    ("hoi", "moment"),
    ("wat bedoel je", ("Ik bedoel", "Anders")),  # explain: the question in other words
    ("haha", None),  # laughter: a light acknowledgement, then the question
    (ANSWERS[0], None),
    ("hoi", ("We waren", "Je vertelde")),  # a greeting mid-reflection: where we were
    (ANSWERS[1], None),
    ("dankje", None),  # thanks
    (ANSWERS[2], None),
    ("hmm", None),  # filler
    (ANSWERS[3], None),
    ("wat vind jij?", ("vraag", "vragen")),  # a question back
    (ANSWERS[4], None),
    ("wil ik niet zeggen", ("over", "volgende vraag")),  # a refusal where skipping is allowed
    ("ja", "Vertel"),  # a bare yes at the motives question
    (ANSWERS[6], "kernwoord"),
    ("maandag", None),  # a weekday is no kernwoord
    ("uitleggen", "uitleggen"),
    ("hmm", None),  # neither yes, no nor a word at the check
    ("ja", "uitleggen"),
    ("hoe laat is het", None),  # off topic
    (ANSWERS[7], None),
    ("weet ik niet", None),
    (ANSWERS[8], ("Wanneer", "welke dag")),
    ("5", None),  # a number is no date
    ("geen idee", ("Kies", "ruwe keuze")),  # the way on: date buttons
    ("volgende week", None),
    ("maandag", None),  # a weekday is no helper
    ("samen met mijn mentor", "1 tot 10"),
    ("15", "1"),  # out of the scale
    ("8", "in de weg"),
    ("haha", None),
    (ANSWERS[12], None),
    ("nee", None),
    ("ja", "coach"),
]
OFF_SCRIPT = {message for message, _ in OFF_SCRIPT_WALK if message not in ANSWERS}


def _stored_texts(export) -> list[str]:
    texts = [str(value) for key, value in export.items() if isinstance(value, str)]
    for step in export.get("action_steps") or []:
        texts += [str(value) for value in step.values() if isinstance(value, str)]
    return texts


def test_off_script_messages_are_heard_not_stored(rasa_stack):
    sender = "e2e-off-script"
    for message, expected in OFF_SCRIPT_WALK:
        reply = rasa_stack.texts(sender, message)
        assert reply, message
        if expected:
            alternatives = expected if isinstance(expected, tuple) else (expected,)
            assert any(text.lower() in reply.lower() for text in alternatives), (message, reply)
    export = stored_export(rasa_stack, sender)
    stored = _stored_texts(export)
    for message in OFF_SCRIPT - {"uitleggen", "volgende week", "samen met mijn mentor"}:
        assert all(text.strip().lower() != message.lower() for text in stored), (message, stored)
    assert export["experience"] == ANSWERS[0]
    assert export["kernwoord"] == "uitleggen"  # the student's word, not the weekday
    assert not export.get("to_learn")  # skipped at the student's wish
    assert export["motives"] == ANSWERS[6]
    (step,) = export["action_steps"]
    assert step["what"] == ANSWERS[8] and step["who"] == "samen met mijn mentor"
    assert step["motivation"] == 8
    monday = product_today() + timedelta(days=7 - product_today().weekday())
    assert step["when"] == monday.isoformat()
    assert export["consent"] is True


def test_a_date_is_not_required_after_two_tries(rasa_stack):
    sender = "e2e-no-date"
    for message in ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:9]]:
        rasa_stack.texts(sender, message)
    offered = rasa_stack.say(sender, "weet ik nog niet")
    assert "nog geen datum" in [b["payload"] for a in offered for b in a.get("buttons") or []]
    assert "genoteerd" not in rasa_stack.texts(sender, "nog geen datum")
    for message in ("niemand", "niemand", "6", "niks"):
        reply = rasa_stack.texts(sender, message)
    assert "nog zonder datum" in reply, reply
    (step,) = stored_export(rasa_stack, sender)["action_steps"]
    assert step["when"] is None and step["what"] == ANSWERS[8]


def test_a_returning_student_who_tells_the_step_went_well_has_it_done(rasa_stack):
    sender = "e2e-told-step"
    for message in ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:9]]:
        rasa_stack.texts(sender, message)
    for message in ("over twee weken", "mijn mentor", "7", "niks", "nee", "nee"):
        rasa_stack.texts(sender, message)
    steps = stored_export(rasa_stack, sender)["action_steps"]
    assert [step["status"] for step in steps] == ["open"]
    # Back before the step is due, telling at once that it is done.
    reply = rasa_stack.texts(
        sender,
        "hoi! ik heb de mail naar de minorcoördinator al gestuurd en ze belde me meteen terug",
    )
    assert "minorcoördinator" in reply, reply
    export = stored_export(rasa_stack, sender)
    (old,) = [c for c in export["conversations"] if c.get("action_steps")]
    assert [step["status"] for step in old["action_steps"]] == ["gedaan"]


def _parse(stack, text: str) -> dict:
    request = urllib.request.Request(
        f"{stack.rasa_url}/model/parse",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def test_ordinary_answers_trigger_no_command(rasa_stack):
    answers = [
        line.strip()
        for line in ORDINARY_ANSWERS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(answers) >= 100
    commands = set(COMMAND_INTENTS) | {"restart", "explain"}
    fired = [
        (text, intent)
        for text in answers
        if (intent := _parse(rasa_stack, text)["intent"]["name"]) in commands
    ]
    assert not fired, fired


FIRST_TIME = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:9], "vandaag", *ANSWERS[10:13]]


def _first_reflection(stack, sender):
    """A whole first reflection whose step is due today (so coming back is enough)."""
    for message in [*FIRST_TIME, "nee", "ja"]:
        stack.texts(sender, message)


# A returning student a week later: the short cycle, and a check-in (scripts/miti_eval.py holds
# the same two conversations).
SHORT_CYCLE = [
    "hoi",
    "het is gelukt, ik heb de mail gestuurd en ik mag in januari een dag meelopen",
    "dat ik durf te vragen wat ik wil weten",
    "ja",
    "vragen opschrijven voor de meeloopdag",
    "over twee weken",
    "mijn mentor",
    "ja",
]
CHECK_IN = [
    "hoi",
    "Het is nog niet gelukt",
    "kort gesprek",
    "het was druk met toetsen en ik ben het vergeten, maar de stage gaat goed",
    "de mail alsnog sturen",
    "morgen",
    "mijn zus",
    "nee",
]


def test_a_returning_student_walks_a_short_cycle(rasa_stack):
    sender = "e2e-short-cycle"
    _first_reflection(rasa_stack, sender)
    turns = SHORT_CYCLE
    replies = [rasa_stack.texts(sender, message) for message in turns]
    assert "Snelle check-in" not in replies[0]  # buttons are not in the text
    assert "korter" in replies[0] or "kort" in replies[0], replies[0]
    assert "uitleggen" in replies[3] or "uitleggen" in replies[2], replies[2:4]
    assert "coach" in replies[-1]
    assert len(turns) <= 12
    export = stored_export(rasa_stack, sender)
    old, new = export["conversations"][0], export["conversations"][-1]
    assert [step["status"] for step in old["action_steps"]] == ["gedaan"]
    (step,) = new["action_steps"]
    assert step["what"] == "vragen opschrijven voor de meeloopdag" and step["when"]
    assert step["who"] == "mijn mentor"
    assert new["kernwoord"] == "uitleggen" and new["qualities"].startswith("dat ik durf")


def test_a_returning_student_can_choose_a_check_in(rasa_stack):
    sender = "e2e-check-in"
    _first_reflection(rasa_stack, sender)
    turns = CHECK_IN
    replies = [rasa_stack.texts(sender, message) for message in turns]
    assert "kort" in replies[2].lower(), replies[2]
    assert "Dank" in replies[-1] or "Bedankt" in replies[-1], replies[-1]
    assert len(turns) <= 8
    export = stored_export(rasa_stack, sender)
    old, new = export["conversations"][0], export["conversations"][-1]
    assert [step["status"] for step in old["action_steps"]] == ["open"]
    (step,) = new["action_steps"]
    assert step["what"] == "de mail alsnog sturen" and step["who"] == "mijn zus"


def test_a_message_the_check_is_unsure_of_is_asked_about_and_stored_only_on_yes(rasa_stack):
    sender = "e2e-unsure"
    rasa_stack.texts(sender, "hoi")
    remark = "kut, ik heb mn sleutels laten liggen"
    asked = rasa_stack.say(sender, remark)
    assert asks_whether_it_answers(asked), asked
    # No: set aside, the question comes again, nothing stored.
    back = rasa_stack.texts(sender, "nee")
    assert "moment" in back.lower(), back
    # A story the check is unsure of, confirmed: stored and said back.
    story = "ik heb gister mn stagebegeleider gesproken over mijn uren"
    assert asks_whether_it_answers(rasa_stack.say(sender, story))
    heard = rasa_stack.texts(sender, "ja")
    assert "je stagebegeleider" in heard.lower(), heard
    export = stored_export(rasa_stack, sender)
    assert export["experience"] == story
    assert remark not in _stored_texts(export)
