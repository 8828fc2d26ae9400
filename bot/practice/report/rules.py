"""The ten rules of the practice report: each judged from the coach's own turns, with a tip in
Dutch when it is not yet goed. build.py classifies the turns and adds the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.practice.classifier.context import StudentTurn
from bot.practice.student.cues import emotion_words_in

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


QUESTION_LABELS = ("open_vraag", "gesloten_vraag", "waarom_vraag")


def quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _content_words(text: str) -> set:
    return {w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if w not in _STOP and len(w) > 2}


@dataclass
class CoachTurn:
    """One coach line, classified, with the student's turns around it."""

    index: int
    text: str
    label: str
    labels: tuple[str, ...]
    cues: frozenset
    reply: str  # the student's next turn ("" when none)
    previous: str  # the student's turn before


def judge_rules(turns: list[CoachTurn], counts: dict[str, int]) -> list[RuleJudgement]:
    """The ten judgements, in order."""
    by = lambda label: [t for t in turns if t.label == label]  # noqa: E731
    return [
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


def _judge(
    number: int, judgement: str, evidence: Sequence[CoachTurn] = (), tip: str = ""
) -> RuleJudgement:
    return RuleJudgement(
        number, RULE_TITLES[number], judgement, [quote(t.text) for t in evidence][:2], tip
    )


def _rule1(advice: list[CoachTurn], turns: list[CoachTurn]) -> RuleJudgement:
    lectures = [t for t in turns if len(t.text.split()) > _LECTURE_WORDS]
    if advice or lectures:
        return _judge(
            1,
            LET_OP,
            advice + lectures,
            "Je gaf advies of sprak lang achter elkaar. Vraag liever wat de student zelf al heeft bedacht.",
        )
    return _judge(1, GOED)


def _rule2(turns: list[CoachTurn]) -> RuleJudgement:
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


def _feelings_given_back(turns: list[CoachTurn]) -> list[tuple[CoachTurn, str]]:
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


def _rule3(turns: list[CoachTurn]) -> RuleJudgement:
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


def _rule4(turns: list[CoachTurn]) -> RuleJudgement:
    """Goed only for an acknowledgement of a feeling the student expressed, not for 'klinkt als een plan'."""
    acks = [t for t, _ in _feelings_given_back(turns) if "reflectie" in t.labels]
    digs = [t for t in turns if t.label in QUESTION_LABELS and _DIG.search(t.text.lower())]
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


def _rule5(turns: list[CoachTurn]) -> RuleJudgement:
    asks = [t for t in turns if t.label == "open_vraag" and "details" in t.cues]
    if asks:
        return _judge(5, GOED, asks)
    return _judge(
        5,
        NIET_GEZIEN,
        tip="Vraag door op wat er precies gebeurde, tot duidelijk is wat het gevoel opriep.",
    )


def _rule6(turns: list[CoachTurn]) -> RuleJudgement:
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


def _rule7(turns: list[CoachTurn]) -> RuleJudgement:
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


def _rule8(turns: list[CoachTurn], counts: dict[str, int]) -> RuleJudgement:
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


def _rule9(why: list[CoachTurn]) -> RuleJudgement:
    if why:
        return _judge(
            9,
            LET_OP,
            why,
            "Vraag naar de situatie met wat of hoe: 'Wat gebeurde er vlak daarvoor?' of 'Hoe ging dat precies?'",
        )
    return _judge(9, GOED)


def _rule10(filled: list[CoachTurn]) -> RuleJudgement:
    if filled:
        return _judge(
            10, LET_OP, filled, "Laat de student zelf het woord vinden: 'Hoe zou jij het noemen?'"
        )
    return _judge(10, GOED)
