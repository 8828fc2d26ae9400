"""What a channel says itself, in the domain's words.

A channel answers on its own when Rasa does not: the message was kept (Rasa away), the database
is away (send it again), the message is too long, the terms are not accepted yet, an earlier
kept message is answered now, consent to share was taken back. Each notice is a domain response
(``domain/channels.yml``, ``domain/sharing.yml``), read here, so the web chat and Telegram use the
same words and one edit of the domain changes both. The crisis reply is read the same way
(``bot/channels/crisis.py``).
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.config import PROJECT_ROOT

DOMAIN_DIR = PROJECT_ROOT / "domain"

# The notices a Turn can carry (bot/channels/relay.py), each a domain response.
KEPT = "utter_notice_kept"  # Rasa could not answer now; the message waits and is answered later
SLOW = "utter_notice_slow"  # Rasa took longer than the relay waits; the message is saved
RESEND = "utter_notice_resend"  # the database is away; nothing was kept, send it again
TOO_LONG = "utter_notice_too_long"  # over the channel's limit ({limit})
NEEDS_TERMS = "utter_notice_needs_terms"  # the student has not accepted the terms yet
# Said by a channel outside a turn.
REPLAYED = "utter_notice_replayed"  # before the answer to a kept message ({text})
CONSENT_WITHDRAWN = "utter_consent_withdrawn"
NOTHING_SHARED = "utter_consent_nothing_shared"
SHARED_AGAIN = "utter_shared_again"
NOTHING_TO_SHARE_AGAIN = "utter_shared_nothing"


@lru_cache(maxsize=4)
def _responses(directory: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(directory.glob("*.yml")):
        with open(path, encoding="utf-8") as handle:
            domain: dict[str, Any] = yaml.safe_load(handle) or {}
        for name, variations in (domain.get("responses") or {}).items():
            texts = [
                str(v["text"])
                for v in variations or []
                if isinstance(v, dict) and v.get("text") and not v.get("condition")
            ]
            if texts:
                found[name] = texts
    return found


def variations(name: str, directory: Path = DOMAIN_DIR) -> list[str]:
    """Every wording of a notice, as the domain has it."""
    try:
        return _responses(directory)[name]
    except KeyError:
        raise LookupError(f"the domain has no text for {name}") from None


def text(name: str, **values: object) -> str:
    """One wording of a notice (a random one when the domain has several), filled in."""
    chosen = random.choice(variations(name))
    return chosen.format(**values) if values else chosen
