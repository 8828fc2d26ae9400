"""Classify one Dutch coach line into a conversation act.

Labels: open_vraag, gesloten_vraag, waarom_vraag, reflectie, advies, invullen, overig.

Design: an ordered list of hand-written Dutch rules; the first rule that fires wins. Rules, not a
trained model, because practice-mode feedback must be explainable to a trainee ("this line counts
as a why-question because of 'hoe komt het dat'") and because a few hundred example lines are far
too few to learn Dutch word order from. The order encodes the precedence we want in feedback:

  1. why-questions first: rule 9 must never be missed, even when the line is also advice
     ("Waarom ga je niet gewoon ...?") or polite ("Kun je uitleggen waarom ...?").
  2. questions that start with a wh-word are open, even after "dus" ("Dus wat wil je nu?").
  3. explicit reflection markers that attribute words to the student ("je zegt", "jij zei").
  4. filling in (NIVEA, rule 10) and advice (rule 1), because those are what a trainee must hear
     about; they beat the question form ("Was je niet gewoon bang?" is a closed question in form but
     the coach supplies the feeling).
  5. open invitations ("Vertel eens", "Kun je daar iets meer over vertellen?").
  6. softer reflections ("Dus je ...", "Dat klinkt ...", "Ik merk dat ...").
  7. closed questions: tag questions, verb-first word order, any other '?'.
  8. a plain statement about the student ("Je zag er best tegen op.") reads as a reflection.
  9. everything else is overig (greetings, thanks, minimal encouragers, logistics).

Decisions on borderline cases (documented in docs/practice.md):
  - "Hoe komt het dat ...", "Waar komt dat door", "Waardoor ...", "Wat is de reden ..." are why-
    questions: like "waarom" they ask the student for a cause they are assumed to know already.
  - "Wat maakt/maakte dat ..." is an open question: it asks for the circumstances, the usual
    coaching alternative to "waarom".
  - "Kun je/Wil je/Zou je ... vertellen/beschrijven/een voorbeeld geven" is an open invitation,
    although verb-first: nobody answers it with "ja".
  - A reflection with a check tag ("Dus je voelde je buitengesloten, klopt dat?") stays reflectie;
    a plain statement with a tag ("Je hebt de check al gedaan, toch?") is gesloten_vraag.
"""
from __future__ import annotations

import json
import re
from typing import IO, Iterable, List, Tuple

LABELS = (
    "open_vraag",
    "gesloten_vraag",
    "waarom_vraag",
    "reflectie",
    "advies",
    "invullen",
    "overig",
)

# --- word lists -------------------------------------------------------------------------------

WH_WORDS = {
    "wat", "hoe", "welke", "welk", "wie", "waar", "wanneer", "waarover", "waaraan", "waarmee",
    "waarin", "waarop", "waarvan", "waarvoor", "waarbij", "waarheen", "hoeveel", "hoelang",
    "wiens", "watte",
}
# Words a coach puts in front of a question without changing its type.
LEADING_PARTICLES = {
    "en", "dus", "maar", "oké", "oke", "ok", "okay", "ja", "nou", "zeg", "hm", "hmm", "ah", "oh",
    "goed", "prima", "helder", "duidelijk", "o", "eh", "euh", "nee", "ehm", "even",
}
PREPOSITIONS = {"in", "met", "bij", "van", "over", "op", "aan", "voor", "naar", "uit", "tot", "door"}
SUBJECT_PRONOUNS = {
    "je", "jij", "u", "we", "wij", "jullie", "het", "'t", "t", "er", "dat", "dit", "ze", "zij",
    "hij", "ik", "die", "iemand", "jouw", "je'm",
}
# Adverbs that may start a Dutch declarative and trigger inversion ("Dan ben je ...").
INVERSION_ADVERBS = {
    "dan", "dus", "toen", "nu", "daar", "hier", "ook", "zo", "misschien", "eigenlijk", "daarom",
    "straks", "morgen", "gisteren", "vandaag", "soms", "vaak", "nog", "al", "eerst", "daarna",
    "volgens", "blijkbaar", "gelukkig", "helaas", "natuurlijk", "echt", "vast", "wel",
}

