"""Practice mode on the web (/oefenen): a coach leads a conversation with a simulated student
and gets feedback on the ten rules; trainers follow their trainees' progress.

What happens in a session is decided by bot/practice/service.py (shared with Telegram); this
blueprint keeps only HTTP and templates. Plain form posts work without JavaScript; practice.js
only saves the page reload.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import HTTPException

from bot.lemniscate import PART_NAMES
from bot.practice import service
from bot.practice.report.rules import RULE_TITLES
from bot.practice.report.text import KIND_NL
from bot.practice.student.personas import PERSONAS
from bot.web.errors import dutch_error
from bot.web.repo import get_repo
from bot.web.security import login_required

bp = Blueprint("practice", __name__, url_prefix="/oefenen")

JUDGEMENT_CLASSES = {"goed": "good", "let op": "warn", "niet gezien": "none"}
PART_LABELS = PART_NAMES
COUNT_LABELS = [
    ("open_vraag", "Open vragen"),
    ("gesloten_vraag", "Gesloten vragen"),
    ("waarom_vraag", "Vragen naar de reden"),
    ("reflectie", "Reflecties (samenvatten, teruggeven)"),
    ("advies", "Adviezen"),
    ("invullen", "Ingevuld voor de student"),
    ("overig", "Overig"),
]


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


@bp.errorhandler(HTTPException)
def _error(error: HTTPException):
    if request.method == "POST" and _wants_json():
        return {"error": dutch_error(error)}, error.code
    return render_template("error.html", code=error.code, message=dutch_error(error)), error.code


def _own_session(session_id: int) -> dict[str, Any]:
    """The logged-in coach's own practice session, or 404 (also for another coach's id)."""
    row = get_repo().get_practice(session_id)
    if row is None or row["coach_id"] != g.coach.id:
        abort(404)
    return row


def _service() -> service.PracticeService:
    return service.PracticeService(get_repo(), max_chars=current_app.config["MAX_MESSAGE_CHARS"])


def percent(value: float | None) -> str:
    return f"{round((value or 0) * 100)}%"


def decimal(value: float | None) -> str:
    return f"{(value or 0):.2f}".replace(".", ",")


def report_view(report: dict[str, Any]) -> dict[str, Any]:
    """The stored report dict, arranged for the template (titles, classes, Dutch numbers)."""
    counts = report.get("counts") or {}
    rules = []
    for rule in report.get("rules") or []:
        rules.append(
            {
                **rule,
                # The current title, also for reports stored under an older wording.
                "title": RULE_TITLES.get(rule.get("number"), rule.get("title", "")),
                "css": JUDGEMENT_CLASSES.get(rule.get("judgement"), "none"),
            }
        )
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
        "benchmarks": _benchmark_rows(report.get("benchmarks") or {}),
        "simple_reflections": report.get("simple_reflections", 0),
        "complex_reflections": report.get("complex_reflections", 0),
        "stacked_questions": report.get("stacked_questions", 0),
        "stacked_evidence": report.get("stacked_evidence") or [],
        "rewrite": report.get("rewrite"),
        "filled_in": [
            {**item, "kind_nl": KIND_NL.get(item.get("kind", ""), item.get("kind", ""))}
            for item in report.get("filled_in") or []
        ],
        "signal": report.get("signal"),
    }


BENCHMARK_LABELS = [
    ("reflections_per_question", "Reflecties per vraag", decimal),
    ("open_share", "Aandeel open vragen", percent),
    ("complex_share", "Aandeel complexe reflecties", percent),
    ("coach_word_share", "Jouw deel van de woorden", percent),
]
LEVEL_CLASSES = {"goed": "good", "redelijk": "warn", "onder redelijk": "none"}


def _benchmark_rows(benchmarks: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's benchmarks as table rows (reports stored before benchmarks existed have none)."""
    rows = []
    for key, label, show in BENCHMARK_LABELS:
        item = benchmarks.get(key)
        if not item:
            continue
        rows.append(
            {
                "key": key,
                "label": label,
                "value": show(item["value"]),
                "fair": show(item["fair"]),
                "good": show(item["good"]),
                "level": item["level"],
                "css": LEVEL_CLASSES.get(item["level"], "none"),
            }
        )
    return rows


