"""Recognise messages that signal crisis or danger, independently of the intent classifier.

``assess(text, previous)`` reads the whole message after ``bot.nlp.normalize.normalise`` and
answers with a level ("none", "unsure", "crisis"), one of the twelve categories of
docs/crisis.md, the kind the reply is chosen by, whether the student says they are under 18,
and whether the danger is acute. It is a first filter as a crisis-line counsellor would want
one: it errs on the side of care, and the middle band ("unsure") makes the bot ask one gentle
question instead of guessing.

How it reads:
1. Everyday hyperbole ("ik ging dood van het lachen", "ik schaam me dood") is removed.
2. Rules per category (``_RULES``). Each rule has a level and, for words that also occur in
   study talk, sport or jokes, a guard: a context that cancels it in the same sentence.
   Co-occurrence rules combine a method or place with an intent, and not eating or sleeping
   with "it doesn't matter any more".
3. Negation: "ik wil niet dood, maar..." is at least unsure; a reassurance without "maar"
   ("ik wil niet dood hoor, gewoon moe") is not.
4. A joke marker (lol, haha, 😂, 💀) lowers a hit by one level; study or sport context with a
   joke marker cancels an ordinary hit.
5. A trained model (``bot.nlp.crisis_model``) reads every message of 3 to 150 words: from one
   probability it raises "unsure", from a higher one "crisis"; a rule hit it finds very unlikely
   is dropped. A joke lowers the model's level by one.
6. The previous message as context: a short confirmation ("ja", "ik meen het") after a worrying
   message, or a message that only together with the previous one says something (a method
   first, "vanavond doe ik het" next).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.nlp.crisis_rules import _RULES as SUICIDE_RULES
from bot.nlp.crisis_rules import JOKE, SPORT, STUDY, _Rule
from bot.nlp.crisis_rules_clear import CLEAR_RULES, TIME
from bot.nlp.crisis_rules_harm import HARM_RULES
from bot.nlp.crisis_text import SENTENCE, on_model_change, prepare

KINDS = ("suicide", "self_harm", "abuse", "homeless", "panic", "eating_disorder")
CATEGORIES = {
    "passive_wish": "suicide",
    "burden": "suicide",
    "not_missed": "suicide",
    "active_suicide": "suicide",
    "plan": "suicide",
    "method_place": "suicide",
    "neglect": "suicide",
    "self_harm": "self_harm",
    "abuse": "abuse",
    "coercion": "abuse",
    "homeless": "homeless",
    "panic": "panic",
    "eating_disorder": "eating_disorder",
}
# When several categories fire at the same level, the most specific and dangerous one names it.
_PRIORITY = (
    "method_place",
    "plan",
    "active_suicide",
    "self_harm",
    "abuse",
    "coercion",
    "burden",
    "not_missed",
    "passive_wish",
    "neglect",
    "eating_disorder",
    "homeless",
    "panic",
)
LEVELS = ("none", "unsure", "crisis")
_RULES = SUICIDE_RULES + HARM_RULES + CLEAR_RULES


def _can_span(rule: _Rule) -> bool:
    """Whether the rule's pattern can match across the " . " that joins two messages (a dot,
    a non-word class or a negated class in it): only those can fire on a pair of messages but
    on neither alone."""
    return bool(re.search(r"(?<!\\)\.|\\W|\[\^", rule.pattern.pattern))


# Two messages together are read by these only: a clear statement is said in one message, and a
# rule that cannot span the join would have fired on one of the two already.
_PAIR_RULES = [rule for rule in SUICIDE_RULES + HARM_RULES if _can_span(rule)]


@dataclass(frozen=True)
class Assessment:
    level: (
        str  # "none" | "unsure" | "crisis"   ("unsure" -> the bot asks one gentle check question)
    )
    category: str | None  # a CATEGORIES key when level != "none"
    kind: str | None  # CATEGORIES[category]
    minor: bool  # the text says the student is under 18 ("ik ben 15", "ik ben pas 16")
    immediate: (
        bool  # acute danger now ("nu", "vanavond", standing on the roof, someone hitting now)
    )


NONE = Assessment("none", None, None, False, False)

# --- negation, reassurance, joke -------------------------------------------------------------------
_NEGATED = re.compile(
    r"\b(?:ik\s+)?(?:wil|ben|denk|ga|zal|zou)\s+(?:[\w',]+\s+){0,2}(?:niet|nie|nooit|geen)\s+(?:[\w',]+\s+){0,2}"
    r"(?:dood|suicidaal|zelfmoord|sterven|mezelf\s+(?:iets\s+)?(?:aandoen|pijn\s+doen|doden)|er\s+een\s+eind\w*|(?:aan\s+)?zelfmoord)\b"
    r"|\bgeen\s+zelfmoordgedachte\w*|\b(?:niet|nie)\s+suicidaal\b"
)
_BUT = re.compile(r"\b(?:maar|alleen|toch|soms|wel|eigenlijk)\b")
_REASSURE = re.compile(
    r"\b(?:hoor|geen\s+zorgen|maak\s+je\s+geen\s+zorgen|gewoon\s+moe|echt\s+niet|no\s+worries|rustig\s+maar|gaat\s+(?:wel\s+)?goed)\b"
)
# An everyday cause named for the dark words: a pet's scratches, beaten at a game, a cut in the
# kitchen, a parent's illness; or an idiom ("ik kan mezelf wel voor mijn kop slaan", "ik wilde
# onder de grond verdwijnen"). When only the model hears a crisis, such a line is ordinary ("mijn kat heeft me
# gekrabd, mijn arm zit vol krassen", "mijn vader slaat me altijd met schaken").
_EVERYDAY_CAUSE = re.compile(
    r"\b(?:kat|poes|kitten|hond|puppy|cavia|konijn|hamster|papegaai)\b[^.?!]*\b(?:gekrabd|krabt|krabde|gebeten|bijt|beet|krassen|schrammen)\b|"
    r"\b(?:gekrabd|gebeten)\s+(?:door|van)\s+(?:de|mijn|een|onze)\s+(?:kat|poes|hond|cavia|konijn|hamster)\b|"
    r"\b(?:slaat|sloeg|verslaat|versloeg|wint\s+van|won\s+van)\s+(?:me|mij)\s+(?:[\w']+\s+){0,2}(?:met|bij|in|op)\s+"
    r"(?:schaken|schaak|dammen|fifa|tennis|tafeltennis|pingpong|padel|kaarten|monopoly|mario\s*kart|uno|spelletjes|een\s+potje|potjes|darten|poolen|biljart)\b|"
    r"\b(?:gesneden|sneed|snijd|snij)\b[^.?!]*\b(?:uien|ui|groente\w*|brood|vlees|keuken|koksmes|broodmes|aardappel\w*|tomaten)\b|"
    r"\bmezelf\s+(?:wel\s+|echt\s+)?voor\s+(?:mijn|de|m'n|me)\s+(?:kop|hoofd|kanis)\s+(?:kunnen\s+)?slaan\b|"
    r"\bonder\s+de\s+grond\s+(?:willen\s+|kunnen\s+)?(?:verdwijnen|zakken|kruipen)\b|"
    r"\b(?:vader|moeder|pa|ma|opa|oma|broer|zus|oom|tante)\s+(?:heeft|had|is)\s+(?:[\w']+\s+)?(?:kanker|ziek|corona|covid|dementie|alzheimer|parkinson|een\s+hartaanval|een\s+beroerte)\b"
)
# Embarrassment told with "ik wil dood": seen falling by a crush, a message sent to the wrong
# person. Such a line gets the gentle check rather than the full reply.
_EMBARRASSED = re.compile(
    r"\b(?:zag\s+me\s+(?:vallen|struikelen)|saw\s+me\s+(?:fall|trip)|per\s+ongeluk\s+(?:[\w']+\s+){0,4}gestuurd|"
    r"verkeerde\s+(?:chat|persoon|groep)|zo\s+gênant|zo\s+genant|cringe|schaam\s+me\s+dood)\b"
)
# The student helped someone else in trouble and says so: reported, brought, talked with; or
# says plainly that they themself are fine.
_HELPED_SOMEONE = re.compile(
    r"\b(?:heb|had|hebben)\s+(?:het|dat|haar|hem|hen|ze)\s+(?:[\w']+\s+){0,4}(?:gemeld|gebracht|geholpen|gebeld|doorverwezen|afgepakt)\b|"
    r"\b(?:gemeld\s+bij|met\s+(?:hem|haar)\s+gepraat|veilig\s+thuis)\b|"
    r"\bhet\s+gaat\s+(?:nu\s+)?(?:weer\s+)?(?:beter|goed)\s+met\s+(?:hem|haar)\b|"
    r"\bmet\s+(?:mij|mezelf|mij\s+zelf)\s+(?:zelf\s+)?gaat\s+het\s+(?:goed|prima|wel\s+oke)\b"
)
# Career talk (a placement, work one wants) with death in it: a client who died, bodies after a
# disaster. Ordinary for students in care, police and funeral work.
_CAREER = re.compile(
    r"\b(?:op\s+stage|mijn\s+stage|stage\s+(?:bij|in|op)|werken\s+(?:als|in|bij)|work\s+(?:as|in|at)|become\s+an?|"
    r"paramedic|nurse|firefighter|police\s+officer|ambulancier\w*|verpleegkundige|"
    r"stagebegeleider|verpleeg\w*|uitvaart\w*|ambulance|politie|brandweer|hospice)\b"
)
_DEATH_AT_WORK = re.compile(
    r"\b(?:overledene\w*|overleden|dode|doden|lichaam|lichamen|dead\s+bod(?:y|ies)|sterfbed|stervende|reanimatie\w*|reanimeren|"
    r"opgebaard|cardiac\s+arrest|hartstilstand|cpr)\b"
)
_SHORT_CONFIRM = re.compile(
    r"^\W*(?:ja+|jep|jup|yes|ja\s+echt|echt\s+wel|ja\s+serieus|serieus|ik\s+meen\s+het\w*(?:\s+echt)?|ik\s+meen\s+het\s+serieus|"
    r"geen\s+grap|het\s+is\s+geen\s+grap|dat\s+meen\s+ik|klopt|inderdaad|ja\s+dat\s+bedoel\s+ik|ja\s+ik\s+meen\s+het|ja\s+eigenlijk\s+wel|"
    r"eigenlijk\s+wel|wel\s+een\s+beetje|soms\s+wel|ja\s+soms)\W*$"
)
_MINOR = re.compile(
    r"\bik\s+ben\s+(?:pas\s+|nog\s+(?:maar\s+)?|net\s+|maar\s+)?(?:1[0-7]|[6-9])(?:\s*(?:jaar|jr|j))?\b(?!\s*(?:uur|min\w*|euro|keer|%|procent|weken|week|dagen|dag|maanden|studiepunten|punten|ec|kilo|kg|cm|m\b|meter|km|x)\b)"
    r"|\b(?:1[0-7])\s*(?:jaar\s+oud|jarige?|jr\s+oud)\b|\bals\s+(?:je\s+|ik\s+)?(?:1[0-7])\s+bent\b|\bminderjarig\w*\b|\bnog\s+geen\s+18\b|\bonder\s+de\s+18\b"
    r"|\bik\s+(?:word|wordt)\s+(?:pas\s+)?(?:volgend\s+jaar|binnenkort|in\s+\w+)\s+(?:1[0-8])\b|\bbijna\s+18\b"
)
_IMMEDIATE = re.compile(
    r"\b(?:nu|nou|vanavond|vannacht|straks|zo\s+meteen|zometeen|meteen|op\s+dit\s+moment|vandaag|nu\s+meteen|morgen|"
    r"over\s+een\s+uur|help|hulp)\b|\b(?:sta|zit|ben)\s+(?:nu\s+)?(?:op|bij|aan)\s+(?:het|de|een)\s+(?:dak|brug|spoor|perron|rand|rails|balkon|reling)\b"
    r"|\b(?:te\s*veel|alle|al\s+mijn)\s+\w+\s+(?:genomen|geslikt|ingenomen)\b|\bstaat\s+(?:[\w',]+\s+)?voor\s+(?:de|mijn)\s+deur\b"
)


def _level_index(level: str) -> int:
    return LEVELS.index(level)


def _lower(level: str) -> str:
    return LEVELS[max(0, _level_index(level) - 1)]


_STUDY_OR_SPORT = re.compile(rf"\b(?:{STUDY}|{SPORT})\b")


def _hits(sentence: str, has_joke: bool, rules: list[_Rule]) -> list[tuple[str, str, str]]:
    """(category, level, rule name) for every rule that fires in one sentence, guards and jokes applied."""
    if has_joke and _STUDY_OR_SPORT.search(sentence):
        return []  # "ik wil dood haha morgen 3 toetsen"
    found: list[tuple[str, str, str]] = []
    joke_here = has_joke and bool(JOKE.search(sentence))
    for rule in rules:
        if not rule.pattern.search(sentence):
            continue
        if rule.guard is not None and rule.guard.search(sentence):
            continue
        # a clear statement is lowered only by a joke in its own sentence ("kernwoord is
        # zelfbeheersing haha. maar ik heb weer gekrast")
        joke = joke_here if rule.clear else has_joke
        found.append((rule.category, _lower(rule.level) if joke else rule.level, rule.name))
    return found


def _sentences(text: str) -> list[str]:
    sentences = [s.strip() for s in SENTENCE.findall(text) if s.strip()]
    # also the neighbouring pairs: "ik sta op de brug. ik denk aan springen"
    pairs = [f"{a} {b}" for a, b in zip(sentences, sentences[1:])]
    return sentences + pairs if len(sentences) > 1 else sentences or [text]


def _best(hits: list[tuple[str, str, str]]) -> tuple[str, str | None]:
    if not hits:
        return "none", None
    level = max((h[1] for h in hits), key=_level_index)
    categories = {c for c, l, _ in hits if l == level}
    if level == "none":
        return "none", None
    return level, min(categories, key=_PRIORITY.index)


@lru_cache(maxsize=512)
def _all_hits(prepared: str, pair: bool = False) -> tuple[tuple[str, str, str], ...]:
    # Each rule is tried once on the whole text; only the rules that fire somewhere are then
    # checked sentence by sentence (with their guards). This keeps a long message linear.
    # ``pair``: two messages together, read without the clear statements (said in one message).
    rules = _PAIR_RULES if pair else _RULES
    candidates = [rule for rule in rules if rule.pattern.search(prepared)]
    if not candidates:
        return ()
    has_joke = bool(JOKE.search(prepared))
    hits: list[tuple[str, str, str]] = []
    for sentence in _sentences(prepared):
        hits.extend(_hits(sentence, has_joke, candidates))
    return tuple(hits)


_CLEAR_NAMES = frozenset(rule.name for rule in CLEAR_RULES)


def protected(prepared: str) -> bool:
    """Whether a crisis-level hit is a clear statement (``bot.nlp.crisis_rules_clear``: an
    explicit wish to die, a plan or place, self-harm, abuse or purging told as a fact): then
    neither the model's veto nor the answer context lowers it. Those two judge weak evidence;
    the keyword rules of the other modules stay under the veto, which keeps talk about a topic
    ("voorlichting over zelfbeschadiging") quiet."""
    return any(
        level == "crisis" and name in _CLEAR_NAMES for _category, level, name in _all_hits(prepared)
    )


def _reassured(prepared: str) -> bool:
    """A plain reassurance: "ik wil niet dood hoor, gewoon moe" (a negation, a reassuring word,
    and no "maar" after the negation)."""
    negated = _NEGATED.search(prepared)
    return bool(
        negated and _REASSURE.search(prepared) and not _BUT.search(prepared[negated.end() :])
    )


def _rules_assess(prepared: str) -> tuple[str, str | None]:
    if not prepared.strip():
        return "none", None
    level, category = _best(list(_all_hits(prepared)))
    negated = _NEGATED.search(prepared)
    if negated and _level_index(level) < _level_index("crisis"):
        after = prepared[negated.end() :]
        if _BUT.search(after) or not _REASSURE.search(prepared):
            if level == "none" or category is None:
                category = "passive_wish"
            level = "unsure"
        elif level == "unsure" and category in ("active_suicide", "passive_wish"):
            level, category = "none", None
    return level, category


# Very short messages ("ja", "morgen", "8") count through the rules only: the model reads too
# much into one or two words, and almost no crisis line of the data is that short.
MODEL_MIN_WORDS = 3
# Long stories are read by the rules only (every character of them); the model would cost
# tens of milliseconds there and was trained on chat-length lines.
MODEL_MAX_WORDS = 150


# A sentence this long is also read by the model on its own (see ``_model_probability``).
SENTENCE_MIN_WORDS = 4


def _model_probability(prepared: str) -> float | None:
    """The model's probability of the message, or of its likeliest sentence when that is
    higher: a crisis sentence after a few ordinary ones ("de toets ging goed. maar eerlijk, ik
    zie het nut niet meer van leven") is diluted in the whole message (0.23 on the eighth blind
    set) and clear on its own."""
    from bot.nlp.crisis_model import crisis_probability_prepared

    if not MODEL_MIN_WORDS <= len(prepared.split()) <= MODEL_MAX_WORDS:
        return None
    whole = crisis_probability_prepared(prepared)
    sentences = [s for s in SENTENCE.findall(prepared) if len(s.split()) >= SENTENCE_MIN_WORDS]
    if len(sentences) < 2:
        return whole
    return max(whole, *(crisis_probability_prepared(s.strip()) for s in sentences))


# A rule hit is dropped when the model finds it very unlikely, but only on chat-length messages:
# on a few words ("ik wil dood lol") the rules are the better judge, and on a long story the
# model's score is diluted by everything around the one sentence that matters (the training
# lines are at most 41 words, 99% under 22).
VETO_MIN_WORDS = 6
VETO_MAX_WORDS = 40
# Above this many words the model alone asks the gentle question at most.
ALONE_MAX_WORDS = 40


def combine(
    level: str,
    category: str | None,
    probability: float | None,
    prepared: str,
    unsure: float,
    crisis: float,
    veto: float,
    alone: float = 2.0,
    keep: bool = False,
    rule_unsure_crisis: float = 2.0,
) -> tuple[str, str | None]:
    """The rules' (level, category) and the model's probability together. A category of None
    with a level above "none" means: ask the model's category head. ``alone``: from this
    probability the model gives the full reply without a rule (above 1: never). ``keep``: the
    rules' hit is protected (``protected``), the model cannot veto it."""
    if probability is None:
        return level, category
    if (
        level != "none"
        and not keep
        and probability < veto
        and VETO_MIN_WORDS <= len(prepared.split()) <= VETO_MAX_WORDS
    ):
        # a rule hit that the model finds unlikely: in cross-validation these were talk about a
        # topic ("we hadden een les over sextortion"), not a student in danger
        level, category = "none", None
    model_level = (
        "crisis" if probability >= crisis else "unsure" if probability >= unsure else "none"
    )
    if level == "none" and model_level == "crisis" and len(prepared.split()) > ALONE_MAX_WORDS:
        # A long story the rules find nothing in: the model, trained on chat-length lines,
        # scored a few ordinary ones above 0.9 (a colleague who redoes the student's work).
        model_level = "unsure"
    if level == "none" and model_level == "crisis" and probability < alone:
        # The model alone asks the gentle question unless it is all but certain: on ordinary
        # lines it never saw it scored above 0.9 a few times. Otherwise the full reply needs a
        # rule too.
        model_level = "unsure"
    if _reassured(prepared):
        model_level = "none"  # the student says plainly that they do not mean it
    if level == "none" and (
        _EVERYDAY_CAUSE.search(prepared)
        or _HELPED_SOMEONE.search(prepared)
        or (_CAREER.search(prepared) and _DEATH_AT_WORK.search(prepared))
    ):
        # The model alone, and the line names an everyday cause, tells how the student helped
        # someone else, or is career talk about death at work.
        model_level = "none"
    if model_level != "none" and JOKE.search(prepared):
        model_level = _lower(model_level)  # "ik wil dood lol": ask, do not alarm
    if level == "unsure" and model_level == "crisis" and probability < rule_unsure_crisis:
        # The rules call this phrase ambiguous ("soms wil ik gewoon verdwijnen"); the model,
        # having read the phrase in many crisis lines, scores it high by the phrase alone.
        model_level = "unsure"
    if _level_index(model_level) > _level_index(level):
        return model_level, category
    return level, category


