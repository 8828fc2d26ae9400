"""Practice mode on the web (/oefenen): a coach leads a conversation with a simulated student
(bot/practice) and gets feedback on the ten rules; trainers follow every trainee's progress.

The server keeps nothing in memory: every request rebuilds the session from the stored transcript
with ``PracticeSession.from_dict`` (the simulated student is deterministic per persona and seed; the
seed is the session's id, so two sessions with the same persona read differently), adds the line,
and stores the transcript again. Plain form posts work without JavaScript; practice.js only saves
the page reload.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from flask import (Blueprint, abort, current_app, flash, g, jsonify, redirect, render_template, request,
                   url_for)
from werkzeug.exceptions import HTTPException

from bot.channels import crisis
from bot.practice.personas import PERSONAS
from bot.practice.session import PracticeSession
from bot.web.security import login_required

bp = Blueprint("practice", __name__, url_prefix="/oefenen")

# Replaying a very long transcript on every line gets slow; a real conversation is far shorter.
MAX_COACH_TURNS = 80

JUDGEMENT_CLASSES = {"goed": "good", "let op": "warn", "niet gezien": "none"}
PART_LABELS = {
    "terugkijken": "Terugkijken",
    "reflecteren": "Reflecteren",
    "vooruitkijken": "Vooruitkijken",
    "activeren": "Activeren",
}
# The report's own title for rule 9 names the question word; the page describes it instead,
# so the trainee is never shown that word except in quotes of their own lines.
RULE_TITLE_OVERRIDES = {9: "Geen vragen naar de reden"}
COUNT_LABELS = [
    ("open_vraag", "Open vragen"),
    ("gesloten_vraag", "Gesloten vragen"),
    ("waarom_vraag", "Vragen naar de reden"),
    ("reflectie", "Reflecties (samenvatten, teruggeven)"),
    ("advies", "Adviezen"),
    ("invullen", "Ingevuld voor de student"),
    ("overig", "Overig"),
]


def _repo():
    return current_app.extensions["lemniscaat_repo"]


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


@bp.errorhandler(HTTPException)
def _error(error: HTTPException):
    from bot.web.app import _dutch_error

    if request.method == "POST" and _wants_json():
        return {"error": _dutch_error(error)}, error.code
    return render_template("error.html", code=error.code, message=_dutch_error(error)), error.code


def persona_name(key: str) -> str:
    persona = PERSONAS.get(key)
    return persona.name if persona else key


def _own_session(session_id: int) -> Dict[str, Any]:
    """The logged-in coach's own practice session, or 404 (also for another coach's id)."""
    row = _repo().get_practice(session_id)
    if row is None or row["coach_id"] != g.coach.id:
        abort(404)
    return row


def _rebuild(row: Dict[str, Any]) -> PracticeSession:
    return PracticeSession.from_dict({"persona": row["persona"], "seed": row["id"],
                                      "transcript": row["transcript"], "report": None})


def report_view(report: Dict[str, Any]) -> Dict[str, Any]:
    """The stored report dict, arranged for the template (titles, classes, Dutch numbers)."""
    counts = report.get("counts") or {}
    rules = []
    for rule in report.get("rules") or []:
        rules.append({
            **rule,
            "title": RULE_TITLE_OVERRIDES.get(rule.get("number"), rule.get("title", "")),
            "css": JUDGEMENT_CLASSES.get(rule.get("judgement"), "none"),
        })
    return {
        "rules": rules,
        "counts": [(label, counts.get(key, 0)) for key, label in COUNT_LABELS],
        "coach_turns": report.get("coach_turns", 0),
        "open_share": percent(report.get("open_share", 0.0)),
        "reflections_per_question": decimal(report.get("reflections_per_question", 0.0)),
        "parts_reached": [PART_LABELS.get(p, p) for p in report.get("parts_reached") or []],
        "parts_in_order": bool(report.get("parts_in_order")),
        "ended_with_student_steps": bool(report.get("ended_with_student_steps")),
        "good_rules": sum(1 for r in rules if r.get("judgement") == "goed"),
    }


def percent(value: Optional[float]) -> str:
    return f"{round((value or 0) * 100)}%"


def decimal(value: Optional[float]) -> str:
    return f"{(value or 0):.2f}".replace(".", ",")


def _progress_rows(coach_id: Optional[int] = None, trainee_sender_id: Optional[str] = None) -> List[Dict[str, Any]]:
    rows = _repo().trainee_progress(coach_id=coach_id, trainee_sender_id=trainee_sender_id)
    for row in rows:
        row["persona_name"] = persona_name(row["persona"])
        row["open_share_text"] = percent(row["open_share"])
        row["rpq_text"] = decimal(row["reflections_per_question"])
        row["parts_labels"] = [PART_LABELS.get(p, p) for p in row["parts_reached"]]
    return rows


# ---- pages -------------------------------------------------------------------------------

@bp.get("/")
@bp.get("")
@login_required
def index():
    history = _repo().practice_history(coach_id=g.coach.id)
    for item in history:
        item["persona_name"] = persona_name(item["persona"])
    return render_template("practice_index.html", personas=PracticeSession.personas, history=history)


@bp.post("/start")
@login_required
def start():
    persona = request.form.get("persona", "")
    if persona not in PERSONAS:
        flash("Kies eerst een student om mee te oefenen.")
        return redirect(url_for("practice.index"))
    session_id = _repo().start_practice(persona, coach_id=g.coach.id)
    return redirect(url_for("practice.conversation", session_id=session_id))


@bp.get("/<int:session_id>")
@login_required
def conversation(session_id: int):
    row = _own_session(session_id)
    if row["report"] is not None:
        return redirect(url_for("practice.report", session_id=session_id))
    persona = PERSONAS.get(row["persona"])
    return render_template(
        "practice_chat.html", row=row, persona=persona,
        max_chars=current_app.config["MAX_MESSAGE_CHARS"],
        coach_turns=sum(1 for t in row["transcript"] if t["speaker"] == "coach"),
        max_turns=MAX_COACH_TURNS,
    )


@bp.post("/<int:session_id>/zeg")
@login_required
def say(session_id: int):
    row = _own_session(session_id)
    if row["report"] is not None:
        abort(409, description="Dit oefengesprek is al afgerond. Begin een nieuw gesprek.")
    payload = request.get_json(silent=True) if request.is_json else None
    text = payload.get("message") if isinstance(payload, dict) else request.form.get("message")
    text = (text or "").strip() if isinstance(text, str) else ""
    limit = current_app.config["MAX_MESSAGE_CHARS"]
    if not text:
        abort(400, description="Typ eerst wat je tegen de student zegt.")
    # A real person typing a crisis message gets the real crisis reply (the whole text, before
    # the length limit); it is not a line for the simulated student and is not stored.
    assessment = crisis.check(text)
    if assessment.is_crisis:
        reply = crisis.reply_text(assessment.kind)
        if request.is_json:
            return jsonify({"reply": reply, "crisis": True})
        flash(reply)
        return redirect(url_for("practice.conversation", session_id=session_id, _anchor="invoer"))
    if len(text) > limit:
        abort(400, description=f"Je bericht is te lang. Houd het onder de {limit} tekens.")
    session = _rebuild(row)
    if sum(1 for s, _ in session.transcript if s == "coach") >= MAX_COACH_TURNS:
        abort(400, description="Dit gesprek is lang genoeg geworden. Rond het af om je feedback te zien.")
    reply = session.coach_says(text)
    _repo().save_practice(session_id, session.to_dict()["transcript"])
    if request.is_json:
        return jsonify({"reply": reply})
    return redirect(url_for("practice.conversation", session_id=session_id, _anchor="invoer"))


@bp.post("/<int:session_id>/afronden")
@login_required
def finish(session_id: int):
    row = _own_session(session_id)
    if row["report"] is None:
        session = _rebuild(row)
        if not session.transcript:
            flash("Zeg eerst iets tegen de student; daarna kun je het gesprek afronden.")
            return redirect(url_for("practice.conversation", session_id=session_id))
        report = session.finish()
        _repo().save_practice(session_id, session.to_dict()["transcript"], report.to_dict(), ended=True)
    return redirect(url_for("practice.report", session_id=session_id))


@bp.get("/<int:session_id>/verslag")
@login_required
def report(session_id: int):
    repo = _repo()
    row = repo.get_practice(session_id)
    own = row is not None and row["coach_id"] == g.coach.id
    # Trainers may read every trainee's finished report; anyone else gets a 404, not a 403,
    # so ids of other coaches' sessions are not confirmed.
    if row is None or not (own or (g.coach.is_trainer and row["report"] is not None)):
        abort(404)
    if row["report"] is None:
        return redirect(url_for("practice.conversation", session_id=session_id))
    trainee = None
    if not own:
        repo.record_audit(g.coach.id, "view_practice_report", f"practice:{session_id}")
        trainee = repo.get_coach(row["coach_id"]) if row["coach_id"] is not None else None
    return render_template(
        "practice_report.html", row=row, own=own, trainee=trainee,
        persona_name=persona_name(row["persona"]), report=report_view(row["report"]),
    )


@bp.get("/voortgang")
@login_required
def progress():
    repo = _repo()
    if g.coach.is_trainer:
        trainees = repo.practice_trainees()
        for trainee in trainees:
            trainee["rows"] = _progress_rows(coach_id=trainee["coach_id"])
        # Practice on Telegram has no dashboard account: show it under the chat pseudonym.
        for number, chat in enumerate(repo.practice_chat_trainees(), start=1):
            trainees.append({
                "coach_id": f"chat-{number}",
                "email": f"Chatdeelnemer {chat['trainee_sender_id'][:11]}",
                "rows": _progress_rows(trainee_sender_id=chat["trainee_sender_id"]),
            })
        repo.record_audit(g.coach.id, "view_practice_progress", "practice:all")
    else:
        trainees = [{"coach_id": g.coach.id, "email": g.coach.email, "rows": _progress_rows(coach_id=g.coach.id)}]
    return render_template("practice_progress.html", trainees=trainees, trainer=g.coach.is_trainer)
