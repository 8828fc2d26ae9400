"""Rasa reads any message that starts with "/" as an intent shortcut, skipping the NLU
pipeline (and with it the crisis lexicon). Students type slashes for other reasons, so the
REST channel passes every message through ``normalise_student_text`` first: a short list
of bare commands becomes an intent, ``/koppel CODE`` becomes the coach-link intent with its
code, and anything else loses its slash so the NLU pipeline reads it as text.
"""

from __future__ import annotations

import json
import re

# Bare command -> the intent shortcut Rasa receives.
STUDENT_COMMANDS = {
    "/restart": "/restart",
    "/nieuw": "/restart",
    "/help": "/help",
    "/hulp": "/help",
    "/pauze": "/pauze",
    "/stop": "/pauze",
    "/verder": "/verder",
    "/start": "/greet",
    "/nietdelen": "/withdraw_consent",
    "/delen": "/share_again",
}

EMPTY_MESSAGE = "/bad_input" + json.dumps({"input_problem": "empty"})

_KOPPEL = re.compile(r"^/koppel(?:@\w+)?(?:\s+(?P<code>\S.*))?$", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"^[A-Za-z0-9-]{4,20}$")


def normalise_student_text(text: object) -> str:
    if not isinstance(text, str) or not text.strip():
        # An empty message has no tokens for the classifier; name the problem directly.
        return EMPTY_MESSAGE
    stripped = text.strip()
    if not stripped.startswith("/"):
        return text
    koppel = _KOPPEL.match(stripped)
    if koppel:
        code = (koppel.group("code") or "").strip()
        if _CODE.match(code):
            return "/link_coach" + json.dumps({"invite_code": code.upper()})
        # No code or not a code: the bot asks for one; crisis words still reach the NLU.
        return "/link_coach" if not code else code
    command = stripped.split()[0].split("@")[0].lower()
    if stripped.lower().split("@")[0] == command and command in STUDENT_COMMANDS:
        return STUDENT_COMMANDS[command]
    return stripped.lstrip("/").strip()


