"""Which part of the lemniscate and which career competencies each question belongs to.

The reflection is one Rasa form; the phase and competencies follow from the slot being
asked, so they are derived here rather than tracked separately.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

# slot -> (part of the lemniscate, competencies the answer touches)
SLOT_PARTS: Dict[str, Tuple[str, List[str]]] = {
    "experience": ("terugkijken", ["capaciteitenreflectie"]),
    "what_happened": ("terugkijken", ["capaciteitenreflectie"]),
    "other_situations": ("reflecteren", ["capaciteitenreflectie", "motievenreflectie"]),
    "qualities": ("reflecteren", ["capaciteitenreflectie"]),
    "motives": ("reflecteren", ["motievenreflectie"]),
    "kernwoord": ("reflecteren", ["motievenreflectie"]),
    "options": ("vooruitkijken", ["werkexploratie"]),
    "step_what": ("activeren", ["loopbaansturing"]),
    "step_when": ("activeren", ["loopbaansturing"]),
    "step_who": ("activeren", ["netwerken"]),
    "more_steps": ("activeren", []),
    "share_consent": ("afronden", []),
}

REFLECTION_SLOTS = ["experience", "what_happened", "other_situations", "qualities", "motives", "kernwoord", "options"]
STEP_SLOTS = ["step_what", "step_when", "step_who"]
FORM_SLOTS = REFLECTION_SLOTS + STEP_SLOTS + ["more_steps", "share_consent"]


def part_of(slot: str) -> str:
    return SLOT_PARTS[slot][0]


def competencies_of(slot: str) -> List[str]:
    return list(SLOT_PARTS[slot][1])
