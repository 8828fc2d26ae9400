"""The reflection form's slots as the actions use them, derived from the questions in
``bot/lemniscate.py`` (each with its part of the lemniscate and its competencies).

The reflection is one Rasa form; the phase and competencies follow from the slot being
asked, so they are derived rather than tracked separately.
"""

from __future__ import annotations

from bot.lemniscate import QUESTION, QUESTIONS, REFLECTION, STEP

REFLECTION_SLOTS = [q.slot for q in QUESTIONS if q.group == REFLECTION]
STEP_SLOTS = [q.slot for q in QUESTIONS if q.group == STEP]
# Every slot of the form, in the order it is asked.
FORM_SLOTS = [q.slot for q in QUESTIONS]
# Answers that may be skipped after repeated not-knowing (the story itself may not).
SKIPPABLE_SLOTS = {q.slot for q in QUESTIONS if q.skippable}
# Fewest words an answer needs; a shorter one is asked about once more.
MIN_WORDS = {q.slot: q.min_words for q in QUESTIONS if q.min_words > 1}
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
    return QUESTION[slot].part


def competencies_of(slot: str) -> list[str]:
    return list(QUESTION[slot].competencies)
