import json
import re

import pytest
from recorded import GOOD, POOR

from bot.practice.classifier import classify_full
from bot.practice.report import build_report
from bot.practice.report.filling import mirror
from bot.practice.report.rules import GOED, LET_OP, NIET_GEZIEN
from bot.practice.report.text import render_report_text
from bot.practice.session import PracticeSession


def test_good_conversation_counts_and_judgements():
    r = build_report(GOOD)
    assert r.coach_turns == 12
    assert r.counts["waarom_vraag"] == 0 and r.counts["advies"] == 0 and r.counts["invullen"] == 0
    # "Hoi, fijn dat je er bent. Hoe gaat het?" is small talk, not an open question about the story.
    assert r.counts["open_vraag"] == 8 and r.counts["reflectie"] == 2 and r.counts["overig"] == 2
    assert r.open_share == 1.0
    assert r.parts_reached == ["terugkijken", "reflecteren", "vooruitkijken", "activeren"]
    assert r.parts_in_order and r.ended_with_student_steps
    assert [j.judgement for j in r.rules] == [GOED] * 10
    assert "dom" in r.student_emotion_words
    assert r.rule(2).evidence == [
        "Welk moment van de afgelopen weken is je bijgebleven? Vertel eens."
    ]
    assert r.rule(5).evidence == [
        "Wat gebeurde er precies op die dag?",
        "En wat gebeurde er daarna?",
    ]


def test_emotion_word_picked_up_a_few_turns_later_still_counts():
    transcript = [
        ("coach", "Vertel eens over een moment op je stage."),
        ("student", "ik mocht de controle doen, was best chill"),
        ("coach", "Wat gebeurde er precies?"),
        ("student", "ik kreeg de scanner"),
        ("coach", "Chill, zeg je. Dat klinkt alsof je het fijn vond."),
        ("student", "ja"),
    ]
    assert build_report(transcript).rule(3).judgement == GOED
    assert build_report(transcript[:4]).rule(3).judgement == NIET_GEZIEN


def test_poor_conversation_counts_and_judgements():
    r = build_report(POOR)
    assert r.coach_turns == 9
    assert r.counts["waarom_vraag"] == 3
    assert r.counts["advies"] == 2 and r.counts["invullen"] == 2
    assert r.counts["open_vraag"] == 0 and r.counts["gesloten_vraag"] == 2
    assert r.open_share == 0.0 and r.reflections_per_question == 0.0
    assert r.parts_reached == [] and not r.ended_with_student_steps
    judged = {j.number: j.judgement for j in r.rules}
    assert (
        judged[1] == LET_OP and judged[9] == LET_OP and judged[10] == LET_OP and judged[7] == LET_OP
    )
    assert judged[2] == NIET_GEZIEN and judged[5] == NIET_GEZIEN and judged[6] == NIET_GEZIEN
    assert judged[3] == NIET_GEZIEN  # the student said "rot" and nobody picked it up
    assert r.rule(9).evidence == ["Waarom niet?", "Hoe komt het dat je zo achterloopt?"]
    assert "Je moet gewoon beter plannen en elke dag twee uur studeren." in r.rule(1).evidence


def _outside_quotes(text):
    return [
        re.sub(r'"[^"]*"', "", line)
        for line in text.splitlines()
        if not line.strip().startswith("jij:")
    ]


def test_rendered_text_is_short_dutch_and_asks_the_trainee_no_why_question():
    for transcript in (GOOD, POOR):
        text = render_report_text(build_report(transcript), "Mehmet")
        assert len(text) < 3500
        assert text.startswith("Feedback op je oefengesprek met Mehmet")
        for line in _outside_quotes(text):
            assert not ("waarom" in line.lower() and "?" in line), line
    poor = render_report_text(build_report(POOR))
    assert 'jij: "Waarom niet?"' in poor and "9. Geen vragen naar de reden: let op" in poor
    # Outside the coach's own quoted lines the trainee never reads the question word itself.
    assert not any("waarom" in line.lower() for line in _outside_quotes(poor))
    assert "nog geen actiestappen" in poor
    good = render_report_text(build_report(GOOD))
    assert "de student noemde zelf actiestappen" in good and "tip:" not in good


