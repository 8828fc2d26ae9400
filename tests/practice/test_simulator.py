import pytest

from bot.lemniscate import PARTS
from bot.practice.student.personas import PERSONAS, get_persona, persona_menu
from bot.practice.student.simulator import SimulatedStudent

# Leading well: experience, a reflection of the feeling, what happened, other situations, working
# towards the kernwoord over three turns, then options and a first step.
GOOD_SEQUENCE = [
    "Hoi, fijn dat je er bent.",
    "Vertel eens over een moment van de laatste weken dat je is bijgebleven.",
    "Dat klinkt als iets wat je echt raakte.",
    "Wat gebeurde er precies?",
    "En wat gebeurde er toen?",
    "Waar kom je dat nog meer tegen, in andere situaties?",
    "Wat vind je belangrijk in die verhalen?",
    "Dus dat is echt belangrijk voor je.",
    "Welk woord past bij wat je nu zegt?",
    "Wat betekent dat woord voor je keuze volgend jaar?",
    "Wat wordt je eerste stap, en wanneer?",
]
EXPERIENCE = GOOD_SEQUENCE[1]


def without_hint(reply, persona):
    return reply.replace(". " + persona.distress_hint, "") if persona.distress_hint else reply


def student(key="noor", seed=0):
    return SimulatedStudent(get_persona(key), seed=seed)


def good_sequence(persona):
    """The rambler needs the coach to pick one of the stories first."""
    if not persona.threads:
        return GOOD_SEQUENCE
    return (
        GOOD_SEQUENCE[:2]
        + [f"Laten we bij de {persona.threads[0][0][0]} blijven, wat gebeurde daar?"]
        + GOOD_SEQUENCE[2:]
    )


def test_seven_personas_with_a_full_hidden_story():
    assert len(PERSONAS) >= 7 and len(persona_menu()) == len(PERSONAS)
    for p in PERSONAS.values():
        for name in (
            "experience",
            "details",
            "other_situations",
            "qualities",
            "motives",
            "kernwoord_lines",
            "options",
            "next_steps",
            "feelings",
            "kernwoord_hints",
            "yes_but",
            "facts",
        ):
            assert getattr(p, name), (p.key, name)
        assert any(p.kernwoord in line for line in p.kernwoord_lines), p.key
    assert (
        PERSONAS["yusuf"].max_words_understood and PERSONAS["yusuf"].simpler_please
    )  # Dutch as a second language
    assert PERSONAS["sanne"].asks_advice  # the advice-seeker
    assert len(PERSONAS["daan"].threads) == 3  # the rambler: three stories at once
    assert sum(1 for p in PERSONAS.values() if p.distress_hint) == 1


@pytest.mark.parametrize("key", sorted(PERSONAS))
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_good_sequence_reaches_kernwoord_and_steps(key, seed):
    s = student(key, seed)
    p = s.persona
    replies = [s.reply(line) for line in good_sequence(p)]
    assert replies[1] in p.experience
    assert p.kernwoord in replies[-3]
    assert replies[-1] in p.next_steps
    assert s.state.kernwoord_named and s.state.steps_told == 1
    assert s.state.parts_reached == list(PARTS)
    # The kernwoord took three turns of work: a motive, the student circling it, then the word.
    assert p.kernwoord not in replies[-5] and p.kernwoord not in replies[-4]
    assert s.state.kernwoord_steps == 3


# ---- a reflection draws out more ----


def test_a_reflection_of_the_story_draws_out_the_feeling():
    s = student("mehmet")
    s.reply(EXPERIENCE)
    assert (
        s.reply("Een herkansing die weer niet lukte.") in s.persona.feelings
    )  # content, no feeling yet
    assert s.state.details_told == 0 and s.state.reflections_answered == 1


def test_a_reflection_of_the_feeling_draws_out_detail_after_detail_then_an_opening_to_broaden():
    s = student("mehmet")
    told = s.reply(EXPERIENCE)
    feeling = next(w for w in s.persona.emotion_words if w in told)
    assert s.reply(f"{feeling.capitalize()}, zo voelde je je.") == s.persona.details[0]
    assert s.reply("Tot twee uur 's nachts doorgelezen.") == s.persona.details[1]
    assert s.reply("Allemaal tekst, geen sommen.") == s.persona.details[2]
    assert s.reply("Lotte legde het uit en toen snapte je het wel.") == s.persona.broaden_hint
    assert s.state.details_told == 3 and s.state.reflections_answered == 4
    # Closed questions in the same place get no story at all.
    other = student("mehmet")
    other.reply(EXPERIENCE)
    assert all(
        other.reply(q) in other.persona.yes + other.persona.no
        for q in ("Had je geleerd?", "Was het moeilijk?", "Was je alleen?")
    )
    assert other.state.details_told == 0


