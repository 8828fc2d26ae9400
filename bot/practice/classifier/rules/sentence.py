"""The hand-written Dutch rules of the coach-line classifier: one sentence (or clause) in, a
label and the name of the rule that decided out. bot/practice/classifier/classify.py splits a turn
into sentences, adds the student's previous turn (context.py, nivea.py) and the trained model
(model.py).

The first rule that fires wins. The order encodes the precedence feedback needs:

  1. why-questions, also in disguise ("Wat was de aanleiding ...", "Hoe komt het dat ...",
     "Wat maakte dat ...", "Vanwaar ...", "Waar doe je het voor?"): rule 9 must never be missed,
     even when the line is also advice ("Waarom ga je niet gewoon ...?").
  2. advice dressed as a question ("Is het geen idee om ...", "Heb je al overwogen ...",
     "Wat als je ...", "Zou het helpen als ...").
  3. wh-questions are open, one- and two-word prompts too ("En daarna?", "Zoals?").
  4. explicit reflection markers ("je zegt", "als ik je goed begrijp").
  5. filling in (NIVEA): a label, diagnosis, quality or interpretation the coach supplies
     ("Jij bent vast iemand die ...", "Dat heet perfectionisme", "Dat klinkt als faalangst").
  6. advice as a statement or an imperative.
  7. open invitations ("Vertel eens", "Kun je daar iets meer over vertellen?").
  8. softer reflections ("Dus je ...", "Dat klinkt ...", "Het raakte je").
  9. closed questions: tag questions, verb-first word order, any other '?'.
 10. a statement about the student, or a verbless fragment ("Boos, en toch doorgegaan."), reads
     as a reflection; small talk, thanks and the coach's own story are overig.

The patterns of the larger families live in their own modules: why.py (1), advice.py (2 and 6),
filling.py (5); words.py has the word-level helpers, ../lexicon.py the word
lists. This module holds the reflections, invitations and question forms, and the order.
"""

from __future__ import annotations

import re

from bot.practice.classifier.lexicon import (
    ADVICE_IMPERATIVE_EXCEPTIONS,
    ADVICE_IMPERATIVES,
    EMOTION_WORDS,
    EXCLAMATIVE_PRAISE,
    EXCLAMATIVE_REFLECT,
    FINITE_VERBS,
    INVERSION_ADVERBS,
    PREPOSITIONS,
    SECOND_PERSON,
    SMALL_TALK_STARTS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
)
from bot.practice.classifier.rules.advice import ADVICE_PATTERNS, ADVICE_QUESTION_PATTERNS
from bot.practice.classifier.rules.filling import (
    INVULLEN_STRONG,
    INVULLEN_WEAK,
    STATE_WORD,
    interprets,
    names_a_label,
    sounds_like_label,
)
from bot.practice.classifier.rules.why import WHY_PATTERNS, is_waarom_token
from bot.practice.classifier.rules.words import (
    any_match,
    is_quality_word,
    normalise,
    strip_particles,
    tokens,
)

# --- reflections and invitations ------------------------------------------------------------------

REFLECT_STRONG = [
    r"\bals ik (je|jou|het|dit) (goed )?(begrijp|samenvat|hoor)\b",
    r"\bals ik het samenvat\b",
    r"^samengevat\b",
    r"^kortom\b",
    r"\bmet andere woorden\b",
    r"\beven kijken of ik\b",
    r"\bcheck(en)? of ik (je|het) goed\b",
    r"^(je|jij) (zegt|zei|vertelt|vertelde|noemt|noemde|gebruikt|beschrijft|geeft aan)\b",
    r"\b(zeg|zei|noem|noemde|vertel|vertelde) (je|jij)( net| zelf| eerder| daarnet)?\s*[.!]?$",
    r"\bik hoor je (zeggen|vertellen)\b",
    r"\bwat ik (je )?(hoor|begrijp|merk|zie)\b",
    r"\b(jij|je) (zei|noemde) (net|daarnet|eerder|zojuist)\b",
    r"\b(dat|die|dit) (zei|noemde) (je|jij)\b",
    r"\bjouw (eigen )?woorden\b",
    r"\bhet woord '",
    r"\bkomt (steeds|telkens|vaker|weer) terug\b",
    r"\bviel me op\b",
    r"\b(aan de ene kant|enerzijds)\b",
]
REFLECT_SOFT = [
    r"^dus\b",
    r"^(je|jij) (had|hebt) (het gevoel|het idee|de indruk)\b",
    r"^ik (merk|zie|begrijp|snap|voel|hoor) (dat|aan je)\b",
    r"^ik kan me (goed )?voorstellen\b",
    r"\bklinkt\b",
    r"\bzo te (horen|zien)\b",
    r"\b(merk|hoor) ik\b|\bzie ik(?! je)\b",
    r"^ik (hoor|merk|proef|bespeur|zie) (?!(het|je|jou|dat je|wat je)\b)(vooral |veel |eigenlijk |wel |toch |ook |een |iets van )*[\w-]+",
    r"^(oei|oef|auw|au|jeetje|tjonge|pff|poeh)\b",
    r"^dat (is|was|moet) (echt |best |wel |ook |nogal |een )?("
    + "|".join(sorted(EXCLAMATIVE_REFLECT))
    + r")\b",
    r"^dat moet [^?]*\b(zijn geweest|geweest zijn)\b",
    r"^(je|jij) (lacht|zucht|glimlacht|straalt|klinkt|kijkt)\b",
    r"^(het|dat|die|dit) (\w+ )?(raakte|raakt|zit|zat|maakte|maakt|deed|doet|greep|grijpt|trof) (je|jou)\b",
]