# The gentle question itself, as a ``question`` for ``assess``: the message answers it.
CHECK = "check"
# A message of at least this many words, sent while the reflection waits for the answer to a
# question, counts as that answer (a light notion: the form decides what it keeps).
ANSWER_MIN_WORDS = 4


# Questions about the step. There "ik doe het morgen" tells when the step is done, and nothing
# more is read into it.
STEP_QUESTIONS = frozenset(
    {
        "step_what",
        "step_when",
        "step_who",
        "step_zin",
        "step_obstacle",
        "more_steps",
        "step_outcome",
    }
)
_STEP_TIMING = re.compile(
    rf"^\W*(?:(?:ja|oke|ok|nou|hmm|dan)\W+)?(?:{TIME}\W+)?(?:ik\s+(?:doe|ga)\s+het|(?:doe|ga)\s+ik\s+het)"
    rf"(?:\s+(?:wel|gewoon|echt|dan))*(?:\s+{TIME})?(?:\s+doen)?(?:\s+denk\s+ik)?\W*$"
)


def answers_question(text: str, question: str | None) -> bool:
    """Whether ``text`` is read as the answer to the reflection's question ``question`` (the
    requested slot): a question is open and the message is not very short."""
    return bool(question) and question != CHECK and len(text.split()) >= ANSWER_MIN_WORDS


