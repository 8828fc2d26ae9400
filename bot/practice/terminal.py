"""Practice in a terminal (`lemniscaat oefen --persona ID`): coach lines on stdin, the simulated
student's replies on stdout, the report at the end. ``--json`` writes JSON lines for machines:
one {"coach", "student", "label", "labels"} per line, then {"report": ...}.

Nothing is stored. A line "klaar" or "stop" ends the conversation early; a real person typing a
crisis message gets the real crisis reply, as in the channels.
"""

from __future__ import annotations

import json
import re
from typing import IO

from bot.practice.classifier.classify import classify_full
from bot.practice.service import crisis_reply
from bot.practice.session import PracticeSession
from bot.practice.student.personas import PERSONAS

_FINISH = re.compile(r"^\s*(klaar|stop|stoppen)\s*[.!]*\s*$", re.IGNORECASE)


def run(
    persona: str,
    infile: IO[str],
    outfile: IO[str],
    errfile: IO[str],
    as_json: bool = False,
    seed: int = 0,
) -> int:
    if persona not in PERSONAS:
        errfile.write(f"Onbekende student '{persona}'. Kies uit: {', '.join(PERSONAS)}.\n")
        return 2
    session = PracticeSession(persona, seed=seed)
    name = session.persona.name
    if not as_json:
        outfile.write(
            f"Je oefent met {session.persona.menu_line()}\n"
            f"Typ wat je als begeleider zegt. Met 'klaar' (of einde invoer) krijg je je feedback.\n\n"
        )
    for raw in infile:
        line = raw.strip()
        if not line:
            continue
        if _FINISH.match(line):
            break
        urgent = crisis_reply(line)
        if urgent is not None:
            outfile.write(
                (
                    json.dumps({"coach": line, "crisis": urgent}, ensure_ascii=False)
                    if as_json
                    else urgent
                )
                + "\n"
            )
            continue
        previous = session.transcript[-1][1] if session.transcript else None
        result = classify_full(line, previous)
        reply = session.coach_says(line)
        if as_json:
            outfile.write(
                json.dumps(
                    {
                        "coach": line,
                        "student": reply,
                        "label": result.label,
                        "labels": list(result.labels),
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
        else:
            outfile.write(f"{name}: {reply}\n")
        outfile.flush()
    if not session.transcript:
        if not as_json:
            outfile.write("Je zei nog niets, dus er is geen feedback.\n")
        else:
            outfile.write(json.dumps({"report": None}) + "\n")
        return 0
    report = session.finish()
    if as_json:
        outfile.write(json.dumps({"report": report.to_dict()}, ensure_ascii=False) + "\n")
    else:
        outfile.write("\n" + session.report_text() + "\n")
    return 0
