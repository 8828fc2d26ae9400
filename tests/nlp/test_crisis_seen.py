"""Keep the crisis detector's figures on the blind set above their floors.

tests/nlp/crisis_blind_5.tsv (label<TAB>category<TAB>question<TAB>text: 204 crisis lines over
thirteen categories, eating disorders among them, and 251 ordinary lines: career talk from
care, police, youth care and funeral work, moving out, hyperbole, qualities, other people, and
24 answers to the gentle check) was written by someone who saw neither the detector, nor its
training data, nor the other evaluation sets. ``question`` is the reflection's question the
line answers (the requested slot), ``check`` after the gentle question, or ``none``. It was
read once, with the detector frozen at commit "Crisis detector frozen for the blind set" (docs/crisis.md, "Blind set"); it must
never be used for tuning or training.

What the conversation does with each line is ``bot.nlp.crisis.dialogue_outcome``. Measured:
recall 0.82 counting the gentle check, the full reply at once for 0.63 of the crisis lines;
on the ordinary lines the gentle check 0.012 (3 of 251) and the full reply 0.012 (3). The
floors sit a little under that (about one line per category), so a later change cannot
quietly lower them.

crisis_blind_4.tsv and crisis_blind_3.tsv, the previous blind sets, have been looked at and
are training data now (bot/nlp/crisis_model.py): figures on them say nothing about new
messages, so their floors are gone.
"""

from collections import defaultdict
from pathlib import Path

from bot.nlp.crisis import CATEGORIES, dialogue_outcome
from bot.nlp.crisis_model import TRAINING_FILES

BLIND = Path(__file__).parent / "crisis_blind_5.tsv"

RECALL_FLOOR = 0.80
FULL_FLOOR = 0.60
ORDINARY_CHECK_CEILING = 0.02
ORDINARY_FULL_CEILING = 0.02
# measured per category (caught with the check / lines), minus about one line
CATEGORY_FLOORS = {
    "abuse": 0.93,
    "active_suicide": 0.81,
    "burden": 0.80,
    "coercion": 0.80,
    "eating_disorder": 0.50,
    "homeless": 0.86,
    "method_place": 0.47,
    "neglect": 0.78,
    "not_missed": 0.86,
    "panic": 0.86,
    "passive_wish": 0.75,
    "plan": 0.76,
    "self_harm": 0.68,
}


def _rows():
    rows = []
    for line in BLIND.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 4 or parts[0] not in ("crisis", "none"):
            continue
        question = parts[2].strip()
        rows.append(
            (
                parts[0],
                parts[1],
                None if question in ("", "none") else question,
                "\t".join(parts[3:]),
            )
        )
    return rows


def test_the_blind_set_is_not_training_data():
    assert BLIND.resolve() not in {path.resolve() for path in TRAINING_FILES}
    assert not any("blind_5" in path.name for path in TRAINING_FILES)


def test_blind_set_figures_stay_above_their_floors():
    rows = _rows()
    assert len(rows) >= 400
    outcomes = defaultdict(list)
    ordinary = []
    for label, category, question, text in rows:
        outcome = dialogue_outcome(text, question)
        if label == "crisis":
            outcomes[category].append(outcome)
        else:
            ordinary.append(outcome)
    assert set(outcomes) == set(CATEGORIES)
    everything = [o for found in outcomes.values() for o in found]
    recall = sum(o != "none" for o in everything) / len(everything)
    full = sum(o == "crisis" for o in everything) / len(everything)
    check = ordinary.count("check") / len(ordinary)
    alarm = ordinary.count("crisis") / len(ordinary)
    assert recall >= RECALL_FLOOR, recall
    assert full >= FULL_FLOOR, full
    assert check <= ORDINARY_CHECK_CEILING, check
    assert alarm <= ORDINARY_FULL_CEILING, alarm
    per_category = {
        c: sum(o != "none" for o in found) / len(found) for c, found in outcomes.items()
    }
    below = {c: round(v, 2) for c, v in per_category.items() if v < CATEGORY_FLOORS[c]}
    assert not below, below
