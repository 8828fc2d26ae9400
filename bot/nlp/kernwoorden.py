"""Candidate kernwoorden for rule 7, under NIVEA (rule 10): only words the student wrote.

Words are grouped by lemma (so "hielp" and "helpen" count together) and ranked by how
often and where the student used them: motives and qualities weigh more than the story
itself, because the kernwoord names what moves the student. The word offered back is the
student's own most used spelling, never our lemma or a synonym.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from bot.nlp.conjugation import is_infinitive, is_present_stem, stem_of
from bot.nlp.normalize import normalise
from bot.nlp.pipeline import load

# Filler that is never the core of a story, whatever the frequency.
FILLER_LEMMAS = {
    "gewoon",
    "echt",
    "heel",
    "erg",
    "best",
    "wel",
    "beetje",
    "gaan",
    "doen",
    "hebben",
    "zijn",
    "worden",
    "maken",
    "vinden",
    "denken",
    "zeggen",
    "weten",
    "komen",
    "krijgen",
    "staan",
    "laten",
    "zien",
    "keer",
    "ding",
    "dingen",
    "iets",
    "eigenlijk",
    "misschien",
    "ofzo",
    "zo",
    "dus",
    "toen",
    "nou",
    "oke",
    "ok",
    "ja",
    "nee",
    "mee",
    "even",
    "ff",
    "idk",
    "snap",
    "weer",
    "steeds",
    "altijd",
    "vaak",
    "soms",
    "elke",
    "moment",
    "momenten",
    "dag",
    "week",
    "jaar",
    "mensen",
    "iemand",
    "niemand",
    "iedereen",
    "school",
    "kunnen",
    "moeten",
    "willen",
    "zullen",
    "vind",
    "belangrijk",
    "goed",
    "leuk",
    "fijn",
    "geven",
    "nemen",
    "zitten",
    "liggen",
    "voelen",
    "voel",
    "vertellen",
    "gebeuren",
    "proberen",
    "bedoelen",
    "lekker",
    "lopen",
    "ineens",
    "blijven",
    "houden",
    "brengen",
    "halen",
    "zetten",
    "stellen",
}

# How much one use in each answer counts.
FIELD_WEIGHTS: dict[str, float] = {
    "motives": 3.0,
    "common_thread": 2.5,
    "qualities": 2.0,
    "to_learn": 1.5,
    "other_situations": 1.5,
    "what_happened": 1.0,
    "experience": 1.0,
}


# The conjugated forms of the carrying verbs ("blijf", "blijft", "komt"), which the lookup
# lemmatizer does not always bring back to their base form.
_CARRYING_FORMS = {
    form
    for verb in FILLER_LEMMAS
    if is_infinitive(verb)
    for form in (stem_of(verb), stem_of(verb) + "t")
} - {"kant", "gat"}  # nouns, not "kan" or "ga" with a t


# The last word of a "dat ik ..." clause is its verb ("dat ik verantwoordelijkheid pak"): a
# conjugated form, which says nothing as a word on its own ("pak").
_CLAUSE_END_VERB = re.compile(
    r"\b(?:dat|als|omdat|wanneer|toen)\s+(?:ik|je|jij|we|wij|ze|zij|hij)\b[^,.!?;]*?\s(\w+)\s*(?:[,.!?;]|$)",
    re.IGNORECASE,
)


def _clause_verbs(text: str) -> set[str]:
    found = set()
    for match in _CLAUSE_END_VERB.finditer(text or ""):
        word = match.group(1).lower()
        if is_present_stem(word) or (word.endswith("t") and is_present_stem(word[:-1])):
            found.add(word)
    return found


def candidate_kernwoorden(answers: dict[str, str], limit: int = 4) -> list[str]:
    """Up to ``limit`` of the student's own words, most salient first."""
    nlp = load()
    score: defaultdict[str, float] = defaultdict(float)
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, int] = {}
    position = 0
    for field, text in answers.items():
        weight = FIELD_WEIGHTS.get(field, 1.0)
        verbs = _clause_verbs(text)
        for token in nlp(text or ""):
            if not token.is_alpha or token.is_stop or len(token.text) < 3:
                continue
            lemma = (token.lemma_ or token.text).lower()
            # chat spellings count as the word they stand for: "gwn" is "gewoon", a filler
            normal = normalise(token.text.lower())
            if (
                lemma in FILLER_LEMMAS
                or token.text.lower() in FILLER_LEMMAS
                or normal in FILLER_LEMMAS
                or nlp.vocab[normal].is_stop
                or token.text.lower() in _CARRYING_FORMS
                or token.text.lower() in verbs
            ):
                continue
            score[lemma] += weight
            spellings[lemma][token.text.lower()] += 1
            first_seen.setdefault(lemma, position)
            position += 1
    ranked = sorted(score, key=lambda lemma: (-score[lemma], first_seen[lemma]))
    offered = [
        word for word in map(lambda lemma: _offered(lemma, spellings[lemma]), ranked) if word
    ]
    return offered[:limit]


def _offered(lemma: str, spellings: Counter[str]) -> str | None:
    """The spelling to offer: a verb in its base form when the student wrote it ("overnemen",
    not the "overneem" of "dat ik het overneem"), never only a conjugated form of it ("misgaat"
    says nothing as a word on its own); else the student's most used spelling."""
    if lemma.endswith("en") and len(lemma) > 4:
        return lemma if lemma in spellings else None
    return spellings.most_common(1)[0][0]
