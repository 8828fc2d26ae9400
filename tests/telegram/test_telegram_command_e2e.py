"""`lemniscaat telegram`, as `make run` starts it: a separate process configured only by the
environment (TELEGRAM_BOT_TOKEN, TELEGRAM_API_BASE_URL), against a Bot API server on loopback
and the real Rasa servers."""

from __future__ import annotations

import subprocess
import sys

import pytest
from telegram_fakes import button_message, press_update, text_update, wait_for

pytestmark = pytest.mark.e2e
STUDENT = 4242


def test_the_telegram_command_serves_a_student(rasa_stack, telegram_api):
    env = {
        **rasa_stack.env,
        "TELEGRAM_BOT_TOKEN": "123456:CMD",
        "TELEGRAM_API_BASE_URL": telegram_api.base_url,
        "SENDER_HASH_KEY": "test-key",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "telegram"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: telegram_api.calls_of("setMyCommands"), timeout=60, what="the menu")
        telegram_api.push(text_update(STUDENT, "/start"))
        accept = wait_for(
            lambda: button_message(telegram_api, "Akkoord"), timeout=30, what="the privacy text"
        )
        telegram_api.push(press_update(STUDENT, accept, "Akkoord"))
        wait_for(
            lambda: any("ervaring" in t or "moment" in t for t in telegram_api.texts_to(STUDENT)),
            timeout=30,
            what="the first question",
        )
        telegram_api.push(
            text_update(
                STUDENT,
                "Vorige week heb ik op mijn stage alleen de kassa gedaan en ik was zenuwachtig",
            )
        )
        wait_for(
            lambda: any("zenuwachtig" in t for t in telegram_api.texts_to(STUDENT)),
            timeout=30,
            what="the acknowledgement of the emotion word",
        )
        telegram_api.push(text_update(STUDENT, "ik zie het echt niet meer zitten"))
        wait_for(
            lambda: any("0800-0113" in t for t in telegram_api.texts_to(STUDENT)),
            timeout=30,
            what="the crisis reply",
        )
    finally:
        process.terminate()
        process.wait(timeout=20)
