"""What a simulated student is made of: the hidden story and the ways of answering. Data only;
the behaviour lives in simulator.py, the students themselves in personas.py and personas_extra.py."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

# Answers every persona may fall back on when its own lists are empty.
DEFENSIVE = ("weet ik toch niet. dat vroeg je net ook al", "ik weet het niet oké, het is gewoon zo")
SHORT = ("geen idee", "weet niet")
SILENT = ("...", "..")


@dataclass(frozen=True)
class Persona:
    key: str
    name: str
    age: int
    situation: str  # one line for the trainee's menu; the only part of the story shown up front
    opening: Tuple[str, ...]  # first reply to a greeting
    emotion_words: Tuple[str, ...]  # the feelings in the experience; a coach who names one acknowledges it
    experience: Tuple[str, ...]  # telling the concrete experience (terugkijken)
    details: Tuple[str, ...]  # what exactly happened, in the order the student would tell it
    other_situations: Tuple[str, ...]  # broadening: the same pattern elsewhere
    qualities: Tuple[str, ...]
    motives: Tuple[str, ...]
    kernwoord: str
    kernwoord_lines: Tuple[str, ...]  # the student naming the kernwoord in their own words
    options: Tuple[str, ...]  # vooruitkijken
    next_steps: Tuple[str, ...]  # activeren: what, when, with whom
    evasive: Tuple[str, ...]  # after a why-question
    yes: Tuple[str, ...]
    no: Tuple[str, ...]
    go_along: Tuple[str, ...]  # after advice or words filled in by the coach: agreement without ownership
    lost: Tuple[str, ...]  # asked about the future before anything is clear
    flat_details: Tuple[str, ...]  # asked what happened, but the feeling was skipped
    # What a reflection draws out before the feeling was given attention: more about how it felt.
    feelings: Tuple[str, ...] = ()
    # On the way to the kernwoord: the student circles the word before naming it.
    kernwoord_hints: Tuple[str, ...] = ()
    # "ja maar ...": resistance to advice.
    yes_but: Tuple[str, ...] = ()
    # After the details, a reflection hints that it happens more often (an opening to broaden).
    broaden_hint: str = "ja.. en eigenlijk heb ik dat vaker, niet alleen toen"
    # What the student knows to be true or false, for closed questions: (word, answer).
    facts: Tuple[Tuple[str, bool], ...] = ()
    # Repeated why-questions: more defensive, then short, then silent.
    defensive: Tuple[str, ...] = DEFENSIVE
    short: Tuple[str, ...] = SHORT
    silent: Tuple[str, ...] = SILENT
    # The advice-seeker asks back; others never do.
    asks_advice: Tuple[str, ...] = ()
    # A student with Dutch as a second language asks for simpler words after a long line.
    simpler_please: Tuple[str, ...] = ()
    max_words_understood: int = 0  # 0: any length
    # The rambler tells several stories at once: (keywords, details of that story). Until the coach
    # picks one (names a keyword), a question about what happened gets another ramble.
    threads: Tuple[Tuple[Tuple[str, ...], Tuple[str, ...]], ...] = ()
    rambles: Tuple[str, ...] = ()
    # A subtle hint of distress, dropped once after the experience; what the student says when the
    # coach asks about it, and after the coach names where help is (113).
    distress_hint: str = ""
    distress_more: Tuple[str, ...] = ()
    distress_after_help: str = ""

    def menu_line(self) -> str:
        return f"{self.name} ({self.age}): {self.situation}"
