"""The crisis detector's rules, per category of docs/crisis.md: the building blocks (filler,
family, study and sport words), then for each suicide category its patterns and a guard, a
context that cancels a hit in the same sentence (the other kinds: ``bot.nlp.crisis_rules_harm``). ``bot.nlp.crisis`` applies them; the model's cache key
(``bot.nlp.crisis_model``) includes this file, since the rules decide what the model may veto."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import Pattern

# --- building blocks -------------------------------------------------------------------------
_NEG_WORD = r"(?:niet|geen|nooit|niks|niets)"


# Up to n filler words that are not a negation ("ik wil echt gewoon dood", not "ik wil niet dood").
def _f(n: int) -> str:
    return rf"(?:(?!{_NEG_WORD}\b)[\w']+,?\s+){{0,{n}}}"


F1, F2, F3, F4 = _f(1), _f(2), _f(3), _f(4)
FAMILY = (
    r"(?:vader|pa|papa|moeder|ma|mama|stiefvader|stiefmoeder|stiefpa|stiefma|broer|broertje|zus|"
    r"zusje|oom|tante|opa|oma|vriend|vriendje|vriendin|ex|partner|man|neef|nicht|ouders|familie|"
    r"stagebegeleider|baas|leidinggevende|manager|teamleider|trainer|buurman|huisgenoot|kok)"
)
DEATH = r"(?:dood|sterven|doodgaan|dood\s+gaan|overlijden)"
JOKE = re.compile(
    r"\b(?:lol|lool|lma+o+|lmfa+o+|haha\w*|hihi|xd|grapje|jk|just\s+kidding|geintje)\b|😂|🤣|💀|😹|😆|😜|🙃"
)
STUDY = (
    r"(?:toets\w*|tentamen\w*|examen\w*|herkansing\w*|deadline\w*|presentatie\w*|verslag\w*|opdracht\w*|"
    r"huiswerk|les|lessen|lesuur|college|docent\w*|leraar|lerares|juf|mentor|klas|rooster|cijfer\w*|"
    r"studiepunten|scriptie|portfolio|profielwerkstuk|pws|project\w*|groepsopdracht|groepje|werkstuk|vak|"
    r"rekenen|statistiek|wiskunde|engels|nederlands|planning|inleveren|leren)"
)
SPORT = r"(?:training|trainen|voetbal\w*|gym|wedstrijd|sportschool|fitness|hockey|kickboks\w*|boksen|sprint|rennen|hardlopen|zwemles|spinning)"


@dataclass(frozen=True)
class _Rule:
    category: str
    level: str
    pattern: Pattern[str]
    guard: Pattern[str] | None  # this context in the same sentence cancels the hit
    name: str
    # a clear statement (bot.nlp.crisis_rules_clear): neither the model's veto nor the answer
    # context lowers it, and only a joke in its own sentence does
    clear: bool = False


_RULES: list[_Rule] = []  # the suicide categories; the others: bot.nlp.crisis_rules_harm
_count = [0]  # every rule of both modules gets its own name


def _rule(
    category: str,
    level: str,
    patterns: Iterable[str],
    guard: str | None = None,
    into: list[_Rule] | None = None,
    clear: bool = False,
) -> None:
    for pattern in patterns:
        (_RULES if into is None else into).append(
            _Rule(
                category,
                level,
                re.compile(pattern),
                re.compile(guard) if guard else None,
                f"{category}:{level}:{_count[0]}",
                clear,
            )
        )
        _count[0] += 1


# --- rules per category -------------------------------------------------------------------------
_g_wish = rf"(?:\b{STUDY}\b|\b{SPORT}\b)(?=.*(?:{JOKE.pattern}))|\bstage\s+(?:lopen|zoeken)\b"

# Suicide: active thoughts
_rule(
    "active_suicide",
    "crisis",
    [
        r"\bzelfmoord\s*gedacht\w*|\bzelfmoord\s*poging\w*|\bsuicidaa?l\b|\bzelfdoding\b",
        rf"\b(?:wil|wou|wilde|ga|zal|zou|denk|dacht|overweeg|plan|neiging|gedachten?|gedachtes|idee)\b\s+{F4}(?:om\s+)?(?:aan\s+)?(?:zelfmoord|een\s+zelfmoord)\b",
        r"\bzelfmoord\s+(?:te\s+)?(?:plegen|pleeg|doen)\b(?!.*\b(?:heeft|hebben|had|pleegde)\b)",
        rf"\bmezelf\s+{F3}(?:van\s+kant\s+(?:te\s+)?maken|(?:te\s+)?doden|(?:te\s+)?vermoorden|om\s*(?:te\s+)?brengen|(?:op\s*te\s+|op)hangen|(?:te\s+)?verhangen|dood\s*(?:te\s+)?maken|van\s+het\s+leven\s+(?:te\s+)?beroven|(?:te\s+)?verdrinken)\b",
        r"\bvan\s+kant\s+(?:te\s+)?maken\b|\bmezelf\s+(?:[\w',]+\s+){0,2}van\s+het\s+leven\b|\buit\s+het\s+leven\s+(?:te\s+)?stappen\b|\blevensmoe\b",
        r"\beind(?:e)?\s+aan\s+(?:mijn|het|m'n)\s+leven\b|\bmijn\s+leven\s+(?:te\s+)?(?:beeindigen|nemen|stoppen)\b|\bleven\s+(?:te\s+)?beeindigen\b",
        rf"\b(?:ik|ook)\s+(?:[\w',]+\s+)?(?:wil|wou|wilde|zou\s+willen)\s+{F3}{DEATH}\b",
        rf"^\W*(?:wil|ik\s+wil)\s+{F2}{DEATH}\b",
        # inverted word order: "..., wil ik dood", "dan wil ik gewoon dood", "dood wil ik"
        rf"\bwil\s+ik\s+{F2}{DEATH}\b(?!\s*\?)|^\W*dood\s+wil\s+ik\b(?!\s+(?:niet|nie)\b)|\bdood\s+wil\s+ik\b(?!\s+(?:niet|nie)\b)",
        r"\bmezelf\s+(?:[\w',]+\s+){0,2}(?:uitschakelen|uit\s+te\s+schakelen|laten\s+gaan,?\s+definitief)\b",
        r"\b(?:morgen|vanavond|vannacht|volgende\s+week|straks)\s+ben\s+ik\s+er\s+(?:niet|nie)\s+meer\b(?=.*\b(?:besloten|toch|voorgoed|echt)\b)",
        r"\b(?:bang|besloten)\s+(?:[\w',]+\s+){0,3}(?:dat\s+)?ik\s+het\s+(?:vanavond|vannacht|morgen|binnenkort|straks)\s+(?:echt\s+)?(?:ga|zal)\s+doen\b",
        rf"\b(?:denk|dacht|denken|pieker\w*|fantaseer\w*)\s+{F4}(?:aan|over)\s+{F2}(?:dood\s*gaan|doodgaan|sterven|de\s+dood|zelfmoord|er\s+niet\s+meer\s+zijn|hoe\s+ik\s+(?:dood|het\s+zou\s+doen|er\s+een\s+eind))",
        rf"\bwil\s+{F3}(?:niet|nie)\s+meer\s+(?:leven|bestaan)\b(?!\s+(?:met|van|zonder|in|zoals|op\s+deze)\b)",
        r"\b(?:don'?t|dont|do\s+not)\s+(?:really\s+)?(?:want|wanna)\s+(?:to\s+)?(?:live|be\s+alive|exist|be\s+here)\s+any\s*more\b",
        r"\b(?:kill|killing)\s+myself\b|\bwant\s+to\s+die\b|\bwanna\s+die\b|\bend\s+(?:my\s+life|it\s+all)\b|\bunalive\b|\bkms\b|\bsewerslide\b",
        rf"\bgeprobeerd\s+(?:om\s+)?{F2}(?:mezelf|er\s+een\s+eind|dood|een\s+eind)|\bal\s+(?:een\s+keer|eens|twee\s+keer)\s+geprobeerd\b",
        rf"\b(?:ik\s+)?(?:meen|bedoel)\s+(?:het|dit)\s+{F2}(?:dood|er\s+niet\s+meer|einde|stoppen\s+met\s+alles)",
        rf"\bermee\s+stoppen\s+bedoel\s+ik\b|\bstop\s+{F2}ermee\.\s+met\s+alles\b|\bmee\s+stop\.?\s+met\s+alles\b",
    ],
)
# "niet meer leven" without "wil": the student's, unless someone else is its subject in the same
# clause ("mijn broer had een zware tijd en wilde niet meer leven").
_rule(
    "active_suicide",
    "crisis",
    [
        r"\b(?:niet|nie)\s+meer\s+(?:willen\s+|wil\s+)?(?:leven|bestaan)\b(?!\s+(?:met|van|zonder|in|zoals|op\s+deze)\b)"
    ],
    guard=rf"\b(?:{FAMILY}|hij|zij|iemand|klasgenoot|klasgenote|collega|client|clienten|patient|bewoner|jongen|meisje)\b"
    r"(?:(?!\bik\b)[^,.;!?])*\b(?:niet|nie)\s+meer\s+(?:willen\s+|wil\s+)?(?:leven|bestaan)\b",
)
_rule(
    "active_suicide",
    "crisis",
    [
        rf"\ber\s+{F3}(?:een\s+)?eind(?:e)?\s+aan\s+(?:te\s+)?(?:maken|maak|maakt|gemaakt)\b",
        rf"\b(?:wil|ga|zou|denk|dacht)\s+{F4}(?:er\s+)?(?:gewoon\s+)?mee\s+(?:stoppen|ophouden|kappen)\b(?=.*\b(?:alles|leven|voorgoed)\b)",
        r"\bhet\s+gewoon\s+(?:moet|moeten|ga|zal)\s+doen\b(?=.*\b(?:einde|eind|dood|niet\s+meer)\b)",
    ],
    guard=r"\b(?:roken|relatie|stage|school|opleiding|studie|vriendschap|samenwerking|abonnement|baan|bijbaan|sport|dieet|vak|groepje|serie|game|app)\b",
)
_rule(
    "active_suicide",
    "unsure",
    [
        r"\bzelfmoord\b",
        rf"\b(?:wil|wou|wilde)\s+{F3}{DEATH}\b",
    ],
    guard=rf"\b(?:{STUDY}|film|serie|docu\w*|boek|onderwerp|behandeld|besproken|gepraat|artikel|psychiatrie|patienten|preventie|nieuws|heeft\s+zelfmoord|pleegde|gepleegd)\b|"
    r"\bdat\s+(?:ze|hij|zij)\s+(?:[\w',]+\s+){0,2}(?:aan\s+)?zelfmoord\b|\been\s+(?:meisje|jongen|client\w*|bewoner|patient\w*|gedetineerde)\b",
)

# Suicide: passive wish to be dead or gone
_rule(
    "passive_wish",
    "crisis",
    [
        # "ik ben er toch niet meer in juni": the "toch" says it is not about a timetable
        r"\bben\s+(?:ik\s+)?er\s+(?:[\w',]+\s+){0,3}toch\s+(?:niet|nie)\s+meer\b",
        r"\bgeen\s+zin\s+(?:meer\s+)?(?:om\s+)?(?:[\w',]+\s+)?wakker\s+te\s+worden\b",
        r"\b(?:zodat|dat)\s+ze\s+iets\s+van\s+me\s+hebben\b",
        r"\b(?:volgend\s+jaar|volgende\s+maand|in\s+juni|na\s+dit\s+blok)\s+(?:[\w',]+\s+){0,3}(?:ben\s+ik\s+er|er)\s+(?:toch\s+)?(?:niet|nie)\s+meer\b(?=.*\b(?:toch|alles|leven)\b)",
        rf"\b(?:wil|zou\s+willen|wou|wens|hoop)\s+(?:[\w',]+\s+)?dat\s+ik\s+er\s+{F2}(?:niet|nie)\s+(?:meer\s+)?(?:was|ben|zou\s+zijn|besta|bestond)\b",
        r"\bmijn\s+begrafenis\b|\bniemand\b.*\bbegrafenis\b",
        r"\b(?:niet|nie|nooit)\s+(?:meer\s+)?wakker\s+(?:word|worden|te\s+worden|werd)\b.*\b(?:prima|best|fijn|niet\s+erg|ook\s+goed|oke|ok|hoop|zou\s+mooi)\b",
        r"\b(?:hoop|hoopte|prima|fijn|best)\b.*\b(?:niet|nie|nooit)\s+(?:meer\s+)?wakker\s+(?:word|worden|te\s+worden|werd)\b",
    ],
)
_rule(
    "passive_wish",
    "crisis",
    [
        rf"\b(?:wil|zou|wou|wilde|liefst)\s+{F3}er\s+{F1}(?:niet|nie)\s+meer\s+{F1}(?:zijn|wezen)\b",
        rf"\bals\s+ik\s+er\s+{F1}(?:niet|nie)\s+meer\s+(?:ben|was|zou\s+zijn)\b",
        rf"\b(?:wil|zou|wou|hoop|hoopte)\s+{F4}(?:(?:niet|nie)\s+meer|nooit\s+meer)\s+wakker\s+(?:te\s+)?(?:worden|word|werd)\b",
        r"\bnooit\s+meer\s+wakker\s+(?:te\s+)?(?:worden|word)\b|\b(?:niet|nie)\s+meer\s+wakker\s+(?:worden|word|te\s+worden)\b(?!\s+(?:om|voor|op)\b)",
        rf"\bhoop\s+{F2}(?:dat\s+)?ik\s+{F3}(?:niet|nie)\s+(?:meer\s+)?wakker\s+word\b",
        r"\bwas\s+ik\s+(?:maar|gewoon)\s+(?:nooit\s+geboren|dood|er\s+niet|nooit\s+geboren)|\b(?:wou|wilde|wens)\s+(?:[\w',]+\s+)?dat\s+ik\s+(?:[\w',]+\s+){0,2}(?:dood\s+was|nooit\s+geboren|er\s+niet\s+(?:meer\s+)?was|niet\s+bestond)",
        r"\bnooit\s+geboren\b",
        rf"\b(?:niet|nie)\s+erg\s+(?:[\w',]+\s+){{0,2}}als\s+ik\s+{F4}(?:dood|doodging|doodga|overlijd|overleed|aangereden|verongeluk|niet\s+meer\s+wakker)",
        rf"\b(?:prima|best|fijn|goed|oke|ok)\s+(?:[\w',]+\s+){{0,3}}als\s+(?:ik\s+)?{F4}(?:dood|doodging|doodga|overlijd|overleed|aangereden|verongeluk|niet\s+meer\s+wakker|tegen\s+me\s+aan\s+rijdt)|\b(?:auto|bus|trein|vrachtwagen)\s+(?:[\w',]+\s+){{0,2}}tegen\s+me\s+aan\s+(?:[\w',]+\s+){{0,6}}(?:prima|best|fijn|niet\s+erg|hoop)",
        rf"\b(?:zie|zag)\s+het\s+{F2}(?:niet|nie)\s+meer\s+zitten\b(?!\s+(?:met|om|voor|in|bij)\b)",
        r"\bgeen\s+zin\s+meer\s+(?:om\s+te\s+leven|in\s+(?:het|mijn)\s+leven|in\s+leven|in\s+alles|in\s+niks|in\s+niets)\b|\bgeen\s+zin\s+(?:meer\s+)?in\s+(?:het\s+|mijn\s+)?leven\b",
        r"\b(?:mijn|het|dit)\s+leven\s+(?:[\w',]+\s+){0,2}(?:heeft\s+)?(?:geen\s+zin|zinloos|niks\s+waard|een\s+hel)\b|\bzinloos\s+(?:leven|bestaan)\b",
        rf"\bwaarom\s+(?:ik\s+|zou\s+ik\s+)?{F2}(?:nog\s+)?(?:besta|leef|doorga|door\s+ga|leven|bestaan)\b|\bwaarom\s+besta\s+ik\b",
        rf"\b(?:het|dit)\s+leven\s+{F2}zat\b|\bklaar\s+met\s+(?:het\s+)?leven\b|\bleven\s+(?:is\s+)?(?:op|klaar)\b",
        rf"\b(?:wil|hoop)\s+{F2}dat\s+(?:alles|het\s+allemaal|mijn\s+leven)\s+(?:[\w',]+\s+)?(?:stopt|ophoudt|op\s+houdt|over\s+is|voorbij\s+is)\b",
        r"\b(?:wacht|wachten)\s+(?:[\w',]+\s+){0,3}tot\s+(?:het|mijn\s+leven|alles)\s+(?:[\w',]+\s+)?voorbij\b",
        r"\b(?:verdwijnen|weg\s+zijn)\s+(?:[\w',]+\s+){0,3}(?:voorgoed|voor\s+altijd|nooit\s+meer|en\s+dat\s+niemand)|\b(?:voorgoed|voor\s+altijd)\s+(?:[\w',]+\s+)?(?:verdwijnen|weg\s+zijn|slapen)\b|\bnooit\s+meer\s+terug\s*(?:komen|te\s+komen)\b",
        r"\b(?:langzaam\s+)?verdwijn\s+(?:[\w',]+\s+){0,7}(?:best|prima|fijn|goed)\b",
        # a passive wish framed as an accident: "als ik onder een auto kom vind ik dat wel prima"
        r"\b(?:onder\s+(?:een|de)\s+(?:auto|bus|trein|tram|vrachtwagen|scooter)\s+(?:kom|kwam|zou\s+komen|beland|terecht\s+kom)|aangereden\s+(?:word|werd|zou\s+worden)|verongeluk\w*|een\s+ongeluk\s+(?:krijg|kreeg|zou\s+krijgen|zou\s+hebben)|(?:me|mij)\s+(?:iets\s+)?(?:overkomt|zou\s+overkomen)|neerstort\w*|(?:me|mij)\s+(?:\w+\s+)?(?:raakt|scheprt|schept|aanrijdt))\b,?(?:\s+[\w',]+){0,8}?\s+(?:prima|best|fijn|ook\s+goed|(?:niet|nie)\s+(?:eens\s+)?erg|maakt\s+(?:me|mij)\s+(?:[\w',]+\s+)?(?:niet|nie|niks)\s+(?:meer\s+)?uit|dan\s+is\s+het\s+(?:tenminste\s+)?(?:klaar|over|voorbij)|ben\s+ik\s+er\s+(?:tenminste\s+)?(?:vanaf|klaar\s+mee))\b",
        r"\b(?:hoop|hoopte|wens)\s+(?:[\w',]+\s+){0,3}(?:dat\s+)?(?:ik\s+)?(?:[\w',]+\s+){0,3}(?:onder\s+(?:een|de)\s+(?:auto|bus|trein|tram|vrachtwagen|scooter)\s+(?:kom|kwam|zou\s+komen|beland|terecht\s+kom)|aangereden\s+(?:word|werd|zou\s+worden)|verongeluk\w*|een\s+ongeluk\s+(?:krijg|kreeg|zou\s+krijgen|zou\s+hebben)|(?:me|mij)\s+(?:iets\s+)?(?:overkomt|zou\s+overkomen)|neerstort\w*|(?:me|mij)\s+(?:\w+\s+)?(?:raakt|scheprt|schept|aanrijdt))",
        # sorry to have come through an accident: "teleurgesteld dat ik niks had", "had ik
        # maar dat ongeluk gehad"
        r"\b(?:baal|balen|jammer|teleurgesteld)\s+(?:[\w',]+\s+){0,3}dat\s+ik\s+(?:het\s+)?(?:[\w',]+\s+)?(?:overleefd|overleef|niks\s+had|niets\s+had|niks\s+mankeerde|niets\s+mankeerde)\b|\bhad\s+ik\s+maar\s+(?:dat|het|een|die)\s+(?:[\w']+\s+)?(?:ongeluk|ongeval|ziekte)\s+(?:gehad|gekregen)\b",
        r"\bwish\s+i\s+(?:could\s+)?(?:just\s+)?(?:disappear|vanish|die|was\s+dead|were\s+dead|was\s+gone|wasn'?t\s+(?:here|alive|born)|didn'?t\s+exist|would(?:\s+not|n'?t)\s+wake\s+up)\b",
        r"\b(?:baal|balen|jammer|teleurgesteld)\s+(?:[\w',]+\s+){0,3}(?:dat\s+ik\s+)?(?:weer\s+)?wakker\s+(?:ben|word|werd)\b|\bwakker\s+(?:[\w',]+\s+){0,3}(?:weer\s+)?(?:baal|jammer|teleurgesteld)",
        r"\b(?:ik\s+)?(?:niet|nie)\s+meer\s+(?:zou\s+)?bestaan\b|\bniet\s+meer\s+besta\b",
        r"\b(?:niet|nie)\s+meer\s+te\s+bestaan\b|\bophouden\s+met\s+(?:zijn|bestaan|leven)\b|\bophield\s+met\s+(?:bestaan|leven)\b|\bmoe\s+van\s+(?:bestaan|leven|het\s+leven|er\s+zijn)\b",
        r"\bhet\s+hoeft\s+(?:voor\s+mij\s+)?(?:niet|nie)\s+meer\b|\bhoeft\s+voor\s+mij\s+allemaal\s+niet\s+meer\b",
        r"\b(?:zie\s+)?geen\s+uitweg\b",
        r"\bmag\s+(?:voor\s+mij\s+)?(?:[\w',]+\s+)?(?:allemaal\s+)?(?:ophouden|stoppen|over\s+zijn|voorbij\s+zijn)\b(?=.*\b(?:alles|leven|allemaal|moe)\b)",
        rf"\bwil\s+{F2}(?:niet|nie)\s+meer\s+(?:verder|door)\b(?!\s+(?:met|op|in|naar)\b)",
        # "ik wil niet meer", not "ik wil dit niet meer" (this course, this talk: the check)
        rf"\b(?:ik\s+)?wil\s+(?!{F1}(?:dit|dat|het|deze|die)\s){F2}(?:niet|nie)\s+meer\s*(?:[.!,?]|$|\bik\b|😔|😢|😞|💔)",
        rf"\b(?:ik\s+)?kan\s+(?:het\s+|dit\s+)?{F2}(?:niet|nie)\s+meer\s*(?:[.!?]|$|\balles\b|\bhelemaal\b|\bhoor\b|😔|😢|😭)",
        rf"\b(?:hou|houd)\s+(?:het|dit)\s+{F2}(?:niet|nie|nooit)\s+(?:lang\s+)?(?:meer\s+)?vol\b|\bhoe\s+lang\s+ik\s+dit\s+nog\s+volhoud\b|\btrek\s+het\s+{F1}(?:niet|nie)\s+meer\b",
        r"\bwat\s+heeft\s+(?:het|dit|alles|mijn\s+leven)\s+(?:allemaal\s+)?(?:nog\s+)?(?:voor\s+)?zin\b",
        rf"\b(?:ben|voel\s+me)\s+{F2}wanhopig\b",
        r"\bklaar\s+moet\s+zijn\b|\bgewoon\s+klaar\s+(?:zijn|is)\b(?=.*\b(?:alles|leven|ik)\b)",
        r"\bals\s+ik\s+(?:er\s+)?(?:weg|dood|verdwenen)\s+ben\b(?=.*\b(?:iets\s+van\s+me|hebben|merkt|mist|missen)\b)",
        r"\b(?:als\s+je|wanneer\s+je|als\s+ik)\s+overlijd\w*\b(?=.*\b(?:vraag\s+voor\s+mezelf|mezelf|ik)\b)",
        r"\b(?:alles|het)\s+voelt\s+(?:zo\s+)?zwart\b",
    ],
    guard=r"\b(?:toets|tentamen|examen|herkansing|deadline|presentatie|les|lessen|vak|rekenen|statistiek|huiswerk|rooster|vakantie|opleiding|groepsopdracht|dekbed|dekentje|stage\s+bij)\b|\bwil\s+niet\s+meer\s+naar\b",
)
_rule(
    "passive_wish",
    "unsure",
    [
        rf"\b(?:wil|zou|wou)\s+{F2}verdwijnen\b",
        r"\bgeen\s+toekomst\b|\balles\s+is\s+(?:zo\s+)?(?:zinloos|zwart|donker|uitzichtloos)\b|\buitzichtloos\b",
        r"\bgeef\s+het\s+op\b|\bik\s+ben\s+(?:zo\s+)?op\b\s*$",
        r"\bleeg\s+(?:van\s+)?binnen\b|\bvoel\s+(?:me\s+)?(?:zo\s+)?leeg\b",
        rf"\bwil\s+{F2}dat\s+het\s+(?:stopt|ophoudt|over\s+is)\b",
        rf"\bwil\s+{F1}(?:dit|dat|het)\s+{F1}(?:niet|nie)\s+meer\s*(?:[.!,?]|$|😔|😢|😞|💔)",
        r"\bniemand\s+meer\s+vertrouwen\b",
        r"\b(?:denk|dacht|droom|fantaseer)\s+(?:[\w',]+\s+){0,3}(?:aan|over)\s+(?:[\w',]+\s+)?verdwijnen\b",
    ],
    guard=rf"\b(?:{STUDY}|opleiding|stage|dekbed|dekentje|vakantie|buitenland|erasmus|bed\s+tot)\b|\bnaar\s+(?:het\s+)?(?:buitenland|huis)\b",
)

# Suicide: feeling a burden
_OTHERS = r"(?:iedereen|ze|zij|jullie|hun|de\s+wereld|mijn\s+(?:ouders|moeder|vader|familie|vrienden|vriend|vriendin|zus|broer|zusje|broertje|gezin|kinderen)|het\s+gezin|mijn\s+omgeving|mensen)"
_rule(
    "burden",
    "crisis",
    [
        rf"\b{_OTHERS}\s+(?:[\w',]+\s+){{0,3}}beter\s+af\s+(?:[\w',]+\s+){{0,2}}(?:zonder\s+(?:mij|me|zo'?n)|als\s+ik\s+(?:er\s+)?(?:niet|nie|weg|dood))",
        r"\bbeter\s+af\s+(?:[\w',]+\s+){0,2}(?:zonder\s+(?:mij|me)|als\s+ik\s+(?:er\s+)?(?:niet|nie|weg|dood|verdwijn))\b",
        r"\b(?:wereld|iedereen|alles)\s+(?:[\w',]+\s+){0,2}beter\s+(?:[\w',]+\s+)?zonder\s+(?:mij|me)\b",
        rf"\b(?:gelukkiger|beter|makkelijker|rustiger)\s+(?:[\w',]+\s+){{0,3}}als\s+ik\s+er\s+{F1}(?:niet|nie)\s+(?:meer\s+)?(?:was|ben|zou\s+zijn)\b",
        r"\bzonder\s+(?:mij|me)\s+(?:[\w',]+\s+){0,4}(?:beter|makkelijker|gelukkiger|rust|rustiger|lichter)\b",
        r"\b(?:beter|makkelijker|gelukkiger|rustiger|lichter)\s+(?:[\w',]+\s+){0,2}(?:zijn\s+)?zonder\s+(?:mij|me)\b(?!\s+(?:in|bij|op)\b)",
        r"\bbeter\s+af\s+(?:[\w',]+\s+){0,2}als\s+ik\s+(?:[\w',]+\s+){0,2}(?:verdwijn|weg\s+ben|er\s+(?:niet|nie)\s+meer\s+ben)\b",
        rf"\b(?:ben|voel\s+me|ik\s+ben)\s+{F3}(?:een\s+)?(?:last|blok\s+aan\s+het\s+been)\b|\b(?:tot|een)\s+last\s+voor\s+(?:iedereen|mijn\s+(?:ouders|moeder|vader|familie|vrienden|gezin))\b|\btot\s+last\b",
        r"\b(?:verlossen|verlost|bevrijden|bevrijd)\s+(?:[\w',]+\s+){0,2}van\s+(?:mij|me)\b",
        r"\bverpest\s+(?:[\w',]+\s+){0,2}alles\s+voor\s+(?:iedereen|mijn\s+\w+)\b(?=.*\b(?:weg|niet\s+meer|beter|verdwijn)\b)",
    ],
    guard=r"\b(?:groep\w*|team|project\w*|klas|presentatie\w*|stagebegeleider|stage|opdracht|spits|voetbal\w*|training|wedstrijd|groepsapp|app|docent|vragen|bezwaard|leerbedrijf)\b",
)
_rule(
    "burden",
    "unsure",
    [
        rf"\b(?:ik\s+ben|voel\s+me)\s+{F2}(?:waardeloos|nutteloos|niks\s+waard|niets\s+waard)\b|\bverpest\s+alles\s+voor\s+iedereen\b",
    ],
    guard=rf"\b(?:{STUDY}|{SPORT}|excel|koken|stage|opleiding|in\s+dit|in\s+die|bij\s+dit)\b|{JOKE.pattern}",
)

# Suicide: no one would miss me
_rule(
    "not_missed",
    "crisis",
    [
        rf"\bniemand\s+(?:zou|zal|gaat|die)?\s*(?:me|mij|het)?\s*{F2}(?:missen|merken|opvallen|zien|boeien)\b(?!\s+(?:als|wanneer)\s+ik\s+(?:niet\s+)?(?:naar|in|op|bij|mijn|de|een|ziek)\b)",
        rf"\bwie\s+(?:zou|zal|gaat)\s+(?:me|mij)\s+{F2}missen\b|\biemand\s+(?:me|mij)\s+(?:zou|zal)\s+missen\b",
        rf"\b(?:maakt|boeit|uitmaakt)\s+(?:[\w',]+\s+){{0,3}}(?:uit\s+)?(?:of|als)\s+ik\s+(?:er\s+)?{F2}(?:ben|leef|besta|was|dood|er\s+ben|er\s+niet)",
        r"\bmaakt\s+(?:[\w',]+\s+){0,3}(?:niemand|niks|niets|geen\s+mens)\s+(?:[\w',]+\s+){0,2}uit\s+of\s+ik\b|\b(?:niemand|geen\s+mens)\s+(?:[\w',]+\s+){0,2}(?:boeit|maakt)\s+(?:[\w',]+\s+)?(?:het\s+)?(?:uit\s+)?(?:of|als)\s+ik\b",
        r"\bbegrafenis\b(?=.*\b(?:mijn|niemand|ik)\b)",
        r"\bals\s+ik\s+(?:[\w',]+\s+){0,2}(?:dood|weg|verdwenen)\s+(?:ben|was|ga)\b(?=.*\b(?:niemand|boeit|merkt|verschil)\b)",
        r"\bvoor\s+niemand\s+(?:[\w',]+\s+){0,2}(?:uit\s+)?of\s+ik\s+(?:leef|besta|er\s+ben)\b|\bonzichtbaar\b(?=.*\b(?:weg|niemand|dood)\b)",
    ],
    guard=r"\b(?:les|lessen|training|stage|camera|absentie|klas|docent|opdracht|inlever\w*|groepsapp|ziek|vrienden\s+van|mis\s+mijn|ga\s+hem|ga\s+haar|oude)\b",
)

# Suicide: plan or preparation
_MEANS = r"(?:pillen|medicijnen|medicatie|tabletten|paracetamol|slaappillen|strips|oxazepam|ibuprofen|antidepressiva|doos\s+pillen)"
_rule(
    "plan",
    "crisis",
    [
        rf"\b{_MEANS}\s+(?:[\w',]+\s+){{0,4}}(?:gespaard|verzameld|opgespaard|bewaard|verstopt|klaargelegd|klaar\s+liggen|gehamsterd|gekocht)\b(?!\s+voor\s+mijn\s+(?:hoofdpijn|allergie|menstruatie))",
        rf"\b(?:spaar|verzamel|sparen|verzamelen|opgespaard|gespaard)\s+(?:[\w',]+\s+){{0,2}}{_MEANS}\b|\bmijn\s+{_MEANS}\s+opgespaard\b",
        rf"\b{_MEANS}\b(?:\s+\w+){{0,6}}\s+(?:voor\s+later|voor\s+als\s+het|voor\s+straks|genoeg\s+(?:denk|nu)|ermee\s+ga\s+doen|weet\s+(?:nog\s+)?(?:niet|nie)\s+wat\s+ik\s+ermee)",
        rf"\b{_MEANS}\b.*\b(?:heb\s+er\s+nu\s+genoeg|weet\s+(?:[\w',]+\s+)?(?:niet|nie)\s+wat\s+ik\s+ermee\s+ga\s+doen)",
        r"\bafscheids\s*brie\w*|\bafscheidsbericht\w*|\bafscheidsvideo\b",
        rf"\b{_MEANS}\s+(?:aan\s+het\s+|op\s+te\s+)?(?:sparen|verzamelen|opsparen)\b|\b(?:spaar|verzamel)\s+(?:[\w',]+\s+){{0,3}}{_MEANS}\s+op\b",
        r"\bbrie(?:f|ven)\s+(?:[\w',]+\s+){0,2}geschreven\s+voor\s+(?:mijn|mn)\s+(?:ouders|moeder|vader|familie|zus|broer|beste\s+vriend\w*)\b(?=.*\b(?:la|later|straks|zover|als\s+ik|nadat|liggen|ligt)\b)",
        r"\b(?:datum|dag)\s+(?:[\w',]+\s+){0,4}(?:waarop|wanneer)\s+ik\s+het\s+(?:ga|wil|zal)\s+doen\b",
        r"\bbrie(?:f|ven)\s+(?:[\w',]+\s+){0,6}(?:voor\s+als\s+ik|als\s+ik\s+er\s+(?:niet|nie)|voor\s+na\s+mijn\s+dood|als\s+ik\s+weg\s+ben)\b",
        r"\b(?:spullen|alles|kleren|mijn\s+\w+)\s+(?:[\w',]+\s+){0,4}(?:weggegeven|weg\s+gegeven|weggeven|gegeven)\b(?=.*\b(?:(?:niet|nie)\s+meer\s+nodig|waar\s+ik\s+heen\s+ga|als\s+ik\s+er\s+(?:niet|nie)|voor\s+haar\s+zorgen)\b)",
        r"\btouw\b(?=.*\b(?:ophangen|waar\s+ik\s+het|zonder\s+dat\s+ze|vragen\s+stellen|sterk\s+genoeg|mezelf)\b)",
        r"\bweet\s+(?:al\s+)?(?:precies\s+)?(?:hoe|waar|wanneer)\s+ik\s+het\s+(?:ga|wil|zal)\s+doen\b",
        r"\b(?:lig|lag)\s+(?:[\w',]+\s+){0,4}te\s+bedenken\s+hoe\s+ik\s+het\s+zou\s+doen\b",
        r"\b(?:datum|dag)\s+(?:[\w',]+\s+){0,2}(?:gekozen|geprikt|bepaald)\b(?=.*\b(?:stop\s+ik\s+ermee|ermee\s+stoppen|het\s+doen|er\s+niet\s+meer)\b)",
        r"\b(?:opgezocht|gegoogled|googlen|gezocht|zoek\s+op|opzoeken)\s+(?:[\w',]+\s+){0,4}(?:hoe|hoeveel|welke)\b(?=.*\b(?:dood|dodelijk|sterven|pijnloos|overleven|nodig\s+hebt|niet\s+meer\s+wakker)\b)",
        rf"\bhoeveel\s+{_MEANS}\s+(?:[\w',]+\s+){{0,3}}(?:nodig|dodelijk|genoeg|om\s+dood)\b",
        r"\bpijnloos\b(?=.*\b(?:dood|sterven|manier|doen)\b)|\bmanier\s+om\s+(?:dood\s+te\s+gaan|te\s+sterven|er\s+een\s+eind)",
        r"\bwachtwoorden\s+(?:[\w',]+\s+){0,4}(?:gegeven|doorgestuurd)\b(?=.*\b(?:als\s+ik|regelen|straks)\b)",
        r"\balles\s+(?:[\w',]+\s+)?geregeld\b(?=.*\b(?:niemand\s+hoeft|als\s+ik\s+er|voor\s+na|straks\s+zorgen)\b)",
        r"\blaatste\s+keer\s+dat\s+(?:ik|we)\b(?=.*\bbedankt\s+voor\s+alles\b)|\bbedankt\s+voor\s+alles\b(?=.*\b(?:laatste|vaarwel|dag\s+iedereen)\b)",
        r"\bplan\s+(?:[\w',]+\s+){0,3}(?:hoe\s+ik|om)\s+(?:[\w',]+\s+){0,3}(?:einde|eind|dood|doden|er\s+niet\s+meer)\b",
        r"\bmesje\s+(?:[\w',]+\s+){0,3}(?:klaar|klaargelegd)\b(?=.*\b(?:vannacht|vanavond|straks)\b)",
        r"\bstop\s+ik\s+ermee\b(?=.*\b(?:met\s+alles|leven|verjaardag)\b)|\bbesloten\s+(?:[\w',]+\s+){0,6}mee\s+stop\b(?=.*\balles\b)",
    ],
    guard=r"\b(?:hoofdpijn|allergie|menstruatie|kringloop|verhuiz\w*|klimles|klimmen|scriptie|verslag|opdracht|presentatie|project|laptop|nieuwe|afscheidskaart|apotheek\w*|tellen)\b",
)
_rule(
    "plan",
    "unsure",
    [
        r"\b(?:spullen|kleren|alles)\s+(?:[\w',]+\s+){0,3}weggegeven\b",
        r"\btouw\s+(?:gekocht|besteld|kopen)\b",
        rf"\bhoeveel\s+{_MEANS}\b",
        r"\blaatste\s+keer\s+dat\s+(?:ik|we)\s+(?:[\w',]+\s+){0,2}(?:praat|praten|spreek|spreken)\b",
        # "morgen doe ik het", "ik doe het vanavond" with nothing else: when asked about the step
        # it says when (bot.nlp.crisis.assess), elsewhere it is asked about, not alarmed on
        r"\b(?:vanavond|vannacht|morgen|straks|zaterdag|zondag|vrijdag|binnenkort)\s+(?:ga|doe)\s+ik\s+het\b(?!\s*,?\s*(?:dat|die|mijn|het|de|eindelijk)\b)",
        r"^\W*(?:(?:vanavond|vannacht|morgen|straks|zaterdag|zondag|vrijdag|binnenkort)\W+)?ik\s+(?:doe|ga)\s+het\s+(?:vanavond|vannacht|morgen|straks|zaterdag|zondag|vrijdag|binnenkort)(?:\s+doen)?(?:\s+denk\s+ik)?\W*$",
    ],
    guard=rf"\b(?:{STUDY}|kringloop|verhuiz\w*|klim\w*|mag\s+je\s+per|per\s+dag|hoofdpijn|nieuwe|blok|tellen|apotheek\w*)\b",
)

# Suicide: method or place with an intent
_PLACE = (
    r"(?:dak|daken|flat|brug|spoor|spoorlijn|rails|perron|trein|metro|balkon|raam|parkeergarage|toren|"
    r"gracht|kanaal|rivier|zee|snelweg|vrachtwagen|klif|rand|reling|hoogte|afgrond|viaduct|water|"
    r"trappenhuis|galerij|dijk)"
)
_INTENT = (
    r"(?:sorry\s*$|sorry\s+voor\s+alles|vaarwel|spring\w*|sprong|laten\s+vallen|naar\s+beneden|een\s+stap|één\s+stap|doorlopen|door\s+te\s+lopen|"
    r"benen\s+erover|hoog\s+genoeg|trekt|niemand\s+(?:weet|ziet)|wacht\s+(?:op\s+)?(?:de\s+)?(?:volgende|trein)|"
    r"de\s+volgende\s+(?:trein\s+)?komt|stap\s+naar\s+voren|alleen\s+hier|koud\s+en\s+(?:rustig|donker)|"
    r"in\s+te\s+lopen|inlopen|gaan\s+liggen|te\s+gaan\s+liggen|niet\s+terug|(?:ben|was)\s+gegaan|"
    r"waarom\s+ik\s+terug|(?:niet|nie)\s+of\s+ik\s+(?:[\w',]+\s+)?terug|klaar\s+(?:is|zijn)|afspringen|af\s+te\s+springen|ergens\s+af|overleef\w*|"
    r"naar\s+het\s+water\s+(?:heb\s+)?gekeken|een\s+uur\s+gestaan|lang\s+gestaan|uur\s+gezeten|nacht\s+op)"
)
_rule(
    "method_place",
    "crisis",
    [
        r"\b(?:voor|onder)\s+(?:de|een)\s+(?:trein|metro|auto|vrachtwagen|bus|tram)\s+(?:[\w',]+\s+){0,2}(?:springen|spring|lopen|loop|gaan\s+liggen|te\s+springen|stappen|stap|te\s+lopen|te\s+stappen)\b",
        rf"\b(?:spring\w*|sprong)\s+(?:[\w',]+\s+){{0,3}}(?:van|vanaf|uit|voor|onder|op|af)\s+(?:de|het|een|mijn|dat|onze|die)?\s*(?:[\w',]+\s+)?{_PLACE}\b",
        r"\bspring\s+ik\s+(?:[\w',]+\s+){0,2}ergens\s+af\b|\bergens\s+(?:vanaf|af)\s+(?:springen|spring)\b",
        rf"\b(?:sta|stond|zit|zat|zitten|staan|gestaan|gezeten)\b(?:\s+\w+){{0,4}}\s+(?:op|bij|aan|naast|over)\s+(?:de|het|een|onze|mijn|die)\s+(?:[\w',]+\s+)?{_PLACE}\b.*\b{_INTENT}",
        rf"\b(?:op|bij|aan)\s+(?:de|het|een|onze)\s+(?:[\w',]+\s+)?{_PLACE}\b.*\b(?:denk|dacht|twijfel|twijfelde)\s+(?:ik\s+)?(?:[\w',]+\s+){{0,3}}(?:aan\s+)?{_INTENT}",
        rf"\b(?:denk|dacht|denken|fantaseer\w*)\s+(?:[\w',]+\s+){{0,4}}(?:aan|over|om)\s+(?:[\w',]+\s+){{0,4}}(?:te\s+)?(?:springen|voor\s+de\s+trein|van\s+(?:het|de|een)\s+{_PLACE}|het\s+water\s+in|in\s+het\s+water)\b",
        r"\b(?:gestaan|gezeten|stond|zat)\s+(?:[\w',]+\s+){0,2}(?:op|bij)\s+(?:het\s+dak|de\s+rand|de\s+brug|het\s+spoor|de\s+rails|de\s+reling)\b(?=.*\b(?:vannacht|nachts|alleen|gisteravond|uur|nacht)\b)|\b(?:vannacht|nachts|gisteravond)\s+(?:[\w',]+\s+){0,3}op\s+het\s+dak\b",
        r"\bop\s+het\s+dak\s+van\s+(?:onze|de|een|mijn)\s+flat\b(?=.*\b(?:vannacht|nachts|gestaan|alleen)\b)",
        r"\bhoe\s+hoog\s+(?:[\w',]+\s+){0,4}(?:om|voordat|dat)\s+(?:[\w',]+\s+){0,3}(?:dood|overleven|overleeft|zeker\s+te\s+weten|(?:niet|nie)\s+te\s+overleven)\b|\bhoe\s+hoog\s+moet\s+(?:een|de)\s+(?:flat|brug|gebouw|toren)\b",
        rf"\b(?:hoeveel|welke)\s+(?:[\w',]+\s+){{0,3}}{_MEANS}\s+(?:[\w',]+\s+){{0,5}}(?:dodelijk|dood|niet\s+meer\s+wakker|(?:niet|nie)\s+te\s+overleven|genoeg\s+om|om\s+te\s+sterven)\b|\b(?:hoeveel|welke)\s+(?:[\w',]+\s+){{0,2}}(?:is|zijn)\s+dodelijk\b",
        r"\bdodelijke\s+dosis\b|\boverdosis\s+(?:[\w',]+\s+){0,2}(?:nemen|genomen|te\s+nemen)\b",
        rf"\b(?:al|alle)\s+(?:mijn\s+|de\s+)?{_MEANS}\s+(?:[\w',]+\s+){{0,3}}(?:in\s+een\s+keer|in\s+1\s+keer|tegelijk|innemen|nemen|slikken|opnemen|ingenomen|genomen|geslikt)\b",
        rf"\b(?:te\s*veel|een\s+hele\s+(?:strip|doos)|een\s+doos)\s+{_MEANS}?\s*(?:[\w',]+\s+){{0,1}}(?:genomen|geslikt|ingenomen)\b",
        rf"\b{_MEANS}\s+(?:[\w',]+\s+){{0,3}}(?:gepakt|gestolen|gejat)\b(?=.*\b(?:allemaal|nemen|innemen|slikken)\b)",
        r"\b(?:mezelf\s+)?(?:op\s*hangen|ophangen|verhangen)\b(?=.*\b(?:wil|denk|ga|mezelf|zolder)\b)",
        r"\b(?:het\s+water\s+in\s+(?:[\w',]+\s+)?(?:te\s+)?(?:lopen|loop)|verdrinken)\b(?=.*\b(?:wil|denk|dacht|ga|mezelf|door)\b)",
        r"\b(?:een|één|1)\s+stap\b(?=.*\b(?:klaar|voorbij|over|spoor|perron|rand|dak|brug)\b)",
        r"\bpolsen\s+(?:[\w',]+\s+){0,2}(?:doorsnijden|door\s+te\s+snijden|open)\b",
        r"\b(?:op|naar)\s+het\s+spoor\s+(?:gelopen|gegaan)\b|\bop\s+de\s+rails\s+(?:[\w',]+\s+)?(?:liggen|gaan|gelegen)\b",
        rf"\b{_MEANS}\b.*\b(?:ga|neem|slik)\s+(?:ik\s+)?(?:ze|die|alles|het)\s+(?:[\w',]+\s+)?(?:allemaal|in\s+een\s+keer|tegelijk)\b",
        r"\bbrug\s+(?:[\w',]+\s+){0,3}gezeten\b.*\bwater\b",
    ],
    guard=r"\b(?:zwem\w*|duikplank|zomer\w*|vibes|trampoline|parachute|bungee|dakdekker|uitzicht|vertraging|te\s+laat|stage|mag\s+je\s+per|per\s+dag|hoofdpijn|allergie|les\s+over|verslaving|klim\w*|prorail|vraagje\s+voor\s+school|water\s+geven|bruggen\s+ontwerpen)\b",
)

# Suicide: not eating or sleeping because it does not matter any more
_CARE = (
    r"(?:eet|eten|gegeten|at|slaap|slapen|geslapen|sliep|douche|douchen|gedoucht|drink|drinken|"
    r"medicijnen|medicatie|insuline|pillen|zorg\s+(?:[\w',]+\s+){0,2}voor\s+mezelf|zorgen\s+voor\s+mezelf|opstaan|mijn\s+bed)"
)
_NOMATTER = (
    r"(?:maakt\s+(?:[\w',]+\s+){0,2}(?:niet|nie|niks|niets)\s+(?:meer\s+)?uit|wat\s+maakt\s+het\s+uit|boeit\s+(?:[\w',]+\s+){0,2}(?:niet|nie|niks|niets)\s*(?:meer)?|"
    r"kan\s+(?:me|mij)\s+(?:[\w',]+\s+){0,2}(?:niet|nie|niks)\s+(?:meer\s+)?schelen|heeft\s+(?:[\w',]+\s+){0,2}geen\s+zin|"
    r"waarom\s+zou\s+ik|waarvoor\s+zou\s+ik|doet\s+er\s+(?:[\w',]+\s+){0,2}(?:niet|nie)\s+(?:meer\s+)?toe|hoeft\s+(?:[\w',]+\s+){0,3}(?:niet|nie)\s+meer|"
    r"verdien\s+het\s+(?:niet|nie)|mag\s+kapot|wat\s+heeft\s+het\s+voor\s+zin|voelt\s+(?:[\w',]+\s+)?zwart|maakt\s+(?:me\s+)?toch\s+(?:niks|niets|niet)\s+(?:meer\s+)?uit)"
)
_rule(
    "neglect",
    "crisis",
    [
        rf"\b{_CARE}\b.*\b{_NOMATTER}|\b{_NOMATTER}.*\b{_CARE}\b",
        r"\bwaarom\s+zou\s+ik\s+(?:nog\s+)?(?:eten|slapen|opstaan|douchen|mijn\s+medicijnen)\b",
        r"\b(?:stop|gestopt|stoppen)\s+(?:[\w',]+\s+){0,2}met\s+(?:mijn\s+)?(?:insuline|medicijnen|medicatie)\b(?=.*\b(?:hoeft|maakt|boeit|zin|uit)\b)",
        r"\b(?:al\s+)?(?:\d+|twee|drie|vier|vijf|een\s+paar|dagen)\s+(?:dagen\s+)?(?:niet|nie|niks)\s+(?:[\w',]+\s+){0,1}gegeten\b(?=.*\b(?:bed|zwart|schelen|uit|zin|boeit)\b)",
    ],
    guard=r"\b(?:lijn|dieet|cheatday|vegetari\w*|vlees|kantine|te\s+duur|deadline|game\w*|ontbeten|vergeten|waar\s+we|wat\s+ik\s+eet\s+vandaag|tijd\s+om\s+te\s+eten)\b",
)
_rule(
    "neglect",
    "unsure",
    [
        r"\b(?:al\s+)?(?:\d+|twee|drie|vier|vijf|een\s+paar)\s+dagen\s+(?:niet|nie|niks)\s+(?:[\w',]+\s+){0,1}(?:gegeten|geslapen)\b",
        r"\b(?:stop|gestopt)\s+met\s+(?:mijn\s+)?(?:insuline|medicijnen|medicatie)\b",
    ],
    guard=rf"\b(?:{STUDY}|ramadan|vasten|dieet|griep|ziek|buikgriep|dokter|arts|huisarts)\b",
)
