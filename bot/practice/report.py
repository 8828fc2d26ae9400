"""Feedback for the trainee: the ten rules, counts, and how far the lemniscate got.

Everything is derived from the transcript, so a recorded conversation (not only a simulated one)
can be judged. The evidence is always the coach's own lines; the feedback texts are our own Dutch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from bot.lemniscate import PARTS

from . import benchmarks
from .benchmarks import Benchmark
from .classifier import LABELS, classify_full
from .context import StudentTurn
from .cues import cues, emotion_words_in

GOED, LET_OP, NIET_GEZIEN = "goed", "let op", "niet gezien"

RULE_TITLES = {
    1: "Met de student praten, niet tegen de student",
    2: "Uitnodigen tot een recente ervaring",
    3: "Letten op emotiewoorden",
    4: "Emotie erkennen, niet uitdiepen",
    5: "Vragen wat er precies gebeurde",
    6: "Verbreden naar andere situaties",
    7: "Samen het kernwoord vinden",
    8: "Leeg luisteren, vanuit niet-weten",
    # Named without the question word itself: the trainee reads it outside any quote.
    9: "Geen vragen naar de reden",
    10: "NIVEA: niet invullen voor een ander",
}

# A student turn that starts like this did not really answer.
_EVASIVE_START = re.compile(
    r"^(eh\.\. )?(weet ik|weet niet|geen idee|idk|ja\.\.|hmm|tja|pff|boeit|ja ok|kan$|ja zal)"
)
_LECTURE_WORDS = 45
_STOP = set(
    """de het een en of maar dat die dit je jij ik mijn mn me mij we ze zij hij is was ben bent
