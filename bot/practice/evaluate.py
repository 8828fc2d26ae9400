"""Measure the coach-line classifier on a labelled TSV file (label<TAB>text, '#' comments).

    python -m bot.practice.evaluate                      # held-out test set
    python -m bot.practice.evaluate path/to/file.tsv -v  # any file, list the errors too
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

from .classifier import LABELS, classify_with_rule

REPO_ROOT = Path(__file__).resolve().parents[2]
TEST_FILE = REPO_ROOT / "tests" / "practice" / "coach_lines_test.tsv"
DEV_FILE = Path(__file__).resolve().parent / "data" / "coach_lines_dev.tsv"


def load_tsv(path: Path) -> List[Tuple[str, str]]:
    rows = []
    for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        label, sep, text = raw.partition("\t")
        if not sep or label not in LABELS:
            raise ValueError(f"{path}:{n}: expected '<label>\\t<text>' with a known label: {raw!r}")
        rows.append((label, text.strip()))
    return rows


@dataclass
class Evaluation:
    accuracy: float
    precision: Dict[str, float]
    recall: Dict[str, float]
    support: Dict[str, int]
    confusion: Dict[str, Dict[str, int]]  # gold -> predicted -> count
    errors: List[Tuple[str, str, str, str]] = field(default_factory=list)  # gold, pred, rule, text


def evaluate(rows: List[Tuple[str, str]]) -> Evaluation:
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    errors = []
    for gold, text in rows:
        pred, rule = classify_with_rule(text)
        confusion[gold][pred] += 1
        if pred != gold:
            errors.append((gold, pred, rule, text))
    correct = sum(confusion[label][label] for label in LABELS)
    support = {g: sum(confusion[g].values()) for g in LABELS}
    predicted = {p: sum(confusion[g][p] for g in LABELS) for p in LABELS}
    precision = {l: (confusion[l][l] / predicted[l]) if predicted[l] else 0.0 for l in LABELS}
    recall = {l: (confusion[l][l] / support[l]) if support[l] else 0.0 for l in LABELS}
    return Evaluation(correct / len(rows) if rows else 0.0, precision, recall, support, confusion, errors)


SHORT = {"open_vraag": "open", "gesloten_vraag": "gesl", "waarom_vraag": "waar", "reflectie": "refl",
         "advies": "adv", "invullen": "invul", "overig": "ov"}


def format_confusion(ev: Evaluation) -> str:
    head = "gold \\ pred".ljust(16) + "".join(SHORT[p].rjust(7) for p in LABELS)
    lines = [head]
    for g in LABELS:
        lines.append(g.ljust(16) + "".join(str(ev.confusion[g][p]).rjust(7) for p in LABELS))
    return "\n".join(lines)


def format_report(ev: Evaluation, name: str = "") -> str:
    out = [f"{name}: n={sum(ev.support.values())}  accuracy={ev.accuracy:.3f}", ""]
    out.append("label".ljust(16) + "precision".rjust(10) + "recall".rjust(8) + "n".rjust(5))
    for l in LABELS:
        out.append(l.ljust(16) + f"{ev.precision[l]:.3f}".rjust(10) + f"{ev.recall[l]:.3f}".rjust(8)
                   + str(ev.support[l]).rjust(5))
    out += ["", format_confusion(ev)]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=[TEST_FILE])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misclassified lines")
    args = parser.parse_args(argv)
    for path in args.files:
        ev = evaluate(load_tsv(path))
        print(format_report(ev, str(path)))
        if args.verbose:
            print("\nerrors (gold -> predicted [rule]):")
            for gold, pred, rule, text in ev.errors:
                print(f"  {gold} -> {pred} [{rule}]  {text}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
