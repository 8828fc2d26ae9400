"""Every setting of the product, read from the environment with a sane default.

This is the one module that reads ``os.environ``; everything else asks ``settings()``.
The README lists each variable.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"
# The saved Dutch spaCy pipeline (blank "nl" + lookup lemmatizer). config.yml names the
# same relative path for Rasa's SpacyNLP, which cannot read environment variables.
SPACY_MODEL_DIR = VAR_DIR / "spacy_nl"


@dataclass(frozen=True)
class Settings:
    database_url: str
    rasa_url: str
    timezone: str
    max_message_chars: int
    sender_hash_key: str
    telegram_bot_token: str
    telegram_api_base_url: str
    telegram_webhook_url: str
    web_host: str
    web_port: int
    web_secret_key: str
    followup_quiet_start_hour: int
    followup_quiet_end_hour: int


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings(
        database_url=_env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lemniscaat.db'}"),
        rasa_url=_env("RASA_URL", "http://localhost:5005").rstrip("/"),
        timezone=_env("LEMNISCAAT_TIMEZONE", "Europe/Amsterdam"),
        max_message_chars=int(_env("LEMNISCAAT_MAX_MESSAGE_CHARS", "1500")),
        sender_hash_key=_env("SENDER_HASH_KEY", "change-me-in-production"),
        telegram_bot_token=_env("TELEGRAM_BOT_TOKEN", ""),
        telegram_api_base_url=_env("TELEGRAM_API_BASE_URL", "https://api.telegram.org/bot"),
        telegram_webhook_url=_env("TELEGRAM_WEBHOOK_URL", ""),
        web_host=_env("WEB_HOST", "127.0.0.1"),
        web_port=int(_env("WEB_PORT", "8000")),
        web_secret_key=_env("WEB_SECRET_KEY", "dev-secret-change-me"),
        followup_quiet_start_hour=int(_env("FOLLOWUP_EARLIEST_HOUR", "9")),
        followup_quiet_end_hour=int(_env("FOLLOWUP_LATEST_HOUR", "21")),
    )


def reset_settings_cache() -> None:
    """Tests change the environment and call this to read it again."""
    settings.cache_clear()
