import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.practice import classifier
from bot.practice.classifier import (
    LABELS,
    classify,
    classify_full,
    classify_many,
    classify_rules,
    classify_stream,
)
from bot.practice.classifier.evaluate import BLIND_FILE, DEV_FILES, evaluate, load_rows
from bot.practice.classifier.model import CoachLineModel, trained_model, training_rows

# The first blind set (tests/practice/coach_lines_blind.tsv) was measured once with the classifier
# frozen for it (hybrid 0.865); it has since been used as development data, so it only guards
# against regressions now. The second blind set's floors are in test_blind_set.py.
OLD_BLIND_ACCURACY_FLOOR = 0.90
OLD_BLIND_RECALL_FLOORS = {"waarom_vraag": 0.95, "advies": 0.95, "invullen": 0.95}


def test_the_first_blind_set_now_development_data_stays_learned():
    rows = load_rows(BLIND_FILE)
    ev = evaluate(rows)
    assert classifier.APPROACH == "hybrid"
    assert len(rows) >= 200 and sum(1 for r in rows if r.student) >= 200
    assert ev.accuracy >= OLD_BLIND_ACCURACY_FLOOR, ev.errors
    for label, floor in OLD_BLIND_RECALL_FLOORS.items():
        assert ev.recall[label] >= floor, (label, [e for e in ev.errors if e[0] == label])
    assert ev.extra_labels_found >= ev.extra_labels - 1  # lines with two acts get both
    assert evaluate(rows, classify_rules).accuracy >= 0.89
    # The student's previous turn is worth several points.
    assert evaluate(rows, use_context=False).accuracy < ev.accuracy - 0.05


@pytest.mark.parametrize("path", DEV_FILES, ids=lambda p: p.name)
def test_development_sets_stay_learned(path):
    ev = evaluate(load_rows(path))
    assert ev.accuracy >= 0.97, ev.errors


# ---- the rule families: disguised why-questions, advice as a question, filling in ----


@pytest.mark.parametrize(
    "line",
    [
        "Wat was de aanleiding om te stoppen?",
        "Hoe komt het dat je zo twijfelt?",
        "Wat maakte dat je bleef?",
        "Vanwaar die keuze?",
        "Waar doe je het allemaal voor?",
        "Wat bracht je ertoe?",
        "Hoe kwam je erbij?",
        "Wat gaf de doorslag?",
        "Waar ligt dat aan, denk je?",
        "Om wat voor reden?",
        "wrm niet",
    ],
)
def test_disguised_why_questions(line):
    assert classify(line) == "waarom_vraag"


@pytest.mark.parametrize(
    "line",
    [
        "Is het geen idee om eerst een dag mee te lopen?",
        "Heb je al overwogen om te switchen?",
        "Wat als je het gewoon vraagt?",
        "Zou het helpen als je een planning maakt?",
        "Is social work niet iets voor jou?",
        "Een tip: begin deze week al.",
        "Bij mij werkte het om samen te leren.",
    ],
)
def test_advice_dressed_as_a_question_or_a_tip(line):
    assert classify(line) == "advies"


@pytest.mark.parametrize(
    "student,line,label",
    [
        ("ik check alles drie keer", "Dat heet perfectionisme.", "invullen"),
        (
            "iedereen zegt dat ik een perfectionist ben",
            "Een perfectionist, zegt iedereen.",
            "reflectie",
        ),
        (
            "ik blijf mijn verslag herschrijven",
            "Jij bent vast iemand die alles perfect wil.",
            "invullen",
        ),
        ("ik was boos maar ik ben gewoon doorgegaan", "Boos, en toch doorgegaan.", "reflectie"),
        ("ik denk samen, dat ik alles samen doe", "Samen.", "reflectie"),
        (
            "ik wil dat mensen me vertrouwen",
            "Dus je kernwoord is verantwoordelijkheid.",
            "invullen",
        ),
        ("ik ben die dag niet gegaan", "Dus je was bang.", "invullen"),
        ("ik was echt bang die dag", "Dus je was bang.", "reflectie"),
    ],
)
def test_a_word_the_student_used_is_a_reflection_a_new_one_is_filling_in(student, line, label):
    assert classify(line, student) == label


@pytest.mark.parametrize(
    "line", ["En daarna?", "En toen?", "Zoals?", "Bijvoorbeeld?", "En jij?", "Vertel.", "Ga door."]
)
def test_one_and_two_word_open_prompts(line):
    assert classify(line, "ik heb het toen maar opgelost") == "open_vraag"


