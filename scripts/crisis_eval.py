"""Measure the crisis detector (``bot.nlp.crisis.assess``).

    .venv/bin/python scripts/crisis_eval.py FILE [-v]   # one labelled file, the detector as it is
    .venv/bin/python scripts/crisis_eval.py --cv        # cross-validation on the development data
    .venv/bin/python scripts/crisis_eval.py --ordinary  # ordinary student lines (must not be crisis)
    .venv/bin/python scripts/crisis_eval.py --dialogue FILE  # label, category, question, text: the bot's
                                                             # answer per line, a table per category
    .venv/bin/python scripts/crisis_eval.py --dialogue FILE --part tune|held
        # only the tuning part or the held-out part of FILE (crc32 of the text % 3 == 0 is held
        # out); the held-out part prints its table but never its lines, even with -v

FILE is label<TAB>category<TAB>text or label<TAB>text (labels crisis / none or geen). "Caught"
counts "unsure" as caught; a false alarm is "unsure" or "crisis" on a negative.

``--cv`` fits the trained model (``bot.nlp.crisis_model.fit``) on stratified folds of all the
development data and reads each held-out line with the rules and the fold's model. The
figures are taken on the lines the rules were never written on (crisis_train_2 and
crisis_blind_3), so the rules are measured fairly too; ``--cv`` also searches the thresholds
(docs/crisis.md, "Thresholds") and holds out crisis_train_2 as a whole (another writer).
Never run this on tests/nlp/crisis_blind_4.tsv more than the once it was measured.
"""

from __future__ import annotations

import sys
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.nlp import crisis, crisis_model  # noqa: E402
from bot.nlp.crisis import assess  # noqa: E402

HONEST = ("crisis_train_2", "crisis_blind_3")  # sources the rules were not written on


def report(rows, levels, name, verbose=False):
    """rows: (label, category, text); levels: the level per row."""
    per_category = defaultdict(list)
    positives, negatives = [], []
    for (label, category, _text), level in zip(rows, levels):
        if label == "crisis":
            positives.append(level)
            per_category[category].append(level)
        else:
            negatives.append(level)
    caught = sum(level != "none" for level in positives)
    alarms = sum(level != "none" for level in negatives)
    unsure = sum(level == "unsure" for level in levels)
    print(
        f"{name}: recall {caught}/{len(positives)} = {caught / max(1, len(positives)):.3f} "
        f"(at level crisis {sum(l == 'crisis' for l in positives) / max(1, len(positives)):.3f}); "
        f"false alarms {alarms}/{len(negatives)} = {alarms / max(1, len(negatives)):.3f} "
        f"(at level crisis {sum(l == 'crisis' for l in negatives) / max(1, len(negatives)):.3f}); "
        f"unsure {unsure / max(1, len(levels)):.3f} of all lines, "
        f"{sum(l == 'unsure' for l in positives) / max(1, len(positives)):.3f} of crisis lines, "
        f"{sum(l == 'unsure' for l in negatives) / max(1, len(negatives)):.3f} of negatives"
    )
    if len(per_category) > 1:
        for category in sorted(per_category):
            levels_c = per_category[category]
            print(
                f"   {category:15} {sum(l != 'none' for l in levels_c)}/{len(levels_c)} = "
                f"{sum(l != 'none' for l in levels_c) / len(levels_c):.2f} (unsure {sum(l == 'unsure' for l in levels_c)})"
            )
    if verbose:
        for (label, category, text), level in zip(rows, levels):
            if (level == "none") == (label == "crisis"):
                print(
                    f"   {'missed' if label == 'crisis' else 'false alarm (' + level + ')'}: [{category}] {text}"
                )


def evaluate_file(path: Path, verbose: bool) -> None:
    rows = [(r.label, r.category, r.text) for r in crisis_model.read_rows(path)]
    report(rows, [assess(text).level for _, _, text in rows], path.name, verbose)


# --- cross-validation -----------------------------------------------------------------------
def _components(rows, folds=5, seed=0, hold_out=None):
    """Per row: (rule level, rule category, model probability or None, prepared, whether the
    rules' hit is protected), out of fold."""
    from sklearn.model_selection import StratifiedKFold

    prepared = [crisis.prepare(row.text) for row in rows]
    out = [None] * len(rows)
    if hold_out:
        splits = [
            (
                [i for i, r in enumerate(rows) if r.source != hold_out],
                [i for i, r in enumerate(rows) if r.source == hold_out],
            )
        ]
    else:
        strata = [f"{r.source}|{r.label}|{r.category}" for r in rows]
        splits = StratifiedKFold(folds, shuffle=True, random_state=seed).split(prepared, strata)
    for train, test in splits:
        crisis_model.use(crisis_model.fit([rows[i] for i in train]))
        for i in test:
            level, category = crisis._rules_assess(prepared[i])
            out[i] = (
                level,
                category,
                crisis._model_probability(prepared[i]),
                prepared[i],
                crisis.protected(prepared[i]),
            )
    crisis_model.use(None)
    return out