heb hebt had er ook wel niet nog al zo dan toen als op in aan van voor met naar bij om te tot uit
over echt gewoon eigenlijk dus wat hoe heel best ja nee even ff""".split()
)


@dataclass
class RuleJudgement:
    number: int
    title: str
    judgement: str  # goed / let op / niet gezien
    evidence: list[str] = field(default_factory=list)  # the coach's own lines
    tip: str = ""


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

    def rule(self, number: int) -> RuleJudgement:
        return self.rules[number - 1]

    def to_dict(self) -> dict:
        return asdict(self)


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _substantive(reply: str) -> bool:
    reply = reply.strip().lower()
    return len(reply.split()) >= 6 and not _EVASIVE_START.match(reply)


def _content_words(text: str) -> set:
    return {w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if w not in _STOP and len(w) > 2}


@dataclass
class _Turn:
    index: int
    text: str
    label: str
    labels: tuple[str, ...]
    cues: frozenset
    reply: str  # the student's next turn ("" when none)
    previous: str  # the student's turn before


def _coach_turns(transcript: Sequence[tuple[str, str]]) -> list[_Turn]:
    turns = []
    for i, (speaker, text) in enumerate(transcript):
        if speaker != "coach":
            continue
        reply = next((t for s, t in transcript[i + 1 :] if s == "student"), "")
        previous = next((t for s, t in reversed(transcript[:i]) if s == "student"), "")
        # The student's previous turn is the context: a word offered back or one filled in.
        result = classify_full(text, previous or None)
        turns.append(_Turn(i, text, result.label, result.labels, cues(text), reply, previous))
    return turns


def _infer_parts(turns: list[_Turn]) -> tuple[list[str], bool]:
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


_QUESTION_LABELS = ("open_vraag", "gesloten_vraag", "waarom_vraag")


def _acts(turns: list[_Turn]) -> dict[str, int]:
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
    by = lambda label: [t for t in turns if t.label == label]  # noqa: E731
    acts = _acts(turns)
    questions = sum(acts[label] for label in _QUESTION_LABELS)
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
    rules = [
        _rule1(by("advies"), turns),
        _rule2(turns),
        _rule3(turns),
        _rule4(turns),
        _rule5(turns),
        _rule6(turns),
        _rule7(turns),
        _rule8(turns, counts),
        _rule9(by("waarom_vraag")),
        _rule10(by("invullen")),
    ]
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
        stacked_evidence=[_quote(t.text) for t in stacked][:2],
        benchmarks={
            "reflections_per_question": benchmarks.benchmark("reflections_per_question", rpq),
            "open_share": benchmarks.benchmark("open_share", open_share),
            "complex_share": benchmarks.benchmark("complex_share", complex_share),
            "coach_word_share": benchmarks.benchmark("coach_word_share", word_share),
        },
        rewrite=benchmarks.rewrite(turns, _heard(transcript)),
        signal=_signal(transcript, turns, distress_hint_at),
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
    transcript: Sequence[tuple[str, str]], turns: list[_Turn], hint_at: int | None
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
    asked = [t for t in noticed if set(t.labels) & set(_QUESTION_LABELS)]
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
        "evidence": [_quote(t.text) for t in (asked or noticed)[:1] + named[:1]],
    }


def _judge(
    number: int, judgement: str, evidence: Sequence[_Turn] = (), tip: str = ""
) -> RuleJudgement:
    return RuleJudgement(
        number, RULE_TITLES[number], judgement, [_quote(t.text) for t in evidence][:2], tip
    )


def _rule1(advice: list[_Turn], turns: list[_Turn]) -> RuleJudgement:
    lectures = [t for t in turns if len(t.text.split()) > _LECTURE_WORDS]
    if advice or lectures:
        return _judge(
            1,
            LET_OP,
            advice + lectures,
            "Je gaf advies of sprak lang achter elkaar. Vraag liever wat de student zelf al heeft bedacht.",
        )
    return _judge(1, GOED)


def _rule2(turns: list[_Turn]) -> RuleJudgement:
    questions = [t for t in turns if t.label in ("open_vraag", "gesloten_vraag", "waarom_vraag")]
    invites = [t for t in questions if "experience" in t.cues and t.label == "open_vraag"]
    if not invites:
        return _judge(
            2,
            NIET_GEZIEN,
            tip="Begin bij één concrete ervaring, bijvoorbeeld: "
            "'Welk moment van de laatste weken is je bijgebleven?'",
        )
    if questions.index(invites[0]) > 2:
        return _judge(
            2,
            LET_OP,
            invites[:1],
            "De ervaring kwam pas laat; begin ermee, daar komt de rest uit voort.",
        )
    return _judge(2, GOED, invites[:1])


def _feelings_given_back(turns: list[_Turn]) -> list[tuple[_Turn, str]]:
    """Coach turns that give back a feeling the student expressed earlier (the student's own word,
    compared by lemma and stem), with that word."""
    heard: list[str] = []
    found = []
    for t in turns:
        heard += [w for w in emotion_words_in(t.previous) if w not in heard]
        if not heard:
            continue
        turn = StudentTurn(" ".join(heard))
        words = [w for w in re.findall(r"[a-zà-ÿ']+", t.text.lower()) if turn.said(w)]
        if words:
            found.append((t, words[0]))
    return found


def _rule3(turns: list[_Turn]) -> RuleJudgement:
    """Noticed: a later reflection or open question gives back a feeling the student named."""
    heard = [w for t in turns for w in emotion_words_in(t.previous)]
    picked = [
        t for t, _ in _feelings_given_back(turns) if {"reflectie", "open_vraag"} & set(t.labels)
    ]
    if picked:
        return _judge(3, GOED, picked[:1])
    if heard:
        return _judge(
            3,
            NIET_GEZIEN,
            tip=f"De student zei '{heard[0]}'. Zo'n woord wijst op een ervaring die ertoe doet; geef het even terug.",
        )
    return _judge(
        3,
        NIET_GEZIEN,
        tip="Er vielen geen emotiewoorden; een open vraag naar een ervaring lokt ze meestal uit.",
    )


_DIG = re.compile(r"\b(hoe voelde|wat voelde|wat voel|gevoel|hoe was dat voor je)\b")


def _rule4(turns: list[_Turn]) -> RuleJudgement:
    """Goed only for an acknowledgement of a feeling the student expressed, not for 'klinkt als een plan'."""
    acks = [t for t, _ in _feelings_given_back(turns) if "reflectie" in t.labels]
    digs = [t for t in turns if t.label in _QUESTION_LABELS and _DIG.search(t.text.lower())]
    if len(digs) >= 2:
        return _judge(
            4,
            LET_OP,
            digs,
            "Je vroeg een paar keer door op het gevoel. Erken het en ga dan terug naar wat er gebeurde.",
        )
    if acks:
        return _judge(4, GOED, acks[:1])
    return _judge(
        4,
        NIET_GEZIEN,
        tip="Geef het gevoel van de student kort terug in de eigen woorden voor je verder vraagt, bijvoorbeeld 'Zenuwachtig, zeg je.'",
    )


def _rule5(turns: list[_Turn]) -> RuleJudgement:
    asks = [t for t in turns if t.label == "open_vraag" and "details" in t.cues]
    if asks:
        return _judge(5, GOED, asks)
    return _judge(
        5,
        NIET_GEZIEN,
        tip="Vraag door op wat er precies gebeurde, tot duidelijk is wat het gevoel opriep.",
    )


def _rule6(turns: list[_Turn]) -> RuleJudgement:
    open_ = [t for t in turns if t.label in ("open_vraag", "reflectie") and "broaden" in t.cues]
    closed = [t for t in turns if t.label == "gesloten_vraag" and "broaden" in t.cues]
    if open_:
        return _judge(6, GOED, open_[:1])
    if closed:
        return _judge(
            6,
            LET_OP,
            closed,
            "Je vroeg gesloten naar andere situaties. Open levert meer op: 'Waar kom je dat nog meer tegen?'",
        )
    return _judge(
        6,
        NIET_GEZIEN,
        tip="Zoek samen naar andere momenten waarin de student hetzelfde herkent; zo wordt het verhaal groter.",
    )


_WORD_FILLED = re.compile(r"\b(kernwoord|woord|motief|drijfveer|noem|noemen|heet)\b")


def _rule7(turns: list[_Turn]) -> RuleJudgement:
    filled = [t for t in turns if t.label == "invullen" and _WORD_FILLED.search(t.text.lower())]
    asked = [t for t in turns if t.label == "open_vraag" and "motive" in t.cues]
    if filled:
        return _judge(
            7,
            LET_OP,
            filled,
            "Je gaf zelf een woord. Laat de student kiezen; bied hooguit woorden van de student zelf terug.",
        )
    if asked:
        return _judge(7, GOED, asked[:1])
    return _judge(
        7,
        NIET_GEZIEN,
        tip="Vraag wat de student in de verhalen belangrijk vindt en welk woord daarbij past.",
    )


def _rule8(turns: list[_Turn], counts: dict[str, int]) -> RuleJudgement:
    reflections = [t for t in turns if t.label == "reflectie"]
    own_words = [t for t in reflections if _content_words(t.text) & _content_words(t.previous)]
    if counts["invullen"] or counts["advies"]:
        return _judge(
            8,
            LET_OP,
            [t for t in turns if t.label in ("invullen", "advies")],
            "Eigen ideeën kwamen tussen jou en de student in. Vat vaker samen met de woorden van de student.",
        )
    if len(own_words) >= 2:
        return _judge(8, GOED, own_words[:1])
    return _judge(
        8,
        LET_OP,
        tip="Je vatte weinig samen. Een korte samenvatting in de woorden van de student laat zien dat je luistert.",
    )


def _rule9(why: list[_Turn]) -> RuleJudgement:
    if why:
        return _judge(
            9,
            LET_OP,
            why,
            "Vraag naar de situatie met wat of hoe: 'Wat gebeurde er vlak daarvoor?' of 'Hoe ging dat precies?'",
        )
    return _judge(9, GOED)


def _rule10(filled: list[_Turn]) -> RuleJudgement:
    if filled:
        return _judge(
            10, LET_OP, filled, "Laat de student zelf het woord vinden: 'Hoe zou jij het noemen?'"
        )
    return _judge(10, GOED)


_LABEL_NL = [
    ("open_vraag", "open vragen"),
    ("gesloten_vraag", "gesloten"),
    ("waarom_vraag", "vragen naar de reden"),
    ("reflectie", "reflecties"),
    ("advies", "adviezen"),
    ("invullen", "ingevuld"),
]


def _number(value: float) -> str:
    return str(round(value, 2)).replace(".", ",")


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def benchmark_lines(report: Report) -> list[str]:
    """The trainee's numbers beside the MITI benchmarks, in plain Dutch."""
    b = report.benchmarks
    if not b:
        return []
    rpq, open_, complex_, words = (
        b["reflections_per_question"],
        b["open_share"],
        b["complex_share"],
        b["coach_word_share"],
    )
    reflections = report.simple_reflections + report.complex_reflections
    lines = [
        f"- Reflecties per vraag: {_number(rpq['value'])} (redelijk vanaf 1, goed vanaf 2): {rpq['level']}.",
        f"- Open vragen: {_percent(open_['value'])} (redelijk vanaf 50%, goed vanaf 70%): {open_['level']}.",
        f"- Complexe reflecties: {report.complex_reflections} van {reflections}"
        + (
            f" ({_percent(complex_['value'])}; redelijk vanaf 40%, goed vanaf 50%): {complex_['level']}."
            if reflections
            else " (een complexe reflectie voegt iets toe: een gevoel, een verband, de andere kant)."
        ),
        f"- Jouw deel van de woorden: {_percent(words['value'])} (de student praat het meest; onder de 50% is goed): {words['level']}.",
    ]
    if report.stacked_questions:
        lines.append(
            f"- Gestapelde vragen: {report.stacked_questions}. Stel één vraag per beurt, dan weet de student waar te beginnen."
        )
    return lines


