"""Practice mode (/oefenen) with the real PTB Application against the fake Bot API: the bot plays
a student, Rasa hears nothing, and the stored practice session is the only memory."""

from __future__ import annotations

from telegram_fakes import (
    CHAT_ID_KEY,
    HASH_KEY,
    STUDENT,
    accept_terms,
    button_message,
    press_update,
    text_update,
    wait_for,
    welcome_text,
)

from bot.practice.session import PracticeSession
from bot.telegram import practice, texts
from bot.telegram.identity import seal_chat_id, telegram_sender_id

SENDER = telegram_sender_id(STUDENT, HASH_KEY)
OPENING = "Vertel eens over een moment van de afgelopen week waar je aan terugdenkt."
WHY = "Waarom deed je dat?"


def _accepted(repo, user_id=STUDENT):
    """Akkoord straight in the database, so Rasa never hears a "hallo"."""
    repo.accept_terms(
        telegram_sender_id(user_id, HASH_KEY),
        "telegram",
        seal_chat_id(user_id, CHAT_ID_KEY, telegram_sender_id(user_id, HASH_KEY)),
    )


def _texts_after(telegram_api, marker, user_id=STUDENT):
    sent = telegram_api.texts_to(user_id)
    return sent[sent.index(marker) + 1 :] if marker in sent else []


def _start_practice(telegram_api, persona_button="Noor (19)", name="Noor", user_id=STUDENT):
    before = len(telegram_api.calls_of("sendMessage"))
    telegram_api.push(text_update(user_id, "/oefenen"))
    wait_for(
        lambda: (
            len(telegram_api.calls_of("sendMessage")) > before
            and button_message(telegram_api, persona_button)
        ),
        what="persona menu",
    )
    menu = [p for p in telegram_api.calls_of("sendMessage")[before:] if p.get("reply_markup")][-1]
    telegram_api.push(press_update(user_id, menu, persona_button))
    intro = texts.PRACTICE_INTRO.format(name=name)
    wait_for(lambda: intro in telegram_api.texts_to(user_id), what="practice intro")
    return intro


