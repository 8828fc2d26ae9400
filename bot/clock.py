"""The one "today" of the product: the date in the students' timezone (LEMNISCAAT_TIMEZONE),
or the date LEMNISCAAT_TODAY sets (demos and tests that move the clock without waiting)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.config import settings


def today(timezone: str | None = None) -> date:
    current = settings()
    if current.today:
        return date.fromisoformat(current.today)
    return datetime.now(ZoneInfo(timezone or current.timezone)).date()
