"""The coach-line classifier: a coach line (with the student's previous turn) in, its
conversation acts out. The hand-written rules (rules/), their word lists (lexicon.py), the
student's turn as context (context.py, nivea.py), the trained model (model.py) and the
evaluation on labelled lines (coach_lines.py, evaluate.py, data/)."""

from bot.practice.classifier.classify import (
    APPROACH,
    LABELS,
    Classification,
    classify,
    classify_full,
    classify_hybrid,
    classify_many,
    classify_rules,
    classify_stream,
    classify_with_rule,
)

__all__ = [
    "APPROACH",
    "LABELS",
    "Classification",
    "classify",
    "classify_full",
    "classify_hybrid",
    "classify_many",
    "classify_rules",
    "classify_stream",
    "classify_with_rule",
]