# Feeling words and quality/value/identity labels. When the coach says them together with an
# interpreting adverb ("eigenlijk", "gewoon", "zeker") the coach is supplying the student's words.
EMOTION_WORDS = {
    "bang", "boos", "jaloers", "gekwetst", "teleurgesteld", "onzeker", "zenuwachtig", "moe", "saai",
    "gefrustreerd", "verdrietig", "eenzaam", "buitengesloten", "faalangst", "angst", "onzeker",
    "gestrest", "stress", "schaamte", "schaamde", "trots", "blij", "spannend", "eng", "bezorgd",
    "gespannen", "overweldigd", "onrustig", "gepest", "afgewezen", "gekrenkt", "verdriet", "woede",
    "geïrriteerd", "geirriteerd", "somber", "down", "lui", "ongemotiveerd", "onzekerheid",
    "oneerlijk", "kwaad", "beledigd", "gekrenkt", "paniek",
}
QUALITY_WORDS = {
    # Nouns and adjectives only: verbs ("helpen") are usually the student's own words.
    "zorg", "zorgzaam", "structuur", "erkenning", "waardering", "vrijheid", "eerlijk",
    "eerlijkheid", "loyaal", "loyaliteit", "doorzetter", "doorzettingsvermogen",
    "creatief", "creativiteit", "samenwerking", "behulpzaam", "regelaar",
    "leider", "leiderschap", "mensenmens", "perfectionist", "perfectionistisch", "zelfstandig",
    "zelfstandigheid", "verantwoordelijk", "verantwoordelijkheid", "rechtvaardig", "uitdaging",
    "ontwikkeling", "verbinding", "bevestiging", "veiligheid", "rust", "avontuur", "autonomie",
    "empathisch", "empathie", "sociaal", "gedreven", "ambitieus", "ambitie", "nauwkeurig",
    "precies", "betrokken", "betrokkenheid", "zekerheid", "controle", "harmonie", "respect",
    "gezien", "groei", "plichtsgetrouw", "flexibel", "vastberaden", "passie", "talent",
}
LABEL_SUFFIXES = ("heid", "schap", "vermogen", "gevoel", "iteit", "isme", "istisch", "zaam",
                  "zaamheid", "angst", "drang")
INTERPRETING_ADVERBS = {"eigenlijk", "gewoon", "zeker", "waarschijnlijk", "vast", "stiekem"}

# Imperatives that tell the student what to do (rule 1). Invitations to tell are handled apart.
ADVICE_IMPERATIVES = {
    "ga", "probeer", "plan", "meld", "maak", "zoek", "bel", "mail", "stuur", "lees", "schrijf",
    "kies", "doe", "stop", "begin", "praat", "regel", "volg", "oefen", "check", "leer", "blijf",
    "zorg", "vraag", "neem", "app", "werk", "haal", "pak", "geef", "kijk", "overweeg", "denk",
    "let", "schrijf", "start", "informeer", "spreek",
}
ADVICE_IMPERATIVE_EXCEPTIONS = (
    # "Neem gerust je tijd", "Kijk, ..." and "Denk even na" do not tell the student what to do
    # with their career; "neem" only counts with "contact"/"een" etc.
    r"^neem (gerust|rustig|maar|even) (je|de) tijd",
    r"^kijk,",
    r"^denk (even|rustig)? ?na\b",
    r"^vraag (maar|gerust)\b",
)
INVITATION_IMPERATIVES = {"vertel", "beschrijf", "schets", "noem", "omschrijf", "vertelt"}

# Finite verb forms that start a yes/no question typed without '?'.
FINITE_VERBS = {
    "ben", "bent", "is", "was", "waren", "heb", "hebt", "heeft", "had", "vond", "vind", "voel",
    "voelde", "ga", "gaat", "ging", "kun", "kan", "kon", "wil", "wilde", "wou", "zou", "moet",
    "moest", "mag", "mocht", "weet", "wist", "denk", "dacht", "doe", "doet", "deed", "zie", "zag",
    "kom", "komt", "kwam", "werk", "woon", "zit", "zat", "sta", "stond", "snap", "begrijp",
    "herken", "ken", "hoor", "merk", "krijg", "kreeg", "haal", "haalde", "leer", "lukt", "lukte",
    "verwacht", "verwachtte", "klopt", "klopte", "praat", "sprak", "speel", "sport", "studeer",
    "loop", "liep", "durf", "durfde", "hoef", "hoefde", "blijf", "bleef", "word", "werd", "zal",
    "zul", "zullen", "gaan", "hadden", "heette", "maak", "maakte", "kies", "koos", "zoek", "zocht",
}

