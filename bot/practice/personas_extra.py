"""Three students that each train one more skill (issue 12): a student with Dutch as a second
language (short, simple sentences; asks for simpler words after a long line), an advice-seeker
("wat zou jij doen?") and a rambler who tells three stories at once until the coach picks one."""

from __future__ import annotations

from .persona import Persona

YUSUF = Persona(
    key="yusuf",
    name="Yusuf",
    age=21,
    situation="mbo-4 Logistiek, Nederlands is zijn tweede taal, wil misschien naar het hbo.",
    opening=("hallo. het gaat goed. dank je", "hoi. goed. een beetje moe"),
    emotion_words=("blij", "trots", "zenuwachtig"),
    experience=(
        "vorige week op mijn stage. de baas was ziek. ik moest de planning maken. voor de hele dag. ik was zenuwachtig. maar het ging goed",
        "op stage. een vrachtwagen was te laat. ik heb alles opnieuw gepland. ik was blij. en een beetje trots",
    ),
    details=(
        "ik heb eerst alle ritten op papier gezet. dan heb ik de chauffeurs gebeld. een voor een",
        "een chauffeur was boos. hij wilde niet later rijden. ik heb rustig uitgelegd waarom. toen was het goed",
        "aan het eind zei mijn baas: goed gedaan. hij zegt dat nooit",
    ),
    other_situations=(
        "thuis ook. ik regel alles voor mijn ouders. brieven, de gemeente, de dokter",
        "bij voetbal maak ik het schema voor de kinderen. wie wanneer speelt",
    ),
    qualities=("ik kan goed plannen. en ik blijf rustig", "ik zie snel wat er mis gaat"),
    motives=(
        "dat alles goed loopt. dat mensen op mij kunnen rekenen",
        "ik wil laten zien dat ik het kan",
    ),
    kernwoord="overzicht",
    kernwoord_lines=(
        "overzicht. ik denk overzicht. dat ik het overzicht heb voor anderen",
        "ik denk: overzicht. op stage, thuis, bij voetbal",
    ),
    options=(
        "misschien hbo logistiek. of eerst werken als planner",
        "planner worden. dan heb ik overzicht over alles",
    ),
    next_steps=(
        "ik ga vrijdag mijn baas vragen of ik vaker mag plannen",
        "ik zoek deze week de open dag van hbo logistiek op",
        "ik vraag mijn docent om hulp met de taal voor het hbo. maandag",
    ),
    evasive=("dat weet ik niet", "ik weet het niet. gewoon"),
    yes=("ja", "ja, klopt"),
    no=("nee", "nee, niet echt"),
    go_along=("ok", "ja ok. misschien"),
    lost=("dat weet ik nog niet", "ik weet het niet. daarom ben ik hier"),
    flat_details=("ik heb de planning gemaakt. klaar", "het ging goed. meer niet"),
    feelings=(
        "ja. mijn handen waren koud. maar ik bleef rustig",
        "ja. ik was blij. heel blij eigenlijk",
    ),
    kernwoord_hints=(
        "ik wil dat ik alles zie. wat er gebeurt. ik weet het woord niet",
        "dat ik weet hoe alles loopt. voor iedereen",
    ),
    yes_but=("ja maar mijn nederlands is niet goed genoeg", "ja maar het hbo is moeilijk"),
    facts=(
        ("zenuwachtig", True),
        ("blij", True),
        ("trots", True),
        ("planning", True),
        ("stage", True),
        ("baas", True),
        ("boos", False),
        ("bang", False),
        ("alleen", True),
        ("hbo", True),
        ("ouders", True),
    ),
    simpler_please=(
        "sorry. ik begrijp de vraag niet goed. kun je het makkelijker zeggen?",
        "dat is een lange zin. wat bedoel je?",
    ),
    max_words_understood=18,
)