def in_answer(
    level: str,
    category: str | None,
    rule_level: str,
    probability: float | None,
    unsure: float,
    alone: float,
    agree: float = 0.61,
    keep: bool = False,
) -> tuple[str, str | None]:
    """Inside the reflection, an answer to the question needs clearly stronger evidence: the
    model alone gives the full reply only from ``alone`` (else the gentle check), and the gentle
    check needs the model at ``unsure``, or a rule's hit with the model at ``agree`` (the answers
    that got the check described qualities and other people). A rule's full reply stays, and a
    protected hit (``keep``) is not touched at all."""
    if keep:
        return level, category
    if level == "crisis" and rule_level != "crisis" and (probability or 0.0) < alone:
        level = "unsure"
    if level == "unsure":
        p = probability if probability is not None else 0.0
        if not (p >= unsure or (rule_level != "none" and p >= agree)):
            return "none", None
    return level, category


@lru_cache(maxsize=512)
def _assess_prepared(prepared: str) -> tuple[str, str | None, str, float | None, bool]:
    """The rules and the trained model together (thresholds: ``bot.nlp.crisis_model``):
    level, category, the rules' own level, the model's probability (None when it did not
    read the text) and whether the rules' hit is protected (``protected``)."""
    from bot.nlp.crisis_model import (
        ALONE_CRISIS_THRESHOLD,
        CRISIS_THRESHOLD,
        RULE_VETO,
        UNSURE_RULE_CRISIS_THRESHOLD,
        UNSURE_THRESHOLD,
        category_guess,
    )

    rule_level, rule_category = _rules_assess(prepared)
    keep = protected(prepared)
    probability = _model_probability(prepared)
    level, category = combine(
        rule_level,
        rule_category,
        probability,
        prepared,
        UNSURE_THRESHOLD,
        CRISIS_THRESHOLD,
        RULE_VETO,
        ALONE_CRISIS_THRESHOLD,
        keep,
        UNSURE_RULE_CRISIS_THRESHOLD,
    )
    if level == "crisis" and category == "active_suicide" and _EMBARRASSED.search(prepared):
        level = "unsure"  # "ik wil dood, mn crush zag me vallen": ask, do not alarm
    if level != "none" and category is None:
        category = category_guess(prepared)
    return level, category, rule_level, probability, keep


