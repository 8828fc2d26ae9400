"""The report's numbers beside a benchmark, and one of the trainee's lines said better.

Benchmarks after the MITI 4 (Motivational Interviewing Treatment Integrity) thresholds:
reflections per question 1 (fair) and 2 (good); share of open questions 50% and 70%; share of
complex reflections 40% and 50%. The coach's share of the words has no MITI threshold; the method
asks for a dialogue in which the student talks most, so under half is "good".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypedDict

from bot.practice.classifier.context import StudentTurn, content_overlap

BENCHMARKS = {
    # name: (fair, good, higher is better)
    "reflections_per_question": (1.0, 2.0, True),
    "open_share": (0.5, 0.7, True),
    "complex_share": (0.4, 0.5, True),
    "coach_word_share": (0.6, 0.5, False),
}
ONDER, REDELIJK, GOED = "onder redelijk", "redelijk", "goed"


class Benchmark(TypedDict):
    """One of the report's numbers beside its benchmark."""

    value: float
    fair: float
    good: float
    level: str


def level(name: str, value: float) -> str:
    fair, good, higher = BENCHMARKS[name]
    if higher:
        return GOED if value >= good else REDELIJK if value >= fair else ONDER
    return GOED if value <= good else REDELIJK if value <= fair else ONDER


def benchmark(name: str, value: float) -> Benchmark:
    fair, good, _ = BENCHMARKS[name]
    return {
        "value": round(value, 2),
        "fair": fair,
        "good": good,
        "level": level(name, value),
    }


def is_complex_reflection(text: str, student: str) -> bool:
    """Simple: the student's words given back. Complex: it adds meaning (a feeling, a link, the
    other side, the next step of the story) in words the student did not use."""
    shared, total = content_overlap(text, StudentTurn(student))
    if total <= 1:
        return False
    return shared / total < 0.6


def question_count(text: str) -> int:
    return len(re.findall(r"\?+", text or ""))


def fragment(text: str, words: int = 8) -> str:
    """The start of the student's turn, to quote back."""
    first = re.split(r"[.!?]", (text or "").strip())[0]
    tokens = first.split()
    return " ".join(tokens[:words]).strip(" ,;:").lower()


# ---- one line said better -------------------------------------------------------------------------


def rewrite(turns: Sequence, heard_feelings: Sequence[str]) -> dict[str, object] | None:
    """The trainee's most instructive line with a better one and the rule it serves.

    turns: the report's coach turns (text, label, labels, previous). Why-questions first, then
    filling in, advice, closed questions; without any, a question after a feeling that was not
    given back."""
    order = ("waarom_vraag", "invullen", "advies", "gesloten_vraag")
    for label in order:
        for t in turns:
            if t.label == label:
                return {"original": t.text, **_better(label, t.previous, t.text)}
    for t in turns:
        feeling = next((w for w in heard_feelings if w in (t.previous or "").lower()), None)
        if feeling and t.label == "open_vraag" and "reflectie" not in t.labels:
            return {
                "original": t.text,
                "better": f"{feeling.capitalize()}, zeg je. {t.text}",
                "rule": 4,
                "reason": "Eerst het gevoel kort teruggeven, dan pas verder vragen.",
            }
    return None


def _better(label: str, previous: str, text: str) -> dict[str, object]:
    said = fragment(previous)
    quote = f"Je zei: '{said}'. " if said else ""
    if label == "waarom_vraag":
        return {
            "better": f"{quote}Wat gebeurde er toen precies?",
            "rule": 9,
            "reason": "Een vraag naar de situatie (wat, hoe, wie, wanneer) in plaats van naar de reden.",
        }
    if label == "invullen":
        return {
            "better": f"{quote}Welk woord zou jij daarvoor kiezen?",
            "rule": 10,
            "reason": "De student kiest het woord zelf; jij biedt alleen de eigen woorden terug.",
        }
    if label == "advies":
        return {
            "better": "Wat heb je zelf al bedacht?",
            "rule": 1,
            "reason": "De student bedenkt de mogelijkheden; jij vraagt ernaar.",
        }
    return {
        "better": "Hoe was dat voor je?",
        "rule": 8,
        "reason": "Een open vraag laat het antwoord aan de student; een gesloten vraag vult het al half in.",
    }


def heard_feeling_words(student_turns: list[str], words_in) -> list[str]:
    heard: list[str] = []
    for turn in student_turns:
        for w in words_in(turn):
            if w not in heard:
                heard.append(w)
    return heard
