"""Unit cases for every category of docs/crisis.md, its hard negatives, negation, the previous
message as context, minors and acute danger."""

import pytest

from bot.nlp.crisis import CATEGORIES, KINDS, Assessment, assess, signals_crisis

CASES = {
    "passive_wish": [
        "k hoop egt dat ik morgen nie wakker word",
        "was ik maar nooit geboren",
        "als ik morgen niet wakker word is dat ook prima",
        "ik wil er gwn nie meer zijn",
    ],
    "burden": [
        "iedereen zou beter af zijn zonder mij",
        "ik ben alleen maar een last voor mn ouders",
        "mijn moeder zou zoveel gelukkiger zijn als ik er nie was",
    ],
    "not_missed": [
        "niemand zou me missen als ik er nie meer was",
        "als ik weg ben merkt niemand het toch",
        "wie zou me eigenlijk missen",
    ],
    "active_suicide": [
        "ik denk steeds aan zelfmoord",
        "k wil mezelf van kant maken",
        "ik wil er een eind aan maken",
    ],
    "plan": [
        "ik heb pillen gespaard voor als het echt nie meer gaat",
        "ik heb een afscheidsbrief geschreven",
        "ik weet al hoe ik het ga doen en wanneer",
    ],
    "method_place": [
        "ik sta op het perron en denk erover om voor de trein te springen",
        "hoe hoog moet een flat zijn om het nie te overleven",
        "ik wil al mn pillen in een keer innemen",
    ],
    "neglect": [
        "ik eet al dagen niks meer, het maakt toch nie uit",
        "waarom zou ik nog eten, het heeft geen zin",
    ],
    "self_harm": [
        "ik snij mezelf weer sinds de stage begon",
        "heb vannacht weer in mn arm gekrast",
        "ik draag lange mouwen zodat niemand de wondjes ziet",
    ],
    "abuse": [
        "mijn vader slaat me als hij dronken is",
        "mn stagebegeleider zit steeds aan me",
        "mijn stiefvader komt s nachts mijn kamer in",
    ],
    "coercion": [
        "hij dreigt mijn naaktfotos te verspreiden als ik nie betaal",
        "ik word gechanteerd met fotos",
        "mijn ouders hebben een man voor me geregeld en ik moet trouwen",
    ],
    "homeless": [
        "mn ouders hebben me eruit gegooid en ik weet nie waar ik vannacht moet slapen",
        "ik heb geen slaapplek meer",
        "ik heb vannacht in het park geslapen",
    ],
    "panic": [
        "ik heb nu een paniekaanval en ik krijg geen lucht",
        "k krijg geen adem meer, mn hart gaat zo tekeer",
    ],
    "eating_disorder": [
        "ik eet bijna niks meer en ben vandaag flauwgevallen in de klas",
        "na elke maaltijd steek ik mijn vinger in mijn keel",
        "ik neem laxeermiddelen zodat het eten er snel uit is",
    ],
}
HARD_NEGATIVES = {
    "passive_wish": [
        "ik hoop dat ik morgen op tijd wakker word voor mn stage",
        "ik ga dood als ik die herkansing nie haal lol",
        "ik wil niet meer naar die stage, de sfeer is slecht",
    ],
    "burden": [
        "mn projectgroep is beter af zonder mij, ik snap er niks van",
        "ik voel me een last voor mn groepje omdat ik ziek was",
    ],
    "not_missed": [
        "niemand mist me als ik een les overla",
        "als ik nie naar de training ga merkt niemand het",
    ],
    "active_suicide": [
        "die planning is echt zelfmoord, 4 deadlines in 1 week",
        "ik moet een verslag schrijven over suicidepreventie",
        "ik maak er een einde aan, ik ga stoppen met roken",
    ],
    "plan": [
        "ik heb paracetamol gekocht voor mn hoofdpijn",
        "ik heb mn oude kleren weggegeven aan de kringloop",
        "vanavond ga ik het doen, dat verslag",
    ],
    "method_place": [
        "we sprongen van de brug in het water, zomer vibes",
        "ik sta op het perron en de trein is weer te laat",
        "hoeveel paracetamol mag je per dag",
    ],
    "neglect": [
        "ik eet nie na 8 uur want ik let op mn lijn",
        "het maakt nie uit wat ik eet vandaag, cheatday",
    ],
    "self_harm": [
        "ik sneed mezelf in mn vinger bij het koken",
        "ik sla mezelf voor mn kop, weer mn boek vergeten",
    ],
    "abuse": [
        "mn broertje slaat me altijd met fifa",
        "bij kickboksen kreeg ik een klap op mn neus",
        "we hebben bij burgerschap over mishandeling gepraat",
    ],
    "coercion": [
        "mn moeder dwingt me om mn kamer op te ruimen",
        "ik moet pakketjes rondbrengen voor mn bijbaan bij postnl",
    ],
    "homeless": ["ik zoek een studentenkamer in utrecht", "ik werd uit de groepsapp gegooid lol"],
    "panic": [
        "ik raakte in paniek toen ik mn laptop vergat",
        "mn hart bonkt na die sprint bij gym",
        "ik kreeg geen lucht van het lachen",
    ],
    "eating_disorder": [
        "ik had buikgriep en at bijna niks, ik was ook duizelig",
        "ik viel bijna flauw van de hitte bij de diploma-uitreiking",
        "bij mijn stage in de kliniek werken we met jongeren met anorexia",
    ],
}


