"""An answer cut into the clauses a reflection can say back, each judged by who it is about.

No parser is available (``bot.nlp.pipeline`` is a tokenizer with a lookup lemmatizer), so the
cuts are made by word: sentences end at punctuation; within a sentence a new clause starts at
"want", and at "en"/"maar"/"of"/"dus"/a comma when a new subject or an inverted verb follows
("ik pakte de telefoon en regelde het zelf" stays one clause: the second verb shares "ik").
A subordinate clause ("toen ik de klant moest bellen") stays with its main clause, and the main
clause alone is a candidate too, so a long sentence can still give a short reflection.

A candidate is the student's own when its main clause has "ik" (or "we") as subject, or is
impersonal ("het was spannend", "mijn eerste dag was zwaar") without another person in it.
A feeling counts as the student's only in a part of the sentence whose subject is the student
or nobody: in "ik zag dat mijn broer in paniek raakte" the panic is the brother's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from bot.nlp.conjugation import is_infinitive, is_present_stem
from bot.nlp.emotion_words import EMOTION_WORDS
from bot.nlp.listening import is_content
from bot.nlp.pipeline import load
from bot.nlp.second_person import (
    SUBORDINATORS,
    convert_words,
    is_participle,
    is_past_form,
    lower_first,
    normalize_chat,
)
from bot.nlp.story import PEOPLE
from bot.nlp.verb_words import PAST_FORMS

STUDENT = {"ik", "k", "wij", "we"}
OTHER_PEOPLE = {
    "hij",
    "zij",
    "ze",
    "hem",
    "iedereen",
    "niemand",
    "die",
    "sommigen",
    "anderen",
    "rest",
    "bewoonster",
    "leidster",
    "kok",
    "monteur",
    "directeur",
    "eigenaar",
    "meneer",
    "mevrouw",
    "kindje",
    "broertje",
    "broertjes",
    "zusje",
    "ouder",
    "docenten",
    "collega's",
} | PEOPLE
# An impersonal main clause starts with one of these ("het was spannend", "mijn dag was lang").
IMPERSONAL_START = {"het", "dat", "dit", "alles", "mijn", "mn", "m'n", "onze", "ons"}
SECOND_PERSON = {"je", "jij", "jou", "jouw", "jullie", "u"}
# Subordinate clauses that say when or why: the situation of a feeling or an action.
SITUATION = {
    "toen",
    "als",
    "wanneer",
    "omdat",
    "doordat",
    "terwijl",
    "nadat",
    "voordat",
    "zodra",
    "waardoor",
    "zodat",
    "totdat",
    "sinds",
    "hoewel",
}
# Where a main clause may be cut off from what follows it.
CUTS = SITUATION | {","}
# After these a new clause starts only when a finite verb follows ("en die zei", not "en die
# zelf gemeld").
DETERMINERS = {"de", "het", "een", "mijn", "mn", "m'n", "onze", "ons", "zijn", "haar", "dit", "die"}
DETERMINERS |= {"dat"}
# Words that may start a new clause after "en", "maar", "of" or a comma.
NEW_SUBJECT = {
    "ik",
    "k",
    "je",
    "jij",
    "hij",
    "zij",
    "ze",
    "we",
    "wij",
    "jullie",
    "het",
    "er",
    "de",
    "een",
    "mijn",
    "mn",
    "m'n",
    "onze",
    "ons",
    "zijn",
    "haar",
    "iedereen",
    "niemand",
    "alles",
    "niks",
    "niets",
    "mensen",
    "dat",
    "dit",
    "die",
}
ADVERBS = {
    "toen",
    "daarna",
    "dan",
    "later",
    "nu",
    "gisteren",
    "vandaag",
    "achteraf",
    "uiteindelijk",
    "daarom",
    "ook",
    "eerst",
    "meestal",
    "soms",
    "vaak",
    "thuis",
    "daar",
    "hier",
    "gister",
    "eergisteren",
    "laatst",
    "onlangs",
    "vanochtend",
    "vanmorgen",
    "vanmiddag",
    "vanavond",
    "opeens",
    "ineens",
    *("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
# A time said in two words before an inverted verb: "(en) vorige week mocht ik ...".
TIME_FIRST = {"vorige", "vorig", "afgelopen", "die", "deze"}
TIME_NOUNS = {"week", "maand", "jaar", "keer", "dag", "ochtend", "middag", "avond", "dienst"}
LEADING = {"en", "maar", "want", "nou", "ja", "nee", "oke", "oké", "ok", "eh", "uhm", "euh"}
LEADING |= {"haha", "lol", "nja", "tja", ","}
TRAILING = {"en", "maar", "want", "dus", "of", ",", "haha", "hahaha", "lol", "xd"}
# Verbs that say being or thinking rather than doing.
PLAIN_VERBS = {
    "zijn",
    "hebben",
    "worden",
    "vinden",
    "denken",
    "weten",
    "kunnen",
    "moeten",
    "willen",
    "zullen",
    "mogen",
    "voelen",
    "lijken",
    "blijken",
}
# Words that are an emotion only on their own: "super" in "super leuk" is an intensifier.
INTENSIFIERS = {"super", "vet", "echt"}


@dataclass(frozen=True)
class Clause:
    """A candidate reflection: the tokens [start, end) of the normalised answer."""

    start: int
    end: int
    text: str  # in the second person, lower case first unless a name
    length: int  # words
    student: bool  # the student is the subject of the main clause
    emotion: str | None  # an emotion word that is the student's (or nobody else's)
    situation: bool  # holds a "toen/als/omdat ..." clause
    action: bool  # holds a verb of doing
    segment: int
    contrast: bool
    score: float
    # Its first verb is in the present tense, with no participle after it: a setting ("ik werk
    # in de keuken"), where a story's event is in the past ("de chef schreeuwde").
    setting: bool = False
    # A short clause right after it that says how it went ("en dat lukte niet"), in the
    # second person; empty when there is none.
    tail: str = ""
    # The clause right after it when that tells, in the past, what happened ("en gisteren kwam
    # er een boze klant"): what a setting is said back with.
    event_after: str = ""
    # The clause right before it with its "en" or "dus", when that is someone else's act in the
    # past ("een klant vroeg iets en" before "ik wist het niet"): what the student's clause
    # answers.
    event_before: str = ""


def words_of(text: str) -> list[str]:
    return [part for part in text.split() if any(char.isalnum() for char in part)]


def span_text(doc: Doc, converted: list[str], start: int, end: int) -> str:
    text = "".join(converted[i] + doc[i].whitespace_ for i in range(start, end)).strip(" ,")
    if not text:
        return ""
    first = text.split(" ", 1)[0]
    return lower_first(first) + text[len(first) :]


def _boundary(word: str) -> bool:
    return not any(char.isalnum() for char in word) and word != ","


def _is_verb(word: str, lemma: str) -> bool:
    return (
        word in PAST_FORMS
        or is_infinitive(word)
        or (lemma != word and is_infinitive(lemma))
        or is_present_stem(word)
    )


class _Answer:
    """The tokens of one answer with what the cuts need to know about each."""

    def __init__(self, text: str) -> None:
        self.doc = load()(normalize_chat(text))
        self.words = [token.text for token in self.doc]
        self.lower = [word.lower() for word in self.words]
        self.lemmas = [(token.lemma_ or token.text).lower() for token in self.doc]
        self.converted = convert_words(self.words)

    def verb(self, i: int) -> bool:
        return 0 <= i < len(self.words) and _is_verb(self.lower[i], self.lemmas[i])

    def starts_clause(self, i: int) -> bool:
        """Does a new clause (its own subject, or an inverted verb) start at ``i``? After a
        determiner it does only when a finite verb follows the noun: "en de kok was boos"
        is a clause, "en een koelpak gehaald" shares the subject before it."""
        if i >= len(self.words):
            return False
        word = self.lower[i]
        if word in TIME_FIRST and self.lower[i + 1 : i + 2] in ([n] for n in TIME_NOUNS):
            return self.verb(i + 2)
        if word in DETERMINERS:
            for j in range(i + 1, min(i + 5, len(self.words))):
                if _boundary(self.words[j]) or self.lower[j] == ",":
                    return False
                if self.verb(j) or is_participle(self.words[j]):
                    return not (is_participle(self.words[j]) or is_infinitive(self.lower[j]))
            return False
        if word in NEW_SUBJECT or (self.words[i][:1].isupper() and word not in ADVERBS):
            return True
        if word in _PLACE_FIRST:
            # "en op stage moest ik ...": a fronted place, then the finite verb.
            for j in range(i + 1, min(i + 5, len(self.words))):
                if _boundary(self.words[j]) or self.lower[j] in (",", "en", "maar"):
                    return False
                if self.verb(j) and self.lower[j] not in TIME_NOUNS:
                    return not (is_participle(self.words[j]) or is_infinitive(self.lower[j]))
            return False
        return word in ADVERBS and self.verb(i + 1)

    def sentences(self) -> list[tuple[int, int, bool]]:
        """(start, end, is a question) of every sentence."""
        out, start = [], 0
        for i, word in enumerate([*self.words, "."]):
            if _boundary(word) or "\n" in (self.doc[i].whitespace_ if i < len(self.doc) else ""):
                end = i + 1 if i < len(self.words) and not _boundary(word) else i
                if end > start:
                    out.append((start, end, word == "?"))
                start = i + 1
        return out

    def segments(self, start: int, end: int) -> list[tuple[int, int]]:
        """The clauses of one sentence, cut at coordinators and commas before a new clause."""
        cuts = [start]
        for i in range(start + 1, end):
            word = self.lower[i]
            previous = self.lower[i - 1]
            if word == "want":
                cuts.append(i)
            elif word in ("en", "maar") and previous != "," and self.starts_clause(i + 1):
                cuts.append(i)
            elif word == "dus" and (self.lower[i + 1 : i + 2] and self.starts_clause(i + 1)):
                cuts.append(i)
            elif word == "," and i + 1 < end:
                following = self.lower[i + 1]
                # A comma before the verb (or "dan" + verb) ends a fronted subclause:
                # "als ik iets beloof, dan doe ik het" stays one clause.
                main_follows = self.verb(i + 1) or (
                    following in ("dan", "toen") and self.verb(i + 2)
                )
                if following in ("en", "maar", "want", "dus") or (
                    following not in SUBORDINATORS
                    and not main_follows
                    and self.starts_clause(i + 1)
                ):
                    cuts.append(i)
        cuts.append(end)
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]

    def strip(self, start: int, end: int) -> int:
        while start < end and (
            self.lower[start] in LEADING
            or (self.lower[start] == "dus" and start + 1 < end and not self.verb(start + 1))
        ):
            start += 1
        return start

    def trim_end(self, start: int, end: int) -> int:
        """Leave a coordinator or laughter off the end ("... onzeker maar", "... haha")."""
        while end > start + 1 and self.lower[end - 1] in TRAILING:
            end -= 1
        return end

    def pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of a span between subordinators: who is the subject of each."""
        cuts = [start] + [i for i in range(start + 1, end) if self.lower[i] in SUBORDINATORS]
        return [(a, b) for a, b in zip(cuts, [*cuts[1:], end])]

    def owned_emotion(self, start: int, end: int, main_student: bool) -> str | None:
        for a, b in self.pieces(start, end):
            part = set(self.lower[a:b])
            own = bool(part & STUDENT) or (main_student and not part & OTHER_PEOPLE)
            if not own and not (part & OTHER_PEOPLE):
                own = True  # impersonal: "het was spannend"
            if not own:
                continue
            for i in range(a, b):
                word, lemma = self.lower[i], self.lemmas[i]
                if word in INTENSIFIERS and i + 1 < end and self.words[i + 1].isalpha():
                    continue
                if word in EMOTION_WORDS or lemma in EMOTION_WORDS:
                    return self.words[i]
        return None


