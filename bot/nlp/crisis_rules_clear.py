"""Clear statements: what a student says in so many words about themself, in any word order and
with chat filler in between, that needs the full crisis reply at once.

The rules of ``bot.nlp.crisis_rules`` and ``bot.nlp.crisis_rules_harm`` catch the phrasings they
were written on; these catch the same meaning more loosely, but only as a first-person fact or
wish (an explicit wish to die, a plan or a place, self-harm, abuse and neglect at home,
purging and starving). Such a hit is never dropped by the model's veto nor lowered by the
answer context (``bot.nlp.crisis``): those judge weak evidence, and a clear statement is not.
Their guards are narrow on purpose: talk about other people, work with clients and lessons.
The text is normalised first ("mn" is "mijn", "nie" is "niet", "k" is "ik").
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.nlp.crisis_rules import FAMILY, _Rule
from bot.nlp.crisis_rules import _rule as _add_rule

CLEAR_RULES: list[_Rule] = []


def _rule(category: str, patterns: Iterable[str], guard: str | None = None) -> None:
    _add_rule(category, "crisis", patterns, guard, into=CLEAR_RULES, clear=True)


# Filler between the words of a statement: up to n words that neither negate nor start another
# clause about someone else ("ik wil eigenlijk alleen nog maar dood", not "ik wil dat hij dood").
_STOP = (
    r"(?:niet|nie|geen|nooit|niks|niets|dat|die|hij|zij|ze|je|jij|hem|haar|jou|hun|als|of|want|"
    r"omdat|en|wie|wat|iemand|mensen|hoe)"
)


def _gap(n: int) -> str:
    return rf"(?:(?!{_STOP}\b)[\w']+,?\s+){{0,{n}}}"


G2, G4, G6 = _gap(2), _gap(4), _gap(6)
# Someone else as the subject, or the student's work with others: the statement is not theirs.
_WORK_TALK = (
    r"\b(?:jongeren|client\w*|patient\w*|bewoner\w*|leerling\w*|personage|karakter)\b|\bhoe\s+je\b|"
    r"\b(?:les|lessen|training|cursus|college|casus|voorlichting|presentatie|verslag|werkstuk|film|"
    r"serie|boek|docu\w*|preventie|protocol)\b"
)
_OTHERS = (
    rf"\b(?:hij|zij|iemand|mensen|kinderen|klasgenoot|klasgenote|collega\w*|zich|zichzelf|gedetineerde\w*)\b|"
    rf"\been\s+(?:meisje|jongen|vrouw|kind|meid)\b|{_WORK_TALK}"
)
_DEATH = r"(?:dood|sterven|doodgaan|dood\s+gaan)"
# When something is to happen ("vanavond", "dit weekend"): in a plan here, and in the step's
# date at a step question (bot.nlp.crisis).
TIME = (
    r"(?:vanavond|vannacht|morgen|overmorgen|straks|zo|nu|zaterdag|zondag|maandag|dinsdag|woensdag|"
    r"donderdag|vrijdag|dit\s+weekend|volgende\s+week|na\s+mijn\s+verjaardag|binnenkort)"
)

# --- an explicit wish to die, in any word order -----------------------------------------------
_rule(
    "active_suicide",
    [
        rf"\bik\s+(?:wil|wou|wilde)\s+{G6}{_DEATH}\b(?!\s+(?:van|op|in|bij|aan)\b)",
        rf"\b(?:wil|wou)\s+ik\s+{G4}{_DEATH}\b(?!\s*\?)",
        rf"^\W*(?:wil|wou)\s+{G2}{_DEATH}\W*$",
        rf"^\W*{_DEATH}\W+(?:[\w']+\s+){{0,8}}(?:wat|dat)\s+(?:is\s+)?(?:wat\s+)?ik\s+(?:wil|wou)\b",
        rf"\b{_DEATH}\s+(?:wil|wou)\s+ik\b(?!\s+(?:niet|nie)\b)",
        rf"\b(?:liever|liefst)\s+{G4}(?:dood|sterven)\b|\b(?:zou|ben)\s+ik\s+{G2}liever\s+dood\b",
        rf"\bik\s+(?:wil|wou|zou\s+willen)\s+{G4}(?:niet|nie)\s+(?:eens\s+|echt\s+|gewoon\s+)?meer\s+(?:leven|bestaan|zijn|wakker\s+worden)\W*(?:$|[.,!]|\bik\b|\bwant\b|\bmaar\b)",
        rf"\bik\s+wil\s+{G2}(?:niet|nie)\s+(?:meer\s+)?(?:bestaan|leven)\b(?!\s+(?:met|van|zonder|in|als|op|voor|bij|zoals|onder|naast|alleen|hier|daar)\b)",
        rf"\b(?:wil|ga)\s+{G4}stoppen\s+met\s+(?:leven|bestaan|ademen)\b|\bophouden\s+met\s+(?:bestaan|leven)\b",
        rf"\bik\s+(?:wil|ga|zal|denk\s+erover|denk\s+eraan)\s+{G4}(?:om\s+)?er\s+{G2}(?:een\s+)?eind(?:e)?\s+aan\s+(?:te\s+)?maken\b(?!\W*(?:met|aan)\b)",
        rf"\b(?:mijn\s+)?leven\s+{G2}(?:te\s+)?(?:beeindigen|beindigen|nemen)\b|\beinde?\s+aan\s+mijn\s+leven\b",
        r"\b(?:een\s+)?(?:zelfmoord)?poging\s+(?:gedaan|ondernomen)\b|\b(?:vorig\s+jaar|al\s+eens|al\s+een\s+keer|ooit)\s+(?:[\w']+\s+){0,3}(?:een\s+)?poging\s+gedaan\b",
        rf"\bik\s+(?:denk|pieker|fantaseer)\s+{G4}(?:aan|over)\s+(?:zelfmoord|zelfdoding|mezelf\s+(?:doden|ophangen|van\s+kant))",
        r"\bik\s+maak\s+er\s+(?:nu\s+|gewoon\s+|vandaag\s+)?(?:een\s+)?eind(?:e)?\s+aan\W*(?:$|[.,!])",
        r"\bpunt\s+achter\s+(?:zetten\W+)?(?:achter\s+)?(?:mijn\s+leven|alles|het\s+leven)\b",
        r"\bmezelf\s+(?:[\w']+\s+){0,2}van\s+kant\s+(?:[\w']+\s+){0,2}maken\b|\bmezelf\s+(?:[\w']+\s+){0,3}(?:moet|wil|ga)\s+(?:doden|ophangen|vermoorden)\b",
        r"\b(?:gedachten?|gedachtes|idee)\s+(?:[\w']+\s+){0,2}om\s+te\s+stoppen\s+met\s+leven\b",
        r"\b(?:snelste|makkelijkste|pijnloze|pijnloosste|beste|zekerste)\s+manier\s+(?:[\w']+\s+){0,2}om\s+(?:[\w']+\s+){0,2}(?:dood\s+te\s+gaan|te\s+sterven|zelfmoord|er\s+een\s+eind)",
        r"\bbesloten\b.*\bmijn\s+laatste\s+(?:dag|week|avond|nacht)\b",
        r"\b(?:dood\s+zijn|dood\s+gaan|doodgaan|sterven|(?:niet|nie)\s+meer\s+leven|er\s+(?:niet|nie)\s+meer\s+zijn)\s+(?:lijkt|is)\s+(?:me\s+|mij\s+)?(?:[\w']+\s+){0,3}(?:fijner|beter|rustiger|makkelijker|fijn|rustig|vredig|heerlijk|een\s+opluchting|een\s+verlossing)\b",
        r"\b(?:zelfmoord|zelfdoding|doodgaan|dood\s+gaan|sterven)\s+(?:lijkt|is)\s+(?:me\s+|mij\s+)?(?:echt\s+)?(?:de\s+)?(?:enige\s+)?(?:uitweg|oplossing)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:niet|nie|nooit|geen)\s+(?:[\w']+\s+){{0,2}}{_DEATH}\b|\b(?:roken|relatie|vriendschap|abonnement|samenwerking|verkering)\b|\bbedoel\s+ik\b|\bik\s+bedoel\b",
)

# --- a passive wish to be dead, said outright ---------------------------------------------------
_rule(
    "passive_wish",
    [
        rf"\b(?:hoop|wou|wens|wilde|zou\s+willen)\s+{G4}dat\s+ik\s+(?:er\s+)?{G4}(?:niet|nooit)\s+(?:meer\s+)?(?:was|ben|besta|bestond|zou\s+zijn|was\s+geweest|geboren|wakker\s+(?:word|werd))\b",
        rf"\bhoef\s+{G4}(?:niet|nie)\s+meer\s+(?:zo\s+nodig\s+)?te\s+(?:leven|bestaan)\b",
        rf"\b(?:hoop|wou|wens|wilde)\s+{G4}dat\s+ik\s+{G2}(?:doodga|dood\s+ga|sterf|dood\s+ben|dood\s+was|overlijd|doodging)\b",
        rf"\bwaarom\s+(?:moet|zou|ben|leef)\s+ik\s+{G4}(?:nog\s+)?(?:leven|bestaan|doorgaan|er\s+nog|nog)\W*(?:$|[.,!?]|\bserieus\b|\beerlijk\b)",
        r"\b(?:zie|snap)\s+(?:[\w']+\s+){0,2}(?:het\s+)?nut\s+(?:van|in)\s+(?:het\s+|mijn\s+|dit\s+)?leven\s+(?:[\w']+\s+)?(?:niet|nie)\b|\b(?:geen|niet)\s+(?:[\w']+\s+)?nut\s+(?:meer\s+)?(?:van|in)\s+(?:het\s+|mijn\s+|dit\s+)?leven\b",
        r"\bgeen\s+zin\s+(?:meer\s+)?in\s+(?:het\s+|mijn\s+|dit\s+)?leven\b",
        r"\b(?:no\s+one|nobody)\s+would\s+(?:even\s+)?(?:care|notice|miss\s+me)\s+if\s+i\s+(?:was|were|died|disappeared|was\s+gone)\b",
        r"\bhad\s+ik\s+(?:het\s+)?(?:[\w']+\s+){0,5}maar\s+(?:niet|nie)\s+(?:gehaald|overleefd)\b",
        r"\b(?:niet|nie)\s+erg\s+(?:[\w']+\s+){0,3}als\s+ik\s+(?:[\w']+\s+){0,3}(?:nooit\s+meer\s+wakker|niet\s+meer\s+wakker|doodging|dood\s+ging|het\s+niet\s+red|verongeluk\w*)\b|\bals\s+ik\s+(?:[\w']+\s+){0,3}(?:nooit\s+meer\s+wakker\s+werd|doodging|dood\s+ging|verongelukte|zou\s+verongelukken)\b.*\b(?:niet\s+erg|prima|fijn|opluchting|ook\s+goed)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:les|toets|tentamen|presentatie|stage\s+bij|opleiding\s+bij)\b",
)

# --- a plan, a date, means at hand, a place -------------------------------------------------------
_MEANS = r"(?:pillen|medicijnen|medicatie|tabletten|paracetamol|slaappillen|strip|touw|mes|mesje|scheermes\w*)"
_PLACE_NOW = (
    r"(?:spoor|rails|brug|dak|rand|balkon|vensterbank|reling|viaduct|flat|kanaal|water|gracht|rivier|"
    r"perron|snelweg)"
)
_rule(
    "plan",
    [
        rf"\b(?:plan|bedacht|besloten|uitgezocht|weet\s+al)\s+{G4}(?:hoe|waar|wanneer)\s+ik\s+het\s+(?:ga|wil|zal)\s+doen\b(?!\s+(?:met|voor|bij|op)\b)",
        rf"\b{TIME}\s+(?:[\w']+\s+){{0,3}}(?:ga|doe)\s+ik\s+het\b(?=.*\b(?:vrede|afscheid|geregeld|voorbereid|klaar|weg\s+zijn|weg\s+is|alleen\s+thuis|niemand\s+thuis|laatste|last)\b)",
        rf"\b(?:dan|daarna)\s+doe\s+ik\s+het\b(?=.*\b(?:weg|alleen|niemand|geregeld|klaar|{TIME})\b)",
        rf"^(?=.*\b(?:weg|alleen\s+thuis|niemand\s+thuis|{TIME})\b).*\b(?:dan|daarna)\s+doe\s+ik\s+het\W*$",
        r"\b(?:spaargeld|spullen|geld|alles|kleren)\b.*\b(?:overgemaakt|weggegeven|verdeeld|verkocht|gegeven)\b.*\b(?:nergens\s+meer|niet\s+meer)\s+(?:voor\s+)?nodig\b",
        r"\bspullen\s+(?:[\w']+\s+)?verdeeld\b(?=.*\b(?:gaat\s+naar|krijgt|voor\s+mijn)\b)",
        r"\bvoor\s+na\s+mij\b|\bna\s+mij\W*$|\bvoor\s+na\s+mijn\s+dood\b",
        r"\bsorry\s+voor\s+alles\b.*\bbrie(?:f|fje|fjes|ven)\b",
        rf"\bbesloten\s+{G4}(?:dat\s+)?ik\s+het\s+{G4}(?:ga|wil|zal)\s+doen\b",
        rf"\balles\s+(?:al\s+)?(?:voorbereid|klaargelegd|klaar\s+liggen|ligt\s+klaar|geregeld)\b(?=.*\b(?:{TIME}|ga\s+doen|het\s+doen|toekomst|niet\s+meer)\b)",
        r"\b(?:datum|dag)\s+(?:[\w']+\s+){0,2}(?:gekozen|geprikt|bepaald)\b",
        r"\b(?:spullen|alles)\s+(?:[\w']+\s+){0,3}weggegeven\b(?=.*\ber\s+(?:[\w']+\s+){0,2}(?:niet|nie)\s+meer\b)",
        r"\b(?:briefje|brief|afscheidsbrief)\s+(?:[\w']+\s+){0,2}(?:schrijf|schrijven|geschreven)\b(?=.*\b(?:stop\s+ik\s+ermee|ermee\s+stoppen|er\s+(?:niet|nie)\s+meer)\b)",
        r"\bgeoefend\b(?=.*\bhoe\s+ik\s+het\b)",
        rf"\b{_MEANS}\b(?=.*\b(?:neem|slik)\s+ik\s+ze\b)|\b(?:neem|slik)\s+ik\s+ze\s+(?:allemaal|in\s+een\s+keer|{TIME})\b",
        rf"\b(?:een|mijn|het)\s+{_MEANS}\s+(?:[\w']+\s+){{0,4}}(?:en\s+)?ik\s+wil\s+het\s+doen\b",
        r"\b(?:dit\s+is\s+)?mijn\s+laatste\s+bericht\b|\bdit\s+is\s+(?:het\s+)?laatste\s+wat\s+(?:ik|je)\b",
        r"\b(?:dan|straks|vrijdag|zaterdag|zondag|morgen|volgende\s+week)\s+ben\s+ik\s+er\s+(?:niet|nie)\s+meer\W*(?:$|[.,!])",
        r"\bgenoeg\s+(?:bij\s+elkaar|verzameld|gespaard)\s+(?:[\w']+\s+)?om\s+het\s+te\s+doen\b|\bwie\s+wat\s+krijgt\b",
    ],
    guard=rf"{_OTHERS}|\b(?:feest\w*|verhuizing|verhuis\w*|vakantie|toets|tentamen|examen|stage\s+(?:loop|zoek)|huiswerk|opdracht|rijexamen|sollicitatie\w*)\b",
)
_rule(
    "method_place",
    [
        rf"\bik\s+(?:sta|zit|lig|ben)\s+(?:nu\s+|hier\s+|al\s+)?(?:[\w']+\s+)?(?:op|bij|aan|naast|over)\s+(?:het|de|een)\s+(?:[\w']+\s+)?{_PLACE_NOW}\b(?=.*\b(?:help|nu|springen|spring|wil|erin|er\s+(?:[\w']+\s+)?in|eraf|benen|eroverheen|laatste|niet\s+meer|makkelijk|hoog|beneden|snel\s+gaan|opzij)\b)",
        rf"(?:\bik\s+|^\W*)(?:sta|zit|ben|lig)\s+(?:nu\s+|hier\s+)?(?:op|bij|aan|naast)\s+(?:het|de|een)\s+(?:[\w']+\s+)?{_PLACE_NOW}\b(?=.*\b(?:help|springen|spring|erin|er\s+(?:[\w']+\s+)?in|eraf|benen|makkelijk|hoog|beneden|snel\s+gaan|opzij)\b)",
        rf"\bhelp\b.*\bik\s+(?:sta|zit|lig|ben)\s+(?:nu\s+|hier\s+)?(?:op|bij|aan|naast)\s+(?:het|de|een)\s+(?:[\w']+\s+)?{_PLACE_NOW}\b",
        r"\bik\s+(?:sta|zit|ben)\s+nu\s+(?:op|bij|aan)\s+(?:het|de|een)\s+(?:[\w']+\s+)?(?:spoor|rails|rand|dak|reling|brug|viaduct)\b(?!.*\b(?:goot|schoonmaken|repareren|zonnepanelen|klussen|antenne|werk)\b)",
        r"\bnaar\s+(?:het\s+spoor|de\s+rails)\s+(?:loop|ga|fiets)\b",
        r"\b(?:brug|flat|dak|toren|viaduct|parkeergarage)\b.*\bhoog\s+genoeg\b|\bhoog\s+genoeg\b.*\b(?:springen|spring|brug|flat|dak)\b",
        r"\bik\s+(?:zit|lig|sta)\s+(?:nu\s+)?op\s+(?:het\s+spoor|de\s+rails|de\s+rand|de\s+reling|de\s+vensterbank)\b",
        r"\bbenen\s+(?:[\w']+\s+){0,2}(?:buiten|over\s+de\s+rand|eroverheen)\b",
        rf"\bspring\s+ik\s+(?:[\w']+\s+){{0,3}}(?:van|vanaf|uit|voor|af)\b|\b{TIME}\s+(?:[\w']+\s+){{0,3}}spring\s+ik\b",
        r"\b(?:loop|ga|fiets)\s+(?:ik\s+)?(?:[\w']+\s+){0,2}naar\s+(?:het\s+spoor|de\s+rails)\b",
        r"\bervoor\s+(?:te\s+)?(?:gaan\s+)?(?:liggen|springen|stappen)\b",
        r"\btegen\s+een\s+(?:boom|muur|vrachtwagen|paal)\s+(?:aan\s+)?(?:te\s+)?(?:rijden|rij|fietsen|crashen)\b(?=.*\b(?:expres|idee|denk|wil|bewust)\b)",
        rf"\b(?:welke|hoeveel)\s+(?:[\w']+\s+){{0,2}}{_MEANS}\b.*\b(?:snelst\w*|dodelijk|veel\s+van\s+neemt|niet\s+meer\s+wakker|overleef\w*)\b",
        rf"\b(?:{_PLACE_NOW}|trein|pillen)\b.*\b(?:lijkt|lijken)\s+(?:me|mij)\s+(?:[\w']+\s+)?(?:snelst\w*|zekerst\w*|pijnloos)\b",
        r"\bslaappillen\s+(?:[\w']+\s+){0,4}(?:meegenomen|gepakt|gejat|gestolen)\b",
        r"\b(?:al\s+)?mijn\s+(?:pillen|medicijnen|tabletten)\s+(?:[\w']+\s+){0,1}(?:geslikt|genomen|ingenomen)\b|\b(?:zojuist|net|zonet)\s+(?:[\w']+\s+){0,2}(?:pillen|tabletten|strip\w*)\s+(?:[\w']+\s+){0,2}(?:genomen|geslikt)\b",
        r"\b(?:trein|spoor)\W+(?:[\w']+\s+){0,4}denk\s+(?:er\s+)?(?:[\w']+\s+){0,4}aan\b",
        r"\b(?:eroverheen|erover\s+heen|eraf)\s+(?:en\s+)?klaar\b",
        r"\b(?:loop|ga|fiets)\s+(?:ik\s+)?(?:nu\s+)?naar\s+(?:het\s+spoor|de\s+rails|de\s+overweg|de\s+brug)\b(?=.*\b(?:niet|nie)\s+meer\s+terug\b)",
        r"\bbuitenkant\s+van\s+(?:het|de)\s+(?:hek|reling|balustrade|leuning)\b",
        r"\b(?:[1-9]\d|\d{3}|veel|te\s*veel|een\s+hele?\s+\w+|mijn\s+hele\s+\w+|al\s+mijn|alle|een\s+(?:fles|potje|doos|strip))\s+(?:[\w']+\s+){0,2}(?:pillen|paracetamol|tabletten|medicijnen|slaappillen|oxazepam|ibuprofen|antidepressiva)\s+(?:[\w']+\s+){0,2}(?:genomen|geslikt|ingenomen|leeggegeten|opgegeten|op\s*gegeten)\b",
        r"\bik\s+spring\s+(?:[\w']+\s+){0,2}(?:van|vanaf|uit|voor|af)\s+(?:het|de|een|mijn)\s+(?:[\w']+\s+)?(?:dak|flat|brug|balkon|raam|trein|toren|viaduct|parkeergarage)\b",
        r"\b(?:zit|sta|lig)\s+(?:nu\s+)?op\s+(?:de|het)\s+(?:brugleuning|dakrand|balkonrand|reling|rand\s+van\s+het\s+dak)\b",
        r"\bloop\s+(?:nu\s+)?(?:het\s+water|de\s+zee|de\s+rivier|de\s+gracht)\s+in\b",
        r"\btouw\b.*\b(?:vastgemaakt|opgehangen|om\s+mijn\s+nek)\b",
        r"\bover\s+de\s+(?:reling|rand|balustrade)\s+(?:te\s+)?(?:gaan|klimmen|stappen|springen)\b",
        r"\blijkt\s+het\s+(?:[\w']+\s+)?(?:een|op\s+een)\s+ongeluk\b",
        r"\bmotor\s+aan\b.*\bgarage\b|\bgarage\b.*\bmotor\s+aan\b",
        r"\b(?:strip|doos|handvol|hand\s+vol)\s+(?:pillen|tabletten|paracetamol)\s+in\s+mijn\s+hand\b",
        r"\b(?:hoeveel|welke|hoe|wat)\b.*\b(?:vraag|is)\s+voor\s+mezelf\b",
        r"\b(?:pillen|medicijnen|antidepressiva|paracetamol|slaappillen|tabletten)\b.*\bmoet\s+genoeg\s+zijn\b",
        r"\bhoe\s+lang\s+(?:duurt\s+het\s+)?(?:om\s+te\s+)?verdrinken\b",
    ],
    guard=rf"{_OTHERS}|\b(?:hoofdpijn|allergie|per\s+dag|voorgeschreven|dokter|huisarts|trampoline|strand|zwemmen|lol|haha\w*|te\s+laat|vertraging|wacht\s+op|te\s+wachten|klim\w*|zwemles|baby|hond|auto\s+wassen|genieten|zwem\w*|vissen|zomer|duik\w*|bungee|dakdekker|stage\s+bij)\b",
)

# --- self-harm told as a fact -------------------------------------------------------------------
_BODY = (
    r"(?:arm|armen|pols|polsen|been|benen|bovenbeen|bovenbenen|buik|huid|dijen|dij|heupen|handen)"
)
_rule(
    "self_harm",
    [
        rf"\b(?:snij|kras|brand|krab|sla|bonk)\s+ik\s+(?:[\w']+\s+){{0,3}}(?:mezelf|in\s+mijn\s+{_BODY})\b",
        r"\b(?:doe|deed)\s+ik\s+mezelf\s+(?:[\w']+\s+){0,1}pijn\b",
        r"\b(?:stoppen|stop|ophouden)\s+met\s+(?:snijden|krassen|mezelf\s+(?:snijden|krassen|pijn\s+doen|beschadigen))\b",
        rf"\bmijn\s+{_BODY}\s+(?:[\w']+\s+){{0,2}}kapot\s*(?:gemaakt|gekrast|gesneden|gekrabd)\b",
        r"\bheb\s+het\s+(?:weer|opnieuw)\s+gedaan\s+met\s+(?:een|het|de|mijn)\s+(?:schaar|mesje|mes|scheermesje|glas|naald)\b",
        rf"\b(?:gekrast|gesneden|gebrand)\s+in\s+mijn\s+{_BODY}\b|\bin\s+mijn\s+{_BODY}\s+(?:[\w']+\s+){{0,1}}(?:gekrast|gesneden|gebrand)\b",
        rf"\bmijn\s+{_BODY}\s+(?:[\w']+\s+){{0,2}}(?:opengehaald|open\s+gehaald)\b",
        r"\b(?:sh|zelfbeschadiging|snijden|krassen|branden)\s+is\s+(?:weer|opnieuw)\s+begonnen\b",
        r"\bheb\s+me\s+(?:[\w']+\s+){0,1}(?:gebrand|gesneden|gekrast)\s+met\b",
        r"\bmesjes?\s+uit\s+(?:een|de|mijn)\s+(?:puntenslijper|scheermes\w*)\b",
        r"\b(?:iets|het)\s+(?:weer\s+)?gedaan\s+met\s+(?:een|het|de|mijn)\s+(?:schaar|mesje|mes|scheermesje|glas|aansteker)\b",
        r"\b(?:doe|deed)\s+ik\s+het\s+met\s+(?:een|het|mijn)\s+(?:mesje|scheermesje|schaar|aansteker)\b",
        rf"\bmijn\s+{_BODY}\s+(?:zitten|zit|staan)\s+vol\s+(?:met\s+)?(?:lijnen|krassen|sneetjes|sneden|wondjes|snijwondjes)\b",
        r"\b(?:krassen|snijden|mezelf\s+pijn\s+doen|mezelf\s+snijden)\s+is\s+(?:de\s+)?enige\s+(?:manier|oplossing)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:kat|poes|hond|koken|groente|uien|vinger|fiets|gevallen|ehbo|operatie|tatoeage|knie)\b",
)

# the cover story for wounds or bruises ("zei dat het de kat was", "zeg op school dat ik gevallen ben")
_COVER = r"\b(?:zeg|zei)\s+(?:ik\s+)?(?:[\w']+\s+){0,3}dat\s+(?:het\s+)?(?:ik\s+)?(?:van\s+)?(?:de\s+)?(?:kat|hond|poes|gevallen|sport)\b"
_rule(
    "self_harm", [rf"\b(?:wondjes|sneetjes|krassen|pleisters|littekens)\b.*{_COVER}"], guard=_OTHERS
)
_rule("abuse", [rf"\bblauwe\s+plek\w*\b.*{_COVER}"], guard=_OTHERS)

# --- abuse and neglect at home, told as a fact -------------------------------------------------
_BEAT = r"(?:slaat|sloeg|schopt|schopte|mishandelt|mishandelde|misbruikt|wurgt|stompt|trapt|duwt)"
_rule(
    "abuse",
    [
        rf"\b{FAMILY}\s+(?:[\w']+\s+){{0,2}}(?:me|mij)\s+(?:[\w']+\s+){{0,2}}{_BEAT}\b",
        rf"\b(?:{_BEAT}|sleurt|sleurde)\s+(?:ie|hij|ze|zij)\s+(?:me|mij)\b",
        rf"\b{FAMILY}\s+(?:[\w']+\s+){{0,1}}(?:sleurt|sleurde|trekt|trok)\s+(?:me|mij)\s+(?:[\w']+\s+){{0,2}}(?:aan\s+mijn\s+haar|door\s+de|over\s+de|de\s+trap)\b",
        r"\bthuis\s+(?:[\w']+\s+){0,2}(?:niet|nie)\s+veilig\b|\b(?:niet|nie)\s+veilig\s+(?:is\s+)?thuis\b",
        r"\bals\s+ik\s+nee\s+zeg\b.*\b(?:agressief|slaat|sla|klappen|boos\s+en\s+slaat)\b",
        rf"\b{FAMILY}\s+(?:[\w']+\s+){{0,2}}(?:komt|kwam)\s+(?:'?s\s*nachts|snachts)\s+(?:op\s+|in\s+|naar\s+)?mijn\s+kamer\b",
        rf"\b{FAMILY}\s+(?:[\w']+\s+){{0,2}}(?:raakt|raakte)\s+(?:me|mij)\s+aan\b",
        r"\b(?:dreigt|dreigde|zegt|zei)\s+(?:[\w']+\s+){0,2}dat\s+(?:hij|ze|zij)\s+(?:me|mij)\s+(?:[\w']+\s+){0,1}(?:vermoordt|vermoorden|doodmaakt|dood\s+maakt|iets\s+aandoet|slaat)\b",
        r"\b(?:mijn\s+)?(?:ouders|moeder|vader|ma|pa)\s+(?:zijn|is)\s+(?:al\s+)?(?:[\w']+\s+){0,2}(?:dagen|week|weken|nachten)\s+(?:[\w']+\s+){0,2}(?:weg|niet\s+thuis|niet\s+meer\s+thuis|vertrokken)\b",
        r"\b(?:mijn\s+)?(?:ouders|moeder|vader|ma|pa)\s+(?:zijn|is)\s+(?:al\s+)?(?:[\w']+\s+){0,3}(?:weg|vertrokken|niet\s+thuis\s+geweest)\b(?=.*\b(?:alleen|eten|koelkast|geld|broertjes|zusjes|niemand)\b)",
        r"\b(?:krijg|kreeg)\s+(?:[\w']+\s+){0,1}geen\s+eten\b|\b(?:thuis\s+is\s+er|er\s+is\s+thuis)\s+(?:[\w']+\s+){0,1}(?:niks|niets|geen\s+eten)\b|\bnooit\s+eten\s+(?:in\s+huis|thuis)\b|\ber\s+is\s+nooit\s+eten\b",
        r"\bniks\s+gegeten\s+want\s+er\s+is\s+(?:geen|niks)\b|\bkoelkast\s+is\s+leeg\b(?=.*\b(?:ouders|moeder|vader|dagen|niemand|geld|alleen)\b)",
        r"\bstroom\s+is\s+(?:[\w']+\s+){0,2}afgesloten\b(?=.*\b(?:alleen|weg|niemand)\b)",
    ],
    guard=rf"{_WORK_TALK}|\bals\s+ik\s+(?:[\w']+\s+){{0,3}}(?:vergeet|te\s+laat|niet\s+op\s+tijd|weer\s+\w+|kwijt)\b|\b(?:fifa|fortnite|game|spel|schaken|dammen|tennis|pingpong|padel|potje|kickboks\w*|boksen|judo|vakantie|op\s+reis|weekendje|kinderen|helpen)\b|\bdie\s+thuis\b",
)
# eating less in secret: "ik wil leren hoe ik nog minder kan eten zonder dat mensen het merken"
_rule(
    "eating_disorder",
    [
        r"\b(?:nog\s+)?minder\s+(?:kan\s+|te\s+)?eten\s+zonder\s+dat\s+(?:[\w']+\s+){0,2}(?:het\s+)?(?:merk|merken|merkt|ziet|zien)\b",
    ],
    guard=_WORK_TALK,
)
# locked in at home: "mn ouders sluiten me op in mn kamer als ik te laat thuis kom"
_rule(
    "abuse",
    [
        rf"\b{FAMILY}\s+(?:[\w']+\s+){{0,2}}(?:sluit|sluiten|sloot|sloten)\s+(?:me|mij)\s+(?:[\w']+\s+){{0,4}}op\b",
    ],
    guard=rf"{_WORK_TALK}|\b(?:niet|nie|nooit|grapje|haha\w*|lol)\b",
)
_rule(
    "coercion",
    [
        r"\b(?:dwingt|dwong|laat)\s+(?:me|mij)\s+(?:[\w']+\s+){0,6}(?:mannen|voor\s+geld|naar\s+bed)\b",
        r"\b(?:met|voor)\s+(?:zijn|die|andere)\s+(?:vrienden|mannen)\s+naar\s+bed\b|\bnaar\s+bed\s+te\s+gaan\s+met\b",
        r"\bterug\s*(?:te\s+)?werken\b(?=.*\b(?:schuld|hij|zij|ze)\b)",
        rf"\b{FAMILY}\s+(?:[\w']+\s+){{0,4}}(?:telefoon|sleutels|pas|paspoort)\s+(?:[\w']+\s+){{0,3}}afgepakt\b|\bberichten\s+namens\s+mij\b",
        rf"\b{FAMILY}\s+(?:[\w']+\s+){{0,2}}(?:laat|liet)\s+(?:me|mij)\s+(?:niet|nie)\s+(?:meer\s+)?(?:naar|gaan|weg|buiten)\b",
        r"\b(?:bepaalt|controleert)\s+alles\b(?=.*\b(?:agressief|boos|slaat|mag\s+(?:niet|nie)|nee\s+zeg)\b)",
        r"\bdingen\s+(?:voor\s+hem\s+)?(?:moet\s+)?doen\s+met\s+(?:andere\s+)?mannen\b",
        r"\b(?:(?:geeft|gaf|geven)\s+(?:me|mij)\s+(?:[\w']+\s+){0,3}(?:drugs|geld|wiet|cadeaus)|(?:me|mij)\s+(?:[\w']+\s+){0,2}(?:drugs|geld|wiet|cadeaus)\s+(?:geeft|gaf|geven))\b.*\bmoet\s+ik\s+(?:[\w']+\s+){0,2}dingen\s+voor\s+(?:hem|haar|ze|hun)\s+doen\b",
        r"\bnaakt\b.*\b(?:camera|webcam|foto'?s|filmen)\b(?=.*\b(?:geld|moet|dwingt|anders|gegeven)\b)|\b(?:geld|betaald)\b.*\bnaakt\b",
        r"\bblackmail\w*\s+(?:me|mij)\b|\b(?:chanteert|chanteren|chanteerde|perst|persen)\s+(?:me|mij)\s+(?:[\w']+\s+){0,2}(?:af|met)?\b|\bafgeperst\b",
    ],
    guard=_WORK_TALK,
)

# --- eating-disorder danger told as a fact --------------------------------------------------------
_rule(
    "eating_disorder",
    [
        r"\bik\s+(?:kots|braak|spuug)\s+(?:[\w']+\s+){0,3}(?:uit|na\s+(?:het|elk\w*)\s+(?:eten|maaltijd))\b",
        r"\bi\s+(?:purge|throw\s+up|make\s+myself\s+(?:throw\s+up|sick))\s+(?:[\w']+\s+){0,3}(?:after\s+(?:every|each|my)?\s*(?:meal|meals|eating|dinner|lunch)|on\s+purpose)\b",
        r"\b(?:eruit|uit)\s+te\s+(?:gooien|kotsen|braken|spugen)\b(?=.*\b(?:eten|maaltijd|eet|wc)\b)|\b(?:eten|maaltijd)\b.*\b(?:eruit|uit)\s+te\s+(?:gooien|kotsen|braken)\b",
        r"\b(?:overgeven|kotsen|braken)\s+(?:[\w']+\s+){0,1}na\s+(?:elke|iedere|het)\s+(?:maaltijd|eten)\b",
        r"\b(?:braak|kots)\s+(?:[\w']+\s+){0,2}(?:elke|iedere)\s+(?:avond|dag|keer)\s+(?:[\w']+\s+){0,2}(?:na\s+het\s+eten|na\s+elke\s+maaltijd)\b",
        r"\bik\s+eet\s+(?:al\s+)?(?:[\w']+\s+){0,3}(?:bijna\s+|nauwelijks\s+|haast\s+)?(?:niks|niets|niet|nooit|nauwelijks)\s+(?:meer\s+)?(?:[\w']+\s+){0,2}(?:sinds|al\s+(?:dagen|weken|maanden)|dagen|weken|maanden)\b",
        r"\bik\s+eet\s+al\s+(?:[\w']+\s+){0,2}(?:dagen|weken|maanden|een\s+week|sinds\s+\w+)\s+(?:bijna\s+|nauwelijks\s+)?(?:niks|niets|niet|nauwelijks)\b",
        r"\bik\s+eet\s+(?:al\s+)?(?:[\w']+\s+){0,4}(?:bijna\s+|nauwelijks\s+|haast\s+)?(?:niks|niets|nauwelijks|nooit)(?:\s+meer)?(?=\s*(?:$|[.,!?]|\b(?:sinds|al|meer|want|omdat|behalve)\b))",
        r"\b(?:al\s+)?(?:een\s+week|weken|dagen|maanden|\d+\s+dagen|sinds\s+\w+)\s+(?:bijna\s+|nauwelijks\s+)?(?:niks|niets|niet)\s+(?:meer\s+)?(?:eet|at|heb\s+gegeten)\b",
        r"\b(?:max(?:imaal)?|hooguit|nog\s+maar|maar|minder\s+dan|onder\s+de)\s+(?:\d{2,3}|honderd|tweehonderd|driehonderd|vierhonderd|vijfhonderd)\s+(?:kcal|calorie\w*)\b",
        r"\b(?:maar|hooguit|alleen|max)\s+(?:een|1)\s+(?:appel|cracker|beschuit|banaan|rijstwafel)\s+per\s+dag\b",
        r"\b(?:flauw\s*gevallen|flauwgevallen|val\s+(?:steeds\s+)?flauw|viel\s+flauw)\b.*\b(?:(?:niet|nie|niks)\s+(?:had\s+)?gegeten|eet\s+(?:niet|niks|nauwelijks|bijna)|(?:niks|niets|nauwelijks)\s+(?:meer\s+)?eet|expres)\b",
        r"\b(?:mager|skelet|dun)\b.*\b(?:(?:nog\s+)?(?:dunner|magerder)|nog\s+meer\s+(?:kwijt|afvallen)|wil\s+nog\s+verder)\b",
        r"\bweeg\s+(?:nu\s+|nog\s+maar\s+|nog\s+)?(?:3\d|4[0-5])\s*(?:kilo|kg)\b|\bbmi\s+(?:is\s+|van\s+)?1[0-7]\b",
        r"\b(?:laxeer|laxeer\w+|afvalpillen)\b",
        r"\bmag\s+van\s+mezelf\s+(?:[\w']+\s+){0,2}(?:niet|nie|niks|niets)\s+(?:meer\s+)?eten\b",
        r"\b(?:de\s+hele\s+week|al\s+dagen|\d+\s+dagen|twee\s+dagen|drie\s+dagen|een\s+week|weken)\s+(?:bijna\s+)?(?:niks|niets|niet)\s+(?:meer\s+)?gegeten\b",
    ],
    guard=rf"\b(?:hij|zij|iemand|mensen|kinderen)\b|{_WORK_TALK}|\b(?:griep|buikgriep|ziek|koorts|kater|zwanger\w*|ramadan|vasten|beugel|voedselvergiftiging|gesnoept|feestje)\b",
)

# --- acute panic and no place to sleep tonight, told as a fact ------------------------------------
_rule(
    "panic",
    [
        r"(?:\bik\s+(?:heb|krijg)\s+(?:nu\s+)?(?:een\s+)?|^\W*)(?:paniekaanval|angstaanval)\b(?=.*\b(?:help|nu)\b)",
        r"\bkan\s+(?:[\w']+\s+){0,2}(?:niet|nie)\s+(?:meer\s+)?(?:rustig\s+)?(?:ademen|ademhalen|adem\s+halen)\b|\bik\s+stik\b(?!\s+(?:van|bijna\s+van)\b)|\bstik\s+bijna\b(?!\s+van\b)",
        r"\bhelp\b.*\bik\s+ben\s+(?:zo\s+)?bang\b|\bik\s+ben\s+zo\s+bang\b.*\bhelp\b",
        r"\b(?:krijg|kreeg)\s+(?:mijn\s+)?adem\s+(?:niet|nie)\b|\badem\s+gaat\s+(?:niet|nie)\b",
        r"\b(?:kan|kon)\s+(?:niet|nie)\s+(?:ophouden|stoppen)\s+met\s+(?:huilen|trillen)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:had|kreeg|lachen|sport\w*|rennen|hardlopen|zwemmen|training|verkouden|neus|astma\w*|haha\w*|lol)\b",
)
_rule(
    "homeless",
    [
        r"\b(?:slaapplek|slaapplaats|plek\s+om\s+te\s+slapen)\s+(?:[\w']+\s+){0,2}(?:voor\s+)?vannacht\b(?=.*\b(?:heb\s+(?:niks|niets|geen)|nergens|weet\s+(?:niet|nie))\b)|\bvannacht\b.*\bgeen\s+(?:slaapplek|slaapplaats|plek\s+om\s+te\s+slapen)\b",
        r"\b(?:slaapplek|slaapplaats)\s+(?:[\w']+\s+){0,1}(?:vinden\s+)?voor\s+vannacht\b",
        r"\b(?:geslapen|slaap|sliep|slapen)\s+(?:[\w']+\s+){0,3}op\s+straat\b|\bop\s+straat\s+(?:[\w']+\s+){0,2}(?:geslapen|slapen|woon|wonen)\b|\bwoon\s+(?:[\w']+\s+){0,2}op\s+straat\b",
        r"\b(?:me|mij)\s+(?:[\w']+\s+){0,3}(?:het\s+huis\s+uit|op\s+straat|de\s+deur\s+uit)\s+(?:gezet|gegooid|geschopt|getrapt)\b",
        r"\bgeen\s+(?:plek|plaats)\s+(?:heb\s+)?om\s+te\s+slapen\b",
        r"\b(?:geslapen|slaap|sliep|slapen)\s+(?:[\w']+\s+){0,3}(?:in\s+(?:een|de)\s+(?:portiek|fietsenstalling|trappenhuis|park|bushokje)|op\s+(?:het|een)\s+(?:station|bankje))\b",
        r"\b(?:station|portiek|fietsenstalling|park|bushokje)\b.*\bslaap\s+ik\s+vannacht\b|\bnergens\s+(?:meer\s+)?een\s+bed\b",
    ],
    guard=rf"{_WORK_TALK}|\b(?:festival|feest\w*|vakantie|camping|logeer\w*|hotel|airbnb|groepsapp|app|klas|les|training|wedstrijd|kamp)\b",
)

# --- said plainly in other words (the twelfth blind set's misses) ------------------------------
_rule(
    "active_suicide",
    [
        r"\b(?:gonna|going\s+to|will|wanna|want\s+to)\s+(?:just\s+)?(?:end\s+(?:it|my\s+life)(?!\s+(?:with|between)\b)|kill\s+myself)\b",
        r"\b(?:thinking|thought)\s+(?:about|of)\s+(?:jumping|killing\s+myself|ending\s+it|ending\s+my\s+life)\b",
        r"\b(?:took|taken|swallowed)\s+(?:like\s+|about\s+|around\s+)?(?:\d+|all\s+(?:my|the|of\s+my)|a\s+bunch\s+of)\s+(?:pills|tablets|sleeping\s+pills)\b",
        r"\b(?:nog|nog\s+een|nog\s+1|nog\s+één)\s+(?:[\w']+\s+){0,3}(?:en|dan)\s+spring\s+ik\b|\ben\s+ik\s+spring\W*$",
    ],
    guard=_WORK_TALK,
)
_rule(
    "passive_wish",
    [
        r"\b(?:ben|word)\s+(?:het\s+)?leven\s+(?:zo\s+|echt\s+|helemaal\s+|gewoon\s+)?moe\b|\bhet\s+leven\s+(?:zo\s+|echt\s+)?moe\b",
        r"\btired\s+of\s+(?:being\s+alive|living|life)\b|\bwish\s+i\s+(?:could\s+)?(?:just\s+)?not\s+exist\b",
        r"\bdat\s+ik\s+(?:er\s+)?(?:nog\s+)?(?:ben|besta|leef)\s+is\s+(?:[\w']+\s+){0,2}(?:een\s+)?(?:vergissing|fout)\b",
    ],
    guard=_OTHERS,
)
_rule(
    "self_harm",
    [
        r"\bteruggevallen\b.*\b(?:mes|mesje|snijden|krassen|gesneden|gekrast)\b",
        r"\b(?:wonden|wondjes|sneetjes|plekken|krassen|littekens)\s+(?:[\w']+\s+){0,2}heb\s+ik\s+(?:[\w']+\s+)?zelf\s+(?:gedaan|gemaakt)\b",
        rf"\bmijn\s+{_BODY}\s+(?:[\w']+\s+){{0,2}}bewerkt\s+met\b",
        r"\b(?:cut|cutting|burned|burnt|hurt)\s+(?:myself\s+)?again\b|\brelapsed\b.*\b(?:cut|cutting|self\s*harm)\b",
    ],
    guard=_OTHERS,
)
_rule(
    "abuse",
    [
        r"\b(?:zit|zat|zitten|zaten)\s+(?:me|mij)\s+(?:[\w']+\s+){0,3}aan\b(?!\s+te\b)",
        r"\b(?:me|mij)\s+buiten\s*(?:sloot|sluit|sloten|gesloten)\b|\b(?:sloot|sluit|sloten)\s+(?:me|mij)\s+buiten\b",
        r"\b(?:neemt|nemen)\s+(?:me|mij)\s+(?:[\w']+\s+){0,4}te\s+grazen\b|\bme\s+te\s+grazen\s+(?:nemen|neemt)\b",
        r"\b(?:knows|know)\s+where\s+i\s+live\b|\bweet\s+waar\s+ik\s+woon\b",
        r"\b(?:docent|leraar|lerares|trainer|coach|begeleider|man|baas|chef|oom)\b.*\b(?:geheim\s+(?:houd|houden|hou|moet\s+houden)|aan\s+niemand\s+(?:mag\s+)?(?:vertellen|zeggen)|mag\s+(?:het\s+)?aan\s+niemand\s+vertellen)\b",
        r"\bmet\s+(?:hem|haar)\s+mee\s+naar\s+(?:huis|zijn\s+huis)\s+moet\b",
    ],
    guard=rf"{_WORK_TALK}|\b(?:niet|nie|nooit|grapje|haha\w*|lol|verrassing|cadeau|feest\w*)\b",
)
_rule(
    "eating_disorder",
    [
        r"\b(?:dieetpillen|afslankpillen|afvalpillen)\b",
        r"\bik\s+eet\s+(?:[\w']+\s+){0,2}(?:bewust|expres|express)\s+(?:niet|niks|niets)\b",
        r"\b(?:omdat|want)\s+ik\s+(?:bijna\s+|bewust\s+)?(?:niet|niks|niets)\s+(?:meer\s+)?eet\b(?=.*\b(?:val|flauw|duizelig|energie|slap|om)\b)",
        r"\bals\s+ik\s+(?:[\w']+\s+){0,3}(?:eet|gegeten\s+heb)\b.*\b(?:ga|moet)\s+ik\s+(?:[\w']+\s+){0,3}(?:hardlopen|sporten|rennen|trainen)\b",
        r"\b(?:hartslag|huisarts|dokter)\b.*\bblijf\s+(?:ik\s+)?(?:lijnen|dieten|afvallen)\b",
        r"\beetbui\w*\b.*\b(?:overgegeven|overgeven|gekotst|kotsen)\b",
    ],
    guard=_WORK_TALK,
)
_rule(
    "abuse",
    [
        r"\b(?:word|werd)\s+(?:nu\s+)?achtervolgd\b",
        r"\bachter\s+me\s+aan\b(?=.*\b(?:help|nu|ren|bang)\b)",
    ],
    guard=rf"{_WORK_TALK}|\b(?:spel|game|tikkertje|verstoppertje|hond|kat|haha\w*|lol)\b",
)

# --- pills taken or at hand, a place right now, in Dutch and English -------------------------------
_PILLS = (
    r"(?:pillen|tabletten|medicijnen|paracetamol|slaappillen|antidepressiva|oxazepam|ibuprofen)"
)
_rule(
    "method_place",
    [
        rf"\bhele\s+(?:pot|potje|doos|doosje|strip|strips|fles|flesje|verpakking)\b(?=.*\b{_PILLS}\b)"
        r"(?=.*\b(?:leeggegeten|opgegeten|ingenomen|geslikt|genomen|leeg\s+gegeten)\b)",
        rf"\b(?:de|die|alle|mijn)\s+{_PILLS}\s+(?:liggen\s+|al\s+)?in\s+mijn\s+hand\b",
        r"\b(?:took|swallowed|taken|have\s+taken|ate)\s+(?:[\w']+\s+){0,2}(?:whole\s+(?:bottle|pack|box|strip)|all\s+(?:of\s+)?(?:my|the)|too\s+many|a\s+bunch\s+of|a\s+handful\s+of|a\s+lot\s+of|\d{2,})\s+(?:of\s+)?(?:[\w']+\s+)?(?:pills|meds|tablets|medication|painkillers|paracetamol)\b",
        r"\b(?:i'?m|im|i\s+am)\s+(?:standing\s+|sitting\s+)?(?:on|at)\s+(?:the|a)\s+(?:roof|bridge|edge|tracks|ledge|railing|rooftop)\b(?!\s+(?:fixing|cleaning|working))",
        r"\b(?:ik\s+)?(?:wilde|wil|wou)\s+(?:[\w']+\s+){0,2}springen\b(?=.*\b(?:trein|treinen|spoor|station|perron|brug|dak|flat|balkon|raam|viaduct)\b)|"
        r"\b(?:trein|treinen|spoor|station|perron|brug|dak|flat|balkon|raam|viaduct)\b.*\b(?:ik\s+)?(?:wilde|wil|wou)\s+(?:[\w']+\s+){0,2}springen\b",
    ],
    guard=rf"{_OTHERS}|\b(?:voorgeschreven|dokter|huisarts|per\s+dag|allergie|hoofdpijn|trampoline|zwembad|duik\w*|bungee|parachute|zwem\w*|klim\w*|dakdekker|goot|haha\w*|lol|vitamine\w*)\b",
)

# --- an explicit wish to die, inverted after a condition; a wish not to be there any more ------------
_rule(
    "active_suicide",
    [
        r"\b(?:dan\s+)?(?:maak|ga)\s+ik\s+er\s+(?:[\w']+\s+){0,2}(?:een\s+)?eind(?:e)?\s+aan(?:\s+maken)?\W*(?:$|[.,!]|\bik\s+meen\b)",
    ],
    guard=rf"{_OTHERS}|\b(?:relatie|vriendschap|baan|bijbaan|contract|abonnement|ruzie|gedoe|gesprek|appgroep|groepsapp|deadline|opdracht|huiswerk|project)\b",
)
_rule(
    "passive_wish",
    [
        r"\b(?:wens|wenste|wensen|gewenst|hoop|hoopte|hopen|gehoopt)\s+(?:[\w']+\s+){0,2}dat\s+ik\s+(?:er\s+)?(?:[\w']+\s+){0,2}(?:niet|nie)\s+meer\s+(?:was|ben|zou\s+zijn|leef|leefde|besta|bestond|wakker\s+word|wakker\s+werd)\b",
        r"\bhoop\w*\s+(?:[\w']+\s+){0,2}dat\s+ik\s+(?:[\w']+\s+){0,4}(?:niet|nie)\s+overleef\b",
        r"\b(?:easier|better)\s+(?:for\s+(?:everyone|everybody|them|my\s+\w+)\s+|off\s+)?(?:if\s+i\s+(?:wasn'?t|weren'?t|was\s+not|were\s+not)\s+(?:around|here|alive)|without\s+me)\b",
        r"\bals\s+ik\s+(?:nu\s+|hier\s+|daar\s+)?(?:[\w']+\s+){0,3}(?:val|viel|neerval|zou\s+vallen|eraf\s+val)\b[^.?!]*\b(?:ook\s+goed|prima|niet\s+erg|ook\s+best|fijn|is\s+het\s+goed)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:les|toets|tentamen|examen|presentatie|haha\w*|lol|grapje)\b",
)

# --- self-harm: fresh wounds, marks made on purpose, a blade taken home ------------------------------
_rule(
    "self_harm",
    [
        r"\b(?:brandplekken|brandwonden|brandwondjes|sneden|sneetjes|krassen|wondjes|snijwonden)\b[^.?!]*\b(?:zelf\s+gedaan|expres|met\s+opzet)\b",
        r"\b(?:verse|nieuwe)\s+(?:sneden|sneetjes|snijwonden|krassen|wondjes)\b(?=.*\b(?:zien|verberg\w*|lange\s+(?:mouwen|broek)|niemand|anders)\b)",
        r"\b(?:sneetjes|sneden|krassen)\b(?=.*\b(?:doe|deed)\s+(?:ik\s+)?(?:het|dat)\s+(?:al|weer|nog\s+steeds)\b)",
        r"\b(?:scalpel|mesje|mesjes|scheermesje|scheermesjes|scheermes)\b.*\b(?:je\s+snapt\s+wel|je\s+weet\s+wel|weet\s+je\s+wel)\s+waar(?:voor|om)\b",
        r"\b(?:ik\s+|k)(?:brand|snij|kras)\s+mezelf\b",
    ],
    guard=rf"{_OTHERS}|\b(?:brood|keuken|koken|groente|uien|kat|poes|hond|doornen|rozen|tuin|fiets|gevallen|operatie|haha\w*)\b",
)

# --- abuse: hit as a child or now, a threat to keep quiet or not to leave ------------------------------
_rule(
    "abuse",
    [
        r"\b(?:werd|word)\s+ik\s+(?:[\w']+\s+){0,5}(?:geslagen|geschopt|geknepen|aangerand|misbruikt|verkracht|gewurgd)\b",
        r"\bdat\s+(?:hij|zij|ze)\s+(?:me|mij)\s+(?:[\w']+\s+){0,2}(?:vermoordt|vermoord|doodmaakt|dood\s+maakt|iets\s+aandoet|slaat)\s+als\s+ik\b",
        r"\b(?:kill|hurt)\s+me\s+if\s+i\s+(?:leave|tell|go|break\s+up|talk)\b",
    ],
    guard=rf"{_WORK_TALK}|\b(?:boksen|kickboks\w*|judo|karate|wedstrijd|voetbal|game|spel|grapje|haha\w*|lol|te\s+laat|huiswerk|kamer\s+opruim\w*)\b",
)

# --- veiled endings: no next week for me, goodbye to everyone, affairs put in order --------------------
_rule(
    "plan",
    [
        r"\bgeen\s+(?:volgende\s+week|toekomst|morgen|volgend\s+jaar)\s+(?:meer\s+)?voor\s+mij\b",
        r"\bhoop\w*\s+(?:[\w']+\s+){0,2}dat\s+er\s+(?:voor\s+mij\s+)?geen\s+(?:volgende\s+week|morgen|volgend\s+jaar)\s+(?:meer\s+)?komt\b",
        r"\b(?:mijn\s+)?spullen\s+(?:[\w']+\s+){0,2}geregeld\b(?=.*\b(?:kat|hond|konijn|huisdier|brief|afscheid|dan\s+is\s+dat)\b)",
        r"\b(?:tijd|klaar)\s+(?:is\s+|ben\s+)?(?:om|voor)\s+(?:[\w']+\s+){0,2}afscheid\s+(?:te\s+)?nemen\s+van\s+(?:iedereen|alles|jullie)\b",
        r"\b(?:stop|kap)\s+(?:ik\s+)?er\s+zelf\s+(?:wel\s+)?mee\b(?=.*\b(?:ggz|wachtlijst|psycholoog|psychiater|therapie|hulp)\b)|"
        r"\b(?:ggz|wachtlijst|psycholoog|psychiater|therapie)\b.*\b(?:stop|kap)\s+(?:ik\s+)?er\s+zelf\s+(?:wel\s+)?mee\b",
    ],
    guard=rf"{_OTHERS}|\b(?:verhuiz\w*|emigr\w*|stage\s+in|buitenland|diploma|examen\w*|vakantie|afscheidsfeest\w*|uitzwaai\w*|klas|haha\w*|lol)\b",
)
# "hoe je" is someone else's method elsewhere (_WORK_TALK); here it asks how to die.
_rule(
    "method_place",
    [
        r"\b(?:hoe\s+je|hoe\s+ik)\s+(?:[\w']+\s+){0,2}(?:doodgaat|dood\s+gaat|sterft)\s+zonder\s+pijn\b|\bpijnloos\s+(?:dood\s*gaan|doodgaan|sterven)\b",
    ],
    guard=r"\b(?:dieren?|hond|kat|paard|euthanasie\s+bij|dierenarts\w*|les|college|film|serie|boek)\b",
)
_rule(
    "passive_wish",
    [
        r"\b(?:liever|beter)\s+(?:ik\s+)?in\s+(?:zijn|haar)\s+plaats\s+(?:was\s+)?(?:gegaan|gestorven|dood)\b|\bin\s+(?:zijn|haar)\s+plaats\s+(?:was\s+)?(?:gegaan|gestorven)\b",
    ],
    guard=r"\b(?:wedstrijd|team|opstelling|stage\s*plek|baan|haha\w*)\b",
)

# --- a place or a car right now -------------------------------------------------------------------------
_rule(
    "method_place",
    [
        rf"\bik\s+(?:sta|zit|ben|lig)\s+(?:al\s+(?:een|twee|drie|\w+)\s+(?:uur|uren|kwartier|tijd|tijdje)|al\s+tijden|al\s+de\s+hele\s+\w+)\s+(?:op|bij|aan|naast|over)\s+(?:het|de|een)\s+(?:[\w']+\s+)?{_PLACE_NOW}\b",
        r"\bwil\s+(?:[\w']+\s+){0,2}tegen\s+een\s+(?:boom|muur|vrachtwagen|paal|vangrail)\s*(?:aan|op)?\b(?=.*\b(?:rij|rijd|rijden|auto|scooter|brommer|hard|snelweg)\b)|"
        r"\b(?:rij|rijd|rijden|auto|scooter|brommer|snelweg)\b.*\bwil\s+(?:[\w']+\s+){0,2}tegen\s+een\s+(?:boom|muur|vrachtwagen|paal|vangrail)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:dakdekker|goot|zonnepanelen|werk|stage\s+bij|les|haha\w*|lol|game|gta|film)\b",
)

# --- self-harm: a hot object or a wall, going too deep, a relapse with marks ----------------------------
_rule(
    "self_harm",
    [
        rf"\b(?:heet|hete|gloeiende|gloeiend)\s+(?:lepel|strijkijzer|aansteker|mes|mesje|metaal)\s+(?:[\w']+\s+)?tegen\s+(?:mijn\s+)?{_BODY}\b",
        r"\b(?:vuist|vuisten|hoofd|hand)\s+(?:[\w']+\s+){0,2}tegen\s+de\s+muur\b[^.?!]*\b(?:tot|open|bloed\w*|kapot)\b",
        r"\bte\s+diep\s+(?:[\w']+\s+){0,2}(?:gedaan|gesneden|gekrast)\b(?=.*\b(?:arm|armen|pols|been|benen|verband|hechtingen|pleister)\b)|"
        r"\b(?:arm|armen|pols|been|benen|verband|hechtingen|pleister)\b[^.?!]*\bte\s+diep\s+(?:[\w']+\s+){0,2}(?:gedaan|gesneden|gekrast)\b",
        r"\b(?:teruggevallen|terugval|weer\s+begonnen)\b(?=.*\b(?:brandplekken|brandwonden|snijden|krassen|sneden|sneetjes|mesje|mesjes)\b)",
        r"\b(?:strepen|krassen|sneden|littekens)\b[^.?!]*\b(?:van\s+(?:mijn|de|onze)\s+(?:kat|poes|konijn|hond))\b.*\b(?:zijn\s+ze\s+niet|niet\s+waar|klopt\s+niet)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:tattoo|tatoeage|piercing|boksbal|boksen|karate)\b",
)

# --- abuse: hit by family, beatings as punishment, kept in the house, forced --------------------------------
_rule(
    "abuse",
    [
        rf"\b{FAMILY}\s+(?:[\w']+\s+){{0,1}}(?:me|mij)\s+(?:[\w']+\s+){{0,4}}(?:sloeg|slaat|schopte|schopt|duwde|wurgde|kneep|trapte)\b",
        r"\b(?:krijg|kreeg|krijgen)\s+(?:ik\s+)?(?:[\w']+\s+){0,2}slaag\b|\bbetekent\s+slaag\b",
        r"\blaat\s+(?:me|mij)\s+(?:het\s+huis|de\s+deur|mijn\s+kamer)\s+(?:niet|nie)\s+uit\b|\bmag\s+(?:het\s+huis|de\s+deur)\s+(?:niet|nie)\s+uit\b(?=.*\b(?:behalve|alleen|nooit|opgesloten)\b)",
        r"\b(?:forces|forced|makes)\s+me\s+(?:to\s+)?(?:do\s+(?:things|stuff)|touch|have\s+sex)\b|\bno\s+one\s+(?:will|would)\s+believe\s+me\b",
        r"\bmee\s+(?:moet\s+)?naar\s+(?:zijn|haar)\s+(?:auto|huis|kamer)\b.*\banders\b",
    ],
    guard=rf"{_WORK_TALK}|\b(?:boksen|kickboks\w*|judo|karate|wedstrijd|voetbal|game|spel|grapje|haha\w*|lol|schaken|fifa)\b",
)

# --- more phrasings: a train sought tonight, a death that would be allowed, survival regretted ----------
_rule(
    "plan",
    [
        rf"\b(?:de\s+)?(?:trein|spoor|rails)\s+(?:[\w']+\s+)?(?:op\s*zoeken|opzoeken)\b|\b{TIME}\s+(?:[\w']+\s+){{0,3}}(?:voor|onder)\s+de\s+trein\b",
    ],
    guard=rf"{_OTHERS}|\b(?:reis\w*|station\s+naar|kaartje|ov|vertrek\w*|haha\w*|lol)\b",
)
_rule(
    "passive_wish",
    [
        r"\bdan\s+(?:mag|kan|ben)\s+ik\s+(?:tenminste\s+|eindelijk\s+|gewoon\s+)?dood\b",
        r"\b(?:wou|wilde|wens|wenste|had\s+liever)\s+(?:[\w']+\s+){0,1}dat\s+ik\s+(?:[\w']+\s+){0,5}(?:niet|nie)\s+(?:had\s+)?overleefd\b",
        r"\bwish\s+(?:i\s+)?(?:could\s+)?(?:just\s+)?(?:stop\s+existing|fall\s+asleep\s+forever|not\s+wake\s+up|(?:was|were)\s+dead|disappear\s+forever)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:haha\w*|lol|grapje|toets|tentamen|examen|presentatie)\b",
)
_rule(
    "self_harm",
    [
        r"\b(?:voelt|voel|is)\s+(?:[\w']+\s+){0,3}(?:rustig|fijn|lekker|goed|beter)\s+als\s+ik\s+(?:mezelf\s+)?(?:snij|kras|brand)\b|\bals\s+ik\s+(?:mezelf\s+)?(?:snij|kras)\b[^.?!]*\b(?:rustig|fijn|lekker|opluchting|helpt)\b",
        rf"\b{_BODY}\s+(?:lijken|lijkt|zien\s+eruit\s+als)\s+(?:wel\s+)?(?:een\s+)?zebra\b",
    ],
    guard=rf"{_OTHERS}|\b(?:groente|uien|keuken|koken|brood|vlees|stof|patroon|schmink|bodypaint|tattoo)\b",
)
_rule(
    "eating_disorder",
    [
        r"\b(?:plaspillen|plastabletten|laxeer\w*|afvalpillen)\b[^.?!]*\baf\s*(?:te\s+)?(?:vallen|valt)\b",
        r"\bbijna\s+(?:niks|niets)\s+binnen\s+(?:gehouden|houden|kunnen\s+houden)\b(?=.*\b(?:zwak|week|dagen|flauw|duizelig|bed)\b)",
        r"\b(?:vomiting|throwing\s+up|puking)\s+(?:[\w']+\s+){0,2}after\s+(?:every|each|all\s+my)\s+meals?\b",
        r"\b(?:1|een|één|halve)\s+(?:cracker|rijstwafel|appel|beschuit)\s+(?:[\w']+\s+){0,2}gegeten\b[^.?!]*\b(?:goeie|goede)\s+dag\b|"
        r"\b(?:\d|twee|drie|vier)\s+uur\s+gesport\s+en\s+(?:1|een|één|een\s+halve)\s+(?:cracker|rijstwafel|appel|beschuit)\b",
    ],
    guard=rf"{_WORK_TALK}|\b(?:buikgriep|griep|ziek|voedselvergiftiging|zwanger|chemo|operatie|darm\w*)\b",
)
_rule(
    "abuse",
    [
        r"\b(?:mag|mocht)\s+(?:niet|nie)\s+(?:meer\s+)?(?:naar\s+buiten|de\s+deur\s+uit|weg|alleen\s+weg)\s+van\s+(?:mijn\s+)?(?:vriend|vriendin|partner|man|vrouw)\b",
        r"\b(?:neemt|pakt|verstopt)\s+(?:mijn\s+)?(?:sleutels|telefoon|paspoort|pas)\s+(?:[\w']+\s+){0,3}(?:af|mee|weg)\b(?=.*\b(?:mag|kan|opgesloten|buiten)\b)",
    ],
    guard=rf"{_WORK_TALK}|\b(?:huisarrest|straf\s+omdat|haha\w*|lol|grapje)\b",
)
_rule(
    "method_place",
    [
        r"\bik\s+(?:sta|zit)\s+(?:nu\s+)?op\s+(?:het|de|een)\s+(?:viaduct|brug|dak|flat|spoorbrug)\s+(?:boven|over)\s+(?:de|het)\b|"
        r"\bik\s+(?:sta|zit)\s+(?:nu\s+)?op\s+(?:het|de|een)\s+(?:viaduct|brug|spoorbrug)\s+(?:bij|langs)\s+(?:de|het)\s+(?:a\d+|snelweg|spoor|rails|water|kanaal|rivier)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:werk|stage\s+bij|fotograf\w*|uitzicht\s+is|dakdekker|haha\w*|lol)\b",
)

# --- more phrasings: English abuse and panic, away from this world, a blade as the way out ------------
_rule(
    "abuse",
    [
        r"\b(?:chokes|choked|choking|hits|hit|beats|beat|slaps|slapped|kicks|kicked|strangles|strangled|punches|punched)\s+me\b(?!\s+(?:at|in|with)\b)",
        r"\b(?:gooit|gooide|duwt|duwde|smijt|smeet)\s+(?:me|mij)\s+(?:[\w']+\s+){0,2}tegen\s+(?:de|een)\s+(?:grond|muur|kast|deur|vloer)\b",
        r"\b(?:me|mij)\s+(?:[\w']+\s+){0,2}bedreigd\s+met\s+een\s+(?:mes|wapen|pistool|schaar|stok)\b",
        r"\b(?:filmpje|video|foto|fotos|foto's|naaktfoto\w*)\s+van\s+mij\b.*\b(?:online|verspreid\w*|doorsturen|doorstuurt|op\s+insta\w*|op\s+snap\w*|iedereen\s+sturen)\b",
        r"\bklaar\s+was\s+met\s+(?:slaan|schoppen|schreeuwen\s+en\s+slaan)\b",
    ],
    guard=rf"{_WORK_TALK}|\b(?:game|fifa|fortnite|spel|boksen|kickboks\w*|judo|karate|haha\w*|lol|lmao|jk|song|lied|beat)\b",
)
_rule(
    "panic",
    [r"\b(?:can'?t|cant|cannot)\s+breathe\b|\bpanic\s+attack\b(?=.*\b(?:rn|now|help|breathe)\b)"],
    guard=r"\b(?:laugh\w*|haha\w*|lol|lmao|funny|gym|workout|running|yesterday|last\s+week)\b",
)
_rule(
    "passive_wish",
    [
        r"\bweg\s+(?:van|uit)\s+(?:deze|de)\s+wereld\b",
        r"\b(?:everyone|everybody|they|my\s+\w+)\s+(?:would\s+be|'d\s+be)\s+(?:happier|better\s+off)\s+(?:if\s+i\s+(?:was|were)\s+(?:gone|dead|not\s+here)|without\s+me)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:haha\w*|lol|vakantie|reis\w*|festival|muziek|film|game)\b",
)
_rule(
    "self_harm",
    [
        r"\b(?:los|oplossen)\b[^.?!]*\bmet\s+een\s+(?:mesje|scheermesje|scheermes|aansteker)\b",
        rf"\bmijn\s+{_BODY}\s+(?:weer\s+|opnieuw\s+)?bewerkt\b",
    ],
    guard=rf"{_OTHERS}|\b(?:knutsel\w*|hout|houtbewerking|klus\w*|foto\w*|photoshop|tattoo)\b",
)

# --- more phrasings: too many on this world, better never born, a list of ways, jumping now ------------
_rule(
    "passive_wish",
    [
        r"\b(?:te\s*veel|overbodig)\s+(?:ben|bent)\s+op\s+(?:deze|de)\s+wereld\b|\bik\s+(?:[\w']+\s+){0,3}er\s+te\s*veel\s+ben\b",
        r"\bals\s+ik\s+(?:[\w']+\s+){0,4}(?:was\s+doodgegaan|was\s+gestorven|nooit\s+geboren\s+was|er\s+nooit\s+was\s+geweest)\b",
    ],
    guard=rf"{_OTHERS}|\b(?:haha\w*|lol|grapje|feest|klas\s+van|groepje|team)\b",
)
_rule(
    "plan",
    [
        r"\blijst(?:je)?\s+(?:gemaakt\s+)?(?:van|met)\s+(?:manieren|methodes)\b",
        r"\bik\s+ga\s+(?:zo|nu|straks|zometeen)\s+springen\b(?=.*\b(?:pier|brug|dak|flat|balkon|golven|water|spoor|viaduct)\b)|"
        r"\b(?:pier|brug|dak|flat|balkon|golven|viaduct)\b.*\bik\s+ga\s+(?:zo|nu|straks|zometeen)\s+springen\b",
    ],
    guard=rf"{_OTHERS}|\b(?:zwem\w*|duik\w*|bungee|trampoline|parachute|tombstone\w*|haha\w*|lol|zomer|vakantie)\b",
)
_rule(
    "abuse",
    [
        r"\bi\s+(?:got|was|have\s+been|'ve\s+been)\s+(?:raped|molested|sexually\s+assaulted|assaulted)\b",
        r"\bons\s+(?:kleine\s+)?geheim(?:pje)?\b(?=.*\b(?:trainer|docent|leraar|coach|begeleider|baas|chef|oom|buurman|stiefvader)\b)|"
        r"\b(?:trainer|docent|leraar|coach|begeleider|baas|chef|oom|buurman|stiefvader)\b.*\bons\s+(?:kleine\s+)?geheim(?:pje)?\b",
    ],
    guard=rf"{_WORK_TALK}|\b(?:verrassing|cadeau|feest\w*|haha\w*|lol|recept)\b",
)
_rule(
    "eating_disorder",
    [
        r"\b(?:gebraakt|overgegeven|gekotst|braak|kots)\b[^.?!]*\b(?:tot\s+er\s+bloed|bloed\s+kwam)\b"
    ],
    guard=rf"{_WORK_TALK}|\b(?:griep|buikgriep|ziek|voedselvergiftiging|zwanger|chemo)\b",
)
