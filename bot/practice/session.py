"""One practice conversation: the trainee types, the simulated student answers, then a report.

Pure Python, no storage: `to_dict()` gives everything worth keeping, and because the student is
deterministic, `PracticeSession.from_dict()` rebuilds a session by replaying the coach's lines.
"""

from __future__ import annotations

from bot.practice.report.build import Report, build_report
from bot.practice.report.text import render_report_text
from bot.practice.student.personas import get_persona, persona_menu
from bot.practice.student.simulator import SimulatedStudent


class PracticeSession:
    # (key, one-line description) of every persona, for a channel's menu.
    personas: list[tuple[str, str]] = persona_menu()

    def __init__(self, persona_key: str, seed: int = 0):
        self.persona = get_persona(persona_key)
        self.seed = seed
        self.student = SimulatedStudent(self.persona, seed=seed)
        self.transcript: list[tuple[str, str]] = []
        self.report: Report | None = None

    @property
    def finished(self) -> bool:
        return self.report is not None

    def coach_says(self, text: str) -> str:
        if self.finished:
            raise RuntimeError("this practice session is finished; start a new one")
        text = (text or "").strip()
        if not text:
            raise ValueError("empty coach line")
        reply = self.student.reply(text)
        self.transcript += [("coach", text), ("student", reply)]
        return reply

    def finish(self) -> Report:
        if self.report is None:
            state = self.student.state
            self.report = build_report(
                self.transcript,
                parts_reached=list(state.parts_reached),
                student_named_steps=state.steps_told > 0,
                distress_hint_at=state.distress_hint_at,
            )
        return self.report

    def report_text(self) -> str:
        return render_report_text(self.finish(), self.persona.name)

    def to_dict(self) -> dict:
        return {
            "persona": self.persona.key,
            "seed": self.seed,
            "transcript": [{"speaker": s, "text": t} for s, t in self.transcript],
            "report": self.report.to_dict() if self.report else None,
        }

    @classmethod
    def from_dict(cls, data: dict) -> PracticeSession:
        session = cls(data["persona"], seed=data.get("seed", 0))
        for turn in data.get("transcript", []):
            if turn["speaker"] == "coach":
                session.coach_says(turn["text"])
        if data.get("report") is not None:
            session.finish()
        return session
