"""Notice emotion words in what a student wrote (rules 3 and 4 of the method).

Matching is on spaCy lemmas and on the surface word, so "trotse", "gestrest" and
"zenuwachtig" all count. The lexicon is small on purpose: it marks that an experience
mattered; the bot acknowledges it briefly and goes back to the experience itself.
"""

from __future__ import annotations

from bot.nlp.emotion_words import EMOTION_WORDS, NEGATIVE, POSITIVE
from bot.nlp.pipeline import load

__all__ = ["EMOTION_WORDS", "NEGATIVE", "POSITIVE", "dominant_valence", "find_emotions"]


def find_emotions(text: str) -> list[tuple[str, str]]:
    """Emotion words in ``text`` as (the student's own word, valence), in order, no repeats."""
    found: list[tuple[str, str]] = []
    seen = set()
    for token in load()(text or ""):
        word = token.text.lower()
        lemma = token.lemma_.lower()
        valence = EMOTION_WORDS.get(word) or EMOTION_WORDS.get(lemma)
        if valence and word not in seen:
            seen.add(word)
            found.append((word, valence))
    return found


def dominant_valence(found: list[tuple[str, str]]) -> str:
    """The valence to acknowledge: the first emotion word the student used sets the tone."""
    return found[0][1] if found else ""
