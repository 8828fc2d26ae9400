"""The crisis detector's rules for the kinds besides suicide (docs/crisis.md): eating
disorders, self-harm, abuse, coercion, homelessness and acute panic. Built like
``bot.nlp.crisis_rules`` (patterns per category and a guard that cancels a hit in the same
sentence); ``bot.nlp.crisis`` reads both lists."""

from __future__ import annotations

from collections.abc import Iterable

from bot.nlp.crisis_rules import F1, F2, F3, FAMILY, SPORT, STUDY, _Rule
from bot.nlp.crisis_rules import _rule as _add_rule

HARM_RULES: list[_Rule] = []


def _rule(category: str, level: str, patterns: Iterable[str], guard: str | None = None) -> None:
    _add_rule(category, level, patterns, guard, into=HARM_RULES)


# Eating disorder: danger from not eating, purging, fainting, losing weight fast
_EAT = r"(?:eet|eten|at|aten|gegeten|ontbijt|lunch|avondeten|maaltijd\w*)"
_LITTLE = r"(?:bijna|haast|vrijwel|nauwelijks|amper)\s+(?:niks|niets|niet|geen)|(?:niks|niets|geen\s+hap)\s+(?:meer|binnen)|nog\s+maar\s+(?:een|1|één|twee|2|weinig)|maar\s+(?:een|1|één)\s+(?:appel|cracker|beschuit|banaan)"
_FAINT = r"(?:black-?outs?|blackouts?|sterretjes|flauw\s*(?:gevallen|gevallen|val|vallen|viel)|val\s+(?:bijna\s+)?flauw|zwart\s+voor\s+(?:mijn\s+)?ogen|duizelig|licht\s+in\s+mijn\s+hoofd|onderuit\s+gegaan|trillerig|haar\s+valt\s+uit|(?:niet|nie)\s+meer\s+ongesteld|ongesteldheid\s+(?:is\s+)?(?:weg|gestopt))"
_rule(
    "eating_disorder",
    "crisis",
    [
        rf"\b{_EAT}\b\s+(?:[\w',]+\s+){{0,4}}(?:{_LITTLE})\b(?=.*\b{_FAINT})",
        rf"\b(?:{_LITTLE})\s+(?:[\w',]+\s+){{0,3}}{_EAT}\b(?=.*\b{_FAINT})",
        rf"\b{_FAINT}\b(?=.*\b(?:{_EAT}|honger|calorie\w*|afvallen|afgevallen|kilo)\b)",
        rf"\b(?:{_EAT}|honger|calorie\w*)\b.*\b{_FAINT}",
        r"\b(?:overgeven|kotsen|braken|uitkotsen|overgegeven|gekotst)\b(?=.*\b(?:expres|express|na\s+(?:het\s+|elk\w*\s+)?(?:eten|maaltijd|eetbui)|vinger|zelf|mezelf|eetbui\w*|dik|calorie\w*|wc\s+op|kilo)\b)",
        r"\b(?:expres|express|mezelf\s+laten|na\s+elk\w*\s+(?:maaltijd|eten))\s+(?:[\w',]+\s+){0,2}(?:overgeven|kotsen|braken)\b",
        r"\bvinger(?:s)?\s+in\s+(?:mijn|de|m'n)\s+keel\b",
        r"\blaxeer\w*|\blaxeermiddel\w*|\blaxantia\b",
        r"\b(?:haven'?t|have\s+not|didn'?t|did\s+not|hardly)\s+(?:eat|eaten|ate)\s+(?:anything\s+|much\s+)?(?:in|for)\s+(?:\d+|two|three|four|five|six|a\s+few)\s+days\b|\b(?:starving|purging|throwing\s+up)\s+(?:[\w',]+\s+){0,3}(?:on\s+purpose|after\s+(?:eating|dinner|meals?))\b",
        r"\b(?:max(?:imaal)?|hooguit|nog\s+maar|maar|minder\s+dan|onder\s+de)\s+(?:\d{2,3}|honderd|tweehonderd|driehonderd|vierhonderd|vijfhonderd)\s+(?:kcal|calorie\w*)\b",
        r"\b(?:ik\s+heb|heb\s+ik|ik\s+denk\s+dat\s+ik)\s+(?:[\w',]+\s+){0,2}(?:anorexia|boulimia|boulimie|een\s+eetstoornis|eetstoornis)\b",
        r"\b(?:\d+|tien|vijftien|twintig|zoveel)\s+(?:kilo|kg)\s+(?:[\w',]+\s+){0,4}afgevallen\b(?=.*\b(?:nog\s+(?:steeds|meer|te)|dik|niet\s+genoeg|nie\s+genoeg|wil\s+nog|eet\s+bijna|flauw|duizelig|mag\s+niet)\b)",
        r"\b(?:mag|durf)\s+(?:ik\s+)?(?:van\s+mezelf\s+)?(?:[\w',]+\s+){0,2}(?:niet|nie|niks|niets|geen)\s+(?:meer\s+)?(?:eten|te\s+eten)\b(?=.*\b(?:dagen|week|weken|flauw|duizelig|kilo|dik|afgevallen|bang)\b)",
        r"\b(?:dagen|week|weken)\s+(?:[\w',]+\s+){0,3}(?:bijna\s+)?(?:niks|niets|niet)\s+(?:meer\s+)?gegeten\b(?=.*\b(?:dik|kilo|afvallen|afgevallen|mag|durf|flauw|duizelig|calorie\w*|lichaam|spiegel)\b)",
    ],
    guard=r"\b(?:griep|buikgriep|voedselvergiftiging|ziek|koorts|beugel|verstandskies\w*|keelontsteking|ramadan|vasten|zwanger\w*|kater|bloed\s+prikken|bloedprikken|hitte|warm|hitteslag|les\s+over|verslag|casus|patient\w*|client\w*|cliënt\w*|mijn\s+zus|mijn\s+vriendin|mijn\s+broer|documentaire|docu|film|serie|hond|kat|baby|bewoner\w*)\b",
)
_rule(
    "eating_disorder",
    "unsure",
    [
        rf"\b{_EAT}\b\s+(?:[\w',]+\s+){{0,3}}(?:{_LITTLE})\b(?=.*\b(?:dagen|week|weken|dik|kilo|mag\s+(?:niet|nie)|durf|bang|lichaam|spiegel)\b)",
        r"\b(?:durf|mag)\s+(?:[\w',]+\s+){0,2}(?:niet|nie)\s+(?:meer\s+)?(?:te\s+)?eten\b|\bbang\s+om\s+(?:te\s+)?(?:eten|aan\s+te\s+komen)\b",
        r"\beetbui\w*\b(?=.*\b(?:schaam|haat|overgeven|kotsen|daarna|elke|straf)\b)|\bcalorie\w*\s+(?:[\w',]+\s+){0,2}(?:tel|tellen)\b(?=.*\b(?:dik|bang|obsessie|elke|niet\s+meer|nie\s+meer)\b)",
        r"\b(?:voel\s+me|ben|vind\s+mezelf)\s+(?:[\w',]+\s+){0,2}(?:te\s+)?(?:dik|vet)\b(?=.*\b(?:eet|eten|gegeten|kilo|afvallen|haat|walg)\b)",
        r"\bmaaltijden\s+(?:[\w',]+\s+){0,2}(?:overslaan|over\s+sla|oversla|overgeslagen)\b(?=.*\b(?:dik|kilo|afvallen|bang|expres|dagen|niemand)\b)",
    ],
    guard=rf"\b(?:{STUDY}|griep|ziek|ramadan|vasten|beugel|les\s+over|patient\w*|client\w*|mijn\s+zus|mijn\s+vriendin|haha|lol|cheatday|sportschool|bulken)\b",
)

