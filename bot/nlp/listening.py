"""Listening back (rules 3-6): a short phrase of the student's own words to say back.

The phrase is always a verbatim piece of what the student wrote (NIVEA: never a word of
ours), never the whole answer, and built around the most telling content word: an emotion
word first, then a word that is not a stop word or filler, longer words before shorter.
A neighbouring content word, a negation or an intensifier is kept with it, so "niet
gelukt" or "super zenuwachtig" comes back whole rather than as a lone word.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.nlp.emotion_words import EMOTION_WORDS
from bot.nlp.kernwoorden import FILLER_LEMMAS
from bot.nlp.pipeline import load

MAX_PHRASE_TOKENS = 4
# Kept beside the key word because they carry its meaning.
_MODIFIERS = {
    "niet",
    "geen",
    "nooit",
    "super",
    "heel",
    "erg",
    "zo",
    "best",
    "echt",
    "helemaal",
    "zelf",
    "alleen",
    "samen",
    "veel",
    "weinig",
    "hele",
    "eigen",
}
# Time and place words tell when, not what: never the heart of an answer.
_SETTING_WORDS = {
    "gisteren",
    "vandaag",
    "morgen",
    "vorige",
    "volgende",
    "laatst",
    "week",
    "weken",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "ochtend",
    "middag",
    "avond",
    "keer",
    "tijd",
    "laatste",
    "afgelopen",
    "eerst",
}
# Everyday verb forms the lookup lemmatizer leaves alone; they never carry the answer.
_PLAIN_VERBS = {
    "weet",
    "denk",
    "dacht",
    "vind",
    "vond",
    "ga",
    "gaat",
    "ging",
    "heb",
    "had",
    "kan",
    "kon",
    "wil",
    "wilde",
    "moet",
    "moest",
    "doe",
    "deed",
    "zeg",
    "zei",
    "kreeg",
    "krijg",
    "snap",
    "snapte",
}


def is_content(token: Token) -> bool:
    word = token.text.lower()
    lemma = (token.lemma_ or token.text).lower()
    if word in EMOTION_WORDS or lemma in EMOTION_WORDS:
        return True
    return (
        token.is_alpha
        and not token.is_stop
        and len(token.text) >= 3
        and word not in FILLER_LEMMAS
        and lemma not in FILLER_LEMMAS
        and word not in _SETTING_WORDS
        and word not in _MODIFIERS
        and word not in _PLAIN_VERBS
    )


def _score(token: Token) -> float:
    word = token.text.lower()
    lemma = (token.lemma_ or token.text).lower()
    emotion = 4.0 if (word in EMOTION_WORDS or lemma in EMOTION_WORDS) else 0.0
    return emotion + min(len(word), 12) / 4.0


def _phrase_around(doc: Doc, best: Token) -> tuple[Token, int, int]:
    """(key token, start, end) of the phrase grown around ``best``."""
    start = end = best.i
    # Grow left over modifiers and content words, then right over content words.
    while start > 0 and end - start + 1 < MAX_PHRASE_TOKENS:
        previous = doc[start - 1]
        if not previous.is_alpha or not (
            previous.text.lower() in _MODIFIERS or is_content(previous)
        ):
            break
        start -= 1
    while end + 1 < len(doc) and end - start + 1 < MAX_PHRASE_TOKENS:
        following = doc[end + 1]
        # Short words after the key word are mostly verbs of the clause ("voetbalclub leg").
        if following.is_alpha and is_content(following) and len(following.text) >= 5:
            end += 1
            continue
        # A modifier counts only when a content word follows it ("zelf opgelost").
        after = doc[end + 2] if end + 2 < len(doc) else None
        if (
            following.text.lower() in _MODIFIERS
            and after is not None
            and after.is_alpha
            and is_content(after)
            and end - start + 2 < MAX_PHRASE_TOKENS
        ):
            end += 2
            continue
        break
    return best, start, end


def _phrase_score(doc: Doc, best: Token, start: int, end: int) -> float:
    """The key word's weight, plus one for every other content word the phrase carries."""
    others = sum(1 for token in doc[start : end + 1] if token.i != best.i and is_content(token))
    return _score(best) + others


def content_words(text: str) -> list[str]:
    """The student's content words in their own spelling, in order, one per lemma."""
    seen, words = set(), []
    for token in load()(text or ""):
        lemma = (token.lemma_ or token.text).lower()
        if is_content(token) and lemma not in seen:
            seen.add(lemma)
            words.append(token.text)
    return words


def listen_back(text: str) -> str | None:
    """A short verbatim phrase of ``text`` to say back, or None when the answer is too short
    to echo without quoting it whole."""
    doc = load()(text or "")
    words = [t for t in doc if t.is_alpha]
    if len(words) < 2:
        return None
    candidates = [t for t in doc if is_content(t)]
    if not candidates:
        return None
    best, start, end = max(
        (_phrase_around(doc, token) for token in candidates),
        key=lambda found: (_phrase_score(doc, *found), -found[0].i),
    )
    phrase = doc[start : end + 1].text
    if len(phrase.split()) >= len(words):
        # Never the whole answer: fall back to the key word alone.
        phrase = best.text
    return phrase
