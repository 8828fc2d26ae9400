import json
import re

from bot.practice.report import GOED, LET_OP, NIET_GEZIEN, build_report, render_report_text
from bot.practice.session import PracticeSession

from recorded import GOOD, POOR


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
    assert r.rule(2).evidence == ["Welk moment van de afgelopen weken is je bijgebleven? Vertel eens."]
    assert r.rule(5).evidence == ["Wat gebeurde er precies op die dag?", "En wat gebeurde er daarna?"]


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
    assert judged[1] == LET_OP and judged[9] == LET_OP and judged[10] == LET_OP and judged[7] == LET_OP
    assert judged[2] == NIET_GEZIEN and judged[5] == NIET_GEZIEN and judged[6] == NIET_GEZIEN
    assert judged[3] == NIET_GEZIEN  # the student said "rot" and nobody picked it up
    assert r.rule(9).evidence == ["Waarom niet?", "Hoe komt het dat je zo achterloopt?"]
    assert "Je moet gewoon beter plannen en elke dag twee uur studeren." in r.rule(1).evidence


def _outside_quotes(text):
    return [re.sub(r'"[^"]*"', "", line) for line in text.splitlines() if not line.strip().startswith("jij:")]


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


def test_session_ties_it_together_and_can_be_rebuilt():
    s = PracticeSession("noor", seed=2)
    assert ("noor", s.persona.menu_line()) in PracticeSession.personas
    for line in ["Hoi Noor!", "Vertel eens over een moment van de afgelopen weken dat je is bijgebleven.",
                 "Dat klinkt alsof je achteraf best trots was.", "Wat gebeurde er precies?", "Welke andere situaties ken je waarin dat ook zo was?",
                 "Welk woord past bij die verhalen?", "Wat betekent dat voor volgend jaar?", "Wat is je eerste stap?"]:
        assert s.coach_says(line)
    r = s.finish()
    assert r.parts_reached == ["terugkijken", "reflecteren", "vooruitkijken", "activeren"]
    assert r.ended_with_student_steps and len(s.transcript) == 16
    copy = PracticeSession.from_dict(json.loads(json.dumps(s.to_dict())))
    assert copy.transcript == s.transcript and copy.finish().to_dict() == r.to_dict()
    try:
        s.coach_says("nog iets")
    except RuntimeError:
        pass
    else:
        raise AssertionError("a finished session must refuse new lines")