# Self-harm
_BODY = (
    r"(?:arm|armen|pols|polsen|been|benen|bovenbeen|bovenbenen|buik|huid|hoofd|dijen|dij|heupen)"
)
_rule(
    "self_harm",
    "crisis",
    [
        rf"\b(?:snij|sneed|snijden|gesneden|kras|krassen|gekrast|brand|gebrand|bijt|beet|slaan|geslagen|sla|krab|krabben|opengekrabd|open\s+gekrabd|beschadig\w*|verwond\w*|bonk\w*|pijn\s+(?:doen|gedaan|doe))\b\s*(?:[\w',]+\s+){{0,4}}(?:mezelf|mijn\s+{_BODY})\b",
        r"\bmezelf\s+(?:(?!(?:niet|nie|nooit|geen|never)\b)[\w',]+\s+){0,4}(?:snij|sneed|snijden|gesneden|kras|krassen|gekrast|gebrand|brand|geslagen|sla|bijt|gebeten|opengekrabd|krab|straf|straffen|te\s+straffen|pijn\s+(?:doe|doen|gedaan|te\s+doen)|aandoe|aan\s+te\s+doen|aandoen|iets\s+aan|beschadig\w*|verwond\w*)\b",
        rf"\b(?:in|op)\s+mijn\s+{_BODY}\s+(?:[\w',]+\s+){{0,2}}(?:gekrast|gesneden|gebrand|geslagen|gekrabd)\b",
        r"\bzelfbeschadig\w*|\bautomutilatie\b|\bself\s*harm\w*\b|\bselfharm\w*",
        r"\b(?:doe|deed|gedaan|doen)\s+(?:me|mezelf)\s+(?:weer\s+|expres\s+|soms\s+|vaak\s+)?pijn\b(?!\s+(?:bij|met)\s+(?:het\s+)?(?:sporten|sport|training|vallen))",
        r"\b(?:opengekrast|open\s+gekrast|opengehaald)\b|\bknijp\s+mezelf\s+(?:[\w',]+\s+){0,2}(?:tot|blauw|paars)\b",
        r"\b(?:weer|opnieuw)\s+(?:[\w',]+\s+){0,2}(?:gesneden|snijden|gekrast|krassen|gebrand|begonnen\s+met\s+(?:snijden|krassen))\b|\b(?:ik\s+)?snij\s+(?:weer|nog\s+steeds|elke|soms|vaak)\b|\b(?:ik\s+)?kras\s+(?:weer|soms|vaak)\b",
        r"\b(?:littekens|wondjes|sneetjes|snijwondjes|snijwonden|krassen|brandwondjes)\b(?=.*\b(?:verberg\w*|lange\s+mouwen|niemand\s+(?:[\w',]+\s+)?(?:ziet|weet|zien)|schaam|nieuwe|stoppen|armen|benen|bovenbenen)\b)",
        r"\blange\s+mouwen\s+(?:[\w',]+\s+){0,4}(?:zodat|zo\s+dat|want|om)\s+(?:[\w',]+\s+){0,3}(?:niemand|ze\s+niet|niet\s+ziet|niet\s+zien)\b",
        # not someone else's: "de jongen sloeg zijn hoofd tegen de muur" (told at work)
        r"(?<!\bzijn\s)(?<!\bhaar\s)(?<!\bhun\s)\bhoofd\s+(?:[\w',]+\s+){0,2}tegen\s+(?:de|een)\s+muur\b",
        r"\bverdien\s+(?:[\w',]+\s+){0,2}pijn\b|\bom\s+(?:nog\s+)?iets\s+te\s+voelen\b",
        # hurt on purpose to feel something: "ijs op mn huid gehouden tot het verbrandde. ik
        # wou gewoon iets voelen"
        rf"\b(?:{_BODY}|verbrand\w*|gebrand|bloed\w*|pijn)\b.*\b(?:wou|wilde|wil)\s+(?:gewoon\s+|alleen\s+|even\s+)?(?:weer\s+)?(?:iets|pijn)\s+voelen\b",
        r"\b(?:scheer)?mesjes?\b(?=.*\b(?:arm|armen|mezelf|etui|nodig|weer|klaar|pols|been|benen)\b)",
        rf"\bpolsen\s+(?:weer\s+)?open\s*(?:gehaald|gemaakt|gesneden)\b|\bmijn\s+{_BODY}\s+(?:[\w',]+\s+){{0,3}}open\s*(?:gehaald|gekrabd|gesneden)\b",
        r"\b(?:krassen|snijden|branden)\s+helpt\b|\b(?:kan|kon)\s+(?:het\s+)?(?:niet|nie)\s+(?:meer\s+)?tegenhouden\b(?=.*\b(?:gekrast|gesneden|krassen|snijden)\b)",
        rf"\b(?:wil|ga|denk\s+erover)\s+{F3}mezelf\s+{F2}(?:pijn\s+doen|iets\s+aandoen|iets\s+aan\s+te\s+doen|snijden|krassen|branden)\b",
        rf"\b{_BODY}\s+(?:[\w',]+\s+){{0,2}}(?:vol|zitten\s+vol)\s+(?:met\s+)?(?:sneetjes|krassen|sneden|wondjes|littekens)\b",
    ],
    guard=r"\b(?:kat|poes|hond|konijn|cavia|doornstruik|braam\w*|koken|groente|uien|vinger|knie|voetbal\w*|gym|slager|vlees|auto|muggen\w*|muggenbulten|kop|sportschool|spierpijn|scheren|oven|bakker|ehbo|les\s+over|tatoeage|operatie|blindedarm\w*|gevallen|verbindt|snijwond\s+verbindt|knippen|kappers\w*|fiets|hockey|bloed\s+afnemen|lab\w*)\b",
)

