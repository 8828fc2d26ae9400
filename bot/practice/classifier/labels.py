"""The conversation acts a coach line is classified into (classify.py), in one place so the
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

# The kinds of filling in (rule 10, NIVEA): the coach names the student's feeling, explains the
# cause, chooses the kernwoord or the next step, asks a suggestive question, or puts a label on
# the student (a quality, identity or diagnosis).
KINDS = ("feeling", "cause", "choice", "suggestive", "label")
