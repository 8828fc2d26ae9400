"""Classify a Dutch coach line into conversation acts, with the student's previous turn as context.

Labels: open_vraag, gesloten_vraag, waarom_vraag, reflectie, advies, invullen, overig.

A turn is split into sentences (and a reflection followed by ", hoe/wat ...?" into its two
clauses). Each part gets a label from the hand-written rules (rules/), adjusted by the student's
previous turn (context.py: a word the student used is offered back, one they never said is filled
in). ``label`` is the act the trainee most needs to hear about (waarom > invullen > advies > open
> gesloten > reflectie > overig); ``labels`` holds every act in the turn, so a line that reflects
and then asks counts as both.

Where only the form of a sentence decided (a wh-word, a '?', a statement about "je"), a trained
scikit-learn model (model.py) may overrule the rules when it is confident: on the blind set this
hybrid scored 0.865 against 0.853 for the rules alone (docs/practice.md, "Measured numbers").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO

from bot.practice.classifier.context import StudentTurn, adjust
from bot.practice.classifier.labels import LABELS  # noqa: F401 - the labels are part of this module's interface
from bot.practice.classifier.model import FORM_RULES, OVERRULE_CONFIDENCE, trained_model
from bot.practice.classifier.nivea import detect
from bot.practice.classifier.rules.sentence import classify_sentence
from bot.practice.classifier.rules.words import normalise
from bot.practice.classifier.split import split_turn  # noqa: F401 - part of the interface

# When one coach turn holds several acts, the one the trainee most needs to hear about is the
# main label; among questions the open one wins because the student will answer that one.
PRIORITY = [
    "waarom_vraag",
    "invullen",
    "advies",
    "open_vraag",
    "gesloten_vraag",
    "reflectie",
    "overig",
]


@dataclass(frozen=True)
class Classification:
    label: str
    labels: tuple[str, ...]  # every act in the turn, main label first
    rule: str  # the rule that decided the main label (explains feedback)


_WHY_NOT = re.compile(
    r"\bwaarom (\w+ )?(je|jij) (dan )?(niet|geen)\b|\bwaarom niet (gewoon|eens|even)\b"
)


def classify_rules(text: str, student: str | None = None) -> Classification:
    """The rules (with context) for a whole turn."""
    turn = StudentTurn(student)
    results = []
    extra = set()
    for part in split_turn(text) or [""]:
        label, rule = classify_sentence(part)
        label, rule = adjust(label, rule, part, turn)
        if label != "invullen" and not rule.startswith("context:own"):
            filling = detect(part, label, rule, turn)
            if filling:
                label, rule = "invullen", f"filling:{filling.kind}"
        results.append((label, rule))
        if label == "waarom_vraag" and _WHY_NOT.search(normalise(part)):
            extra.add("advies")  # "Waarom ga je niet gewoon ...?": a why-question and advice
    main = min(results, key=lambda r: PRIORITY.index(r[0]))
    others = sorted(
        ({label for label, _ in results} | extra) - {main[0], "overig"}, key=PRIORITY.index
    )
    return Classification(main[0], (main[0], *others), main[1])


def classify_hybrid(text: str, student: str | None = None) -> Classification:
    """The rules, overruled by the trained model (model.py) where only the form of the sentence
    decided and the model is confident about another label."""
    rules = classify_rules(text, student)
    if rules.rule not in FORM_RULES:
        return rules
    label, confidence = trained_model().predict(text, student)
    if label == rules.label or confidence < OVERRULE_CONFIDENCE:
        return rules
    if label == "invullen":
        # Filling in is a comparison with the student's words (nivea.py), which n-grams
        # cannot make: the model may not call a line invullen that the rules let through.
        return rules
    return Classification(
        label, (label, *[l for l in rules.labels if l != label]), f"model ({rules.rule})"
    )


# Which combination answers: "rules" or "hybrid" (docs/practice.md, "Measured numbers").
APPROACH = "hybrid"


def classify_full(text: str, student: str | None = None) -> Classification:
    """Label, all labels and the deciding rule of one coach turn."""
    return classify_hybrid(text, student) if APPROACH == "hybrid" else classify_rules(text, student)


def classify_with_rule(text: str, student: str | None = None) -> tuple[str, str]:
    """Return (label, name of the rule that decided); the rule name helps explain feedback."""
    result = classify_full(text, student)
    return result.label, result.rule


def classify(text: str, student: str | None = None) -> str:
    """Classify one coach line into one of LABELS; ``student``: the student's previous turn."""
    return classify_full(text, student).label


def classify_many(lines: Iterable[str], students: Sequence[str | None] | None = None) -> list[str]:
    lines = list(lines)
    students = list(students) if students is not None else [None] * len(lines)
    return [classify(line, student) for line, student in zip(lines, students)]


def _read_line(line: str) -> tuple[str, str | None]:
    """A plain coach line, or JSON {"student": ..., "coach": ...}."""
    if line.startswith("{"):
        try:
            data = json.loads(line)
        except ValueError:
            return line, None
        if isinstance(data, dict) and isinstance(data.get("coach"), str):
            student = data.get("student")
            return data["coach"], student if isinstance(student, str) else None
    return line, None


def classify_stream(infile: IO[str], outfile: IO[str]) -> int:
    """Read coach lines (one per line, blanks skipped; a line may be JSON with "student" and
    "coach"); write JSON lines {"text", "label", "labels"}. Returns the number of lines written."""
    count = 0
    for raw in infile:
        line = raw.strip()
        if not line:
            continue
        coach, student = _read_line(line)
        result = classify_full(coach, student)
        outfile.write(
            json.dumps(
                {"text": coach, "label": result.label, "labels": list(result.labels)},
                ensure_ascii=False,
            )
            + "\n"
        )
        count += 1
    return count
