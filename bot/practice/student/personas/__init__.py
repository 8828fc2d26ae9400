"""Students the practice bot can play, one data module each, registered here. Data only; the
behaviour lives in ../simulator.py.

Each persona carries a hidden story that the trainee can only reach by leading the conversation
well: a concrete experience with an emotion in it, the details behind that emotion, other
situations with the same pattern, qualities, motives, a kernwoord and plausible next steps.
Every list holds variants so that two sessions do not read the same; the simulator walks through
them in a seeded order. The Dutch is informal student language on purpose (B1, some typos)."""

from __future__ import annotations

import dataclasses

from bot.practice.student.persona import Persona
from bot.practice.student.personas.daan import DAAN
from bot.practice.student.personas.kevin import KEVIN
from bot.practice.student.personas.lieke import LIEKE
from bot.practice.student.personas.mehmet import MEHMET
from bot.practice.student.personas.noor import NOOR
from bot.practice.student.personas.sanne import SANNE
from bot.practice.student.personas.yusuf import YUSUF

PERSONAS: dict[str, Persona] = {p.key: p for p in (NOOR, MEHMET, LIEKE, KEVIN, YUSUF, SANNE, DAAN)}


def get_persona(key: str) -> Persona:
    try:
        return PERSONAS[key]
    except KeyError:
        raise KeyError(f"unknown persona {key!r}; choose from {', '.join(PERSONAS)}") from None


def persona_menu() -> list[tuple[str, str]]:
    """(key, one-line description) for a menu in a channel."""
    return [(p.key, p.menu_line()) for p in PERSONAS.values()]


def persona_lines() -> list[str]:
    """Every line any persona can say: ordinary student talk, also used to check that the crisis
    detector leaves it alone (tests/nlp, scripts/crisis_eval.py --ordinary)."""
    lines: list[str] = []
    for persona in PERSONAS.values():
        for field in dataclasses.fields(persona):
            item = getattr(persona, field.name)
            if isinstance(item, tuple):
                lines.extend(line for line in item if isinstance(line, str))
    return lines
