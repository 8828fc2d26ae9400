"""Which part of the lemniscate and which career competencies each question belongs to.

The reflection is one Rasa form; the phase and competencies follow from the slot being
asked, so they are derived here rather than tracked separately.
"""

from __future__ import annotations

# slot -> (part of the lemniscate, competencies the answer touches)
SLOT_PARTS: dict[str, tuple[str, list[str]]] = {
    # A returning student first says how a step went: that is looking back already.
    "step_outcome": ("terugkijken", ["loopbaansturing"]),
    "experience": ("terugkijken", ["capaciteitenreflectie"]),
    "what_happened": ("terugkijken", ["capaciteitenreflectie"]),
    "other_situations": ("reflecteren", ["capaciteitenreflectie", "motievenreflectie"]),
    "common_thread": ("reflecteren", ["motievenreflectie"]),
    "qualities": ("reflecteren", ["capaciteitenreflectie"]),
    "to_learn": ("reflecteren", ["capaciteitenreflectie"]),
    "motives": ("reflecteren", ["motievenreflectie"]),
    "kernwoord": ("reflecteren", ["motievenreflectie"]),
    "kernwoord_check": ("reflecteren", ["motievenreflectie"]),
    "options": ("vooruitkijken", ["werkexploratie"]),
    "step_what": ("activeren", ["loopbaansturing"]),
    "step_when": ("activeren", ["loopbaansturing"]),
    "step_who": ("activeren", ["netwerken"]),
    "step_zin": ("activeren", ["loopbaansturing"]),
    "step_obstacle": ("activeren", ["loopbaansturing"]),
    "more_steps": ("activeren", []),
    "share_consent": ("afronden", []),
}

REFLECTION_SLOTS = [
    "experience",
    "what_happened",
    "other_situations",
    "common_thread",
    "qualities",
    "to_learn",
    "motives",
    "kernwoord",
    "kernwoord_check",
    "options",
]
STEP_SLOTS = ["step_what", "step_when", "step_who", "step_zin", "step_obstacle"]
FORM_SLOTS = ["step_outcome"] + REFLECTION_SLOTS + STEP_SLOTS + ["more_steps", "share_consent"]
# Answers that may be skipped after repeated not-knowing (the story itself may not).
SKIPPABLE_SLOTS = {
    "other_situations",
    "common_thread",
    "qualities",
    "to_learn",
    "motives",
    "options",
    "step_obstacle",
}
# Which questions each kind of conversation asks, in order (the form's required slots).
# A returning student's conversation is shorter than the first: the loop fades.
CYCLES: dict[str, list[str]] = {
    # the whole reflection: the first time, and whenever a student asks for it
    "full": FORM_SLOTS,
    # returning: how the step went, what happened, what that says about you and whether the
    # kernwoord still fits, then a next step with a date and a helper
    "short": [
        "step_outcome",
        "experience",
        "qualities",
        "kernwoord",
        "kernwoord_check",
        "step_what",
        "step_when",
        "step_who",
        "share_consent",
    ],
    # a check-in: how it goes now, and one step with a date and a helper
    "checkin": [
        "step_outcome",
        "experience",
        "step_what",
        "step_when",
        "step_who",
        "share_consent",
    ],
}


def cycle_slots(cycle: str | None) -> list[str]:
    """The questions of a cycle; the whole reflection when none was chosen."""
    return CYCLES.get(cycle or "full", FORM_SLOTS)


# The value a skipped slot holds: filled for the form, never stored as an answer.
SKIPPED = "-"


def part_of(slot: str) -> str:
    return SLOT_PARTS[slot][0]


def competencies_of(slot: str) -> list[str]:
    return list(SLOT_PARTS[slot][1])
