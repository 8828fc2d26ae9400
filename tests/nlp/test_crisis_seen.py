"""Keep the crisis detector's figures on the seen evaluation sets above their floors.

``tests/nlp/crisis_blind_5.tsv`` (label<TAB>category<TAB>question<TAB>text: 204 crisis lines
over thirteen categories, 251 ordinary lines) was the fifth blind set: read once at commit
"Crisis detector frozen for the blind set" (recall 0.82, the full reply at once 0.63, on the
ordinary lines the check 0.012 and the full reply 0.012). Since then it is development data:
its misses were read, and it trains the model (``bot.nlp.crisis_model.BLIND_5``). Its figures
now say little about new messages; the floors keep the detector from sliding back.

``tests/nlp/crisis_dev_extra.tsv`` was written before any tuning, by the same hand
that tuned (so it is not blind), and is never trained on. A third of it is held out
(``scripts/crisis_eval.held_out``): only its totals were looked at. docs/crisis.md has the
figures per set and kind.

What the conversation does with each line is ``bot.nlp.crisis.dialogue_outcome``.
"""

import sys
from collections import defaultdict
from pathlib import Path

import pytest

from bot.nlp.crisis import CATEGORIES, dialogue_outcome
from bot.nlp.crisis_model import TRAINING_FILES

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1] / "scripts"))
# The evaluation script's reader: an answer to the gentle check is read as one there.
from crisis_eval import dialogue_rows as _rows  # noqa: E402

SEEN = HERE / "crisis_blind_5.tsv"
EXTRA = HERE / "crisis_dev_extra.tsv"


def _figures(rows):
    outcomes = defaultdict(list)
    ordinary = []
    for label, category, question, text in rows:
        outcome = dialogue_outcome(text, question)
        if label == "crisis":
            outcomes[category].append(outcome)
        else:
            ordinary.append(outcome)
    everything = [o for found in outcomes.values() for o in found]
    return {
        "recall": sum(o != "none" for o in everything) / len(everything),
        "full": everything.count("crisis") / len(everything),
        "check": ordinary.count("check") / len(ordinary),
        "alarm": ordinary.count("crisis") / len(ordinary),
        "per_category": {
            c: sum(o != "none" for o in found) / len(found) for c, found in outcomes.items()
        },
    }


def test_no_blind_set_and_not_the_extra_dev_lines_train_the_model():
    names = {path.name for path in TRAINING_FILES}
    assert not any(f"blind_{n}" in name for n in (11, 12, 13, 14, 15, 16, 17, 18) for name in names)
    assert EXTRA.name not in names


def test_seen_blind_5_figures_stay_above_their_floors():
    rows = _rows(SEEN)
    assert len(rows) >= 400
    figures = _figures(rows)
    assert set(figures["per_category"]) == set(CATEGORIES)
    # measured 0.990 / 0.922 / 0.000 / 0.000 (trained on since the clear statements)
    assert figures["recall"] >= 0.97, figures
    assert figures["full"] >= 0.90, figures
    assert figures["check"] <= 0.008, figures
    assert figures["alarm"] == 0.0, figures
    below = {c: round(v, 2) for c, v in figures["per_category"].items() if v < 0.85}
    assert not below, below


def test_extra_dev_figures_stay_above_their_floors():
    rows = _rows(EXTRA)
    assert sum(label == "crisis" for label, *_ in rows) >= 150
    assert sum(label == "none" for label, *_ in rows) >= 150
    figures = _figures(rows)
    # measured on all 325 lines: recall 0.982, the full reply 0.921; ordinary: check 3 of 160,
    # the full reply 1 of 160
    assert figures["recall"] >= 0.96, figures
    assert figures["full"] >= 0.90, figures
    assert figures["check"] <= 0.025, figures
    assert figures["alarm"] <= 0.01, figures


def test_the_held_out_third_is_decided_by_the_text_alone():
    from crisis_eval import held_out

    texts = [text for *_, text in _rows(EXTRA)]
    held = [t for t in texts if held_out(t)]
    assert 0.25 < len(held) / len(texts) < 0.42
    assert held_out(held[0]) and held_out(" " + held[0] + " ")


def test_seen_blind_6_figures_stay_above_their_floors():
    """``crisis_blind_6.tsv``: read once with the detector frozen (recall 0.84, the full reply
    at once 0.60, the check on 2.2% of ordinary lines, the full reply on none); it trains the
    model since."""
    figures = _figures(_rows(HERE / "crisis_blind_6.tsv"))
    assert figures["recall"] >= 0.83
    assert figures["full"] >= 0.59
    assert figures["check"] <= 0.022
    assert figures["alarm"] == 0


def test_seen_blind_7_figures_stay_above_their_floors():
    """``crisis_blind_7.tsv``: read once with the detector frozen (recall 0.85, the full reply
    at once 0.64, the check on 2.9% of ordinary lines, the full reply on 2.0%); it trains the
    model since."""
    figures = _figures(_rows(HERE / "crisis_blind_7.tsv"))
    assert figures["recall"] >= 0.84
    assert figures["full"] >= 0.63
    assert figures["check"] <= 0.03
    assert figures["alarm"] <= 0.021


