"""How well bot/nlp/answer_check.py tells answers from non-answers, per kind.

    .venv/bin/python scripts/answer_eval.py [-v] [FILE ...]
    .venv/bin/python scripts/answer_eval.py --cross [-v]

Each FILE has lines ``question<TAB>label<TAB>text`` (``#`` starts a comment); the default is the
blind set tests/nlp/answer_check_blind.tsv. For every label it prints how many lines were
judged that label (recall); then overall accuracy, how many non-answers were taken as answers
(each of them would have been stored), how many answers were turned down, and how many
messages of each side the bot would ask about ("is dit je antwoord?", ``UNSURE``: nothing is
stored unless the student says yes). A non-answer of another kind than labelled still counts as
heard right for storing, so both figures are shown; a message asked about counts as wrong
in "right kind", and an answer asked about as wrong in "answer vs non-answer" too.

``--cross`` judges every training file of the answer model (bot/nlp/data/answer_check/) with a
model fitted on the other files only: what the model adds on text it has not read (the rules
were written with these files in view, so their share is flattered).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.nlp import answer_model  # noqa: E402
from bot.nlp.answer_check import ANSWER, UNSURE, check_answer  # noqa: E402

DEFAULT = ROOT / "tests" / "nlp" / "answer_check_blind.tsv"
# A fixed "today" so that dates are judged the same on every run.
TODAY = date(2026, 12, 7)


def read(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        question, label, text = line.split("\t", 2)
        rows.append((question, label, text))
    return rows


def evaluate(rows: list[tuple[str, str, str]]) -> dict:
    per_label: dict[str, Counter] = defaultdict(Counter)
    misses = []
    for question, label, text in rows:
        got = check_answer(question, text, TODAY)
        per_label[label]["n"] += 1
        per_label[label]["right"] += got == label
        per_label[label]["stored_right"] += (got == ANSWER) == (label == ANSWER)
        if got != label:
            misses.append((question, label, got, text))
    total = len(rows)
    non_answers = [r for r in rows if r[1] != ANSWER]
    return {
        "total": total,
        "per_label": per_label,
        "accuracy": sum(c["right"] for c in per_label.values()) / total,
        "stored_accuracy": sum(c["stored_right"] for c in per_label.values()) / total,
        "non_answers_taken": sum(1 for m in misses if m[2] == ANSWER),
        "non_answers": len(non_answers),
        "answers_refused": sum(1 for m in misses if m[1] == ANSWER and m[2] != UNSURE),
        "answers_asked": sum(1 for m in misses if m[1] == ANSWER and m[2] == UNSURE),
        "non_answers_asked": sum(1 for m in misses if m[1] != ANSWER and m[2] == UNSURE),
        "misses": misses,
    }


def report(name: str, result: dict, verbose: bool) -> None:
    print(f"# {name}: {result['total']} lines")
    print("| label | lines | right kind | answer vs non-answer right |")
    print("| --- | --- | --- | --- |")
    for label, counts in sorted(result["per_label"].items()):
        n = counts["n"]
        print(f"| {label} | {n} | {counts['right'] / n:.2f} | {counts['stored_right'] / n:.2f} |")
    print(
        f"\naccuracy (right kind) {result['accuracy']:.3f}; answer vs non-answer "
        f"{result['stored_accuracy']:.3f}; non-answers taken as answers "
        f"{result['non_answers_taken']} of {result['non_answers']}; answers turned down "
        f"{result['answers_refused']}; asked whether it answers: "
        f"{result['answers_asked']} answers, {result['non_answers_asked']} non-answers\n"
    )
    if verbose:
        for question, label, got, text in result["misses"]:
            print(f"  {question:16} {label:>13} -> {got:<13} {text}")


def cross(verbose: bool) -> None:
    files = answer_model.training_files()
    for held_out in files:
        rows = [row for path in files if path != held_out for row in answer_model.read_rows(path)]
        answer_model._model = answer_model.AnswerModel(rows)
        report(f"{held_out.name}, model fitted without it", evaluate(read(held_out)), verbose)
    answer_model._model = None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument(
        "--cross", action="store_true", help="leave-one-file-out over the training files"
    )
    parser.add_argument("-v", action="store_true", help="list every line judged wrong")
    args = parser.parse_args()
    if args.cross:
        cross(args.v)
        return
    for path in args.files or [DEFAULT]:
        report(path.name, evaluate(read(path)), args.v)


if __name__ == "__main__":
    main()
