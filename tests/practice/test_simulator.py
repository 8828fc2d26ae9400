import pytest

from bot.practice.personas import PERSONAS, get_persona, persona_menu
from bot.practice.simulator import PARTS, SimulatedStudent

GOOD_SEQUENCE = [
    "Hoi, fijn dat je er bent.",
    "Vertel eens over een moment van de laatste weken dat je is bijgebleven.",
    "Dat klinkt als iets wat je echt raakte.",
    "Wat gebeurde er precies?",
    "En wat gebeurde er toen?",
    "Waar kom je dat nog meer tegen, in andere situaties?",
    "Wat vind je belangrijk in die verhalen? Welk woord past erbij?",
    "Wat betekent dat woord voor je keuze volgend jaar?",
    "Wat wordt je eerste stap, en wanneer?",
]


def student(key="noor", seed=0):
    return SimulatedStudent(get_persona(key), seed=seed)


def test_at_least_four_personas_with_a_full_hidden_story():
    assert len(PERSONAS) >= 4 and len(persona_menu()) == len(PERSONAS)
    for p in PERSONAS.values():
        for name in ("experience", "details", "other_situations", "qualities", "motives",
                     "kernwoord_lines", "options", "next_steps"):
            assert getattr(p, name), (p.key, name)
        assert any(p.kernwoord in line for line in p.kernwoord_lines), p.key


@pytest.mark.parametrize("key", sorted(PERSONAS))
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_good_sequence_reaches_kernwoord_and_steps(key, seed):
    s = student(key, seed)
    replies = [s.reply(line) for line in GOOD_SEQUENCE]
    p = s.persona
    assert replies[1] in p.experience
    assert replies[3] == p.details[0]
    assert replies[5] == p.other_situations[0]
    assert p.kernwoord in replies[6]
    assert replies[-1] in p.next_steps
    assert s.state.kernwoord_named and s.state.steps_told == 1
    assert s.state.parts_reached == list(PARTS)


@pytest.mark.parametrize("key", sorted(PERSONAS))
def test_why_question_gets_an_evasive_answer(key):
    s = student(key)
    s.reply(GOOD_SEQUENCE[1])
    reply = s.reply("Waarom vond je dat zo belangrijk?")
    assert reply in s.persona.evasive
    assert s.state.why_questions == 1
    # ... and the next answer still sounds hesitant.
    assert s.reply("Wat gebeurde er precies?").startswith("eh.. ")


@pytest.mark.parametrize("key", sorted(PERSONAS))
def test_closed_question_gets_a_short_answer(key):
    s = student(key)
    s.reply(GOOD_SEQUENCE[1])
    reply = s.reply("Was het druk op je stage?")
    assert reply in s.persona.yes + s.persona.no
    assert len(reply.split()) <= 3


def test_filling_in_and_advice_get_half_hearted_agreement_without_progress():
    s = student("mehmet")
    s.reply(GOOD_SEQUENCE[1])
    assert s.reply("Je was eigenlijk gewoon bang om te falen.") in s.persona.go_along
    assert s.reply("Je moet gewoon een planning maken.").startswith(tuple(s.persona.go_along))
    assert s.state.filled_in == 1 and s.state.advised == 1
    assert s.state.details_told == 0 and not s.state.kernwoord_named


def test_kernwoord_not_named_before_details_and_broadening():
    s = student("lieke")
    s.reply("Vertel eens over een ervaring die je is bijgebleven.")
    reply = s.reply("Welk woord past daarbij, wat vind je belangrijk?")
    assert s.persona.kernwoord not in reply and not s.state.kernwoord_named


def test_details_need_attention_for_the_feeling_first():
    s = student("kevin")
    s.reply(GOOD_SEQUENCE[1])
    assert s.reply("Wat gebeurde er precies?") in s.persona.flat_details
    assert s.state.details_told == 0


def test_no_steps_before_the_kernwoord():
    s = student("noor")
    s.reply(GOOD_SEQUENCE[1])
    assert s.reply("Wat wordt je eerste stap?") in s.persona.lost
    assert "activeren" not in s.state.parts_reached


def test_no_experience_without_an_invitation():
    s = student("noor")
    assert s.reply("Wat vind je belangrijk in je werk?") not in s.persona.experience
    assert not s.state.told_experience


def test_deterministic_per_seed_and_varied_across_seeds():
    lines = GOOD_SEQUENCE + ["Waarom?", "Hoezo?", "Ben je blij?", "Is het leuk?"]
    s1, s2 = student("noor", 3), student("noor", 3)
    assert [s1.reply(l) for l in lines] == [s2.reply(l) for l in lines]
    variants = {tuple(student("noor", seed).reply(l) for l in lines) for seed in range(6)}
    assert len(variants) > 1