def _main_part(answer: _Answer, start: int, end: int) -> tuple[int, int] | None:
    """The main clause of a span: before its first cut, or after a fronted subclause."""
    lower = answer.lower
    if lower[start] in SUBORDINATORS and not answer.verb(start + 1):
        comma = next(
            (
                i
                for i in range(start, end)
                if lower[i] == ","
                and (
                    answer.verb(i + 1)
                    or (lower[i + 1 : i + 2] in (["dan"], ["toen"]) and answer.verb(i + 2))
                )
            ),
            None,
        )
        if comma is None:
            # Chat leaves the comma out: "toen mn oma ziek was heb ik haar geholpen" has the
            # subclause's verb, then the main verb with its subject after it.
            comma = next(
                (
                    i
                    for i in range(start + 2, end - 2)
                    if answer.verb(i) and answer.verb(i + 1) and lower[i + 2] in NEW_SUBJECT
                ),
                None,
            )
        if comma is None:
            return None
        main_end = next((i for i in range(comma + 2, end) if lower[i] in CUTS), end)
        return comma + 1, main_end
    main_end = next((i for i in range(start + 1, end) if lower[i] in CUTS), end)
    return start, main_end


INVOLVED = {"me", "mij", "mezelf", "ons", "onszelf", "ik", "k", "we", "wij"}