# Abuse: violence or sexual abuse at home, by a partner or anyone
_HIT = (
    r"(?:slaat|sloeg|slaan|schopt|schopte|duwt|duwde|wurgt|wurgde|knijpt|stompt|mishandelt|misbruikt|"
    r"verkracht|bedreigt|bedreigde|trapt|trapte|bijt|schudt|geduwd|geslagen|geschopt|gewurgd|vastgepakt|"
    r"betast|gezoend|gebeten|opgesloten|sluit|sloten)"
)
_rule(
    "abuse",
    "crisis",
    [
        rf"\b{_HIT}\s+(?:me|mij|ons)\b(?!\s+(?:altijd\s+|steeds\s+)?(?:met|in|bij)\s+(?:fifa|fortnite|de\s+game|het\s+spel|schaken|dammen|tennis|pingpong|padel|een\s+potje|sneeuwballen|kussens|schaak|kaarten|uno|monopoly))",
        r"\b(?:me|mij)\s+(?:[\w',]+\s+){0,5}(?:geslagen|geschopt|geduwd|gewurgd|vastgepakt|betast|gezoend|opgesloten|in\s+elkaar\s+geslagen|mishandeld|misbruikt|verkracht|aangerand|aangeraakt|uitgekleed)\b",
        rf"\b(?:word|werd|ben|wordt|worden)\s+{F3}(?:geslagen|mishandeld|misbruikt|bedreigd|aangerand|verkracht|gestalkt|geschopt|gewurgd|in\s+elkaar\s+geslagen|opgesloten|uitgescholden\s+en\s+geslagen)\b",
        r"\baangerand\b|\bverkracht\w*|\bseksueel\s+(?:misbruik\w*|geweld|aangerand)|\bincest\b|\bmishandel\w*|\baanranding\b",
        rf"\bthuis\s+(?:[\w',]+\s+){{0,3}}(?:geslagen|mishandeld|oorlog|geweld)\b|\b(?:thuis|daar)\s+is\s+(?:het\s+)?{F1}(?:niet|nie)\s+(?:meer\s+)?veilig\b|\b(?:niet|nie)\s+veilig\s+(?:meer\s+)?thuis\b|\bvoel\s+me\s+(?:thuis\s+)?(?:niet|nie)\s+(?:meer\s+)?veilig\b",
        r"\bblauwe\s+plekken\b",
        r"\bzit\s+(?:[\w',]+\s+){0,2}aan\s+(?:me|mij)\b|\baan\s+mijn\s+(?:lichaam|borsten|billen|kont|broek)\b|\bhandtastelijk\b|\bongewenst\s+(?:[\w',]+\s+)?(?:aangeraakt|aanraken|aanrakingen)\b|\bbegint\s+(?:[\w',]+\s+){0,2}over\s+mijn\s+lichaam\b",
        r"\b(?:s|'s)\s+nachts\s+(?:[\w',]+\s+){0,3}(?:mijn\s+)?kamer\s+(?:in|binnen)\b",
        r"\bdingen\s+(?:met|bij)\s+(?:me|mij)\b(?=.*\b(?:niet\s+mogen|niet\s+wil|nie\s+wil|vroeger|durf|niemand|geheim)\b)|\bdeed\s+(?:[\w',]+\s+)?dingen\s+met\s+me\b",
        r"\b(?:dwong|dwingt|gedwongen|dwingen)\s+(?:[\w',]+\s+){0,4}(?:seks|naar\s+bed|aanraken|uitkleden|pijpen|dingen\s+die\s+ik\s+(?:niet|nie)\s+wil)\b",
        rf"\b(?:bang|angst)\s+(?:om\s+)?(?:[\w',]+\s+){{0,2}}(?:naar\s+huis|thuis\s+te\s+komen)\b|\bbang\s+voor\s+(?:mijn\s+)?{FAMILY}\b",
        r"\bdurf\s+(?:[\w',]+\s+)?(?:niet|nie)\s+(?:meer\s+)?(?:naar\s+huis|thuis)\b",
        rf"\b{FAMILY}\s+(?:[\w',]+\s+){{0,3}}(?:wordt|werd|is)\s+(?:[\w',]+\s+)?agressief\b|\bagressief\s+(?:[\w',]+\s+){{0,3}}(?:tegen\s+mij|naar\s+mij)\b",
        r"\b(?:gooit|gooide|smijt)\s+(?:[\w',]+\s+){0,2}naar\s+(?:me|mij|mijn\s+hoofd)\b",
        r"\b(?:klap|klappen|schop|trap|stomp|vuistslag|tik)\s+(?:[\w',]+\s+){0,3}(?:gekregen|gegeven|geeft|gaf|krijg|kreeg)\b|\b(?:geeft|gaf|krijg|kreeg|geven)\s+(?:[\w',]+\s+){0,2}(?:een\s+)?(?:klap|klappen|schop|trap|stomp|pak\s+slaag)\b|\bpak\s+slaag\b",
        r"\b(?:gaat|wil|zal|komt|gaan)\s+(?:me|mij)\s+(?:[\w',]+\s+){0,3}(?:vermoorden|doodmaken|dood\s+maken|iets\s+aandoen|wat\s+aandoen|pijn\s+doen|opwachten|neersteken|steken|kapot\s*maken|in\s+elkaar\s+slaan|pakken|te\s+grazen)\b",
        r"\b(?:me|mij)\s+(?:[\w',]+\s+){0,2}(?:gaat|wil|zal|komt|gaan)\s+(?:[\w',]+\s+){0,2}(?:vermoorden|doodmaken|opwachten|neersteken|steken|kapot\s*maken|in\s+elkaar\s+(?:te\s+)?slaan)\b|\bopwacht\w*\b(?=.*\b(?:slaan|in\s+elkaar|pakken|vrienden)\b)",
        r"\b(?:me|mij)\s+(?:[\w',]+\s+){0,2}(?:vermoorden|iets\s+aandoet|wat\s+aandoet|aandoet)\b(?=.*\b(?:meent|meen|serieus|dreig\w*|vader|moeder|ouders|ex|vriend)\b)",
        r"\b(?:dreig|dreigt|dreigen|dreigde|gedreigd)\w*\s+(?:[\w',]+\s+){0,6}(?:slaan|aan\s+te\s+doen|aandoen|kapot|vermoorden|dood|steken|mes|in\s+elkaar)\b",
        r"\bmes\s+(?:[\w',]+\s+){0,2}(?:gepakt|getrokken|gestoken|steken|bedreigd)\b|\bmet\s+een\s+mes\s+(?:[\w',]+\s+){0,2}(?:bedreigd|gestoken|steken)\b",
        r"\b(?:stalkt|stalken|gestalkt|achtervolgt\s+me|volgt\s+me|stalker)\b|\bstaat\s+(?:[\w',]+\s+){0,2}(?:bij|voor)\s+mijn\s+(?:huis|deur|school|werk)\b|\bweet\s+(?:[\w',]+\s+)?waar\s+ik\s+woon\b",
        r"\b(?:mijn\s+)?(?:vader|stiefvader|vriend)\s+(?:heeft\s+)?(?:mijn\s+)?moeder\s+(?:[\w',]+\s+){0,2}(?:geslagen|slaat|sloeg|mishandeld)\b",
        r"\bwakker\s+geworden\s+naast\s+iemand\b(?=.*\bweet\s+(?:niet|nie)\b)|\biets\s+in\s+mijn\s+drankje\b",
        r"\bnee\s+zei\b|\bterwijl\s+ik\s+nee\b|\bzonder\s+dat\s+ik\s+(?:het\s+)?wilde\b",
        r"\bnepaccount\w*\b(?=.*\b(?:foto|volgt|bushalte|stuurt)\b)",
    ],
    guard=r"\b(?:fifa|fortnite|game|gamen|spel|kickboks\w*|boksen|judo|karate|houdgreep|beveiliging|voetbal\w*|hockey|gym|bal|deur|verslag|burgerschap|profielwerkstuk|pws|les\s+over|casus|criminologie|onderwerp|film|serie|docu|boek|blijf-van-mijn-lijfhuis|stage\s+is\s+in|door\s+(?:zijn|haar|hun)|dieren|dierenopvang|hond|honden|kat|katten|paard|paarden|puppy|asiel|sneeuwballen|kussen\w*|alarm|achter\s+me\s+aan|weg\s+van\s+de\s+bank|klant|fortnite|ingemaakt|de\s+klok|insta(?!.*nepaccount)|planten|pakken\s+we|opruimen)\b",
)
_rule(
    "abuse",
    "unsure",
    [
        r"\b(?:scheldt|schold)\s+(?:me|mij)\s+(?:[\w',]+\s+){0,2}uit\b(?=.*\b(?:elke\s+dag|altijd|thuis|bang)\b)",
        r"\bcontroleert\s+(?:[\w',]+\s+){0,2}(?:mijn\s+)?(?:telefoon|locatie)\b|\bchecks?\s+(?:[\w',]+\s+)?(?:mijn\s+)?locatie\b",
        r"\b(?:vader|moeder|ouders|stiefvader)\b.*\b(?:vermoorden|doodmaken)\b",
    ],
    guard=rf"\b(?:{STUDY}|klant|game|leidinggevende|pauze|toegestaan|haha|lol)\b",
)