def test_oefenen_shows_the_personas_as_buttons(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    _accepted(repo)
    telegram_api.push(text_update(STUDENT, "/oefenen"))
    menu = wait_for(lambda: button_message(telegram_api, "Noor (19)"), what="menu")
    buttons = [b for row in menu["reply_markup"]["inline_keyboard"] for b in row]
    assert [b["callback_data"] for b in buttons] == [
        "o:noor",
        "o:mehmet",
        "o:lieke",
        "o:kevin",
        "o:yusuf",
        "o:sanne",
        "o:daan",
    ]
    assert [b["text"] for b in buttons] == [
        "Noor (19)",
        "Mehmet (20)",
        "Lieke (21)",
        "Kevin (17)",
        "Yusuf (21)",
        "Sanne (18)",
        "Daan (19)",
    ]
    for _, line in PracticeSession.personas:
        assert line in menu["text"]
    assert repo.practice_history(trainee_sender_id=SENDER) == [], (
        "only a chosen persona starts a session"
    )
    assert fake_rasa.heard == []


def test_practice_conversation_report_and_storage(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    _accepted(repo)
    intro = _start_practice(telegram_api)
    [row] = repo.practice_history(trainee_sender_id=SENDER)
    assert row["persona"] == "noor" and row["ended_at"] is None and row["coach_id"] is None

    # What the simulated student must say: the same persona and seed (the row id), replayed here.
    expected = PracticeSession("noor", seed=row["id"])
    replies = [expected.coach_says(OPENING), expected.coach_says(WHY)]
    telegram_api.push(text_update(STUDENT, OPENING))
    wait_for(lambda: _texts_after(telegram_api, intro) == replies[:1], what="first student reply")
    telegram_api.push(text_update(STUDENT, WHY))
    wait_for(lambda: _texts_after(telegram_api, intro) == replies, what="second student reply")
    assert fake_rasa.heard == [], "practice lines never reach Rasa"
    stored = repo.get_practice(row["id"])
    assert [t["text"] for t in stored["transcript"]] == [OPENING, replies[0], WHY, replies[1]]
    assert stored["ended_at"] is None

    telegram_api.push(text_update(STUDENT, "/klaar"))
    wait_for(lambda: texts.PRACTICE_AFTER_REPORT in telegram_api.texts_to(STUDENT), what="report")
    report_text = next(
        t for t in telegram_api.texts_to(STUDENT) if t.startswith("Feedback op je oefengesprek")
    )
    assert f'jij: "{OPENING}"' in report_text or f'jij: "{WHY}"' in report_text
    assert f'jij: "{WHY}"' in report_text, "the why-question is quoted as evidence for rule 9"
    assert "vragen naar de reden 1" in report_text, "the why-question is counted"
    assert len(report_text) <= 4096
    stored = repo.get_practice(row["id"])
    assert stored["ended_at"] is not None
    assert stored["report"]["counts"]["waarom_vraag"] == 1
    assert stored["report"]["coach_turns"] == 2
    assert stored["report"] == expected.finish().to_dict()
    assert fake_rasa.heard == []

    # After the report, typing goes to Rasa again.
    telegram_api.push(text_update(STUDENT, "Hoi"))
    wait_for(lambda: (SENDER, "Hoi") in fake_rasa.heard, what="back to Rasa")


def test_a_restart_of_the_bot_loses_nothing(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    first = start_bot()
    _accepted(repo)
    intro = _start_practice(telegram_api)
    telegram_api.push(text_update(STUDENT, OPENING))
    wait_for(lambda: len(_texts_after(telegram_api, intro)) == 1, what="first reply")
    first.stop()

    start_bot()  # a fresh Application: nothing in memory
    [row] = repo.practice_history(trainee_sender_id=SENDER)
    expected = PracticeSession("noor", seed=row["id"])
    replies = [expected.coach_says(OPENING), expected.coach_says("Dat klinkt spannend.")]
    telegram_api.push(text_update(STUDENT, "Dat klinkt spannend."))
    wait_for(lambda: _texts_after(telegram_api, intro) == replies, what="the conversation goes on")
    assert fake_rasa.heard == []


def test_oefenen_before_akkoord_offers_the_terms_then_the_menu(
    telegram_api, fake_rasa, start_bot, repo
):
    fake_rasa.start()
    start_bot()
    telegram_api.push(text_update(STUDENT, "/oefenen"))
    terms = wait_for(lambda: button_message(telegram_api, texts.ACCEPT_BUTTON), what="terms")
    assert repo.find_student(SENDER) is None
    telegram_api.push(press_update(STUDENT, terms, texts.ACCEPT_BUTTON))
    wait_for(lambda: button_message(telegram_api, "Kevin (17)"), what="menu after Akkoord")
    assert repo.find_student(SENDER).accepted_terms_at is not None
    assert fake_rasa.heard == [], (
        "Akkoord on the way to practice does not start a Rasa conversation"
    )


def test_oefenen_again_and_nieuw_close_the_running_session(
    telegram_api, fake_rasa, start_bot, repo
):
    fake_rasa.start()
    start_bot()
    _accepted(repo)
    intro = _start_practice(telegram_api)
    telegram_api.push(text_update(STUDENT, OPENING))
    wait_for(lambda: len(_texts_after(telegram_api, intro)) == 1, what="reply")

    # /oefenen alone keeps the session (the coach may only look); choosing a persona closes it.
    _start_practice(telegram_api, "Mehmet (20)", "Mehmet")
    assert texts.PRACTICE_INTERRUPTED.format(name="Noor") in telegram_api.texts_to(STUDENT)
    mehmet, noor = repo.practice_history(trainee_sender_id=SENDER)
    assert noor["persona"] == "noor" and noor["ended_at"] is not None and noor["finished"]
    assert mehmet["persona"] == "mehmet" and mehmet["ended_at"] is None

    # /help during practice explains practice mode and does not reach Rasa.
    telegram_api.push(text_update(STUDENT, "/help"))
    wait_for(
        lambda: texts.PRACTICE_HELP.format(name="Mehmet") in telegram_api.texts_to(STUDENT),
        what="help",
    )

    # /nieuw with nothing said: closed without a report, and on to Rasa.
    telegram_api.push(text_update(STUDENT, "/nieuw"))
    wait_for(lambda: (SENDER, "/restart") in fake_rasa.heard, what="/restart at Rasa")
    assert texts.PRACTICE_ENDED_EMPTY.format(name="Mehmet") in telegram_api.texts_to(STUDENT)
    mehmet = repo.get_practice(mehmet["id"])
    assert mehmet["ended_at"] is not None and mehmet["report"] is None
    assert fake_rasa.heard == [(SENDER, "/restart")]


def test_klaar_without_practice_and_typed_klaar(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    _accepted(repo)
    telegram_api.push(text_update(STUDENT, "/klaar"))
    wait_for(
        lambda: texts.PRACTICE_NOT_ACTIVE in telegram_api.texts_to(STUDENT), what="not practising"
    )
    intro = _start_practice(telegram_api, "Lieke (21)", "Lieke")
    telegram_api.push(text_update(STUDENT, "Wat is er deze week gebeurd op je stage?"))
    wait_for(lambda: len(_texts_after(telegram_api, intro)) == 1, what="reply")
    telegram_api.push(text_update(STUDENT, "Klaar!"))
    wait_for(lambda: texts.PRACTICE_AFTER_REPORT in telegram_api.texts_to(STUDENT), what="report")
    [row] = repo.practice_history(trainee_sender_id=SENDER)
    assert row["finished"] and row["coach_turns"] == 1
    assert fake_rasa.heard == []


def test_vergeet_erases_practice_sessions_too(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    other = telegram_sender_id(STUDENT + 1, HASH_KEY)
    kept = repo.start_practice("kevin", trainee_sender_id=other)
    intro = _start_practice(telegram_api)
    telegram_api.push(text_update(STUDENT, OPENING))
    wait_for(lambda: len(_texts_after(telegram_api, intro)) == 1, what="reply")
    telegram_api.push(text_update(STUDENT, "/klaar"))
    wait_for(lambda: texts.PRACTICE_AFTER_REPORT in telegram_api.texts_to(STUDENT), what="report")
    _start_practice(telegram_api, "Kevin (17)", "Kevin")  # and one still running
    assert len(repo.practice_history(trainee_sender_id=SENDER)) == 2

    telegram_api.push(text_update(STUDENT, "/vergeet"))
    question = wait_for(lambda: button_message(telegram_api, texts.FORGET_YES), what="question")
    telegram_api.push(press_update(STUDENT, question, texts.FORGET_YES))
    wait_for(lambda: texts.FORGOTTEN in telegram_api.texts_to(STUDENT), what="erased")
    assert repo.practice_history(trainee_sender_id=SENDER) == []
    assert repo.get_practice(kept) is not None, "someone else's practice stays"
    # No session is running any more: text is not taken as a coach line (it gets the terms).
    telegram_api.push(text_update(STUDENT, OPENING))
    wait_for(lambda: telegram_api.texts_to(STUDENT)[-1] == welcome_text(), what="terms again")


def test_forged_persona_button_is_refused(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    _accepted(repo)
    telegram_api.push(text_update(STUDENT, "/oefenen"))
    menu = wait_for(lambda: button_message(telegram_api, "Noor (19)"), what="menu")
    forged = press_update(STUDENT, menu, "Noor (19)")
    forged["callback_query"]["data"] = "o:nobody"
    telegram_api.push(forged)
    answer = wait_for(lambda: telegram_api.calls_of("answerCallbackQuery"), what="answer")[0]
    assert answer["text"] == texts.STALE_BUTTON
    assert repo.practice_history(trainee_sender_id=SENDER) == []


def test_a_session_that_cannot_be_rebuilt_is_closed(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    _accepted(repo)
    session_id = repo.start_practice(
        "verdwenen", trainee_sender_id=SENDER
    )  # a persona that is gone
    telegram_api.push(text_update(STUDENT, OPENING))
    wait_for(lambda: texts.PRACTICE_BROKEN in telegram_api.texts_to(STUDENT), what="broken")
    assert repo.get_practice(session_id)["ended_at"] is not None
    telegram_api.push(text_update(STUDENT, "Hoi"))
    wait_for(lambda: (SENDER, "Hoi") in fake_rasa.heard, what="back to Rasa")


def test_oefenen_with_a_group_code_links_the_chat_to_the_trainers_group(
    telegram_api, fake_rasa, start_bot, repo
):
    fake_rasa.start()
    start_bot()
    _accepted(repo)
    trainer = repo.add_coach("trainer@school.nl", "x" * 60, is_trainer=True)
    other = repo.add_coach("other@school.nl", "x" * 60, is_trainer=True)
    group = repo.create_practice_group(trainer, "Najaar")
    repo.create_practice_group(other, "Voorjaar")
    assert not repo.trainer_sees(trainer, trainee_sender_id=SENDER)

    telegram_api.push(text_update(STUDENT, "/oefenen ONBEKEND"))
    wait_for(
        lambda: texts.PRACTICE_GROUP_UNKNOWN in telegram_api.texts_to(STUDENT), what="unknown code"
    )
    telegram_api.push(text_update(STUDENT, f"/oefenen {group['invite_code'].lower()}"))
    joined = texts.PRACTICE_GROUP_JOINED.format(name="Najaar")
    wait_for(lambda: joined in telegram_api.texts_to(STUDENT), what="joined")
    wait_for(lambda: button_message(telegram_api, "Noor (19)"), what="the menu after joining")
    assert repo.trainer_sees(trainer, trainee_sender_id=SENDER)
    assert not repo.trainer_sees(other, trainee_sender_id=SENDER)
    assert [g["name"] for g in repo.groups_of_trainee(trainee_sender_id=SENDER)] == ["Najaar"]
    assert fake_rasa.heard == []


# ---- small pieces ----


def test_button_data_and_finish_words():
    for key, _ in PracticeSession.personas:
        assert practice.persona_of(practice.persona_data(key)) == key
        assert len(practice.persona_data(key).encode()) <= 64
    assert practice.persona_of("o:") is None and practice.persona_of("r:noor") is None
    assert practice.is_finish_word("klaar") and practice.is_finish_word(" Stop. ")
    assert not practice.is_finish_word("Ben je klaar met je stage?")