def _levels(components, unsure, crisis_t, veto, use_rules=True, use_model=True):
    levels = []
    for item in components:
        if item is None:  # not held out in this run
            levels.append("none")
            continue
        level, category, probability, prepared, keep = item
        if not use_rules:
            level, category, keep = "none", None, False
        levels.append(
            crisis.combine(
                level,
                category,
                probability if use_model else None,
                prepared,
                unsure,
                crisis_t,
                veto,
                keep=keep,
            )[0]
        )
    return levels


def _figures(rows, levels, mask):
    pos = [l for r, l, m in zip(rows, levels, mask) if m and r.label == "crisis"]
    neg = [l for r, l, m in zip(rows, levels, mask) if m and r.label != "crisis"]
    return (
        np.mean([l != "none" for l in pos]),
        np.mean([l == "crisis" for l in pos]),
        np.mean([l != "none" for l in neg]),
        np.mean([l == "crisis" for l in neg]),
    )


def _line(name, figures):
    recall, recall_c, fa, fa_c = figures
    print(
        f"  {name:58} recall {recall:.3f} (crisis {recall_c:.3f})  false alarms {fa:.3f} (crisis {fa_c:.3f})"
    )


def cross_validate() -> None:
    rows = crisis_model.training_rows()
    unsure, crisis_t, veto = (
        crisis_model.UNSURE_THRESHOLD,
        crisis_model.CRISIS_THRESHOLD,
        crisis_model.RULE_VETO,
    )
    honest = [r.source in HONEST for r in rows]
    ordinary_nlu = [r.source in crisis_model.ORDINARY_SOURCES and r.label == "none" for r in rows]
    print(
        f"{len(rows)} lines ({sum(r.label == 'crisis' for r in rows)} crisis); figures on the "
        f"{sum(honest)} lines of {', '.join(HONEST)}, out of fold (5 folds, stratified by file, label, category)"
    )
    comps = _components(rows)
    as_rows = [(r.label, r.category, r.text) for r in rows]
    _line("rules only", _figures(rows, _levels(comps, 2, 2, 0, use_model=False), honest))
    _line(
        f"model only (unsure {unsure}, crisis {crisis_t})",
        _figures(rows, _levels(comps, unsure, crisis_t, 0, use_rules=False), honest),
    )
    _line("rules + model, no veto", _figures(rows, _levels(comps, unsure, crisis_t, 0), honest))
    chosen = _levels(comps, unsure, crisis_t, veto)
    _line(f"rules + model, veto {veto} (chosen)", _figures(rows, chosen, honest))
    print(
        f"  chosen, everyday lines (NLU other intents, crisis_ordinary) flagged: "
        f"{np.mean([l != 'none' for l, m in zip(chosen, ordinary_nlu) if m]):.3f}"
    )
    report(
        [r for r, m in zip(as_rows, honest) if m],
        [l for l, m in zip(chosen, honest) if m],
        "  chosen, per category",
    )
    print(
        "threshold search (rules + model, veto as chosen): smallest 'unsure' threshold with false alarms <= target;"
    )
    print("'crisis' threshold: smallest with false alarms at level crisis <= 0.03")
    for target in (0.05, 0.10, 0.15, 0.20):
        for t in np.arange(0.30, 0.995, 0.01):
            figures = _figures(rows, _levels(comps, t, 2, veto), honest)
            if figures[2] <= target:
                break
        levels = _levels(comps, t, 2, veto)
        everyday = np.mean([l != "none" for l, m in zip(levels, ordinary_nlu) if m])
        _line(f"false alarms <= {target:.2f}: unsure from {t:.2f}", figures)
        print(f"  {'':58} everyday lines flagged {everyday:.3f}")
    for t in np.arange(0.70, 0.995, 0.01):
        figures = _figures(rows, _levels(comps, unsure, t, veto), honest)
        if figures[3] <= 0.03:
            break
    _line(f"crisis from {t:.2f} (unsure {unsure})", figures)
    print(
        "crisis_train_2 held out as a whole (trained on everything else: another writer's lines):"
    )
    comps = _components(rows, hold_out="crisis_train_2")
    mask = [r.source == "crisis_train_2" for r in rows]
    _line("rules only", _figures(rows, _levels(comps, 2, 2, 0, use_model=False), mask))
    _line("rules + model (chosen)", _figures(rows, _levels(comps, unsure, crisis_t, veto), mask))