def _student_involved(lower: list[str], start: int, end: int) -> bool:
    """Is the student in the span other than as the possessive of its first words?"""
    for i in range(start, end):
        if lower[i] in INVOLVED:
            return True
        if lower[i] in ("mijn", "mn", "m'n", "onze") and i > start + 1:
            return True
    return False


def _has_emotion(answer: _Answer, start: int, end: int) -> bool:
    return any(
        answer.lower[i] in EMOTION_WORDS or answer.lemmas[i] in EMOTION_WORDS
        for i in range(start, end)
        if answer.lower[i] not in INTENSIFIERS
    )


# Prepositions a clause may start with, its verb after the place: "op stage moest ik".
_PLACE_FIRST = {"op", "bij", "tijdens", "in"}
# Adverbs that carry what a short clause says of an act ("ik moest hem opnieuw maken"), though
# the stop list has them.
_HOW_DONE = {"opnieuw", "alleen", "zelf", "samen", "zelfstandig", "overnieuw"}


def _judge(answer: _Answer, start: int, end: int, segment: int, contrast: bool) -> Clause | None:
    main = _main_part(answer, start, end)
    if main is None:
        return None
    lower = answer.lower
    # The subject of the main clause is before its first subordinate clause of any kind:
    # in "mijn mentor zei dat ik het goed deed" the student is not the main clause's subject.
    main_end = next((i for i in range(main[0] + 1, main[1]) if lower[i] in SUBORDINATORS), main[1])
    main_words = set(lower[main[0] : main_end])
    span_words = lower[start:end]
    if set(span_words) & SECOND_PERSON or any(
        word in ("'", '"', "‘", "’", "“", "”") for word in span_words
    ):
        return None
    student = bool(main_words & STUDENT)
    involved = False
    if not student and main_words & OTHER_PEOPLE:
        # Someone else did something to or with the student ("mijn begeleider vroeg me ...",
        # "de docent gaf ons een onvoldoende"): said back with its own subject, never when
        # that person's feeling is in it ("mijn baas was boos op mij").
        if not _student_involved(lower, main[0], end) or _has_emotion(answer, main[0], main_end):
            return None
        involved = True
    emotion = answer.owned_emotion(start, end, student or involved)
    possessive = bool(main_words & {"mijn", "mn", "m'n", "onze", "ons"})
    if not student and not involved:
        # Impersonal: "het was spannend", "mijn hoofd was leeg", "op mijn werk was het druk".
        subject_het = any(
            lower[i] in ("het", "er") and answer.verb(i - 1) for i in range(main[0] + 1, main_end)
        )
        if not (lower[main[0]] in IMPERSONAL_START or subject_het):
            return None
        # "het was zo druk dat ik niet wist waar ik moest beginnen": the student is in it.
        if not (emotion or possessive or set(span_words) & STUDENT):
            return None
    tokens = answer.doc[start:end]
    content = sum(
        1
        for token in tokens
        if (is_content(token) or token.text.lower() in _HOW_DONE)
        and token.text.lower() not in STUDENT
    )
    length = sum(1 for word in span_words if any(char.isalnum() for char in word))
    if content == 0 or length < 3:
        return None
    if not any(answer.verb(i) for i in range(start, end) if lower[i] not in STUDENT):
        return None  # a clause has a verb: "samen met mijn mentor" is not one
    action = any(
        answer.verb(i) and answer.lemmas[i] not in PLAIN_VERBS and lower[i] not in PLAIN_VERBS
        for i in range(start, end)
        if lower[i] not in STUDENT and lower[i] not in ("ben", "heb", "had", "was", "vond", "vind")
    )
    situation = any(word in SITUATION for word in span_words[1:]) or lower[start] in SITUATION
    if emotion and not situation:
        # "blij dat ik de penalty tegenhield", "bang om fouten te maken": the feeling's cause.
        at = next(i for i, word in enumerate(answer.words[start:end]) if word == emotion)
        situation = any(word in ("dat", "om") for word in span_words[at + 1 : at + 4])
    # "spannend maar ook leuk": two sides in one clause.
    contrast = contrast or (
        "maar" in span_words and "ook" in span_words[span_words.index("maar") + 1 :]
    )
    text = span_text(answer.doc, answer.converted, start, end)
    score = (
        (3.0 if student else 1.0 if involved else 0.0)
        - (1.5 if length < 4 else 0.0)
        + (2.5 if emotion else 0.0)
        + (1.0 if action else 0.0)
        + 0.6 * min(content, 4)
        + (0.5 if situation else 0.0)
        - 0.15 * max(0, length - 14)
    )
    first_verb = next(
        (
            i
            for i in range(start, end)
            if answer.verb(i) and lower[i] not in STUDENT and lower[i] not in TIME_NOUNS
        ),
        None,
    )
    setting = (
        first_verb is not None
        and lower[first_verb] not in PAST_FORMS
        and is_present_stem(lower[first_verb])
        and not any(is_participle(answer.words[i]) for i in range(first_verb + 1, end))
    )
    return Clause(
        start,
        end,
        text,
        length,
        student,
        emotion,
        situation,
        action,
        segment,
        contrast,
        score,
        setting,
    )


