"""Yusuf: Dutch as a second language; short, simple sentences, asks for simpler words after a
long line.
Data only; the behaviour lives in bot/practice/student/simulator.py."""

from __future__ import annotations

from bot.practice.student.persona import Persona

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
