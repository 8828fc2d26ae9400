"""The report's list of filled-in lines (rule 10, NIVEA): each line, the words that filled in, and
a rewrite that stays in the student's own words.

The rewrite is a reflection built only from the student's previous turn: the same words, spoken
back ("ik" becomes "je", "mijn" becomes "je", "ik heb" becomes "je hebt"), nothing added. It
shows the trainee that the student's own words were enough.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypedDict

from bot.practice.classifier.lexicon import ANY_FEELING_WORDS, FINITE_VERBS, STOP_WORDS
from bot.practice.classifier.nivea import explain

# First person -> second person; verbs after "ik" take the "je" form.
_PRONOUNS = {
    "ik": "je",
    "me": "je",
    "mij": "je",
    "mijn": "je",
    "m'n": "je",
    "mn": "je",
    "mezelf": "jezelf",
    "mijzelf": "jezelf",
    "we": "jullie",
    "wij": "jullie",
    "ons": "jullie",
    "onze": "jullie",
}
_AFTER_IK = {
    "ben": "bent", "heb": "hebt", "kan": "kunt", "wil": "wilt", "zal": "zult", "ga": "gaat",
    "sta": "staat", "sla": "slaat",
}  # fmt: skip
_BEFORE_IK = {"kan": "kun"}  # "kan ik" -> "kun je"
# Finite forms that stay the same after "je": past tense and modal verbs.
_UNCHANGED = {
    "was", "had", "ging", "kon", "wou", "zei", "kreeg", "moest", "mocht", "zat", "stond", "lag",
    "liep", "deed", "vond", "zag", "kwam", "bleef", "werd", "wist", "dacht", "mag", "moet",
    "durf", "hoef", "zit", "weet", "word", "wel", "niet", "toch", "echt", "gewoon",
}  # fmt: skip
_VERB_LIKE = re.compile(r"^[a-zà-ÿ]{2,}$")
_FILLER_START = re.compile(r"^((ja|nee|nou|ehm|eh|uhm|uh|haha|hmm|pff|oké|ok|dus|en),?\s+)+")
_MAX_WORDS = 20


class FilledIn(TypedDict):
    """One filled-in line of the trainee, for the report."""

    line: str  # the trainee's line
    kind: str  # feeling, cause, choice, suggestive or label
    words: list[str]  # the trainee's words that filled in
    student: str  # what the student had just said
    rewrite: str  # a reflection in the student's own words


_NOT_VERBS = {"ook", "nooit", "altijd", "soms", "vaak", "zelf", "alleen", "liever", "graag", "nu"}


def _verb_after_ik(word: str) -> str:
    if word in _AFTER_IK:
        return _AFTER_IK[word]
    if word in _NOT_VERBS or (word in STOP_WORDS and word not in FINITE_VERBS):
        return word  # "en ik ook", "ik niet"
    if word in _UNCHANGED or word.endswith(("de", "te", "den", "ten", "t")) or len(word) < 2:
        return word
    return word + "t"


def mirror(student: str) -> str:
    """The student's words spoken back by the coach, nothing added: 'ik heb mijn hand niet
    opgestoken' -> 'Je hebt je hand niet opgestoken.'"""
    clause = _clause(student)
    words = re.findall(r"[\w'à-ÿ-]+|[,;]", clause.lower())
    out: list[str] = []
    for i, word in enumerate(words):
        previous = words[i - 1] if i else ""
        following = words[i + 1] if i + 1 < len(words) else ""
        if word == "ik":
            out.append("je")
        elif word in _PRONOUNS:
            out.append(_PRONOUNS[word])
        elif previous == "ik" and _VERB_LIKE.match(word):
            out.append(_verb_after_ik(word))
        elif following == "ik" and word in _BEFORE_IK:
            out.append(_BEFORE_IK[word])
        else:
            out.append(word)
    text = " ".join(out).replace(" ,", ",").replace(" ;", ";").strip(" ,;")
    return (text[:1].upper() + text[1:] + ".") if text else ""


def _clause(student: str) -> str:
    """The part of the student's turn to give back: the sentence with a feeling in it, else the
    first; at most a short clause of it."""
    parts = [s.strip() for s in re.findall(r"[^.!?]+[.!?]*", student or "") if s.strip(" .!?")]
    # A question the student asked is not what they told: give back a statement if there is one.
    sentences = [s.rstrip(".!? ") for s in parts if not s.endswith("?")] or [
        s.rstrip(".!? ") for s in parts
    ]
    if not sentences:
        return ""
    felt = [s for s in sentences if set(re.findall(r"[a-zà-ÿ]+", s.lower())) & ANY_FEELING_WORDS]
    sentence = _FILLER_START.sub("", (felt or sentences)[0].strip().lower())
    words = sentence.split()
    if len(words) <= _MAX_WORDS:
        return sentence
    # A long sentence: up to the last clause boundary within the limit, else the first words.
    cut = " ".join(words[:_MAX_WORDS])
    for boundary in (",", " maar ", " en "):
        if boundary in cut:
            return cut.rsplit(boundary, 1)[0]
    return cut


def filled_in_lines(turns: Sequence) -> list[FilledIn]:
    """Every coach turn with a filling-in act, with what filled in and a rewrite.

    turns: the report's coach turns (text, labels, previous)."""
    found: list[FilledIn] = []
    for turn in turns:
        if "invullen" not in turn.labels:
            continue
        filling = explain(turn.text, turn.previous or None)
        found.append(
            {
                "line": turn.text,
                "kind": filling.kind if filling else "label",
                "words": list(filling.words) if filling else [],
                "student": turn.previous,
                "rewrite": mirror(turn.previous),
            }
        )
    return found
