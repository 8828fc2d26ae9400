"""Filling in (rule 10, NIVEA) judged against the student's previous turn.

A coach line fills in when it names something about the student's inner world that the student
did not say: a feeling, a cause, a choice (the kernwoord, the next step), a quality or identity,
or a closed question that puts one of those in the student's mouth. A reflection stays within the
student's words. rules/ finds the forms that fill in whatever the context ("Dat heet
perfectionisme"); this module compares the line with what the student said and names the kind
and the words that filled in, for the classifier (classify.py), the report and the simulated
student, who reacts to it.

Kinds (labels.KINDS): ``feeling`` (the coach names how it felt: "Je was vast zenuwachtig"),
``cause`` (the coach explains it: "Dat komt doordat je ..."), ``choice`` (the coach picks the
kernwoord or the step: "Jouw stap wordt ..."), ``suggestive`` (a closed question that names it:
"Je was boos, toch?"), ``label`` (a quality, motive, identity or diagnosis: "Je bent een pleaser").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlp.emotion_words import EMOTION_WORDS as _SHARED_EMOTIONS
from bot.practice.classifier.context import StudentTurn, adjust, content_overlap, lemma
from bot.practice.classifier.lexicon import (
    ANY_FEELING_WORDS,
    EMOTION_WORDS,
    QUALITY_WORDS,
    STOP_WORDS,
)
from bot.practice.classifier.rules.sentence import classify_sentence
from bot.practice.classifier.rules.words import is_quality_word, normalise, tokens
from bot.practice.classifier.split import split_turn

# Words of liking that name no particular feeling: "Vond je dat leuk?" is an ordinary question.
_MILD = {"leuk", "fijn", "top", "super", "vet", "chill", "gaaf", "goed", "lastig", "moeilijk"}

# Feelings a coach may name for a student, beyond the shared lexicons (nouns, strong forms).
_MORE_FEELINGS = {
    "teleurstelling",
    "woedend",
    "dolblij",
    "apetrots",
    "voldoening",
    "verraad",
    "verraden",
    "overweldigend",
    "frustreerde",
    "frustreert",
    "frustratie",
    "pijn",
    "vernederend",
    "vernederd",
    "irritant",
    "geïrriteerd",
    "geirriteerd",
    "overspannen",
    "overvallen",
    "ontevreden",
    "jaloezie",
    "schaamde",
    "schaamt",
    "ergerde",
    "ergert",
    "irriteerde",
    "verveelde",
    "verveelt",
    "gekwetst",
    "gepasseerd",
    "miskend",
    "afgewezen",
    "alleen gelaten",
    "boosheid",
    "angstig",
    "doodeng",
    "doodsbang",
    "kapot",
    "ontzettend",
    "gestrest",
    "stress",
    "onrust",
    "opluchting",
    "blijdschap",
    "eenzaamheid",
    "wanhoop",
    "onmacht",
    "heimwee",
    "ontmoedigd",
    "geschrokken",
    "schrok",
    "bezorgd",
    "zorgen",
    "zenuwen",
    "minderwaardig",
    "onbelangrijk",
    "ondergewaardeerd",
    "overbodig",
    "nutteloos",
    "gemist",
    "mist",
    "miste",
    "enthousiast",
    "blij",
    "trots",
    "opgewonden",
    "energie",
    "motivatie",
    "gemotiveerd",
    "verlegen",
    "ongeduldig",
    "onzekerheid",
    "spijt",
}
# fmt: off
_MORE_FEELINGS |= {"rot", "rotgevoel", "akelig", "eng", "spannend", "vervelend", "heftig"}
# fmt: on
FEELING_WORDS = (
    (set(EMOTION_WORDS) | set(_SHARED_EMOTIONS) | set(ANY_FEELING_WORDS) | _MORE_FEELINGS)
    - _MILD
    - {"erg", "zwaar", "gek", "raar", "klein", "gezien", "gehoord", "begrepen", "welkom"}
)

# Phrases with which a coach names a feeling or a want ("je voelde je in de steek gelaten").
_FEELING_PHRASES = re.compile(
    r"\b(in de steek gelaten|op (je|jouw) gemak|serieus genomen|(geen )?zin (meer )?in|"
    r"(zag|zie|ziet|zien) (er|je er)? ?(tegen ?op|tegenop)|tegenop|zit(ten|te)? (je|jou)? ?(hoog|dwars)|dwars ?(zit|zat)|"
    r"(je|jouw) \w+ kwijt|de weg kwijt|gezien (te )?worden|erbij (te )?horen|aardig gevonden|"
    r"touwtjes in handen|de baas (spelen|zijn)|(een )?goed gevoel|lekker in je vel|"
    r"niet thuis|op je plek|het (\w+ )?gehad|het zat|genoeg van|naar (je|jouw) zin|in de put|in de wolken|pijn (deed|doet|gedaan)|deed (je|jou) pijn|"
    r"(geraakt|gekwetst|gepasseerd|buitengesloten|afgewezen|genegeerd|overvallen|bekeken|beoordeeld)|"
    r"trillen|trilde|kippenvel|buikpijn|hart in (je|de) keel)\b"
)
# The verbs of an inner state or a want: "je voelde je", "je wilde eigenlijk", "je zoekt".
_MENTAL = re.compile(
    r"\b(voel|voelt|voelde|voelen|vond|vindt|vind|wil|wilt|wilde|wilden|zoekt|zocht|vertrouwt|"
    r"vertrouwde|durfde|durft|durf|mist|miste|hoopte|hoopt|schaamde|schaamt|ergerde|ergert|baalde|"
    r"baalt|genoot|geniet|behoefte|nodig|bewijzen|verlangt|verlangde|houdt van|hield van|"
    r"gaat (je|jou) (\w+ ){0,3}om|ging (je|jou) (\w+ ){0,3}om|kwijt|tegenop|dwars|hoog|"
    r"maakte (je|jou)|maakt (je|jou)|deed (je|jou)|gaf (je|jou)|geeft (je|jou)|raakte (je|jou)|"
    r"bang|boos|jaloers)\b"
)
# Words that mark a guess even without the student's turn ("je was vast ...").
_STRONG_CUE = re.compile(
    r"\b(vast|zeker|natuurlijk|stiekem|waarschijnlijk|ongetwijfeld|uiteraard)\b(?!\?)"
)
# Words that turn a statement into the coach's interpretation ("je was vast ...").
_CUE = re.compile(
    r"\b(vast|zeker|natuurlijk|gewoon|eigenlijk|stiekem|diep van binnen|waarschijnlijk|"
    r"ongetwijfeld|uiteraard|toch wel|wel zeker)\b"
)
_ABOUT_STUDENT = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b")
_QUESTION_TAG = re.compile(
    r",?\s*(toch|of niet( soms)?|hè|he|hé|niet|klopt dat|klopt het|of wel|zeker|ja|right)\s*\?\s*$"
)

# A cause the coach supplies: "dat komt doordat je ...", "omdat je bang was", "uit angst".
_CAUSE = re.compile(
    r"\b((dat|dit|het) (komt|kwam|kwamen|kan komen|zal komen|ligt|lag)\b[^?]*?\b(door|doordat|omdat|van|aan|vanwege)\b|"
    r"(door(?! (naar|met|gaan|te|en|op)\b)|doordat|omdat|vanwege|aangezien) |daardoor |daarom |"
    r"uit (angst|schaamte|onzekerheid|frustratie|boosheid|trots|gewoonte|luiheid|verveling)|"
    r"(te maken|iets te maken) met|(dat|dit|het) (zijn|waren|is|was) (gewoon |natuurlijk |vast |dus )*de (zenuwen|stress|spanning)|"
    r"(lag|ligt) (het|dat) aan|(dat|dit|het) (lag|ligt) (er|hier|daar)aan dat|(dat|dit) (lag|ligt) aan)"
)
_STRONG_CAUSE = re.compile(
    r"^(\w+,? )?(dat|dit|het) (komt|kwam|ligt|lag)\b[^?]*\b(door|doordat|omdat|aan)\b|\b(omdat|doordat) (je|jij)\b"
)
_CAUSE_START = re.compile(r"^(en |maar |dus )?(omdat|doordat|vanwege|door)\b")

# The coach picks the kernwoord, the step or the choice for the student.
_CHOICE = [
    r"\bals ik (voor )?(jou|je) (moet |mag |zou )?(kies|kiezen)\b",
    r"\bik kies (het )?(voor jou|voor je)\b",
    r"\b(dan )?kiezen we\b",
    r"\b[\w'-]+ als (je |jouw )?(kernwoord|kernwaarde|eerste stap|stap|actie)\b(?![^?]*\?)",
    r"\b(je|jouw|het|als|dat|dit) (eerste |volgende |nieuwe |belangrijkste |grote )?(kernwoord|kernwaarde|woord)\b[^?]*\b(is|wordt|worden|nemen|noemen|schrijven|zet|noteer)\b",
    r"\b(dat|dit|het) (is|wordt) (dus |dan |gewoon )*(je|jouw|het) (kernwoord|woord|kernwaarde)\b",
    r"^(dus |dan |oké |ok )?het (kern)?woord is\b",
    r"\b(je|jouw) (eerste |volgende |nieuwe |concrete )?(stap|stappen|actie|acties|actiepunt|actiepunten|doel|opdracht|huiswerk)( voor [\w ]+?)? ?(is|wordt|worden|:)",
    r"\b(dat|dit|het) (wordt|is) (dan |dus |gewoon )*(je|jouw) (eerste |volgende )?(stap|actie|actiepunt|doel)\b",
    r"\b(dan |dus )?(schrijf|noteer|zet) ik (op|neer|in)\b|\bik (schrijf|noteer|zet) (op|neer)\b|\b(dat|die|dit) (schrijven|noteren|zetten) we\b",
    r"\bwe (spreken|sprak) af dat (je|jij)\b",
    r"\b(ik|we) (hak|hakken) de knoop\b|\bik (beslis|bepaal|regel|kies) (het |dat )?(wel )?(voor|namens) (je|jou)\b",
    r"\b(schrijf|noteer|zet) (maar |dan |gewoon )*(op|neer)\s*:",
    r"^((dus|dan|na \w+ \w+|volgende week|morgen|vanaf nu|straks|deze week|na de zomer|als eerste( stap)?|eerst),? )+(ga|doe|kies|neem|plan|bel|mail|vraag|zoek|schrijf|meld|begin|bespreek|regel|stuur|maak|lees|zet) (je|jij)\b[^?]*$",
    r"^(dus |dan )*(je|jij) (gaat|kiest|neemt|begint|doet|plant|meldt|zoekt|belt|mailt|bespreekt|regelt|stuurt) (dus |gewoon |dan |maar |eerst |straks )+[^?]*$",
    r"^(dus |dan )*(je|jij) (gaat|kiest|neemt|begint|plant|meldt|belt|mailt|bespreekt|regelt|stuurt)\b[^?]*\b(dus|gewoon|dan|straks|morgen|vanavond|volgende week|deze week|maandag|dinsdag|woensdag|donderdag|vrijdag)\b[^?]*$",
    r"^(dus |dan )+wordt het\b[^?]*$",
    r"^(dus|dan),? (oké,? )?(ga|kies|neem|zoek|begin|doe|mail|bel|pak) (je|jij) (dus |gewoon |maar |dan |eerst |voor )*[^?]*$",
    r"^(dus |dan )+(je|jij) (gaat|kiest|neemt|begint) (dus |gewoon |dan |maar |eerst )*(voor|de|het|met|naar)\b[^?]*$",
    r"^(dus |dan )+het wordt (dus |dan |gewoon )*(de|het|een)\b[^?]*$",
    r"\b(dat|dit) wordt (dus |dan )?(je|jouw) (keuze|opleiding|richting|minor|stage)\b",
    r"\bik (kies|beslis|bepaal) (het )?(voor|namens) (jou|je)\b",
]


@dataclass(frozen=True)
class Filling:
    kind: str  # one of labels.KINDS
    words: tuple[str, ...]  # the coach's words that filled in


def _new(words: list[str], student: StudentTurn) -> list[str]:
    return [w for w in words if not student.said(w)]


def _feeling_words(toks: list[str]) -> list[str]:
    return [t for t in toks if t in FEELING_WORDS or lemma(t) in FEELING_WORDS]


def _quality_words(toks: list[str]) -> list[str]:
    return [t for t in toks if is_quality_word(t) or is_quality_word(lemma(t))]


def _phrase(norm: str, student: StudentTurn) -> str | None:
    """A feeling phrase in the coach line whose words the student did not use."""
    for m in _FEELING_PHRASES.finditer(norm):
        content = [t for t in tokens(m.group(0)) if t not in STOP_WORDS and len(t) > 2]
        if content and not any(student.said(t) for t in content):
            return m.group(0)
    return None


def _low_overlap(text: str, student: StudentTurn, limit: float = 0.5) -> bool:
    shared, total = content_overlap(text, student)
    return total > 0 and shared / total < limit


def _clause_after(norm: str, match: re.Match) -> str:
    rest = norm[match.end() :].strip(" ,.!?")
    return " ".join(rest.split()[:8])


def _choice(norm: str, text: str, student: StudentTurn) -> Filling | None:
    norm = _INTERJECTION.sub("", norm)
    for pattern in _CHOICE:
        m = re.search(pattern, norm)
        if not m:
            continue
        # The student's own choice given back ("Dinsdag naar de open dag") is a reflection; a
        # pick among options the student only named ("Dan wordt het social work") is not.
        deciding = _DECIDING.search(norm) and not _COMMITTED.search(student.text)
        if student and not deciding and not _low_overlap(text, student, 0.6):
            return None
        words = norm.split(":", 1)[1] if ":" in norm else norm[m.end() :]
        chosen = [t for t in tokens(words) if t not in STOP_WORDS]
        if not chosen:
            chosen = [t for t in tokens(norm) if t not in STOP_WORDS and not student.said(t)]
        return Filling("choice", tuple(_new(chosen, student)[:6] or chosen[:6]))
    return None


def _cause(norm: str, text: str, student: StudentTurn, has_q: bool) -> Filling | None:
    m = _CAUSE.search(norm) or _CAUSE_START.search(norm)
    if not m:
        return None
    if not (_ABOUT_STUDENT.search(norm) or re.match(r"^(dat|dit|het|die)\b", norm)):
        return None
    clause = _clause_after(norm, m) or norm
    words = [t for t in tokens(clause) if t not in STOP_WORDS and len(t) > 2]
    if student:
        if not _new(words, student) or not _low_overlap(clause, student, 0.6):
            return None
    elif not _CUE.search(norm) and not has_q:
        return None
    # The cause the coach supplied, as a phrase: "je bang was dat het mis zou gaan".
    supplied = (clause,) if clause != norm else tuple(_new(words, student)[:6] or words[:6])
    return Filling("suggestive" if has_q else "cause", supplied)


def detect(text: str, label: str, rule: str, student: StudentTurn) -> Filling | None:
    """The filling in in one sentence (or clause) of a coach turn, given the label the rules gave
    it and the student's previous turn; None when it stays within the student's words."""
    norm = normalise(text)
    toks = tokens(norm)
    if not toks or label == "waarom_vraag":
        return None
    has_q = "?" in norm
    about = bool(_ABOUT_STUDENT.search(norm)) or bool(re.match(r"^(dat|dit|het|die)\b", norm))

    choice = _choice(norm, text, student)
    if choice and label != "open_vraag":
        return choice
    if label in ("open_vraag",) and rule != "invitation":
        # An open question may still presuppose a feeling or label: "Wat deed die angst met je?"
        # Only a feeling or quality referred to as the student's own ("die angst", "zo boos").
        named = [
            toks[i]
            for i in range(1, len(toks))
            if (toks[i] in FEELING_WORDS or toks[i] in QUALITY_WORDS)
            and (toks[i - 1] in _POINTING or (i > 1 and toks[i - 2] in _POINTING))
        ]
        named = _new(named, student) if student else []
        named = [w for w in named if w not in ("gevoel", "kwaliteit", "kernwoord", "woord")]
        if named and not re.search(r"^(\w+ )?(hoe|wat) (voelde|voel|vond|vind)\b", norm):
            return Filling("suggestive", tuple(named[:4]))
        return None
    if label in ("advies", "overig") and student and _STRONG_CAUSE.search(norm):
        cause = _cause(norm, text, student, has_q)
        if cause:
            return cause  # "Dat komt door het geld, dat snap ik wel."
    if label == "advies" and not re.search(r"\b(vast|zeker|natuurlijk|stiekem)\b", norm):
        return None
    if label == "overig" and rule in ("small-talk", "coach-self", "exclamative", "empty"):
        return None

    if not student:
        return _without_context(norm, text, has_q)

    cause = _cause(norm, text, student, has_q)
    if cause:
        return cause

    feelings = _feeling_words(toks)
    qualities = [w for w in _quality_words(toks) if w not in feelings]
    new_feelings = _new(feelings, student) if student else feelings
    new_qualities = _new(qualities, student) if student else qualities
    phrase = _phrase(norm, student) if student else None
    cue = bool(_CUE.search(norm))
    mental = _MENTAL.search(norm)
    acknowledgement = re.match(r"^(\w+, )?(dat|het) klinkt (\w+ )?(?!als|alsof)\w+\s*[.!]*$", norm)

    if rule == "reflect-strong":
        # "Als ik je goed begrijp, ...": a summary, unless it brings a feeling or label of its own.
        named = new_qualities or new_feelings
        return Filling("label" if new_qualities else "feeling", tuple(named[:4])) if named else None

    if has_q:
        tagged = _QUESTION_TAG.search(norm)
        declarative = re.match(
            r"^((dus|en|maar|oké|ok|nou|ja|oh|ah),? )*(je|jij|dat|dit|het)\b", norm
        )
        if re.search(r"\b(weet|ben|was) (je|jij) (dat|het|daar)( wel| nou)? zeker\b", norm):
            return None  # "Weet je dat zeker?" asks, it does not guess
        # "toch" leads only with an inner state: "Het ging je toch om ...", not "Dat was toch in mei?"
        inner = new_feelings + new_qualities + ([phrase] if phrase else [])
        felt = mental or _FELT.search(norm) or inner
        cue = cue or bool(declarative and felt and re.search(r"\btoch\b", norm))
        # "Was je bang?" asks; "Was je niet gewoon bang?", "Je was bang, toch?" and "Was je
        # gekwetst door wat ze zei?" put the answer in the student's mouth.
        leading = (
            declarative
            or tagged
            or cue
            or re.search(r"\b(niet|misschien|daardoor|door|doordat|omdat|dat|om|voor)\b", norm)
        )
        if inner and leading:
            return Filling("suggestive", tuple(inner[:4]))
        if (cue or re.search(r"\bniet (gewoon|eigenlijk|stiekem)\b", norm)) and mental and about:
            if not student or _low_overlap(text, student):
                return Filling("suggestive", tuple(_content_new(norm, student)))
        inner_state = (tagged and mental) or (declarative and _FELT.search(norm))
        if inner_state and about and _low_overlap(text, student, 0.6 if tagged else 0.5):
            return Filling("suggestive", tuple(_content_new(norm, student)))
        stressed = tagged and re.match(r"^((dus|en|maar),? )?jij\b", norm)
        guessed = (
            stressed
            or (tagged or declarative)
            and (cue or re.search(r"\b(je|jij) bent\b[^?]*\been\b", norm))
        )
        negated = re.search(
            r"\b(eigenlijk|gewoon|stiekem) niet\b|\bniet (gewoon|eigenlijk|stiekem)\b", norm
        )
        if (
            (guessed or negated)
            and _ABOUT_STUDENT.search(norm)
            and _low_overlap(text, student, 0.6)
        ):
            return Filling("suggestive", tuple(_content_new(norm, student)))
        return None

    if acknowledgement or label == "gesloten_vraag":
        return None
    if not about and len(toks) > 2:
        return None
    if new_qualities and (student or cue):
        return Filling("label", tuple(new_qualities[:4]))
    if new_feelings and (student or cue):
        return Filling("feeling", tuple(new_feelings[:4]))
    if phrase and (student or cue):
        return Filling("feeling", (phrase,))
    if re.match(
        r"^(je|jij) bent (echt |gewoon |dus |natuurlijk |zo |eigenlijk )*(de|een|zo'n) ", norm
    ):
        words = _content_new(norm, student)
        if words and _low_overlap(text, student):
            return Filling("label", tuple(words))
    state = re.match(
        r"^(\w+, )?((dus|en|nou|oké|ja|dan|toen|daar|nu),? )*((je|jij) (was|bent|had|hebt|zat|zit|voelde|voelt|vond|vindt|wilde|wilt|zag|ziet|raakte|raakt|werd|wordt)|"
        r"(was|ben|bent|had|heb|hebt|zat|voelde|vond|wilde) (je|jij))\b",
        norm,
    )
    # "Jij hebt echt lef": a stressed "jij" or "echt" with a state characterises the student.
    cue = cue or bool(state and re.search(r"^(\w+, )?jij\b|\b(echt|nogal|behoorlijk)\b", norm))
    # "Pff, dat was natuurlijk heel beladen voor je", "Het was je gewoon te veel geworden".
    it_state = re.match(
        r"^(\w+, )?(dat|het|die) (was|is|moet|zal|werd|wordt|maakte|deed|gaf)\b", norm
    )
    if it_state and cue and _ABOUT_STUDENT.search(norm) and _low_overlap(text, student):
        return Filling("feeling", tuple(_content_new(norm, student)))
    # "Je bent gewoon gegaan" tells what happened; "je was gewoon gestrest" how it felt.
    participle = any(
        t.startswith("ge") and len(t) > 4 and t not in FEELING_WORDS and t not in _NOT_PARTICIPLE
        for t in toks[2:]
    )
    if state and cue and not participle and _low_overlap(text, student):
        return Filling("feeling", tuple(_content_new(norm, student)))
    if re.search(
        r"\b(is|zijn) (gewoon |echt |dus |toch |eigenlijk )*(niet )?(jouw|je) (ding|kracht|talent|valkuil|sterke kant|zwakke plek)\b|"
        r"\b(laat|laten) zien dat (je|jij)\b|\b(dat|dit|het) (bewijst|toont|zegt) (dat|iets over) (je|jij|jou)\b",
        norm,
    ):
        words = _content_new(norm, student)
        if words and _low_overlap(text, student, 0.6):
            return Filling("label", tuple(words))
    said_feelings = [w for w in feelings if student.said(w)]
    limit = 0.6 if cue else 0.5
    if (
        mental
        and not said_feelings
        and _new([mental.group(0).split()[0]], student)
        and _low_overlap(text, student, limit)
    ):
        words = _content_new(norm, student)
        if words:
            return Filling("label" if _WANT.search(norm) else "feeling", tuple(words))
    return None


def _without_context(norm: str, text: str, has_q: bool) -> Filling | None:
    """Without the student's turn only a guess the words themselves mark is filling in."""
    if not _STRONG_CUE.search(norm) or not _ABOUT_STUDENT.search(norm + " je"):
        return None
    toks = tokens(norm)
    named = _feeling_words(toks) + _quality_words(toks)
    if _CAUSE.search(norm):
        return Filling(
            "suggestive" if has_q else "cause", tuple(_content_new(norm, StudentTurn(None)))
        )
    if named or _MENTAL.search(norm) or _FEELING_PHRASES.search(norm):
        kind = "suggestive" if has_q else "label" if _quality_words(toks) else "feeling"
        return Filling(kind, tuple(named[:4] or _content_new(norm, StudentTurn(None))))
    return None