# Coercion, sextortion, forced marriage, exploitation
_rule(
    "coercion",
    "crisis",
    [
        r"\bchanteer\w*|\bchantage\b|\bgechanteerd\b|\bsextortion\b|\bafpers\w*|\bafgeperst\b|\bloverboy\b|\bpooier\b|\btippelen\b|\buithuwelijk\w*|\bgedwongen\s+huwelijk\b",
        r"\b(?:schuld|schulden)\b(?=.*\b(?:(?:met|voor)\s+(?:zijn|zn|die)?\s*(?:vrienden|mannen)|dingen\s+(?:voor\s+(?:hem|ze)\s+)?doen|moet\s+(?:ik\s+)?(?:werken|slapen|dealen|verkopen)|terugbetalen\s+met|nooit\s+af)\b)",
        r"\b(?:mannen|klanten)\s+(?:[\w',]+\s+){0,3}(?:betalen\s+(?:hem|haar)|naar\s+me\s+toe)\b|\bmet\s+(?:andere\s+)?mannen\s+(?:[\w',]+\s+){0,2}(?:afspreken|slapen)\s+(?:voor\s+geld|moet)\b|\b(?:uitgeleend|uitlenen)\b(?=.*\b(?:vriend|nacht|mannen)\b)",
        r"\b(?:foto|fotos|foto's|filmpje|filmpjes|beelden)\b.*\b(?:tegen\s+(?:me|mij)|anders\s+(?:staat|gaat|zet)|op\s+(?:tiktok|insta\w*|snap\w*|internet)|rondgestuurd|doorgestuurd)\b(?=.*\b(?:betalen|betaal|ontmoet\w*|anders|gebruikt|wil\s+dat\s+ik|moet|dagen)\b)",
        r"\bmag\s+(?:[\w',]+\s+){0,2}(?:niet|nie)\s+stoppen\s+met\s+(?:dealen|werken\s+voor|verkopen)\b|\b(?:wachten|opwachten)\s+(?:me|mij)\s+(?:[\w',]+\s+){0,3}(?:op\s+)?(?:na\s+school)?\b(?=.*\bmoet\b)",
        r"\b(?:naakt\w*|nudes?|pikante|sexy|seks\w*|filmpje|filmpjes|foto|fotos|foto's|video|beelden)\b.*\b(?:verspreid\w*|online\s+(?:zet|zetten|gezet|te\s+zetten)|doorsturen|doorgestuurd|delen|gedeeld|op\s+internet|aan\s+(?:iedereen|mijn\s+ouders|mijn\s+klas)|naar\s+mijn\s+(?:klas|ouders|school)|te\s+sturen|sturen)\b.*\b(?:dreig\w*|anders|als\s+ik\s+(?:niet|nie|geen)|tenzij|betaal|betalen|geld)\b",
        r"\b(?:dreig\w*|anders|tenzij)\b.*\b(?:naakt\w*|nudes?|filmpje|fotos|foto's|foto)\b.*\b(?:verspreid\w*|online|sturen|delen|doorsturen)\b",
        r"\b(?:naaktfoto\w*|nudes)\b",
        r"\b(?:dwingt|dwong|gedwongen|dwingen)\s+(?:me|mij)\s+(?:[\w',]+\s+){0,3}(?:fotos|foto's|foto|seks|filmpje|dingen|te\s+sturen|naar\s+bed)\b",
        r"\b(?:moet|dwingen|dwingt|willen\s+dat\s+ik|gedwongen|mag\s+(?:niet|nie)\s+weigeren)\s+(?:[\w',]+\s+){0,6}trouwen\b|\bman\s+voor\s+(?:me|mij)\s+(?:[\w',]+\s+)?(?:geregeld|gekozen|uitgezocht)\b|\btrouwen\s+met\s+(?:mijn\s+)?(?:neef|oom|een\s+man\s+die)\b",
        r"\b(?:naar\s+bed|seks)\s+(?:[\w',]+\s+){0,4}(?:voor|om)\s+(?:[\w',]+\s+)?geld\b|\bmet\s+(?:zijn\s+|die\s+)?(?:vrienden|mannen)\s+naar\s+bed\s+moet\b|\bseks\s+(?:[\w',]+\s+)?(?:voor|tegen)\s+(?:geld|een\s+slaapplek|drugs)\b",
        r"\b(?:geld|pakketjes|drugs|spullen)\s+(?:[\w',]+\s+){0,3}(?:afdragen|rondbrengen|bewaren|vervoeren|smokkelen|brengen)\b(?=.*\b(?:anders|dwing\w*|bedreig\w*|doen\s+ze|jongens|in\s+elkaar|familie)\b)",
        r"\banders\s+(?:[\w',]+\s+){0,4}(?:doen\s+ze|doet\s+hij|doet\s+ze|gebeurt\s+er\s+(?:iets|wat)|slaan\s+ze|word\s+ik\s+(?:[\w',]+\s+)?(?:geslagen|in\s+elkaar)|vertelt\s+(?:hij|ze)|zet\s+(?:hij|ze)|pakken\s+ze|krijg\s+ik\s+klappen|haal\s+ik\s+mijn\s+stage)\b",
        r"\b(?:mond|mijn\s+mond)\s+(?:[\w',]+\s+){0,2}houden\b(?=.*\b(?:anders|stage|niemand)\b)",
        r"\b(?:als\s+ik\s+(?:niet|nie|geen)|tenzij\s+ik)\s+(?:[\w',]+\s+){0,3}(?:met\s+(?:hem|haar)\s+(?:[\w',]+\s+)?(?:uitga|uit\s+ga|naar\s+bed|mee|zoen)|betaal|seks)\b",
        r"\bmag\s+(?:[\w',]+\s+){0,3}(?:niemand|nergens)\s+(?:[\w',]+\s+){0,2}(?:zien|spreken|heen|naartoe)\b(?=.*\b(?:zonder\s+(?:hem|haar)|anders|familie|binnen|vriend)\b)|\bmag\s+(?:[\w',]+\s+){0,4}(?:niet|nie)\s+naar\s+school\b(?=.*\b(?:binnen|niemand|trouwen)\b)",
        r"\b(?:zegt|zei)\s+(?:[\w',]+\s+)?dat\s+(?:ze|hij)\s+(?:zichzelf|mij|me)\s+iets\s+aandoet\b",
        r"\bmag\s+(?:[\w',]+\s+){0,3}(?:niet|nie)\s+verder\s+studeren\b(?=.*\btrouwen\b)",
        r"\b(?:berichtjes|berichten|dreigt)\b(?=.*\b(?:weet\s+waar\s+ik\s+woon|als\s+ik\s+ontslag)\b)",
    ],
    guard=r"\b(?:kamer\s+op|opruimen|presenteren|presentatie|schoolboeken|stageproject|portfolio|open\s+dag|bijbaan\s+bij|postnl|werk\s+bij|grapje|haha|lol|les\s+over|verslag|casus|film|serie|profielfoto|pasfoto|schoolfoto|ontwerpen)\b",
)

