"""Students the practice bot can play. Data only; the behaviour lives in simulator.py.

Each persona carries a hidden story that the trainee can only reach by leading the conversation
well: a concrete experience with an emotion in it, the details behind that emotion, other
situations with the same pattern, qualities, motives, a kernwoord and plausible next steps.
Every list holds variants so that two sessions do not read the same; the simulator walks through
them in a seeded order. The Dutch is informal student language on purpose (B1, some typos).
"""

from __future__ import annotations

import dataclasses

from .persona import Persona
from .personas_extra import DAAN, SANNE, YUSUF

NOOR = Persona(
    key="noor",
    name="Noor",
    age=19,
    situation="mbo-4 Pedagogisch medewerker, laatste jaar, twijfelt over de stap naar het hbo.",
    opening=(
        "hoi! ja prima, beetje moe van stage maar goed",
        "hey, ja gaat wel. was ff druk vandaag",
    ),
    emotion_words=("zenuwachtig", "trots", "schrok"),
    experience=(
        "ehm ok. vorige week op mn stage bij de bso was de pm'er ff weg en toen kregen twee jongens "
        "echt ruzie, een duwde de ander van het klimrek. ik was super zenuwachtig maar achteraf ook wel trots",
        "nou vorige week dinsdag, op de bso. twee jongens gingen op de vuist en ik stond er alleen voor. "
        "ik schrok me echt kapot maar het is wel goed gekomen en daar was ik best trots op",
    ),
    details=(
        "ik ben tussen ze in gaan zitten, op mn hurken, en heb gezegd dat ze allebei mochten vertellen wat er was. eerst de een en dan de ander",
        "de kleinste huilde en wilde niks zeggen. toen heb ik gewoon ff met hem bij het raam gestaan tot hij rustig was",
        "en daarna kwam mn begeleider terug en die zei dat ze het zelf niet beter had gedaan. dat was eigenlijk het moment dat ik dacht oh ik kan dit",
    ),
    other_situations=(
        "thuis eigenlijk ook. mn broertje van 8 en mn nichtje hebben vaak ruzie en dan ben ik altijd degene die het oplost",
        "bij de jumbo waar ik werk moest ik laatst een nieuw meisje inwerken en die was heel onzeker. ik merkte dat ik dan heel rustig word en het gewoon stap voor stap uitleg",
    ),
    qualities=(
        "ik denk dat ik goed rustig kan blijven als het chaos is. en dat ik snel zie wat iemand nodig heeft",
        "kinderen vertrouwen me snel, dat zeggen ze op stage ook",
    ),
    motives=(
        "dat kinderen zich gewoon veilig voelen. dat er iemand is die niet gaat schreeuwen maar luistert",
        "ik vind het belangrijk dat niemand er alleen voor staat, ook die kleine niet",
    ),
    kernwoord="veiligheid",
    kernwoord_lines=(
        "hmm... veiligheid denk ik. dat ik een soort veilige plek ben voor anderen",
        "ik denk veiligheid. dat is het eigenlijk overal, op stage, thuis, bij de jumbo",
    ),
    options=(
        "nou ik twijfelde tussen gewoon werken of pedagogiek op het hbo. maar als het om veiligheid gaat, dan wil ik misschien meer weten over hoe je dat goed doet. dus de Ad pedagogisch educatief professional lijkt me wel iets",
        "misschien niet meteen de hele bachelor maar de Ad, dan zit ik nog dicht bij de kinderen",
    ),
    next_steps=(
        "ik ga me deze week aanmelden voor de open dag van de Ad, die is op 14 maart",
        "en ik ga mn stagebegeleider vragen hoe zij het hbo vond, die heeft dat ook gedaan. gewoon donderdag na de dienst",
        "misschien ff meelopen met een les, als dat kan. dat ga ik vragen bij die open dag",
    ),
    feelings=(
        "ja echt. mn hart ging zo tekeer, ik dacht even wat moet ik nou",
        "ja.. en achteraf was ik eigenlijk best trots dat ik niet ben weggelopen",
    ),
    kernwoord_hints=(
        "het gaat steeds over dat iemand zich niet alleen voelt, of zo. dat er iemand is",
        "ja.. dat het rustig en goed voelt voor iemand. ik weet niet hoe je dat noemt",
    ),
    yes_but=(
        "ja maar ik weet niet of ik het hbo wel aankan",
        "ja maar dan moet ik alles alleen doen en dat vind ik eng",
    ),
    facts=(
        ("zenuwachtig", True),
        ("bang", True),
        ("schrok", True),
        ("trots", True),
        ("alleen", True),
        ("stage", True),
        ("bso", True),
        ("ruzie", True),
        ("leuk", True),
        ("hbo", True),
        ("begeleider", True),
        ("opgelost", True),
        ("boos", False),
        ("weggelopen", False),
        ("gestopt", False),
        ("huilen", False),
    ),
    evasive=(
        "weet ik niet echt.. gewoon",
        "idk, dat voelde gewoon zo",
        "geen idee eigenlijk, het is gewoon zo",
    ),
    yes=("ja", "ja wel", "jaa"),
    no=("nee", "nee niet echt", "nee hoor"),
    go_along=("ja... misschien", "hmm ja zou kunnen", "ja ok, misschien wel"),
    lost=("pff geen idee eigenlijk, daar twijfel ik juist over", "idk, ik weet het echt nog niet"),
    flat_details=(
        "ja gewoon, ik heb het opgelost en toen ging iedereen weer spelen",
        "niks bijzonders, het was zo weer over",
    ),
)

