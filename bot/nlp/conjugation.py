"""Rule-based Dutch verb forms for saying the student's words back in the second person.

The pipeline has no tagger, only the lookup lemmatizer (``bot.nlp.pipeline``), so a verb is
recognised by its spelling: an infinitive whose regular forms (stem + de/te/t, ge + stem + d/t)
the lookup table knows, plus a short list of irregular and chat verbs. The stem follows the
spelling rules (open syllable: maken -> maak; double consonant: bellen -> bel; v/z -> f/s:
blijven -> blijf, lezen -> lees); a final -e- before -l/-n/-r is a schwa and stays short
(regelen -> regel, luisteren -> luister), except in the stressed loan endings (proberen).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.lookups import Table

from bot.nlp.pipeline import load
from bot.nlp.verb_words import CHAT_VERBS, NOT_SEPARABLE, NOT_VERBS, PAST_FORMS, STRESSED_VERBS

# Infinitive -> first person singular present (the stem) for verbs the rules get wrong.
IRREGULAR_STEMS = {
    "zijn": "ben",
    "hebben": "heb",
    "kunnen": "kan",
    "zullen": "zal",
    "willen": "wil",
    "mogen": "mag",
    "gaan": "ga",
    "doen": "doe",
    "staan": "sta",
    "zien": "zie",
    "slaan": "sla",
    "komen": "kom",
    "worden": "word",
    "moeten": "moet",
    "weten": "weet",
    "zitten": "zit",
    # English loans keep their spelling.
    "appen": "app",
    "updaten": "update",
    "googlen": "google",
    "chillen": "chill",
    "gamen": "game",
    "facetimen": "facetime",
}
# First person present -> second person present when "je" comes first ("je bent").
SUBJECT_FIRST = {
    "ben": "bent",
    "heb": "hebt",
    "kan": "kunt",
    "zal": "zult",
    "mag": "mag",
    "wil": "wilt",
    "ga": "gaat",
    "doe": "doet",
    "sta": "staat",
    "zie": "ziet",
    "sla": "slaat",
    "kom": "komt",
    "word": "wordt",
    "hou": "houdt",
}
# ... and when "je" follows the verb (inversion): no t, but kan/zal change their vowel.
INVERTED = {"kan": "kun", "zal": "zul"}
# Loan verbs whose -eren is stressed keep a long vowel (probeer, studeer, organiseer).
_STRESSED_ENDINGS = ("iseren", "ieren", "ëren")
INSEPARABLE_PREFIXES = ("be", "ge", "ver", "ont", "her", "er")
SEPARABLE_PREFIXES = (
    "terug",
    "samen",
    "langs",
    "binnen",
    "klaar",
    "voor",
    "door",
    "mee",
    "aan",
    "uit",
    "op",
    "af",
    "in",
    "na",
    "bij",
    "toe",
    "weg",
    "vast",
    "rond",
    "neer",
    "tegen",
)
_VOWELS = "aeiouy"


@lru_cache(maxsize=1)
def _table() -> Table:
    return load().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined, no-any-return]


def _vowel_groups(word: str) -> int:
    groups, previous = 0, False
    for char in word:
        vowel = char in _VOWELS
        if vowel and not previous:
            groups += 1
        previous = vowel
    return groups


def _schwa_ending(infinitive: str, stem: str) -> bool:
    """Is the last vowel of ``stem`` an unstressed e (regel, luister, oefen)?"""
    if infinitive in STRESSED_VERBS or infinitive.endswith(_STRESSED_ENDINGS):
        return False
    core = stem
    for prefix in INSEPARABLE_PREFIXES:
        if core.startswith(prefix) and _vowel_groups(core[len(prefix) :]) >= 1:
            core = core[len(prefix) :]
            break
    return _vowel_groups(core) >= 2 and len(core) >= 2 and core[-2] == "e" and core[-1] in "lnr"


def stem_of(infinitive: str) -> str:
    """The first person singular present of an infinitive: bellen -> bel, maken -> maak."""
    infinitive = infinitive.lower()
    if infinitive in IRREGULAR_STEMS:
        return IRREGULAR_STEMS[infinitive]
    for prefix in SEPARABLE_PREFIXES:
        rest = infinitive[len(prefix) :]
        if infinitive.startswith(prefix) and rest in IRREGULAR_STEMS:
            return prefix + IRREGULAR_STEMS[rest]
    if not infinitive.endswith("en") or len(infinitive) < 4:
        return infinitive[:-1] if infinitive.endswith("n") else infinitive
    stem = infinitive[:-2]
    if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        return stem[:-1]  # bellen -> bel
    if stem[-1] == "v":
        stem = stem[:-1] + "f"
    elif stem[-1] == "z":
        stem = stem[:-1] + "s"
    # An open syllable: the single vowel before the last consonant is long (maak, stuur).
    if (
        len(stem) >= 2
        and stem[-1] not in _VOWELS
        and stem[-2] in "aeou"
        and (len(stem) == 2 or stem[-3] not in _VOWELS)
        and not _schwa_ending(infinitive, stem)
    ):
        stem = stem[:-1] + stem[-2] + stem[-1]
    return stem


def _separable_stem(word: str) -> tuple[str, str] | None:
    """(particle, stem) of a joined separable verb form: "aankan" -> ("aan", "kan")."""
    for prefix in SEPARABLE_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 2 and rest in SUBJECT_FIRST:
            return prefix, rest
    return None


def present_second_person(stem: str, inverted: bool = False) -> str:
    """The second person present of a first person form: "je vindt", "vind je", "kun je"."""
    lower = stem.lower()
    joined = _separable_stem(lower)
    if joined and not inverted:
        return joined[0] + SUBJECT_FIRST[joined[1]]  # "dat je het aankunt"
    if inverted:
        form = INVERTED.get(lower, lower)
    elif lower in SUBJECT_FIRST:
        form = SUBJECT_FIRST[lower]
    elif lower.endswith("t"):
        form = lower
    else:
        form = lower + "t"
    return form[:1].upper() + form[1:] if stem[:1].isupper() else form


def is_infinitive(word: str) -> bool:
    """Is ``word`` a Dutch verb's infinitive (by its regular forms in the lookup table)?"""
    word = word.lower()
    if word in IRREGULAR_STEMS or word in CHAT_VERBS:
        return True
    for prefix in SEPARABLE_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and (rest in IRREGULAR_STEMS or rest in CHAT_VERBS):
            return True
    if not word.endswith("en") or len(word) < 4 or not word.isalpha():
        return False
    stem = stem_of(word)
    table = _table()
    plain = word[:-2]
    forms = [stem + "de", stem + "te", "ge" + stem + "d", "ge" + stem + "t", stem + "t"]
    forms += [plain + "de", plain + "te"]
    return any(table.get(form) == word for form in forms)


