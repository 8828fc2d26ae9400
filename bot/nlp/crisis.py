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
    r"\bbang\s+voor\s+(?:mijn|m'n)\s+(?:vader|moeder|stiefvader|stiefmoeder|vriend|vriendin|ex|broer|oom)\b",
]

# Words that make a classifier's crisis guess plausible when the lexicon found nothing.
RISK_WORDS = re.compile(
    r"\b(?:dood\w*|sterven|leven|pijn|bang|angst\w*|sla(?:at|an)|geslagen|pillen|medicijnen|snij\w*|kras\w*|"
    r"mes|einde|zin|veilig|bedreig\w*|vermoord\w*|misbruik\w*|eruit|straat|wanhopig|paniek\w*|kapot|"
    r"niemand|alleen|weg|verdwijnen|ophouden|opgeven|suïcid\w*|zelfmoord\w*)\b"
)

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


def crisis_phrases(text: str) -> List[str]:
    """The crisis expressions found in ``text`` (empty when none)."""
    normalised = _HYPERBOLE_RE.sub(" ", _normalise(text or ""))
    return [match.group(0).strip() for match in _CRISIS_RE.finditer(normalised)]


def signals_crisis(text: str) -> bool:
    return bool(crisis_phrases(text))


def has_risk_words(text: str) -> bool:
    """A weaker signal: words that occur in crisis messages, used to trust the classifier."""
    return bool(RISK_WORDS.search(_HYPERBOLE_RE.sub(" ", _normalise(text or ""))))
