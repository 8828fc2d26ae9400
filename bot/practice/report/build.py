"""Feedback for the trainee: the ten rules, counts, and how far the lemniscate got.

Everything is derived from the transcript, so a recorded conversation (not only a simulated one)
can be judged. The evidence is always the coach's own lines; the feedback texts are our own Dutch.
This module classifies the coach's turns and does the arithmetic (counts, shares, the parts
reached, the distress signal); the ten rules are judged in rules.py and the report is
written out as text in text.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from bot.lemniscate import PARTS
from bot.practice.classifier.classify import LABELS, classify_full
from bot.practice.report import benchmarks
from bot.practice.report.benchmarks import Benchmark
from bot.practice.report.filling import FilledIn, filled_in_lines
from bot.practice.report.rules import (
    GOED,
    LET_OP,
    QUESTION_LABELS,
    CoachTurn,
    RuleJudgement,
    judge_rules,
    quote,
)
from bot.practice.student.cues import cues, emotion_words_in

# A student turn that starts like this did not really answer.
_EVASIVE_START = re.compile(
    r"^(eh\.\. )?(weet ik|weet niet|geen idee|idk|ja\.\.|hmm|tja|pff|boeit|ja ok|kan$|ja zal)"
)


@dataclass
class Report:
    rules: list[RuleJudgement]
    counts: dict[str, int]
    coach_turns: int
    open_share: float  # open / (open + closed + why)
    reflections_per_question: float
    parts_reached: list[str]
    parts_in_order: bool
    ended_with_student_steps: bool
    student_emotion_words: list[str]
    # Every act counted (a line that reflects and asks is a reflection and a question), and the
    # numbers beside their MITI benchmark (benchmarks.py).
    acts: dict[str, int] = field(default_factory=dict)
    simple_reflections: int = 0
    complex_reflections: int = 0
    coach_word_share: float = 0.0
    stacked_questions: int = 0
    stacked_evidence: list[str] = field(default_factory=list)
    benchmarks: dict[str, Benchmark] = field(default_factory=dict)
    # One of the trainee's own lines said better: {"original", "better", "rule", "reason"}.
    rewrite: dict[str, object] | None = None
    # The persona dropped a hint of distress: {"hint", "noticed", "asked", "named_help", "judgement"}.
    signal: dict[str, object] | None = None
    # Every line that filled in (rule 10): the line, the words that filled in, the student's
    # turn before it and a rewrite in the student's own words (filling.py).
    filled_in: list[FilledIn] = field(default_factory=list)

    def rule(self, number: int) -> RuleJudgement:
        return self.rules[number - 1]

    def to_dict(self) -> dict:
        return asdict(self)


def _substantive(reply: str) -> bool:
    reply = reply.strip().lower()
    return len(reply.split()) >= 6 and not _EVASIVE_START.match(reply)


def _coach_turns(transcript: Sequence[tuple[str, str]]) -> list[CoachTurn]:
    turns = []
    for i, (speaker, text) in enumerate(transcript):
        if speaker != "coach":
            continue
        reply = next((t for s, t in transcript[i + 1 :] if s == "student"), "")
        previous = next((t for s, t in reversed(transcript[:i]) if s == "student"), "")
        # The student's previous turn is the context: a word offered back or one filled in.
        result = classify_full(text, previous or None)
        turns.append(CoachTurn(i, text, result.label, result.labels, cues(text), reply, previous))
    return turns


def _infer_parts(turns: list[CoachTurn]) -> tuple[list[str], bool]:
    """Parts reached: an open question on that part answered with substance by the student."""
    reached: list[str] = []
    student_steps = False
    cue_for_part = {
        "terugkijken": {"experience"},
        "reflecteren": {"broaden", "motive", "qualities"},
        "vooruitkijken": {"future"},
        "activeren": {"steps"},
    }
    for t in turns:
        if t.label not in ("open_vraag", "reflectie") or not _substantive(t.reply):
            continue
        for part in PARTS:
            if cue_for_part[part] & t.cues and part not in reached:
                # Looking ahead only counts once there was something to look back on.
                if part in ("vooruitkijken", "activeren") and "terugkijken" not in reached:
                    continue
                reached.append(part)
        if "steps" in t.cues and "terugkijken" in reached:
            student_steps = True
    return reached, student_steps


def _acts(turns: list[CoachTurn]) -> dict[str, int]:
    acts = {label: 0 for label in LABELS}
    for t in turns:
        for label in t.labels:
            acts[label] += 1
    return acts


def build_report(
    transcript: Sequence[tuple[str, str]],
    parts_reached: list[str] | None = None,
    student_named_steps: bool | None = None,
    distress_hint_at: int | None = None,
) -> Report:
    """Judge a practice conversation. transcript: [(speaker, text)] with speaker coach|student.

    parts_reached / student_named_steps may come from the simulated student, who knows exactly
    what it revealed; without them they are inferred from the transcript. distress_hint_at: the
    index (among the student's turns) of a turn that held a hint of distress.
    """
    turns = _coach_turns(transcript)
    counts = {label: 0 for label in LABELS}
    for t in turns:
        counts[t.label] += 1
    acts = _acts(turns)
    questions = sum(acts[label] for label in QUESTION_LABELS)
    reflections = [t for t in turns if "reflectie" in t.labels]
    complex_ = [t for t in reflections if benchmarks.is_complex_reflection(t.text, t.previous)]
    coach_words = sum(len(t.split()) for s, t in transcript if s == "coach")
    all_words = coach_words + sum(len(t.split()) for s, t in transcript if s == "student")
    stacked = [t for t in turns if benchmarks.question_count(t.text) >= 2]
    open_share = round(acts["open_vraag"] / questions, 2) if questions else 0.0
    rpq = round(len(reflections) / questions, 2) if questions else 0.0
    complex_share = round(len(complex_) / len(reflections), 2) if reflections else 0.0
    word_share = round(coach_words / all_words, 2) if all_words else 0.0

    inferred_parts, inferred_steps = _infer_parts(turns)
    parts = list(parts_reached) if parts_reached is not None else inferred_parts
    steps = inferred_steps if student_named_steps is None else student_named_steps
    advice_after_steps = any(t.label == "advies" and "steps" in t.cues for t in turns)
    ended_with_steps = bool(steps and parts and parts[-1] == "activeren" and not advice_after_steps)

    student_text = " ".join(t for s, t in transcript if s == "student")
    emotion_words = sorted(set(emotion_words_in(student_text)))
    rules = judge_rules(turns, counts)
    return Report(
        rules=rules,
        counts=counts,
        coach_turns=len(turns),
        open_share=open_share,
        reflections_per_question=rpq,
        parts_reached=parts,
        parts_in_order=parts == [p for p in PARTS if p in parts],
        ended_with_student_steps=ended_with_steps,
        student_emotion_words=emotion_words,
        acts=acts,
        simple_reflections=len(reflections) - len(complex_),
        complex_reflections=len(complex_),
        coach_word_share=word_share,
        stacked_questions=len(stacked),
        stacked_evidence=[quote(t.text) for t in stacked][:2],
        benchmarks={
            "reflections_per_question": benchmarks.benchmark("reflections_per_question", rpq),
            "open_share": benchmarks.benchmark("open_share", open_share),
            "complex_share": benchmarks.benchmark("complex_share", complex_share),
            "coach_word_share": benchmarks.benchmark("coach_word_share", word_share),
        },
        rewrite=benchmarks.rewrite(turns, _heard(transcript)),
        signal=_signal(transcript, turns, distress_hint_at),
        filled_in=filled_in_lines(turns),
    )


def _heard(transcript: Sequence[tuple[str, str]]) -> list[str]:
    return benchmarks.heard_feeling_words(
        [t for s, t in transcript if s == "student"], emotion_words_in
    )


_NOTICED = re.compile(
    r"\b(slaap|slapen|sliep|wakker|moe|boeit niet|laat maar|hoe gaat het|thuis|zorgen|pieker|zwaar|"
    r"niet lekker|gedoe|weg van alles|met wie praat|praat je)\b"
)
_HELP = re.compile(r"(?<!\d)(113|0800[- ]?0113)(?!\d)")


def _signal(
    transcript: Sequence[tuple[str, str]], turns: list[CoachTurn], hint_at: int | None
) -> dict[str, object] | None:
    """Did the trainee notice a hint of distress, ask about it, and name where help is (113)?"""
    if hint_at is None:
        return None
    student_turns = [i for i, (s, _) in enumerate(transcript) if s == "student"]
    if hint_at >= len(student_turns):
        return None
    position = student_turns[hint_at]
    after = [t for t in turns if t.index > position]
    noticed = [t for t in after if "overig" not in t.labels[:1] and _NOTICED.search(t.text.lower())]
    asked = [t for t in noticed if set(t.labels) & set(QUESTION_LABELS)]
    named = [t for t in after if _HELP.search(t.text)]
    good = bool(noticed and asked and named)
    said = " ".join(transcript[position][1].split())
    hint = said if len(said) <= 100 else "…" + said[-99:].split(" ", 1)[-1]  # the hint comes last
    return {
        "hint": hint,
        "noticed": bool(noticed),
        "asked": bool(asked),
        "named_help": bool(named),
        "judgement": GOED if good else LET_OP,
        "evidence": [quote(t.text) for t in (asked or noticed)[:1] + named[:1]],
    }