def test_before_the_story_a_reflection_gets_no_story():
    s = student("noor")
    assert s.reply("Je hebt het druk.") in ("ja", "ja.. klopt")
    assert not s.state.told_experience


# ---- closed questions ----


def test_closed_questions_get_the_answer_that_fits_the_story():
    s = student("noor", seed=3)
    s.reply(EXPERIENCE)
    assert s.reply("Was je daar alleen?") in s.persona.yes
    assert s.reply("Was je boos?") in s.persona.no
    assert s.reply("Was je niet bang?") in ("jawel", "jawel, wel een beetje")
    assert s.reply("Ging het over ruzie?") in s.persona.yes  # she told about the fight
    unknown = [s.reply("Was het die dag regenachtig?") for _ in range(3)]
    assert len({reply in s.persona.yes for reply in unknown}) == 1, (
        "the same question, the same answer"
    )
    for seed in range(5):
        other = student("noor", seed)
        other.reply(EXPERIENCE)
        assert other.reply("Was je daar alleen?") in other.persona.yes
        assert other.reply("Was je boos?") in other.persona.no


# ---- why-questions ----


@pytest.mark.parametrize("key", sorted(PERSONAS))
def test_repeated_why_questions_make_the_student_defensive_then_short_then_silent(key):
    s = student(key)
    s.reply(EXPERIENCE)
    p = s.persona
    assert without_hint(s.reply("Waarom vond je dat zo belangrijk?"), p) in p.evasive
    assert without_hint(s.reply("Hoe komt het dat je dat deed?"), p) in p.defensive
    assert without_hint(s.reply("Wat was de reden?"), p) in p.short
    assert without_hint(s.reply("Waarom dan?"), p) in p.silent
    assert without_hint(s.reply("Waarom eigenlijk?"), p) in p.silent
    assert s.state.why_questions == 5
    # ... and the next answer still sounds hesitant.
    assert s.reply("Wat gebeurde er precies?").startswith("eh.. ")


# ---- advice and filling in ----


def test_advice_gets_yes_but_or_agreement_without_ownership():
    seen = set()
    for seed in range(4):
        s = student("mehmet", seed)
        s.reply(EXPERIENCE)
        for line in (
            "Je moet gewoon een planning maken.",
            "Is het geen idee om bijles te nemen?",
            "Ik zou met je slb'er gaan praten.",
        ):
            reply = s.reply(line)
            kind = (
                "yes_but"
                if reply in s.persona.yes_but
                else "along"
                if reply in s.persona.go_along
                else None
            )
            assert kind, reply
            seen.add(kind)
        assert s.state.advised == 3 and s.state.details_told == 0 and not s.state.steps_told
    assert seen == {"yes_but", "along"}


def test_filling_in_gets_a_flat_yes_or_a_correction_and_no_progress():
    s = student("mehmet")
    s.reply(EXPERIENCE)
    reply = s.reply("Je was eigenlijk gewoon bang om te falen.")
    flat = (*s.persona.flat_filled, *s.persona.go_along)
    assert reply in flat or reply.startswith(s.persona.correction_starts), reply
    assert s.state.filled_in == 1 and s.state.details_told == 0 and not s.state.kernwoord_named


def test_a_feeling_she_had_gets_ja_zal_wel_one_she_did_not_have_a_correction_in_her_words():
    for seed in range(4):
        s = student("noor", seed)
        s.reply(EXPERIENCE)
        # Noor was zenuwachtig: the guess is right, but it was not hers to find any more.
        assert s.reply("Je was vast heel zenuwachtig.") in s.persona.flat_filled
        # She was not angry: she corrects with one of her own feelings.
        reply = s.reply("Je was natuurlijk gewoon boos op die jongens.")
        assert reply.startswith(s.persona.correction_starts), reply
        assert any(word in reply for word in s.persona.emotion_words), reply
        assert s.state.filled_in == 2 and s.state.details_told == 0


def test_a_supplied_cause_is_corrected_with_what_really_happened():
    s = student("noor", 2)
    s.reply(EXPERIENCE)
    s.reply("Dat klinkt als iets wat je echt raakte.")  # the feeling gets attention first
    reply = s.reply("Dat kwam doordat je gewoon te moe was van al dat werken.")
    assert reply.startswith(s.persona.correction_starts), reply
    assert any(d.split(". ")[0].split()[-1] in reply for d in s.persona.details), reply


def test_the_reactions_to_filling_in_vary():
    replies = set()
    for seed in range(6):
        s = student("noor", seed)
        s.reply(EXPERIENCE)
        replies.add(s.reply("Je was vast heel zenuwachtig."))
        replies.add(s.reply("Je was natuurlijk gewoon boos op die jongens."))
    assert len(replies) >= 5, replies