INVITATION_PATTERNS = [
    r"^(vertel|beschrijf|schets|omschrijf|noem) (eens|me|mij|maar|gerust|jij|wat|hoe|over|iets)\b",
    r"^(vertel|beschrijf|schets)\b",
    r"\bvertel (eens|maar)\b",
    r"^(neem|laat) (me|mij) (eens |maar )?(mee|horen)\b",
    r"^(kun|kan|wil|zou|mag ik) (je|jij|me|mij)\b[^.!?]*\b(vertellen|beschrijven|uitleggen|omschrijven|schetsen|voorbeeld|iets meer|wat meer|meer over|toelichten|laten zien|meenemen|noemen)\b",
    r"^ik ben (wel |heel )?(benieuwd|nieuwsgierig) (naar|hoe|wat|wie|wanneer|welke)\b",
    r"^ik zou (graag )?(willen )?(weten|horen)\b",
    r"^(zeg|leg) (eens|maar)\b",
    r"^zeg het maar\b",
    r"^ga (maar )?(door|verder)\b",
]
# One- and two-word prompts that open ("En daarna?", "Zoals?", "En jij?").
SHORT_OPEN = re.compile(
    r"^(en |maar |dus )?(en|daarna|toen|verder|dan|nu|jij|zij|hij|zo|nog meer|wat nog meer|bijvoorbeeld|zoals|"
    r"namelijk|welke|hoe dan|wat dan|wat toen|hoe verder|meer|en toen|wat verder|wat meer|wat nu|"
    r"in welk opzicht|en verder)\s*[?.!]*$"
)

TAG_PATTERN = (
    r",?\s*(toch|of niet|hè|he|hé|niet|klopt dat|klopt het|ja|right|of wel|zeker)\s*\?\s*$"
)


def _wh_question(norm: str, toks: list[str], has_q: bool) -> bool:
    """An open question: a wh-word leads the (main) clause."""
    core = strip_particles(toks)
    if not core:
        return False
    if core[0] in WH_WORDS and not (
        core[0] == "waar" and len(core) > 1 and core[1] in ("je", "jij") and not has_q
    ):
        return True
    if len(core) > 1 and core[0] in PREPOSITIONS and core[1] in WH_WORDS:
        return True
    if has_q:
        # "Dus als je terugkijkt op dat project, wat springt er dan uit?": a fronted clause.
        tail = tokens(norm.rsplit(",", 1)[-1]) if "," in norm else []
        tail = strip_particles(tail)
        if tail and (
            tail[0] in WH_WORDS
            or (len(tail) > 1 and tail[0] in PREPOSITIONS and tail[1] in WH_WORDS)
        ):
            return True
    return False


def _exclamative(toks: list[str], has_q: bool) -> str | None:
    """'Wat vervelend voor je.' is an acknowledgement, not a question."""
    core = strip_particles(toks)
    if has_q or len(core) < 2 or core[0] not in {"wat", "hoe"}:
        return None
    word = (
        core[1]
        if core[1] not in {"ontzettend", "echt", "ook", "erg", "heel", "best", "zeg", "een"}
        else (core[2] if len(core) > 2 else "")
    )
    if word in EXCLAMATIVE_REFLECT:
        return "reflectie"
    if word in EXCLAMATIVE_PRAISE:
        return "overig"
    return None


def _verb_first(toks: list[str], has_q: bool) -> bool:
    """Dutch yes/no questions put the finite verb first: 'Ben je ...', 'Heb je t ...'.

    With a '?' any word before a subject pronoun will do; without one ("ben je er al uit") we only
    trust common finite verbs, so that "Fijn dat je er bent" stays a statement.
    """
    core = strip_particles(toks)
    if len(core) < 2:
        return has_q and len(core) == 1 and core[0] in FINITE_VERBS
    first, second = core[0], core[1]
    if first in WH_WORDS or first in SUBJECT_PRONOUNS or first in INVERSION_ADVERBS:
        return False
    if second not in SUBJECT_PRONOUNS:
        return has_q and first in FINITE_VERBS
    return has_q or first in FINITE_VERBS


