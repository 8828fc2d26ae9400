"""Measure the coach-line classifier on labelled TSV files ('#' starts a comment).

Two layouts: ``label<TAB>coach`` (no context) and ``label<TAB>student<TAB>coach[<TAB>labels]``
(the student's previous turn, and every label of a line that holds more than one act, separated
by commas, spaces or '|').

    python -m bot.practice.classifier.evaluate                      # every development set
    python -m bot.practice.classifier.evaluate path/to/file.tsv -v  # any file, list the errors too
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.practice.classifier.classify import Classification, classify_full
from bot.practice.classifier.coach_lines import (
    BLIND_FILE,
    DATA_DIR,
    DEV_FILES,
    REPO_ROOT,
    Row,
    load_rows,
    load_tsv,
)
from bot.practice.classifier.labels import LABELS

# The data files and their reader live in coach_lines.py; named here too for older callers.
__all__ = [
    "BLIND_FILE",
    "DATA_DIR",
    "DEV_FILES",
    "REPO_ROOT",
    "Evaluation",
    "Row",
    "evaluate",
    "format_report",
    "load_rows",
    "load_tsv",
]


@dataclass
class Evaluation:
    accuracy: float
    precision: dict[str, float]
    recall: dict[str, float]
    support: dict[str, int]
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # gold, pred, rule, text
    # Lines with more than one gold label: how many of those extra labels were found.
    extra_labels_found: int = 0
    extra_labels: int = 0
    # Filling-in lines with a kind (feeling, cause, ...): kind -> (found as invullen, lines).
    kinds: dict[str, tuple[int, int]] = field(default_factory=dict)

    def kind_recall(self, kind: str) -> float:
        found, total = self.kinds.get(kind, (0, 0))
        return found / total if total else 0.0


Classifier = Callable[[str, str | None], Classification]


def evaluate(rows, classifier: Classifier = classify_full, use_context: bool = True) -> Evaluation:
    """rows: Row objects or (label, text) pairs."""
    rows = [r if isinstance(r, Row) else Row(r[0], r[1]) for r in rows]
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    errors = []
    found = extra = 0
    kinds: dict[str, list[int]] = {}
    for row in rows:
        result = classifier(row.coach, row.student if use_context else None)
        confusion[row.label][result.label] += 1
        if row.kind:
            tally = kinds.setdefault(row.kind, [0, 0])
            tally[0] += result.label == row.label
            tally[1] += 1
        if result.label != row.label:
            errors.append(
                (
                    row.label,
                    result.label,
                    result.rule,
                    (f"[{row.student}] " if row.student else "") + row.coach,
                )
            )
        for other in row.all_labels[1:]:
            extra += 1
            found += other in result.labels
    correct = sum(confusion[label][label] for label in LABELS)
    support = {g: sum(confusion[g].values()) for g in LABELS}
    predicted = {p: sum(confusion[g][p] for g in LABELS) for p in LABELS}
    precision = {l: (confusion[l][l] / predicted[l]) if predicted[l] else 0.0 for l in LABELS}
    recall = {l: (confusion[l][l] / support[l]) if support[l] else 0.0 for l in LABELS}
    return Evaluation(
        correct / len(rows) if rows else 0.0,
        precision,
        recall,
        support,
        confusion,
        errors,
        found,
        extra,
        {kind: (n[0], n[1]) for kind, n in sorted(kinds.items())},
    )


SHORT = {
    "open_vraag": "open",
    "gesloten_vraag": "gesl",
    "waarom_vraag": "waar",
    "reflectie": "refl",
    "advies": "adv",
    "invullen": "invul",
    "overig": "ov",
}


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
        out.append(
            l.ljust(16)
            + f"{ev.precision[l]:.3f}".rjust(10)
            + f"{ev.recall[l]:.3f}".rjust(8)
            + str(ev.support[l]).rjust(5)
        )
    if ev.extra_labels:
        out.append(f"second labels found: {ev.extra_labels_found}/{ev.extra_labels}")
    if ev.kinds:
        out.append(
            "filling in found, per kind: "
            + ", ".join(f"{k} {f}/{n} ({f / n:.3f})" for k, (f, n) in ev.kinds.items())
        )
    out += ["", format_confusion(ev)]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, default=DEV_FILES)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misclassified lines")
    parser.add_argument(
        "--no-context", action="store_true", help="ignore the student's previous turn"
    )
    args = parser.parse_args(argv)
    for path in args.files:
        ev = evaluate(load_rows(path), use_context=not args.no_context)
        print(format_report(ev, str(path)))
        if args.verbose:
            print("\nerrors (gold -> predicted [rule]):")
            for gold, pred, rule, text in ev.errors:
                print(f"  {gold} -> {pred} [{rule}]  {text}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
