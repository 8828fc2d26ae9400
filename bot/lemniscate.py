"""The vocabulary of the method, written once: the four parts of the lemniscate in the order of
the conversation, the end states of a conversation, their Dutch names (docs/method.md), and every
question of the reflection with its part, its competencies and what is stored of it.

Everything else derives from ``QUESTIONS``: the form's slot lists (bot/nlp/phases.py), the
reflection's stored fields (bot/storage/conversations.py), the coach's summary (the dashboard and
the PDF) and the checks on answers (actions/). CONTRIBUTING.md says what else a new question needs.
"""

from __future__ import annotations

from dataclasses import dataclass

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

# The five career competencies (Kuijpers) a conversation can touch.
COMPETENCIES: tuple[str, ...] = (
    "capaciteitenreflectie",
    "motievenreflectie",
    "werkexploratie",
    "loopbaansturing",
    "netwerken",
)

# Where a question belongs in the form.
FOLLOW_UP = "follow_up"  # how an earlier action step went (a returning student)
REFLECTION = "reflection"  # the story and what it says: the left loop and looking ahead
STEP = "step"  # one action step (stored as a step, not in the reflection)
CLOSING = "closing"  # another step?, sharing with the coach


@dataclass(frozen=True)
class Field:
    """A column of the stored reflection (``reflections``), filled by a question."""

    name: str
    summary_label: str | None = None  # shown under this label in the coach's summary


@dataclass(frozen=True)
class Question:
    """One slot of the reflection form (domain/reflection.yml), in the order it is asked."""

    slot: str
    part: str  # the part of the lemniscate (or "afronden") the question belongs to
    group: str
    competencies: tuple[str, ...] = ()
    stores: tuple[Field, ...] = ()  # the reflection's fields its answer fills
    skippable: bool = False  # may be skipped after repeated not-knowing (the story may not)
    min_words: int = 1  # a shorter answer is asked about once more


QUESTIONS: tuple[Question, ...] = (
    # A returning student first says how a step went: that is looking back already.
    Question("step_outcome", "terugkijken", FOLLOW_UP, ("loopbaansturing",)),
    Question(
        "experience",
        "terugkijken",
        REFLECTION,
        ("capaciteitenreflectie",),
        # The emotion words are found in the experience (and in what happened).
        (Field("experience", "Ervaring"), Field("emotions", "Emoties")),
        min_words=5,
    ),
    Question(
        "what_happened",
        "terugkijken",
        REFLECTION,
        ("capaciteitenreflectie",),
        (Field("what_happened", "Wat er gebeurde"),),
    ),
    Question(
        "other_situations",
        "reflecteren",
        REFLECTION,
        ("capaciteitenreflectie", "motievenreflectie"),
        (Field("other_situations", "Andere situaties"),),
        skippable=True,
        min_words=4,
    ),
    Question(
        "common_thread",
        "reflecteren",
        REFLECTION,
        ("motievenreflectie",),
        (Field("common_thread"),),
        skippable=True,
        min_words=2,
    ),
    Question(
        "qualities",
        "reflecteren",
        REFLECTION,
        ("capaciteitenreflectie",),
        (Field("qualities", "Kwaliteiten"),),
        skippable=True,
        min_words=2,
    ),
    Question(
        "to_learn",
        "reflecteren",
        REFLECTION,
        ("capaciteitenreflectie",),
        (Field("to_learn"),),
        skippable=True,
        min_words=2,
    ),
    Question(
        "motives",
        "reflecteren",
        REFLECTION,
        ("motievenreflectie",),
        (Field("motives", "Motieven"),),
        skippable=True,
        min_words=2,
    ),
    Question(
        "kernwoord",
        "reflecteren",
        REFLECTION,
        ("motievenreflectie",),
        (Field("kernwoord", "Kernwoord"),),
    ),
    Question("kernwoord_check", "reflecteren", REFLECTION, ("motievenreflectie",)),
    Question(
        "options",
        "vooruitkijken",
        REFLECTION,
        ("werkexploratie",),
        (Field("options", "Keuzes om te verkennen"),),
        skippable=True,
        min_words=2,
    ),
    Question("step_what", "activeren", STEP, ("loopbaansturing",), min_words=2),
    Question("step_when", "activeren", STEP, ("loopbaansturing",)),
    Question("step_who", "activeren", STEP, ("netwerken",)),
    Question("step_zin", "activeren", STEP, ("loopbaansturing",)),
    Question("step_obstacle", "activeren", STEP, ("loopbaansturing",), skippable=True),
    Question("more_steps", "activeren", CLOSING),
    Question("share_consent", "afronden", CLOSING),
)
QUESTION: dict[str, Question] = {question.slot: question for question in QUESTIONS}

# The reflection's stored fields, in the order of the conversation (bot/storage/models.py has
# a column for each), and those the coach's summary shows, with their labels.
REFLECTION_FIELDS: tuple[str, ...] = tuple(f.name for q in QUESTIONS for f in q.stores)
SUMMARY_FIELDS: tuple[tuple[str, str], ...] = tuple(
    (f.name, f.summary_label) for q in QUESTIONS for f in q.stores if f.summary_label
)

# The last two phases are the end of the activeren part.
_PART_OF_PHASE = {"afronden": "activeren", "afgerond": "activeren"}


def part_of_phase(phase: str | None) -> str | None:
    """The part of the lemniscate for a stored conversation phase (None for none)."""
    if phase in PARTS:
        return phase
    return _PART_OF_PHASE.get(phase or "")
