"""The text both crisis readers see: the rules (bot.nlp.crisis) and the trained model
(bot.nlp.crisis_model) read a message normalised (``bot.nlp.normalize``) with hyperbole removed.
Also the one signal between them: when the model changes, cached assessments are forgotten."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.nlp.normalize import normalise

# --- hyperbole, removed before matching -------------------------------------------------------
_HYPERBOLE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in [
            r"\b(?:ik\s+)?(?:ga|ging|gaat|gingen|gaan)\s+(?:bijna\s+|echt\s+|gewoon\s+)?dood\s+(?:van|als|aan|bij|door|in|met|zonder)\b(?:\s+(?!ik\b)\w+){0,4}",
            r"\bdood\s*(?:gaan|ging|gingen|ga|gaat)?\s*van\s+(?:het\s+|de\s+)?(?:lachen|schaamte|verveling|de\s+honger|honger|de\s+stress|stress|de\s+zenuwen|zenuwen|kou|hitte|de\s+kou|de\s+dorst|dorst)",
            r"\b(?:schaam|verveel|lach|schrik|werk|zweet|vries|stres|ergerde?|erger)\w*\s+(?:me|mij|je|zich|ons)?\s*(?:bijna\s+|echt\s+|helemaal\s+|gewoon\s+)?dood\b",
            r"\bdood(?:moe|ziek|op|leuk|gewoon|stil|normaal|serieus|simpel|eng|saai|nerveus|zonde)\b|\bdoodlopend\w*",
            r"\bdoodsbang\s+voor\s+(?:de|het|een|mijn)\s+(?:toets|tentamen|presentatie|examen|sollicitatie\w*|spin\w*|rijexamen)\w*",
            r"\b(?:is|wordt|was|word)\s+(?:echt\s+|nog\s+)?(?:mijn|je|de)\s+dood\b",
            r"\b(?:kan|kon)\s+(?:hem|haar|die\s+\w+|ze|hun)\s+wel\s+(?:vermoorden|doodslaan|wurgen|afmaken)\b",
            r"\b(?:vermoord|vermoordt|vermoorden|afmaken|maakt)\s+(?:me|mij|ons)\s+(?:af\s+)?als\s+ik\s+(?:[\w',]+\s+){0,3}(?:te\s+laat|weer|niet\s+op\s+tijd|die|dat|mijn|het)\b",
            r"\b(?:mijn\s+)?(?:laptop|telefoon|batterij|accu|plant|planten|fiets|oplader|game|wifi|server|printer)\s+(?:is|was|gaat|ging)\s+(?:[\w',]+\s+){0,2}dood\b",
            r"\b(?:de|die|deze|dat|het)\s+(?:les|toets|presentatie|training|dag|week|film|docent|college|opdracht)\s+(?:[\w',]+\s+){0,3}(?:was|is)\s+(?:echt\s+|zo\s+)?(?:een\s+)?(?:zelfmoord|dodelijk|moordend|killing|de\s+dood)\b",
            r"\b(?:sociale|academische|politieke)\s+zelfmoord\b|\bis\s+(?:echt\s+|gewoon\s+)?zelfmoord\b|\bzelfmoord\s*(?:missie|actie)\b",
            r"\bik\s+word\s+gek\s+van\b|\bmaakt\s+me\s+(?:echt\s+)?gek\b",
            # a panic attack that is over: "ik had een paniekaanval voor mn presentatie vorige week
            # maar het ging uiteindelijk wel"
            r"\b(?:had|heb)\s+(?:[\w']+\s+){0,3}paniekaanval\w*\s+(?:gehad\s+)?(?:[\w',]+\s+){0,6}?(?:maar|nu)\s+(?:[\w',]+\s+){0,3}(?:gaat|ging)\s+(?:het\s+)?(?:[\w']+\s+)?(?:wel|weer|goed|prima)\b",
            # a thing, not a person, that "kills" the student: "die wiskundesom slaat me dood"
            r"\b(?:die|deze|dat|de|het|dit)\s+\w*(?:som|sommen|toets|les|huiswerk|opdracht|vak|rooster|hitte|verveling|stress|examen|verslag)\s+(?:slaat|maakt)\s+(?:me|mij)\s+(?:echt\s+)?(?:dood|af)\b",
            r"\bspring\w*\s+(?:bijna\s+)?uit\s+(?:mijn|je)\s+vel\b|\bdoor\s+de\s+grond\s+zakken\b",
            r"\bsla\s+mezelf\s+(?:[\w',]+\s+){0,2}voor\s+(?:mijn|de|m'n)\s+kop\b|\bkan\s+mezelf\s+wel\s+(?:slaan|schoppen)\b",
            r"\b(?:snij|sneed|snijd)\s+(?:ik\s+)?(?:me|mij|mezelf)\s+(?:[\w']+\s+){0,2}in\s+(?:mijn|mn|m'n|de)\s+(?:vinger|duim)\w*",
            r"\bzo\s+(?:cringe|genant|awkward|beschamend|ongemakkelijk)\s+dat\s+ik\s+(?:[\w']+\s+){0,2}(?:wou|wilde|wil)\s+(?:[\w']+\s+)?(?:sterven|dood|doodgaan|verdwijnen)\b",
            # qualities and other people, not distress of the student: "niet opgeven", "als
            # iemand in paniek is", "als niemand anders het doet"
            r"\b(?:geef|gaf|geven)\s+(?:[\w',]+\s+){0,2}(?:niet|nooit)\s+(?:zo\s+)?(?:snel\s+|zomaar\s+|makkelijk\s+)?op\b|\b(?:niet|nooit)\s+(?:zo\s+)?(?:snel\s+|zomaar\s+)?opgeven\b|\bopgeven\s+is\s+geen\s+optie\b",
            r"\b(?:als|wanneer|toen|die|dat|waar)\s+(?:iemand|een\s+\w+|mijn\s+\w+|hij|zij|ze|mensen|klanten|kinderen|patienten|clienten|bewoners|collega'?s)\s+(?:[\w',]+\s+){0,3}(?:in\s+paniek|paniekerig|een\s+paniekaanval)\s*(?:is|was|raakt|raakte|zijn|waren|heeft|had|kreeg|krijgt|schiet|schoot)?\b",
            r"\b(?:iemand|mensen|klanten|kinderen|patienten|clienten)\s+(?:die\s+)?in\s+paniek\b",
            # someone else's panic attack told as the student's experience: "een jongen in mijn
            # klas had een paniekaanval en ik ben bij hem gebleven"
            r"\b(?:een|die|de|mijn|haar|zijn)\s+(?:[\w']+\s+){0,4}?(?:jongen|meisje|vriend\w*|klasgenoot|klasgenote|collega|client|cliente|patient|patiente|kind|kindje|man|vrouw|mevrouw|meneer|zus|zusje|broer|broertje|moeder|vader|bewoner|bewoonster|leerling|baby|oma|opa|peuter|kleuter)\s+(?:[\w',]+\s+){0,6}?(?:had|kreeg|heeft|krijgt)\s+(?:een\s+|weer\s+een\s+)?(?:paniekaanval|angstaanval|hyperventilatie\w*)\b",
            r"\b(?:hij|zij|ze)\s+(?:had|kreeg|heeft|krijgt)\s+(?:een\s+|weer\s+een\s+)?(?:paniekaanval|angstaanval)\b",
            r"\b(?:had|kreeg|heeft|krijgt)\s+(?:een|die|mijn|de|onze)\s+(?:[\w']+\s+){0,2}?(?:jongen|meisje|vriend\w*|klasgenoot|klasgenote|collega|client|cliente|patient|patiente|kind|kindje|man|vrouw|mevrouw|meneer|zus|zusje|broer|broertje|bewoner|bewoonster|leerling|peuter|kleuter)\s+(?:[\w',]+\s+){0,3}?(?:een\s+)?(?:paniekaanval|angstaanval)\b"
            # and what happened to them then: "... en kreeg ze geen lucht"
            r"(?:\s+en\s+(?:kreeg|kon|had|begon)\s+(?:ze|hij|zij)\b[^.,!?]*)?",
            # someone else who hyperventilates or panics, told as what the student saw or did:
            # "ik zag dat mijn collega begon te huilen en te hyperventileren" (not "mijn collega
            # zei dat ik begon te hyperventileren": no "ik" in between)
            r"\b(?:een|die|de|mijn|haar|zijn|onze)\s+(?:[\w']+\s+){0,3}?(?:jongen|meisje|vriend\w*|klasgenoot|klasgenote|collega|client|cliente|patient|patiente|kind|kindje|man|vrouw|mevrouw|meneer|zus|zusje|broer|broertje|moeder|vader|bewoner|bewoonster|leerling|klant|passagier|gast|oma|opa)\s+(?:(?!ik\b|me\b|mij\b)[\w',]+\s+){0,6}?(?:begon|begint|ging|gaat|raakte|raakt|was|is|stond|zat|lag)\s+(?:(?!ik\b|me\b|mij\b)[\w',]+\s+){0,4}?(?:te\s+)?(?:hyperventil\w*|in\s+paniek|paniekerig)\b",
            r"\b(?:hij|zij|ze)\s+(?:begon|begint|ging|raakte|was|stond)\s+(?:(?!ik\b|me\b|mij\b)[\w',]+\s+){0,4}?(?:te\s+)?(?:hyperventil\w*|in\s+paniek)\b|\b(?:hij|zij|ze)\s+hyperventileer\w*",
            # someone else's wounds, seen and asked about: "ik zag dat mijn collega steeds wondjes op
            # haar armen had"
            r"\b(?:een|die|de|mijn|onze|deze)\s+(?:[\w']+\s+)?(?:jongen|meisje|vriend\w*|klasgenoot|klasgenote|collega|client|cliente|patient|patiente|bewoner|bewoonster|leerling|zus|zusje|broer|broertje)\s+(?:(?!ik\b|me\b|mij\b)[\w',]+\s+){0,6}?(?:(?:had|heeft|kreeg)\s+(?:[\w',]+\s+){0,2}?)?(?:wondjes|sneetjes|snijwondjes|littekens|krassen|sneeen)\s+op\s+(?:haar|zijn|hun)\s+\w+(?:\s+(?:had|heeft|kreeg))?",
            # someone else who took too many pills, told from work or home: "de patient had te
            # veel pillen genomen"
            r"\b(?:een|die|de|mijn|haar|zijn|onze|deze)\s+(?:[\w']+\s+)?(?:client|cliente|patient|patiente|bewoner|bewoonster|jongen|meisje|man|vrouw|mevrouw|meneer|jongere|collega|klasgenoot|klasgenote|vriend|vriendin|moeder|vader|broer|zus|oom|tante|buurman|buurvrouw)\s+(?:(?!ik\b)[\w',]+\s+){0,3}?(?:had|heeft|nam|neemt|slikte|was)\s+(?:[\w',]+\s+){0,3}?(?:pillen|medicijnen|tabletten|paracetamol|overdosis)\b[^.,!?]*",
            # someone else who eats (almost) nothing: "een meisje uit mijn klas at bijna niks meer"
            r"\b(?:een|mijn|die|de|onze)\s+(?:[\w']+\s+){0,1}(?:jongen|meisje|vriendin|vriend|klasgenoot|klasgenote|collega|zus|zusje|broer|broertje|client|patient|bewoner|leerling)\s+(?:[\w',]+\s+){0,4}?(?:at|eet|aten|eten)\s+(?:bijna\s+|nauwelijks\s+|haast\s+)?(?:niks|niets|niet)\b(?:\s+meer)?",
            # a client, patient or pupil described at work or in class: "een client die
            # suicidaal was", "een bewoner dreigde zichzelf iets aan te doen", "gesprekken over
            # mishandeling" (the student's own words use "ik", "me" and "mijn")
            r"\b(?:een|de|die|het|onze|deze)\s+(?:[\w']+\s+)?(?:client|clienten|patient|patienten|bewoner|bewoners|jongere|jongeren|kinderen|leerling|leerlingen|gedetineerde|slachtoffer|slachtoffers|verdachte|melder|beller|bellers)\s+die\s+[^.,!?]*",
            r"\bzichzelf\s+(?:[\w']+\s+){0,3}(?:aan\s+te\s+doen|aandoen|aandeed|te\s+doden|doodde|pijn\s+(?:te\s+)?doen|sneed|snijdt|verwondde|van\s+het\s+leven\s+\w+)\b",
            r"\b(?:gesprek\w*|les|lessen|training|voorlichting|cursus|workshop|lezing|folder|artikel|verslag|werkstuk|boek|film|docu\w*|serie|protocol|scholing|college|presentatie|melding\w*|casus|casussen)\s+(?:[\w']+\s+){0,3}?over\s+(?!mijn\b)(?:[\w']+\s+){0,2}?(?:mishandeling|misbruik|huiselijk\s+geweld|zelfmoord|zelfdoding|suicide|zelfbeschadiging|eetstoornis|eetstoornissen|anorexia|boulimia|paniekaanvallen|paniekaanval|verslaving|overdosis|seksueel\s+geweld)\w*"
            # and what the lesson went on about, up to the student's own words: "een les over
            # eetstoornissen, over meiden die laxeermiddelen gebruiken"
            r"(?:[^.!?]*?(?=\b(?:ik|me|mij|mijn|mezelf)\b)|[^.!?]*)",
            # what someone else said about themself ("iemand die zegt dat hij niet meer wil
            # leven"), unless it is about the student ("zegt dat ze me vermoordt")
            r"\b(?:zegt|zei|zeggen|zeiden|vertelde|vertelt|schreef|appte)\s+dat\s+(?:hij|zij|ze)\b(?![^.,!?]*\b(?:me|mij|mijn)\b)[^.,!?]*",
            r"\b(?:als|wanneer|toen|omdat|waar)\s+niemand\s+anders\b(?:\s+(?!ik\b)[\w']+){0,4}|\bniemand\s+anders\s+(?:het\s+)?(?:doet|deed|wil|wilde|durfde|durft|pakt|pakte|neemt|nam)\b",
        ]
    )
)


# A sentence and the punctuation after it (both crisis readers split messages this way).
SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
# What may be left of a sentence once its hyperbole or quality phrase is gone, and carries
# nothing: "ik geef niet snel op denk ik." leaves "ik denk ik.", which the model, having read
# "ik denk aan zelfmoord" many times, scored 0.82.
_HOLLOW = frozenset(
    "ik je jij hij zij ze we wij het dat dit de een en maar of dus ook wel toch nou echt gewoon "
    "hoor denk dacht vind vond zeg zei is was ben zijn snel zo heel erg altijd nooit eigenlijk "
    "meestal vaak soms best dan als want haha lol".split()
)


def _without(sentence: str) -> str:
    """One sentence with its hyperbole removed; nothing when only hollow words are left."""
    kept = _HYPERBOLE.sub(" ", sentence)
    if kept == sentence:
        return sentence
    words = re.findall(r"[\w']+", kept)
    return kept if any(w not in _HOLLOW for w in words) else " "


def prepare(text: str) -> str:
    """Normalised (``bot.nlp.normalize``), hyperbole removed: what the rules and the model read."""
    normalised = normalise(text or "")
    if not _HYPERBOLE.search(normalised):
        return normalised
    return "".join(_without(s) for s in SENTENCE.findall(normalised)) or " "


_model_listeners: list[Callable[[], None]] = []


def on_model_change(callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever another crisis model is put in use (bot.nlp.crisis clears its caches)."""
    if callback not in _model_listeners:
        _model_listeners.append(callback)


def model_changed() -> None:
    for callback in list(_model_listeners):
        callback()
