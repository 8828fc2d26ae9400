"""The student's own words turned to the second person: "ik blijf rustig" -> "je blijft rustig".

Only pronouns and the verb that agrees with "ik" change; every other word stays the student's
(NIVEA). Pronouns: ik/k -> je, mij/me -> je (jou after a preposition), mijn/m'n/mn -> je,
wij/we -> jullie, ons/onze -> jullie. The verb of "ik" gets its second person form in the
present tense: subject first "je bent, je kunt, je vindt"; after inversion without t ("vind
je", "kun je"); in a subordinate clause the finite verb at the end ("omdat je het leuk vindt").
The past tense is the same for both persons, so it stays ("je pakte", "je was").

``step_for_student`` makes an action step ("mijn mentor bellen") into a clause about the
student ("je belt je mentor") for the texts that quote the step back to them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from bot.dutch_dates import WEEKDAYS
from bot.nlp.conjugation import (
    SEPARABLE_PREFIXES,
    is_common_word,
    is_infinitive,
    is_present_stem,
    present_second_person,
    separable_parts,
    stem_of,
)
from bot.nlp.pipeline import load
from bot.nlp.verb_words import PAST_FORMS

SUBJECT_PRONOUNS = {"ik", "k"}
PLURAL_SUBJECTS = {"wij", "we"}
PRONOUNS = {
    "ik": "je",
    "k": "je",
    "me": "je",
    "mij": "je",
    "mijn": "je",
    "m'n": "je",
    "mn": "je",
    "mijne": "jouwe",
    "mezelf": "jezelf",
    "mijzelf": "jezelf",
    "wij": "jullie",
    "we": "jullie",
    "ons": "jullie",
    "onze": "jullie",
    "onszelf": "jezelf",
}
FIRST_PERSON = set(PRONOUNS)
# After these, the stressed object form: "met mij" -> "met jou".
PREPOSITIONS = {
    "met",
    "van",
    "voor",
    "bij",
    "naar",
    "aan",
    "op",
    "over",
    "tegen",
    "zonder",
    "achter",
    "om",
    "door",
    "tot",
    "na",
    "uit",
    "behalve",
    "dan",
    "als",
}
# Words that open a subordinate clause: its finite verb comes at the end.
SUBORDINATORS = {
    "dat",
    "omdat",
    "toen",
    "als",
    "wanneer",
    "terwijl",
    "of",
    "doordat",
    "zodat",
    "nadat",
    "voordat",
    "hoewel",
    "tenzij",
    "zodra",
    "totdat",
    "tot",
    "waar",
    "wat",
    "die",
    "hoe",
    "waarom",
    "hoeveel",
    "waarvoor",
    "waarover",
    "waardoor",
    "waarop",
    "waarmee",
    "waarin",
    "wie",
    "welke",
    "alsof",
    "sinds",
    "aangezien",
    "mits",
    "zoals",
}
COORDINATORS = {"en", "maar", "want", "dus", "of"}
# Finite verbs common enough to be taken for the verb of a subordinate clause wherever they stand.
COMMON_FINITE = {
    "ben",
    "heb",
    "kan",
    "wil",
    "zal",
    "mag",
    "moet",
    "ga",
    "doe",
    "word",
    "weet",
    "vind",
    "denk",
    "hou",
    "kom",
    "zie",
    "sta",
    "blijf",
    "voel",
    "snap",
}
# Subjects that start a clause of their own after a coordinator.
CLAUSE_SUBJECTS = {"ik", "k", "je", "jij", "hij", "zij", "ze", "we", "wij", "jullie", "het", "er"}
# Chat spelling glued to the verb ("kheb", "kben") or the pronoun ("'k").
_GLUED_K = re.compile(
    r"\b([kK])(ben|heb|had|was|ga|ging|wil|wou|moet|moest|kan|kon|mag|mocht|zal|zou|weet|"
    r"wist|vind|vond|denk|dacht|zit|zat|hoop|snap|snapte|voel|voelde|doe|deed|zag|kwam|werd|"
    r"word|blijf|bleef)\b"
)
_APOSTROPHE_K = re.compile(r"(?<![\w'])'([kK])\b")


# Chat Dutch drops "ik" before the verb: "heb het gevraagd", "ja ben gister geweest". Only verbs
# whose form is the first person's alone ("was leuk", "ging goed", "kan wel" drop "het"), at the
# start of a statement (never a question: "ben jij een bot?").
_DROPPED_IK = re.compile(
    r"^((?:(?:ja+|nee+|nou|eh+m?|uh+m?|hmm+|oke?|oké)[\s,]+)?)"
    r"(heb|ben|ga|wil|wou|moet|moest|kon|mag|mocht|zal|weet|wist|vind|vond|denk|dacht|hoop|snap|"
    r"voel|voelde|deed|zag|had|blijf|bleef|heb)\b(?!\s+(?:ik|k|je|jij|u|jullie|we|wij|het\s+je)\b)",
    re.IGNORECASE,
)


# ... and in a later clause, where "me" shows whose feeling it is: "..., voelde me trots".
_DROPPED_IK_FEELING = re.compile(r"(,\s*|\ben\s+)(voel|voelde)\s+(me|mij|mezelf)\b", re.IGNORECASE)


def _with_ik(match: re.Match[str]) -> str:
    opener, verb = match.group(1), match.group(2)
    if not opener and verb[:1].isupper():
        return f"Ik {verb.lower()}"
    return f"{opener}ik {verb}"


# A word that opens a chat answer and is no part of it ("ja heb het gevraagd", "nou, mensen
# helpen", "nee mn broertje zit aan mn telefoon"): left out when words follow it.
_OPENING = re.compile(
    r"^(?:(?:nee|ja|jaa|nou|eh+m*|uh+m*|hmm+|tja+|oke|oké|ok|ehh+|haha\w*|lol|sorry)[\s,.!]+)+(?=\S+\s+\S)",
    re.IGNORECASE,
)


# A hedge that closes a chat answer ("dat ik mn werk belangrijk vind denk ik"): said back it
# turns into "denk je", which reads as a question to the student.
_CLOSING_HEDGE = re.compile(
    r"[\s,]+(?:denk\s+ik|geloof\s+ik|ofzo|of\s+zo|haha\w*|lol)[\s.!]*$", re.IGNORECASE
)


def without_opening(text: str) -> str:
    """``text`` without the yes, no or filler it opens with, when more than a word follows,
    and without a closing hedge ("denk ik", "ofzo") when two words or more stay."""
    text = _OPENING.sub("", text or "")
    kept = _CLOSING_HEDGE.sub("", text)
    return kept if len(kept.split()) >= 2 else text


def normalize_chat(text: str) -> str:
    """Leave out an opening yes, no or filler; split "kheb" into "k heb" and "'k" into "k", so
    the pronoun is a word of its own; and give a statement that dropped it its "ik" back ("heb
    het gevraagd")."""
    text = _APOSTROPHE_K.sub(r"\1", without_opening(text))
    text = _GLUED_K.sub(r"\1 \2", text)
    if "?" not in text:
        text = _DROPPED_IK.sub(_with_ik, text, count=1)
        text = _DROPPED_IK_FEELING.sub(r"\1ik \2 \3", text)
    return text


def _is_boundary(token_text: str) -> bool:
    return not any(char.isalnum() for char in token_text)


def _is_verb_form(word: str) -> bool:
    lower = word.lower()
    return lower in PAST_FORMS or is_present_stem(lower) or _is_past(lower)


def is_past_form(word: str) -> bool:
    """A past tense of a known verb, strong ("liet", "gaf") or weak ("belde")."""
    lower = word.lower()
    return lower in PAST_FORMS or _is_past(lower)


def _is_past(word: str) -> bool:
    """A weak past ("belde", "pakte", "werkten") of a known verb."""
    for ending in ("den", "ten", "de", "te"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            base = word[: -len(ending)]
            for infinitive in (base + "en", base + base[-1] + "en"):
                if is_infinitive(infinitive):
                    return True
            if base.endswith("f") and is_infinitive(base[:-1] + "ven"):
                return True
            if base.endswith("s") and is_infinitive(base[:-1] + "zen"):
                return True
    return False


def is_participle(word: str) -> bool:
    """A past participle by its shape: (particle +) ge + stem + d/t/en ("opgetild", "gedaan")."""
    lower = word.lower()
    if lower[-1:] not in ("d", "t", "n") or lower.endswith("heid"):
        return False
    return any(
        lower.startswith(prefix + "ge") and len(lower) > len(prefix) + 4
        for prefix in ("", *SEPARABLE_PREFIXES)
    )


def _is_participle_or_infinitive(word: str) -> bool:
    return is_infinitive(word.lower()) or is_participle(word)


# Adjectives that look like a verb stem and stand before a verb ("dat ik me niet gek laat
# maken", "als ik er klaar mee ben"): never the finite verb.
_ADJECTIVES_BEFORE_VERBS = {"gek", "blij", "bang", "boos", "druk", "klaar", "moe", "kwijt", "stil"}


def _subordinate_verb(words: list[str], start: int) -> int | None:
    """The finite present verb of the subordinate clause whose subject is at ``start``."""
    end = start + 1
    while end < len(words) and not _is_boundary(words[end]):
        lower = words[end].lower()
        if end > start + 1 and lower in SUBORDINATORS - {"die", "wat", "of"}:
            break
        following = words[end + 1].lower() if end + 1 < len(words) else ""
        if lower in COORDINATORS and (following in CLAUSE_SUBJECTS or following in SUBORDINATORS):
            break  # "dat ik fouten maak en dat anderen ..."
        end += 1
    # A word after a preposition or a determiner is a noun ("met school", "het werk").
    candidates = [
        i
        for i in range(start + 1, end)
        if is_present_stem(words[i])
        and words[i - 1].lower() not in PREPOSITIONS | _ARTICLES
        and words[i].lower() not in _ADJECTIVES_BEFORE_VERBS
    ]
    # Only a verb at the end of the clause, or before its other verbs, is the finite one.
    for i in candidates:
        if i + 1 >= end or _is_participle_or_infinitive(words[i + 1]):
            return i
        # A verb with a te-infinitive after it ("dat ik durf te vragen").
        if (
            words[i + 1].lower() == "te"
            and i + 2 < end
            and _is_participle_or_infinitive(words[i + 2])
        ):
            return i
        # The subordinate clause ends where an inverted main clause starts ("snap | vraag ik").
        if (
            i + 2 < len(words)
            and _is_verb_form(words[i + 1])
            and words[i + 2].lower()
            in (SUBJECT_PRONOUNS | PLURAL_SUBJECTS | {"je", "jij", "hij", "zij", "ze"})
        ):
            return i
    # A prepositional phrase may follow the verb ("als ik het druk heb met school").
    common = [i for i in candidates if words[i].lower() in COMMON_FINITE]
    return common[-1] if common else None


# What the student said or thought, quoted without "dat": "ik dacht waarom doe ik dit".
_SPEECH_VERBS = {"zei", "dacht", "riep", "zeg", "denk"}
# After the verb, words that make it no quote: "ik dacht er niet aan", "ik zei dat ...".
_NO_QUOTE_AFTER = {
    "dat",
    "er",
    "het",
    "iets",
    "niks",
    "niets",
    "na",
    "aan",
    "over",
    "tegen",
    "nog",
    "toen",
}
_NO_QUOTE_AFTER |= {"hem", "haar", "ze", "echt", "eigenlijk", "dus", "al", "ook", "wel", "niet"}
_NO_QUOTE_AFTER |= {"mijn", "mn", "m'n", "de", "een", "gewoon", "om", "bij", "met", "van", "op"}


def _quotes(words: list[str]) -> tuple[set[int], set[int]]:
    """(the speech verbs, the tokens of what they quote): after the student's own "zei" or
    "dacht" ("ik dacht", "dacht ik") the words up to a comma, a full stop or "en"/"maar" are
    what was said or thought, kept as they were."""
    verbs: set[int] = set()
    quoted: set[int] = set()
    lower = [word.lower() for word in words]
    for i, word in enumerate(lower):
        if word not in _SPEECH_VERBS:
            continue
        if i > 0 and lower[i - 1] in SUBJECT_PRONOUNS:
            start = i + 1
        elif i + 1 < len(lower) and lower[i + 1] in SUBJECT_PRONOUNS:
            start = i + 2
        else:
            continue
        if start >= len(lower) or lower[start] in _NO_QUOTE_AFTER or _is_boundary(words[start]):
            continue
        if lower[start] in SUBORDINATORS and not (
            start + 1 < len(lower) and _is_verb_form(words[start + 1])
        ):
            continue  # "ik vroeg of ik mocht helpen" reports; "ik dacht waarom doe ik dit" quotes
        end = start
        while (
            end < len(lower) and not _is_boundary(words[end]) and lower[end] not in ("en", "maar")
        ):
            end += 1
        if end - start >= 2 and "dat" not in lower[start:end]:
            verbs.add(start - 1)
            quoted.update(range(start, end))
    return verbs, quoted


def convert_words(words: list[str]) -> list[str]:
    """``words`` (tokens) with the student's first person turned to the second person;
    the same length, so a span of the input is the same span of the output. What the student
    said or thought, quoted, keeps its words ("je dacht: waarom doe ik dit")."""
    out = list(words)
    speech, quoted = _quotes(words)
    for i, word in enumerate(words):
        lower = word.lower()
        if lower not in PRONOUNS or i in quoted:
            continue
        previous = words[i - 1].lower() if i > 0 else ""
        replacement = PRONOUNS[lower]
        if lower == "mij" and previous in PREPOSITIONS:
            replacement = "jou"
        out[i] = replacement.capitalize() if word[:1].isupper() else replacement
        if lower not in SUBJECT_PRONOUNS:
            continue
        if previous and not _is_boundary(previous) and previous not in SUBORDINATORS | COORDINATORS:
            if _is_verb_form(previous):  # inversion: "vind ik" -> "vind je", "kan ik" -> "kun je"
                if is_present_stem(previous):
                    out[i - 1] = present_second_person(words[i - 1], inverted=True)
                continue
        if previous in SUBORDINATORS:
            verb = _subordinate_verb(words, i)
        else:
            verb = i + 1 if i + 1 < len(words) and is_present_stem(words[i + 1]) else None
        if verb is not None:
            out[verb] = present_second_person(words[verb])
        _shared_subject(words, out, verb if verb is not None else i)
    for i in speech:
        out[i] += ":"
    return out


def _shared_subject(words: list[str], out: list[str], verb: int) -> None:
    """A second verb that shares "ik" agrees too: "ik had geen zin maar ben toch gegaan",
    "of ik X wil blijven of Y wil gaan doen"."""
    stops = CLAUSE_SUBJECTS | _ARTICLES | {"dat", "die", "dit", "deze", "wat", "het"}
    for j in range(verb + 1, len(words) - 1):
        lower = words[j].lower()
        if _is_boundary(words[j]) and words[j] != ",":
            return
        if lower in ("en", "maar", "of"):
            for k in range(j + 1, min(j + 5, len(words))):
                word = words[k].lower()
                if _is_boundary(words[k]) or word in stops or word in SUBORDINATORS:
                    return
                following = words[k + 1] if k + 1 < len(words) else "."
                if is_present_stem(word) and (
                    k == j + 1 or _is_boundary(following) or _is_participle_or_infinitive(following)
                ):
                    out[k] = present_second_person(words[k])
                    return
            return
        if lower in CLAUSE_SUBJECTS or lower in SUBORDINATORS:
            return


def _join(doc: Doc, words: list[str], start: int = 0, end: int | None = None) -> str:
    end = len(doc) if end is None else end
    return "".join(words[i] + doc[i].whitespace_ for i in range(start, end)).strip()


def to_second_person(text: str) -> str:
    """``text`` with the student's first person said in the second person; the rest verbatim."""
    doc = load()(normalize_chat(text))
    return _join(doc, convert_words([token.text for token in doc]))


def has_first_person(text: str) -> bool:
    """Does ``text`` still speak in the first person (ik, mijn, we, ...)?"""
    return any(token.text.lower() in FIRST_PERSON for token in load()(normalize_chat(text)))


_DETERMINERS = {"de", "het", "een", "je", "jullie", "zijn", "haar", "hun", "die", "dat", "deze"}
# Before a noun only ("het" and "dat" are also object pronouns: "omdat ik het doe").
_ARTICLES = {
    "de",
    "een",
    "mijn",
    "mn",
    "m'n",
    "zijn",
    "haar",
    "hun",
    "deze",
    "onze",
    "geen",
    "elke",
}
# Reflexive verbs a student often writes without "me": the step says "je meldt je aan".
_REFLEXIVE = {"aanmelden", "inschrijven", "voorbereiden", "verdiepen", "oriënteren", "afmelden"}


# Sentence-initial words that are never names (days, bot/dutch_dates.py, are written in lower case).
_NEVER_NAMES = set(WEEKDAYS) | {
    "soms",
    "achteraf",
    "uiteindelijk",
    "sindsdien",
    "daarna",
    "vaak",
    "meestal",
    "vroeger",
    "straks",
    "eerst",
    "later",
    "nu",
    "toen",
    "gisteren",
    "vandaag",
    "morgen",
    "vorige",
    "laatst",
    "thuis",
    "daar",
    "hier",
    "ook",
    "dus",
    "mensen",
    "sommigen",
    "anderen",
    "iedereen",
    "niemand",
    "tijdens",
    "na",
    "voor",
    "bij",
    "op",
    "in",
}


def lower_first(word: str) -> str:
    """A capitalised common word loses its capital when it moves inside a sentence; a name
    (unknown to the lemmatizer's table) keeps it."""
    lower = word.lower()
    if word[:1].isupper() and (
        lower in FIRST_PERSON or lower in _NEVER_NAMES or is_common_word(lower)
    ):
        return lower
    return word


def step_for_student(what: str) -> str:
    """An action step as a clause about the student: "Ik ga mijn mentor bellen" -> "je gaat
    je mentor bellen", "de praktijkbegeleider bellen" -> "je belt de praktijkbegeleider",
    "mijn stagebegeleider opbellen" -> "je belt je stagebegeleider op". Several verbs or a
    "te" keep the student's phrase after "je gaat"; a step without a verb keeps its words
    (turned to the second person)."""
    doc = load()(normalize_chat(what).strip())
    words = [token.text for token in doc]
    while words and _is_boundary(words[-1]):
        words.pop()
    if not words:
        return ""
    doc = doc[: len(words)].as_doc()
    converted = convert_words(words)
    lowered = [word.lower() for word in words]
    # The main part: up to the first subordinate clause ("vragen | of ik mag meelopen").
    main_end = next(
        (i for i in range(1, len(words)) if lowered[i] in SUBORDINATORS - {"die", "dat"}),
        len(words),
    )
    if any(word in SUBJECT_PRONOUNS | PLURAL_SUBJECTS for word in lowered[:main_end]):
        text = _join(doc, converted)
        return lower_first(text.split(" ", 1)[0]) + text[len(text.split(" ", 1)[0]) :]
    verbs = [
        i
        for i in range(main_end)
        if is_infinitive(lowered[i]) and (i == 0 or lowered[i - 1] not in _DETERMINERS)
    ]
    converted[0] = lower_first(converted[0])
    if len(verbs) != 1 or "te" in lowered[:main_end]:
        if verbs:
            return f"je gaat {_join(doc, converted)}"
        return _join(doc, converted)
    verb = verbs[0]
    before = _join(doc, converted, 0, verb)
    after = _join(doc, converted, verb + 1)
    parts = separable_parts(lowered[verb])
    infinitive, particle = (parts[1], parts[0]) if parts else (lowered[verb], "")
    finite = present_second_person(stem_of(infinitive))
    reflexive = ""
    if lowered[verb] in _REFLEXIVE and not (verb > 0 and lowered[verb - 1] in FIRST_PERSON):
        reflexive = "je"
    return " ".join(part for part in ("je", finite, reflexive, before, particle, after) if part)
