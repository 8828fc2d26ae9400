"""Recognise messages that signal crisis or danger, independently of the intent classifier.

A classifier trained on a few dozen examples cannot cover what students write, so the NLU
pipeline also runs this lexicon and lets a hit win (see ``bot.rasa_components.signals``).
It errs on the side of care: a false alarm costs one caring message, a miss costs more.
Hyperbole ("ik ging dood van het lachen") is recognised and removed before matching.
"""
from __future__ import annotations

import re
from typing import List

# Everyday exaggerations with "dood" and friends that do not signal danger.
_HYPERBOLE = [
    r"\bdood\s*(?:gaan|ging|gingen|ga|gaat)?\s*van\s+(?:het\s+|de\s+)?(?:lachen|schaamte|verveling|de\s+honger|honger|de\s+stress|stress|de\s+zenuwen|zenuwen|kou|hitte|de\s+kou)",
    r"\b(?:schaam|verveel|lach|schrik|werk|zweet|vries|stres)\w*\s+(?:me|mij|je|zich|ons)?\s*(?:bijna\s+|echt\s+|helemaal\s+)?dood\b",
    r"\bdoodmoe\b|\bdoodziek\s+van\b|\bdoodsbang\s+voor\s+(?:de|het|een)\s+(?:toets|tentamen|presentatie|examen)",
    r"\b(?:is|wordt|was)\s+(?:echt\s+)?mijn\s+dood\b",
    r"\bdoodgewoon\b|\bdoodstil\b|\bdoodlopend\w*\b|\bdoodleuk\b",
    r"\bik\s+(?:kan|kon)\s+(?:hem|haar|die\s+\w+|ze)\s+wel\s+(?:vermoorden|doodslaan|wurgen)\b",
]

