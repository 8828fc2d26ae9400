"""A deterministic simulated student for practice mode.

The student reacts to the *kind* of coach line (classifier label) and to *what it is about*
(topic cues), and only opens up in the order the method asks for: experience -> what exactly
happened (after the feeling was acknowledged) -> other situations -> what matters / a word for it
(kernwoord) -> options -> next steps. Leading the conversation badly (why-questions, closed
questions, advice, filling in) gets the answers a real student tends to give: vague, short,
half-hearted. That contrast is what the trainee practises on.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import List, Optional, Sequence

from .classifier import classify
from .cues import cues
from .personas import Persona

PARTS = ("terugkijken", "reflecteren", "vooruitkijken", "activeren")


@dataclass
class StudentState:
    told_experience: bool = False
    emotion_acknowledged: bool = False
    details_told: int = 0
    broadened: int = 0
    qualities_told: int = 0
    motives_told: int = 0
    kernwoord_named: bool = False
    options_told: int = 0
    steps_told: int = 0
    why_questions: int = 0
    filled_in: int = 0
    advised: int = 0
    parts_reached: List[str] = field(default_factory=list)  # in the order first reached


class SimulatedStudent:
    def __init__(self, persona: Persona, seed: int = 0):
        self.persona = persona
        self.state = StudentState()
        self._rng = random.Random(f"{persona.key}:{seed}")
        # One experience variant per session; the others stay unused so sessions differ.
        self._experience = self._rng.choice(persona.experience)
        self._cursors = {}
        self._defensive = False
        self._last_reply: Optional[str] = None  # the context for the next coach line

    # -- helpers ---------------------------------------------------------------------------------

    def _next(self, pool: str, items: Sequence[str], rotate: bool = True) -> str:
        """Next unused item of a pool; rotating pools wrap around from a seeded start."""
        if pool not in self._cursors:
            self._cursors[pool] = self._rng.randrange(len(items)) if rotate else 0
        i = self._cursors[pool]
        self._cursors[pool] += 1
        return items[i % len(items)] if rotate else items[min(i, len(items) - 1)]

    def _has_more(self, pool: str, items: Sequence[str]) -> bool:
        return self._cursors.get(pool, 0) < len(items)

    def _reach(self, part: str) -> None:
        if part not in self.state.parts_reached:
            self.state.parts_reached.append(part)

    # -- the reply ---------------------------------------------------------------------------------

    def reply(self, coach_line: str) -> str:
        label = classify(coach_line, self._last_reply)
        topic = cues(coach_line)
        text = self._respond(label, topic, coach_line.lower())
        if self._defensive and label not in ("waarom_vraag",):
            # A why-question lingers: the next answer starts hesitant.
            text = "eh.. " + text
            self._defensive = False
        self._last_reply = text
        return text

    def _respond(self, label: str, topic: frozenset, lowered: str) -> str:
        p, s = self.persona, self.state
        # The coach gives attention to the feeling: a feeling cue or one of the persona's words.
        if s.told_experience and label in ("open_vraag", "reflectie") and (
                "feeling" in topic or any(w in lowered for w in p.emotion_words)):
            s.emotion_acknowledged = True

        if label == "waarom_vraag":
            s.why_questions += 1
            self._defensive = True
            return self._next("evasive", p.evasive)
        if label == "gesloten_vraag":
            if any(k in lowered for k in ("zullen we", "mag ik", "is het goed", "vind je het goed")):
                return "ja is goed"
            return self._next("yes", p.yes) if self._rng.random() < 0.6 else self._next("no", p.no)
        if label == "invullen":
            s.filled_in += 1
            return self._next("go_along", p.go_along)
        if label == "advies":
            s.advised += 1
            return self._next("go_along", p.go_along) + ". weet niet of dat bij mij past"
        if label == "overig":
            if not s.told_experience and "opening" not in self._cursors:
                return self._next("opening", p.opening)
            return self._next("minimal", ("ja", "oké", "hm hm", "ja"))
        if label == "reflectie":
            if not s.told_experience:
                return "ja"
            return self._next("confirm", ("ja, precies", "ja echt wel", "klopt ja", "ja.. dat is het wel"))
        return self._open(topic)

    def _open(self, topic: frozenset) -> str:
        p, s = self.persona, self.state
        if not s.told_experience:
            if "experience" in topic:
                s.told_experience = True
                self._reach("terugkijken")
                return self._experience
            return self._next("lost", p.lost)

        if s.kernwoord_named:
            if "steps" in topic:
                s.steps_told += 1
                self._reach("activeren")
                return self._next("steps", p.next_steps, rotate=False)
            if "future" in topic or "motive" in topic:
                s.options_told += 1
                self._reach("vooruitkijken")
                return self._next("options", p.options, rotate=False)
        elif "steps" in topic or ("future" in topic and "motive" not in topic):
            return self._next("lost", p.lost)

        if "broaden" in topic:
            if s.details_told == 0:
                return "hmm nee, dit was echt anders dan anders"
            s.broadened += 1
            self._reach("reflecteren")
            return self._next("other", p.other_situations, rotate=False)
        if "motive" in topic:
            if s.details_told and s.broadened:
                s.kernwoord_named = True
                self._reach("reflecteren")
                return self._next("kernwoord", p.kernwoord_lines)
            if s.details_told:
                s.motives_told += 1
                self._reach("reflecteren")
                return self._next("motives", p.motives)
            return "weet niet.. gewoon dat het goed ging denk ik"
        if "qualities" in topic:
            if not s.details_told:
                return "niks speciaals eigenlijk"
            s.qualities_told += 1
            self._reach("reflecteren")
            return self._next("qualities", p.qualities)
        if "details" in topic or "feeling" in topic or "experience" in topic:
            return self._details()
        if s.emotion_acknowledged and self._has_more("details", p.details):
            return self._details()
        return self._next("unclear", ("hmm, hoe bedoel je?", "weet niet precies wat je bedoelt", "uhm.. wat bedoel je"))

    def _details(self) -> str:
        p, s = self.persona, self.state
        if not s.emotion_acknowledged:
            # Rule 4/5: without attention for the feeling the student stays on the surface.
            return self._next("flat", p.flat_details)
        if not self._has_more("details", p.details):
            return "meer was er eigenlijk niet, dat was het wel"
        s.details_told += 1
        return self._next("details", p.details, rotate=False)
