"""What a simulated student is made of: the hidden story and the ways of answering. Data only;
the behaviour lives in simulator.py, the students themselves in personas/, one module each."""

from __future__ import annotations

from dataclasses import dataclass

# Answers every persona may fall back on when its own lists are empty.
DEFENSIVE = ("weet ik toch niet. dat vroeg je net ook al", "ik weet het niet oké, het is gewoon zo")
SHORT = ("geen idee", "weet niet")
SILENT = ("...", "..")
# After words filled in that happen to be true: flat agreement, the discovery taken away.
FLAT_FILLED = (
    "ja, zal wel",
    "ja.. als jij het zegt",
    "hm ja, kan",
    "zal wel ja",
    "ja, dat zal het wel zijn",
)
# After words filled in that are not the student's: a correction, completed with the persona's own
# material ("nee, eigenlijk niet, het was meer " + what it really was).
CORRECTION_STARTS = (
    "nee, eigenlijk niet, het was meer",
    "nee hoor, niet echt. het was meer",
    "hmm nee, dat is het niet. meer",
    "nee.. zo zou ik het niet zeggen. het was meer",
)


@dataclass(frozen=True)
class Persona:
    key: str
    name: str
    age: int
    situation: str  # one line for the trainee's menu; the only part of the story shown up front
    opening: tuple[str, ...]  # first reply to a greeting
    emotion_words: tuple[
        str, ...
    ]  # the feelings in the experience; a coach who names one acknowledges it
    experience: tuple[str, ...]  # telling the concrete experience (terugkijken)
    details: tuple[str, ...]  # what exactly happened, in the order the student would tell it
    other_situations: tuple[str, ...]  # broadening: the same pattern elsewhere
    qualities: tuple[str, ...]
    motives: tuple[str, ...]
    kernwoord: str
    kernwoord_lines: tuple[str, ...]  # the student naming the kernwoord in their own words
    options: tuple[str, ...]  # vooruitkijken
    next_steps: tuple[str, ...]  # activeren: what, when, with whom
    evasive: tuple[str, ...]  # after a why-question
    yes: tuple[str, ...]
    no: tuple[str, ...]
    go_along: tuple[
        str, ...
    ]  # after advice or words filled in by the coach: agreement without ownership
    lost: tuple[str, ...]  # asked about the future before anything is clear
    flat_details: tuple[str, ...]  # asked what happened, but the feeling was skipped
    # What a reflection draws out before the feeling was given attention: more about how it felt.
    feelings: tuple[str, ...] = ()
    # On the way to the kernwoord: the student circles the word before naming it.
    kernwoord_hints: tuple[str, ...] = ()
    # "ja maar ...": resistance to advice.
    yes_but: tuple[str, ...] = ()
    # After the details, a reflection hints that it happens more often (an opening to broaden).
    broaden_hint: str = "ja.. en eigenlijk heb ik dat vaker, niet alleen toen"
    # What the student knows to be true or false, for closed questions: (word, answer).
    facts: tuple[tuple[str, bool], ...] = ()
    # Repeated why-questions: more defensive, then short, then silent.
    defensive: tuple[str, ...] = DEFENSIVE
    short: tuple[str, ...] = SHORT
    silent: tuple[str, ...] = SILENT
    # The advice-seeker asks back; others never do.
    asks_advice: tuple[str, ...] = ()
    # A student with Dutch as a second language asks for simpler words after a long line.
    simpler_please: tuple[str, ...] = ()
    max_words_understood: int = 0  # 0: any length
    # The rambler tells several stories at once: (keywords, details of that story). Until the coach
    # picks one (names a keyword), a question about what happened gets another ramble.
    threads: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    rambles: tuple[str, ...] = ()
    # Filling in: flat agreement when the coach guessed right, a correction when not.
    flat_filled: tuple[str, ...] = FLAT_FILLED
    correction_starts: tuple[str, ...] = CORRECTION_STARTS
    # A subtle hint of distress, dropped once after the experience; what the student says when the
    # coach asks about it, and after the coach names where help is (113).
    distress_hint: str = ""
    distress_more: tuple[str, ...] = ()
    distress_after_help: str = ""

    def menu_line(self) -> str:
        return f"{self.name} ({self.age}): {self.situation}"