_CRISIS = [
    # suicidal thoughts
    r"\bzelfmoord\w*|\bsuicid\w*|\bsuïcid\w*|\bzelfdoding\b",
    r"\bwil\s+(?:echt\s+|gewoon\s+)?(?:dood|sterven|doodgaan)\b",
    r"\b(?:ik\s+)?(?:wil|zou)\s+(?:het\s+liefst\s+)?(?:er\s+)?(?:gewoon\s+|echt\s+)?niet\s+meer\s+(?:zijn|leven|bestaan|wakker\s+worden)\b",
    r"\bniet\s+meer\s+(?:willen\s+)?leven\b",
    r"\bzie\s+het\s+(?:echt\s+|allemaal\s+)?niet\s+meer\s+zitten\b",
    r"\bmaak\s+(?:er\s+)?een\s+einde\s+aan\b|\beinde\s+aan\s+(?:mijn|m'n|mn)\s+leven\b|\bmijn\s+leven\s+beëindigen\b",
    r"\b(?:iedereen|jullie|ze)\s+(?:is|zijn)\s+beter\s+af\s+zonder\s+mij\b",
    r"\bvan\s+(?:een|het|de)\s+(?:brug|flat|dak)\s+(?:af\s+)?springen\b|\bvoor\s+de\s+trein\s+(?:springen|gaan\s+liggen)\b",
    r"\b(?:pillen|medicijnen)\s+(?:slikken|innemen)\s+om\b|\boverdosis\b",
    r"\bkill\s+myself\b|\bwant\s+to\s+die\b|\bsuicidal\b|\bend\s+my\s+life\b",
    # self-harm
    r"\bmezelf\s+(?:iets\s+)?(?:aandoen|pijn\s+doen|snijden|krassen|verwonden)\b",
    r"\b(?:snij|kras|verwond|beschadig)\w*\s+(?:me|mij|mezelf)\b",
    r"\bzelfbeschadig\w*\b|\bautomutilatie\b|\bself\s*harm\b",
    r"\bdoe\s+mezelf\s+pijn\b",
    # abuse, violence and danger
    r"\b(?:slaat|sloeg|schopt|mishandelt|misbruikt|bedreigt|dwingt|stalkt|chanteert)\s+(?:me|mij)\b",
    r"\b(?:word|werd|ben)\s+(?:thuis\s+|vaak\s+|steeds\s+)?(?:geslagen|mishandeld|misbruikt|bedreigd|aangerand|verkracht|gechanteerd|gestalkt)\b",
    r"\baangerand\b|\bverkracht\w*\b|\bmishandel\w*\b|\bseksueel\s+misbruik\w*\b",
    r"\bdurf\s+niet\s+(?:meer\s+)?(?:naar\s+huis|thuis\s+te\s+komen)\b",
    r"\bniet\s+veilig\s+(?:thuis|meer)\b|\bvoel\s+me\s+(?:thuis\s+)?niet\s+veilig\b",
    r"\b(?:wil|ga)\s+(?:hem|haar|iemand|ze)\s+(?:vermoorden|doodmaken|iets\s+aandoen)\b",
    # acute distress
    r"\bpaniekaanval\w*\b",
    # "ik kan niet meer" on its own, not "ik kan niet meer naar die les"
    r"\bik\s+kan\s+(?:het\s+)?(?:echt\s+|gewoon\s+|echt\s+gewoon\s+)?niet\s+meer\s*(?:[.!,]|$|\balles\b|\bhelemaal\b|\bhoor\b)",
    r"\b(?:ben|voel\s+me)\s+(?:echt\s+|zo\s+|heel\s+|totaal\s+)?wanhopig\b",
    r"\bhet\s+hoeft\s+(?:voor\s+mij\s+)?niet\s+meer\b",
    r"\b(?:het|alles|mijn\s+leven)\s+heeft\s+(?:allemaal\s+|echt\s+)?geen\s+zin\s+meer\b",
    r"\b(?:iedereen|jullie|ze)\s+(?:is|zijn)\s+beter\s+af\s+als\s+ik\s+er\s+niet\s+(?:meer\s+)?ben\b",
    r"\b(?:een\s+)?plan\s+om\s+(?:er\s+)?een\s+einde\s+aan\s+te\s+maken\b",
    r"\bte\s+veel\s+(?:pillen|pilletjes|medicijnen|tabletten)\s+(?:genomen|geslikt|ingenomen)\b",
    r"\bkras\w*\s+(?:in|op)\s+(?:mijn|m'n)\s+(?:armen|arm|benen|been|polsen|pols)\b",
    r"\b(?:gaat|wil)\s+me\s+(?:vermoorden|doodmaken|iets\s+aandoen|pijn\s+doen)\b",
    r"\b(?:eruit|op\s+straat)\s+(?:gegooid|gezet)\b|\bgeen\s+(?:plek|plaats)\s+om\s+te\s+slapen\b",
    r"\bgeen\s+zin\s+meer\s+(?:om\s+te\s+leven|in\s+(?:het|mijn)\s+leven)\b",
    r"\beind(?:e)?\s+aan\s+(?:mijn\s+leven\s+)?(?:maken|te\s+maken)\b",
    r"\bvan\s+het\s+leven\s+beroven\b",
    r"\bniemand\s+(?:zou|zal)\s+me\s+missen\b",
    r"\bmezelf\s+(?:iets\s+)?(?:aandoe|aan\s+te\s+doen|gesneden|(?:soms\s+|vaak\s+)?pijn\s+(?:doe|doen))\b",
    r"\bdoe\s+mezelf\s+(?:soms\s+|vaak\s+)?pijn\b",
    r"\bpillen\s+gespaard\b",
    r"\b(?:doet|deed)\s+me\s+pijn\b",
    r"\bme\s+(?:gaat|wil)\s+(?:vermoorden|doodmaken)\b",
    r"\bik\s+wil\s+(?:gewoon\s+|echt\s+)?niet\s+meer\s*(?:[.!,]|$)",
    r"\bnooit\s+meer\s+wakker\s+(?:worden|te\s+worden)\b",
    r"\b(?:voorgoed|voor\s+altijd)\s+verdwijnen\b|\bverdwijnen\s+(?:voorgoed|voor\s+altijd)\b",
    # suicidal thoughts said indirectly, and signs of a plan
    r"\bniet\s+meer\s+wakker\s+(?:worden|word|te\s+worden)\b",
    r"\b(?:als|dat)\s+ik\s+er\s+(?:gewoon\s+)?niet\s+(?:meer\s+)?(?:ben|was|zou\s+zijn)\b",
    r"\bbeter\s+af\s+zijn\s+zonder\s+mij\b|\bbeter\s+(?:zijn|wezen)\s+als\s+ik\s+er\s+(?:gewoon\s+)?niet\b",
    r"\b(?:uit\s+maakt|uitmaakt)\s+of\s+ik\s+er\s+(?:nog\s+)?ben\b|\bniks\s+meer\s+uit\s+of\s+ik\s+er\s+ben\b",
    r"\b(?:denk|dacht)\s+(?:\w+\s+){0,3}aan\s+(?:dood\s*gaan|doodgaan|sterven|de\s+dood|er\s+niet\s+meer\s+zijn)\b",
    r"\bhet\s+leven\s+(?:gewoon\s+|echt\s+)?zat\b",
    r"\bniet\s+meer\s+(?:willen\s+)?bestaan\b",
    r"\b(?:wil|zou)\s+(?:\w+\s+){0,2}verdwijnen\s+en\s+nooit\b|\bnooit\s+meer\s+terug\s*komen\b",
    r"\b(?:afscheids?brief|brief\s+(?:\w+\s+){0,4}als\s+ik\s+er\s+niet)",
    r"\bafscheid\s+genomen\b(?!\s+van\s+(?:mijn|de)\s+(?:stage|klas|school|collega))",
    r"\b(?:spullen|alles)\s+(?:\w+\s+){0,2}weggegeven\b",
    r"\bhoeveel\s+(?:pillen|medicijnen|tabletten)\b|\b(?:al\s+)?(?:mijn|m'n)\s+(?:medicijnen|pillen)\s+(?:\w+\s+){0,2}(?:ingenomen|geslikt)\b",
    r"\b(?:spring|springen)\s+(?:ik\s+)?(?:van|voor|onder|op)\s+(?:een|de|het)\s+(?:brug|flat|trein|dak|spoor|metro)\b|\bom\s+te\s+springen\b",
    r"\bop\s+het\s+dak\s+van\s+(?:onze|de|een|mijn)\s+flat\b",
    r"\bvanavond\s+ga\s+ik\s+het\s+doen\b",
    r"\bvolgend\s+jaar\s+ben\s+ik\s+er\s+(?:toch\s+)?niet\s+meer\b",
    r"\b(?:ik\s+)?wil\s+(?:gewoon\s+)?dat\s+alles\s+ophoudt\b",
    r"\b(?:hou|houd)\s+(?:het|dit)\s+(?:echt\s+|gewoon\s+)?(?:niet|nooit)\s+(?:meer\s+)?vol\b|\bhoe\s+lang\s+ik\s+dit\s+nog\s+volhoud\b",
    r"\bwat\s+heeft\s+(?:het|dit)\s+(?:allemaal\s+)?(?:nog\s+)?(?:voor\s+)?zin\b",
    # self-harm described
    r"\b(?:snij|sneed|gesneden|kras|krast|gekrast|brand|gebrand|sla|sloeg|krab)\w*\s+(?:\w+\s+){0,3}(?:mezelf|mijn\s+(?:arm|armen|pols|polsen|benen|been|hoofd))\b",
    r"\bmezelf\s+(?:gebrand|geslagen|gekrast|gesneden|opengekrabd|open\s+gekrabd)\b|\bkrab\s+mezelf\b",
    r"\b(?:in|op)\s+(?:mijn|m'n)\s+(?:arm|armen|pols|polsen)\s+gekrast\b",
    r"\bhet\s+mesje\b|\btot\s+(?:het\s+)?bloed(?:t|en)?\b|\bhoofd\s+tegen\s+de\s+muur\b",
    # abuse, violence, threats
    r"\b(?:geeft|gaf|krijg|kreeg)\s+(?:me\s+|ik\s+)?(?:een\s+)?(?:klap|klappen|schop|trap|stomp)\b",
    r"\b(?:tegen\s+de\s+muur|op\s+de\s+grond)\s+(?:geduwd|gegooid|geslagen)\b|\bin\s+elkaar\s+geslagen\b|\bblauwe\s+plekken\b",
    r"\bzit\s+(?:steeds\s+|vaak\s+|altijd\s+)?aan\s+me\b|\bheeft\s+me\s+vastgepakt\b|\bdingen\s+met\s+me\s+die\s+niet\s+mogen\b",
    r"\b(?:'s|s)\s+nachts\s+(?:\w+\s+){0,2}kamer\s+in\b",
    r"\b(?:sluiten|sluit|sloten)\s+me\s+op\b|\bopgesloten\b",
    r"\b(?:dreig|dreigt|dreigen|dreigde)\w*\s+(?:\w+\s+){0,5}(?:slaan|aan\s+te\s+doen|aandoen|kapot|vermoorden|dood)\b",
    r"\b(?:gaat|wil|komt)\s+me\s+(?:\w+\s+)?(?:opwachten|neersteken|steken|kapot\s*maken|in\s+elkaar\s+slaan|pakken)\b",
    r"\bmaakt\s+me\s+kapot\b|\bme\s+kapot\s*maakt\b|\bme\s+iets\s+aan(?:doet|doen)\b",
    # the same threats in subordinate-clause order: "dat hij me gaat opwachten"
    r"\bme\s+(?:gaat|wil|komt)\s+(?:\w+\s+)?(?:opwachten|neersteken|steken|kapot\s*maken|in\s+elkaar\s+slaan|vermoorden)\b",
    r"\b(?:geeft|gaf|gaven)\s+(?:hij|ze|zij|die)\s+me\s+(?:een\s+)?(?:klap|klappen|schop|trap|stomp)\b",
    r"\bmes\s+(?:gepakt|getrokken)\b|\bbedreigt\b|\bbedreigd\b",
    r"\b(?:moet|dwingen|dwingt|willen\s+dat\s+ik)\s+(?:\w+\s+){0,4}trouwen\b",
    r"\bthuis\s+is\s+(?:het\s+)?(?:niet|nie)\s+veilig\b",
    r"\bbang\s+om\s+(?:naar\s+huis|thuis)\b",
    # no place to live
    r"\bop\s+straat\b|\b(?:huis\s+)?uit\s*gezet\b|\bzet\s+me\s+(?:er\s+)?(?:\w+\s+){0,2}uit\b",
    r"\bgeen\s+(?:huis|dak\s+boven\s+mijn\s+hoofd|slaapplek|plek\s+om\s+te\s+slapen)\s*(?:meer)?\b",
    r"\bslaap\s+(?:\w+\s+){0,3}in\s+(?:de|een)\s+auto\b|\bmag\s+(?:ik\s+)?(?:thuis\s+)?(?:niet|nie)\s+meer\s+(?:thuis\s+)?komen\b",
    # acute distress
    r"\bgeen\s+(?:adem|lucht)\b|\bhart\s+(?:bonkt|gaat\s+(?:zo\s+)?tekeer)\b",
    r"\bkan\s+(?:niet|nie)\s+(?:meer\s+)?stoppen\s+met\s+(?:huilen|trillen)\b",
    r"\bik\s+word\s+gek\b|\balsof\s+ik\s+gek\s+word\b|\bzit\s+in\s+paniek\b",
    r"\bbang\s+voor\s+(?:mijn|m'n)\s+(?:vader|moeder|stiefvader|stiefmoeder|vriend|vriendin|ex|broer|oom)\b",
]

