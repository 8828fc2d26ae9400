from datetime import date

import pytest

from bot.nlp.dates import parse_dutch_date

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    "text, expected",
    [
        ("vrijdag", date(2026, 11, 27)),
        ("aanstaande vrijdag", date(2026, 11, 27)),
        ("woensdag", date(2026, 12, 2)),  # today's weekday means next week's
        ("volgende week dinsdag", date(2026, 12, 1)),
        ("dinsdag volgende week", date(2026, 12, 1)),
        ("15 maart", date(2027, 3, 15)),  # already past this year -> next year
        ("1 december", date(2026, 12, 1)),
        ("3 jan 2027", date(2027, 1, 3)),
        ("over twee weken", date(2026, 12, 9)),
        ("over 3 dagen", date(2026, 11, 28)),
        ("over elf dagen", date(2026, 12, 6)),
        ("over een paar weken", date(2026, 12, 9)),
        ("over een maand", date(2026, 12, 25)),
        ("morgen na school", date(2026, 11, 26)),
        ("overmorgen", date(2026, 11, 27)),
        ("vandaag nog", TODAY),
        ("eind van de maand", date(2026, 11, 30)),
        ("volgende week", date(2026, 11, 30)),
        ("dit weekend", date(2026, 11, 28)),
        ("12-12", date(2026, 12, 12)),
        ("2027-02-01", date(2027, 2, 1)),
        ("ik denk vrijdag ofzo", date(2026, 11, 27)),
    ],
)
def test_dutch_date_phrases(text, expected):
    assert parse_dutch_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["", "als ik zin heb", "weet ik niet", "31 februari", "binnenkort"]
)
def test_no_date_gives_none(text):
    assert parse_dutch_date(text, TODAY) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("vr", date(2026, 11, 27)),  # chat Dutch's two-letter days
        ("ma na school", date(2026, 11, 30)),
        ("do om 4", date(2026, 11, 26)),
        ("wo", date(2026, 12, 2)),
        ("de 15e", date(2026, 12, 15)),  # the 25th is today: the 15th is next month's
        ("eind vd maand", date(2026, 11, 30)),
        ("tomorrow", date(2026, 11, 26)),
        ("tmrw after school", date(2026, 11, 26)),
        ("maybe next monday", date(2026, 11, 30)),
        ("friday", date(2026, 11, 27)),
        ("thu around 4", date(2026, 11, 26)),
        ("in 2 weeks", date(2026, 12, 9)),
        ("in two weeks", date(2026, 12, 9)),
        ("next week", date(2026, 11, 30)),
        ("tonight", TODAY),
        ("end of the month", date(2026, 11, 30)),
    ],
)
def test_chat_and_english_date_phrases(text, expected):
    assert parse_dutch_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["zo", "ik do het", "do je best", "in de week", "ma en pa"])
def test_two_letter_words_that_are_no_day(text):
    assert parse_dutch_date(text, TODAY) is None
