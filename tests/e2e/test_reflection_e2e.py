"""Whole conversations over the REST channel against the real Rasa and action servers,
checked against what was stored."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from rasa_stack import export as stored_export
from reflection_script import ANSWERS

from bot.clock import today as product_today
from bot.storage.repository import Repository

pytestmark = pytest.mark.e2e

WHY_WORDS = ("waarom", "hoezo", "om welke reden")


# The whole reflection as typed messages (button answers typed as their payload).
WHOLE_REFLECTION = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:13], "nee", "ja"]


def _say(stack, sender, turns, message):
    reply = stack.say(sender, message)
    turns.append((message, "\n".join(answer.get("text") or "" for answer in reply)))
    return reply


def test_a_whole_conversation_is_stored_and_exported(rasa_stack):
    sender = "e2e-happy"
    turns = []
    _say(rasa_stack, sender, turns, "hoi")
    for answer in ANSWERS[:6]:
        _say(rasa_stack, sender, turns, answer)
    kernwoord_question = _say(rasa_stack, sender, turns, ANSWERS[6])
    buttons = [b["title"] for answer in kernwoord_question for b in answer.get("buttons") or []]
    assert buttons, kernwoord_question
    # NIVEA (rule 10): every word offered is a word the student wrote.
    student_words = set(re.findall(r"[a-zà-ÿ]+", " ".join(ANSWERS).lower()))
    assert set(word.lower() for word in buttons) <= student_words, buttons
    assert "kernwoord" in turns[-1][1]  # explained the first time
    check = _say(rasa_stack, sender, turns, "uitleggen")
    assert "uitleggen" in turns[-1][1] and any(
        b["payload"] == "ja" for a in check for b in a.get("buttons") or []
    )
    _say(rasa_stack, sender, turns, "ja")
    assert "uitleggen" in turns[-1][1]  # the options question goes through the kernwoord
    for answer in ANSWERS[7:10]:
        _say(rasa_stack, sender, turns, answer)
    assert "helpen" in turns[-1][1]
    _say(rasa_stack, sender, turns, ANSWERS[10])
    assert "1 tot 10" in turns[-1][1]
    _say(rasa_stack, sender, turns, ANSWERS[11])
    assert "8" in turns[-1][1] and "in de weg" in turns[-1][1]
    more = _say(rasa_stack, sender, turns, ANSWERS[12])
    assert any(b["payload"] == "nee" for answer in more for b in answer.get("buttons") or [])
    _say(rasa_stack, sender, turns, "nee")
    summary = turns[-1][1]
    assert "uitleggen" in summary and "minorcoördinator" in summary
    assert "plannen" in summary  # what they want to learn, apart from what they are good at
    _say(rasa_stack, sender, turns, "ja")
    assert "coach" in turns[-1][1]

    export = stored_export(rasa_stack, sender)
    assert export["kernwoord"] == "uitleggen"
    assert export["consent"] is True
    assert export["phase"] == "afgerond"
    assert export["parts_reached"] == ["terugkijken", "reflecteren", "vooruitkijken", "activeren"]
    assert set(export["competencies"]) == {
        "capaciteitenreflectie",
        "motievenreflectie",
        "werkexploratie",
        "loopbaansturing",
        "netwerken",
    }
    assert "trots" in export["emotions"]
    assert export["qualities"] == ANSWERS[4] and export["to_learn"] == ANSWERS[5]
    assert export["common_thread"] == ANSWERS[3]
    (step,) = export["action_steps"]
    assert (step["what"], step["who"], step["motivation"], step["status"]) == (
        ANSWERS[8],
        "samen met mijn mentor",
        8,
        "open",
    )
    assert step["obstacle"] == ANSWERS[12]
    assert date.fromisoformat(step["when"]) - product_today() == timedelta(days=1)
    for _, text in turns:
        assert not any(word in text.lower() for word in WHY_WORDS)

    # Listening back (rules 3-6): most turns after a free answer carry a word of that answer,
    # and none quotes a whole answer.
    free = [(said, reply) for said, reply in turns if len(said.split()) >= 4]
    carrying = [1 for said, reply in free if shares_a_word(said, reply)]
    assert len(carrying) / len(free) >= 0.6, [(s[:30], r[:60]) for s, r in free]
    for said, reply in free:
        assert said.strip(" .") not in reply, said


def shares_a_word(said, reply):
    """A content word (5+ letters) of what the student said comes back in the reply."""
    return bool(
        {w for w in re.findall(r"[a-zà-ÿ]{5,}", said.lower())}
        & set(re.findall(r"[a-zà-ÿ]{5,}", reply.lower()))
    )


def test_crisis_reply_wins_mid_form_even_without_action_server(rasa_stack):
    sender = "e2e-crisis"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(
        sender, "Ik had gisteren een gesprek met mijn slb'er over mijn studievoortgang en het bsa"
    )
    reply = rasa_stack.texts(sender, "ik wil eigenlijk niet meer leven")
    assert "113" in reply and "112" in reply
    assert Repository(rasa_stack.database_url).export_student(sender)["safety_flag"] is True

    rasa_stack.stop_actions()
    try:
        reply = rasa_stack.texts(sender, "/restart ik zie het echt niet meer zitten")
        assert "0800-0113" in reply
        rasa_stack.texts(
            sender, "verder"
        )  # the form cannot run now; the crisis reply must still come
        assert "0800-2000" in rasa_stack.texts(sender, "mijn vader slaat me")  # Veilig Thuis
    finally:
        rasa_stack.start_actions()
    # Hyperbole is not a crisis: the reflection just goes on.
    normal = rasa_stack.texts(
        "e2e-hyperbole",
        "ik ging dood van het lachen toen mijn collega met een taart uitgleed op stage",
    )
    assert "113" not in normal


def test_interruptions_and_bad_input_lose_nothing(rasa_stack):
    sender = "e2e-interrupt"
    rasa_stack.texts(sender, "hallo")
    rasa_stack.texts(
        sender,
        "Ik heb op de open dag van de hogeschool een workshop gevolgd en ik was heel enthousiast",
    )
    robot = rasa_stack.texts(sender, "ben jij een robot?")
    assert (
        "bot" in robot.lower() and "gebeurde" in robot.lower()
    )  # honest, then the open question again
    assert "leeg" in rasa_stack.texts(sender, "   ")
    assert "emoji" in rasa_stack.texts(sender, "😂😂😂").lower()
    assert (
        "dutch"
        in rasa_stack.texts(
            sender, "I really do not speak Dutch, can you please talk in English with me"
        ).lower()
    )
    assert "te lang" in rasa_stack.texts(sender, "bla " * 600)
    nasty = "<script>alert('x')</script>'; DROP TABLE students; -- we moesten een website bouwen met de klas"
    rasa_stack.answer(sender, nasty)
    stored = Repository(rasa_stack.database_url).export_student(sender)
    assert stored["what_happened"] == nasty
    assert "enthousiast" in stored["emotions"]

    # Pause, then come back later: the conversation continues where it was.
    assert "bewaard" in rasa_stack.texts(sender, "ik moet nu gaan, later verder")
    back = rasa_stack.texts(sender, "verder")
    assert ("Welkom terug" in back or "weer bent" in back) and "bijgebleven" not in back
    assert back.count("enthousiast") == 0  # an accepted answer is not acknowledged twice
    stored = Repository(rasa_stack.database_url).export_student(sender)
    assert len(stored["conversations"]) == 1 and stored["what_happened"].startswith(nasty)


def test_conversation_survives_a_server_restart(rasa_stack):
    sender = "e2e-restart"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(
        sender,
        "Ik heb gisteren voor het eerst alleen een klant geholpen bij de kapper, ik was trots",
    )
    rasa_stack.stop_rasa()
    rasa_stack.start_rasa()
    reply = rasa_stack.texts(
        sender,
        "De klant wilde een ander model en ik heb goed gevraagd wat ze bedoelde en het knippen ging super",
    )
    assert "eerder" in reply.lower() or "ander moment" in reply.lower()
    assert (
        Repository(rasa_stack.database_url)
        .export_student(sender)["what_happened"]
        .startswith("De klant")
    )


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
    rasa_stack.texts(
        sender, "Op mijn bijbaan bij de bakker moest ik de nieuwe collega inwerken en dat ging goed"
    )
    assert "bewaard" in rasa_stack.texts(sender, "/nieuw")
    first_question = rasa_stack.texts(sender, "hoi")
    assert "Welkom terug" not in first_question  # a fresh start, not a resumed reflection
    rasa_stack.texts(
        sender, "Gisteren had ik een gesprek met mijn slb'er over de minor en ik was opgelucht"
    )
    export = Repository(rasa_stack.database_url).export_student(sender)
    assert [c["experience"][:10] for c in export["conversations"]] == ["Op mijn bi", "Gisteren h"]
    assert export["conversations"][0]["ended_at"] is not None
    assert export["emotions"] == ["opgelucht"]


# ---- a story at once, not-knowing, the cycle, aftercare ----


def test_a_story_in_the_first_message_is_not_asked_for_again(rasa_stack):
    sender = "e2e-at-once"
    reply = rasa_stack.texts(
        sender,
        "hoi! gisteren moest ik op stage voor het eerst alleen een klant helpen en ik was zenuwachtig",
    )
    assert "zenuwachtig" in reply  # the emotion word is acknowledged in the student's own word
    assert (
        "bijgebleven" not in reply and "Welk moment" not in reply
    )  # the experience question is skipped
    assert "gebeurde" in reply.lower()
    stored = Repository(rasa_stack.database_url).export_student(sender)
    assert stored["experience"].startswith("gisteren moest ik op stage")


def test_three_times_not_knowing_gets_three_different_ways_in(rasa_stack):
    sender = "e2e-dont-know"
    rasa_stack.texts(sender, "hoi")
    replies = [
        rasa_stack.texts(sender, text)
        for text in ("weet ik niet", "geen idee", "ik weet het echt niet")
    ]
    assert len(set(replies)) == 3, replies
    assert "pauze" in replies[2]  # the last way in offers a pause
    stored = Repository(rasa_stack.database_url).export_student(sender)
    assert stored is None or not stored.get("experience")


def test_a_returning_student_hears_their_own_words_and_closes_the_loop(rasa_stack):
    sender = "e2e-returning"
    # The step is due today, so coming back is enough: no clock moves and no server restarts.
    # (A step due days ago is asked about the same way: tests/actions, returning_context.)
    due_today = [message if message != "morgen" else "vandaag" for message in WHOLE_REFLECTION]
    assert due_today != WHOLE_REFLECTION
    for message in due_today:
        rasa_stack.texts(sender, message)
    export = stored_export(rasa_stack, sender)
    assert export["phase"] == "afgerond"
    assert export["action_steps"][0]["when"] == product_today().isoformat()
    hello = rasa_stack.texts(sender, "hoi")
    assert "uitleggen" in hello and "minorcoördinator" in hello, hello
    assert "Ik ben Lemniscaat" not in hello
    after = rasa_stack.texts(sender, "Het is gelukt")
    assert "Wat gebeurde er toen je" in after, after
    steps = stored_export(rasa_stack, sender)["conversations"][0]["action_steps"]
    assert [step["status"] for step in steps] == ["gedaan"]
    # The answer is the new look back: it is stored as the next conversation's experience.
    rasa_stack.texts(
        sender, "Ik heb de mail gestuurd en de coördinator belde me meteen terug, ik was blij"
    )
    assert stored_export(rasa_stack, sender)["experience"].startswith("Ik heb de mail gestuurd")


def test_after_a_crisis_message_the_bot_stays_with_the_student(rasa_stack):
    sender = "e2e-aftercare"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(
        sender,
        "Vorige week had ik een gesprek met mijn slb'er over mijn studievoortgang en het bsa",
    )
    assert "113" in rasa_stack.texts(sender, "ik wil eigenlijk niet meer leven")
    for message in ("ok", "dank je", "nee"):
        reply = rasa_stack.texts(sender, message)
        assert "veilig" in reply.lower() or "hoe gaat het nu" in reply.lower(), reply
        assert "113" in reply and "gebeurde" not in reply.lower()
    again = rasa_stack.texts(sender, "ik zie het echt niet meer zitten")
    assert "113" in again and len(again) < 200  # shorter the second time
    resumed = rasa_stack.texts(sender, "verder")
    assert "verder" in resumed.lower() and "gebeurde" in resumed.lower()


def test_abuse_at_home_gets_veilig_thuis(rasa_stack):
    reply = rasa_stack.texts(
        "e2e-abuse", "mijn stiefvader slaat me als hij gedronken heeft en ik durf niet naar huis"
    )
    assert "Veilig Thuis" in reply and "0800-2000" in reply


def test_a_student_takes_back_sharing_over_rest_and_shares_again(rasa_stack):
    repo = Repository(rasa_stack.database_url)
    sender = "e2e-withdraw"
    coach_id = repo.add_coach("e2e-withdraw-coach@example.nl", "not-a-real-hash")
    assert "gekoppeld" in rasa_stack.texts(sender, f"/koppel {repo.create_invite_code(coach_id)}")
    for message in WHOLE_REFLECTION:
        rasa_stack.texts(sender, message)
    assert stored_export(rasa_stack, sender)["consent"] is True
    assert "coach" in rasa_stack.texts(sender, "/nietdelen")
    assert stored_export(rasa_stack, sender)["consent"] is False
    assert "niets" in rasa_stack.texts(
        sender, "/delen"
    )  # nothing is shared any more, so nothing to show again


def test_an_indirect_crisis_message_mid_reflection_gets_a_fitting_help_line(rasa_stack):
    sender = "e2e-indirect"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(sender, ANSWERS[0])
    reply = rasa_stack.texts(sender, "k heb de laatste tijd mn pillen gespaard, voor het geval dat")
    assert "113" in reply and "0800-0113" in reply
    partner = rasa_stack.texts(
        "e2e-indirect-2", "mn vriend pakt mn telefoon af en duwt me als ik nee zeg"
    )
    assert "0800-2000" in partner  # Veilig Thuis for violence by a partner
    assert Repository(rasa_stack.database_url).export_student(sender)["safety_kind"] == "suicide"


def test_the_gentle_check_asks_once_and_loses_no_answer(rasa_stack):
    sender = "e2e-gentle"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(
        sender,
        "Vorige week had ik een gesprek met mijn mentor over mijn stage en het ging over mijn planning",
    )
    unsure = "thuis is het veel gedoe en soms wil ik gewoon verdwijnen"
    check = rasa_stack.texts(sender, unsure)
    assert "113" in check and "?" in check  # one caring question that already names the help line
    back = rasa_stack.texts(sender, "nee")
    assert "verder" in back.lower()
    # Said "nee" just now: the next unsure guess is not asked about again; it is an answer.
    again = rasa_stack.answer(sender, "ja maar op school geloven ze me toch niet")
    assert "113" not in again
    stored = Repository(rasa_stack.database_url).export_student(sender)
    assert unsure in stored["what_happened"] and "geloven ze me" in stored["what_happened"]
    assert stored["safety_flag"] is False


def test_an_answer_to_the_gentle_question_that_is_neither_yes_nor_no_is_asked_once_more(rasa_stack):
    sender = "e2e-gentle-other"
    rasa_stack.texts(sender, "hoi")
    rasa_stack.texts(
        sender,
        "Vorige week had ik een gesprek met mijn mentor over mijn stage en het ging over mijn planning",
    )
    assert "113" in rasa_stack.texts(
        sender, "thuis is het veel gedoe en soms wil ik gewoon verdwijnen"
    )
    again = rasa_stack.texts(sender, "mijn mentor zei dat ik beter moest plannen")
    assert (
        "113" in again and "pauze" not in again
    )  # asked once more, not the crisis reply and its pause
    back = rasa_stack.texts(sender, "nee hoor")
    assert "verder" in back.lower()
    assert Repository(rasa_stack.database_url).export_student(sender)["safety_flag"] is False
