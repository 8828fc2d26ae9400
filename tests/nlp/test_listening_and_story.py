"""Listening back (NIVEA: only the student's own words, never the whole answer), depth by
meaning (rule 5), and the small judgements the reflection makes about answers."""

from __future__ import annotations

import re

import pytest

from bot.nlp.answers import (
    is_no_helper,
    is_not_an_answer,
    is_skip,
    is_vague_step,
    scale_1_to_10,
    step_outcome,
)
from bot.nlp.listening import content_words, listen_back
from bot.nlp.story import (
    OTHER,
    SAME,
    late_detail,
    may_be_the_same_moment,
    missing_details,
    which_moment,
)

ANSWERS = [
    "Ik moest gisteren op stage een presentatie geven voor het hele team en ik was super zenuwachtig",
    "ik heb het probleem zelf opgelost zonder hulp van mijn begeleider",
    "Het is niet gelukt omdat ik ziek was",
    "doorzetten en plannen",
    "Ik vind het belangrijk dat mensen zich gehoord voelen",
    "met klanten praten en ze helpen",
    "Bij de voetbalclub leg ik de jeugd ook oefeningen uit, dat geeft me hetzelfde gevoel.",
    "mn docent zei dat het slecht was en ik baalde egt",
    "De klant wilde een ander model en ik heb goed gevraagd wat ze bedoelde",
]


@pytest.mark.parametrize("answer", ANSWERS)
def test_the_phrase_is_a_verbatim_piece_of_the_answer_and_never_all_of_it(answer):
    phrase = listen_back(answer)
    assert phrase, answer
    assert phrase in answer  # NIVEA: the student's own words, in their own spelling
    assert len(phrase.split()) < len(re.findall(r"\w+", answer))


def test_the_phrase_keeps_an_emotion_word_with_its_intensifier_and_a_negation_with_its_verb():
    assert listen_back(ANSWERS[0]) == "super zenuwachtig"
    assert listen_back(ANSWERS[2]) == "niet gelukt"
    assert "opgelost" in listen_back(ANSWERS[1])


def test_no_echo_for_an_answer_too_short_to_echo_without_quoting_it():
    assert listen_back("plannen") is None
    assert listen_back("ja") is None
    assert listen_back("") is None


def test_stop_words_and_fillers_are_never_the_echo():
    assert listen_back("ik weet het eigenlijk gewoon niet zo goed") is None
    assert content_words("ik vind het gewoon echt wel leuk") == ["leuk"]


def test_a_story_without_people_speech_action_or_feeling_lacks_all_four():
    assert missing_details("gisteren op stage ging het mis") == ["who", "said", "did", "felt"]


def test_a_concrete_story_lacks_nothing():
    assert (
        missing_details("Mijn docent zei dat het slecht was en ik schrok, ik ben toen weggelopen")
        == []
    )


def test_the_missing_details_come_in_asking_order():
    assert missing_details("de klant werd boos en ik bleef rustig") == ["said"]
    assert missing_details("mijn begeleider vroeg of ik wilde presenteren") == ["did", "felt"]
    # someone's act after an "en": "hij wilde niet en gooide ..." tells what happened
    assert missing_details("ik moest een meneer helpen, hij wilde niet en gooide zn bord weg") == [
        "did",
        "felt",
    ]
    assert missing_details("hij wilde niet en ik bleef rustig") == ["said", "felt"]


@pytest.mark.parametrize(
    "text", ["weet ik niet", "geen idee", "nee", "Nee hoor", "geen", "idk", "weet niet"]
)
def test_not_knowing_and_a_bare_no_are_never_answers(text):
    assert is_not_an_answer(text)


@pytest.mark.parametrize(
    "text",
    ["nee, ik vond het juist leuk", "ik weet niet of ik het goed deed, maar ik bleef rustig"],
)
def test_an_answer_that_starts_with_no_is_still_an_answer(text):
    assert not is_not_an_answer(text)


