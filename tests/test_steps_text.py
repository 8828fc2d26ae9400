"""Action steps and dates as the student and the coach read them (bot/steps_text.py,
bot/dutch_dates.py): one wording for /acties, the summary and the coach's tables."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.config import reset_settings_cache
from bot.dutch_dates import long_date, short_date, short_moment
from bot.steps_text import shorten, steps_text


@pytest.fixture(autouse=True)
def today_is_2026(monkeypatch):
    monkeypatch.setenv("LEMNISCAAT_TODAY", "2026-05-04")
    reset_settings_cache()
    yield
    reset_settings_cache()


STEPS = [
    {"what": "Mijn stagebegeleider mailen", "when": "2026-05-08", "who": "Jan", "status": "gedaan"},
    {"what": "Open dag bezoeken", "when": None, "who": None, "status": "open"},
    {"what": "Portfolio afmaken", "when": "2027-01-15", "who": None, "status": "vervallen"},
]


def test_long_date_names_the_year_only_when_it_is_not_this_year():
    assert long_date(date(2026, 5, 8)) == "vrijdag 8 mei"
    assert long_date(date(2027, 1, 15)) == "vrijdag 15 januari 2027"
    assert long_date(datetime(2025, 3, 14, 10, 0)) == "vrijdag 14 maart 2025"


def test_the_year_follows_the_products_today(monkeypatch):
    monkeypatch.setenv("LEMNISCAAT_TODAY", "2027-01-01")
    reset_settings_cache()
    assert long_date(date(2027, 1, 15)) == "vrijdag 15 januari"
    assert long_date(date(2026, 5, 8)) == "vrijdag 8 mei 2026"


def test_short_forms_for_the_coach():
    assert short_date(date(2026, 3, 4)) == "04-03-2026"
    assert short_date(datetime(2026, 3, 4, 23, 59)) == "04-03-2026"
    assert short_moment(datetime(2026, 3, 4, 9, 5)) == "04-03-2026 09:05"
    assert short_date(None) == "" and short_moment(None) == ""


def test_the_acties_listing_has_when_who_and_status_in_the_students_words():
    # The student's steps come back in the second person, never as "Mijn ...".
    assert steps_text(STEPS, listing=True).splitlines() == [
        "1. Je mailt je stagebegeleider",
        "   Wanneer: vrijdag 8 mei",
        "   Met wie: Jan",
        "   Stand: gedaan",
        "2. Je bezoekt open dag",
        "   Stand: nog te doen",
        "3. Je maakt Portfolio af",
        "   Wanneer: vrijdag 15 januari 2027",
        "   Stand: niet meer nodig",
    ]


def test_the_summary_has_one_short_line_per_step():
    long_step = {"what": "heel " * 60, "when": "2026-05-08", "who": None, "status": "open"}
    lines = steps_text([*STEPS[:2], long_step], listing=False).splitlines()
    assert lines[0] == "  1. je mailt je stagebegeleider: vrijdag 8 mei (met Jan)"
    assert lines[1] == "  2. je bezoekt open dag: nog geen datum"
    assert lines[2].startswith("  3. heel heel") and lines[2].endswith("…: vrijdag 8 mei")
    assert len(shorten("heel " * 60)) == 160


def test_a_coach_view_step_with_a_date_object_reads_the_same():
    step = {"what": "Mailen", "due_date": date(2026, 5, 8), "who": None, "status": "open"}
    assert steps_text([step], listing=False) == "  1. je mailt: vrijdag 8 mei"


def test_the_coachs_pdf_line_uses_the_short_date_and_the_coachs_status_label():
    from bot.steps_text import coach_step_details

    step = {"what": "Mailen", "due_date": date(2026, 5, 8), "who": "Jan", "status": "gedaan"}
    assert coach_step_details(step) == "wanneer: 08-05-2026; met wie: Jan; status: Gedaan"
    bare = {"what": "Iets", "due_date": None, "who": None, "status": "bijgesteld"}
    assert coach_step_details(bare) == "wanneer: nog niet bepaald; status: Bijgesteld"
