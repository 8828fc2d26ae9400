"""The coach's pages: overview, one student, step status, private notes, invite codes."""

from __future__ import annotations

from datetime import date, timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from bot import clock
from bot.lemniscate import PHASE_NAMES, SUMMARY_FIELDS
from bot.steps_text import COACH_STATUS_LABELS as STATUS_LABELS
from bot.storage.models import STEP_STATUSES
from bot.web.lemniscate import lemniscate_figure
from bot.web.repo import get_repo
from bot.web.security import login_required
from bot.web.students import student_label as label_of

bp = Blueprint("dashboard", __name__, url_prefix="/coach")

# What the bot answered with, in the coach's words (conversations.safety_kind, bot/nlp/crisis).
SAFETY_KIND_LABELS = {
    "suicide": "gedachten aan zelfdoding",
    "self_harm": "zichzelf pijn doen",
    "abuse": "geweld of misbruik",
    "homeless": "geen veilige plek om te slapen",
    "panic": "acute paniek",
    "eating_disorder": "gevaar door een eetstoornis",
}
VERDICT_LABELS = {"terecht": "Terecht", "vals_alarm": "Vals alarm"}
PHASE_LABELS = PHASE_NAMES


def today() -> date:
    return clock.today(current_app.config["TIMEZONE"])


def end_of_week(day: date) -> date:
    return day + timedelta(days=6 - day.weekday())


@bp.get("/")
@bp.get("")
@login_required
def overview():
    repo = get_repo()
    now = today()
    students = repo.coach_students(g.coach.id)
    for item in students:
        item["label"] = label_of(item["coach_label"], item["id"])
    due_steps = repo.coach_steps_due(g.coach.id, end_of_week(now))
    safety_flags = repo.coach_safety_flags(g.coach.id)
    for item in due_steps + safety_flags:
        item["student_label"] = label_of(item["student_coach_label"], item["student_id"])
    return render_template(
        "overview.html",
        students=students,
        due_steps=due_steps,
        safety_flags=safety_flags,
        today=now,
        status_labels=STATUS_LABELS,
        kind_labels=SAFETY_KIND_LABELS,
        verdict_labels=VERDICT_LABELS,
    )


@bp.post("/signalen/<int:flag_id>/oordeel")
@login_required
def safety_verdict(flag_id: int):
    """The coach marks a safety flag "terecht" or "vals alarm", with a note: data to
    learn from. Only for a flag of the coach's own student; the flag's content stays unseen."""
    repo = get_repo()
    verdict = request.form.get("verdict", "")
    if verdict not in VERDICT_LABELS:
        abort(400, description="Kies 'terecht' of 'vals alarm'.")
    note = (request.form.get("note") or "").strip()
    limit = current_app.config["NOTE_MAX_CHARS"]
    if len(note) > limit:
        abort(400, description=f"Een toelichting mag hoogstens {limit} tekens hebben.")
    if not repo.set_safety_verdict(g.coach.id, flag_id, verdict, note):
        abort(404)
    repo.record_audit(g.coach.id, "safety_verdict", f"conversation:{flag_id}")
    flash(f"Je oordeel is opgeslagen: {VERDICT_LABELS[verdict].lower()}.")
    return redirect(url_for("dashboard.overview", _anchor=f"signaal-{flag_id}"))


@bp.post("/studenten/<int:student_id>/naam")
@login_required
def student_label(student_id: int):
    """The coach's own name for a linked student, seen only by this coach."""
    repo = get_repo()
    label = request.form.get("label") or ""
    if len(label) > 200:
        abort(400, description="Een naam mag hoogstens 80 tekens hebben.")
    if not repo.set_coach_label(g.coach.id, student_id, label):
        abort(404)
    repo.record_audit(g.coach.id, "label_saved", f"student:{student_id}")
    flash(
        "De naam is opgeslagen. Alleen jij ziet hem." if label.strip() else "De naam is weggehaald."
    )
    return redirect(url_for("dashboard.student", student_id=student_id))


@bp.post("/uitnodiging")
@login_required
def invite():
    repo = get_repo()
    code = repo.create_invite_code(g.coach.id)  # audited there, by a fingerprint of the code
    flash(f"Nieuwe koppelcode: {code}. De student typt in de chat: /koppel {code}", "code")
    return redirect(url_for("dashboard.overview"))


@bp.get("/studenten/<int:student_id>")
@login_required
def student(student_id: int):
    repo = get_repo()
    data = repo.coach_student(g.coach.id, student_id)
    if data is None:
        abort(404)
    data["label"] = label_of(data["coach_label"], data["id"])
    repo.record_audit(g.coach.id, "view_student", f"student:{student_id}")
    for conversation in data["conversations"]:
        conversation["figure"] = lemniscate_figure(
            conversation["parts_reached"],
            conversation["competencies"],
            conversation.get("kernwoord") or "",
        )
    return render_template(
        "student.html",
        student=data,
        summary_fields=SUMMARY_FIELDS,
        statuses=STEP_STATUSES,
        status_labels=STATUS_LABELS,
        phase_labels=PHASE_LABELS,
        today=today(),
    )


@bp.post("/stappen/<int:step_id>/status")
@login_required
def step_status(step_id: int):
    repo = get_repo()
    step = repo.coach_step(g.coach.id, step_id)
    if step is None:
        abort(404)
    status = request.form.get("status", "")
    if status not in STEP_STATUSES:
        abort(400, description="Kies een geldige status: open, gedaan, bijgesteld of vervallen.")
    if status != step["status"]:
        repo.set_step_status(step_id, status)
        repo.record_audit(g.coach.id, "step_status", f"step:{step_id}:{status}")
    flash(f"Status van de actiestap opgeslagen: {STATUS_LABELS[status]}.")
    return redirect(
        url_for("dashboard.student", student_id=step["student_id"], _anchor=f"stap-{step_id}")
    )


@bp.post("/gesprekken/<int:conversation_id>/notitie")
@login_required
def note(conversation_id: int):
    repo = get_repo()
    conversation = repo.coach_conversation(g.coach.id, conversation_id)
    if conversation is None:
        abort(404)
    text = (request.form.get("note") or "").strip()
    limit = current_app.config["NOTE_MAX_CHARS"]
    if len(text) > limit:
        abort(400, description=f"Een notitie mag hoogstens {limit} tekens hebben.")
    repo.save_coach_note(g.coach.id, conversation_id, text)
    repo.record_audit(g.coach.id, "note_saved", f"conversation:{conversation_id}")
    flash("Je notitie is opgeslagen.")
    return redirect(
        url_for(
            "dashboard.student",
            student_id=conversation["student_id"],
            _anchor=f"gesprek-{conversation_id}",
        )
    )