def is_present_stem(word: str) -> bool:
    """Is ``word`` the first person singular present of a verb (vind, blijf, maak, ben)?"""
    lower = word.lower()
    if lower in NOT_VERBS:
        return False
    if lower in SUBJECT_FIRST or lower in INVERTED or lower in PAST_FORMS:
        return lower not in PAST_FORMS
    if _separable_stem(lower):
        return True
    if not lower.isalpha() or len(lower) < 2:
        return False
    candidates = {lower + "en"}
    base = lower
    if base.endswith("f"):
        candidates.add(base[:-1] + "ven")
    if base.endswith("s"):
        candidates.add(base[:-1] + "zen")
    for word_form in list(candidates):
        # Long vowel written double in the stem, single before -en (maak -> maken).
        for long_vowel in ("aa", "ee", "oo", "uu"):
            stem_part = word_form[:-2]
            if stem_part[-3:-1] == long_vowel:
                candidates.add(stem_part[:-3] + long_vowel[0] + stem_part[-1] + "en")
    if len(base) >= 2 and base[-1] not in _VOWELS and base[-2] in _VOWELS:
        if len(base) < 3 or base[-3] not in _VOWELS:
            candidates.add(base + base[-1] + "en")  # bel -> bellen
    return any(is_infinitive(candidate) and stem_of(candidate) == lower for candidate in candidates)


def separable_parts(infinitive: str) -> tuple[str, str] | None:
    """(particle, verb) of a separable verb: opbellen -> ("op", "bellen"), or None."""
    lower = infinitive.lower()
    if lower in NOT_SEPARABLE:
        return None
    for prefix in SEPARABLE_PREFIXES:
        rest = lower[len(prefix) :]
        if lower.startswith(prefix) and len(rest) >= 4 and is_infinitive(rest):
            return prefix, rest
    return None


def is_common_word(word: str) -> bool:
    """A word the lemmatizer's table or the stop list knows (not a name)."""
    lower = word.lower()
    return (
        _table().get(lower) is not None
        or lower in load().Defaults.stop_words
        or is_infinitive(lower)
        or is_present_stem(lower)
    )