def test_seen_blind_8_figures_stay_above_their_floors():
    """``crisis_blind_8.tsv``: read first with a model that had learnt from the seventh set and
    crisis_train_5.tsv (recall 0.88, full reply 0.67, check 1.6%, full reply on ordinary 0), then
    with the model that shipped then (0.80 / 0.60 / 2.4% / 0.4%); then development data for the
    thresholds of the sentence-level reading, and it trains the model since."""
    figures = _figures(_rows(HERE / "crisis_blind_8.tsv"))
    assert figures["recall"] >= 0.90
    assert figures["full"] >= 0.80
    assert figures["check"] <= 0.012
    assert figures["alarm"] <= 0.004


def test_seen_blind_9_figures_stay_above_their_floors():
    """``crisis_blind_9.tsv``: written blind, read once with the detector frozen (recall 0.88,
    the full reply at once 0.79, the check on 1.2% of ordinary lines, the full reply on 2.0%);
    its misses were read, five ordinary lines that got the full reply were fixed in the rules,
    and it trains the model since (0.93 / 0.80 / 0 / 0)."""
    figures = _figures(_rows(HERE / "crisis_blind_9.tsv"))
    assert figures["recall"] >= 0.92
    assert figures["full"] >= 0.79
    assert figures["check"] <= 0.004
    assert figures["alarm"] == 0


def test_seen_blind_10_figures_stay_above_their_floors():
    """``crisis_blind_10.tsv``: written blind, read once with the detector frozen (recall 0.97,
    the full reply at once 0.89, the check on 0.8% of ordinary lines, the full reply on 1.2%);
    its misses were read (someone else's hyperventilation or overdose told from work, a passive
    wish as an accident after a comma, a yes to the check after "eerlijk?", English lines), and it
    trains the model since (1.00 / 0.93 / 0 / 0)."""
    figures = _figures(_rows(HERE / "crisis_blind_10.tsv"))
    assert figures["recall"] >= 0.99
    assert figures["full"] >= 0.93
    assert figures["check"] <= 0.004
    assert figures["alarm"] == 0


def test_seen_blind_11_figures_stay_above_their_floors():
    """``crisis_blind_11.tsv``: written blind, read once with the detector frozen (recall 0.93,
    the full reply at once 0.79, the check on 1.2% of ordinary lines, the full reply on 1.2%);
    its misses were read and the rules they led to lifted it to 0.96 / 0.83 / 1.2% / 0.8% (seen:
    flattering). Not trained on."""
    figures = _figures(_rows(HERE / "crisis_blind_11.tsv"))
    assert figures["recall"] >= 0.92
    assert figures["full"] >= 0.79
    assert figures["check"] <= 0.012
    assert figures["alarm"] <= 0.012


def test_seen_blind_12_figures_stay_above_their_floors():
    """``crisis_blind_12.tsv``: written blind, read once with the detector frozen (recall 0.90,
    the full reply at once 0.79, the check on none of the ordinary lines, the full reply on 0.4%;
    0.8% once answers to the gentle check were read as such); its misses were read and the rules
    they led to lifted it to 0.98 / 0.88 / 0 / 0 (seen: flattering). Not trained on."""
    figures = _figures(_rows(HERE / "crisis_blind_12.tsv"))
    assert figures["recall"] >= 0.97
    assert figures["full"] >= 0.88
    assert figures["check"] == 0
    assert figures["alarm"] == 0


def test_the_blind_set_stays_where_it_was_read():
    """``crisis_blind_13.tsv``: written blind, read once with the detector frozen (recall 0.89,
    the full reply at once 0.80, the check on 1.6% of ordinary lines, the full reply on none).
    Not trained on. Two of the issue's goals (0.80 at once, no full reply on ordinary lines) are
    met on it, recall (0.95) and the check (1%) are not: the floor keeps what is."""
    figures = _figures(_rows(HERE / "crisis_blind_13.tsv"))
    assert figures["recall"] >= 0.89
    assert figures["full"] >= 0.80
    assert figures["check"] <= 0.016
    assert figures["alarm"] == 0


# The later blind sets, each read once with the detector frozen and kept since (never trained
# on): the floors its misses took it to (recall with the check, the full reply at once, the
# check and the full reply on ordinary lines), its first read in the comment. Set 18 met every
# goal of the crisis-precision work at its first read. Docs: docs/crisis.md.
LATER_SETS = [
    ("crisis_blind_14.tsv", 0.98, 0.91, 0.004, 0.0),  # first read 0.88 / 0.83 / 0.8% / 1.2%
    ("crisis_blind_15.tsv", 0.98, 0.92, 0.012, 0.004),  # 0.94 / 0.89 / 1.2% / 1.2%
    ("crisis_blind_16.tsv", 0.99, 0.90, 0.012, 0.0),  # 0.952 / 0.88 / 1.6% / 1.6%
    ("crisis_blind_17.tsv", 0.99, 0.90, 0.004, 0.0),  # 0.97 / 0.89 / 0.4% / 0.8%
    ("crisis_blind_18.tsv", 0.96, 0.90, 0.004, 0.0),  # 0.97 / 0.91 / 0.4% / 0
]


@pytest.mark.parametrize(("name", "recall", "full", "check", "alarm"), LATER_SETS)
def test_each_later_blind_set_stays_where_its_misses_took_it(name, recall, full, check, alarm):
    figures = _figures(_rows(HERE / name))
    assert figures["recall"] >= recall, figures
    assert figures["full"] >= full, figures
    assert figures["check"] <= check, figures
    assert figures["alarm"] <= alarm, figures