_HYPERBOLE_RE = re.compile("|".join(f"(?:{p})" for p in _HYPERBOLE))
_CRISIS_RE = re.compile("|".join(f"(?:{p})" for p in _CRISIS))


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    # Chat spelling and common typos: "nie", "t", "dod", "zelfmoor(d)", "zelfmord".
    text = re.sub(r"\bnie\b", "niet", text)
    text = re.sub(r"\bt\b", "het", text)
    text = re.sub(r"\bdod\b", "dood", text)
    text = re.sub(r"\bzelfmo(?:or|rd)\w*", "zelfmoord", text)
    text = re.sub(r"\bm(?:'|)n\b", "mijn", text)
    text = re.sub(r"\bk\b", "ik", text)  # "k wil dood"
    text = re.sub(r"\bd(?:'|)r\b", "er", text)
    return re.sub(r"\s+", " ", text)


def prepare(text: str) -> str:
    """Lower case, chat spelling normalised, hyperbole removed: what both detectors read."""
    return _HYPERBOLE_RE.sub(" ", _normalise(text or ""))


def crisis_phrases(text: str) -> List[str]:
    """The crisis expressions of the lexicon found in ``text`` (empty when none)."""
    return [match.group(0).strip() for match in _CRISIS_RE.finditer(prepare(text))]


# The model reads too much into a few words ("als ik zin heb", "weet niet meer"): short
# messages count as crisis only through the lexicon, which covers the short explicit ones.
MODEL_MIN_WORDS = 5


def signals_crisis(text: str) -> bool:
    """The lexicon, or for longer messages the crisis model (``bot.nlp.crisis_model``), sees a crisis."""
    from bot.nlp.crisis_model import THRESHOLD, crisis_probability

    if crisis_phrases(text):
        return True
    return len(prepare(text).split()) >= MODEL_MIN_WORDS and crisis_probability(text) >= THRESHOLD