# ---- typed commands in ordinary words ----------------------------------------------------
# Intents that leave the reflection, change consent or answer instead of it. The classifier
# alone is not enough for them: an ordinary answer ("dat ik niet meer afhankelijk ben",
# "ik wil stoppen met de opleiding") must never withdraw consent or pause. They count when the
# message says the command in so many words (below), or is a very short, very certain guess.
_EXPLICIT = {
    "withdraw_consent": re.compile(
        r"\b(?:niet\s+(?:meer\s+)?delen|stop\s+(?:met\s+)?(?:het\s+)?delen|deel\s+(?:\w+\s+){0,3}niet\s+meer|"
        r"toestemming\s+(?:in)?trekken|trek\s+(?:\w+\s+)?toestemming\s+in|intrekken|nietdelen|"
        r"coach\s+mag\s+(?:\w+\s+){0,3}(?:niet\s+meer|toch\s+niet)\s+(?:zien|lezen)|"
        r"haal\s+(?:\w+\s+){0,3}weg\s+bij\s+(?:mijn|de)\s+coach)\b"
    ),
    "share_again": re.compile(
        r"\b(?:(?:weer|toch|opnieuw|wel)\s+delen|deel\s+(?:\w+\s+){0,4}(?:weer|toch|opnieuw)|"
        r"mag\s+(?:\w+\s+){0,4}(?:weer|toch)\s+(?:zien|delen|lezen)|deel\s+(?:\w+\s+){0,3}met\s+mijn\s+nieuwe\s+coach|"
        r"laat\s+mijn\s+(?:nieuwe\s+)?coach\s+(?:\w+\s+){0,2}zien)\b"
    ),
    "pauze": re.compile(
        r"^(?:ik\s+wil\s+)?(?:ff\s+|even\s+)?(?:pauze|pauzeren|pauzeer|stop|stoppen)(?:\s+(?:even|nu|hoor|voor\s+nu|ermee))*$|"
        r"\b(?:later|straks|morgen|vanavond)\s+verder\b|\bverder\s+(?:later|straks|morgen)\b|"
        r"\b(?:heb|hebt)\s+nu\s+(?:even\s+)?geen\s+tijd|\bgeen\s+tijd\s+nu\b|\bik\s+stop\s+(?:even|ermee|nu)\b|"
        r"\bik\s+wil\s+even\s+stoppen\b|^(?:ik\s+)?moet\s+(?:nu\s+)?(?:gaan|weg|werken|naar\s+(?:de\s+)?les)\b|"
        r"\bbrb\b|\bben\s+zo\s+terug\b|\bff\s+weg\b|\bga\s+(?:nu\s+)?even\s+weg\b|\bkom\s+(?:straks|zo|later)\s+terug\b|"
        r"\bpak\s+het\s+later\s+(?:weer\s+)?op\b|^even\s+niet\s+nu\b|\bopslaan\b|\bik\s+ben\s+er\s+zo\s+weer\b"
    ),
    "opnieuw": re.compile(
        r"^(?:ik\s+wil\s+)?(?:helemaal\s+)?(?:opnieuw|overnieuw|reset|resetten|restart|herstart)$|"
        r"\b(?:(?:opnieuw|overnieuw)\s+(?:beginnen|starten)|begin\s+(?:opnieuw|overnieuw)|alles\s+wissen|nieuw\s+gesprek|van\s+voor\s+af\s+aan|"
        r"terug\s+naar\s+het\s+begin|(?:een\s+)?ander(?:e)?\s+(?:verhaal|ervaring)\s+(?:beginnen|vertellen|kiezen)|"
        r"over\s+iets\s+anders\s+beginnen)\b"
    ),
    "goodbye": re.compile(
        r"^(?:oke\s+|ok\s+)?(?:doe+i+(?:\s+doe+i+)?|dag\s+dag|daag|bye+(?:\s+bye)?|later+|tot\s+(?:ziens|later|zo|straks|morgen|"
        r"de\s+volgende\s+keer|volgende\s+week)|ik\s+ga(?:\s+nu)?|ik\s+ben\s+weg|doeg|fijne\s+(?:avond|dag)(?:\s+nog)?|"
        r"slaap\s+lekker|welterusten|houdoe|ciao|(?:de\s+)?mazzel|spreek\s+je|ik\s+log\s+uit|ik\s+ga\s+slapen(?:\s+doei)?)"
        r"[\s!.]*$"
    ),
    "help": re.compile(
        r"^(?:help+(?:\s+me)?|hulp|/?hulp|uitleg\s+(?:pls|graag|aub)|hoe\s+werkt\s+(?:dit|het|deze\s+\w+)(?:\s+eigenlijk)?|"
        r"wat\s+(?:kan|moet)\s+ik\s+hier(?:\s+doen)?|wat\s+kan\s+(?:jij|je)(?:\s+allemaal)?|wat\s+moet\s+ik\s+doen|"
        r"hoe\s+lang\s+duurt\s+dit|waar\s+is\s+dit\s+(?:gesprek\s+)?voor|wat\s+heb\s+ik\s+hieraan|"
        r"wat\s+is\s+(?:hier\s+)?de\s+bedoeling(?:\s+van\s+dit\s+gesprek)?|"
        r"ik\s+heb\s+hulp\s+nodig\s+met\s+(?:deze|de)\s+(?:app|bot|chat))[\s?!.]*$"
    ),
    "verder": re.compile(
        r"^(?:(?:ok[eé]?|hey|hoi|hallo|ja|nou)[\s,]+)*(?:(?:ik\s+wil|we\s+kunnen|kunnen\s+we|laten\s+we|zullen\s+we)\s+)?"
        r"(?:(?:weer\s+)?verder(?:\s+gaan)?|ga\s+(?:maar\s+)?(?:verder|door)|we\s+gaan\s+(?:verder|door)|door(?:gaan)?|"
        r"volgende\s+vraag)(?:\s+(?:met\s+(?:het|ons|dit)\s+gesprek|waar\s+we\s+(?:gebleven\s+)?waren|hoor|dan|pls|aub))?$|"
        r"^(?:(?:hey|hoi|hallo|oke?)[\s,]+)?(?:ik\s+ben\s+(?:er\s+)?(?:weer|terug)|daar\s+ben\s+ik\s+weer|terug)(?:\s+hoor)?"
        r"(?:[\s,]+verder)?$|\bwaar\s+waren\s+we(?:\s+gebleven)?\b|\bwe\s+waren\s+gebleven\s+bij\b|"
        r"\bik\s+wil\s+het\s+gesprek\s+afmaken\b|^(?:oke?\s+)?ik\s+heb\s+weer\s+tijd$"
    ),
    "link_coach": re.compile(r"\b(?:koppel\w*|code\s+van\s+mijn|verbind\w*\s+(?:dit\s+)?met)\b"),
}
# Short and very certain: a guess the student plainly meant ("ff kappen", "ik ga pitten").
CERTAIN_CONFIDENCE = 0.9
CERTAIN_MAX_WORDS = 3


def is_explicit_command(intent: str, text: str, confidence: float) -> bool:
    """Whether a guessed command intent may stand: said in so many words, or short and certain."""
    pattern = _EXPLICIT.get(intent)
    if pattern is None:
        return True
    lowered = re.sub(r"\s+", " ", (text or "").lower()).strip(" ?!.,")
    if pattern.search(lowered):
        return True
    return confidence >= CERTAIN_CONFIDENCE and len(lowered.split()) <= CERTAIN_MAX_WORDS


COMMAND_INTENTS = frozenset(_EXPLICIT)
