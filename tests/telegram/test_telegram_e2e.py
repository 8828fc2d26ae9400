"""A whole reflection conversation through the Telegram channel with the real Rasa and action
servers (the session fixture ``rasa_stack`` starts them and sets RASA_URL and
DATABASE_URL). Only Telegram is faked.

The test does not script Rasa's exact questions: it answers free-text questions from a list of a
student's answers, says "Ja" when asked to share, and otherwise presses the first button offered.
"""

from __future__ import annotations

import re
import secrets
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from reflection_script import answer_for
from sqlalchemy import text as sql
from telegram_fakes import PollingBot, press_update, text_update, wait_for

from bot.telegram import texts
from bot.telegram.identity import telegram_sender_id

pytestmark = pytest.mark.e2e

STUDENT = 777000333
# The student's typed answers, in the order the reflection asks (the kernwoord, "more steps"
# and sharing are answered with buttons).
ANSWERS = [
    "Vorige week gaf ik op mijn stage een presentatie over ons project en ik was er echt trots op.",
    "Mijn begeleider vroeg me het project aan het hele team uit te leggen, en iedereen stelde vragen.",
    "Bij de voetbalclub leg ik de jeugd ook oefeningen uit, dat geeft me hetzelfde gevoel.",
    "Ik kan goed uitleggen en ik blijf rustig als het spannend wordt.",
    "Ik vind het belangrijk dat anderen iets van me leren.",
    "Ik wil een minor in het onderwijs verkennen en misschien een meeloopdag doen.",
    "Een mail sturen naar de minorcoördinator over een meeloopdag.",
    "morgen",
    "samen met mijn mentor",
]
BUTTON_CHOICES = ("Ja, delen", "Nee, dit is genoeg")
MAX_TURNS = 30


def _answer_for(question: str, answers) -> str:
    return answer_for(question, answers, day="morgen", fallback="Ik weet het even niet.")


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def _rasa_stack(request):
    try:
        return request.getfixturevalue("rasa_stack")
    except pytest.FixtureLookupError:
        pytest.skip("the rasa_stack fixture (tests/conftest.py) is not there yet")


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


def test_whole_conversation_over_telegram(request, telegram_api):
    from bot.config import reset_settings_cache, settings
    from bot.storage.repository import Repository
    from bot.telegram.app import build_application

    _rasa_stack(request)
    reset_settings_cache()  # the fixture set RASA_URL and DATABASE_URL
    repo = Repository(settings().database_url)
    hash_key = secrets.token_hex(16)  # a fresh student in the shared session database
    sender = telegram_sender_id(STUDENT, hash_key)
    zone = ZoneInfo("Europe/Amsterdam")
    clock = Clock(datetime.now(zone).replace(hour=12))
    application = build_application(
        "123456:TEST",
        telegram_api.base_url,
        repo=repo,
        hash_key=hash_key,
        clock=clock,
        followup_every=0.5,
        retry_base_delay=0.05,
    )
    bot = PollingBot(application)
    bot.start()
    try:
        telegram_api.push(text_update(STUDENT, "/start"))
        terms = wait_for(lambda: telegram_api.calls_of("sendMessage"), what="terms")[0]
        before = len(telegram_api.calls_of("sendMessage"))
        telegram_api.push(press_update(STUDENT, terms, texts.ACCEPT_BUTTON))
        bot_said = _settled(telegram_api, before)

        answers = iter(ANSWERS)
        for _ in range(MAX_TURNS):
            export = repo.export_student(sender)
            if (
                export
                and export["action_steps"]
                and export.get("phase") in ("afronden", "afgerond")
            ):
                break
            last = bot_said[-1]
            before = len(telegram_api.calls_of("sendMessage"))
            buttons = [
                b["text"]
                for row in (last.get("reply_markup") or {}).get("inline_keyboard", [])
                for b in row
            ]
            if buttons:
                choice = next((b for b in buttons if b in BUTTON_CHOICES), buttons[0])
                telegram_api.push(press_update(STUDENT, last, choice))
            else:
                telegram_api.push(text_update(STUDENT, _answer_for(last["text"], answers)))
            bot_said = _settled(telegram_api, before)

        everything = [p["text"] for p in telegram_api.calls_of("sendMessage")]
        assert not [t for t in everything if re.search(r"\b(waarom|hoezo)\b", t, re.IGNORECASE)]
        export = repo.export_student(sender)
        assert export["action_steps"], "the conversation ended with an action step"

        # /acties shows it, in the channel's Dutch.
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
        assert export["action_steps"][0]["what"] in listing

        # Rasa keeps its tracker under the pseudonym; the Telegram user id is nowhere.
        with repo.engine.connect() as connection:
            assert connection.execute(
                sql("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender}
            ).scalar()
            for table in ("students", "events", "pending_messages"):
                rows = connection.execute(sql(f"SELECT * FROM {table}")).all()
                assert not any(str(STUDENT) in repr(row) for row in rows)

        # On the due date, the follow-up comes; "Gelukt" marks the step done and Rasa answers.
        step = export["action_steps"][0]
        if step["when"]:
            due = datetime.fromisoformat(step["when"]).replace(hour=10, tzinfo=zone)
            before = len(telegram_api.calls_of("sendMessage"))
            clock.now = max(due, clock.now.replace(hour=10)) + timedelta(minutes=1)
            followup = wait_for(
                lambda: [
                    p
                    for p in telegram_api.calls_of("sendMessage")[before:]
                    if "f:" in str(p.get("reply_markup"))
                ],
                timeout=15,
                what="follow-up",
            )[0]
            before = len(telegram_api.calls_of("sendMessage"))
            telegram_api.push(press_update(STUDENT, followup, texts.FOLLOWUP_BUTTONS["g"]))
            assert _settled(telegram_api, before)
            steps = [
                s for c in repo.export_student(sender)["conversations"] for s in c["action_steps"]
            ]
            assert [s["status"] for s in steps if s["id"] == step["id"]] == ["gedaan"]
    finally:
        bot.stop()
        repo.erase_student(sender)
        repo.engine.dispose()
