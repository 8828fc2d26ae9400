"""The Telegram channel with the real Rasa and action servers (the session fixture
``rasa_stack`` starts them and sets RASA_URL and DATABASE_URL); only Telegram is faked.

A few turns, not a whole reflection (the whole reflection is walked over REST in tests/e2e,
the conversation logic is the same for every channel): the terms, free answers to Rasa's
questions, the pseudonymous tracker, /acties and the follow-up of a step due today.
"""

from __future__ import annotations

import re
import secrets
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from reflection_script import ANSWERS
from sqlalchemy import text as sql
from telegram_fakes import PollingBot, press_update, text_update, wait_for

from bot.telegram import texts
from bot.telegram.identity import telegram_sender_id

pytestmark = pytest.mark.e2e

STUDENT = 777000333
STEP = "Een mail sturen naar de minorcoördinator over een meeloopdag."
SAID_STEP = "je stuurt een mail naar de minorcoördinator over een meeloopdag"


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def _settled(telegram_api, before: int, quiet: float = 2.0, timeout: float = 60.0):
    """Wait until the bot has sent something new and then stayed quiet for a moment."""
    deadline = time.monotonic() + timeout
    count, changed = len(telegram_api.calls_of("sendMessage")), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now_count = len(telegram_api.calls_of("sendMessage"))
        if now_count != count:
            count, changed = now_count, time.monotonic()
        elif count > before and time.monotonic() - changed >= quiet:
            return telegram_api.calls_of("sendMessage")[before:]
    raise AssertionError("the bot did not answer")


def test_a_student_talks_to_rasa_over_telegram(rasa_stack, telegram_api):
    from bot.config import reset_settings_cache, settings
    from bot.storage.repository import Repository
    from bot.telegram.app import build_application

    reset_settings_cache()  # the fixture set RASA_URL and DATABASE_URL
    repo = Repository(settings().database_url)
    hash_key = secrets.token_hex(16)  # a fresh student in the shared session database
    sender = telegram_sender_id(STUDENT, hash_key)
    zone = ZoneInfo("Europe/Amsterdam")
    clock = Clock(datetime.now(zone).replace(hour=7))  # before the follow-ups' daytime (9-21)
    application = build_application(
        "123456:TEST",
        telegram_api.base_url,
        repo=repo,
        hash_key=hash_key,
        clock=clock,
        followup_every=0.2,
        retry_base_delay=0.05,
    )
    bot = PollingBot(application)
    bot.start()
    try:
        telegram_api.push(text_update(STUDENT, "/start"))
        terms = wait_for(lambda: telegram_api.calls_of("sendMessage"), what="terms")[0]
        before = len(telegram_api.calls_of("sendMessage"))
        telegram_api.push(press_update(STUDENT, terms, texts.ACCEPT_BUTTON))
        first = _settled(telegram_api, before)
        assert any("ervaring" in m["text"] or "moment" in m["text"] for m in first), first

        # Free answers go to Rasa and its questions come back, listening to the student.
        for answer in ANSWERS[:2]:
            before = len(telegram_api.calls_of("sendMessage"))
            telegram_api.push(text_update(STUDENT, answer))
            assert _settled(telegram_api, before)
        export = repo.export_student(sender)
        assert export["experience"] == ANSWERS[0]
        everything = [p["text"] for p in telegram_api.calls_of("sendMessage")]
        assert "trots" in " ".join(everything[1:])  # Rasa listened back (ANSWERS[0])
        assert not [t for t in everything if re.search(r"\b(waarom|hoezo)\b", t, re.IGNORECASE)]

        # Rasa keeps its tracker under the pseudonym; the Telegram user id is nowhere.
        with repo.engine.connect() as connection:
            assert connection.execute(
                sql("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender}
            ).scalar()
            for table in ("students", "events", "pending_messages"):
                rows = connection.execute(sql(f"SELECT * FROM {table}")).all()
                assert not any(str(STUDENT) in repr(row) for row in rows)

        # A step due today (stored as the reflection's last part stores it): /acties shows it.
        step_id = repo.save_action_step(sender, STEP, clock.now.date(), "mijn mentor")
        before = len(telegram_api.calls_of("sendMessage"))
        telegram_api.push(text_update(STUDENT, "/acties"))
        listing = wait_for(
            lambda: [
                t
                for t in telegram_api.texts_to(STUDENT)[before:]
                if t.startswith(texts.ACTIONS_HEADER)
            ],
            what="/acties",
        )[0]
        assert SAID_STEP[:1].upper() + SAID_STEP[1:] in listing  # /acties says it with "je"

        # In the daytime of the due date the follow-up comes; "Gelukt" marks the step done and
        # Rasa hears it.
        before = len(telegram_api.calls_of("sendMessage"))
        clock.now = clock.now.replace(hour=10) + timedelta(minutes=1)
        followup = wait_for(
            lambda: [
                p
                for p in telegram_api.calls_of("sendMessage")[before:]
                if "f:" in str(p.get("reply_markup"))
            ],
            timeout=15,
            what="follow-up",
        )[0]
        assert SAID_STEP in followup["text"]
        before = len(telegram_api.calls_of("sendMessage"))
        telegram_api.push(press_update(STUDENT, followup, texts.FOLLOWUP_BUTTONS["g"]))
        assert _settled(telegram_api, before)
        steps = [s for c in repo.export_student(sender)["conversations"] for s in c["action_steps"]]
        assert [s["status"] for s in steps if s["id"] == step_id] == ["gedaan"]
    finally:
        bot.stop()
        repo.erase_student(sender)
        repo.engine.dispose()