# ---- the kernwoord ----


def test_kernwoord_not_at_the_first_motive_question():
    s = student("lieke")
    for line in GOOD_SEQUENCE[1:6]:
        s.reply(line)
    first = s.reply("Welk woord past daarbij, wat vind je belangrijk?")
    assert s.persona.kernwoord not in first and not s.state.kernwoord_named
    second = s.reply("Welk woord past daarbij?")
    assert second in s.persona.kernwoord_hints and not s.state.kernwoord_named
    assert s.persona.kernwoord in s.reply("Welk woord zou jij kiezen?")


def test_kernwoord_not_named_before_details_and_broadening():
    s = student("lieke")
    s.reply("Vertel eens over een ervaring die je is bijgebleven.")
    for _ in range(3):
        assert s.persona.kernwoord not in s.reply(
            "Welk woord past daarbij, wat vind je belangrijk?"
        )
    assert not s.state.kernwoord_named


def test_details_need_attention_for_the_feeling_first():
    s = student("kevin")
    s.reply(EXPERIENCE)
    assert s.reply("Wat gebeurde er precies?") in s.persona.flat_details
    assert s.state.details_told == 0


def test_no_steps_before_the_kernwoord():
    s = student("noor")
    s.reply(EXPERIENCE)
    assert s.reply("Wat wordt je eerste stap?") in s.persona.lost
    assert "activeren" not in s.state.parts_reached


def test_no_experience_without_an_invitation():
    s = student("noor")
    assert s.reply("Wat vind je belangrijk in je werk?") not in s.persona.experience
    assert not s.state.told_experience


# ---- the three new students ----


def test_dutch_as_a_second_language_asks_for_simpler_words_after_a_long_line():
    s = student("yusuf")
    long_line = (
        "Zou je misschien eens uitgebreid kunnen vertellen over een moment van de afgelopen weken op je "
        "stage waarop je echt het gevoel had dat het ertoe deed?"
    )
    assert s.reply(long_line) in s.persona.simpler_please
    assert s.reply(EXPERIENCE) in s.persona.experience
    assert all(
        len(sentence.split()) <= 12 for line in s.persona.experience for sentence in line.split(".")
    )


def test_the_advice_seeker_asks_what_the_coach_would_do():
    s = student("sanne")
    assert s.reply("Wat wil je volgend jaar gaan doen?") in s.persona.asks_advice
    s = student("sanne")
    for line in GOOD_SEQUENCE[:9]:
        s.reply(line)
    options = s.reply(GOOD_SEQUENCE[9])
    assert any(ask in options for ask in s.persona.asks_advice)
    assert s.reply("Ik zou communicatie kiezen.") in s.persona.go_along  # eager, but not her own


def test_the_rambler_tells_three_stories_until_the_coach_picks_one():
    s = student("daan")
    assert s.reply(EXPERIENCE) in s.persona.experience
    assert s.reply("Dat klinkt als een drukke week.") in s.persona.rambles
    assert s.reply("Wat gebeurde er precies?") in s.persona.rambles
    band = s.persona.threads[1][1]
    assert s.reply("Vertel eens over het optreden met je band, wat gebeurde er?") == band[0]
    assert s.state.thread == 1
    assert s.reply("En wat gebeurde er toen?") == band[1]


def test_a_subtle_hint_of_distress_once_then_more_when_asked_and_thanks_for_113():
    s = student("kevin")
    replies = [s.reply(line) for line in GOOD_SEQUENCE[:5]]
    hint = s.persona.distress_hint
    assert sum(hint in r for r in replies) == 1 and s.state.distress_hint_at == 3
    assert s.reply("Je slaapt slecht, zeg je. Hoe gaat het echt met je?") in s.persona.distress_more
    assert s.state.distress_asked
    assert (
        s.reply("Als het zwaar wordt, kun je altijd 113 bellen of chatten.")
        == s.persona.distress_after_help
    )
    assert s.state.distress_help_named
    assert all(hint not in student(key).reply(EXPERIENCE) for key in PERSONAS)


def test_deterministic_per_seed_and_varied_across_seeds():
    lines = GOOD_SEQUENCE + [
        "Waarom?",
        "Hoezo?",
        "Ben je blij?",
        "Is het leuk?",
        "Je moet plannen.",
    ]
    s1, s2 = student("noor", 3), student("noor", 3)
    assert [s1.reply(l) for l in lines] == [s2.reply(l) for l in lines]
    variants = {tuple(student("noor", seed).reply(l) for l in lines) for seed in range(6)}
    assert len(variants) > 1
