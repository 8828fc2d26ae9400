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