MEHMET = Persona(
    key="mehmet",
    name="Mehmet",
    age=20,
    situation="eerstejaars hbo Bedrijfskunde, komt van mbo-4 Commercie, loopt achter met punten (BSA).",
    opening=("yo, ja goed. beetje gestrest van school eerlijk gezegd", "hoi. ja gaat wel hoor"),
    emotion_words=("dom", "schaamde", "stom"),
    experience=(
        "vorige week kreeg ik de uitslag van statistiek. weer een 4,2. tweede keer. ik voelde me echt dom, ik heb het aan niemand verteld",
        "ok, de herkansing van statistiek. ik had er echt voor gezeten en toch weer niet gehaald. voelde me zo stom",
    ),
    details=(
        "ik had de avond ervoor alles doorgelezen, tot 2 uur s nachts. op het mbo werkte dat altijd",
        "en toen in de zaal snapte ik de vragen niet eens. het was allemaal tekst, geen sommen zoals ik dacht",
        "het ergste was dat lotte uit mn klas het me daarna in tien minuten uitlegde in de kantine. en toen snapte ik het wel. toen schaamde ik me echt",
    ),
    other_situations=(
        "bij mn bijbaan in de telefoonwinkel eigenlijk ook. niemand legt je daar iets uit uit een boek, je doet het gewoon met een collega naast je en dan kan ik het binnen een dag",
        "met voetbal ook, als de trainer iets voordoet en we het samen oefenen dan gaat het ineens",
    ),
    qualities=(
        "ik leer snel als ik het kan doen. en met klanten praten gaat me echt makkelijk af",
        "ik geef niet snel op denk ik. ik ben er nog steeds toch",
    ),
    motives=(
        "ik wil het gewoon halen. mn ouders zijn best trots dat ik op het hbo zit, ik ben de eerste",
        "ik vind het fijn als we iets samen doen, dan voel ik me niet de enige die het niet snapt",
    ),
    kernwoord="samen",
    kernwoord_lines=(
        "hmm. samen denk ik? alles wat lukt doe ik samen met iemand. in de winkel, bij voetbal, met lotte",
        "samen. ik ben geen boekenmens in mn eentje, ik leer met anderen",
    ),
    options=(
        "misschien moet ik niet alles alleen op mn kamer doen. er is toch zo'n studiegroep of bijles van ouderejaars",
        "ik wil wel doorgaan met bedrijfskunde, maar dan anders. meer samen studeren, en ik heb gehoord dat er een peer-coach is",
    ),
    next_steps=(
        "ik ga lotte vragen of we elke dinsdag na college samen statistiek doen. dat vraag ik morgen al",
        "ik meld me deze week aan voor de oefengroep statistiek van de tweedejaars",
        "en ik ga een afspraak maken met mn slb'er over de bsa, voor vrijdag",
    ),
    feelings=(
        "ja. ik wilde eigenlijk door de grond zakken. iedereen heeft het gewoon gehaald",
        "echt stom voelde dat. en ik durfde het ook niet thuis te zeggen",
    ),
    kernwoord_hints=(
        "het valt me op dat het steeds lukt als er iemand naast me zit. raar eigenlijk",
        "alleen lukt het niet, met anderen wel. hoe noem je dat",
    ),
    yes_but=(
        "ja maar bijles kost geld en dat heb ik niet",
        "ja maar ik heb al zo weinig tijd met mijn bijbaan",
    ),
    facts=(
        ("dom", True),
        ("stom", True),
        ("schaamde", True),
        ("gehaald", False),
        ("statistiek", True),
        ("alleen", True),
        ("lotte", True),
        ("bsa", True),
        ("bijbaan", True),
        ("leren", True),
        ("bang", True),
        ("ouders", True),
        ("verteld", False),
        ("gestopt", False),
        ("leuk", True),
    ),
    evasive=("weet ik veel.. gewoon", "geen idee, het is gewoon zo gegaan", "tja. weet niet"),
    yes=("ja", "jawel", "ja klopt"),
    no=("nee", "nah", "nee eigenlijk niet"),
    go_along=("ja.. misschien", "ja zal wel", "hmm ja kan"),
    lost=("eerlijk? geen idee. ik weet niet eens of ik mn bsa haal", "weet ik nog niet man"),
    flat_details=(
        "gewoon, ik had een onvoldoende. meer niet",
        "ja ik had het niet gehaald, dat is het",
    ),
)