EXCLAMATIVE_REFLECT = {
    "vervelend", "naar", "rot", "heftig", "lastig", "spannend", "balen", "jammer", "zonde", "erg",
    "pijnlijk", "moeilijk", "zwaar", "stom", "vreselijk", "verdrietig", "eng", "schrikken",
    "akelig", "rottig", "frustrerend", "kut", "bizar", "intens",
}
EXCLAMATIVE_PRAISE = {
    "fijn", "mooi", "goed", "knap", "leuk", "gaaf", "tof", "sterk", "bijzonder", "interessant",
    "top", "prachtig", "geweldig", "super", "dapper", "moedig", "cool",
}

# --- regular expressions -----------------------------------------------------------------------

WHY_PATTERNS = [
    r"\bhoe ?zo+\b",
    r"\b(om|met|uit) welke reden(en)?\b",
    r"\b(wat|welke)\b[^.?!]*\breden(en)?\b",
    r"\breden(en)?\b[^.?!]*\?",
    r"\bhoe (komt|kwam|kan|kon) (het|dat)( toch| dan| nou)? (dat|zo)\b",
    r"\bhoe (komt|kwam) (het|dat)\b\s*\??$",
    r"\bwaar (komt|kwam) (het|dat|dit)( dan| toch| nou)? (door|vandaan)\b",
    r"^(\w+ )?waardoor\b",
    r"\bwaardoor (kwam|komt) (het|dat)\b",
    r"\bwat (is|was) (voor jou )?(de|je|jouw) (reden|beweegreden|motivatie) (dat|om|van|geweest)\b",
]

REFLECT_STRONG = [
    r"\bals ik (je|jou|het|dit) (goed )?(begrijp|samenvat|hoor)\b",
    r"\bals ik het samenvat\b",
    r"^samengevat\b",
    r"^kortom\b",
    r"\bmet andere woorden\b",
    r"\beven kijken of ik\b",
    r"\bcheck(en)? of ik (je|het) goed\b",
    r"^(je|jij) (zegt|zei|vertelt|vertelde|noemt|noemde|gebruikt|beschrijft|geeft aan)\b",
    r"\bik hoor je (zeggen|vertellen)\b",
    r"\bwat ik (je )?(hoor|begrijp|merk|zie)\b",
    r"\b(jij|je) (zei|noemde) (net|daarnet|eerder|zojuist)\b",
    r"\bjouw (eigen )?woorden\b",
    r"\bhet woord '",
    r"\bkomt (steeds|telkens|vaker|weer) terug\b",
    r"\bviel me op\b",
]
REFLECT_SOFT = [
    r"^dus\b",
    r"^(je|jij) (had|hebt) (het gevoel|het idee|de indruk)\b",
    r"^ik (merk|zie|begrijp|snap|voel|hoor) (dat|aan je)\b",
    r"^ik kan me (goed )?voorstellen\b",
    r"\bklinkt (als|alsof|best|echt|heel|nogal|behoorlijk|wel|erg|flink|)\b",
    r"\bklinkt\b",
    r"\bzo te (horen|zien)\b",
    r"\b(merk|hoor|zie) ik\b",
    r"^(oei|oef|auw|au|jeetje|tjonge|pff|poeh)\b",
    r"^dat (is|was) (echt |best |wel |ook |nogal )?(" + "|".join(sorted(EXCLAMATIVE_REFLECT)) + r")\b",
    r"^(je|jij) (lacht|zucht|glimlacht|straalt|klinkt|kijkt)\b",
]