def test_report_to_dict_is_json_serialisable():
    d = build_report(POOR).to_dict()
    again = json.loads(json.dumps(d, ensure_ascii=False))
    assert again["counts"]["waarom_vraag"] == 3 and len(again["rules"]) == 10


SESSION_LINES = [
    "Hoi Noor!",
    "Vertel eens over een moment van de afgelopen weken dat je is bijgebleven.",
    "Dat klinkt alsof je achteraf best trots was.",
    "Wat gebeurde er precies?",
    "Welke andere situaties ken je waarin dat ook zo was?",
    "Wat vind je belangrijk in die verhalen?",
    "Dus dat is echt belangrijk voor je.",
    "Welk woord past bij die verhalen?",
    "Wat betekent dat voor volgend jaar?",
    "Wat is je eerste stap?",
]


def test_session_ties_it_together_and_can_be_rebuilt():
    s = PracticeSession("noor", seed=2)
    assert ("noor", s.persona.menu_line()) in PracticeSession.personas
    for line in SESSION_LINES:
        assert s.coach_says(line)
    r = s.finish()
    assert r.parts_reached == ["terugkijken", "reflecteren", "vooruitkijken", "activeren"]
    assert r.ended_with_student_steps and len(s.transcript) == 2 * len(SESSION_LINES)
    assert r.signal is None, "Noor drops no hint of distress"
    copy = PracticeSession.from_dict(json.loads(json.dumps(s.to_dict())))
    assert copy.transcript == s.transcript and copy.finish().to_dict() == r.to_dict()
    with pytest.raises(RuntimeError):
        s.coach_says("nog iets")


# ---- benchmarks, reflections, words, stacked questions ----


def test_benchmarks_stand_beside_the_trainees_own_numbers():
    good, poor = build_report(GOOD), build_report(POOR)
    g, p = good.benchmarks, poor.benchmarks
    assert g["open_share"]["value"] == 1.0 and g["open_share"]["level"] == "goed"
    assert (g["open_share"]["fair"], g["open_share"]["good"]) == (0.5, 0.7)
    assert (g["reflections_per_question"]["fair"], g["reflections_per_question"]["good"]) == (
        1.0,
        2.0,
    )
    # Eight open questions and three reflections (one line reflects and then asks): under fair.
    assert good.acts["reflectie"] == 3 and g["reflections_per_question"]["value"] == round(3 / 9, 2)
    assert g["reflections_per_question"]["level"] == "onder redelijk"
    assert (
        p["open_share"]["level"] == "onder redelijk"
        and p["reflections_per_question"]["value"] == 0.0
    )
    assert 0 < good.coach_word_share < 1 and poor.coach_word_share > good.coach_word_share


def test_simple_and_complex_reflections_are_told_apart():
    transcript = [
        ("coach", "Vertel eens over je stage."),
        ("student", "ik was helemaal alleen op de groep met twaalf kinderen"),
        ("coach", "Helemaal alleen, met twaalf kinderen."),  # the student's words: simple
        ("student", "ja en toen gingen twee jongens vechten"),
        ("coach", "Dat vroeg veel van je, in je eentje."),  # adds meaning: complex
        ("student", "ja echt"),
    ]
    r = build_report(transcript)
    assert (r.simple_reflections, r.complex_reflections) == (1, 1)
    assert (
        r.benchmarks["complex_share"]["value"] == 0.5
        and r.benchmarks["complex_share"]["level"] == "goed"
    )