# Homelessness
_rule(
    "homeless",
    "crisis",
    [
        r"\bdakloos\b|\bgeen\s+(?:huis|dak\s+(?:meer\s+)?boven\s+(?:mijn|m'n)\s+hoofd|slaapplek|slaapplaats|plek\s+om\s+te\s+(?:slapen|wonen)|woonplek|onderdak)\b",
        r"\bnergens\s+(?:om\s+)?(?:heen|naartoe|te\s+slapen|te\s+wonen|kan\s+slapen|meer\s+heen)\b",
        r"\b(?:eruit|op\s+straat|het\s+huis\s+uit|de\s+deur\s+uit|buiten|uit\s+huis)\s+(?:[\w',]+\s+){0,1}(?:gegooid|gezet|geschopt|getrapt)\b|\b(?:gooien|zetten|schoppen)\s+(?:me|mij)\s+(?:eruit|op\s+straat|het\s+huis\s+uit)\b",
        r"\b(?:slaap|sliep|geslapen|slapen|overnacht\w*)\s+(?:[\w',]+\s+){0,4}(?:in\s+(?:de|een|mijn)\s+auto|op\s+(?:het|een)\s+(?:station|bankje|straat)|in\s+(?:het|een)\s+(?:park|portiek|trappenhuis|bos)|buiten|onder\s+(?:een|de)\s+brug|in\s+de\s+fietsenstalling|bij\s+wie\s+(?:me|mij))\b",
        r"\b(?:in\s+(?:de|een|mijn)\s+auto|op\s+(?:het|een)\s+(?:station|bankje)|in\s+(?:het|een)\s+(?:park|portiek|trappenhuis|bos)|onder\s+(?:een|de)\s+brug)\s+(?:[\w',]+\s+){0,2}(?:geslapen|slapen|slaap|sliep|overnacht\w*)\b",
        r"\bweet\s+(?:[\w',]+\s+)?(?:niet|nie)\s+waar\s+(?:ik|we)\s+(?:[\w',]+\s+){0,2}(?:slapen|heen|naartoe|moeten\s+slapen|moet\s+slapen|moet\s+wonen)\b",
        r"\b(?:mag|kan)\s+(?:[\w',]+\s+){0,2}(?:niet|nie)\s+(?:meer\s+)?(?:thuis|naar\s+huis)\s+(?:[\w',]+\s+)?(?:komen|wonen|slapen|terug)\b|\bthuis\s+mag\s+ik\s+(?:niet|nie)\s+meer\s+(?:komen|wonen|slapen)\b",
        r"\bkamer\s+uit\b(?=.*\b(?:nergens|geen|weet\s+(?:niet|nie))\b)|\buit\s+(?:ons|mijn)\s+huis\s+(?:[\w',]+\s+)?gezet\b|\bhuisuitzetting\b|\bontruim\w*\b",
        r"\b(?:zwerf|zwerven|zwerft)\b|\bvan\s+bank\s+naar\s+bank\b",
        r"\b(?:nachtopvang|opvang)\s+(?:[\w',]+\s+){0,2}(?:is\s+|zit\s+)?(?:vol|heeft\s+geen\s+plek)\b|\bnergens\s+(?:woon|wonen)\b|\bwoon\s+(?:nu\s+)?in\s+(?:mijn|mn|de|een)\s+auto\b",
        r"\b(?:weggelopen|weg\s+gelopen)\b(?=.*\b(?:durf|geen\s+plek|nergens|telefoon|leeg|vannacht|slapen|terug)\b)|\bslot\s+(?:[\w',]+\s+)?veranderd\b",
        r"\b(?:logeer|slaap)\s+(?:[\w',]+\s+){0,3}bij\s+(?:telkens\s+)?iemand\s+anders\b|\bgeen\s+plek\s+(?:meer\s+)?(?:om\s+te\s+slapen|voor\s+vannacht)\b|\bheb\s+geen\s+plek\b",
        r"\bsta\s+(?:[\w',]+\s+)?op\s+straat\b(?!\s+(?:te\s+wachten|op\s+de\s+bus))",
        r"\bhuis\s+kwijt\b|\bmijn\s+spullen\s+(?:[\w',]+\s+){0,2}buiten\s+gezet\b",
    ],
    guard=r"\b(?:studentenkamer|verslag|dakloosheid|daklozenopvang|op\s+kamers|trein|halte|afgezet|groepsapp|app|les|lokaal|klas|training|wedstrijd|wachten|flyers|vakantie|weekend|festival|kamperen|camping|tent|schoolkamp|oma|flyer\w*)\b",
)