LIEKE = Persona(
    key="lieke",
    name="Lieke",
    age=21,
    situation="derdejaars hbo Social Work, moet kiezen tussen een stage in de daklozenopvang en een minor in Barcelona.",
    opening=("hoi! ja goed, beetje keuzestress haha", "hey. ja prima, druk met kiezen"),
    emotion_words=("geraakt", "enthousiast", "verdrietig"),
    experience=(
        "in de projectweek mocht ik een interview doen met een man in de nachtopvang. ik was er echt door geraakt, ik heb de hele weg naar huis in de trein zitten nadenken",
        "ehm, het interview in de nachtopvang. ik kwam er zo enthousiast uit, maar ook een beetje verdrietig, raar mix",
    ),
    details=(
        "hij heette henk, hij had vroeger een eigen bedrijf. hij zei dat niemand hem ooit vroeg hoe het echt met hem ging",
        "ik had een vragenlijst maar die heb ik na vijf minuten weggelegd. ik heb gewoon geluisterd, een uur lang",
        "aan het eind zei hij: jij bent de eerste die me niet als een dossier ziet. toen moest ik bijna huilen",
    ),
    other_situations=(
        "bij de voedselbank waar ik vrijwilliger ben ook. ik sta liever bij de uitgifte te kletsen dan dozen in te pakken",
        "bij mn hockeyclub heb ik een toernooi georganiseerd voor kinderen die geen contributie kunnen betalen. die blikken, dat ze er gewoon bij mochten horen",
    ),
    qualities=(
        "ik kan goed luisteren en doorvragen. mensen vertellen me snel dingen",
        "ik durf wel op mensen af te stappen die anderen links laten liggen",
    ),
    motives=(
        "dat mensen die niemand ziet een stem krijgen",
        "ik vind het belangrijk dat iemand als mens wordt behandeld, niet als een nummer",
    ),
    kernwoord="gezien worden",
    kernwoord_lines=(
        "gezien worden. dat mensen gezien worden. dat komt steeds terug",
        "ik denk... gezien worden? henk, die kinderen, de mensen bij de voedselbank",
    ),
    options=(
        "als ik het zo hoor dan trekt die stage in de opvang me eigenlijk meer dan barcelona. barcelona is vooral leuk, maar de opvang past bij wat ik net zei",
        "ik zou de opvang willen verkennen, en misschien later een keer naar het buitenland voor iets soortgelijks",
    ),
    next_steps=(
        "ik ga de coördinator van de nachtopvang bellen, dinsdag, om te vragen of ik een dag mag meelopen",
        "en ik app sara uit het vierde jaar, die heeft daar stage gelopen. voor het weekend",
        "de deadline voor de minor is 1 maart, dus ik beslis voor die tijd en dat zeg ik tegen mn slb'er",
    ),
    feelings=(
        "ja, ik moest echt slikken. maar ook zo blij dat hij het aan mij vertelde",
        "het was heel dubbel. verdrietig om zijn verhaal maar ook enthousiast, dit wil ik doen",
    ),
    kernwoord_hints=(
        "steeds gaat het over mensen die over het hoofd worden gezien. en dat ik dat niet wil",
        "dat iemand echt bekeken wordt, als mens. er is vast een woord voor",
    ),
    yes_but=(
        "ja maar barcelona is ook echt een kans die ik maar één keer krijg",
        "ja maar mijn ouders vinden barcelona beter voor mijn cv",
    ),
    facts=(
        ("geraakt", True),
        ("enthousiast", True),
        ("verdrietig", True),
        ("henk", True),
        ("opvang", True),
        ("luisteren", True),
        ("barcelona", True),
        ("minor", True),
        ("leuk", True),
        ("bang", False),
        ("boos", False),
        ("vrijwilliger", True),
        ("voedselbank", True),
        ("gekozen", False),
    ),
    evasive=(
        "hmm weet ik eigenlijk niet zo goed",
        "geen idee, het voelde gewoon goed",
        "lastige vraag.. weet niet",
    ),
    yes=("ja", "ja zeker", "jup"),
    no=("nee", "niet echt", "nee, dat niet"),
    go_along=("ja.. misschien wel", "hmm, zou kunnen ja", "ja ok"),
    lost=("dat is het hem juist, ik weet het niet", "idk, daarom zit ik hier haha"),
    flat_details=(
        "het was gewoon een interview voor school",
        "we hebben gepraat en toen was het klaar",
    ),
)