def test_stacked_questions_are_counted_and_quoted():
    transcript = [
        ("coach", "Wat gebeurde er? En hoe voelde dat? Was je boos?"),
        ("student", "weet niet"),
        ("coach", "Wat deed je toen?"),
        ("student", "niks"),
    ]
    r = build_report(transcript)
    assert r.stacked_questions == 1 and r.stacked_evidence == [
        "Wat gebeurde er? En hoe voelde dat? Was je boos?"
    ]
    assert "Gestapelde vragen: 1" in render_report_text(r)


# ---- rules 3 and 4, rule 9's tip, a line said better ----


def test_rules_3_and_4_only_for_a_feeling_the_student_expressed():
    plan = [
        ("coach", "Vertel eens over een moment op je stage."),
        ("student", "ik moest de controle doen en ik was echt zenuwachtig"),
        ("coach", "Dat klinkt als een plan."),
        ("student", "ja"),
    ]
    r = build_report(plan)
    assert r.rule(3).judgement == NIET_GEZIEN and r.rule(4).judgement == NIET_GEZIEN
    given_back = plan[:2] + [("coach", "Zenuwachtig was je, zeg je."), ("student", "ja")]
    r = build_report(given_back)
    assert r.rule(3).judgement == GOED and r.rule(4).judgement == GOED
    assert r.rule(4).evidence == ["Zenuwachtig was je, zeg je."]


def test_rule_9_tip_offers_what_and_how_questions_not_a_disguised_why():
    tip = build_report(POOR).rule(9).tip
    assert "wat" in tip.lower() and "hoe" in tip.lower()
    assert "maakte dat" not in tip.lower() and "maakt dat" not in tip.lower()


def test_one_of_the_trainees_lines_is_said_better_with_the_rule_it_serves():
    r = build_report(POOR)
    assert r.rewrite["original"] == "Waarom niet?" and r.rewrite["rule"] == 9
    assert r.rewrite["better"] == "Je zei: 'nee nog niet allemaal'. Wat gebeurde er toen precies?"
    from bot.practice.classifier import classify

    assert classify(r.rewrite["better"]) == "open_vraag"
    only_advice = [
        ("coach", "Vertel eens."),
        ("student", "ik weet niet wat ik moet kiezen"),
        ("coach", "Je moet gewoon de zorg kiezen."),
        ("student", "ja.. misschien"),
    ]
    rw = build_report(only_advice).rewrite
    assert rw["rule"] == 1 and rw["original"] == "Je moet gewoon de zorg kiezen."
    filled = [
        ("coach", "Vertel eens."),
        ("student", "ik check alles drie keer"),
        ("coach", "Dat heet perfectionisme."),
        ("student", "ja.. kan"),
    ]
    rw = build_report(filled).rewrite
    assert (
        rw["rule"] == 10
        and rw["better"]
        == "Je zei: 'ik check alles drie keer'. Welk woord zou jij daarvoor kiezen?"
    )
    text = render_report_text(build_report(POOR))
    assert "Beter gezegd (regel 9):" in text and 'beter: "Je zei:' in text


# ---- a hint of distress ----

KEVIN_LINES = [
    "Hoi Kevin.",
    "Vertel eens over een moment van de afgelopen weken dat je is bijgebleven.",
    "Dat klinkt als iets wat je echt raakte.",
    "Wat gebeurde er precies?",
    "En wat gebeurde er toen?",
]


def test_the_report_checks_that_a_hint_of_distress_was_noticed_asked_about_and_113_named():
    missed = PracticeSession("kevin", seed=0)
    for line in KEVIN_LINES + ["Waar kom je dat nog meer tegen?"]:
        missed.coach_says(line)
    r = missed.finish()
    assert r.signal["hint"].endswith("boeit niet") and r.signal["judgement"] == LET_OP
    assert (r.signal["noticed"], r.signal["asked"], r.signal["named_help"]) == (False, False, False)
    assert "113" in render_report_text(r, "Kevin")

    seen = PracticeSession("kevin", seed=0)
    for line in KEVIN_LINES + [
        "Je slaapt slecht, zeg je. Hoe gaat het echt met je?",
        "Dat is veel. Als het te zwaar wordt, kun je 113 bellen of chatten, ook anoniem.",
    ]:
        seen.coach_says(line)
    r = seen.finish()
    assert (r.signal["noticed"], r.signal["asked"], r.signal["named_help"]) == (True, True, True)
    assert r.signal["judgement"] == GOED
    assert seen.student.state.distress_help_named