# Acute panic
_rule(
    "panic",
    "crisis",
    [
        r"\bpaniekaanval\w*|\bhyperventil\w*|\bangstaanval\w*",
        rf"\b(?:krijg|kreeg|heb|had)\s+{F2}geen\s+(?:adem|lucht)\b|\bkan\s+{F2}(?:niet|nie)\s+(?:meer\s+)?(?:ademen|ademhalen|adem\s+halen)\b",
        r"\b(?:hart|hartslag)\s+(?:[\w',]+\s+){0,3}(?:bonkt|gaat\s+(?:zo\s+)?tekeer|klopt\s+in\s+mijn\s+keel|racet|slaat\s+over|gaat\s+zo\s+snel)\b",
        r"\b(?:denk|voelt|voel)\s+(?:[\w',]+\s+){0,2}(?:dat|alsof)\s+ik\s+(?:[\w',]+\s+)?(?:doodga|dood\s+ga|flauwval|stik|gek\s+word)\b",
        rf"\b(?:kan|kun)\s+{F2}(?:niet|nie)\s+(?:meer\s+)?stoppen\s+met\s+(?:huilen|trillen|hyperventileren)\b|\b(?:trillen|tril|huilen|huil)\b.*\b(?:kan|kon)\s+(?:niet|nie)\s+stoppen\b",
        r"\bin\s+paniek\b(?=.*\b(?:help|nu|hart|adem|trillen|nadenken|bonkt|lucht)\b)",
        r"\bik\s+word\s+gek\b(?=.*\b(?:hoofd|stopt|help|kan\s+(?:niet|nie)\s+meer)\b)|\balsof\s+ik\s+gek\s+word\b",
        r"\b(?:borst|keel)\s+(?:[\w',]+\s+){0,2}(?:dicht|strak|benauwd)\b|\balles\s+draait\b(?=.*\b(?:help|adem|bang|kan)\b)|\btintel\w*\b(?=.*\b(?:houdt|help|bang|flauw)\b)",
        r"\bzo'?n\s+aanval\b|\baanval\s+(?:[\w',]+\s+){0,2}(?:help|nu)\b",
    ],
    guard=rf"\b(?:lachen|{SPORT}|sporten|koffie|energy|red\s+bull|verliefd|ehbo|les\s+over|leerden|geleerd|film|laptop|vergat|vergeten|deadline|kou|fietspad|presentatie\s+maar|vroeger)\b",
)

