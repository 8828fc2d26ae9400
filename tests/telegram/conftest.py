"""Fixtures for the Telegram channel: fake Bot API and fake Rasa on loopback sockets, and a
factory that runs the real Application against them."""

from __future__ import annotations

import pytest
from telegram_fakes import CHAT_ID_KEY, HASH_KEY, BackgroundLoop, FakeRasa, FakeTelegram, PollingBot

from bot.config import reset_settings_cache


@pytest.fixture()
def background():
    loop = BackgroundLoop()
    yield loop
    loop.close()


@pytest.fixture()
def telegram_api(background):
    api = FakeTelegram(background)
    api.start()
    yield api
    api.stop()


@pytest.fixture()
def fake_rasa(background, database_url, monkeypatch):
    """Not listening yet: call .start() (tests of "Rasa is down" start it later)."""
    rasa = FakeRasa(background)
    monkeypatch.setenv("RASA_URL", rasa.url)
    reset_settings_cache()
    yield rasa
    rasa.stop()


@pytest.fixture()
def start_bot(telegram_api, repo):
    """start_bot(**build_application options) -> running PollingBot; stopped after the test."""
    from bot.telegram.app import build_application

    running = []

    def start(**options):
        options.setdefault("hash_key", HASH_KEY)
        options.setdefault("chat_id_key", CHAT_ID_KEY)
        options.setdefault("retry_base_delay", 0.05)
        application = build_application("123456:TEST", telegram_api.base_url, repo=repo, **options)
        bot = PollingBot(application)
        bot.start()
        running.append(bot)
        return bot

    yield start
    for bot in running:
        bot.stop()
