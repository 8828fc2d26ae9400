"""Whole conversations over the REST channel against the real Rasa and action servers,
checked against what was stored."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

import pytest

from bot.storage.repository import Repository

pytestmark = pytest.mark.e2e

WHY_WORDS = ("waarom", "hoezo", "om welke reden")


def _cli_export(stack, sender):
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "export", "--sender", sender],
        env=stack.env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


STUDENT_STORY = [
    "Vorige week moest ik op mijn stage in de zorg een client helpen douchen en ik was super zenuwachtig",
    "Mijn begeleider was er niet en ik moest het alleen doen, de client was boos maar ik bleef rustig praten en toen ging het goed",
    "Bij mijn bijbaan in de supermarkt heb ik dat ook als klanten boos worden en ik ze rustig help",
    "Ik kan goed rustig blijven en naar mensen luisteren",
    "Ik vind het belangrijk dat mensen zich veilig voelen bij mij",
]


def _walk_to_kernwoord(stack, sender):
    """Terugkijken and reflecteren; returns the bot's texts along the way."""
    return [stack.texts(sender, "hoi")] + [stack.texts(sender, line) for line in STUDENT_STORY]


def test_a_whole_conversation_is_stored_and_exported(rasa_stack):
    sender = "e2e-happy"
    said = _walk_to_kernwoord(rasa_stack, sender)
    kernwoord_answers = rasa_stack.say(sender, "ik weet het niet")
    said += [answer.get("text") or "" for answer in kernwoord_answers]
    buttons = [b["title"] for answer in kernwoord_answers for b in answer.get("buttons") or []]
    assert buttons, kernwoord_answers
    # NIVEA (rule 10): every word offered is a word the student wrote.
    student_words = set(" ".join(STUDENT_STORY).lower().replace(",", " ").split())
    assert set(word.lower() for word in buttons) <= student_words, buttons
    assert "rustig" in buttons
    options_question = rasa_stack.texts(sender, "rustig")
    assert "rustig" in options_question
    rasa_stack.texts(sender, "Misschien hbo verpleegkunde, of een stage op de spoedeisende hulp")
    assert "wanneer" in rasa_stack.texts(sender, "Een meeloopdag aanvragen bij de hbo verpleegkunde").lower()
    assert "snap ik niet" in rasa_stack.texts(sender, "als ik zin heb")
    rasa_stack.texts(sender, "over twee weken")
    more = rasa_stack.say(sender, "mijn mentor")
    assert any(b["payload"] == "nee" for answer in more for b in answer.get("buttons") or [])
    summary = rasa_stack.texts(sender, "nee")
    assert "rustig" in summary and "meeloopdag" in summary.lower()
    assert "coach" in rasa_stack.texts(sender, "ja")

    export = _cli_export(rasa_stack, sender)
    assert export["kernwoord"] == "rustig"
    assert export["consent"] is True
    assert export["phase"] == "afgerond"
    assert export["parts_reached"] == ["terugkijken", "reflecteren", "vooruitkijken", "activeren"]
    assert set(export["competencies"]) == {"capaciteitenreflectie", "motievenreflectie", "werkexploratie", "loopbaansturing", "netwerken"}
    assert "zenuwachtig" in export["emotions"] and "boos" in export["emotions"]
    assert export["action_steps"] == [{
        "id": export["action_steps"][0]["id"],
        "what": "Een meeloopdag aanvragen bij de hbo verpleegkunde",
        "when": export["action_steps"][0]["when"],
        "who": "mijn mentor",
        "status": "open",
    }]
    due = date.fromisoformat(export["action_steps"][0]["when"])
    assert timedelta(days=13) <= due - date.today() <= timedelta(days=15)
    for text in said:
        assert not any(word in text.lower() for word in WHY_WORDS)