def ordinary_lines():
    sys.path.insert(0, str(ROOT / "tests"))
    from reflection_script import ANSWERS  # noqa: E402

    from bot.practice.student.personas import persona_lines  # noqa: E402

    return list(ANSWERS) + persona_lines()


def check_ordinary() -> None:
    lines = ordinary_lines()
    results = [(assess(line).level, line) for line in lines]
    print(
        f"ordinary student lines: {len(lines)}; crisis {sum(l == 'crisis' for l, _ in results)}, "
        f"unsure {sum(l == 'unsure' for l, _ in results)}"
    )
    for level, line in results:
        if level != "none":
            print(f"   {level}: {line}")


# The blind sets' writers name the answer to the gentle check "crisis_check".
CHECK_NAMES = {"crisis_check": crisis.CHECK}


def dialogue_rows(path: Path) -> list[tuple[str, str, str | None, str]]:
    """(label, category, question, text) of a four-column file; question "none" is None, and
    "crisis_check" (the writers' name for an answer to the gentle check) is ``crisis.CHECK``."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 4 or parts[0] not in ("crisis", "none"):
            continue
        question = parts[2].strip() or "none"
        rows.append(
            (
                parts[0],
                parts[1].strip(),
                None if question == "none" else CHECK_NAMES.get(question, question),
                "\t".join(parts[3:]),
            )
        )
    return rows


def held_out(text: str) -> bool:
    """The held-out third of a development file: decided by the text alone, so that it stays
    the same when lines are added."""
    return zlib.crc32(text.strip().encode("utf-8")) % 3 == 0


def dialogue_table(
    path: Path, verbose: bool = False, part: str | None = None
) -> dict[str, dict[str, float]]:
    """What the conversation does with each line (``crisis.dialogue_outcome``), per category:
    crisis lines caught (the full reply or the gentle check) and given the full reply at once;
    ordinary lines given the gentle check or the full reply. Prints a markdown table."""
    per: dict[str, list[str]] = defaultdict(list)
    ordinary: list[str] = []
    ordinary_per: dict[str, list[str]] = defaultdict(list)
    for label, category, question, text in dialogue_rows(path):
        if part is not None and held_out(text) != (part == "held"):
            continue
        outcome = crisis.dialogue_outcome(text, question)
        if label == "crisis":
            per[category].append(outcome)
        else:
            ordinary.append(outcome)
            ordinary_per[category].append(outcome)
        wrong = (outcome == "none") if label == "crisis" else (outcome != "none")
        if verbose and part != "held" and (wrong or (label == "crisis" and outcome == "check")):
            print(f"   {label}/{outcome} [{category}, {question}] {text}")
    figures = {}
    print("| category | kind | lines | recall (with the check) | full reply at once |")
    print("| --- | --- | --- | --- | --- |")
    everything = [o for outcomes in per.values() for o in outcomes]
    for category in sorted(per) + ["all crisis lines"]:
        outcomes = everything if category == "all crisis lines" else per[category]
        recall = sum(o != "none" for o in outcomes) / len(outcomes)
        full = sum(o == "crisis" for o in outcomes) / len(outcomes)
        figures[category] = {"n": len(outcomes), "recall": recall, "full": full}
        kind = crisis.CATEGORIES.get(category, "")
        print(f"| {category} | {kind} | {len(outcomes)} | {recall:.2f} | {full:.2f} |")
    print("\n| ordinary lines | lines | gentle check | full reply |\n| --- | --- | --- | --- |")
    for category in sorted(ordinary_per):
        outcomes = ordinary_per[category]
        print(
            f"| {category} | {len(outcomes)} | {sum(o == 'check' for o in outcomes)} | "
            f"{sum(o == 'crisis' for o in outcomes)} |"
        )
    check = sum(o == "check" for o in ordinary) / max(1, len(ordinary))
    full = sum(o == "crisis" for o in ordinary) / max(1, len(ordinary))
    figures["ordinary"] = {"n": len(ordinary), "check": check, "full": full}
    print(f"\nordinary lines: {len(ordinary)}; gentle check {check:.3f}, full reply {full:.3f}")
    return figures


def main() -> None:
    if "--dialogue" in sys.argv:
        part = sys.argv[sys.argv.index("--part") + 1] if "--part" in sys.argv else None
        dialogue_table(Path(sys.argv[sys.argv.index("--dialogue") + 1]), "-v" in sys.argv, part)
    elif "--cv" in sys.argv:
        cross_validate()
    elif "--ordinary" in sys.argv:
        check_ordinary()
    else:
        evaluate_file(Path(sys.argv[1]), "-v" in sys.argv)


if __name__ == "__main__":
    main()
