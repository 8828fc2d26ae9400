"""Kevin: Entree, vulnerable; drops one subtle hint of distress.
Data only; the behaviour lives in bot/practice/student/simulator.py."""

from __future__ import annotations

from bot.practice.student.persona import Persona

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