def test_skip_helper_and_vague_step():
    assert (
        is_skip("overslaan")
        and is_skip("sla maar over")
        and not is_skip("ik sla nooit iets over op school")
    )
    assert is_no_helper("niemand") and is_no_helper("geen idee") and not is_no_helper("mijn mentor")
    assert is_vague_step("mijn best doen") and is_vague_step("ik ga harder werken")
    assert not is_vague_step("vrijdag mijn mentor mailen over de minor")


@pytest.mark.parametrize(
    "text,score",
    [
        ("8", 8),
        ("een 7 denk ik", 7),
        ("acht", 8),
        ("10!", 10),
        ("tien", 10),
        ("geen idee", None),
        ("elf", None),
        ("eight", 8),
        ("like a seven", 7),
        ("no one", None),
    ],
)
def test_scale(text, score):
    assert scale_1_to_10(text) == score


@pytest.mark.parametrize(
    "text,outcome",
    [
        ("Het is gelukt", "gedaan"),
        ("gedaan!", "gedaan"),
        ("Het is nog niet gelukt", "open"),
        ("ik ben er niet aan toegekomen", "open"),
        ("nee niet gegaan, was ziek", "open"),
        ("was ziek", "open"),
        ("had geen tijd voor", "open"),
        ("ik ben gegaan, het was leuk", "gedaan"),
        ("heb mn mentor gemaild", "gedaan"),
        ("heb het nog niet gemaild", "open"),
        ("is er niet van gekomen", "open"),
        ("Het liep anders dan gepland", None),
        ("ik heb het anders aangepakt", "bijgesteld"),
        ("Die stap hoeft niet meer", "vervallen"),
        ("ik was op de open dag", None),
    ],
)
def test_step_outcomes(text, outcome):
    assert step_outcome(text) == outcome


def test_someone_doing_something_is_what_was_said_or_done():
    # "Wat werd er precies gezegd of gedaan?" is not asked after it was told
    assert "said" not in missing_details("ik was boos en mn begeleider liet zien hoe het moest")
    assert "said" not in missing_details("de klant gaf me een fooi")
    assert "said" in missing_details("mijn mentor was er niet")  # being is no doing


@pytest.mark.parametrize(
    ("text", "late"),
    [
        ("ik dacht ik kan dit niet", True),
        ("ik werd er zenuwachtig van", True),
        ("ik was ook een keer zenuwachtig bij mn rijexamen", False),  # another moment
        ("ik werd boos op mn moeder thuis", False),
        ("vorige week op stage dacht ik dat ik het niet kon", False),
        # what the student did then, pointing back at the moment
        ("ik heb gezegd dat het niet erg was en een nieuw bord gehaald", True),
        ("toen zei ik sorry tegen hem", True),
        ("ik zei tegen mn baas dat ik wilde stoppen", False),  # nothing points back
        ("ik heb ook een keer gezegd dat het genoeg was", False),
    ],
)
def test_a_thought_feeling_or_act_sent_after_the_story_is_a_late_detail(text, late):
    assert late_detail(text) is late


@pytest.mark.parametrize(
    ("text", "maybe"),
    [
        ("mn collega hielp me opruimen en zei dat het iedereen gebeurt", True),
        ("hij zei dat het niet erg was en gaf me een knuffel", True),
        ("mn opa was ziek en ik heb hem elke dag eten gebracht", False),
        ("de klant werd boos op mij op mn vorige werk", False),
        ("mijn docent gaf me vorig jaar ook een compliment", False),
    ],
)
def test_a_story_of_someone_in_the_setting_may_go_on_with_the_first_moment(text, maybe):
    assert may_be_the_same_moment(text) is maybe


@pytest.mark.parametrize(
    ("reply", "moment"),
    [
        ("hetzelfde moment", SAME),
        ("een ander moment", OTHER),
        ("ja", SAME),
        ("nee, een ander", OTHER),
        ("nog het eerste", SAME),
        ("op school had ik ook zoiets", None),
    ],
)
def test_the_reply_to_which_moment(reply, moment):
    assert which_moment(reply) == moment
