"""Reflections like a coach's: the student's own clause said back in the second person.

A simple reflection (``simple_reflection``) is the most telling clause of an answer: the
student's own action or feeling (a clause with "ik" first, then an impersonal one such as
"het was spannend"), at most ``MAX_WORDS`` words, a verbatim run of the student's words in
which only the pronouns and the verb of "ik" change (``bot.nlp.second_person``). A clause
whose subject is someone else ("mijn broer raakte in paniek") is never said back as the
student's. Complex reflections, for the reflective steps: what two stories share
(``link_stories``), two sides of a hesitation (``double_sided``) and a feeling with its
moment (``emotion_with_situation``). Under NIVEA all of them use only the student's words;
each returns None when it does not hold, and the caller then says less.

Every reflection comes as a ``Reflection``: the domain response (its frames and variations
live in domain/reflection.yml) and the values that fill it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from bot.nlp.clauses import Clause, clauses_of, span_text, words_of
from bot.nlp.conjugation import is_infinitive, is_present_stem
from bot.nlp.listening import content_words
from bot.nlp.pipeline import load
from bot.nlp.second_person import (
    convert_words,
    normalize_chat,
    step_for_student,
    to_second_person,
)
from bot.nlp.verb_words import PAST_FORMS

MAX_WORDS = 15
# A short answer without a clause of its own is said back whole, turned to "je".
MAX_WHOLE_WORDS = 12
MAX_DOUBLE_WORDS = 24
SIMPLE, COMPLEX = "simple", "complex"


@dataclass(frozen=True)
class Reflection:
    """A reflection to say: ``response`` (a domain response name) filled with ``values``;
    ``kind`` is "simple" or "complex" (as MITI counts them), ``text`` the reflection itself."""

    response: str
    values: dict[str, str] = field(default_factory=dict)
    kind: str = SIMPLE
    text: str = ""


def _sentence(clause: str) -> str:
    return clause[:1].upper() + clause[1:] + "."


def _plain(text: str) -> list[str]:
    return [word.strip(".,!?;:") for word in normalize_chat(text).lower().split()]


# How much less a setting in the present tense weighs than an event in the past, in a story.
SETTING_PENALTY = 2.0


def _best(candidates: list[Clause], story: bool = False) -> Clause | None:
    fitting = [c for c in candidates if c.length <= MAX_WORDS]
    if not fitting:
        return None
    events = story and any(not c.setting for c in fitting)

    def weight(c: Clause) -> tuple[float, int, int]:
        score = c.score - (SETTING_PENALTY if events and c.setting else 0.0)
        return (score, -c.start, c.length)

    return max(fitting, key=weight)


def simple_reflection(text: str, story: bool = False) -> str | None:
    """The most telling clause of ``text`` in the second person ("je pakte de telefoon en
    regelde het zelf"), starting in lower case (a name keeps its capital), without a full
    stop; None when no clause of the student's own fits. In a ``story`` what happened comes
    before the setting it happened in ("je werkt in de keuken"), and a short clause on how it
    went stays with it ("je moest een saus opnieuw maken en dat lukte niet")."""
    best = _best(clauses_of(text), story)
    if best is None or _plain(best.text) == _plain(text):
        return None  # the whole answer unchanged is parroting, not a reflection
    if story:
        return _with_what_happened(best)
    if best.start > 0 and _points_back(best.text) and not _student_before(text, best.start):
        # "iemand had ruzie en ik heb het gesust": "je hebt het gesust" alone leaves "het"
        # without the event it stands for, so a short answer is said back whole. ("Ik vind
        # het niet erg, ik ben het gewend" keeps its last clause: all of it is the student's.)
        whole = to_second_person(normalize_chat(text)).strip(" .!?,;:")
        if len(whole.split()) <= MAX_WORDS + 5 and _plain(whole) != _plain(text):
            return whole[:1].lower() + whole[1:]
    return best.text


# Words that point back to something named before them in the answer ("die", "dat" are too
# often a determiner: "die dag", "dat moment").
_POINTING_BACK = {"hem", "haar", "daar", "ermee", "erover", "ervan", "eraan"}


def _student_before(text: str, start: int) -> bool:
    """Whether the student speaks of themselves before token ``start`` of the answer."""
    before = [token.lower_ for token in load()(normalize_chat(text))[:start]]
    return any(word in ("ik", "me", "mij", "mijn", "mn", "m'n", "we", "wij") for word in before)


def _points_back(clause: str) -> bool:
    """Whether ``clause`` refers, after its first word, to what an earlier clause named; "het"
    does when a verb follows it or it ends the clause ("je hebt het gesust"), not as an
    article ("je hebt het kind getroost")."""
    words = _plain(clause)
    for i, word in enumerate(words[1:], start=1):
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in _POINTING_BACK:
            return True
        if word == "het" and (
            not following
            or following in PAST_FORMS
            or following.startswith("ge")
            or is_infinitive(following)
        ):
            return True
    return False


def simple_reply(text: str, story: bool = False) -> Reflection | None:
    """``simple_reflection`` as a response to say: ``utter_reflect_simple`` when the clause
    starts with "je"/"jullie" (its frames may put "Dus" before it), else
    ``utter_reflect_simple_other``. Values: ``reflection`` (the clause) and ``sentence`` (the
    clause as a sentence: capital, full stop)."""
    clause = simple_reflection(text, story)
    if clause is None:
        return None
    subject_first = clause.split(" ", 1)[0].lower() in ("je", "jullie")
    return Reflection(
        response="utter_reflect_simple" if subject_first else "utter_reflect_simple_other",
        values={"reflection": clause, "sentence": _sentence(clause)},
        kind=SIMPLE,
        text=clause,
    )


def step_reply(text: str) -> Reflection | None:
    """An action step said back as a clause about the student ("een mail sturen naar de
    mentor" -> "je stuurt een mail naar de mentor", ``utter_reflect_step`` with ``step`` and
    ``sentence``); a step without a verb, or a long one, gets ``simple_reply``."""
    said = step_for_student(text)
    if said.startswith("je ") and len(said.split()) <= MAX_WORDS + 3:
        return Reflection(
            response="utter_reflect_step",
            values={"step": said, "sentence": _sentence(said)},
            kind=SIMPLE,
            text=said,
        )
    return simple_reply(text)


def reply_to(
    text: str, earlier_stories: tuple[str, ...] = (), story: bool = False
) -> Reflection | None:
    """The reflection to say after an answer, the richest that holds: what the answer shares
    with every one of ``earlier_stories`` (the first story, at the question about other
    moments; both stories after that), both sides of a hesitation, a feeling with its moment,
    else the student's own clause (of a ``story``: what happened, see ``simple_reflection``)."""
    if earlier_stories:
        linked = link_all(earlier_stories, text)
        if linked:
            return linked
    return double_sided(text) or emotion_with_situation(text) or simple_reply(text, story)


def _with_what_happened(clause: Clause) -> str:
    """A story's clause with what it answers ("een klant vroeg iets en je wist het niet"), with
    how it went ("... en dat lukte niet"), or a setting with the event after it ("je werkt bij
    de albert heijn" says where, not what happened there)."""
    words = clause.text.lower().split()
    if clause.event_before and (words[0] in ("je", "jij") or {"jou", "je"} & set(words[1:])):
        said = f"{clause.event_before} {clause.text}"
        if len(said.split()) <= MAX_WORDS + 3:
            return said
    if clause.tail and clause.length + len(clause.tail.split()) <= MAX_WORDS + 3:
        return f"{clause.text} {clause.tail}"
    if clause.event_after and (clause.setting or _someone_acts(clause.event_after)):
        # A setting says where, not what happened there; a task of the student's ("op stage
        # moest je een meneer helpen met eten") is told for what someone did then ("hij wilde
        # niet en gooide zn bord op de grond").
        joiner = "" if clause.event_after.startswith(",") else " "
        said = f"{clause.text}{joiner}{clause.event_after}"
        if len(said.split()) <= MAX_WORDS + 5:
            return said
    return clause.text


# Who, first in a clause, does something the student did not: "hij", "de klant", "mn baas".
_SOMEONE_FIRST = re.compile(
    r"^(?:en\s+|,\s*)(?:toen\s+)?(?:hij|zij|ze|(?:de|die|een|mijn|mn|m'n|zijn|haar)\s+\w+)\s"
)


def _someone_acts(event: str) -> bool:
    return bool(_SOMEONE_FIRST.match(event.lower()))


_THOUGHT_FRAME = "je dacht: "


def thought_reply(text: str) -> Reflection | None:
    """A short answer that is one thought (``utter_reflect_thought``: ``thought``,
    ``sentence``), said back with the thought in its own words, as the second person keeps a
    quote ("ik dacht ik kan dit niet" -> "Je dacht: ik kan dit niet.")."""
    said = to_second_person(text).strip(" .!?")
    if not said.lower().startswith(_THOUGHT_FRAME):
        return None
    thought = said[len(_THOUGHT_FRAME) :].strip(" '\"‘’“”")
    if not 2 <= len(words_of(thought)) <= MAX_WHOLE_WORDS:
        return None
    return Reflection(
        response="utter_reflect_thought",
        values={"thought": thought, "sentence": _sentence(f"{_THOUGHT_FRAME}{thought}")},
        kind=SIMPLE,
        text=f"{_THOUGHT_FRAME}{thought}",
    )


def whole_reply(text: str) -> Reflection | None:
    """A short answer that holds no clause to pick ("dat ik het overneem als het nodig is")
    said back whole in the second person (``utter_reflect_whole``: ``answer``, ``sentence``),
    the way a coach repeats a short answer; None for a long answer."""
    words = words_of(text)
    if not 1 <= len(words) <= MAX_WHOLE_WORDS:
        return None
    said = to_second_person(text).strip(" .!?,;:")
    if not said:
        return None
    said = said[:1].lower() + said[1:] if said[:2].lower() != "ik" else said
    return Reflection(
        response="utter_reflect_whole",
        values={"answer": said, "sentence": _sentence(said)},
        kind=SIMPLE,
        text=said,
    )


# Where the main clause of a told event ends: a clause about why or when, or the next clause.
_EVENT_ENDS = {"omdat", "doordat", "toen", "terwijl", "want", "dus", "maar", "en", "waardoor"}


def event_reply(text: str) -> Reflection | None:
    """A story whose clauses are all someone else's ("een klant werd boos op me") said back by
    what happened, with its own subject, in the second person (``utter_reflect_event``:
    ``sentence``): the main clause of the first sentence, never a feeling given to the student.
    None when that clause is short, long, or holds no verb."""
    first = re.split(r"[.!?]", (text or "").strip(), maxsplit=1)[0]
    words: list[str] = []
    for word in to_second_person(normalize_chat(first)).split():
        if words and word.lower().strip(",") in _EVENT_ENDS:
            break
        words.append(word)
        if word.endswith(","):
            break
    said = " ".join(words).strip(" ,;:")
    plain = [w.strip(",").lower() for w in words]
    if not 4 <= len(plain) <= MAX_WORDS:
        return None
    if not any(w in PAST_FORMS or is_present_stem(w) or is_infinitive(w) for w in plain):
        return None
    return Reflection(
        response="utter_reflect_event", values={"sentence": _sentence(said)}, kind=SIMPLE, text=said
    )


def point_of(text: str | None, story: bool = False) -> str | None:
    """One answer as a point of a summary: its own clause, or the short answer whole, in the
    second person; None when neither fits. For a ``story`` what the student did comes before
    what they felt: the feeling without its moment does not say which story it was."""
    if not text:
        return None
    if story:
        done = [c for c in clauses_of(text) if c.action and c.student]
        best = _best(done, story=True)
        if best:
            return _with_what_happened(best)
    clause = simple_reflection(text)
    if clause:
        return clause
    whole = whole_reply(text)
    return whole.text if whole else None


def collecting_summary(stories: list[str | None], answers: list[str | None]) -> Reflection | None:
    """What the student told so far, one point per story and per answer, in their own words
    turned to "je" (``utter_reflect_collect``: ``points``); MITI counts a collecting summary
    as a complex reflection. None when fewer than two give a point."""
    points: list[str] = []
    for answer, story in [(s, True) for s in stories] + [(a, False) for a in answers]:
        point = point_of(answer, story=story)
        if point and point.lower() not in {p.lower() for p in points}:
            points.append(point)
    if len(points) < 2:
        return None
    joined = "; ".join(points[:-1]) + "; en " + points[-1]
    return Reflection(
        response="utter_reflect_collect", values={"points": joined}, kind=COMPLEX, text=joined
    )


def kernwoord_in_both(
    kernwoord: str,
    first: str | None,
    second: str | None,
    response: str = "utter_reflect_kernwoord_both",
) -> Reflection | None:
    """The kernwoord with both stories it belongs to, each in the student's words turned to
    "je" (``response``: ``kernwoord``, ``first``, ``second``): a complex reflection that links
    them. A returning student's word goes with last time's story and today's
    (``utter_reflect_kernwoord_then_now``). None when either story gives no point."""
    a, b = point_of(first, story=True), point_of(second, story=True)
    if not a or not b or a.lower() == b.lower():
        return None
    return Reflection(
        response=response,
        values={"kernwoord": kernwoord, "first": a, "second": b},
        kind=COMPLEX,
        text=f"{kernwoord}: {a}; {b}",
    )


# ---- a feeling with its moment -------------------------------------------------------


def emotion_with_situation(text: str) -> Reflection | None:
    """An emotion word of the student's own with the moment it belongs to, in the student's
    words: "je was zenuwachtig toen je de klant moest bellen" (one clause holding both,
    ``utter_reflect_emotion``), or the feeling and an action of the student's from the
    clause next to it ("je moest de klant bellen" + "je was super zenuwachtig",
    ``utter_reflect_emotion_pair``). None when the only feeling is someone else's."""
    candidates = clauses_of(text)
    feelings = [c for c in candidates if c.emotion and c.length <= MAX_WORDS]
    with_moment = [c for c in feelings if c.situation]
    with_moment = [c for c in with_moment if _plain(c.text) != _plain(text)]
    if with_moment:
        best = max(with_moment, key=lambda c: (c.score, -c.start, c.length))
        return Reflection(
            response="utter_reflect_emotion",
            values={"reflection": best.text, "sentence": _sentence(best.text)},
            kind=COMPLEX,
            text=best.text,
        )
    for feeling in feelings:
        if not feeling.student:
            continue
        neighbours = [
            c
            for c in candidates
            if c.student
            and not c.emotion
            and c.action
            and c.segment in (feeling.segment - 1, feeling.segment + 1)
            and c.length <= MAX_WORDS
        ]
        if neighbours:
            moment = max(neighbours, key=lambda c: (c.score, -c.start, c.length))
            return Reflection(
                response="utter_reflect_emotion_pair",
                values={
                    "situation": moment.text,
                    "situation_sentence": _sentence(moment.text),
                    "feeling": feeling.text,
                    "feeling_sentence": _sentence(feeling.text),
                },
                kind=COMPLEX,
                text=f"{moment.text}; {feeling.text}",
            )
    return None


# ---- two sides of a hesitation -------------------------------------------------------

_BETWEEN_CUES = {"twijfel", "twijfelde", "twijfelen", "twijfelt", "kiezen", "kies", "keuze"}
_SIDES = (("aan", "de", "ene", "kant"), ("enerzijds",))
_OTHER_SIDES = (("aan", "de", "andere", "kant"), ("anderzijds",))
_STOP_SIDE = {",", ".", "!", "?", ";", "maar", "want", "omdat", "dus", "of", "en"}


def _find(lowered: list[str], phrase: tuple[str, ...], start: int = 0) -> int | None:
    for i in range(start, len(lowered) - len(phrase) + 1):
        if tuple(lowered[i : i + len(phrase)]) == phrase:
            return i
    return None


def _side(
    words: list[str], lowered: list[str], start: int, stops: set[str]
) -> tuple[int, int, int]:
    """(start, end of the option, end before the stop word) of one side of a choice."""
    end = start
    while end < len(words) and lowered[end] not in stops:
        end += 1
    stop = end
    # A verb cluster at the end belongs to the sentence, not to the option ("techniek moet kiezen").
    while end > start + 1 and (
        is_infinitive(lowered[end - 1]) or is_present_stem(lowered[end - 1])
    ):
        end -= 1
    return start, end, stop


def _between(words: list[str], converted: list[str], lowered: list[str]) -> Reflection | None:
    """ "twijfel tussen X en Y", "kiezen tussen X en Y", "of X of Y" (with a doubt word)."""
    doubt = (
        any(word in _BETWEEN_CUES for word in lowered)
        or _find(lowered, ("weet", "niet")) is not None
    )
    between = _find(lowered, ("tussen",))
    pairs: list[tuple[tuple[int, int, int], tuple[int, int, int]]] = []
    if between is not None and doubt:
        one = _side(words, lowered, between + 1, _STOP_SIDE)
        if one[2] < len(words) and lowered[one[2]] == "en" and one[1] > one[0]:
            pairs.append((one, _side(words, lowered, one[2] + 1, _STOP_SIDE)))
    first_of = _find(lowered, ("of",))
    if first_of is not None and doubt and not pairs:
        start = first_of + 1
        while start < len(words) and lowered[start] in ("ik", "k", "dat"):
            start += 1
        one = _side(words, lowered, start, _STOP_SIDE)
        if one[2] < len(words) and lowered[one[2]] == "of" and one[1] > one[0]:
            other_start = one[2] + 1
            while other_start < len(words) and lowered[other_start] in ("dat", "ik", "k"):
                other_start += 1
            pairs.append((one, _side(words, lowered, other_start, _STOP_SIDE)))
    for (a_start, a_end, _), (b_start, b_end, _) in pairs:
        if not (0 < a_end - a_start <= 6 and 0 < b_end - b_start <= 6):
            continue
        first = " ".join(converted[a_start:a_end])
        second = " ".join(converted[b_start:b_end])
        return Reflection(
            response="utter_reflect_double_between",
            values={"one": first, "other": second},
            kind=COMPLEX,
            text=f"{first} / {second}",
        )
    return None


def double_sided(text: str) -> Reflection | None:
    """Both sides of a hesitation, in the student's words: "tussen X en Y" or "of X of Y"
    after a doubt word (``utter_reflect_double_between``, values ``one``/``other``), or a
    sentence that weighs two sides ("aan de ene kant ... aan de andere kant", "enerzijds ...
    anderzijds", "..., maar ... ook ...") said back whole in the second person
    (``utter_reflect_double_sides``, values ``reflection``/``sentence``)."""
    doc = load()(normalize_chat(text))
    words = [token.text for token in doc]
    lowered = [word.lower() for word in words]
    converted = convert_words(words)
    found = _between(words, converted, lowered)
    if found:
        return found
    for side, other_side in zip(_SIDES, _OTHER_SIDES):
        start = _find(lowered, side)
        other = _find(lowered, other_side, start + len(side)) if start is not None else None
        if start is None or other is None:
            continue
        end = other + len(other_side)
        while end < len(words) and lowered[end] not in (".", "!", "?", ";"):
            end += 1
        return _sides(doc, converted, start, end)
    for clause in clauses_of(text, keep_contrast=True):
        if clause.contrast and clause.student and clause.length <= MAX_DOUBLE_WORDS:
            return _sides(doc, converted, clause.start, clause.end)
    return None


def _sides(doc: Doc, converted: list[str], start: int, end: int) -> Reflection | None:
    text = span_text(doc, converted, start, end)
    if not text or len(words_of(text)) > MAX_DOUBLE_WORDS:
        return None
    return Reflection(
        response="utter_reflect_double_sides",
        values={"reflection": text, "sentence": _sentence(text)},
        kind=COMPLEX,
        text=text,
    )


# ---- what two stories share ------------------------------------------------------------


def _lemmas(text: str) -> list[tuple[str, str, bool]]:
    """(word, lemma, is content) for every word of ``text``."""
    content = {word.lower() for word in content_words(text)}
    out = []
    for token in load()(normalize_chat(text)):
        if token.is_alpha:
            lemma = (token.lemma_ or token.text).lower()
            out.append((token.text, lemma, token.text.lower() in content))
    return out


# Words that carry no content of their own in a shared run.
_GLUE = {
    "jouw",
    "jullie",
    "zelf",
    "jezelf",
    "ook",
    "echt",
    "heel",
    "gewoon",
    "toen",
    "daar",
    "hier",
}


def link_all(stories: tuple[str, ...], text: str) -> Reflection | None:
    """``link_stories`` of ``text`` with each of ``stories``, keeping the words every one of
    them shares ("in allebei je verhalen" is said only of what is in both)."""
    links = [link_stories(earlier, text, limit=LINK_LIMIT * 2) for earlier in stories]
    if not links or any(link is None for link in links):
        return None
    kept = [item for item in _items(links[0]) if all(item in _items(o) for o in links[1:])]
    return _link_reflection(kept[:LINK_LIMIT]) if kept else None


def _items(link: Reflection | None) -> list[str]:
    return re.findall(r"'[^']+'", link.text) if link else []


def _link_reflection(items: list[str]) -> Reflection:
    # A Dutch list of the student's quoted words: the only glue is the comma and "en".
    shared = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]
    return Reflection(
        response="utter_reflect_link",
        values={"shared": shared},
        kind=COMPLEX,
        text=shared,
    )


