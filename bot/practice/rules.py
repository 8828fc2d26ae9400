"""The hand-written Dutch rules of the coach-line classifier: one sentence (or clause) in, a
label and the name of the rule that decided out. bot/practice/classifier.py splits a turn into
sentences, adds the student's previous turn (context.py) and the trained model (model.py).

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
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import (
    ADVICE_IMPERATIVE_EXCEPTIONS,
    ADVICE_IMPERATIVES,
    EMOTION_WORDS,
    EXCLAMATIVE_PRAISE,
    EXCLAMATIVE_REFLECT,
    FILLER_INTERPRETING,
    FINITE_VERBS,
    INTERPRETING_ADVERBS,
    INVERSION_ADVERBS,
    LABEL_SUFFIXES,
    LEADING_PARTICLES,
    PREPOSITIONS,
    QUALITY_WORDS,
    SECOND_PERSON,
    SMALL_TALK_STARTS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
)

# --- why-questions ------------------------------------------------------------------------------

WHY_PATTERNS = [
    r"\bhoe ?zo+\b",
    r"\bhoe dat zo\b",
    r"^(en )?omdat\s*\?",
    r"\bvanwaar\b",
    r"\b(om|met|uit) (welke|wat voor) reden(en)?\b",
    r"\b(wat|welke|welk)\b[^.?!]*\b(reden(en)?|aanleiding|beweegreden(en)?|motivatie|motief|drijfveer|drijfveren|oorzaak|doorslag)\b",
    r"\b(reden(en)?|aanleiding|oorzaak|doorslag)\b[^.!]*\?",
    r"\bhoe (komt|kwam) (het|dat|dit)\b",
    r"\bhoe (kan|kon) (het|dat|dit)( toch| nou| dan| eigenlijk)?( dat\b|\s*[?,]|\s*$)",
    r"\bhoe (kom|kwam) (je|jij) (erbij|daarbij|daarop|erop|op het idee)\b",
    r"\bwaar (komt|kwam) (het|dat|dit|die|deze)( \w+)?( dan| toch| nou| eigenlijk)? (door|vandaan)\b",
    r"\bwaar (ligt|lag) (het|dat|dit)( dan| toch| nou| eigenlijk)? aan\b",
    r"^(\w+ )?waardoor\b",
    r"\bwaardoor (kwam|komt|vind|vond|ben|was|heb|had|besloot|ging|deed)\b",
    r"\bwat maakt(e)? (het |dat |dit )?(dat|zo|nou|dan)\b",
    r"\bwat maakt(e)? (je|jou|jullie|hem|haar) (zo|nou|toen|dan)\b",
    r"\bwat maakt(e)? het (dat|zo)\b",
    r"\bwat (zorgde|zorgt|zorgden) (er ?voor|daarvoor) dat\b",
    r"\bwat (bracht|brengt|zette|zet|heeft|bewoog|beweegt|dreef|drijft|motiveerde|motiveert|bezielde|bezielt)\b[^.?!]*\b(ertoe|er toe|daartoe|tot die|tot dat)\b",
    r"\bwat (bewoog|beweegt|heeft) (je|jou) (bewogen|bewoog)\b|\bwat (bewoog|beweegt) (je|jou)\b",
    r"\b(welke|wat (zijn|waren)( je| jouw)?) overweging(en)?\b",
    r"\b(weerhoudt|weerhield|weerhouden|tegenhield|tegengehouden)\b[^.!]*\?",
    r"\bwaar\b[^.?!]*\bdoor (komen|komt|kwam|gekomen)\b",
    r"\bhoe (is|was) het (zo ?ver|zover|zo) gekomen\b",
    r"\bwaar (baseer|baseerde) (je|jij)\b",
    r"\bwat maakt(e)? ([\w'-]+ ){1,4}zo \w+",
    r"\bwat (deed|heeft|doet)\b[^.?!]*\b(besluiten|beslissen)\b",
    r"\bmag ik vragen waarom\b",
    r"\bwat (je|jou|jij) (er ?toe|daartoe|ertoe) (bracht|bewoog|zette|dreef)\b",
    r"\bwat (motiveerde|motiveert|drijft|dreef|bezielde|bezielt) (je|jou)\b",
    r"\bwat (heeft|deed|doet) (je|jou) (doen )?(besluiten|beslissen|kiezen|stoppen|twijfelen)\b",
    r"\bwat heeft (je|jou) doen \w+",
    r"\bwat (veroorzaakte|veroorzaakt)\b",
    r"\bwat (zit|zat) (er|daar)( nou| dan| eigenlijk| toch)? ?achter\b",
    r"\bwat (is|was) (de|je|jouw) gedachte (er|daar)? ?achter\b",
    r"\bhoe (verklaar|verklaarde) (je|jij)\b",
    r"\b(kun|kan|zou) (je|jij) (dat |het )?(verklaren|uitleggen hoe het komt)\b",
    r"\bverklaren\b[^.!]*\?",
    r"\bwaar (doe|deed) (je|jij) (het|dat|dit)( allemaal| eigenlijk| dan)? voor\b",
    r"\bwaarvoor (doe|deed) (je|jij)\b",
    r"\bwaarvoor (heb|had) (je|jij) (dat|dit|het) (gedaan|gekozen)\b",
    r"\bmet welk doel\b",
    r"\bwat wil(de)? (je|jij) (daar|hier|er)mee bereiken\b",
]


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


def is_waarom_token(tok: str) -> bool:
    if tok in {"waarom", "wrm", "wrom", "waarm", "waaromm", "waaroom", "waroom"}:
        return True
    return (
        len(tok) >= 5
        and tok not in _NOT_WAAROM
        and tok.startswith("wa")
        and _edit_distance_at_most_one(tok, "waarom")
    )


# --- advice ---------------------------------------------------------------------------------------

ADVICE_QUESTION_PATTERNS = [
    r"\bis (het|dat) (dan )?(niet |geen )(een )?(goed |slim |leuk )?(idee|optie|plan|handig|slim|slimmer|verstandig|beter|makkelijker|handiger|fijn)\b",
    r"\bis (het|dat) (niet|geen) (\w+ )?(iets|wat) voor (jou|je)\b",
    r"\bis (een |de |het )?\w+( \w+)? (dan )?niet (iets|wat) voor (jou|je)\b",
    r"\bzou (het|dat) (niet )?(beter|handig|handiger|slim|slimmer|verstandig|goed|fijn|een idee|een optie|makkelijker)( zijn)? (om|als)\b",
    r"\bzou (het|dat) (je |jou )?(niet )?helpen\b",
    r"\bwat (mij|mijzelf|ons) (altijd |vroeger |ook |zelf )?(hielp|helpt|hielp altijd|werkte)\b",
    r"\b(daar|er) (kun|kan) (je|jij) (gewoon |altijd |ook |prima )?(heen|terecht|naartoe|voor terecht)\b",
    r"\bzou (een|het|de|zo'n|meer|minder) [\w'-]+( [\w'-]+)? (je|jou) (niet )?(kunnen )?helpen\b",
    r"\bzou (het|dat) (een )?(optie|idee|plan) (zijn|kunnen zijn)\b",
    r"^(?!(\w+ )?(wie|wat|hoe|welke|welk|waar|wanneer)\b)[^?]*\bzou\b[^?]*\b(je|jou)\b[^?]*\bhelpen\b",
    r"\bweet (je|jij) wat (je|jij) (zou kunnen|kunt|kan|moet|zou moeten) doen\b",
    r"\bheb (je|jij) (er )?(al|wel|ook) (eens |een keer )?(aan gedacht|overwogen|bedacht|geprobeerd|gekeken|nagedacht over|gedacht aan|geprobeerd om)\b",
    r"\bheb (je|jij) (er )?(al )?(eens )?(aan gedacht|overwogen)\b",
    r"\bheb (je|jij) (er )?(al |wel |ook )?(eens |een keer )?(over )?(nagedacht|gedacht) (om|over om|aan om)\b",
    r"\bwat (zou|zeg) (je|jij) (ervan|daarvan|er ?van) (vinden|zeggen) (om|als)\b",
    r"\blijkt (me|mij) (wel |echt |heel )?(wat|iets) voor (jou|je)\b",
    r"^(zou|kun|kan|moet) (je|jij) (het |dat |dit )(niet|toch|eens|anders)\b",
    r"\bheb (je|jij) (wel )?(eens )?(gedacht aan|overwogen)\b",
    r"\b(wat|hoe) (denk|zeg) (je|jij) (van|ervan) (een|om|het idee|als)\b",
    r"\bwat (vind|zou je vinden) (je|jij)? ?(ervan|van het idee) (om|als)\b",
    r"\bwat vind (je|jij) ervan (om|als)\b",
    r"^(\w+ )?wat (als|dacht je ervan|dacht je van)\b",
    r"\bwat (houdt|weerhoudt) (je|jou) (tegen|ervan)\b",
    r"\b(en )?als (je|jij) nou (eens )?\w+",
    r"^(zou|kun|kan|moet) (je|jij) (niet|toch|eens|anders)\b(?![^?]*\b(vertellen|beschrijven|uitleggen|voorbeeld|schetsen|omschrijven)\b)",
    r"^(zou|kun|kan|moet) (je|jij) (het )?(dan )?(niet )?(beter|best|beste|gewoon|eerst|even|wat)\b",
    r"\blijkt (het|dat) (je|jou|jij) (niet )?(verstandig|handig|slim|slimmer|beter|een idee|een goed idee|leuk)\b",
    r"^misschien (kun|kan|moet|zou|is het|is een|is dat|wil|heb je wat aan)\b",
    r"\bzullen we (afspreken|zeggen|kijken of je|regelen) dat (je|jij)\b",
]
ADVICE_PATTERNS = [
    r"(?<!waar )(?<!wat )(?<!hoe )(?<!\bof )(?<!wanneer )(?<!welke )(?<!wie )\b(je|jij|u|jullie) (moet|moeten|moest eens|hoeft alleen|hoeft niet)\b(?! (toch )?(wel )?(heel )?(erg|even) lachen)",
    r"\b(je|jij) (het )?beter (kunt|kan)\b",
    r"\S+ [^?]*\bmoet (je|jij)\b",
    r"\bik zou\b(?! (graag )?(willen |nog )?(weten|horen|vragen|zeggen dat je))",
    r"\bals ik (jou|u) (was|ben|zou zijn)\b",
    r"\bin jouw (plaats|schoenen)\b",
    r"\bmijn (advies|tip|raad)\b",
    r"(^|\b)(een|mijn|kleine|goede) tip\b",
    r"^tip\b",
    r"\bweet (je|jij) wat (helpt|werkt)\b",
    r"\bwat (mij|mijzelf|ons) (altijd |vroeger |ook )?(hielp|helpt|hielp altijd)\b",
    r"\bbij mij (werkte|hielp|werkt|helpt)\b",
    r"\bik (raad|adviseer|stel voor dat je|zou je aanraden)\b",
    r"\bik stel voor\b",
    r"\b(het|dat) (is|lijkt me|lijkt mij|zou|zou zijn) (\w+ )?(verstandig|slim|slimmer|handig|beter|goed|een idee|raadzaam|nuttig|belangrijk) (om|als|dat je)\b",
    r"\bis het (\w+ )?(verstandig|slim|slimmer|handig|beter|raadzaam|nuttig|belangrijk|een idee|een optie) (om|als|dat)\b",
    r"\bhet zou (\w+ )?(goed|beter|handig|slim|slimmer|verstandig|fijn|een idee|een optie) (zijn )?(om|als|dat)\b",
    r"\bhet lijkt (me|mij) (\w+ )?(verstandig|slim|slimmer|handig|beter|goed|een goed idee|raadzaam|nuttig)\b",
    r"\bhet beste (is|kun|kan|lijkt)\b",
    r"\b(je|jij) (kunt|kan|zou) (het )?(beter|best|het beste|beste)\b",
    r"\b(kun|kan) (je|jij) (het )?(beter|het beste|best)\b",
    r"\bbeter (kun|kan) (je|jij)\b",
    r"^(je|jij) (zou|kunt|kan) [^?]*\b(moeten|kunnen|proberen|beginnen|gaan)\b",
    r"^(je|jij) (kunt|kan) (ook|eens|gewoon|toch|altijd|dan|anders|natuurlijk)\b",
    r"^(dan|anders) (kun|kan|moet) (je|jij)\b",
    r"^(probeer|ga) (eens|gewoon|nou|maar|toch|anders|dan)\b",
    r"\b(is|was) (een|het) aanrader\b",
    r"^(een )?(idee|optie|suggestie|voorstel|tip)\s*[:,]",
    r"\b(een|mijn) (idee|optie|suggestie|voorstel) (is|zou zijn|zou kunnen zijn)\b",
    r"\bmisschien (een )?(idee|optie) (om|als)\b",
    r"\bvergeet (vooral )?niet\b",
    r"\b(dan|anders|dus|misschien|daarom) zou ik\b",
    r"\bzou ik (eens|maar|gewoon|toch|zeker)\b",
    r"\b(doet|doen) wonderen\b",
    r"\b(daar|die|zij|ze) (kunnen|kan) (ze |je )?(je|jou) (daar |mee |verder |goed )?(mee )?helpen\b",
    r"(?<!wie )(?<!wat )\b(kan|kunnen|zou|zouden) (echt |best |ook |wel |je |jou |goed |enorm )*helpen\b(?![^?]*\?)",
    r"\bhet helpt (vaak |altijd |echt |meestal |soms |je |ook )*(om|als|door)\b",
    r"\bkan (echt |toch )?geen kwaad\b",
    r"\bwerkt (vaak |altijd |echt |meestal )?(goed|beter|prima|het best)\b",
    r"\b(is|zijn) (nooit|altijd|echt|zeker|niet) (een )?(goed|slim|verstandig|handig)(e)?( idee)?\b",
    r"^misschien is (een|het|dat|zo'n) [\w'-]+( \w+)? (wel )?(iets|wat) voor (je|jou)\b",
]

# --- filling in -------------------------------------------------------------------------------------

INVULLEN_STRONG = [
    r"\b(zou|kan|is) (dat|dit|het) (niet )?(je|jouw) (kernwoord|motief|drijfveer|kwaliteit|kracht|talent|valkuil)\b",
    r"\b(woord|term) [\w'-]+ past\b",
    r"\bpast (daar |dat |dit )?(goed |echt |precies )?bij (jou|je)\b",
    r"\b(je|jij) bedoel(t|de)\b",
    r"^bedoel (je|jij)\b",
    r"\bwat (je|jij) eigenlijk (zegt|bedoelt|wilt)\b",
    r"\b(jouw|je|het) (kernwoord|kernwaarde|waarde|motief|drijfveer|drijfveren|kwaliteit|kwaliteiten|talent|kern|kracht|valkuil|ding|sterke kant|zwakte)\b[^?]*\b(is|was|wordt|zou|lijkt|zijn)\b",
    r"\b(dat|dit|het) is (echt |dus |toch |gewoon )?(jouw|je) (kracht|kwaliteit|talent|valkuil|ding|drijfveer|motief|kernwoord)\b",
    r"\b(ik|je|jij|we) (zou|zouden) (dat|dit|het) [^?]*\bnoemen\b",
    r"\b(dat|dit) (noem|noemt|noemen|heet|heten) ",
    r"\b(noem|noemen|heet) (ik|je|jij|we|ze|ze dat|wij) (dat|dit|het)\b",
    r"\b(dat|dit|het) (is|was|lijkt|klinkt als) (een )?(vorm van|soort|klassiek|typisch|echt typisch|typisch geval)\b",
    r"\b(kan|zou) het (misschien )?(kunnen|zijn)( zijn)? dat\b",
    r"\bis het (misschien|soms) (zo )?(dat|omdat)\b",
    r"\bniet (gewoon|eigenlijk|stiekem|toch gewoon)\b[^.!]*\?",
    r"^(dat|dit|het) is (dus |toch |eigenlijk |gewoon |gewoon een |toch gewoon |dus eigenlijk )+\w",
    r"\bzegt (wel |toch |veel |echt )?iets over (je|jou|jouw)\b",
    r"\b(je|jij) bent (dus |echt |eigenlijk |gewoon |toch |wel |vast |zeker |duidelijk |heel |zo )*(een|iemand|zo'n|het type|typisch|echt zo'n|een echte)\b",
    r"\bben (je|jij) (dus |echt |eigenlijk |gewoon |toch |wel )*(een|iemand|zo'n|het type)\b",
    r"\b(jij|je) (bent|was) (echt |duidelijk |gewoon )?(zo'n|het) type\b",
    r"^eigenlijk (zeg|bedoel|wil|ben|vind|voel|was|had|zoek|wil) (je|jij)\b",
    r"\bhet gaat (je|jou) (dus |eigenlijk |gewoon |vooral |echt )*om\b",
    r"\bgaat het (je|jou) (eigenlijk|misschien|niet|vooral|dus) (\w+ )?om\b",
    r"\b(zit|zat) er (niet )?(gewoon |eigenlijk |misschien )?\w+ achter\b",
    r"\b(daaronder|daarachter|eronder) (zit|zat)\b",
    r"\b(jij|je) (wilt|wil|zoekt|zocht|wilde) (vooral|eigenlijk|gewoon|stiekem|diep van binnen)\b",
    r"\bgeef (het|dat) (nou |maar |gewoon )*toe\b",
    r"\b(misschien|waarschijnlijk) (heb|ben) (je|jij) (wel )?(last van )?\w+",
    r"\bdat (komt|kwam) (door|doordat|omdat|vast door|gewoon door) (je|jouw)\b",
    r"\b(je|jij) (bent|was) te \w+ om\b",
    r"\bdat past (goed )?bij (een|iemand|jou als)\b",
    r"\b(zou|kun|kan) (je|jij) (jezelf|dat) (een|als)\b",
]
INVULLEN_WEAK = [
    r"\bvolgens mij\b",
    r"^ik (heb|krijg) (sterk )?(het idee|het gevoel|de indruk) dat (je|jij|het jou|het je)\b",
    r"^ik denk (dat|eigenlijk dat) (je|jij|jouw|het jou|het je)\b",
    r"\b(denk|vermoed|gok) ik\b",
    r"^ik (vermoed|gok|geloof) (dat|eigenlijk)\b",
    r"\bik hoor (eigenlijk|vooral|toch|wel|veel)? ?(\w+ )?(in|bij) (jou|je)\b",
]

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


def normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2026", "...")
    return re.sub(r"\s+", " ", text.strip().lower())


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9'-]+", text)


def any_match(patterns: Iterable[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def strip_particles(toks: list[str]) -> list[str]:
    i = 0
    while i < len(toks) - 1 and toks[i] in LEADING_PARTICLES:
        i += 1
    return toks[i:]


def is_label_word(tok: str) -> bool:
    return (
        tok in EMOTION_WORDS
        or tok in QUALITY_WORDS
        or (len(tok) > 6 and tok.endswith(LABEL_SUFFIXES))
    )


def is_quality_word(tok: str) -> bool:
    """A quality, value, identity or diagnosis (not a feeling)."""
    return tok in QUALITY_WORDS or (len(tok) > 6 and tok.endswith(LABEL_SUFFIXES))


def _sounds_like_label(toks: list[str]) -> bool:
    """'Dat klinkt als (een echte) doorzetter / naar perfectionisme': the coach names a quality."""
    for i in range(len(toks) - 2):
        if toks[i] == "klinkt" and toks[i + 1] in ("als", "naar"):
            rest = [
                t
                for t in toks[i + 2 : i + 6]
                if t not in {"een", "echte", "echt", "iemand", "die", "heel", "veel", "flinke"}
            ]
            return bool(rest) and is_quality_word(rest[0])
    return False


# "Je bent gestopt", "je bent klaar": a state or an act, not a trait.
_STATE = re.compile(
    r"^(\w*ge\w+(d|t|n)|be\w+(d|t)|ver\w+(d|t|en)|klaar|er|weg|thuis|ziek|alleen|op|terug|bezig|"
    r"aan|aan het|daar|hier|nu|er nog|niet|wel|de|het|een)$"
)


def _interprets(toks: list[str]) -> bool:
    """An interpreting adverb with a feeling or quality: 'je was eigenlijk bang', 'gewoon lui'."""
    labels = [i for i, t in enumerate(toks) if is_label_word(t)]
    if not labels:
        return False
    if any(t in INTERPRETING_ADVERBS for t in toks):
        return True
    return any(toks[j] in FILLER_INTERPRETING for i in labels for j in range(max(0, i - 3), i))


def _names_a_label(toks: list[str]) -> str | None:
    """'Dat is schaamte.', 'Leiderschap dus.': the coach puts a name on it."""
    core = strip_particles(toks)
    if (
        len(core) >= 3
        and core[0] in ("dat", "dit", "het", "die")
        and core[1] in ("is", "was", "heet", "lijkt")
    ):
        rest = [
            t
            for t in core[2:5]
            if t not in {"een", "echt", "gewoon", "dus", "toch", "pure", "puur", "wel", "op"}
        ]
        after = (
            core[core.index(rest[0]) + 1] if rest and core.index(rest[0]) + 1 < len(core) else ""
        )
        if (
            rest
            and rest[0] not in EXCLAMATIVE_REFLECT
            and (is_quality_word(rest[0]) or rest[0] in EMOTION_WORDS)
            and len(core) <= 10
            and after not in ("om", "als", "te", "voor", "van")
            and not (after == "dat" and " ".join(core).find(rest[0] + " dat je") >= 0)
        ):
            return "dat-is-label"
    return None


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
    if any_match(ADVICE_QUESTION_PATTERNS, norm):
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
    if any_match(REFLECT_STRONG, norm) and not _sounds_like_label(toks):
        return "reflectie", "reflect-strong"
    if any_match(INVULLEN_STRONG, norm) and not re.search(
        r"^(zou|kun|kan|moet) (je|jij) niet\b", norm
    ):
        return "invullen", "invullen-strong"
    if _sounds_like_label(toks):
        return "invullen", "klinkt-als-label"
    named = _names_a_label(toks)
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
    if _interprets(toks) and not (
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
        and not _STATE.match(trait.group(3))
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
