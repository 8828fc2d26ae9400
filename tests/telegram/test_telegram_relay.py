"""Telegram on the shared relay: the crisis reply before every gate, failed turns kept, the
channel token sent, follow-ups claimed before they are sent, and the part of the lemniscate
named when a new one starts. Real PTB Application against the fake Bot API, real database."""

from __future__ import annotations

import asyncio
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram_fakes import (
    CHAT_ID_KEY,
    HASH_KEY,
    STUDENT,
    accept_terms,
    text_update,
    wait_for,
    welcome_text,
)

from bot.channels import crisis, notices
from bot.config import reset_settings_cache
from bot.telegram import texts
from bot.telegram.followup import send_due_followups
from bot.telegram.identity import seal_chat_id, telegram_sender_id
from bot.telegram.state import ChannelState

CRISIS = "ik wil dood"
SENDER = telegram_sender_id(STUDENT, HASH_KEY)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _accepted(repo, user_id=STUDENT):
    sender = telegram_sender_id(user_id, HASH_KEY)
    repo.accept_terms(sender, "telegram", seal_chat_id(user_id, CHAT_ID_KEY, sender))


def test_crisis_before_the_terms_gets_the_crisis_reply_and_stores_nothing(
    telegram_api, fake_rasa, start_bot, repo
):
    fake_rasa.start()
    start_bot()
    telegram_api.push(text_update(STUDENT, CRISIS))
    wait_for(lambda: welcome_text() in telegram_api.texts_to(STUDENT), what="terms")
    sent = telegram_api.texts_to(STUDENT)
    assert sent[0] == crisis.reply_text(None) and "113" in sent[0], sent
    assert sent.index(notices.text(notices.NEEDS_TERMS)) > 0
    assert fake_rasa.heard == [] and repo.find_student(SENDER) is None


def test_an_unsure_message_before_the_terms_gets_the_gentle_note_and_stores_nothing(
    telegram_api, fake_rasa, start_bot, repo
):
    fake_rasa.start()
    start_bot()
    telegram_api.push(text_update(STUDENT, "soms wil ik gewoon verdwijnen"))
    wait_for(lambda: welcome_text() in telegram_api.texts_to(STUDENT), what="terms")
    sent = telegram_api.texts_to(STUDENT)
    assert sent[0] == crisis.note_text(None) and "113" in sent[0], sent
    assert fake_rasa.heard == [] and repo.find_student(SENDER) is None


def test_crisis_during_practice_gets_the_real_reply_not_the_simulated_student(
    telegram_api, fake_rasa, start_bot, repo
):
    fake_rasa.start()
    start_bot()
    _accepted(repo)
    session_id = repo.start_practice("noor", trainee_sender_id=SENDER)
    telegram_api.push(
        text_update(STUDENT, "ik zie het echt niet meer zitten, ik wil niet meer leven")
    )
    wait_for(lambda: any("113" in t for t in telegram_api.texts_to(STUDENT)), what="crisis reply")
    time.sleep(0.3)
    assert telegram_api.texts_to(STUDENT) == [crisis.reply_text(None)]
    assert repo.get_practice(session_id)["transcript"] == [], "not a line for the simulated student"
    assert fake_rasa.heard == []


def test_crisis_while_rasa_is_down_gets_the_domain_text_and_the_flag(
    telegram_api, fake_rasa, start_bot, repo
):
    start_bot(pending_every=3600)  # Rasa not listening
    _accepted(repo)
    telegram_api.push(text_update(STUDENT, CRISIS))
    wait_for(lambda: telegram_api.texts_to(STUDENT), what="reply")
    time.sleep(0.3)
    assert telegram_api.texts_to(STUDENT) == [crisis.reply_text(None)], (
        "no apology on top of the crisis text"
    )
    assert repo.export_student(SENDER)["safety_flag"] is True
    assert [m["text"] for m in repo.pending_messages("telegram", SENDER)] == [CRISIS]