# How the clause before went, pointing back at it: "en dat lukte niet", "maar het ging goed".
_TAIL_START = {"dat", "het", "'t", "t", "toen", "die", "hij", "zij", "ze"}
MAX_TAIL_WORDS = 7
MAX_OWN_TAIL_WORDS = 5


def _tail(answer: _Answer, start: int, end: int) -> str:
    """The segment [start, end) said back when it is a short "en/maar dat ..." with a verb."""
    words = answer.lower[start:end]
    own = words[1:2] in (["ik"], ["k"]) and len(words) <= MAX_OWN_TAIL_WORDS  # "en ik had een 3"
    if (
        len(words) < 3
        or len(words) > MAX_TAIL_WORDS
        or words[0] not in ("en", "maar")
        or (words[1] not in _TAIL_START and not own)
        or not any(answer.verb(i) for i in range(start + 2, end))
    ):
        return ""
    return span_text(answer.doc, answer.converted, start, end)


MAX_EVENT_AFTER_WORDS = 10


def _event_after(answer: _Answer, start: int, end: int) -> str:
    """The segment [start, end) when it is an "en ..." clause in the past tense (its length
    counted without the "en" or comma)."""
    words = answer.lower[start:end]
    if (
        not 3 <= len(words) - 1 <= MAX_EVENT_AFTER_WORDS
        or words[0] not in ("en", ",")
        or not any(word in PAST_FORMS for word in words)
    ):
        return ""
    said = span_text(answer.doc, answer.converted, start + 1, end)
    return f", {said}" if words[0] == "," else f"en {said}"