def clear_caches() -> None:
    """Forget cached answers (after the model changed, or to time every message as new)."""
    _all_hits.cache_clear()
    _assess_prepared.cache_clear()


on_model_change(clear_caches)


def assess(text: str, previous: str | None = None, question: str | None = None) -> Assessment:
    """Full text, normalised first (never truncated); `previous` is the student's previous
    message, as context; `question` the question the bot just asked (the reflection's requested
    slot, or ``CHECK``): an answer to a reflection question needs stronger evidence before the
    gentle check (``in_answer``)."""
    prepared = prepare(text)
    if not prepared.strip():
        return NONE
    if question in STEP_QUESTIONS and _STEP_TIMING.match(prepared):
        return NONE
    level, category, rule_level, probability, keep = _assess_prepared(prepared)
    if answers_question(prepared, question):
        from bot.nlp.crisis_model import ANSWER_ALONE_THRESHOLD, ANSWER_UNSURE_THRESHOLD

        level, category = in_answer(
            level,
            category,
            rule_level,
            probability,
            ANSWER_UNSURE_THRESHOLD,
            ANSWER_ALONE_THRESHOLD,
            keep=keep,
        )
    if previous and level != "crisis":
        before = prepare(previous)
        prev_level, prev_category = _rules_assess(before) if before.strip() else ("none", None)
        if prev_level != "none" and _SHORT_CONFIRM.match(prepared):
            # "ja" / "ik meen het" after a worrying message confirms it
            level, category = "crisis", prev_category
        else:
            # what only the two messages together say ("ik heb pillen gespaard" / "vanavond neem
            # ik ze allemaal"): rules that fire on the pair but on neither message alone
            both = f"{before} . {prepared}"
            known = {name for _, _, name in _all_hits(before)} | {
                name for _, _, name in _all_hits(prepared)
            }
            new = [hit for hit in _all_hits(both, pair=True) if hit[2] not in known]
            both_level, both_category = _best(new)
            if _level_index(both_level) > _level_index(level):
                level, category = both_level, both_category
    if level == "none" or category is None:
        return NONE
    whole = prepared if not previous else f"{prepare(previous)} {prepared}"
    return Assessment(
        level=level,
        category=category,
        kind=CATEGORIES[category],
        minor=bool(_MINOR.search(whole)),
        immediate=bool(_IMMEDIATE.search(prepared)) or category == "panic",
    )


