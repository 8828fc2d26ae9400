"""Lieke: Social Work, choosing an internship or a minor.
Data only; the behaviour lives in bot/practice/student/simulator.py."""

from __future__ import annotations

from bot.practice.student.persona import Persona

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
