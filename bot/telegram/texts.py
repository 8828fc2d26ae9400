"""Every text the Telegram channel itself says to a student (Dutch, B1 level).

Only what is Telegram's own lives here: the menu, the terms with their button, data commands,
media, follow-up questions and practice mode. What the bot says inside a reflection comes from
Rasa; the notices every channel shares (kept, send again, too long, the terms first, consent)
are domain responses too (bot/channels/notices.py), never in this file.
Where a text can come back often, there are a few variations so the bot sounds less like a machine.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

# ---- the command menu (setMyCommands); Telegram allows 3-256 characters per description ----
COMMANDS = (
    ("start", "Kennismaken en uitleg over je gegevens"),
    ("help", "Wat je hier kunt doen"),
    ("nieuw", "Een nieuw gesprek beginnen"),
    ("pauze", "Het gesprek even stilzetten"),
    ("verder", "Verdergaan waar je was gebleven"),
    ("acties", "Je actiestappen en hoe ze ervoor staan"),
    ("koppel", "Koppelen aan je begeleider met een code"),
    ("mijngegevens", "Een kopie van alles wat is bewaard"),
    ("vergeet", "Al je gegevens laten wissen"),
    ("nietdelen", "Je coach ziet je gesprekken niet meer"),
    ("delen", "Eerder gedeelde gesprekken tonen aan je nieuwe coach"),
    ("oefenen", "Oefen een loopbaangesprek (voor coaches)"),
)

# ---- /start ----
# The follow-up hours follow the settings (FOLLOWUP_EARLIEST_HOUR, FOLLOWUP_LATEST_HOUR): welcome().
WELCOME_TEMPLATE = (
    "Hoi! Ik ben Lemniscaat, een chatbot voor een loopbaangesprek.\n\n"
    "Samen kijken we naar iets wat je kortgeleden hebt meegemaakt. Wat ging goed, wat vond je "
    "belangrijk, en wat wil je nu proberen? Jij vertelt, ik stel vragen. Er zijn geen goede of "
    "foute antwoorden.\n\n"
    "Over je gegevens:\n"
    "• Ik bewaar wat je schrijft onder een code, niet onder je naam of telefoonnummer.\n"
    "• Je begeleider ziet je gesprek alleen als jij daar zelf ja op zegt.\n"
    "• Met /mijngegevens krijg je een kopie van alles. Met /vergeet wis je alles.\n"
    "• Spreek je een actiestap af met een datum? Dan vraag ik op die dag hoe het ging, "
    "tussen {earliest}:00 en {latest}:00.\n\n"
    "Vind je dit goed? Druk dan op Akkoord."
)


def welcome(earliest_hour: int, latest_hour: int) -> str:
    """The privacy terms shown before Akkoord, with the hours follow-ups may be sent."""
    return WELCOME_TEMPLATE.format(earliest=earliest_hour, latest=latest_hour)


ACCEPT_BUTTON = "Akkoord"
ACCEPTED = "Fijn, dank je wel! We kunnen beginnen."
ALREADY_ACCEPTED = "Je had al op Akkoord gedrukt. We gaan gewoon verder."
# ---- messages the bot cannot read ----
ONLY_TEXT = (
    "Leuk dat je dit stuurt! Ik kan alleen tekst lezen. Wil je het in een paar woorden typen?",
    "Dit kan ik helaas niet bekijken of beluisteren. Ik lees alleen tekst. Vertel je het in een berichtje?",
    "Ik begrijp alleen getypte berichten. Schrijf je in je eigen woorden wat je bedoelt?",
)

# ---- /acties ----
NO_ACTIONS = (
    "Je hebt nog geen actiestappen. Die spreek je af aan het eind van een gesprek. "
    "Met /nieuw begin je een gesprek."
)
ACTIONS_HEADER = "Dit zijn jouw actiestappen:"
# The steps themselves: bot/steps_text.py.

# ---- /mijngegevens ----
EXPORT_CAPTION = "Hier is een kopie van alles wat over jou is bewaard."
NOTHING_STORED = "Er is niets van jou bewaard."

# ---- /vergeet ----
FORGET_QUESTION = (
    "Wil je dat ik alles van jou wis? Je gesprekken, actiestappen en de koppeling met je "
    "begeleider zijn dan weg. Dat kan ik niet meer terugdraaien."
)
FORGET_YES = "Ja, wis alles"
FORGET_NO = "Nee, laat maar"
FORGOTTEN = "Klaar. Alles van jou is gewist. Wil je later weer een gesprek? Stuur dan /start."
NOT_FORGOTTEN = "Goed, ik heb niets gewist. Alles blijft zoals het was."

# ---- follow-up on an action step (sent on its due date) ----
FOLLOWUP_QUESTION = (
    "Hoi! Je had je voorgenomen: {what}. Hoe is het gegaan?",
    "Ik ben benieuwd hoe je stap is gelopen: {what}.",
    "Vandaag was de dag voor je stap ({what}). Hoe ging het?",
)
# Button label per short answer code (the code travels in the callback data).
FOLLOWUP_BUTTONS = {"g": "Gelukt", "n": "Nog niet", "a": "Anders gelopen"}
# What a button press means in the student's own voice: this text goes to Rasa as their message.
FOLLOWUP_SAID = {"g": "Het is gelukt", "n": "Het is nog niet gelukt", "a": "Het is anders gelopen"}
FOLLOWUP_TYPE_HINT = "Je mag ook gewoon typen wat er gebeurde."

# ---- /oefenen: practice mode for coaches (the bot plays a student) ----
PRACTICE_MENU = (
    "Oefenen voor coaches. Jij bent de begeleider en leidt het gesprek. Ik speel een student. "
    "Na afloop krijg je feedback op de tien regels van het loopbaangesprek.\n\n"
    "Met wie wil je oefenen?"
)
PRACTICE_MENU_LINE = "• {line}"
PRACTICE_INTRO = (
    "Je oefent nu met {name}. Jij leidt het gesprek, ik ben {name}. "
    "Typ wat je als begeleider zegt, dan antwoordt {name}.\n\n"
    "Met /klaar rond je af en krijg je feedback. Begin maar!"
)
PRACTICE_HELP = (
    "Je bent aan het oefenen met {name}. Typ wat je als begeleider zegt, dan antwoordt {name}. "
    "Met /klaar rond je af en krijg je feedback. Met /nieuw stop je het oefengesprek en begin je "
    "een gewoon gesprek."
)
PRACTICE_INTERRUPTED = "Je oefengesprek met {name} is afgesloten en bewaard. Hier is je feedback."
PRACTICE_AFTER_REPORT = "Wil je nog een keer oefenen? Stuur dan /oefenen."
PRACTICE_ENDED_EMPTY = (
    "Je had nog niets tegen {name} gezegd, dus er is geen feedback. Het oefengesprek is gestopt."
)
PRACTICE_NOT_ACTIVE = "Je bent nu niet aan het oefenen. Met /oefenen begin je een oefengesprek."
PRACTICE_TOO_LONG = "Je bericht is te lang. Houd het onder de {limit} tekens."
PRACTICE_FULL = (
    "Dit gesprek is lang genoeg geworden. Rond het af met /klaar, dan krijg je je feedback."
)
PRACTICE_BROKEN = (
    "Dit oefengesprek kan ik niet meer openen, sorry. Met /oefenen begin je een nieuw gesprek."
)
PRACTICE_GROUP_JOINED = "Je zit nu in de oefengroep '{name}'. De trainer van deze groep ziet je afgeronde oefengesprekken."
PRACTICE_GROUP_UNKNOWN = "Die groepscode ken ik niet. Kijk of je hem goed hebt overgenomen, of vraag hem opnieuw aan je trainer."

# ---- a button that no longer works (for example after a restart of the bot) ----
STALE_BUTTON = "Deze knop werkt niet meer. Typ je antwoord gerust zelf."


def pick(options: Sequence[str] | str) -> str:
    """One of a few variations; a plain string is returned as it is."""
    if isinstance(options, str):
        return options
    return random.choice(tuple(options))


# ---- where the student is in the lemniscate: said when a new part starts ----
PART_STARTED = {
    "terugkijken": "\U0001f501 We zijn bij het eerste deel: terugkijken. Je vertelt wat er gebeurde.",
    "reflecteren": "\U0001f501 Nu komt het tweede deel: reflecteren. We kijken wat dit zegt over jou.",
    "vooruitkijken": "\U0001f501 Nu het derde deel: vooruitkijken. Wat wil je hierna?",
    "activeren": "\U0001f501 Het laatste deel: activeren. We maken een kleine stap die je echt gaat zetten.",
}