def signals_crisis(text: str) -> bool:
    """True when ``assess`` says "crisis" (the bot then gives the crisis reply at once)."""
    return assess(text).level == "crisis"


# --- the answer to the gentle check question ----------------------------------------------------
# Every form of no is a no; a no followed by "maar ... wel/soms" is not.
_NO_START = re.compile(
    r"^\W*(?:(?:haha\w*|hah|oh|ah|uhm|uh|eh|ehm|hmm|sorry|oeps|lol|nou|nvm|ik|dat)\W+)?(?:nee+|neen|neuh|nope|nah|nein|no|n|never|dat\s+niet|niet\s+aan\s+de\s+orde|geen\s+sprake\s+van|niet\s+echt|echt\s+niet|zeker\s+niet|helemaal\s+niet|"
    r"absoluut\s+niet|totaal\s+niet|nooit|welnee|welnee\s+hoor|nee\s+hoor|nee\s+joh|neej|neehoor|neejoh|neenee)\b"
)
_FINE = re.compile(
    r"\b(?:(?:het\s+)?gaat\s+(?:[\w']+\s+)?(?:prima|goed|wel|oke|ok|best|top|lekker)|(?:ik\s+)?ben\s+(?:[\w']+\s+)?(?:oke|ok|veilig|in\s+orde|prima|goed)|"
    r"alles\s+(?:is\s+)?(?:[\w']+\s+)?(?:goed|oke|ok|prima|in\s+orde)|geen\s+zorgen|niks\s+aan\s+de\s+hand|niets\s+aan\s+de\s+hand|"
    r"(?:zo|dat)\s+bedoel(?:de)?\s+ik\s+(?:het\s+)?(?:niet|nie)|dat\s+bedoel(?:de)?\s+ik\s+(?:niet|nie)|"
    r"ik\s+bedoelde\s+(?:mijn|de|het|dat|iets|ons|die)\b|heb\s+(?:wel\s+)?(?:een\s+)?(?:veilige\s+)?(?:plek|slaapplek|dak\s+boven)|"
    r"ik\s+(?:denk|dacht)\s+(?:daar\s+)?(?:niet|nie)\s+aan|daar\s+(?:denk|dacht)\s+ik\s+(?:niet|nie|nooit)\s+aan|"
    r"(?:ik\s+)?voel\s+me\s+(?:[\w']+\s+)?(?:prima|goed|oke|ok|top)|verder\s+(?:niet|niks)\s+hoor|verder\s+niet\W*$|"
    r"ik\s+wil\s+(?:helemaal\s+)?(?:niet|nie)\s+dood)\b"
)
# The danger named only to deny it: "nee, ik denk er niet aan om mezelf iets aan te doen".
_DENIED = re.compile(
    r"\bmezelf\s+(?:niet|nooit|geen)\s+(?:[\w']+\s+){0,2}(?:aan\s*doen|aandoen|pijn\s+(?:te\s+)?doen|snijden|doden)\b|"
    r"\b(?:niet|geen|nooit)\b(?:\s+[\w']+){0,6}?\s+(?:mezelf\s+(?:iets\s+)?(?:aan\s+te\s+doen|aandoen|pijn\s+(?:te\s+)?doen|"
    r"(?:te\s+)?snijden|(?:te\s+)?doden)|dood\s*(?:te\s+)?(?:gaan)?|zelfmoord\w*|suicidaal|er\s+een\s+eind\w*\s+aan\s+(?:te\s+)?maken)\b"
)
# "maar soms wel", "alleen denk ik er weleens aan": the yes comes within a few words of the
# "maar". Not a yes: "maar ik red het wel", "alleen mijn dag was een beetje zwaar".
_BUT_YES = re.compile(
    r"\b(?:maar|alleen)\b(?!\s+(?:ik|dat|het)?\s*(?:red|kom|komt|gaat|ging|lukt)\b)"
    r"(?:\s+(?!(?:mijn|de|het|een|die|deze)\s+(?:dag|week|examens?|toets|school|werk|stage|periode|les)\b)[\w']+){0,4}?"
    r"\s+(?:wel|soms|af\s+en\s+toe|eigenlijk|vaak|weleens|wel\s+eens|beetje)\b"
    r"(?!\s+(?:moe|overwerkt|druk|gestrest|verdrietig|zwaar|ziek|stress|down|somber|over)\b)"
)
# A no said last: "was figuurlijk bedoeld, dus nee", "sorry, verkeerd overgekomen. nee".
_NO_END = re.compile(r"\bnee+\W*$")
_YES_START = re.compile(
    r"^\W*(?:(?:eerlijk(?:\s+gezegd)?|om\s+eerlijk\s+te\s+zijn|serieus|tja|nou|uhm|eh|ehm|hmm|pff+)\W+)?(?:ja+|jah|jaa+|jep|jup|yes|yep|ok\s+ja|soms|af\s+en\s+toe|een\s+beetje|beetje|wel\s+een\s+beetje|"
    r"eigenlijk\s+wel|soms\s+wel|best\s+wel|ik\s+denk\s+het\s+wel|ik\s+denk\s+(?:het\s+)?van\s+wel|misschien|"
    r"klopt|inderdaad|dat\s+klopt|weleens|wel\s+eens|vaak|heel\s+vaak|ja\s+soms|"
    r"(?:ik\s+)?weet\s+(?:het\s+|ik\s+)?(?:niet|nie)(?:\s+meer)?|geen\s+idee)\b"
)