INVULLEN_STRONG = [
    r"\b(je|jij) bedoel(t|de)\b",
    r"^bedoel (je|jij)\b",
    r"\b(jouw|je|het) (kernwoord|motief|drijfveer|kwaliteit|talent|kern)\b[^?]*\b(is|was|wordt|zou|lijkt)\b",
    r"\b(ik|je|jij|we) (zou|zouden) (dat|dit|het) [^?]*\bnoemen\b",
    r"\b(dat|dit) (noem|noemt|heet) ",
    r"\b(noem|heet) (ik|je|jij) (dat|dit|het)\b",
    r"\b(kan|zou) het (misschien )?(kunnen|zijn)( zijn)? dat\b",
    r"\bis het (misschien|soms) (zo )?dat\b",
    r"\bniet (gewoon|eigenlijk|stiekem|toch gewoon)\b[^.!]*\?",
    r"^(dat|dit|het) is (dus |toch |eigenlijk |gewoon |gewoon een |toch gewoon |dus eigenlijk )+\w",
    r"\bzegt (wel |toch |veel |echt )?iets over (je|jou|jouw)\b",
    r"\b(je|jij) bent (dus |echt |eigenlijk |gewoon |toch |wel )*(een|iemand)\b",
    r"\bben (je|jij) (dus |echt |eigenlijk |gewoon |toch |wel )*(een|iemand)\b",
    r"^eigenlijk (zeg|bedoel|wil|ben|vind|voel|was|had) (je|jij)\b",
    r"\bdat klinkt als (\w+heid|\w+schap|\w+vermogen|\w+gevoel|\w+iteit|\w+isme)\b",
    r"\bhet gaat (je|jou) (dus |eigenlijk |gewoon |vooral )+om\b",
]
INVULLEN_WEAK = [
    r"\bvolgens mij\b",
    r"^ik denk (dat|eigenlijk dat) (je|jij|jouw|het jou|het je)\b",
    r"\b(denk|vermoed|gok) ik\b",
    r"^ik (vermoed|gok|geloof) (dat|eigenlijk)\b",
]

ADVICE_PATTERNS = [
    r"\b(je|jij|u|jullie) (moet|moeten|moest eens|hoeft alleen)\b(?! (toch )?(wel )?(heel )?(erg|even) lachen)",
    r"\S+ [^?]*\bmoet (je|jij)\b",
    r"\bik zou\b(?! (graag )?(willen |nog )?(weten|horen|vragen))",
    r"\bals ik (jou|u) (was|ben)\b",
    r"\bin jouw (plaats|schoenen)\b",
    r"\bmijn (advies|tip|raad)\b",
    r"\bik (raad|adviseer|stel voor dat je|zou je aanraden)\b",
    r"\bhet (is|lijkt me|lijkt mij|zou) (\w+ )?(verstandig|slim|handig|beter|goed|een idee|raadzaam|nuttig|belangrijk) (om|als|dat je)\b",
    r"\bhet lijkt me (\w+ )?(verstandig|slim|handig|beter|goed|een goed idee|raadzaam|nuttig)\b",
    r"\bhet beste (is|kun|kan|lijkt)\b",
    r"\b(je|jij) (kunt|kan|zou) (het )?(beter|best|het beste|beste)\b",
    r"\b(kun|kan) (je|jij) (het )?(beter|het beste|best)\b",
    r"\bbeter (kun|kan) (je|jij)\b",
    r"^misschien (kun|kan|moet|zou|is het)\b",
    r"^(je|jij) (zou|kunt|kan) [^?]*\b(moeten|kunnen|proberen|beginnen|gaan)\b",
    r"^(je|jij) (kunt|kan) (ook|eens|gewoon|toch|altijd)\b",
    r"^(zou|kun|kan|moet) (je|jij) (niet|toch|eens)\b",
    r"\bheb (je|jij) (er )?(al )?(eens )?(aan gedacht|overwogen|bedacht)\b",
    r"^wat (als|dacht je ervan|dacht je van|let je|houdt je tegen om)\b",
    r"^(probeer|ga) (eens|gewoon|nou|maar|toch)\b",
]

INVITATION_PATTERNS = [
    r"^(vertel|beschrijf|schets|omschrijf|noem) (eens|me|mij|maar|gerust|jij|wat|hoe|over|iets)\b",
    r"^(vertel|beschrijf|schets)\b",
    r"\bvertel (eens|maar)\b",
    r"^neem (me|mij) (eens |maar )?mee\b",
    r"^(kun|kan|wil|zou|mag ik) (je|jij)\b[^.!?]*\b(vertellen|beschrijven|uitleggen|omschrijven|schetsen|voorbeeld|iets meer|wat meer|meer over|toelichten|laten zien)\b",
    r"^ik ben (wel )?(benieuwd|nieuwsgierig) (naar|hoe|wat|wie|wanneer|welke)\b",
    r"^ik zou (graag )?(willen )?(weten|horen)\b",
    r"^(zeg|leg) (eens|maar)\b",
]