def _small_talk(norm: str) -> bool:
    return norm.startswith(SMALL_TALK_STARTS)


def classify_sentence(text: str) -> tuple[str, str]:
    """(label, rule) for one sentence or clause, without context."""
    norm = normalise(text)
    toks = tokens(norm)
    if not toks:
        return "overig", "empty"
    has_q = "?" in norm
    core = strip_particles(toks)

    if any(is_waarom_token(t) for t in toks) or any_match(WHY_PATTERNS, norm):
        return "waarom_vraag", "why"
    if any_match(ADVICE_QUESTION_PATTERNS, norm) and not (
        core[0] in WH_WORDS and re.search(r"\bheb (je|jij)\b", norm)
    ):  # "Welke woorden heb je al geprobeerd?" asks
        return "advies", "advice-question"
    excl = _exclamative(toks, has_q)
    if excl:
        return excl, "exclamative"
    if re.search(r"^(\w+ )?wat ik (je )?(hoor|begrijp|merk|zie)\b", norm):
        return "reflectie", "wat-ik-hoor"
    if SHORT_OPEN.match(norm) and (has_q or core[0] in ("zoals", "bijvoorbeeld", "namelijk")):
        return "open_vraag", "short-prompt"
    if _wh_question(norm, toks, has_q) and not re.search(
        r"^(\w+ )?(hoe|wat) (zou|moet|kun|kan) (je|jij) (beter|het beste)\b", norm
    ):
        return "open_vraag", "wh-word"
    if any_match(REFLECT_STRONG, norm) and not sounds_like_label(toks):
        return "reflectie", "reflect-strong"
    if any_match(INVULLEN_STRONG, norm) and not re.search(
        r"^(zou|kun|kan|moet) (je|jij) niet\b", norm
    ):
        return "invullen", "invullen-strong"
    if sounds_like_label(toks):
        return "invullen", "klinkt-als-label"
    named = names_a_label(toks)
    if named:
        return "invullen", named
    if any_match(ADVICE_PATTERNS, norm):
        return "advies", "advice"
    # Without '?' a verb-first line with an advice verb is an imperative ("Bel je begeleider even").
    if (
        core
        and core[0] in ADVICE_IMPERATIVES
        and (not has_q or len(core) == 1 or core[1] not in SUBJECT_PRONOUNS)
        and not any_match(ADVICE_IMPERATIVE_EXCEPTIONS, norm)
        and not any_match(INVITATION_PATTERNS, norm)
    ):
        return "advies", "imperative"
    if any_match(INVULLEN_WEAK, norm):
        return "invullen", "invullen-weak"
    if interprets(toks) and not (
        has_q
        and re.search(
            r"^(\w+ )?(ben|heb|was|vond|voel|voelde|is) (je|jij|het)\b(?!.*\bniet\b)", norm
        )
    ):
        return "invullen", "adverb+label"
    if re.search(r"^(je|jij) bent (\w+ )?(\w+)", norm) and any(
        is_quality_word(t) for t in toks[2:5]
    ):
        return "invullen", "je-bent-label"
    trait = re.search(
        r"^(je|jij) bent (nog |echt |heel |super |erg |zo |best |wel |dus |gewoon |toch |duidelijk |vast |zeker |nogal |behoorlijk |een beetje )*([\w-]+)\s*[.!]*$",
        norm,
    )
    if (
        trait
        and not has_q
        and trait.group(3) not in EMOTION_WORDS
        and not STATE_WORD.match(trait.group(3))
    ):
        return "invullen", "je-bent-trait"
    if any_match(INVITATION_PATTERNS, norm):
        return "open_vraag", "invitation"
    if any_match(REFLECT_SOFT, norm):
        return "reflectie", "reflect-soft"
    if has_q and re.search(TAG_PATTERN, norm):
        return "gesloten_vraag", "tag"
    if _verb_first(toks, has_q):
        return "gesloten_vraag", "verb-first"
    if has_q:
        return "gesloten_vraag", "question-mark"
    if _small_talk(norm) or (core and core[0] in ("ik", "we", "wij", "mijn", "ons")):
        return "overig", "small-talk"
    if any(t in ("ik", "we", "wij", "mij", "mijn", "ons", "onze") for t in toks) and not any(
        t in SECOND_PERSON for t in toks
    ):
        return "overig", "coach-self"
    if core and core[0] in ("je", "jij") and len(core) > 2:
        return "reflectie", "statement-about-student"
    if any(t in SECOND_PERSON for t in toks) and len(core) > 2:
        return "reflectie", "statement-with-you"
    if any(t in EMOTION_WORDS for t in toks) and len(core) <= 8:
        return "reflectie", "feeling-fragment"
    return "overig", "default"
