"""Webhook mode (TELEGRAM_WEBHOOK_URL set): PTB's own tornado server receives updates, and only
requests carrying the secret token are accepted."""

from __future__ import annotations

import httpx
from telegram_fakes import HASH_KEY, PollingBot, free_port, text_update, wait_for, welcome_text

from bot.telegram.app import build_application, serve, webhook_secret


def test_webhook_mode_registers_and_accepts_only_telegram(telegram_api, repo):
    application = build_application(
        "123456:TEST", telegram_api.base_url, repo=repo, hash_key=HASH_KEY
    )
    port = free_port()
    public_url = "https://lemniscaat.example.nl/telegram/hook"
    secret = webhook_secret("123456:TEST", HASH_KEY)
    bot = PollingBot(
        application,
        run=lambda: serve(
            application,
            public_url,
            secret=secret,
            listen="127.0.0.1",
            port=port,
            stop_signals=None,
            close_loop=True,
        ),
    )
    bot.start()
    try:
        registered = wait_for(lambda: telegram_api.calls_of("setWebhook"), what="setWebhook")[0]
        assert registered["url"] == public_url and registered["secret_token"] == secret
        assert registered["allowed_updates"] == ["message", "callback_query"]

        update = {"update_id": 1, **text_update(1001, "/start")}
        local = f"http://127.0.0.1:{port}/telegram/hook"
        refused = httpx.post(
            local, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}
        )
        assert refused.status_code == 403
        accepted = httpx.post(
            local, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
        )
        assert accepted.status_code == 200
        wait_for(lambda: welcome_text() in telegram_api.texts_to(1001), what="welcome via webhook")
        assert telegram_api.texts_to(1001).count(welcome_text()) == 1
    finally:
        bot.stop()
