"""Word-level helpers of the coach-line rules (sentence.py and its rule families), also used by
the classifier's context.py and model.py: normalising a line, its tokens, and whether a word names a label."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.practice.classifier.lexicon import (
    EMOTION_WORDS,
    LABEL_SUFFIXES,
    LEADING_PARTICLES,
    QUALITY_WORDS,
)


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2026", "...")
    return re.sub(r"\s+", " ", text.strip().lower())


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9'-]+", text)


def any_match(patterns: Iterable[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def strip_particles(toks: list[str]) -> list[str]:
    i = 0
    while i < len(toks) - 1 and toks[i] in LEADING_PARTICLES:
        i += 1
    return toks[i:]


def is_label_word(tok: str) -> bool:
    return (
        tok in EMOTION_WORDS
        or tok in QUALITY_WORDS
        or (len(tok) > 6 and tok.endswith(LABEL_SUFFIXES))
    )


def is_quality_word(tok: str) -> bool:
    """A quality, value, identity or diagnosis (not a feeling)."""
    return tok in QUALITY_WORDS or (len(tok) > 6 and tok.endswith(LABEL_SUFFIXES))
