"""The student's previous turn as context for a coach line (rule 10, NIVEA).

A word offered back that the student used is a reflection; a feeling, quality, value, identity or
diagnosis the student never said is filling in. Words are compared by lemma (the lookup tables
of spacy-lookups-data, a plain dictionary, no language model) and by a shared stem, so "schaamde"
matches "schamen" and "perfectionist" matches "perfectionisme".
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

from bot.practice.classifier.lexicon import (
    ANY_FEELING_WORDS,
    EMOTION_WORDS,
    SMALL_TALK_STARTS,
    STOP_WORDS,
)
from bot.practice.classifier.rules.words import is_label_word, is_quality_word, normalise, tokens


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    try:
        import spacy_lookups_data

        path = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    except (ImportError, OSError, ValueError):  # pragma: no cover - the package is a dependency
        return {}


def lemma(word: str) -> str:
    return _lemma_table().get(word, word)


_INFLECTION = re.compile(r"(den|ten|de|te|en|t|d)$")


def _stem(word: str) -> str:
    """A rough Dutch stem: 'geraakt' and 'raakte' -> 'raak', 'mist' -> 'mis'."""
    if word.startswith("ge") and len(word) > 5:
        word = word[2:]
    stem = _INFLECTION.sub("", word)
    if len(stem) > 3 and stem[-1] == stem[-2]:
        stem = stem[:-1]  # zitten -> zit
    return stem if len(stem) >= 3 else word


def _same_word(a: str, b: str) -> bool:
    if a == b or lemma(a) == lemma(b):
        return True
    if len(a) > 2 and len(b) > 2 and _stem(a) == _stem(b):
        return True
    # A shared stem of at least five letters covering most of the shorter word:
    # zenuwachtig/zenuwen, perfectionist/perfectionisme, verantwoordelijk/verantwoordelijkheid.
    shorter = min(len(a), len(b))
    common = 0
    while common < shorter and a[common] == b[common]:
        common += 1
    return common >= 5 and common >= shorter - 2 and max(len(a), len(b)) - common <= 5


class StudentTurn:
    """The student's previous turn, ready to compare a coach line with."""

    def __init__(self, text: str | None) -> None:
        self.text = normalise(text or "")
        self.words: set[str] = {t for t in tokens(self.text) if len(t) > 1 or t.isdigit()}
        self.content = {w for w in self.words if w not in STOP_WORDS and len(w) > 2}
        self.named_feeling = any(
            w in ANY_FEELING_WORDS or lemma(w) in ANY_FEELING_WORDS for w in self.words
        )

    def __bool__(self) -> bool:
        return bool(self.words)

    def said(self, word: str) -> bool:
        return any(_same_word(word, w) for w in self.words)


def offered_words(text: str) -> list[str]:
    """Feelings, qualities, values, identities and diagnoses in a coach line."""
    return [t for t in tokens(normalise(text)) if is_label_word(t) or is_label_word(lemma(t))]


def content_overlap(text: str, student: StudentTurn) -> tuple[int, int]:
    """(content words of the coach line the student also used, content words of the line)."""
    words = [
        t for t in tokens(normalise(text)) if t not in STOP_WORDS and (len(t) > 2 or t.isdigit())
    ]
    return sum(1 for w in words if student.said(w)), len(words)


# The rules whose invullen means "the coach named something": with the student's own word it is
# a reflection after all. Interpretations ("volgens mij", "eigenlijk", "bedoel je") stay invullen.
_NAMING_RULES = {
    "invullen-strong",
    "klinkt-als-label",
    "je-bent-label",
    "je-bent-trait",
    "adverb+label",
}
_INTERPRETING = re.compile(
    r"\b(volgens mij|eigenlijk|gewoon|vast|zeker|stiekem|bedoel|denk ik|waarschijnlijk|"
    r"misschien|niet gewoon|zit er|daaronder|daarachter|typisch|vorm van)\b"
)
# Reflections that may carry a new word without filling in: the coach's own acknowledgement.
_ACKNOWLEDGEMENT = re.compile(
    r"^(\w+, )?(dat|het) klinkt\b|^(oei|oef|jeetje|tjonge|pff)\b|^dat moet\b"
)
_NAMING_RULES = _NAMING_RULES | {"dat-is-label"}


def adjust(label: str, rule: str, text: str, student: StudentTurn) -> tuple[str, str]:
    """Change a sentence's label in the light of what the student said before it."""
    if not student:
        return label, rule
    offered = offered_words(text)
    norm = normalise(text)
    if (
        label == "overig"
        and rule == "default"
        and offered
        and not any(student.said(w) for w in offered)
        and any(is_quality_word(w) or is_quality_word(lemma(w)) for w in offered)
    ):
        return "invullen", "context:new-label"  # "Loyaliteit." after a story without that word
    if (
        label == "gesloten_vraag"
        and offered
        and any(
            (is_quality_word(w) or is_quality_word(lemma(w))) and not student.said(w)
            for w in offered
        )
    ):
        return "invullen", "context:question-new-label"  # "Herken je jezelf in 'perfectionist'?"
    if (
        label == "gesloten_vraag"
        and rule == "tag"
        and offered
        and not all(student.said(w) for w in offered)
    ):
        return "invullen", "context:tag-new-word"  # "Je voelde je buitengesloten, hè?"
    if (
        label == "reflectie"
        and offered
        and rule != "exclamative"
        and not _ACKNOWLEDGEMENT.search(norm)
    ):
        new = [w for w in offered if not student.said(w)]
        if any(is_quality_word(w) or is_quality_word(lemma(w)) for w in new):
            return "invullen", "context:new-label"
        if (
            new
            and not student.named_feeling
            and any(w in EMOTION_WORDS or lemma(w) in EMOTION_WORDS for w in new)
        ):
            return "invullen", "context:new-feeling"
    if (
        label == "reflectie"
        and rule.startswith("statement")
        and re.search(r"\b(eigenlijk|stiekem|diep van binnen|waarschijnlijk|vast)\b", norm)
    ):
        shared, total = content_overlap(text, student)
        if not total or shared / total < 0.5:
            return "invullen", "context:interpretation"  # "Je wilde haar goedkeuring, eigenlijk."
    if label == "invullen" and rule in _NAMING_RULES and offered and not _INTERPRETING.search(norm):
        if all(student.said(w) for w in offered):
            return "reflectie", "context:own-word"
    if (
        label == "invullen"
        and rule == "invullen-strong"
        and not offered
        and not _INTERPRETING.search(norm)
    ):
        shared, total = content_overlap(text, student)
        if total and shared / total >= 0.6:
            return "reflectie", "context:own-words"
    if (
        label == "overig"
        and rule in ("default", "small-talk")
        and not norm.startswith(SMALL_TALK_STARTS)
    ):
        said = [t for t in tokens(norm) if t not in ("oh", "ah", "o")]
        if any(t not in STOP_WORDS for t in said) and all(student.said(t) for t in said):
            return "reflectie", "context:quote"
    if label == "overig" and rule == "default":
        shared, total = content_overlap(text, student)
        if shared or total >= 2:
            # Something about the student's story, after they told it: a reflection.
            return "reflectie", "context:echo" if shared else "context:statement"
    return label, rule