def render_report_text(report: Report, student_name: str = "de student", limit: int = 3500) -> str:
    """Plain Dutch text for a chat message; quotes are the coach's own lines."""
    c = report.counts
    lines = [f"Feedback op je oefengesprek met {student_name}", ""]
    lines.append(
        f"Jouw beurten: {report.coach_turns}. "
        + ", ".join(f"{name} {c[key]}" for key, name in _LABEL_NL)
        + "."
    )
    bench = benchmark_lines(report)
    if bench:
        lines += ["Jouw cijfers naast de maat (MITI):"] + bench
    if report.parts_reached:
        order = (
            "in de goede volgorde"
            if report.parts_in_order
            else "niet in de volgorde van de lemniscaat"
        )
        lines.append("Lemniscaat: " + " → ".join(report.parts_reached) + f" ({order}).")
    else:
        lines.append("Lemniscaat: geen van de vier delen is echt op gang gekomen.")
    lines.append(
        "Afsluiting: de student noemde zelf actiestappen."
        if report.ended_with_student_steps
        else "Afsluiting: nog geen actiestappen die de student zelf koos. Eindig met wat, wanneer en met wie."
    )
    if report.signal:
        sig = report.signal
        yes = lambda v: "ja" if v else "nee"  # noqa: E731
        lines += [
            "",
            f'Signaal: {student_name} zei "{sig["hint"]}"',
            f"   opgemerkt: {yes(sig['noticed'])}, doorgevraagd: {yes(sig['asked'])}, 113 genoemd: {yes(sig['named_help'])}.",
        ]
        if sig["judgement"] != GOED:
            lines.append(
                "   tip: Zo'n zin kan een signaal zijn. Vraag ernaar, bijvoorbeeld 'Hoe gaat het echt met je?', "
                "en noem waar hulp is: 113 (bellen of chatten, ook 0800-0113, gratis)."
            )
    if report.rewrite:
        rw = report.rewrite
        lines += [
            "",
            f"Beter gezegd (regel {rw['rule']}):",
            f'   jij: "{_quote(str(rw["original"]))}"',
            f'   beter: "{rw["better"]}"',
            f"   {rw['reason']}",
        ]
    lines += ["", "De tien regels:"]
    for r in report.rules:
        lines.append(f"{r.number}. {r.title}: {r.judgement}")
        for q in r.evidence:
            lines.append(f'   jij: "{q}"')
        if r.tip and r.judgement != GOED:
            lines.append(f"   tip: {r.tip}")
    text = "\n".join(lines)
    if len(text) > limit:
        # Drop the tips before anything else: the judgements and quotes matter most.
        text = "\n".join(l for l in lines if not l.startswith("   tip:"))
    return text[:limit]
