"""Keep the crisis detector's figures on the blind set above their floors.

tests/nlp/crisis_blind_3.tsv (label<TAB>category<TAB>text, 188 crisis lines over twelve
categories and 188 hard negatives) was written by someone who saw neither the detector nor its
data. It was looked at once, with the detector frozen (docs/nlu.md, "Crisis detection"); it must
never be used for tuning. The floors sit a little under what was measured then, so a later
change cannot quietly lower them. Measured: recall 0.60 (unsure counted as caught), false alarms
0.043, far below the goal of 0.95 recall: see docs/nlu.md for why.
"""
from collections import defaultdict
from pathlib import Path

from bot.nlp.crisis import CATEGORIES, assess

BLIND = Path(__file__).parent / "crisis_blind_3.tsv"

RECALL_FLOOR = 0.57
FALSE_ALARM_CEILING = 0.06
# measured per category (caught / lines), minus a little more than one line
CATEGORY_FLOORS = {
    "abuse": 0.74, "active_suicide": 0.49, "burden": 0.62, "coercion": 0.49, "homeless": 0.53,
    "method_place": 0.12, "neglect": 0.80, "not_missed": 0.73, "panic": 0.66, "passive_wish": 0.24,
    "plan": 0.31, "self_harm": 0.62,
}


def _rows():
    rows = []
    for line in BLIND.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3 or parts[0] not in ("crisis", "none"):
            continue
        rows.append((parts[0], parts[1], "\t".join(parts[2:])))
    return rows


def test_blind_set_figures_stay_above_their_floors():
    rows = _rows()
    assert len(rows) >= 300
    caught = defaultdict(list)
    alarms = []
    for label, category, text in rows:
        flagged = assess(text).level != "none"
        if label == "crisis":
            caught[category].append(flagged)
        else:
            alarms.append(flagged)
    assert set(caught) == set(CATEGORIES)
    everything = [flag for flags in caught.values() for flag in flags]
    recall = sum(everything) / len(everything)
    false_alarms = sum(alarms) / len(alarms)
    per_category = {category: sum(flags) / len(flags) for category, flags in caught.items()}
    assert recall >= RECALL_FLOOR, recall
    assert false_alarms <= FALSE_ALARM_CEILING, false_alarms
    below = {c: round(v, 2) for c, v in per_category.items() if v < CATEGORY_FLOORS[c]}
    assert not below, below
