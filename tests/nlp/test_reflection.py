"""Reflections in the student's own words turned to "je" (bot/nlp/reflection.py,
bot/nlp/second_person.py, bot/nlp/conjugation.py).

tests/nlp/reflection_sentences.tsv holds 267 student answers written for this test (stage,
bijbaan, school, sport, family; chat spelling; inversion; past and present; other people's
feelings), each with the reflection expected word for word, or "-" for none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.nlp.reflection import (
    MAX_WORDS,
    double_sided,
    emotion_with_situation,
    link_stories,
    simple_reflection,
    simple_reply,
    thought_reply,
)
from bot.nlp.second_person import (
    FIRST_PERSON,
    has_first_person,
    normalize_chat,
    step_for_student,
    to_second_person,
)

DATA = Path(__file__).with_name("reflection_sentences.tsv")
CASES = [
    tuple(line.split("\t"))
    for line in DATA.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
# Share of answers that get a sentence reflection, measured 213 of 267 (80%).
MIN_SHARE = 0.75
# Second person forms a reflection may change a word into.
_CHANGED = {"je", "jou", "jezelf", "jouwe", "jullie"}


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text.lower())


def _is_verbatim_run(answer: str, reflection: str) -> bool:
    """Is ``reflection`` a run of the answer's words, allowing only pronouns that became
    "je"/"jullie" and verbs that gained a t or changed kan/zal/ben/heb (and so on)?"""
    source = _words(normalize_chat(answer))
    said = _words(reflection)
    for start in range(len(source) - len(said) + 1):
        if all(_same_or_changed(source[start + k], word) for k, word in enumerate(said)):
            return True
    return False


def _same_or_changed(original: str, said: str) -> bool:
    if original == said:
        return True
    if original in FIRST_PERSON:
        return said in _CHANGED
    irregular = {
        "kan": {"kunt", "kun"},
        "zal": {"zult", "zul"},
        "ben": {"bent"},
        "heb": {"hebt"},
        "ga": {"gaat"},
        "doe": {"doet"},
        "sta": {"staat"},
        "hou": {"houdt"},
    }
    if said == original + "t" or said in irregular.get(original, set()):
        return True
    # A joined separable verb: "aankan" -> "aankunt".
    return any(
        original.endswith(stem) and said == original[: -len(stem)] + form
        for stem, forms in irregular.items()
        for form in forms
    )


def test_the_data_file_is_big_and_varied_enough():
    assert len(CASES) >= 200
    exact = [case for case in CASES if case[1] != "-"]
    assert len(exact) >= 80


@pytest.mark.parametrize(("answer", "expected"), CASES)
def test_each_answer_gets_exactly_the_expected_reflection(answer, expected):
    assert simple_reflection(answer) == (None if expected == "-" else expected)


@pytest.mark.parametrize(("answer", "expected"), [c for c in CASES if c[1] != "-"])
def test_every_reflection_is_second_person_short_and_the_students_own_words(answer, expected):
    reflection = simple_reflection(answer)
    assert reflection is not None
    assert not has_first_person(reflection), reflection  # no ik, mijn, me, we left
    assert len(reflection.split()) <= MAX_WORDS
    assert _is_verbatim_run(answer, reflection), reflection
    if len(_words(answer)) > MAX_WORDS:
        assert len(reflection.split()) < len(_words(answer))  # never the whole long answer


def test_the_share_of_sentence_reflections():
    said = sum(1 for answer, _ in CASES if simple_reflection(answer))
    assert said / len(CASES) >= MIN_SHARE


@pytest.mark.parametrize(
    "answer",
    [
        "Mijn broer raakte in paniek.",
        "mijn moeder was heel verdrietig",
        "De kok was geïrriteerd.",
        "Mijn teamgenoten waren gefrustreerd na de wedstrijd.",
        "Op mijn stage in het verpleeghuis zat een bewoonster te huilen.",
        "Mijn oma huilde toen ik op bezoek kwam.",
    ],
)
def test_someone_elses_feeling_is_never_said_back_as_the_students(answer):
    assert simple_reflection(answer) is None
    assert emotion_with_situation(answer) is None


def test_the_brothers_panic_stays_the_brothers():
    assert simple_reflection("Mijn broer raakte in paniek en ik belde 112.") == "je belde 112"
    emotion = emotion_with_situation("Ik zag dat mijn broer in paniek raakte.")
    assert emotion is None


@pytest.mark.parametrize(
    ("first_person", "second_person"),
    [
        ("ik blijf rustig", "je blijft rustig"),
        ("ik ben er", "je bent er"),
        ("ik heb tijd", "je hebt tijd"),
        ("ik kan dat", "je kunt dat"),
        ("ik wil dat", "je wilt dat"),
        ("ik zal bellen", "je zult bellen"),
        ("ik mag kiezen", "je mag kiezen"),
        ("ik word moe", "je wordt moe"),
        ("ik doe mee", "je doet mee"),
        ("ik ga bellen", "je gaat bellen"),
        ("dat vind ik lastig", "dat vind je lastig"),
        ("toen belde ik", "toen belde je"),
        ("kan ik dat", "kun je dat"),
        ("ik pakte de telefoon", "je pakte de telefoon"),
        ("ik was moe", "je was moe"),
        ("ik had gelijk", "je had gelijk"),
        ("omdat ik het leuk vind", "omdat je het leuk vindt"),
        ("mij", "je"),
        ("met mij", "met jou"),
        ("ik voelde me rot", "je voelde je rot"),
        ("m'n mentor en mn baas", "je mentor en je baas"),
        ("wij gingen met onze klas", "jullie gingen met jullie klas"),
        ("de docent hielp ons", "de docent hielp jullie"),
        ("kheb het gedaan", "je hebt het gedaan"),
        ("'k ben er", "je bent er"),
        ("k had geen zin maar ben toch gegaan", "je had geen zin maar bent toch gegaan"),
    ],
)
def test_the_conjugator(first_person, second_person):
    assert to_second_person(first_person) == second_person


@pytest.mark.parametrize(
    ("step", "said"),
    [
        ("Ik ga mijn mentor bellen", "je gaat je mentor bellen"),
        ("de praktijkbegeleider bellen", "je belt de praktijkbegeleider"),
        ("mijn stagebegeleider opbellen", "je belt je stagebegeleider op"),
        ("naar de open dag van Windesheim gaan", "je gaat naar de open dag van Windesheim"),
        ("cv maken en opsturen", "je gaat cv maken en opsturen"),
        ("Aanmelden voor de open dag", "je meldt je aan voor de open dag"),
        ("me inschrijven voor de minor", "je schrijft je in voor de minor"),
        ("Een afspraak maken met mijn SLB-er.", "je maakt een afspraak met je SLB-er"),
        ("vragen of ik mag meelopen", "je vraagt of je mag meelopen"),
        ("3 vacatures opzoeken", "je zoekt 3 vacatures op"),
        ("mn mentor appen", "je appt je mentor"),
        ("open dag HAN", "open dag HAN"),
    ],
)
def test_a_step_is_said_as_a_clause_about_the_student(step, said):
    assert step_for_student(step) == said


def test_the_simple_reply_picks_a_frame_by_how_the_clause_starts():
    reply = simple_reply("Iedereen was aan het schreeuwen maar ik bleef rustig.")
    assert reply is not None and reply.response == "utter_reflect_simple"
    assert reply.values == {"reflection": "je bleef rustig", "sentence": "Je bleef rustig."}
    other = simple_reply("Toen belde ik mijn mentor en die zei dat het oke was.")
    assert other is not None and other.response == "utter_reflect_simple_other"
    assert other.values["sentence"] == "Toen belde je je mentor."
    assert simple_reply("geen idee") is None


def test_a_feeling_with_its_moment():
    one = emotion_with_situation("Ik was zenuwachtig toen ik de klant moest bellen.")
    assert one is not None and one.kind == "complex"
    assert one.response == "utter_reflect_emotion"
    assert one.values["reflection"] == "je was zenuwachtig toen je de klant moest bellen"
    pair = emotion_with_situation("Ik moest de klant bellen. Ik was super zenuwachtig.")
    assert pair is not None and pair.response == "utter_reflect_emotion_pair"
    assert pair.values["situation"] == "je moest de klant bellen"
    assert pair.values["feeling"] == "je was super zenuwachtig"
    assert emotion_with_situation("Ik heb de manager erbij gehaald.") is None


@pytest.mark.parametrize(
    ("answer", "one", "other"),
    [
        ("Ik twijfel tussen verpleegkunde en social work.", "verpleegkunde", "social work"),
        ("ik weet niet of ik zorg of techniek moet kiezen", "zorg", "techniek"),
        ("Ik twijfel tussen mijn bijbaan en mijn opleiding.", "je bijbaan", "je opleiding"),
    ],
)
def test_hesitation_between_two_options(answer, one, other):
    found = double_sided(answer)
    assert found is not None and found.response == "utter_reflect_double_between"
    assert found.values == {"one": one, "other": other}


def test_hesitation_in_two_sides():
    found = double_sided("ik wil graag doorstuderen, maar ik wil ook geld verdienen")
    assert found is not None and found.response == "utter_reflect_double_sides"
    assert found.values["reflection"] == (
        "je wilt graag doorstuderen, maar je wilt ook geld verdienen"
    )
    sides = double_sided(
        "Aan de ene kant wil ik naar het hbo, aan de andere kant wil ik eerst werken."
    )
    assert sides is not None
    assert sides.values["reflection"] == (
        "aan de ene kant wil je naar het hbo, aan de andere kant wil je eerst werken"
    )
    assert double_sided("Ik heb de les stilgelegd en een spelletje gedaan.") is None


def test_linking_two_stories_by_their_shared_words_and_lemmas():
    found = link_stories(
        "Ik hielp een klant die boos was en ik heb het zelf opgelost",
        "Bij voetbal moest ik de ruzie zelf oplossen, net als met de klanten in de kantine",
    )
    assert found is not None and found.response == "utter_reflect_link"
    assert found.values["shared"] == "'zelf oplossen' en 'klanten'"
    mine = link_stories("Ik help mijn oma met haar boodschappen", "Ik help mijn buurman")
    assert mine is not None and "mijn" not in mine.values["shared"]
    assert link_stories("Ik sta achter de kassa", "We wonnen de wedstrijd") is None


def test_an_action_step_is_said_back_as_a_clause_about_the_student():
    from bot.nlp.reflection import step_reply

    said = step_reply("Een mail sturen naar de minorcoördinator over een meeloopdag.")
    assert said is not None and said.response == "utter_reflect_step"
    assert said.values["step"] == "je stuurt een mail naar de minorcoördinator over een meeloopdag"
    # Without a verb there is no clause to make; the simple reflection is tried instead.
    assert step_reply("open dag HAN") is None


ORDINARY = [
    line.split("\t")[0]
    for line in (Path(__file__).parents[1] / "e2e" / "ordinary_answers.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("answer", ORDINARY)
def test_reflections_of_other_ordinary_answers_keep_the_same_promises(answer):
    reflection = simple_reflection(answer)
    if reflection is None:
        return
    assert not has_first_person(reflection), reflection
    assert len(reflection.split()) <= MAX_WORDS
    assert _is_verbatim_run(answer, reflection), reflection


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (
            "Ik was zo blij dat ik de penalty tegenhield.",
            "je was zo blij dat je de penalty tegenhield",
        ),
        ("ik was eerst bang om fouten te maken", "je was eerst bang om fouten te maken"),
        ("Ik was bang dat de man boos zou worden.", "je was bang dat de man boos zou worden"),
    ],
)
def test_a_feeling_with_its_cause(answer, said):
    found = emotion_with_situation(answer)
    assert found is not None and found.values["reflection"] == said


def test_two_sides_in_one_clause():
    found = double_sided("Dat vind ik soms spannend maar ook leuk.")
    assert found is not None and found.response == "utter_reflect_double_sides"
    assert found.values["reflection"] == "dat vind je soms spannend maar ook leuk"


def test_hesitation_with_verbs_after_each_option():
    found = double_sided(
        "ik twijfel of ik apothekersassistent wil blijven of verpleegkunde wil gaan doen"
    )
    assert found is not None and found.values == {
        "one": "apothekersassistent",
        "other": "verpleegkunde",
    }


def test_a_joined_separable_verb_agrees_in_a_subordinate_clause():
    assert to_second_person("dat ik het niet aankan") == "dat je het niet aankunt"
    assert to_second_person("omdat ik graag meedoe") == "omdat je graag meedoet"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # chat Dutch drops "ik"; said back, it is there again, as "je"
        ("heb het gevraagd", "Je hebt het gevraagd."),
        ("Ben gister naar de open dag geweest", "Je bent gister naar de open dag geweest."),
        ("had geen tijd", "Je had geen tijd."),
        # a later clause with "me": whose feeling it is shows
        ("mn mentor belde, voelde me opgelucht", "Je mentor belde, je voelde je opgelucht."),
        # "het" dropped, or a question: left as it is
        ("was leuk", "Was leuk."),
        ("ben jij een robot", "Ben jij een robot."),
    ],
)
def test_a_dropped_ik_is_said_back_as_je(text, said):
    from bot.nlp.reflection import whole_reply

    assert whole_reply(text).values["sentence"] == said


def test_a_verb_shared_by_two_stories_is_quoted_in_the_base_form_the_student_wrote():
    from bot.nlp.reflection import link_stories

    earlier = "op school moest ik een presentatie overnemen toen mn groepsgenoot niet kwam"
    found = link_stories(earlier, "dat ik het overneem als het misgaat")
    assert found is not None and found.values["shared"] == "'overnemen'"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ja ik heb het gevraagd en hij was aardig", "je hebt het gevraagd"),
        ("nou ik was best zenuwachtig", "je was best zenuwachtig"),
        ("ja", "ja"),  # nothing follows it: kept
    ],
)
def test_an_opening_yes_or_filler_is_not_said_back(text, said):
    from bot.nlp.reflection import point_of

    assert point_of(text, story=True) == said


@pytest.mark.parametrize(
    ("story", "said"),
    [
        # what happened, not the setting it happened in; how it went stays with it
        (
            "ik werk in de keuken bij een restaurant, zaterdag was t heel druk en de chef "
            "schreeuwde tegen me. ik moest een saus opnieuw maken en dat lukte niet",
            "je moest een saus opnieuw maken en dat lukte niet",
        ),
        (
            "op mn stage moest ik een muur stuken en dat lukte niet",
            "op je stage moest je een muur stuken en dat lukte niet",
        ),
        (
            "ik heb het nog een keer gedaan en toen ging het beter",
            "je hebt het nog een keer gedaan en toen ging het beter",
        ),
        (
            "ik loop stage bij een kapper en vorige week mocht ik voor het eerst zelf knippen",
            "vorige week mocht je voor het eerst zelf knippen",
        ),
        # a setting whose event is someone else's is said back with that event
        (
            "ik werk bij de albert heijn en gisteren kwam er een boze klant bij de kassa",
            "je werkt bij de albert heijn en gisteren kwam er een boze klant bij de kassa",
        ),
        (
            "ik werk bij de jumbo, een klant werd boos op mij",
            "je werkt bij de jumbo, een klant werd boos op jou",
        ),
        # what the student's clause answers, someone else's act just before it
        (
            "vakken vullen en een klant vroeg iets en ik wist t nie",
            "een klant vroeg iets en je wist t nie",
        ),
        ("de klant werd boos en ik bleef rustig", "de klant werd boos en je bleef rustig"),
        (
            "op de middelbare had ik ook een keer een onvoldoende en toen ben ik bijles gaan nemen",
            "op de middelbare had je ook een keer een onvoldoende en toen ben je bijles gaan nemen",
        ),
        (
            "vorige week had ik een toets voor wiskunde en ik had een 3. mijn docent zei iets",
            "vorige week had je een toets voor wiskunde en je had een 3",
        ),
        # a short act with a pronoun and an adverb is a clause; a fronted place starts one
        (
            "bij de bakker, een taart viel op de grond en ik moest hem opnieuw maken",
            "een taart viel op de grond en je moest hem opnieuw maken",
        ),
        (
            "ik doe zorg en op stage moest ik een mevrouw helpen met eten, ze wilde niet en "
            "gooide haar beker om",
            "op stage moest je een mevrouw helpen met eten, ze wilde niet en gooide haar beker om",
        ),
        # what happened before someone's act on the student comes along
        (
            "ja op school, bij een presentatie viel mn laptop uit en iedereen keek naar mij",
            "bij een presentatie viel je laptop uit en iedereen keek naar jou",
        ),
        # or with a "dus" between them
        (
            "bij de groepsopdracht deed niemand iets dus ik heb het geregeld",
            "bij de groepsopdracht deed niemand iets dus je hebt het geregeld",
        ),
        # the student's task is told with what someone did then
        (
            "ik moest de kassa doen en een klant begon te schreeuwen",
            "je moest de kassa doen en een klant begon te schreeuwen",
        ),
    ],
)
def test_a_story_is_said_back_by_what_happened_and_how_it_went(story, said):
    assert simple_reflection(story, story=True) == said


def test_a_full_stop_after_an_ordinary_word_ends_the_sentence():
    # spaCy's Dutch tokenizer reads "me." as an abbreviation; a student means a full stop.
    from bot.nlp.pipeline import load

    assert [t.text for t in load()("hij schreeuwde tegen me. ik schrok")][3:5] == ["me", "."]
    assert [t.text for t in load()("bijv. een mail")][0] == "bijv."


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ik dacht ik kan dit niet", "Je dacht: ik kan dit niet."),
        ("ik dacht: shit dit gaat mis", "Je dacht: shit dit gaat mis."),
        ("ik dacht dat het goed ging", None),  # no quoted thought
    ],
)
def test_a_thought_is_said_back_as_it_was_thought(text, said):
    reply = thought_reply(text)
    assert (reply.values["sentence"] if reply else None) == said


@pytest.mark.parametrize(
    ("first_person", "second_person"),
    [
        # what the student said or thought keeps its own words
        (
            "ik zei sorry ik weet het niet en toen ging ze weg",
            "je zei: sorry ik weet het niet en toen ging ze weg",
        ),
        ("ik baalde, ik dacht waarom doe ik dit", "je baalde, je dacht: waarom doe ik dit"),
        # reported, not quoted
        ("ik vroeg of ik mocht helpen", "je vroeg of je mocht helpen"),
        ("ik zei dat ik ziek was", "je zei dat je ziek was"),
        ("ik dacht er de hele tijd aan", "je dacht er de hele tijd aan"),
        # two "dat" clauses: each verb agrees with its own subject
        (
            "dat ik fouten maak en dat anderen dan boos worden",
            "dat je fouten maakt en dat anderen dan boos worden",
        ),
    ],
)
def test_a_quoted_thought_keeps_its_words(first_person, second_person):
    assert to_second_person(first_person) == second_person