def test_every_category_has_cases():
    assert set(CASES) == set(CATEGORIES) == set(HARD_NEGATIVES)
    assert set(CATEGORIES.values()) == set(KINDS)


@pytest.mark.parametrize("category, text", [(c, t) for c, texts in CASES.items() for t in texts])
def test_crisis_lines_are_caught_with_a_fitting_kind(category, text):
    result = assess(text)
    assert result.level == "crisis", (text, result)
    assert result.kind == CATEGORIES[category], (text, result)
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "category, text", [(c, t) for c, texts in HARD_NEGATIVES.items() for t in texts]
)
def test_hard_negatives_are_left_alone(category, text):
    assert assess(text) == Assessment("none", None, None, False, False), text


def test_negation_still_deserves_care():
    assert assess("ik wil niet dood, maar soms weet ik het niet meer").level in ("unsure", "crisis")
    assert assess("ik wil niet dood ofzo, maar ik denk er wel vaak aan").level != "none"
    assert assess("ik wil niet dood hoor, gewoon moe van school").level == "none"


def test_a_joke_lowers_but_does_not_silence():
    assert assess("ik wil dood lol").level == "unsure"
    assert assess("ik wil dood haha morgen 3 toetsen").level == "none"


def test_the_previous_message_is_context():
    assert assess("ja", previous="ik heb pillen gespaard").level == "crisis"
    assert assess("ik meen het", previous="soms wil ik gewoon verdwijnen").level == "crisis"
    assert assess("ja", previous="heb je zin in de stage?").level == "none"
    together = assess("vanavond ga ik ze allemaal nemen", previous="ik heb pillen gespaard")
    assert together.level == "crisis" and together.immediate
    assert assess("vanavond ga ik ze allemaal nemen").level == "none"


def test_minor_and_immediate():
    result = assess("ik ben 15 en mijn vader slaat me nu")
    assert (result.kind, result.minor, result.immediate) == ("abuse", True, True)
    assert assess("ik ben pas 16 en ik wil dood").minor
    assert not assess("ik ben 20 en ik wil dood").minor
    assert not assess("ik ben 15 minuten te laat en ik wil dood").minor
    assert assess("ik sta nu op het dak en ik wil springen").immediate
    assert not assess("ik heb vorig jaar in mn arm gekrast").immediate
    assert assess("ik heb een paniekaanval").immediate


def test_empty_and_ordinary_text():
    assert assess("") == assess("   ") == assess("hoi, ik wil graag beginnen met de reflectie")
    assert assess("").level == "none"


def _everyday_student_lines():
    """The reflection script's answers and every line the practice personas can say: ordinary
    student talk that none of the crisis data was written from."""
    from bot.practice.student.personas import persona_lines
    from tests.reflection_script import ANSWERS

    return list(ANSWERS) + persona_lines()


def test_everyday_student_lines_never_get_the_crisis_reply():
    """Measured with seven personas: 0 of 366 get the crisis reply, 26 (7.1%) the gentle check
    (docs/nlu.md). The model alone never gives the full reply."""
    lines = _everyday_student_lines()
    assert len(lines) >= 300
    levels = [assess(line).level for line in lines]
    assert levels.count("crisis") == 0, [l for l, v in zip(lines, levels) if v == "crisis"]
    assert levels.count("unsure") <= 0.08 * len(lines), [
        l for l, v in zip(lines, levels) if v == "unsure"
    ]


