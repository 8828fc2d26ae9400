"""The conversation acts a coach line is classified into (classifier.py), in one place so the
data files (coach_lines.py) can be checked without importing the classifier."""

from __future__ import annotations

LABELS = (
    "open_vraag",
    "gesloten_vraag",
    "waarom_vraag",
    "reflectie",
    "advies",
    "invullen",
    "overig",
)