SANNE = Persona(
    key="sanne",
    name="Sanne",
    age=18,
    situation="mbo-4 Marketing en communicatie, laatste jaar; wil dat iemand anders voor haar kiest.",
    opening=(
        "hoi! ja goed. ik hoop dat jij me kan vertellen wat ik moet doen haha",
        "hey. ja prima. beetje gestrest over volgend jaar",
    ),
    emotion_words=("trots", "gestrest", "blij"),
    experience=(
        "vorige maand mocht ik op stage de instagram van de winkel doen. een week lang. ik was echt trots, maar ook gestrest",
        "op mijn stage bij een kledingwinkel heb ik een actie bedacht voor instagram. dat ging super goed en ik was zo blij",
    ),
    details=(
        "ik heb foto's gemaakt van klanten in hun favoriete outfit. met toestemming natuurlijk",
        "de eerste dag had ik nul likes en toen dacht ik, zie je wel",
        "aan het eind van de week kwamen er mensen in de winkel die zeiden dat ze het op instagram zagen. toen was ik echt blij",
    ),
    other_situations=(
        "bij mijn vriendinnen ben ik altijd degene die de verjaardagen organiseert. met een thema en alles",
        "op school deed ik de poster voor het gala. die hangt er nog steeds",
    ),
    qualities=(
        "ik kan mensen enthousiast maken, denk ik",
        "ik heb goede ideeën als ik het zelf mag doen",
    ),
    motives=("dat ik iets maak wat mensen blij maakt", "dat ik zelf iets mag bedenken"),
    kernwoord="zelf bedenken",
    kernwoord_lines=(
        "zelf bedenken. als ik iets zelf mag bedenken, dan gaat het goed",
        "ik denk zelf bedenken. instagram, het gala, de verjaardagen",
    ),
    options=(
        "misschien communicatie op het hbo, daar mag je campagnes maken",
        "of een creatieve opleiding, waar ik zelf dingen mag bedenken",
    ),
    next_steps=(
        "ik ga donderdag naar de open avond van communicatie",
        "ik vraag mijn stagebegeleider of ik nog een actie mag doen, volgende week",
        "ik maak een lijstje van wat ik zelf heb bedacht, voor mijn portfolio, dit weekend",
    ),
    evasive=("weet ik niet. wat denk jij?", "geen idee. zeg jij het maar"),
    yes=("ja", "ja zeker"),
    no=("nee", "nee hoor"),
    go_along=("oh ja goed idee! dat ga ik doen denk ik", "ja oké, als jij dat zegt"),
    lost=("geen idee. wat zou jij doen?", "ik weet het echt niet. wat zou jij kiezen?"),
    flat_details=("gewoon posts gemaakt", "het ging goed, meer niet"),
    feelings=(
        "ja, ik was zo bang dat het zou mislukken. ik checkte elk uur",
        "echt trots. mijn baas zei dat ze het zelf nooit had bedacht",
    ),
    kernwoord_hints=(
        "het leukste is als het mijn eigen idee is. niet als iemand zegt wat ik moet doen",
        "als ik het zelf verzin, dan ga ik ervoor. hoe noem je dat",
    ),
    yes_but=("ja maar wat zou jij dan kiezen?", "ja maar wat als het niks wordt?"),
    facts=(
        ("trots", True),
        ("gestrest", True),
        ("blij", True),
        ("bang", True),
        ("instagram", True),
        ("stage", True),
        ("winkel", True),
        ("alleen", True),
        ("boos", False),
        ("hbo", True),
        ("leuk", True),
    ),
    asks_advice=("wat zou jij doen?", "wat zou jij kiezen, als jij mij was?"),
)