def test_crisis_reply_wins_mid_form_even_without_action_server(rasa_stack):
    sender = "e2e-crisis"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(sender, "Ik had gisteren een gesprek met mijn slb'er over mijn studievoortgang en het bsa")
    reply = rasa_stack.texts(sender, "ik wil eigenlijk niet meer leven")
    assert "113" in reply and "112" in reply
    assert Repository(rasa_stack.database_url).export_student(sender)["safety_flag"] is True

    rasa_stack.stop_actions()
    try:
        reply = rasa_stack.texts(sender, "/restart ik zie het echt niet meer zitten")
        assert "0800-0113" in reply
        rasa_stack.texts(sender, "verder")  # the form cannot run now; the crisis reply must still come
        assert "113" in rasa_stack.texts(sender, "mijn vader slaat me")
    finally:
        rasa_stack.start_actions()
    # Hyperbole is not a crisis: the reflection just goes on.
    normal = rasa_stack.texts("e2e-hyperbole", "ik ging dood van het lachen toen mijn collega met een taart uitgleed op stage")
    assert "113" not in normal


def test_interruptions_and_bad_input_lose_nothing(rasa_stack):
    sender = "e2e-interrupt"
    rasa_stack.texts(sender, "hallo")
    rasa_stack.texts(sender, "Ik heb op de open dag van de hogeschool een workshop gevolgd en ik was heel enthousiast")
    robot = rasa_stack.texts(sender, "ben jij een robot?")
    assert "bot" in robot.lower() and "gebeurde" in robot.lower()  # honest, then the open question again
    assert "leeg" in rasa_stack.texts(sender, "   ")
    assert "emoji" in rasa_stack.texts(sender, "😂😂😂").lower()
    assert "dutch" in rasa_stack.texts(sender, "I really do not speak Dutch, can you please talk in English with me").lower()
    assert "te lang" in rasa_stack.texts(sender, "bla " * 600)
    nasty = "<script>alert('x')</script>'; DROP TABLE students; -- we moesten een website bouwen met de klas"
    rasa_stack.texts(sender, nasty)
    stored = Repository(rasa_stack.database_url).export_student(sender)
    assert stored["what_happened"] == nasty
    assert "enthousiast" in stored["emotions"]

    # Pause, then come back later: the conversation continues where it was.
    assert "bewaard" in rasa_stack.texts(sender, "ik moet nu gaan, later verder")
    back = rasa_stack.texts(sender, "verder")
    assert "herken" in back.lower() or "andere" in back.lower()


def test_conversation_survives_a_server_restart(rasa_stack):
    sender = "e2e-restart"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(sender, "Ik heb gisteren voor het eerst alleen een klant geholpen bij de kapper, ik was trots")
    rasa_stack.stop_rasa()
    rasa_stack.start_rasa()
    reply = rasa_stack.texts(sender, "De klant wilde een ander model en ik heb goed gevraagd wat ze bedoelde en het knippen ging super")
    assert "herken" in reply.lower() or "andere" in reply.lower()
    assert Repository(rasa_stack.database_url).export_student(sender)["what_happened"].startswith("De klant")


def test_koppel_links_the_student_to_a_coach(rasa_stack):
    repo = Repository(rasa_stack.database_url)
    coach_id = repo.add_coach("e2e-coach@example.nl", "not-a-real-hash")
    code = repo.create_invite_code(coach_id)
    assert "ken ik niet" in rasa_stack.texts("e2e-link", "/koppel WRONG123")
    assert "gekoppeld" in rasa_stack.texts("e2e-link", f"/koppel {code.lower()}")
    assert repo.find_student("e2e-link").coach_id == coach_id


def test_starting_over_keeps_the_old_conversation_and_opens_a_new_one(rasa_stack):
    sender = "e2e-over"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(sender, "Op mijn bijbaan bij de bakker moest ik de nieuwe collega inwerken en dat ging goed")
    assert "bewaard" in rasa_stack.texts(sender, "/nieuw")
    first_question = rasa_stack.texts(sender, "hoi")
    assert "Welkom terug" not in first_question  # a fresh start, not a resumed reflection
    rasa_stack.texts(sender, "Gisteren had ik een gesprek met mijn slb'er over de minor en ik was opgelucht")
    export = Repository(rasa_stack.database_url).export_student(sender)
    assert [c["experience"][:10] for c in export["conversations"]] == ["Op mijn bi", "Gisteren h"]
    assert export["conversations"][0]["ended_at"] is not None
    assert export["emotions"] == ["opgelucht"]