def _progress_rows(
    coach_id: int | None = None, trainee_sender_id: str | None = None
) -> list[dict[str, Any]]:
    rows = get_repo().trainee_progress(coach_id=coach_id, trainee_sender_id=trainee_sender_id)
    for row in rows:
        row["persona_name"] = service.persona_name(row["persona"])
        row["open_share_text"] = percent(row["open_share"])
        row["rpq_text"] = decimal(row["reflections_per_question"])
        row["parts_labels"] = [PART_LABELS.get(p, p) for p in row["parts_reached"]]
    return rows


# ---- pages -------------------------------------------------------------------------------


@bp.get("/")
@bp.get("")
@login_required
def index():
    history = get_repo().practice_history(coach_id=g.coach.id)
    for item in history:
        item["persona_name"] = service.persona_name(item["persona"])
    return render_template(
        "practice_index.html",
        personas=service.persona_menu(),
        history=history,
        my_groups=get_repo().groups_of_trainee(coach_id=g.coach.id),
    )


@bp.post("/start")
@login_required
def start():
    persona = request.form.get("persona", "")
    if not service.is_persona(persona):
        flash("Kies eerst een student om mee te oefenen.")
        return redirect(url_for("practice.index"))
    session_id = _service().start(persona, coach_id=g.coach.id)
    return redirect(url_for("practice.conversation", session_id=session_id))


@bp.get("/<int:session_id>")
@login_required
def conversation(session_id: int):
    row = _own_session(session_id)
    if row["report"] is not None:
        return redirect(url_for("practice.report", session_id=session_id))
    if row["ended_at"] is not None or _service().open(row) is None:
        # Closed without a report, or a persona that no longer exists (now closed as well).
        flash("Dit oefengesprek kan niet meer worden geopend. Begin een nieuw gesprek.")
        return redirect(url_for("practice.index"))
    persona = PERSONAS[row["persona"]]
    return render_template(
        "practice_chat.html",
        row=row,
        persona=persona,
        max_chars=current_app.config["MAX_MESSAGE_CHARS"],
        coach_turns=service.coach_turns(row["transcript"]),
        max_turns=service.MAX_COACH_TURNS,
    )


@bp.post("/<int:session_id>/zeg")
@login_required
def say(session_id: int):
    row = _own_session(session_id)
    payload = request.get_json(silent=True) if request.is_json else None
    text = payload.get("message") if isinstance(payload, dict) else request.form.get("message")
    outcome = _service().say(row, text if isinstance(text, str) else "")
    if outcome.status == service.CRISIS:
        if request.is_json:
            return jsonify({"reply": outcome.text, "crisis": True})
        flash(outcome.text)
        return redirect(url_for("practice.conversation", session_id=session_id, _anchor="invoer"))
    if outcome.status != service.REPLY:
        abort(*SAY_ERRORS[outcome.status](outcome))
    if request.is_json:
        return jsonify({"reply": outcome.text})
    return redirect(url_for("practice.conversation", session_id=session_id, _anchor="invoer"))


# The web's own words for a line the student does not answer: (HTTP status, message).
SAY_ERRORS = {
    service.EMPTY: lambda o: (400, "Typ eerst wat je tegen de student zegt."),
    service.ALREADY_FINISHED: lambda o: (
        409,
        "Dit oefengesprek is al afgerond. Begin een nieuw gesprek.",
    ),
    service.TOO_LONG: lambda o: (
        400,
        f"Je bericht is te lang. Houd het onder de {o.extra['limit']} tekens.",
    ),
    service.FULL: lambda o: (
        400,
        "Dit gesprek is lang genoeg geworden. Rond het af om je feedback te zien.",
    ),
    service.BROKEN: lambda o: (
        409,
        "Dit oefengesprek kan niet meer worden geopend. Begin een nieuw gesprek.",
    ),
}


@bp.post("/<int:session_id>/afronden")
@login_required
def finish(session_id: int):
    row = _own_session(session_id)
    outcome = _service().finish(row, close_empty=False)
    if outcome.status == service.NOTHING_SAID:
        flash("Zeg eerst iets tegen de student; daarna kun je het gesprek afronden.")
        return redirect(url_for("practice.conversation", session_id=session_id))
    if outcome.status == service.BROKEN:
        flash("Dit oefengesprek kan niet meer worden geopend. Begin een nieuw gesprek.")
        return redirect(url_for("practice.index"))
    return redirect(url_for("practice.report", session_id=session_id))


