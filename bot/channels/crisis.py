"""The crisis reply as the channels give it, before any gate and when Rasa cannot.

Every channel asks ``check`` on the full text first. When Rasa answers, Rasa's own crisis
response (domain/safety.yml, chosen by its safety policy) is what the student reads. When a
channel answers itself (Rasa or the action server away, the terms not yet accepted, practice
mode), ``reply_text`` gives the same words: they are read from the domain file, never copied
into Python, so one edit of the domain changes every channel. Both levels pass every gate: at
the gentle level ("unsure") a channel that answers itself gives ``note_text``
(``utter_crisis_note``: the help line without a question, since nothing waits for an answer);
a message over the length limit goes on to Rasa at either level, which asks its own check.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.config import PROJECT_ROOT

log = logging.getLogger(__name__)

SAFETY_DOMAIN = PROJECT_ROOT / "domain" / "safety.yml"
CRISIS_RESPONSE = "utter_crisis"
NOTE_RESPONSE = "utter_crisis_note"
KIND_SLOT = "crisis_kind"
# A reply that names a help line carries the crisis answer (113, 0800-0113, 112, Veilig Thuis
# 0800-2000, De Kindertelefoon 0800-0432, ...): the channel then adds nothing of its own.
_HELP_NUMBER = re.compile(r"(?<!\d)(?:113|112|0800[-\s]?\d{3,4})(?!\d)")


@dataclass(frozen=True)
class Assessment:
    """What the detector says about one message (the shape of ``bot.nlp.crisis.assess``)."""

    level: str = "none"  # "none" | "unsure" | "crisis"
    category: str | None = None
    kind: str | None = None  # suicide | self_harm | abuse | homeless | panic
    minor: bool = False
    immediate: bool = False

    @property
    def is_crisis(self) -> bool:
        return self.level == "crisis"

    @property
    def needs_reply(self) -> bool:
        """The crisis reply or the gentle note: the message passes every gate."""
        return self.level in ("crisis", "unsure")


NO_CRISIS = Assessment()


def check(text: str) -> Assessment:
    """Assess the whole text (never a cut one). The detector lives in ``bot.nlp.crisis``;
    until its ``assess`` exists, the older yes/no ``signals_crisis`` answers."""
    from bot.nlp import crisis as detector

    assess: Callable[[str], Any] | None = getattr(detector, "assess", None)
    if assess is not None:
        found = assess(text or "")
        return Assessment(
            level=str(getattr(found, "level", "none")),
            category=getattr(found, "category", None),
            kind=getattr(found, "kind", None),
            minor=bool(getattr(found, "minor", False)),
            immediate=bool(getattr(found, "immediate", False)),
        )
    return Assessment(level="crisis") if detector.signals_crisis(text or "") else NO_CRISIS


@lru_cache(maxsize=8)
def _variations(path: Path, response: str = CRISIS_RESPONSE) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        domain = yaml.safe_load(handle) or {}
    variations = (domain.get("responses") or {}).get(response) or []
    if not any(isinstance(v, dict) and v.get("text") for v in variations):
        raise LookupError(f"{path} has no text for {response}")
    return [v for v in variations if isinstance(v, dict) and v.get("text")]


def _matches(condition: Any, kind: str | None) -> bool:
    """Rasa's conditional variations: every slot condition must hold."""
    for item in condition or []:
        if not isinstance(item, dict) or item.get("type", "slot") != "slot":
            return False
        if item.get("name") != KIND_SLOT or item.get("value") != kind:
            return False
    return True


def reply_text(
    kind: str | None = None, path: Path = SAFETY_DOMAIN, response: str = CRISIS_RESPONSE
) -> str:
    """The domain's crisis text for this kind: the first variation whose condition matches
    the kind, else the first one without a condition."""
    variations = _variations(path, response)
    if kind:
        for variation in variations:
            if variation.get("condition") and _matches(variation["condition"], kind):
                return str(variation["text"])
    for variation in variations:
        if not variation.get("condition"):
            return str(variation["text"])
    return str(variations[0]["text"])


def note_text(kind: str | None = None, path: Path = SAFETY_DOMAIN) -> str:
    """The gentle level's words where a channel answers itself (``utter_crisis_note``)."""
    return reply_text(kind, path, NOTE_RESPONSE)


def answer_for(assessment: Assessment) -> list[dict[str, Any]]:
    """What a channel that answers itself says: the crisis reply, the gentle note, or nothing."""
    if assessment.is_crisis:
        return [{"text": reply_text(assessment.kind), "buttons": []}]
    if assessment.needs_reply:
        return [{"text": note_text(assessment.kind), "buttons": []}]
    return []


def carries_help(answers: list[dict[str, Any]]) -> bool:
    """Do these answers already give the student a help line?"""
    return any(_HELP_NUMBER.search(str(answer.get("text") or "")) for answer in answers or [])


def flag_durably(
    flag: Callable[[str, str | None], Any],
    sender_id: str,
    kind: str | None,
    *,
    attempts: int = 4,
    first_delay: float = 0.2,
    background_every: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Store the safety flag for the coach, retrying until it is written.

    A few quick tries in line; if the database is still away, a background thread keeps
    trying (and logs every failure) so the caller can answer the student now. Returns True
    when the flag was written in line."""
    delay = first_delay
    for attempt in range(1, attempts + 1):
        try:
            flag(sender_id, kind)
            return True
        except Exception as error:  # the database may be locked or away for a moment
            log.warning("Safety flag not written yet (attempt %d): %s", attempt, error)
            if attempt < attempts:
                sleep(delay)
                delay *= 2

    def keep_trying() -> None:
        while True:
            sleep(background_every)
            try:
                flag(sender_id, kind)
                log.info("Safety flag written after retrying")
                return
            except Exception as error:
                log.error("Safety flag still not written: %s", error)

    threading.Thread(target=keep_trying, name="safety-flag-retry", daemon=True).start()
    return False
