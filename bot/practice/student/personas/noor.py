"""Noor: mbo-4 Pedagogisch medewerker, doubts the step to hbo.
Data only; the behaviour lives in bot/practice/student/simulator.py."""

from __future__ import annotations

from bot.practice.student.persona import Persona

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