# Weaker signs that ask the gentle question: gas left on, fear of gaining weight, a day's food
# told as a tiny amount.
_rule(
    "method_place",
    "unsure",
    [
        r"\b(?:het\s+)?gas\s+(?:aangezet|aan\s+gezet|opengezet|open\s+gezet|opengedraaid|open\s+gedraaid)\b"
    ],
    guard=r"\b(?:koken|kook\w*|pan|pasta|eten|water|thee|fornuis|kookplaat|oven|verwarming|barbecue|bbq)\b",
)
_rule(
    "eating_disorder",
    "unsure",
    [
        r"\b(?:doodsbang|bang|angst|paniek)\s+(?:om\s+|dat\s+ik\s+)?(?:[\w',]+\s+){0,2}(?:aan\s+te\s+komen|aankom|dik\s+te\s+worden|dikker\s+(?:te\s+)?word\w*)\b",
        r"\b(?:alleen|maar|enkel)\s+(?:een\s+)?(?:halve\s+)?(?:rijstwafel|cracker|beschuit|appel|komkommer|soepstengel)\s+(?:[\w',]+\s+){0,2}gegeten\b",
        r"\b(?:sinds|al)\s+(?:[\w',]+\s+){0,2}(?:niks|niets)\s+(?:meer\s+)?(?:gehad|gegeten)\b(?=.*\b(?:duizelig|flauw|zitten|liggen|trillen|slap)\b)",
        r"\bik\s+tel\s+(?:alles|elke\s+calorie|calorie\w*)\b",
    ],
    guard=rf"\b(?:{SPORT}|wedstrijd|weging|weigh|toernooi|gewichtsklasse|dieet\s+van|dietist\w*|griep|ziek|buikgriep|operatie|stage\s+in\s+het\s+ziekenhuis)\b",
)