def test_a_rule_hit_the_model_finds_unlikely_is_dropped_on_longer_messages():
    # talk about a topic, not a student in danger (the rules alone flagged these)
    assert (
        assess("we hebben een les gehad over sextortion en hoe je jezelf beschermt").level == "none"
    )
    assert (
        assess(
            "mijn zus had gisteren een paniekaanval, ze is nu rustig en we hebben erover gepraat"
        ).level
        == "none"
    )


def test_the_fast_scorer_equals_the_fitted_pipeline():
    """crisis_model reads one message without scikit-learn's per-call checks; same numbers."""
    from bot.nlp import crisis_model
    from bot.nlp.crisis import prepare

    texts = [prepare(row.text) for row in crisis_model.training_rows()[::7] if row.text.strip()]
    texts = [text for text in texts if text.strip()]
    expected = crisis_model.model().predict_proba(texts)[:, 1]
    for text, probability in zip(texts, expected):
        assert abs(crisis_model.crisis_probability_prepared(text) - probability) < 1e-9, text
    categories = crisis_model.category_model().predict(texts)
    assert [crisis_model.category_guess(text) for text in texts] == list(categories)


def test_a_crisis_sentence_in_a_long_story_is_not_vetoed():
    story = "Ik vertel je iets over mijn week. " * 20 + "Ik wil niet meer leven."
    assert assess(story).level == "crisis"


def test_word_order_chat_spelling_and_a_crisis_sentence_after_ordinary_ones_get_the_full_reply():
    for text in (
        "ik ben zo moe van alles, wil ik dood",
        "ik wil echt gewoon dood",
        "k wil gwn dood",
        "Vandaag had ik een toets. Daarna heb ik mezelf weer gesneden.",
        "als ik morgen onder een auto kom vind ik dat eigenlijk wel prima",
    ):
        assert assess(text).level == "crisis", text


def test_qualities_and_other_people_are_not_distress():
    for text in (
        "Als iemand in paniek is, kan ik diegene goed kalmeren.",
        "Ik neem de leiding als niemand anders het doet.",
        "Niet opgeven, dat is echt een kwaliteit van mij.",
        "Ik wil later bij de politie werken of in de ambulancezorg.",
    ):
        assert assess(text, question="qualities").level == "none", text
        assert assess(text).level == "none", text


def test_an_answer_to_the_question_needs_stronger_evidence_for_the_check():
    from bot.nlp.crisis import answers_question, in_answer

    assert answers_question("ik kan goed plannen en uitleggen", "qualities")
    assert not answers_question("ik kan goed plannen", None)
    assert not answers_question("nee dat niet", "qualities")  # very short
    assert not answers_question("ik kan goed plannen en uitleggen", "check")
    # the model alone at 0.7: the gentle check outside an answer, nothing inside one
    assert in_answer("unsure", "burden", "none", 0.7, 0.75, 0.97) == ("none", None)
    assert in_answer("unsure", "burden", "unsure", 0.8, 0.75, 0.97) == ("unsure", "burden")
    # the model alone at 0.92 gives the full reply outside an answer, only the check inside one
    assert in_answer("crisis", "burden", "none", 0.92, 0.75, 0.97) == ("unsure", "burden")
    # a rule's full reply stays
    assert in_answer("crisis", "plan", "crisis", 0.5, 0.75, 0.97) == ("crisis", "plan")
    # a clear message is a crisis inside the reflection too
    assert assess("ik wil er niet meer zijn", question="motives").level == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "nee",
        "nee hoor",
        "nee joh",
        "gaat goed",
        "nee, het gaat prima met me",
        "nee, het gaat prima",
        "Neeee",
        "nee hoor, ik bedoelde mijn stage",
        "ik ben veilig",
        "ja hoor, alles goed",
        "echt niet",
        "nope",
    ],
)
def test_every_form_of_no_closes_the_check(text):
    from bot.nlp.crisis import answer_to_check

    assert answer_to_check(text) == "no", text


@pytest.mark.parametrize(
    "text",
    [
        "ja",
        "jaa",
        "ja soms",
        "soms",
        "een beetje",
        "eigenlijk wel",
        "ik denk het wel",
        "weet ik niet",
        "nee, maar soms wel",
        "ja ik wil dood",
    ],
)
def test_every_form_of_yes_is_a_yes(text):
    from bot.nlp.crisis import answer_to_check

    assert answer_to_check(text) == "yes", text


def test_only_a_real_non_answer_is_neither():
    from bot.nlp.crisis import answer_to_check

    assert answer_to_check("ik was vandaag op stage en we hadden een overleg") is None
    assert answer_to_check("") is None
