"""The vocabulary of the method, written once: the four parts of the lemniscate in the order of
the conversation, the end states of a conversation, and their Dutch names (docs/method.md)."""

from __future__ import annotations

# The four parts, in order: look back, reflect, look ahead, act.
PARTS: tuple[str, ...] = ("terugkijken", "reflecteren", "vooruitkijken", "activeren")
# A conversation's phase: one of the parts, then rounding off and finished.
PHASES: tuple[str, ...] = PARTS + ("afronden", "afgerond")
PHASE_NAMES: dict[str, str] = {
    "terugkijken": "Terugkijken",
    "reflecteren": "Reflecteren",
    "vooruitkijken": "Vooruitkijken",
    "activeren": "Activeren",
    "afronden": "Afronden",
    "afgerond": "Afgerond",
}
PART_NAMES: dict[str, str] = {part: PHASE_NAMES[part] for part in PARTS}

# The last two phases are the end of the activeren part.
_PART_OF_PHASE = {"afronden": "activeren", "afgerond": "activeren"}


def part_of_phase(phase: str | None) -> str | None:
    """The part of the lemniscate for a stored conversation phase (None for none)."""
    if phase in PARTS:
        return phase
    return _PART_OF_PHASE.get(phase or "")