# Veiled signs: hiding scars, dissolving into nothing, a stranger at the window or following ask
# the gentle question; thinness above all, fear of eating with others, hunger kept away and days
# on an apple get the full reply unless the model finds them very unlikely.
_rule(
    "self_harm",
    "unsure",
    [
        r"\b(?:verstop|verberg|verstoppen|verbergen)\s+(?:je|ik)?\s*(?:mijn\s+)?(?:littekens|sneden|krassen|wondjes|brandwonden|brandplekken)\b|\b(?:littekens|sneden|krassen)\s+(?:[\w',]+\s+){0,2}(?:verstoppen|verbergen)\b",
        r"\bwat\s+ik\s+met\s+mijn\s+(?:armen|polsen|benen|lichaam)\s+doe\b",
    ],
    guard=r"\b(?:tattoo|tatoeage|operatie|acne|puistjes|eczeem)\b",
)
_rule(
    "eating_disorder",
    "crisis",
    [
        r"\bdun\s+(?:zijn|blijven|worden)\b[^.?!]*\bbelangrijk\w*\b|\bbelangrijk\w*\b[^.?!]*\bdun\s+(?:zijn|blijven|worden)\b",
        r"\bhonger\s+(?:weg\s+te\s+houden|te\s+onderdrukken|niet\s+te\s+voelen|weg\s+houden)\b",
        r"\b(?:niet|nie)\s+(?:meer\s+)?durf\s+te\s+eten\b|\bdurf\s+(?:niet|nie)\s+(?:meer\s+)?te\s+eten\b",
        r"\b(?:sinds|al)\s+(?:[\w',]+\s+){0,2}(?:alleen|maar)\s+(?:een\s+)?(?:halve\s+)?(?:appel|rijstwafel|cracker|beschuit|banaan)\b",
        r"\b(?:haven'?t|havent|have\s+not|didn'?t|didnt|did\s+not|hardly)\s+(?:eat|eaten|ate)\s+(?:anything\s+|much\s+)?(?:in|for)\s+(?:like\s+|about\s+|almost\s+|over\s+)?(?:\d+|two|three|four|five|six|a\s+few)\s+days\b",
    ],
    guard=rf"\b(?:{SPORT}|wedstrijd|weging|toernooi|gewichtsklasse|dietist\w*|griep|ziek|buikgriep|operatie|ramadan|vasten)\b",
)
_rule(
    "passive_wish",
    "unsure",
    [
        r"\b(?:oplossen|verdwijnen|opgaan)\s+in\s+het\s+niets\b|\bin\s+het\s+niets\s+(?:verdwijnen|oplossen)\b"
    ],
    guard=r"\b(?:haha\w*|lol|film|serie|game|vergeten|voorstelling|presentatie|genant|schaam\w*|blunder|tekst|podium|maar\s+de\s+rest)\b",
)
_rule(
    "panic",
    "crisis",
    [
        r"\b(?:can'?t|cant|cannot)\s+breathe\b|\bpanic\s+attack\b|\b(?:i\s+think\s+)?i'?m\s+dying\b(?=.*\b(?:chest|breathe|heart|shaking)\b)",
    ],
    guard=r"\b(?:laugh\w*|haha\w*|lol|lmao|funny|gym|workout|running)\b",
)
_rule(
    "abuse",
    "unsure",
    [
        r"\b(?:staat|staan)\s+iemand\s+(?:[\w',]+\s+){0,3}(?:raam|deur)\b(?=.*\b(?:binnenkomt|binnen\s+komt|help|schreeuw\w*|bang|inbreken)\b)",
        r"\b(?:die|hij|ze|iemand|man|jongen)\s+(?:me|mij)\s+(?:[\w',]+\s+){0,3}(?:volgt|achtervolgt)\b(?=.*\b(?:bang|help|donker|alleen)\b)",
    ],
    guard=r"\b(?:instagram|tiktok|insta|snap|online|haha\w*|lol|game|spel)\b",
)
_rule(
    "method_place",
    "unsure",
    [
        r"\bik\s+(?:zit|sta|lig)\s+(?:nu\s+)?naast\s+het\s+spoor\b(?!.*\b(?:werk|stage|prorail|trein\s+naar)\b)"
    ],
)

_rule(
    "passive_wish",
    "unsure",
    [
        r"\buitgezet\s+worden\b[^.?!]*\bvoorgoed\b|\bvoorgoed\s+uitgezet\b",
        r"\bjammer\s+dat\s+(?:ie|hij|het|die|ze)\s+(?:niet|nie)\s+(?:op\s+me\s+)?(?:viel|raakte|reed)\b",
    ],
    guard=r"\b(?:haha\w*|lol|grapje|wifi|router|laptop|telefoon|computer\s+ging)\b",
)

_rule(
    "eating_disorder",
    "unsure",
    [
        r"\b(?:lunch|eten|brood|boterham\w*|ontbijt)\s+(?:[\w',]+\s+){0,2}in\s+de\s+(?:prullenbak|vuilnisbak|container|afvalbak)\b(?=.*\b(?:altijd|elke\s+dag|stiekem|voordat|niemand)\b)"
    ],
    guard=r"\b(?:beschimmeld|schimmel|vies|bedorven|over\s+de\s+datum|restjes|overgebleven)\b",
)