MAX_EVENT_BEFORE_WORDS = 8


def _event_before(answer: _Answer, start: int, end: int) -> str:
    """The segment [start, end) when it is someone else's short act in the past."""
    start = answer.strip(start, end)
    words = answer.lower[start:end]
    if (
        not 3 <= len(words) <= MAX_EVENT_BEFORE_WORDS
        or set(words) & STUDENT
        or not any(is_past_form(word) for word in words)
    ):
        return ""
    return span_text(answer.doc, answer.converted, start, end)


def clauses_of(text: str, keep_contrast: bool = False) -> list[Clause]:
    """Every candidate clause of ``text`` that is the student's own, with its features.
    ``keep_contrast`` adds the pairs "X, maar ... ook Y" as one candidate (``contrast``)."""
    answer = _Answer(text)
    found: list[Clause] = []
    number = 0
    for sentence_start, sentence_end, question in answer.sentences():
        segments = answer.segments(sentence_start, sentence_end)
        for index, (start, end) in enumerate(segments):
            number += 1
            start = answer.strip(start, end)
            if question or start >= end:
                continue
            spans = {(start, end)}
            if answer.lower[start] not in SUBORDINATORS or answer.verb(start + 1):
                # Without a subordinate clause, a comma's tail or a relative clause.
                spans |= {
                    (start, i)
                    for i in range(start + 2, end)
                    if answer.lower[i] in CUTS or (answer.lower[i] == "die" and i > start + 3)
                }
            spans = {(a, answer.trim_end(a, b)) for a, b in spans}
            after = segments[index + 1] if index + 1 < len(segments) else None
            tail = _tail(answer, *after) if after else ""
            event_after = _event_after(answer, *after) if after else ""
            joiner = answer.lower[start - 1] if index and start else ""
            before = segments[index - 1] if joiner in ("en", "dus") else None
            event_before = _event_before(answer, *before) if before else ""
            if event_before:
                event_before = f"{event_before} {joiner}"
            for a, b in spans:
                clause = _judge(answer, a, b, number, contrast=False)
                if clause and b == end:
                    clause = replace(clause, tail=tail, event_after=event_after)
                if clause and a == start and event_before:
                    clause = replace(clause, event_before=event_before)
                if clause:
                    found.append(clause)
            if keep_contrast and index + 1 < len(segments):
                nxt_start, nxt_end = segments[index + 1]
                second = answer.lower[nxt_start:nxt_end]
                if second[:1] == ["maar"] or second[:2] == [",", "maar"]:
                    if "ook" in second or "ook" in answer.lower[start:end]:
                        clause = _judge(answer, start, nxt_end, number, contrast=True)
                        if clause:
                            found.append(clause)
    return found
