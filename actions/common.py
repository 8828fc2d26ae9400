"""What every action needs: the repository and today's date in the product's timezone."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.config import settings
from bot.storage import Repository, repository


def repo() -> Repository:
    return repository()


def today() -> date:
    """Today in the product's timezone, or the date LEMNISCAAT_TODAY sets (tests move the clock)."""
    if settings().today:
        return date.fromisoformat(settings().today)
    return datetime.now(ZoneInfo(settings().timezone)).date()