KEVIN = Persona(
    key="kevin",
    name="Kevin",
    age=17,
    situation="Entree-opleiding (niveau 1) logistiek, vaak afwezig, woont bij zijn tante; kwetsbare positie.",
    opening=("hoi", "ja hoi. moet dit lang duren?"),
    emotion_words=("chill", "serieus", "vet"),
    experience=(
        "op stage in het magazijn. vorige week was iemand ziek en toen mocht ik de ochtendcontrole doen van de leveringen. was eigenlijk best chill",
        "ff denken.. vorige week op stage. ik mocht de controle doen in het magazijn, alleen. voelde vet",
    ),
    details=(
        "ron, mn begeleider, gaf me gewoon de scanner en de lijst en zei jij doet het vandaag",
        "er klopte een pallet niet, er zaten 20 dozen te weinig. ik heb dat gezien en gemeld",
        "ron zei toen goed gezien kev. niemand zegt dat ooit tegen mij op school",
    ),
    other_situations=(
        "thuis ook wel. de buurman laat mij zn scooter maken, hij zegt dat hij mij vertrouwt",
        "mn vrienden komen met hun fiets naar mij als ie kapot is. dan maak ik het gewoon",
    ),
    qualities=(
        "ik zie snel als iets niet klopt. en ik ben handig met dingen",
        "als ze me iets geven doe ik het ook goed",
    ),
    motives=(
        "dat ze op me rekenen. dat ik niet die jongen ben die altijd te laat is",
        "dat ik iets mag doen zelf, niet alleen dozen sjouwen",
    ),
    kernwoord="vertrouwen",
    kernwoord_lines=(
        "vertrouwen denk ik. als ze mij vertrouwen dan doe ik het goed",
        "vertrouwen. ron, de buurman, mn vrienden",
    ),
    options=(
        "misschien kan ik daarna niveau 2 logistiek doen. of bbl, dan werk ik en leer ik tegelijk",
        "bbl bij dat magazijn zou vet zijn, als ze me daar willen",
    ),
    next_steps=(
        "ik ga maandag aan ron vragen of bbl bij hun kan",
        "en ik zet twee wekkers, want als ik te laat ben vertrouwen ze me niet",
        "ik maak een afspraak met mn mentor, woensdag, over niveau 2",
    ),
    feelings=(
        "ja. ik voelde me echt even iemand, snap je",
        "vet was het. normaal krijg ik alleen dozen",
    ),
    kernwoord_hints=(
        "als ze me iets geven waar ze op rekenen, dan doe ik het ook. anders niet",
        "het gaat erom dat iemand zegt jij kan dit. ik weet niet hoe je dat zegt",
    ),
    yes_but=(
        "ja maar op school geloven ze me toch niet",
        "ja maar ik kom vaak te laat, dus dat gaat niet",
    ),
    facts=(
        ("chill", True),
        ("vet", True),
        ("alleen", True),
        ("magazijn", True),
        ("stage", True),
        ("ron", True),
        ("scanner", True),
        ("laat", True),
        ("school", False),
        ("leuk", True),
        ("bang", False),
        ("boos", False),
        ("tante", True),
        ("zenuwachtig", False),
    ),
    distress_hint="maar ja. ik slaap ook zo slecht de laatste tijd. boeit niet",
    distress_more=(
        "thuis is het gewoon veel gedoe. soms wil ik gewoon even helemaal weg van alles",
        "ik lig vaak wakker. ik praat er met niemand over eigenlijk",
    ),
    distress_after_help="ok. ik weet niet of ik ga bellen. maar fijn dat je het zegt",
    evasive=("weet ik niet", "geen idee", "boeit niet echt"),
    yes=("ja", "jaa", "ja hoor"),
    no=("nee", "nee", "nah"),
    go_along=("ja ok", "kan", "ja.. misschien"),
    lost=("geen idee. niemand vraagt dat ooit", "weet ik echt niet hoor"),
    flat_details=("gewoon gewerkt", "ja dozen gescand enzo"),
)

PERSONAS: dict[str, Persona] = {p.key: p for p in (NOOR, MEHMET, LIEKE, KEVIN, YUSUF, SANNE, DAAN)}


def get_persona(key: str) -> Persona:
    try:
        return PERSONAS[key]
    except KeyError:
        raise KeyError(f"unknown persona {key!r}; choose from {', '.join(PERSONAS)}") from None


def persona_menu() -> list[tuple[str, str]]:
    """(key, one-line description) for a menu in a channel."""
    return [(p.key, p.menu_line()) for p in PERSONAS.values()]


def persona_lines() -> list[str]:
    """Every line any persona can say: ordinary student talk, also used to check that the crisis
    detector leaves it alone (tests/nlp, scripts/crisis_eval.py --ordinary)."""
    lines: list[str] = []
    for persona in PERSONAS.values():
        for field in dataclasses.fields(persona):
            item = getattr(persona, field.name)
            if isinstance(item, tuple):
                lines.extend(line for line in item if isinstance(line, str))
    return lines
