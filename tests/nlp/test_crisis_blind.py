"""Keep the crisis detector's figures on the blind set above their floors.

tests/nlp/crisis_blind_4.tsv (label<TAB>category<TAB>text, 206 crisis lines over twelve
categories and 201 hard negatives) was written by someone who saw neither the detector, nor
its training data, nor the other evaluation sets. It was read once, with the detector frozen at
commit e199cfd (docs/nlu.md, "Crisis detection"); it must never be used for tuning or training.
Measured: recall 0.927 counting "unsure" as caught (0.689 at level crisis), false alarms 0.090
(0.040 at level crisis); since the model alone only asks the gentle question, 0.476 and 0.030
at level crisis, the rest unchanged (docs/nlu.md). The floors sit a little under that (about one line per category), so
a later change cannot quietly lower them.

crisis_blind_3.tsv, the previous blind set, has been looked at and is training data now
(bot/nlp/crisis_model.py), like crisis_heldout_2.tsv: figures on it say nothing about new
messages, so its floors are gone.
"""

from collections import defaultdict
from pathlib import Path

from bot.nlp.crisis import CATEGORIES, assess
from bot.nlp.crisis_model import TRAINING_FILES

BLIND = Path(__file__).parent / "crisis_blind_4.tsv"

RECALL_FLOOR = 0.90
FALSE_ALARM_CEILING = 0.11
# measured per category (caught / lines), minus a little more than one line
CATEGORY_FLOORS = {
    "abuse": 0.87,
    "active_suicide": 0.93,
    "burden": 0.93,
    "coercion": 0.87,
    "homeless": 0.93,
    "method_place": 0.76,
    "neglect": 0.81,
    "not_missed": 0.93,
    "panic": 0.87,
    "passive_wish": 0.82,
    "plan": 0.87,
    "self_harm": 0.70,
}


def _rows():
    rows = []
    for line in BLIND.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 3 or parts[0] not in ("crisis", "none"):
            continue
        rows.append((parts[0], parts[1], "\t".join(parts[2:])))
    return rows


def test_the_blind_set_is_not_training_data():
    assert BLIND.resolve() not in {path.resolve() for path in TRAINING_FILES}
    assert not any("blind_4" in path.name for path in TRAINING_FILES)


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
