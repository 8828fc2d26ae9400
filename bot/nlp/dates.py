"""Understand the dates students write for an action step ("vrijdag", "volgende week
dinsdag", "15 maart", "over twee weken", "eind van de maand"). Saying dates back in Dutch:
bot/dutch_dates.py.

Hand-written on purpose: the phrases are few and well known, the result must be
predictable, and general date libraries misread Dutch relative phrases.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from bot.dutch_dates import MONTHS, WEEKDAYS
from bot.nlp.answers import ENGLISH_NUMBERS, NUMBER_WORDS

_WEEKDAY_ALIASES = {name: i for i, name in enumerate(WEEKDAYS)}
_WEEKDAY_ALIASES.update({"woensdg": 2, "donderdg": 3, "vrijdg": 4, "vrydag": 4, "zaterdg": 5})
_MONTH_ALIASES = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_ALIASES.update({name[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_ALIASES.update({"mrt": 3, "sept": 9, "febr": 2, "aug": 8, "okt": 10, "dec": 12})
_NUMBERS = {**NUMBER_WORDS, **ENGLISH_NUMBERS, "paar": 2, "anderhalve": 1, "couple": 2}

# English day names and their short forms ("next friday", "mon").
_ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ALIASES.update({name: i for i, name in enumerate(_ENGLISH_DAYS)})
_WEEKDAY_ALIASES.update({name[:3]: i for i, name in enumerate(_ENGLISH_DAYS)})
_WEEKDAY_ALIASES.update({"tues": 1, "thurs": 3, "weds": 2})
_WEEKDAY_RE = "|".join(sorted(_WEEKDAY_ALIASES, key=len, reverse=True))
# Chat Dutch's two-letter days, read only at the start of a short answer ("vr", "ma na
# school", "do om 4"): "do", "zo" and "di" are words too. "zo" (Sunday, and "soon") is left out.
_SHORT_DAYS = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5}
_SHORT_DAY = re.compile(
    r"^(ma|di|wo|do|vr|za)\.?(?:\s+(?:na|om|in\s+de|voor|tussen|rond|ochtend|middag|avond|"
    r"morgen|\d)[\w\s:.]*)?$"
)
_MONTH_RE = "|".join(sorted(_MONTH_ALIASES, key=len, reverse=True))


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _with_year(day: int, month: int, year: int | None, today: date) -> date | None:
    try:
        if year is not None:
            return date(year + 2000 if year < 100 else year, month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def _add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def parse_dutch_date(text: str, today: date) -> date | None:
    """The date meant by ``text`` relative to ``today``; None when it names no date."""
    t = re.sub(r"\s+", " ", (text or "").lower().strip())
    if not t:
        return None

    # ISO and numeric dates: 2026-12-01, 15-3, 15/03/2027, 15.3
    if m := re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", t):
        return _with_year(int(m.group(3)), int(m.group(2)), int(m.group(1)), today)
    if m := re.search(r"\b(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2,4}))?\b", t):
        return _with_year(
            int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None, today
        )
    # 15 maart (2027), 1 okt
    if m := re.search(rf"\b(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH_RE})\.?\b(?:\s+(\d{{4}}))?", t):
        return _with_year(
            int(m.group(1)),
            _MONTH_ALIASES[m.group(2)],
            int(m.group(3)) if m.group(3) else None,
            today,
        )

    if re.search(r"\b(?:overmorgen|day after tomorrow)\b", t):
        return today + timedelta(days=2)
    if re.search(r"\b(?:morgen|tomorrow|tmrw|tmr|tomorow)\b", t):
        return today + timedelta(days=1)
    if re.search(
        r"\b(?:vandaag|vanavond|vanmiddag|straks|nu meteen|zo meteen|today|tonight|later today)\b",
        t,
    ):
        return today
    if m := _SHORT_DAY.match(t):
        ahead = (_SHORT_DAYS[m.group(1)] - today.weekday()) % 7
        return today + timedelta(days=ahead or 7)
    # "de 15e", "the 15th": that day of this month, or of the next when it has passed
    if m := re.search(r"\b(?:de|the|on the)\s+(\d{1,2})(?:e|ste|de|st|nd|rd|th)\b", t):
        day = int(m.group(1))
        for months in (0, 1, 2):
            start = _add_months(today.replace(day=1), months)
            if day <= calendar.monthrange(start.year, start.month)[1]:
                candidate = start.replace(day=day)
                if candidate >= today:
                    return candidate

    # over twee weken / over 3 dagen / over een maand / in 2 weeks
    if m := re.search(
        r"\b(?:over|in)\s+(?:een\s+|a\s+)?(\w+)?\s*"
        r"(dag|dagen|week|weken|maand|maanden|days?|weeks?|months?)\b",
        t,
    ):
        count = _number(m.group(1)) if m.group(1) else 1
        if count is not None:
            unit = m.group(2)
            if unit.startswith(("dag", "day")):
                return today + timedelta(days=count)
            if unit.startswith("we"):
                return today + timedelta(weeks=count)
            return _add_months(today, count)

    monday = today - timedelta(days=today.weekday())
    # volgende week dinsdag / dinsdag volgende week / dinsdag over een week
    if m := re.search(
        rf"\b(?:volgende|komende)\s+week\s+(?:op\s+)?({_WEEKDAY_RE})\b", t
    ) or re.search(rf"\b({_WEEKDAY_RE})\s+(?:van\s+)?(?:volgende|komende)\s+week\b", t):
        return monday + timedelta(days=7 + _WEEKDAY_ALIASES[m.group(1)])
    if m := re.search(rf"\b({_WEEKDAY_RE})\s+over\s+een\s+week\b", t):
        return monday + timedelta(days=7 + _WEEKDAY_ALIASES[m.group(1)])
    # (deze|komende|aanstaande) vrijdag, or just "vrijdag" ("vrijdagmiddag"): the next one after today
    if m := re.search(rf"\b({_WEEKDAY_RE})(?:ochtend|middag|avond|nacht|morgen)?\b", t):
        ahead = (_WEEKDAY_ALIASES[m.group(1)] - today.weekday()) % 7
        return today + timedelta(days=ahead or 7)

    if re.search(r"\b(?:dit|het|in het|komend)\s+weekend\b|\bweekend\b", t):
        return today + timedelta(days=(5 - today.weekday()) % 7)
    if re.search(r"\b(?:volgende|komende|next)\s+week\b", t):
        return monday + timedelta(days=7)
    # "deze week": by Friday; at the weekend the week is nearly over, so today
    if re.search(r"\b(?:deze|dees|dit|this)\s+week\b", t) and not re.search(r"\b(?:eind|end)", t):
        return monday + timedelta(days=4) if today.weekday() <= 4 else today
    if re.search(
        r"\beind(?:e)?\s+(?:van\s+)?(?:de(?:ze)?\s+|vd\s+)?maand\b|\bend of (?:the|this) month\b", t
    ):
        return date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    if re.search(r"\b(?:begin\s+)?(?:volgende|komende)\s+maand\b", t):
        return _add_months(today.replace(day=1), 1)
    if re.search(r"\beind(?:e)?\s+(?:van\s+)?(?:deze\s+)?week\b", t):
        return monday + timedelta(days=4)
    return None
