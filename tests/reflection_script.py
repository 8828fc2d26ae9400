"""One student's typed answers to a whole reflection, in the order the bot asks, shared by
every test that walks a conversation end to end (REST, web chat, Telegram).

The story holds who was there, what was said, what the student did and what they felt, so the
bot asks no detail follow-ups (rule 5) and the order below is the whole conversation. The
kernwoord, its check, "another step?" and sharing are answered with buttons.
"""

from __future__ import annotations

EXPERIENCE = (
    "Vorige week gaf ik op mijn stage een presentatie over ons project en ik was er echt trots op."
)
ANSWERS = [
    EXPERIENCE,
    "Mijn begeleider vroeg me het project aan het hele team uit te leggen, en iedereen stelde vragen.",
    "Bij de voetbalclub leg ik de jeugd ook oefeningen uit, dat geeft me hetzelfde gevoel.",
    "In allebei leg ik iets uit aan een groep mensen die het nog niet kent.",
    "Ik kan goed uitleggen en ik blijf rustig als het spannend wordt.",
    "Ik wil nog leren om mijn tijd beter te plannen.",
    "Ik vind het belangrijk dat anderen iets van me leren.",
    # kernwoord and its check: buttons
    "Ik wil een minor in het onderwijs verkennen en misschien een meeloopdag doen.",
    "Een mail sturen naar de minorcoördinator over een meeloopdag.",
    "morgen",
    "samen met mijn mentor",
    "8",
    "Misschien vergeet ik het als ik het druk heb met school.",
    # another step? and sharing: buttons
]