DAAN = Persona(
    key="daan",
    name="Daan",
    age=19,
    situation="mbo-4 ICT, vertelt graag en veel; twijfelt tussen werken en doorleren.",
    opening=("hey! ja goed man. druk, druk, druk", "yo. ja prima, veel gedaan deze week haha"),
    emotion_words=("trots", "zenuwachtig", "boos"),
    experience=(
        "nou, deze week was echt gek. op stage bij de helpdesk lag het hele netwerk eruit en ik stond er alleen voor, "
        "en tegelijk hadden we zaterdag een optreden met mijn band en de drummer was ziek, o en ik had ook nog een "
        "gametoernooi waar ik de teamleider was. ik was trots maar ook echt zenuwachtig",
        "ehm waar zal ik beginnen. de storing op stage, dat was heftig, maar ook het optreden met de band waar alles "
        "misging met het geluid, en dan nog dat toernooi met mijn team. ik was de hele week zenuwachtig eigenlijk",
    ),
    details=(
        "ik heb eerst gekeken welke kabel het was en toen de leverancier gebeld",
        "na een uur werkte alles weer. mijn begeleider zei: jij blijft rustig, he",
        "ik heb het daarna allemaal opgeschreven voor de anderen",
    ),
    other_situations=(
        "bij de band ben ik ook altijd degene die het geluid fixt als er iets kapot gaat",
        "en bij het toernooi zeiden ze dat ik de rust in het team was",
    ),
    qualities=(
        "ik blijf rustig als iets kapot is. en ik zoek het uit",
        "ik kan dingen oplossen die anderen opgeven",
    ),
    motives=(
        "dat ik het weer aan de praat krijg als anderen het niet meer weten",
        "dat het gewoon weer werkt, voor iedereen",
    ),
    kernwoord="oplossen",
    kernwoord_lines=(
        "oplossen. ik denk oplossen. de storing, het geluid, het team",
        "oplossen, dat is het eigenlijk overal",
    ),
    options=(
        "misschien toch doorleren, hbo ict, beheer of zo",
        "of gaan werken bij een helpdesk, maar dan met doorgroeien",
    ),
    next_steps=(
        "ik ga mijn begeleider vragen of ik een dag mee mag met de netwerkbeheerder, volgende week",
        "ik zoek de open dag van hbo ict op, deze week nog",
        "ik vraag mijn neef hoe hij het vond, zondag",
    ),
    evasive=("weet ik niet man", "geen idee, het is gewoon zo"),
    yes=("ja", "ja man"),
    no=("nee", "nah"),
    go_along=("ja kan", "ja oké"),
    lost=("pff geen idee, er gebeurt zoveel", "weet ik niet, alles tegelijk"),
    flat_details=("gewoon gefixt", "het werkte weer, klaar"),
    feelings=("ja echt, mijn hart bonkte. iedereen keek naar mij", "ik was vooral trots achteraf"),
    kernwoord_hints=(
        "het valt me op dat ik altijd degene ben die iets weer aan de praat krijgt",
        "als iets kapot is, word ik juist rustig. hoe zeg je dat",
    ),
    yes_but=(
        "ja maar ik heb ook nog de band en het toernooi",
        "ja maar dan heb ik geen tijd meer voor de band",
    ),
    facts=(
        ("trots", True),
        ("zenuwachtig", True),
        ("stage", True),
        ("band", True),
        ("toernooi", True),
        ("alleen", True),
        ("storing", True),
        ("netwerk", True),
        ("boos", False),
        ("bang", False),
        ("leuk", True),
    ),
    threads=(
        (
            ("stage", "storing", "netwerk", "helpdesk", "kabel"),
            (
                "ik heb eerst gekeken welke kabel het was en toen de leverancier gebeld",
                "na een uur werkte alles weer. mijn begeleider zei: jij blijft rustig, he",
                "ik heb het daarna allemaal opgeschreven voor de anderen",
            ),
        ),
        (
            ("band", "optreden", "drummer", "geluid"),
            (
                "de drummer was ziek dus ik heb een vriend gebeld die het nummer kende",
                "toen viel het geluid uit en ik heb in de pauze de kabels opnieuw aangesloten",
                "na afloop zei de eigenaar dat we terug mochten komen",
            ),
        ),
        (
            ("toernooi", "game", "gametoernooi", "team", "teamleider"),
            (
                "we stonden achter en iedereen begon te schelden in de chat",
                "ik heb gezegd: stop, we doen het gewoon stap voor stap. en toen ging het beter",
                "we werden tweede, maar iedereen zei dat het door mij kwam",
            ),
        ),
    ),
    rambles=(
        "ja dus, de storing, maar ook het geluid bij de band was echt kapot, en in het toernooi ging ook van alles mis, snap je",
        "nou eerst de storing, en toen de band, en o ja het toernooi. allemaal tegelijk eigenlijk",
    ),
)