# ---- filling in (rule 10): each line, the words that filled in, a rewrite in the student's words ----

THREE_FILLED = [
    ("coach", "Vertel eens over een moment van de laatste weken."),
    ("student", "ik moest op mijn stage ineens alleen de groep doen, mijn begeleider was ziek"),
    ("coach", "Je was vast heel zenuwachtig."),
    ("student", "ja zal wel"),
    ("coach", "Wat gebeurde er toen?"),
    ("student", "twee jongens kregen ruzie en ik ben tussen ze in gaan zitten"),
    ("coach", "Dat deed je omdat je bang was dat het uit de hand zou lopen."),
    ("student", "nee eigenlijk niet"),
    ("coach", "Hoe ging dat verder?"),
    ("student", "ik heb ze allebei laten vertellen wat er was"),
    ("coach", "Jij bent echt een geboren leider."),
    ("student", "hm ok"),
]
# The rewrite may change only the person: the student's "ik heb" becomes the coach's "je hebt".
SPOKEN_BACK = {"je", "jij", "jouw", "jezelf", "jullie", "bent", "hebt", "kunt", "wilt", "gaat"}


def _only_the_students_words(rewrite: str, student: str) -> bool:
    said = set(re.findall(r"[\w']+", student.lower()))
    words = re.findall(r"[\w']+", rewrite.lower())
    return all(w in said or w in SPOKEN_BACK or w[:-1] in said for w in words)


def test_a_report_with_three_filled_in_lines_names_all_three_with_a_rewrite():
    r = build_report(THREE_FILLED)
    assert r.counts["invullen"] == 3
    assert [f["line"] for f in r.filled_in] == [
        "Je was vast heel zenuwachtig.",
        "Dat deed je omdat je bang was dat het uit de hand zou lopen.",
        "Jij bent echt een geboren leider.",
    ]
    assert [f["kind"] for f in r.filled_in] == ["feeling", "cause", "label"]
    assert r.filled_in[0]["words"] == ["zenuwachtig"]
    assert "bang" in " ".join(r.filled_in[1]["words"])
    assert r.filled_in[2]["words"] == ["leider"]
    for item, student in zip(r.filled_in, (THREE_FILLED[1], THREE_FILLED[5], THREE_FILLED[9])):
        assert item["student"] == student[1]
        assert item["rewrite"] and _only_the_students_words(item["rewrite"], student[1]), item
        # The rewrite is itself a reflection, not another filling in.
        assert classify_full(item["rewrite"], student[1]).label == "reflectie", item
    assert r.filled_in[2]["rewrite"] == "Je hebt ze allebei laten vertellen wat er was."
    text = render_report_text(r, "Noor")
    assert "Ingevuld voor de student (regel 10): 3x" in text
    for item in r.filled_in:
        assert f'jij: "{item["line"]}"' in text
        assert f'in de woorden van de student: "{item["rewrite"]}"' in text
        assert all(f"'{w}'" in text for w in item["words"])
    json.dumps(r.to_dict())


def test_a_line_without_filling_in_gets_no_entry_and_the_rewrite_mirrors_the_person():
    r = build_report(GOOD)
    assert r.filled_in == [] and "Ingevuld voor de student" not in render_report_text(r)
    assert (
        mirror("ik ben gewoon iemand die graag regelt") == "Je bent gewoon iemand die graag regelt."
    )
    assert mirror("Kan ik dat wel? Ik schaamde me echt.") == "Je schaamde je echt."
    assert mirror("nou, mijn moeder zei dat ik het niet ging halen") == (
        "Je moeder zei dat je het niet ging halen."
    )
    assert mirror("") == ""