def _may_read(row: dict[str, Any]) -> bool:
    """A finished report is read by its owner, by the trainer of one of the trainee's groups, and
    by an admin. A Telegram trainee counts only once linked to one of the trainer's groups."""
    if row["coach_id"] is not None and row["coach_id"] == g.coach.id:
        return True
    if row["report"] is None:
        return False
    if g.coach.is_admin:
        return True
    return bool(g.coach.is_trainer) and get_repo().trainer_sees(
        g.coach.id,
        coach_id=row["coach_id"],
        trainee_sender_id=row["trainee_sender_id"] if row["coach_id"] is None else None,
    )


def trainee_label(member: dict[str, Any]) -> str:
    """A dashboard trainee by e-mail address; a chat trainee by the start of the chat pseudonym."""
    if member.get("email"):
        return member["email"]
    return f"Chatdeelnemer {str(member.get('trainee_sender_id') or '')[:11]}"


@bp.get("/<int:session_id>/verslag")
@login_required
def report(session_id: int):
    repo = get_repo()
    row = repo.get_practice(session_id)
    # Anyone else gets a 404, not a 403, so ids of other trainees' sessions are not confirmed.
    if row is None or not _may_read(row):
        abort(404)
    own = row["coach_id"] == g.coach.id
    if row["report"] is None:
        return redirect(url_for("practice.conversation", session_id=session_id))
    trainee = None
    if not own:
        repo.record_audit(g.coach.id, "view_practice_report", f"practice:{session_id}")
        coach = repo.get_coach(row["coach_id"]) if row["coach_id"] else None
        trainee = trainee_label(
            {
                "email": coach.email if coach else None,
                "trainee_sender_id": row["trainee_sender_id"],
            }
        )
    return render_template(
        "practice_report.html",
        row=row,
        own=own,
        trainee=trainee,
        persona_name=service.persona_name(row["persona"]),
        report=report_view(row["report"]),
    )


def _member_progress(member: dict[str, Any]) -> dict[str, Any]:
    if member.get("coach_id") is not None:
        rows = _progress_rows(coach_id=member["coach_id"])
    else:
        rows = _progress_rows(trainee_sender_id=member["trainee_sender_id"])
    return {**member, "label": trainee_label(member), "rows": rows}


@bp.get("/voortgang")
@login_required
def progress():
    repo = get_repo()
    own = {"label": g.coach.email, "rows": _progress_rows(coach_id=g.coach.id)}
    if not (g.coach.is_trainer or g.coach.is_admin):
        return render_template(
            "practice_progress.html",
            own=own,
            groups=[],
            trainer=False,
            admin=False,
            my_groups=repo.groups_of_trainee(coach_id=g.coach.id),
            loose=[],
        )
    groups = repo.practice_groups(trainer_id=g.coach.id, every_group=bool(g.coach.is_admin))
    for group in groups:
        group["trainees"] = [_member_progress(m) for m in group["members"]]
        group["own"] = group["trainer_id"] == g.coach.id
    loose = [_member_progress(t) for t in repo.trainees_without_group()] if g.coach.is_admin else []
    repo.record_audit(
        g.coach.id,
        "view_practice_progress",
        "practice:all" if g.coach.is_admin else "practice:groups",
    )
    return render_template(
        "practice_progress.html",
        own=own,
        groups=groups,
        trainer=True,
        admin=bool(g.coach.is_admin),
        my_groups=repo.groups_of_trainee(coach_id=g.coach.id),
        loose=loose,
    )


@bp.post("/groepen")
@login_required
def create_group():
    if not (g.coach.is_trainer or g.coach.is_admin):
        abort(404)
    name = (request.form.get("name") or "").strip()
    if not name:
        flash("Geef de groep een naam.")
        return redirect(url_for("practice.progress"))
    group = get_repo().create_practice_group(g.coach.id, name)
    get_repo().record_audit(g.coach.id, "create_practice_group", f"practice_group:{group['id']}")
    flash(
        f"Groep '{group['name']}' gemaakt. Deelnemers sluiten aan met de code {group['invite_code']}."
    )
    return redirect(url_for("practice.progress"))


@bp.post("/groep")
@login_required
def join_group():
    group = get_repo().join_practice_group(request.form.get("code") or "", coach_id=g.coach.id)
    if group is None:
        flash("Die groepscode ken ik niet. Kijk of je hem goed hebt overgenomen.")
    else:
        flash(
            f"Je zit nu in de groep '{group['name']}'. Je trainer ziet je afgeronde oefengesprekken."
        )
    return redirect(url_for("practice.index"))
