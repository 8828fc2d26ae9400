"""The real PTB Application against a fake Bot API (and a fake Rasa REST webhook): what the
student sees and what ends up in the database."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import text as sql
from telegram_fakes import (
    CHAT_ID_KEY,
    HASH_KEY,
    STUDENT,
    accept_terms,
    button_message,
    media_update,
    press_update,
    text_update,
    wait_for,
    welcome_text,
)

from bot.channels import crisis, notices
from bot.config import reset_settings_cache
from bot.student_export import EXPORT_FILENAME
from bot.telegram import texts
from bot.telegram.identity import open_chat_id, telegram_sender_id
from bot.telegram.splitting import split_message


def test_commands_are_registered_in_dutch(telegram_api, start_bot):
    start_bot()
    commands = wait_for(lambda: telegram_api.calls_of("setMyCommands"), what="setMyCommands")[0][
        "commands"
    ]
    assert [c["command"] for c in commands] == [
        "start",
        "help",
        "nieuw",
        "pauze",
        "verder",
        "acties",
        "koppel",
        "mijngegevens",
        "vergeet",
        "nietdelen",
        "delen",
        "oefenen",
    ]
    assert {c["command"]: c["description"] for c in commands}[
        "oefenen"
    ] == "Oefen een loopbaangesprek (voor coaches)"
    assert all(3 <= len(c["description"]) <= 256 for c in commands)
    # Polling mode: PTB removes any webhook first.
    assert telegram_api.calls_of("deleteWebhook")


def test_start_shows_privacy_and_akkoord_starts_the_conversation(
    telegram_api, fake_rasa, start_bot, repo
):
    fake_rasa.start()
    start_bot()
    telegram_api.push(text_update(STUDENT, "/start"))
    sent = wait_for(lambda: button_message(telegram_api, texts.ACCEPT_BUTTON), what="terms")
    assert sent["text"] == welcome_text()
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    assert repo.find_student(sender) is None, "nothing is stored before Akkoord"

    telegram_api.push(press_update(STUDENT, sent, texts.ACCEPT_BUTTON))
    wait_for(lambda: "Rasa hoorde: hallo" in telegram_api.texts_to(STUDENT), what="Rasa's greeting")
    assert telegram_api.calls_of("answerCallbackQuery")
    assert texts.ACCEPTED in telegram_api.texts_to(STUDENT)
    student = repo.find_student(sender)
    assert student.channel == "telegram" and student.accepted_terms_at is not None
    assert open_chat_id(student.channel_address, CHAT_ID_KEY, sender) == STUDENT
    assert open_chat_id(student.channel_address, HASH_KEY, sender) is None, (
        "each purpose has its own key"
    )
    # The pressed message loses its buttons and shows the choice.
    edited = telegram_api.calls_of("editMessageText")[0]
    assert edited["text"].endswith(texts.ACCEPT_BUTTON) and "reply_markup" not in edited
    # Typing indicator while waiting for Rasa.
    assert any(p["action"] == "typing" for p in telegram_api.calls_of("sendChatAction"))


def test_nothing_reaches_rasa_before_akkoord(telegram_api, fake_rasa, start_bot):
    fake_rasa.start()
    start_bot()
    telegram_api.push(text_update(STUDENT, "Ik wil praten over mijn stage"))
    wait_for(lambda: button_message(telegram_api, texts.ACCEPT_BUTTON), what="terms offered")
    assert fake_rasa.heard == []


def test_media_gets_a_friendly_text_only_reply(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    for kind in ("sticker", "photo", "voice"):
        telegram_api.push(media_update(STUDENT, kind))
    wait_for(lambda: len(telegram_api.texts_to(STUDENT)) == 3, what="three replies")
    assert all(text in texts.ONLY_TEXT for text in telegram_api.texts_to(STUDENT))
    assert fake_rasa.heard == []
    assert repo.find_student(telegram_sender_id(STUDENT, HASH_KEY)) is None


def test_text_goes_to_rasa_and_answers_come_back_in_order(telegram_api, fake_rasa, start_bot):
    fake_rasa.reply = lambda sender, text: [{"text": "Eerste."}, {"text": "Tweede."}]
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    telegram_api.push(text_update(STUDENT, "Mijn presentatie ging goed"))
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    wait_for(
        lambda: (sender, "Mijn presentatie ging goed") in fake_rasa.heard, what="message at Rasa"
    )
    wait_for(lambda: telegram_api.texts_to(STUDENT)[-2:] == ["Eerste.", "Tweede."], what="answers")


def test_commands_forwarded_to_rasa(telegram_api, fake_rasa, start_bot):
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    for command in ("/help", "/nieuw", "/pauze", "/verder", "/koppel@LemniscaatBot AB-CD 23"):
        telegram_api.push(text_update(STUDENT, command))
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    expected = ["/help", "/restart", "/pauze", "/verder", "/koppel AB-CD 23"]
    wait_for(lambda: all((sender, e) in fake_rasa.heard for e in expected), what="commands at Rasa")


def test_rasa_buttons_become_an_inline_keyboard(telegram_api, fake_rasa, start_bot):
    long_payload = '/inform{"keuze": "' + "een heel lange keuze die niet past " * 3 + '"}'

    def reply(sender, text):
        if text == "hallo":
            return [
                {
                    "text": "Kies maar",
                    "buttons": [
                        {"title": "Ja", "payload": "/affirm"},
                        {"title": "Iets anders", "payload": long_payload},
                    ],
                }
            ]
        return [{"text": f"Rasa hoorde: {text}"}]

    fake_rasa.reply = reply
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    sent = wait_for(lambda: button_message(telegram_api, "Iets anders"), what="keyboard")
    datas = [b["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    assert all(len(d.encode()) <= 64 for d in datas)
    telegram_api.push(press_update(STUDENT, sent, "Iets anders"))
    telegram_api.push(press_update(STUDENT, sent, "Ja"))
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    wait_for(
        lambda: (
            (sender, long_payload) in fake_rasa.heard and (sender, "/affirm") in fake_rasa.heard
        ),
        what="payloads at Rasa",
    )


def test_long_answer_is_split_into_telegram_sized_messages(telegram_api, fake_rasa, start_bot):
    paragraph = "Dit is een zin over jouw ervaring. " * 40
    long_text = "\n\n".join([paragraph.strip()] * 8)  # about 11,000 characters
    fake_rasa.reply = lambda sender, text: (
        [{"text": long_text}] if text == "lang" else [{"text": "ok"}]
    )
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    telegram_api.push(text_update(STUDENT, "lang"))
    expected = split_message(long_text)
    assert len(expected) == 4  # two paragraphs per message: three would pass 4096
    wait_for(
        lambda: [t for t in telegram_api.texts_to(STUDENT) if t.startswith("Dit is")] == expected,
        what="all pieces in order",
    )
    assert all(len(p) <= 4096 and p.endswith(".") for p in expected)
    assert "\n\n".join(expected) == long_text


def test_user_id_is_never_stored(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    telegram_api.push(text_update(STUDENT, "Ik heb mijn stage gevonden"))
    wait_for(
        lambda: "Rasa hoorde: Ik heb mijn stage gevonden" in telegram_api.texts_to(STUDENT),
        what="answer",
    )
    repo.save_action_step(
        telegram_sender_id(STUDENT, HASH_KEY), "Mail sturen", date(2031, 1, 1), "mentor"
    )
    dump = []
    with repo.engine.connect() as connection:
        tables = [
            r[0]
            for r in connection.execute(sql("SELECT name FROM sqlite_master WHERE type='table'"))
        ]
        for table in tables:
            dump.extend(repr(row) for row in connection.execute(sql(f'SELECT * FROM "{table}"')))
    assert dump, "the database holds the student"
    assert not any(str(STUDENT) in row for row in dump)
    # And Rasa only ever heard the pseudonym.
    assert all(
        sender.startswith("tg-") and str(STUDENT) not in sender for sender, _ in fake_rasa.heard
    )


def test_the_terms_name_the_follow_up_hours_the_settings_give(
    telegram_api, fake_rasa, start_bot, monkeypatch
):
    monkeypatch.setenv("FOLLOWUP_EARLIEST_HOUR", "8")
    monkeypatch.setenv("FOLLOWUP_LATEST_HOUR", "20")
    reset_settings_cache()
    fake_rasa.start()
    start_bot()
    telegram_api.push(text_update(STUDENT, "/start"))
    sent = wait_for(lambda: button_message(telegram_api, texts.ACCEPT_BUTTON), what="terms")
    assert "tussen 8:00 en 20:00" in sent["text"] and "9:00" not in sent["text"]
    monkeypatch.undo()
    reset_settings_cache()


def test_acties_lists_steps_in_dutch(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    telegram_api.push(text_update(STUDENT, "/acties"))
    wait_for(lambda: texts.NO_ACTIONS in telegram_api.texts_to(STUDENT), what="no actions yet")
    accept_terms(telegram_api, fake_rasa)
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    first = repo.save_action_step(
        sender, "Mijn stagebegeleider mailen", date(2025, 3, 14), "stagebegeleider"
    )
    repo.save_action_step(sender, "Open dag bezoeken", None, None)
    repo.set_step_status(first, "gedaan")
    telegram_api.push(text_update(STUDENT, "/acties"))
    reply = wait_for(
        lambda: [t for t in telegram_api.texts_to(STUDENT) if t.startswith(texts.ACTIONS_HEADER)],
        what="actions",
    )[0]
    # The student's steps come back in the second person.
    assert "1. Je mailt je stagebegeleider" in reply and "Mijn" not in reply
    assert "vrijdag 14 maart 2025" in reply
    assert "Met wie: stagebegeleider" in reply
    assert "Stand: gedaan" in reply and "Stand: nog te doen" in reply
    assert "2. Je bezoekt open dag" in reply


def test_mijngegevens_sends_the_export_as_json(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    repo.save_reflection(sender, experience="Mijn eerste presentatie", kernwoord="samenwerken")
    repo.save_action_step(sender, "Feedback vragen", date(2030, 5, 1), "docent")
    telegram_api.push(text_update(STUDENT, "/mijngegevens"))
    document = wait_for(lambda: telegram_api.calls_of("sendDocument"), what="document")[0]
    assert document["document"]["filename"] == EXPORT_FILENAME
    exported = json.loads(document["document"]["content"].decode("utf-8"))
    assert exported == json.loads(json.dumps(repo.export_student(sender), default=str))
    assert exported["kernwoord"] == "samenwerken"
    assert exported["action_steps"][0]["what"] == "Feedback vragen"


def test_vergeet_asks_first_and_then_erases_everything(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    repo.save_action_step(sender, "Gesprek plannen", date(2030, 1, 1), None)

    telegram_api.push(text_update(STUDENT, "/vergeet"))
    question = wait_for(lambda: button_message(telegram_api, texts.FORGET_NO), what="question")
    telegram_api.push(press_update(STUDENT, question, texts.FORGET_NO))
    wait_for(lambda: texts.NOT_FORGOTTEN in telegram_api.texts_to(STUDENT), what="kept")
    assert repo.find_student(sender) is not None

    telegram_api.push(text_update(STUDENT, "/vergeet"))
    wait_for(
        lambda: telegram_api.texts_to(STUDENT).count(texts.FORGET_QUESTION) == 2, what="asked again"
    )
    question = telegram_api.message_with_button(texts.FORGET_YES)
    telegram_api.push(press_update(STUDENT, question, texts.FORGET_YES))
    wait_for(lambda: texts.FORGOTTEN in telegram_api.texts_to(STUDENT), what="erased")
    assert repo.find_student(sender) is None
    assert repo.export_student(sender) is None
    with repo.engine.connect() as connection:
        assert connection.execute(sql("SELECT COUNT(*) FROM action_steps")).scalar() == 0


def test_group_chats_are_ignored(telegram_api, fake_rasa, start_bot):
    fake_rasa.start()
    start_bot()
    group = text_update(STUDENT, "/start")
    group["message"]["chat"] = {"id": -100123, "type": "group", "title": "Klas 2B"}
    telegram_api.push(group)
    telegram_api.push(text_update(STUDENT, "/start"))  # then privately: this one is answered
    wait_for(lambda: telegram_api.texts_to(STUDENT), what="private answer")
    assert telegram_api.texts_to(-100123) == []


def test_with_the_database_away_a_crisis_still_gets_the_reply_and_others_are_asked_again(
    telegram_api, fake_rasa, start_bot, repo, tmp_path
):
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    heard = len(fake_rasa.heard)
    # The database file gone and the pool emptied: every query fails as when PostgreSQL is
    # stopped, before the message reaches the relay (the chat address, practice mode).
    for path in tmp_path.glob("test.db*"):
        path.unlink()
    repo.engine.dispose()
    telegram_api.push(text_update(STUDENT, "ik wil niet meer leven"))
    wait_for(
        lambda: any(crisis.carries_help([{"text": t}]) for t in telegram_api.texts_to(STUDENT)),
        what="the crisis reply",
    )
    telegram_api.push(text_update(STUDENT, "ik liep stage bij een garage"))
    wait_for(
        lambda: notices.text(notices.RESEND) in telegram_api.texts_to(STUDENT),
        what="asked to send again",
    )
    assert len(fake_rasa.heard) == heard