LINK_LIMIT = 3


def link_stories(story_a: str, story_b: str, limit: int = LINK_LIMIT) -> Reflection | None:
    """What the two stories share, by word and lemma ("klant" and "klanten", "hielp" and
    "helpen"), in the words of the second story turned to the second person: runs of words
    both stories hold first ("zelf oplossen"), then single content words. Values: ``shared``
    (the words, each in quotes, joined as a Dutch list). None when nothing is shared."""
    a, b = _lemmas(story_a), _lemmas(story_b)
    lemmas_a = [lemma for _, lemma, _ in a]
    content_a = {lemma for _, lemma, content in a if content}
    found: list[tuple[int, str]] = []
    covered: set[int] = set()
    # Runs of two or three words that both stories hold, with a content word in them.
    for size in (3, 2):
        for i in range(len(b) - size + 1):
            run = b[i : i + size]
            lemmas = [lemma for _, lemma, _ in run]
            if any(j in covered for j in range(i, i + size)) or not any(c for *_, c in run):
                continue
            if not (run[0][2] or run[-1][2]):
                continue
            if any(lemmas_a[k : k + size] == lemmas for k in range(len(lemmas_a) - size + 1)):
                words = convert_words([word for word, _, _ in run])
                found.append((i, " ".join(words)))
                covered.update(range(i, i + size))
    seen = {lemma for j, (_, lemma, _) in enumerate(b) if j in covered}
    # A verb quoted alone is said in its base form when the other story has it so ("overnemen",
    # not the "overneem" of "dat ik het overneem"): still the student's own word.
    base_in_a = {lemma for word, lemma, _ in a if word.lower() == lemma and lemma.endswith("en")}
    for j, (word, lemma, content) in enumerate(b):
        if content and lemma in content_a and lemma not in seen and j not in covered:
            found.append((j, lemma if lemma in base_in_a and word.lower() != lemma else word))
            seen.add(lemma)
    # A run like "leg je" says nothing: keep what holds a word of four letters or more.
    found = [
        (j, words)
        for j, words in found
        if any(len(word) >= 4 and word.lower() not in _GLUE for word in words.split())
    ]
    if not found:
        return None
    return _link_reflection([f"'{words}'" for _, words in sorted(found)[:limit]])
