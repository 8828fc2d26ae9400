import pytest

from bot.nlp.crisis import assess, signals_crisis
from bot.nlp.normalize import normalise


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("zelf\u200bmoord", "zelfmoord"),  # zero-width space
        ("zelf\u200c\u200dmo\u2060ord\ufeff", "zelfmoord"),
        ("zelf\u00admoord", "zelfmoord"),  # soft hyphen
        ("ＩＫ ＷＩＬ ＤＯＯＤ", "ik wil dood"),  # full-width letters
        ("іk wіl dооd", "ik wil dood"),  # Cyrillic look-alikes
        ("z3lfm00rd", "zelfmoord"),
        ("ik wil dooooood", "ik wil dood"),
        ("wiiiil niiiiet meer", "wil niet meer"),
        ("k wil nie meer", "ik wil niet meer"),
        ("kheb egt geen zin", "ik heb echt geen zin"),
        ("m'n vader en mn moeder", "mijn vader en mijn moeder"),
        ("ik wil níet dood", "ik wil niet dood"),
        ("Ik Zie T Nie Meer Zitten", "ik zie het niet meer zitten"),
        ("dr is niks", "er is niks"),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def test_normalise_keeps_ages_and_numbers():
    assert normalise("ik ben 15 en heb 3 toetsen") == "ik ben 15 en heb 3 toetsen"


@pytest.mark.parametrize(
    "text",
    [
        "ik denk aan zelf\u200bmoord",
        "ik wil ＤＯＯＤ",
        "ik denk aan zelf\u00admoord",
        "ik wil dooooood",
        "k wil er nie meer zijn",
        "ZELFMOORDGEDACHTEN heb ik",
    ],
)
def test_disguised_crisis_words_are_caught(text):
    assert signals_crisis(text), text


def test_a_long_message_is_read_to_its_end():
    filler = (
        "ik vind mijn stage best leuk maar het plannen van mijn verslag gaat nog niet zo goed. "
    )
    text = (filler * 40)[:2970] + " ik wil er niet meer zijn"
    assert len(text) > 2990
    assert assess(text).level == "crisis"
    assert not signals_crisis((filler * 40)[:2990])


def test_normalise_is_safe_on_huge_input():
    assert normalise("a" * 200_000 + " zelf\u200bmoord").endswith("zelfmoord")
    assert normalise("") == ""


def test_codes_with_digits_between_letters_never_break_the_reading():
    # An invite code like "BVR9GY75" once crashed the whole turn (a digit missing from the map).
    for text in ("/koppel BVR9GY75", "koppel bvr9gy75", "a0b1c3d4e5f7g9h@i$j"):
        assert isinstance(normalise(text), str)
    from bot.nlp.crisis import assess

    assert assess("koppel BVR9GY75").level == "none"
