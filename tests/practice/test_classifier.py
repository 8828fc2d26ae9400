import io
import json
from pathlib import Path

import pytest

from bot.practice.classifier import LABELS, classify, classify_many, classify_stream
from bot.practice.evaluate import evaluate, format_report, load_tsv

TEST_FILE = Path(__file__).with_name("coach_lines_test.tsv")
DEV_FILE = Path(__file__).resolve().parents[2] / "bot" / "practice" / "data" / "coach_lines_dev.tsv"


@pytest.fixture(scope="module")
def heldout():
    rows = load_tsv(TEST_FILE)
    ev = evaluate(rows)
    print("\n" + format_report(ev, "held-out"))
    return rows, ev


def test_heldout_set_is_big_and_covers_all_labels(heldout):
    rows, ev = heldout
    assert len(rows) >= 180
    assert set(ev.support) == set(LABELS) and min(ev.support.values()) >= 15
    assert ev.support["waarom_vraag"] >= 20 and ev.support["invullen"] >= 20


def test_heldout_accuracy(heldout):
    _, ev = heldout
    assert ev.accuracy >= 0.90, ev.errors


@pytest.mark.parametrize("label", ["waarom_vraag", "invullen"])
def test_heldout_recall_on_the_rules_that_matter_most(heldout, label):
    _, ev = heldout
    assert ev.recall[label] >= 0.95, [e for e in ev.errors if e[0] == label]


def test_heldout_and_dev_sets_do_not_share_lines():
    test_texts = {t.lower() for _, t in load_tsv(TEST_FILE)}
    dev_texts = {t.lower() for _, t in load_tsv(DEV_FILE)}
    assert not test_texts & dev_texts


def test_every_label_is_returned_and_nothing_else():
    lines = ["Waarom deed je dat?", "Wat gebeurde er?", "Was je op tijd?", "Dus je schrok.",
             "Je moet beter plannen.", "Je bedoelt zeker dat je bang was.", "Hallo!"]
    assert classify_many(lines) == ["waarom_vraag", "open_vraag", "gesloten_vraag", "reflectie",
                                    "advies", "invullen", "overig"]
    assert classify("") == "overig"


def test_classify_stream_writes_json_lines_and_skips_blanks():
    out = io.StringIO()
    n = classify_stream(io.StringIO("Hoezo eigenlijk?\n\n   \nVertel eens over je stage.\n"), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == 2
    assert rows == [{"text": "Hoezo eigenlijk?", "label": "waarom_vraag", "labels": ["waarom_vraag"]},
                    {"text": "Vertel eens over je stage.", "label": "open_vraag", "labels": ["open_vraag"]}]


def test_stream_keeps_non_ascii_readable():
    out = io.StringIO()
    classify_stream(io.StringIO("Hoe zou je dat in één woord zeggen?\n"), out)
    assert "één" in out.getvalue()


def test_fresh_sample_written_after_the_rules_stays_reasonable():
    # Written after the rules and never used to change them (see docs/practice.md): a rougher,
    # more honest estimate than the held-out set, so a lower bar; why-questions must still all hit.
    ev = evaluate(load_tsv(Path(__file__).with_name("coach_lines_fresh.tsv")))
    print("\n" + format_report(ev, "fresh"))
    assert ev.accuracy >= 0.85, ev.errors
    assert ev.recall["waarom_vraag"] == 1.0
