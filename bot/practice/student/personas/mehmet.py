"""Mehmet: first-year hbo Bedrijfskunde from mbo-4 Commercie, behind on credits (BSA).
Data only; the behaviour lives in bot/practice/student/simulator.py."""

from __future__ import annotations

from bot.practice.student.persona import Persona

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