def test_a_line_that_reflects_and_asks_gets_both_labels():
    result = classify_full("Je baalde ervan. Wat gebeurde er toen?", "ik baalde er echt van")
    assert result.label == "open_vraag" and set(result.labels) == {"open_vraag", "reflectie"}
    assert set(classify_full("Je ging er alleen heen, hoe was dat?").labels) == {
        "open_vraag",
        "reflectie",
    }
    assert classify_full("Waarom ga je niet gewoon naar de open dag?").labels == (
        "waarom_vraag",
        "advies",
    )
    assert classify_full("Wat gebeurde er?").labels == ("open_vraag",)


def test_every_label_is_returned_and_nothing_else():
    lines = [
        "Waarom deed je dat?",
        "Wat gebeurde er?",
        "Was je op tijd?",
        "Dus je schrok.",
        "Je moet beter plannen.",
        "Je bedoelt zeker dat je bang was.",
        "Hallo!",
    ]
    assert classify_many(lines) == [
        "waarom_vraag",
        "open_vraag",
        "gesloten_vraag",
        "reflectie",
        "advies",
        "invullen",
        "overig",
    ]
    assert classify("") == "overig"
    assert classify_many(
        ["Dat heet perfectionisme."], ["ik ben echt een perfectionisme-type, perfectionisme"]
    ) == ["reflectie"]


def test_the_model_is_deterministic_and_learns_the_labels():
    rows = training_rows()
    coaches, students, labels = (
        [r.coach for r in rows],
        [r.student for r in rows],
        [r.label for r in rows],
    )
    probe = ["Is het geen idee om te bellen?", "Je bent gewoon lui.", "Hoe ging het?"]
    # The model the classifier trained on first use (once per process) and a second, fresh fit.
    first = trained_model().predict_proba(probe, [None] * 3)
    second = CoachLineModel().fit(coaches, students, labels).predict_proba(probe, [None] * 3)
    assert trained_model() is trained_model() and first == second
    assert set(l for row in first for l, _ in row) == set(LABELS)


# ---- the interface ----


def test_classify_stream_writes_json_lines_and_skips_blanks():
    out = io.StringIO()
    n = classify_stream(io.StringIO("Hoezo eigenlijk?\n\n   \nVertel eens over je stage.\n"), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == 2
    assert rows == [
        {"text": "Hoezo eigenlijk?", "label": "waarom_vraag", "labels": ["waarom_vraag"]},
        {"text": "Vertel eens over je stage.", "label": "open_vraag", "labels": ["open_vraag"]},
    ]


def test_classify_stream_takes_the_student_turn_as_json():
    lines = [
        json.dumps({"student": "ik check alles drie keer", "coach": "Dat heet perfectionisme."}),
        json.dumps({"student": "ik ben een perfectionist", "coach": "Een perfectionist."}),
        "Dat heet perfectionisme.",
    ]
    out = io.StringIO()
    classify_stream(io.StringIO("\n".join(lines) + "\n"), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["label"] for r in rows] == ["invullen", "reflectie", "invullen"]
    assert rows[0]["text"] == "Dat heet perfectionisme."


def test_lemniscaat_classify_on_the_command_line(monkeypatch, capsys):
    stdin = (
        json.dumps({"student": "ik baalde ervan", "coach": "Je baalde ervan. En toen?"})
        + "\nHoe kwam dat?\n"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    assert main(["classify"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (
        set(rows[0]["labels"]) == {"open_vraag", "reflectie"}
        and rows[0]["label"] in rows[0]["labels"]
    )
    assert (rows[1]["label"], rows[1]["labels"]) == ("waarom_vraag", ["waarom_vraag"])


def test_stream_keeps_non_ascii_readable():
    out = io.StringIO()
    classify_stream(io.StringIO("Hoe zou je dat in één woord zeggen?\n"), out)
    assert "één" in out.getvalue()


def test_old_two_column_files_still_load(tmp_path):
    path = Path(tmp_path) / "lines.tsv"
    path.write_text(
        "# comment\nopen_vraag\tWat gebeurde er?\nreflectie\tik schrok\tJe schrok.\topen_vraag reflectie\n",
        encoding="utf-8",
    )
    rows = load_rows(path)
    assert rows[0].student is None and rows[1].student == "ik schrok"
    assert rows[1].all_labels == ("reflectie", "open_vraag")
