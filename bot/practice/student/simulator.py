"""A deterministic simulated student for practice mode.

The student reacts to the *kind* of coach line (classifier label, with the student's own last reply
as context) and to *what it is about* (topic cues), and opens up only in the order the method asks
for: experience -> what exactly happened (after the feeling got attention) -> other situations ->
what matters -> the kernwoord (over several turns) -> options -> next steps. Good technique is
rewarded, as in MI and the method:
- a reflection draws out more: the next piece of the story, a feeling, a detail;
- a closed question gets the answer that fits what the student already said (its facts);
- repeated why-questions make the student defensive, then short, then silent;
- advice gets "ja maar ..." or polite agreement without ownership;
- the kernwoord emerges over several turns when the coach works for it, not at the first question.
The same persona and seed always give the same replies.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.practice.classifier.classify import classify
from bot.practice.classifier.context import StudentTurn, lemma
from bot.practice.classifier.nivea import explain
from bot.practice.student.cues import cues
from bot.practice.student.persona import Persona

# A coach who notices a hint of distress asks about sleep, home, how it really goes, ...
_DISTRESS_CUES = re.compile(
    r"\b(slaap|slapen|sliep|wakker|moe|boeit niet|laat maar|hoe gaat het (echt|nu|eigenlijk|met je|thuis)|thuis|"
    r"zorgen|pieker|zwaar|niet lekker|gedoe|weg van alles|met wie praat|praat je|hoe is dat|hoe gaat het)\b"
)
_HELP_NAMED = re.compile(
    r"\b(113|0800[- ]?0113|huisarts|vertrouwenspersoon|studentenpsycholoog|hulplijn|"
    r"de kindertelefoon|mentor|decaan)\b"
)
_CONNECTOR = re.compile(r"^(en daarna|en toen|en|toen|daarna|maar)\s+")
_NEGATION = re.compile(r"\b(niet|geen)\b")
_STOP = set(
    "je jij je was ben bent is het een de dat die er nog al wel ook toen dan echt heel erg best "
    "gewoon eigenlijk heb hebt had vond vind voel voelde ging gaat kon kun kan wil wilde moet "
    "zou zo toch dus op in aan met voor van naar bij over".split()
)


@dataclass
class StudentState:
    told_experience: bool = False
    emotion_acknowledged: bool = False
    details_told: int = 0
    broadened: int = 0
    kernwoord_steps: int = 0  # turns the coach worked towards the kernwoord
    kernwoord_named: bool = False
    options_told: int = 0
    steps_told: int = 0
    why_questions: int = 0
    filled_in: int = 0
    advised: int = 0
    reflections_answered: int = 0
    thread: int | None = None  # the rambler's story the coach picked
    distress_hint_at: int | None = None  # index of the student turn that held the hint
    distress_asked: bool = False
    distress_help_named: bool = False
    turns: int = 0
    parts_reached: list[str] = field(default_factory=list)  # in the order first reached


class SimulatedStudent:
    def __init__(self, persona: Persona, seed: int = 0):
        self.persona = persona
        self.state = StudentState()
        self._rng = random.Random(f"{persona.key}:{seed}")
        # One experience variant per session; the others stay unused so sessions differ.
        self._experience = self._rng.choice(persona.experience)
        self._cursors: dict[str, int] = {}
        self._defensive = False
        self._said: list[str] = []  # everything the student said so far
        self._closed: dict[frozenset, bool] = {}  # answers given to closed questions, kept
        self._last_reply: str | None = None  # the context for the next coach line

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
        text = self._distress(coach_line.lower(), label)
        if text is None:
            text = self._respond(label, topic, coach_line.lower(), coach_line)
        if self._defensive and label != "waarom_vraag":
            # A why-question lingers: the next answer starts hesitant.
            text = "eh.. " + text
            self._defensive = False
        text = self._maybe_drop_hint(text)
        self.state.turns += 1
        self._said.append(text)
        self._last_reply = text
        return text

    def _maybe_drop_hint(self, text: str) -> str:
        """The distress hint comes once, two replies after the experience was told."""
        p, s = self.persona, self.state
        if (
            p.distress_hint
            and s.told_experience
            and s.distress_hint_at is None
            and self._cursors.get("after_experience", 0) >= 2
        ):
            s.distress_hint_at = s.turns
            return f"{text}. {p.distress_hint}"
        if s.told_experience:
            self._cursors["after_experience"] = self._cursors.get("after_experience", 0) + 1
        return text

    def _distress(self, lowered: str, label: str) -> str | None:
        p, s = self.persona, self.state
        if s.distress_hint_at is None:
            return None
        if _HELP_NAMED.search(lowered) and ("113" in lowered or s.distress_asked):
            first = not s.distress_help_named
            s.distress_help_named = True
            if first:
                return p.distress_after_help
        if (
            not s.distress_asked
            and label in ("open_vraag", "reflectie", "gesloten_vraag")
            and _DISTRESS_CUES.search(lowered)
        ):
            s.distress_asked = True
            return self._next("distress", p.distress_more, rotate=False)
        return None

    def _respond(self, label: str, topic: frozenset, lowered: str, line: str) -> str:
        p, s = self.persona, self.state
        if (
            p.max_words_understood
            and len(line.split()) > p.max_words_understood
            and label != "overig"
        ):
            return self._next("simpler", p.simpler_please)
        # The coach gives attention to the feeling: a feeling cue or one of the persona's words.
        if (
            s.told_experience
            and label in ("open_vraag", "reflectie")
            and ("feeling" in topic or any(w in lowered for w in p.emotion_words))
        ):
            s.emotion_acknowledged = True

        if label == "waarom_vraag":
            return self._why()
        if label == "gesloten_vraag":
            return self._closed_answer(lowered)
        if label == "invullen":
            return self._filled_in(line, lowered)
        if label == "advies":
            return self._advice()
        if label == "overig":
            if not s.told_experience and "opening" not in self._cursors:
                return self._next("opening", p.opening)
            return self._next("minimal", ("ja", "oké", "hm hm", "ja"))
        if label == "reflectie":
            return self._reflection(topic, lowered)
        return self._open(topic, lowered)

    # -- the kinds of coach lines ------------------------------------------------------------------

    def _why(self) -> str:
        """Evasive, then defensive, then short, then silent."""
        p, s = self.persona, self.state
        s.why_questions += 1
        self._defensive = True
        if s.why_questions == 1:
            return self._next("evasive", p.evasive)
        if s.why_questions == 2:
            return self._next("defensive", p.defensive)
        if s.why_questions == 3:
            return self._next("short", p.short)
        return self._next("silent", p.silent)

    def _filled_in(self, line: str, lowered: str) -> str:
        """Words filled in by the coach: a flat 'ja, zal wel' when they happen to be true, a
        correction in the persona's own words when not. Either way the story does not move on."""
        p, s = self.persona, self.state
        s.filled_in += 1
        filling = explain(line, self._last_reply)
        truth = self._truth(filling.words if filling else ())
        if truth and "?" in line and filling and filling.kind == "suggestive":
            return self._closed_answer(lowered)  # "Was je niet bang?" when she was: "jawel"
        if truth:
            return self._next("flat_filled", p.flat_filled)
        if truth is None and s.filled_in % 2 == 0:
            return self._next("go_along", p.go_along)  # unsure: polite agreement, no ownership
        start = self._next("correction_start", p.correction_starts)
        return f"{start} {self._next('correction', self._own_material(filling))}"

    def _truth(self, words: Sequence[str]) -> bool | None:
        """True when the filled-in words are the persona's own (its feelings, facts, kernwoord),
        False when a fact says otherwise, None when the story does not say."""
        p = self.persona
        facts = dict(p.facts)
        for word in words:
            for key in (word, lemma(word)):
                if key in facts:
                    return facts[key]
        content = [w for word in words for w in word.split() if len(w) > 3]
        if not content:
            return True  # nothing new: the coach's guess was in the student's own words
        own = StudentTurn(" ".join((*p.emotion_words, p.kernwoord, *[k for k, v in p.facts if v])))
        return True if any(own.said(w) for w in content) else None

    def _own_material(self, filling) -> tuple[str, ...]:
        """What it really was, from the persona's own story: its feelings for a feeling, what
        happened for a cause, its own circling for a label or a choice."""
        p, s = self.persona, self.state
        kind = filling.kind if filling else "feeling"
        if kind in ("feeling", "suggestive"):
            return tuple(f"{w}, denk ik" for w in p.emotion_words)
        if kind == "cause" and s.told_experience:
            # What happened, in the student's words: "zo: ik ben tussen ze in gaan zitten".
            return tuple("zo: " + _CONNECTOR.sub("", d.split(". ")[0]) for d in self._detail_list())
        if kind == "choice":
            return p.lost
        return tuple(q.split(". ")[0] for q in p.qualities) or p.lost

    def _advice(self) -> str:
        """'Ja maar ...' or polite agreement; either way the student owns nothing."""
        p, s = self.persona, self.state
        s.advised += 1
        if p.asks_advice and s.advised == 1:
            return self._next("go_along", p.go_along)
        if (
            p.yes_but
            and (s.advised + self._cursors.setdefault("advice_flip", self._rng.randrange(2))) % 2
        ):
            return self._next("yes_but", p.yes_but)
        return self._next("go_along", p.go_along)

    def _closed_answer(self, lowered: str) -> str:
        """The answer that fits what the student already said, the same every time it is asked."""
        p = self.persona
        if any(k in lowered for k in ("zullen we", "mag ik", "is het goed", "vind je het goed")):
            return "ja is goed"
        words = frozenset(
            w for w in re.findall(r"[a-zà-ÿ]+", lowered) if w not in _STOP and len(w) > 2
        )
        answer = self._fact(words)
        if answer is None:
            answer = self._closed.get(words)
        if answer is None:
            answer = self._rng.random() < 0.6
        self._closed[words] = answer
        if _NEGATION.search(lowered) and answer:
            return self._next("jawel", ("jawel", "jawel, wel een beetje"))
        return self._next("yes", p.yes) if answer else self._next("no", p.no)

    def _fact(self, words: frozenset) -> bool | None:
        facts = dict(self.persona.facts)
        for word in sorted(words):
            for key in (word, lemma(word)):
                if key in facts:
                    return facts[key]
        said = " ".join(self._said).lower()
        # Something the student already told about is true.
        if any(len(w) > 3 and re.search(rf"\b{re.escape(w)}", said) for w in sorted(words)):
            return True
        return None

    def _reflection(self, topic: frozenset, lowered: str) -> str:
        """A reflection draws out more: the next piece of the story, a feeling, a detail."""
        p, s = self.persona, self.state
        s.reflections_answered += 1
        if not s.told_experience:
            return self._next("confirm", ("ja", "ja.. klopt"))
        if s.kernwoord_named:
            if s.options_told and "steps" in topic:
                return self._steps()
            return self._options()
        if s.broadened and s.details_told:
            return self._towards_kernwoord()
        if p.threads and s.thread is None:
            picked = self._pick_thread(lowered)
            if picked is None:
                return self._next("ramble", p.rambles)
        if not s.emotion_acknowledged and p.feelings and self._has_more("feelings", p.feelings):
            return self._next("feelings", p.feelings, rotate=False)
        s.emotion_acknowledged = True
        if self._has_more("details", self._detail_list()):
            return self._details()
        if not s.broadened:
            return p.broaden_hint
        return self._next("confirm", ("ja, precies", "klopt ja", "ja.. dat is het wel"))

    def _pick_thread(self, lowered: str) -> int | None:
        for i, (keys, _) in enumerate(self.persona.threads):
            if any(re.search(rf"\b{re.escape(k)}", lowered) for k in keys):
                self.state.thread = i
                return i
        return None

    def _detail_list(self) -> Sequence[str]:
        p, s = self.persona, self.state
        if p.threads and s.thread is not None:
            return p.threads[s.thread][1]
        return p.details

    def _towards_kernwoord(self) -> str:
        """The kernwoord comes over several turns: a motive, the student circling it, then the word."""
        p, s = self.persona, self.state
        s.kernwoord_steps += 1
        self._reach("reflecteren")
        if s.kernwoord_steps == 1:
            return self._next("motives", p.motives, rotate=False)
        if s.kernwoord_steps == 2 and p.kernwoord_hints:
            return self._next("kernwoord_hints", p.kernwoord_hints, rotate=False)
        s.kernwoord_named = True
        return self._next("kernwoord", p.kernwoord_lines)

    def _options(self) -> str:
        p, s = self.persona, self.state
        s.options_told += 1
        self._reach("vooruitkijken")
        if p.asks_advice and s.options_told == 1:
            return (
                self._next("options", p.options, rotate=False)
                + ". "
                + self._next("asks", p.asks_advice)
            )
        return self._next("options", p.options, rotate=False)

    def _steps(self) -> str:
        s = self.state
        s.steps_told += 1
        self._reach("activeren")
        return self._next("steps", self.persona.next_steps, rotate=False)

    def _open(self, topic: frozenset, lowered: str) -> str:
        p, s = self.persona, self.state
        if not s.told_experience:
            if "experience" in topic:
                s.told_experience = True
                self._reach("terugkijken")
                return self._experience
            return self._lost()

        if s.kernwoord_named:
            if "steps" in topic:
                return self._steps()
            if "future" in topic or "motive" in topic:
                return self._options()
        elif "steps" in topic or ("future" in topic and "motive" not in topic):
            return self._lost()

        if (
            p.threads
            and s.thread is None
            and self._pick_thread(lowered) is None
            and ("details" in topic or "experience" in topic)
        ):
            return self._next("ramble", p.rambles)
        if "broaden" in topic:
            if s.details_told == 0:
                return "hmm nee, dit was echt anders dan anders"
            s.broadened += 1
            self._reach("reflecteren")
            return self._next("other", p.other_situations, rotate=False)
        if "motive" in topic:
            if s.details_told and s.broadened:
                return self._towards_kernwoord()
            if s.details_told:
                self._reach("reflecteren")
                return self._next("motives", p.motives)
            return "weet niet.. gewoon dat het goed ging denk ik"
        if "qualities" in topic:
            if not s.details_told:
                return "niks speciaals eigenlijk"
            self._reach("reflecteren")
            return self._next("qualities", p.qualities)
        if "details" in topic or "feeling" in topic or "experience" in topic:
            return self._details()
        if s.emotion_acknowledged and self._has_more("details", self._detail_list()):
            return self._details()
        return self._next(
            "unclear",
            ("hmm, hoe bedoel je?", "weet niet precies wat je bedoelt", "uhm.. wat bedoel je"),
        )

    def _lost(self) -> str:
        p = self.persona
        if p.asks_advice:
            return self._next("asks", p.asks_advice)
        return self._next("lost", p.lost)

    def _details(self) -> str:
        p, s = self.persona, self.state
        if not s.emotion_acknowledged:
            # Rule 4/5: without attention for the feeling the student stays on the surface.
            return self._next("flat", p.flat_details)
        details = self._detail_list()
        if not self._has_more("details", details):
            return "meer was er eigenlijk niet, dat was het wel"
        s.details_told += 1
        return self._next("details", details, rotate=False)
