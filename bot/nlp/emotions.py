"""Notice emotion words in what a student wrote (rules 3 and 4 of the method).

Matching is on spaCy lemmas and on the surface word, so "trotse", "gestrest" and
"zenuwachtig" all count. The lexicon is small on purpose: it marks that an experience
mattered; the bot acknowledges it briefly and goes back to the experience itself.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from bot.nlp.pipeline import load

POSITIVE = "positief"
NEGATIVE = "negatief"

# word (lemma or surface form) -> valence. Student slang included ("vet", "kut", "balen").
EMOTION_WORDS: Dict[str, str] = {
    **{w: POSITIVE for w in (
        "trots", "blij", "gelukkig", "opgelucht", "enthousiast", "tevreden", "vrolijk",
        "dankbaar", "verrast", "geweldig", "genieten", "genoten", "vet", "gaaf", "chill", "top",
        "leuk", "fijn", "plezier", "voldaan", "zelfverzekerd", "geraakt", "ontroerd", "energie",
        "trotse", "blije", "super", "heerlijk", "geïnspireerd", "gemotiveerd", "opgewonden",
    )},
    **{w: NEGATIVE for w in (
        "bang", "zenuwachtig", "nerveus", "gestrest", "stress", "boos", "kwaad", "verdrietig",
        "teleurgesteld", "onzeker", "eenzaam", "gefrustreerd", "frustrerend", "balen", "baalde",
        "schamen", "schaamde", "schaamte", "angstig", "angst", "paniek", "moe", "irritant",
        "geïrriteerd", "kut", "rot", "vervelend", "verward", "jaloers", "schuldig", "machteloos",
        "onrustig", "spannend", "eng", "verdriet", "huilen", "huilde", "gespannen", "overweldigd",
        "genegeerd", "ongemakkelijk", "zenuwen", "stressen", "stresste",
    )},
}


def find_emotions(text: str) -> List[Tuple[str, str]]:
    """Emotion words in ``text`` as (the student's own word, valence), in order, no repeats."""
    found: List[Tuple[str, str]] = []
    seen = set()
    for token in load()(text or ""):
        word = token.text.lower()
        lemma = token.lemma_.lower()
        valence = EMOTION_WORDS.get(word) or EMOTION_WORDS.get(lemma)
        if valence and word not in seen:
            seen.add(word)
            found.append((word, valence))
    return found


def dominant_valence(found: List[Tuple[str, str]]) -> str:
    """The valence to acknowledge: the first emotion word the student used sets the tone."""
    return found[0][1] if found else ""