def test_a_failed_turn_is_kept_and_answered_by_the_job(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.reply = lambda sender, text: (
        503,
        {"error": "turn_failed", "messages": [{"text": "Welke dag?"}]},
    )
    fake_rasa.start()
    start_bot(pending_every=0.2)
    _accepted(repo)
    telegram_api.push(text_update(STUDENT, "dinsdag bel ik mijn mentor"))
    wait_for(
        lambda: any(t in notices.variations(notices.KEPT) for t in telegram_api.texts_to(STUDENT)),
        what="apology",
    )
    assert "Welke dag?" not in telegram_api.texts_to(STUDENT), (
        "partial answers of a failed turn are not shown"
    )
    fake_rasa.reply = lambda sender, text: [{"text": f"Rasa hoorde: {text}"}]
    wait_for(
        lambda: "Rasa hoorde: dinsdag bel ik mijn mentor" in telegram_api.texts_to(STUDENT),
        what="replay",
    )
    time.sleep(0.6)  # more job rounds: answered once
    assert [t for _, t in fake_rasa.heard].count(
        "dinsdag bel ik mijn mentor"
    ) == 2  # the failed turn + one replay
    assert telegram_api.texts_to(STUDENT).count("Rasa hoorde: dinsdag bel ik mijn mentor") == 1
    assert repo.pending_messages("telegram", SENDER) == []


def test_the_channel_token_goes_along(telegram_api, fake_rasa, start_bot, repo, monkeypatch):
    monkeypatch.setenv("RASA_CHANNEL_TOKEN", "een-geheim-token")
    reset_settings_cache()
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    assert fake_rasa.authorizations == ["Bearer een-geheim-token"]


def test_a_new_part_of_the_lemniscate_is_named(telegram_api, fake_rasa, start_bot, repo):
    def moving(sender, text):
        if text == "dat zegt iets over mij":
            repo.set_phase(sender, "reflecteren")
        return [{"text": f"Rasa hoorde: {text}"}]

    fake_rasa.reply = moving
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    repo.set_phase(SENDER, "terugkijken")
    telegram_api.push(text_update(STUDENT, "een verhaal"))
    wait_for(lambda: "Rasa hoorde: een verhaal" in telegram_api.texts_to(STUDENT), what="answer")
    telegram_api.push(text_update(STUDENT, "dat zegt iets over mij"))
    wait_for(
        lambda: "Rasa hoorde: dat zegt iets over mij" in telegram_api.texts_to(STUDENT),
        what="answer",
    )
    sent = telegram_api.texts_to(STUDENT)
    assert [t for t in sent if t in texts.PART_STARTED.values()] == [
        texts.PART_STARTED["reflecteren"]
    ]
    assert (
        sent.index(texts.PART_STARTED["reflecteren"])
        == sent.index("Rasa hoorde: dat zegt iets over mij") - 1
    )


def _state(repo):
    return ChannelState(
        repo=repo,
        hash_key=HASH_KEY,
        chat_id_key=CHAT_ID_KEY,
        rasa=None,
        timezone=AMSTERDAM,
        quiet_start_hour=9,
        quiet_end_hour=21,
        clock=lambda: datetime.now(AMSTERDAM),
        retry_base_delay=0.01,
        send_attempts=1,
    )


def _followups(telegram_api):
    return [p for p in telegram_api.calls_of("sendMessage") if "f:" in str(p.get("reply_markup"))]


def test_followups_are_claimed_before_they_are_sent(telegram_api, repo, database_url):
    from bot.storage.repository import Repository

    _accepted(repo)
    step = repo.save_action_step(SENDER, "Mijn mentor mailen", date(2030, 3, 14), None)
    noon = datetime(2030, 3, 15, 12, 0, tzinfo=AMSTERDAM)

    async def two_processes():
        other = Repository(database_url)
        async with Bot("123456:TEST", base_url=telegram_api.base_url) as bot:
            counts = await asyncio.gather(
                *(send_due_followups(bot, _state(r), noon) for r in (repo, other, repo, other))
            )
        other.engine.dispose()
        return counts

    assert sorted(asyncio.run(two_processes())) == [0, 0, 0, 1]
    assert len(_followups(telegram_api)) == 1

    # Network trouble gives the claim back: the next round sends it.
    second = repo.save_action_step(SENDER, "Een open dag bezoeken", date(2030, 3, 14), None)
    telegram_api.fail_next(
        "sendMessage", {"ok": False, "error_code": 502, "description": "Bad Gateway"}
    )

    async def rounds():
        async with Bot("123456:TEST", base_url=telegram_api.base_url) as bot:
            return [await send_due_followups(bot, _state(repo), noon) for _ in range(2)]

    assert asyncio.run(rounds()) == [0, 1]
    # The fake API records the refused call too: one refused, one sent (the step said with "je").
    assert sum("je bezoekt een open dag" in p["text"] for p in _followups(telegram_api)) == 2
    assert step != second