TAG_PATTERN = r",?\s*(toch|of niet|hè|he|hé|niet|klopt dat|klopt het|ja|right|of wel|zeker)\s*\?\s*$"


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text.strip().lower())


def _tokens(text: str) -> List[str]:
    return re.findall(r"[a-zà-ÿ0-9']+", text)


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        edits += 1
        if edits > 1:
            return False
        if len(a) == len(b):
            i += 1
        j += 1
    return edits + (len(b) - j) <= 1


# Real words one typo away from "waarom": a coach typing these did not mean "why".
_NOT_WAAROM = {"waarop", "waarin", "waaruit", "waarbij", "waarna", "waaronder", "warmt", "waaron"}


def _is_waarom_token(tok: str) -> bool:
    if tok in {"waarom", "wrm", "wrom", "waarm", "waaromm"}:
        return True
    return len(tok) >= 5 and tok not in _NOT_WAAROM and tok.startswith("wa") and \
        _edit_distance_at_most_one(tok, "waarom")


def _any(patterns: Iterable[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def _strip_particles(tokens: List[str]) -> List[str]:
    i = 0
    while i < len(tokens) - 1 and tokens[i] in LEADING_PARTICLES:
        i += 1
    return tokens[i:]


def _is_label_word(tok: str) -> bool:
    return tok in EMOTION_WORDS or tok in QUALITY_WORDS or (len(tok) > 6 and tok.endswith(LABEL_SUFFIXES))


def _sounds_like_label(toks: List[str]) -> bool:
    """'Dat klinkt als (een echte) doorzetter': the coach names a quality for the student."""
    for i in range(len(toks) - 2):
        if toks[i] == "klinkt" and toks[i + 1] == "als":
            rest = [t for t in toks[i + 2:i + 6] if t not in {"een", "echte", "echt", "iemand", "die", "heel", "veel"}]
            return bool(rest) and _is_label_word(rest[0])
    return False


def _wh_question(norm: str, toks: List[str], has_q: bool) -> bool:
    """An open question: a wh-word leads the (main) clause."""
    core = _strip_particles(toks)
    if not core:
        return False
    if core[0] in WH_WORDS:
        return True
    if len(core) > 1 and core[0] in PREPOSITIONS and core[1] in WH_WORDS:
        return True
    if has_q:
        # "Dus als je terugkijkt op dat project, wat springt er dan uit?": a fronted clause.
        tail = _tokens(norm.rsplit(",", 1)[-1]) if "," in norm else []
        tail = _strip_particles(tail)
        if tail and (tail[0] in WH_WORDS or (len(tail) > 1 and tail[0] in PREPOSITIONS and tail[1] in WH_WORDS)):
            return True
    return False


def _exclamative(toks: List[str], has_q: bool) -> str | None:
    """'Wat vervelend voor je.' is an acknowledgement, not a question."""
    core = _strip_particles(toks)
    if has_q or len(core) < 2 or core[0] not in {"wat", "hoe"}:
        return None
    word = core[1] if core[1] not in {"ontzettend", "echt", "ook", "erg", "heel", "best", "zeg"} else (core[2] if len(core) > 2 else "")
    if word in EXCLAMATIVE_REFLECT:
        return "reflectie"
    if word in EXCLAMATIVE_PRAISE:
        return "overig"
    return None


def _verb_first(toks: List[str], has_q: bool) -> bool:
    """Dutch yes/no questions put the finite verb first: 'Ben je ...', 'Heb je t ...'.

    With a '?' any word before a subject pronoun will do; without one ("ben je er al uit") we only
    trust common finite verbs, so that "Fijn dat je er bent" stays a statement.
    """
    core = _strip_particles(toks)
    if len(core) < 2:
        return False
    first, second = core[0], core[1]
    if first in WH_WORDS or first in SUBJECT_PRONOUNS or first in INVERSION_ADVERBS:
        return False
    if second not in SUBJECT_PRONOUNS:
        return False
    return has_q or first in FINITE_VERBS


def _classify_sentence(text: str) -> Tuple[str, str]:
    norm = _normalise(text)
    toks = _tokens(norm)
    if not toks:
        return "overig", "empty"
    has_q = "?" in norm

    if any(_is_waarom_token(t) for t in toks) or _any(WHY_PATTERNS, norm):
        return "waarom_vraag", "why-word"
    # "Wat als je gewoon ...?" looks like a wh-question but proposes an action.
    if re.search(r"^(\w+ )?wat (als|dacht je ervan|dacht je van|let je|houdt je tegen om)\b", norm):
        return "advies", "wat-als"
    excl = _exclamative(toks, has_q)
    if excl:
        return excl, "exclamative"
    if re.search(r"^(\w+ )?wat ik (je )?(hoor|begrijp|merk|zie)\b", norm):
        return "reflectie", "wat-ik-hoor"
    if _wh_question(norm, toks, has_q) and not re.search(r"^(\w+ )?(hoe|wat) (zou|moet|kun|kan) (je|jij) (beter|het beste)\b", norm):
        return "open_vraag", "wh-word"
    if _any(REFLECT_STRONG, norm):
        return "reflectie", "reflect-strong"
    if _any(INVULLEN_STRONG, norm) and not re.search(r"^(zou|kun|kan|moet) (je|jij) niet\b", norm):
        return "invullen", "invullen-strong"
    if _any(ADVICE_PATTERNS, norm):
        return "advies", "advice-pattern"
    if _sounds_like_label(toks):
        return "invullen", "klinkt-als-label"
    core = _strip_particles(toks)
    # Without '?' a verb-first line with an advice verb is an imperative ("Bel je begeleider even").
    if core and core[0] in ADVICE_IMPERATIVES and (not has_q or len(core) == 1 or core[1] not in SUBJECT_PRONOUNS) \
            and not _any(ADVICE_IMPERATIVE_EXCEPTIONS, norm) and not _any(INVITATION_PATTERNS, norm):
        return "advies", "imperative"
    if _any(INVULLEN_WEAK, norm):
        return "invullen", "invullen-weak"
    if any(t in INTERPRETING_ADVERBS for t in toks) and any(_is_label_word(t) for t in toks) \
            and not (has_q and re.search(r"^(\w+ )?(ben|heb|was|vond|voel|voelde|is) (je|jij|het)\b(?!.*\bniet\b)", norm)):
        return "invullen", "adverb+label"
    if _any(INVITATION_PATTERNS, norm):
        return "open_vraag", "invitation"
    if _any(REFLECT_SOFT, norm):
        return "reflectie", "reflect-soft"
    if has_q and re.search(TAG_PATTERN, norm):
        return "gesloten_vraag", "tag"
    if _verb_first(toks, has_q):
        return "gesloten_vraag", "verb-first"
    if has_q:
        return "gesloten_vraag", "question-mark"
    if core and core[0] in {"je", "jij"} and len(core) > 2:
        return "reflectie", "statement-about-student"
    return "overig", "default"


# When one coach turn holds several sentences, the act the trainee most needs to hear about wins;
# among questions the open one wins because the student will answer that one.
_PRIORITY = ["waarom_vraag", "invullen", "advies", "open_vraag", "gesloten_vraag", "reflectie", "overig"]


def classify_with_rule(text: str) -> Tuple[str, str]:
    """Return (label, name of the rule that decided); the rule name helps explain feedback."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=\S)", (text or "").strip()) if s.strip()]
    if len(sentences) <= 1:
        return _classify_sentence(text or "")
    results = [_classify_sentence(s) for s in sentences]
    return min(results, key=lambda r: _PRIORITY.index(r[0]))


def classify(text: str) -> str:
    """Classify one coach line into one of LABELS."""
    return classify_with_rule(text)[0]


def classify_many(lines: Iterable[str]) -> List[str]:
    return [classify(line) for line in lines]


def classify_stream(infile: IO[str], outfile: IO[str]) -> int:
    """Read coach lines (one per line, blanks skipped); write JSON lines {"text", "label"}.

    Returns the number of lines written, so a CLI can report it.
    """
    count = 0
    for raw in infile:
        line = raw.strip()
        if not line:
            continue
        outfile.write(json.dumps({"text": line, "label": classify(line)}, ensure_ascii=False) + "\n")
        count += 1
    return count
