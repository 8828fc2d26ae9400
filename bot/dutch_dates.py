"""Dates as people read them in Dutch, in one place: the long form the students hear
("vrijdag 27 november") and the short form coaches see in tables and exports ("27-11-2026").
Parsing what students type is bot/nlp/dates.py; "today" is bot/clock.py."""

from __future__ import annotations

from datetime import date, datetime

from bot import clock

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(value: date) -> str:
    """'vrijdag 27 november', with the year when it is not this year's ('... 2027')."""
    if isinstance(value, datetime):
        value = value.date()
    text = f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]}"
    return text if value.year == clock.today().year else f"{text} {value.year}"


def short_date(value: date | None) -> str:
    """'27-11-2026' (day-month-year, as Dutch tables write it); '' for no date."""
    return value.strftime("%d-%m-%Y") if value is not None else ""


def short_moment(value: datetime | None) -> str:
    """'27-11-2026 14:05'; '' for no moment."""
    return value.strftime("%d-%m-%Y %H:%M") if value is not None else ""