# The verbs of a felt state (not of a plan): a statement-question with one is a guess.
_FELT = re.compile(
    r"\b(voel|voelt|voelde|vond|vindt|schaamde|schaamt|ergerde|ergert|baalde|baalt|mist|miste|"
    r"durfde|durft|raakte|gaat (je|jou) (\w+ ){0,3}om|ging (je|jou) (\w+ ){0,3}om)\b"
)
_NOT_PARTICIPLE = {
    "gewoon",
    "geen",
    "gevoel",
    "genoeg",
    "gelukkig",
    "geweldig",
    "gehad",
    "geweest",
    "geworden",
}
_INTERJECTION = re.compile(
    r"^(prima|oké|oke|ok|goed|top|mooi|nou|ja|fijn|helder|super|oei|ah|oh),? "
)
# Words with which the coach decides ("dan wordt het", "dat schrijven we op", "afgesproken").
_DECIDING = re.compile(
    r"\b(wordt het|het wordt|kiezen we|ik kies|voor jou kies|schrijven we op|(dat|die|dit) schrijven we|"
    r"afgesproken|we spreken af|(wordt|is) (dus |dan )?(je|jouw) (kernwoord|stap|actie|keuze))\b"
)
# The student said what they chose: "ik kies", "ik ga", "mijn woord is".
_COMMITTED = re.compile(
    r"\bik (kies|ga|neem|doe|bel|mail|stuur|meld|wil)\b|\bmijn (kern)?woord\b|\b(wordt|is) het denk ik\b"
)
_POINTING = {"die", "dat", "deze", "dit", "jouw", "zo", "zoveel", "zulke", "zo'n"}
_WANT = re.compile(
    r"\b(wil|wilt|wilde|zoekt|zocht|behoefte|nodig|bewijzen|vertrouwt|vertrouwde|gaat (je|jou)|ging (je|jou)|doet het voor|deed het voor)\b"
)


def _content_new(norm: str, student: StudentTurn) -> list[str]:
    words = [t for t in tokens(norm) if t not in STOP_WORDS and len(t) > 2]
    return (_new(words, student) if student else words)[:5]


def explain(text: str, student: str | None) -> Filling | None:
    """For a line the classifier called invullen: the kind and the words that filled in."""
    turn = StudentTurn(student)
    first: Filling | None = None
    for part in split_turn(text):
        label, rule = adjust(*classify_sentence(part), part, turn)
        found = detect(part, label, rule, turn)
        if found:
            return found
        if label == "invullen" and first is None:
            # A form that fills in whatever the student said ("Dat heet perfectionisme").
            toks = tokens(normalise(part))
            qualities = _new(_quality_words(toks), turn)
            feelings = _new(_feeling_words(toks), turn)
            words = qualities + [w for w in feelings if w not in qualities]
            kind = "feeling" if feelings and not qualities else "label"
            first = Filling(kind, tuple(words[:4] or _content_new(normalise(part), turn)))
    return first
