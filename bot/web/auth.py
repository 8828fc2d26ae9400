"""Coach login and logout."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for

from bot.web import security
from bot.web.repo import get_repo

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        if g.coach is not None:
            return redirect(url_for("dashboard.overview"))
        return render_template(
            "login.html", email="", next=security.safe_next(request.args.get("next")) or ""
        )

    repo = get_repo()
    email = (request.form.get("email") or "").strip().lower()[:254]
    password = request.form.get("password") or ""
    next_path = security.safe_next(request.form.get("next"))
    ip = request.remote_addr or "?"

    wait = security.login_wait_seconds(repo, email, ip)
    if wait:
        minutes = (wait + 59) // 60
        message = (
            f"Te veel mislukte pogingen. Probeer het over {wait} seconden opnieuw."
            if wait < 120
            else f"Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw."
        )
        response = render_template("login.html", email=email, next=next_path or "", error=message)
        return response, 429, {"Retry-After": str(wait)}

    coach = repo.find_coach_by_email(email) if email else None
    if not security.verify_password(coach.password_hash if coach else None, password):
        security.record_login_failure(repo, email, ip)
        message = "Het e-mailadres of het wachtwoord klopt niet."
        return render_template("login.html", email=email, next=next_path or "", error=message), 401
    assert coach is not None, "verify_password never accepts a missing coach"

    if security.needs_rehash(coach.password_hash):
        repo.set_coach_password_hash(coach.id, security.hash_password(password))
    security.start_coach_session(coach.id, coach.session_version)
    repo.record_audit(coach.id, "login", f"coach:{coach.id}")
    return redirect(next_path or url_for("dashboard.overview"))


@bp.post("/logout")
def logout():
    if g.coach is not None:
        # Server-side: every copy of this coach's session cookie stops working now.
        get_repo().revoke_coach_sessions(g.coach.id)
        get_repo().record_audit(g.coach.id, "logout", f"coach:{g.coach.id}")
    session.clear()
    flash("Je bent uitgelogd.")
    return redirect(url_for("auth.login"))
