"""Sanne: the advice-seeker, who asks "wat zou jij doen?". Data only; the behaviour lives in bot/practice/student/simulator.py."""

from __future__ import annotations

from bot.practice.student.persona import Persona

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