def answer_to_check(text: str) -> str | None:
    """How ``text`` answers the gentle check ("Denk je erover om jezelf iets aan te doen?"):
    "yes", "no", or None for a real non-answer (the student went on with something else).

    A yes is also "soms", "een beetje", "misschien", "weet ik niet" (doubt is not a no), and any
    message that itself signals a crisis. A no is "nee", "nee hoor", "nee joh", "gaat goed",
    "nee, het gaat prima met me", "ik ben veilig", "zo bedoelde ik het niet"; "nee, maar soms
    wel" is a yes."""
    prepared = prepare(text)
    if not prepared.strip():
        return None
    # "nee, ..." or the danger named only to deny it ("ik zou mezelf nooit iets aandoen")
    said_no = bool(_NO_START.match(prepared) or _DENIED.search(prepared)) and not _BUT_YES.search(
        prepared
    )
    if said_no and _assess_prepared(_DENIED.sub(" ", prepared))[0] != "crisis":
        return "no"  # a no that names the danger only to deny it
    if _assess_prepared(prepared)[0] == "crisis":
        return "yes"
    if _NO_START.match(prepared) or _FINE.search(prepared) or _NO_END.search(prepared):
        return "yes" if _BUT_YES.search(prepared) else "no"
    if _YES_START.match(prepared):
        return "yes"
    return None


def dialogue_outcome(text: str, question: str | None = None) -> str:
    """What the conversation does with one message, for measuring: "crisis" (the full reply),
    "check" (the gentle question, or asked once more) or "none". ``question``: the reflection's
    requested slot, ``CHECK`` after the gentle question, or None. The safety policy
    (bot/rasa_plugins/safety_policy.py) does the same on the tracker."""
    if question == CHECK:
        answer = answer_to_check(text)
        if answer is None and assess(text).level != "none":
            answer = "yes"  # a second worrying message
        return {"yes": "crisis", "no": "none"}.get(answer or "", "check")
    level = assess(text).level
    if level != "none" and question:
        level = assess(text, question=question).level
    return {"crisis": "crisis", "unsure": "check"}.get(level, "none")
