"""Passwords, CSRF tokens, the login rate limit and the login guard."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from functools import wraps
from typing import Callable, Optional
from urllib.parse import urlparse

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import abort, current_app, g, redirect, request, session, url_for

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a wrong e-mail costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash("no such coach, no such password")

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


# ---- passwords ------------------------------------------------------------------------

def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: Optional[str], password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return False


# ---- CSRF -----------------------------------------------------------------------------

def csrf_token() -> str:
    """The session's token, made on first use; forms and the chat script send it back."""
    token = session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


def check_csrf() -> None:
    """Refuse every state-changing request whose token does not match the session's."""
    if request.method not in UNSAFE_METHODS:
        return
    expected = session.get(CSRF_FIELD)
    sent = request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FIELD) or ""
    if not expected or not hmac.compare_digest(str(expected), str(sent)):
        abort(400, description="Deze pagina is verlopen. Laad de pagina opnieuw en probeer het nog eens.")


# ---- login rate limit (kept in the audit_log table, so it holds across processes) --------

def _limit_target(email: str, ip: str) -> str:
    digest = hashlib.sha256(f"{email.strip().lower()}|{ip}".encode("utf-8")).hexdigest()[:40]
    return f"login:{digest}"


def login_blocked(repo, email: str, ip: str) -> bool:
    window = timedelta(minutes=current_app.config["LOGIN_WINDOW_MINUTES"])
    since = datetime.utcnow() - window
    failures = repo.count_audit("login_failed", _limit_target(email, ip), since)
    return failures >= current_app.config["LOGIN_MAX_FAILURES"]


def record_login_failure(repo, email: str, ip: str) -> None:
    repo.record_audit(None, "login_failed", _limit_target(email, ip))


# ---- the logged-in coach ----------------------------------------------------------------

def start_coach_session(coach_id: int) -> None:
    """A fresh session on login (no fixation): new CSRF token, absolute start time."""
    session.clear()
    session.permanent = True
    session["coach_id"] = coach_id
    session["login_at"] = datetime.utcnow().timestamp()
    csrf_token()


def load_coach(repo) -> None:
    """Put the logged-in coach on ``g.coach``; drop sessions that are too old or orphaned."""
    g.coach = None
    coach_id = session.get("coach_id")
    if coach_id is None:
        return
    lifetime: timedelta = current_app.permanent_session_lifetime
    login_at = session.get("login_at", 0)
    expired = datetime.utcnow().timestamp() - float(login_at) > lifetime.total_seconds()
    coach = None if expired else repo.get_coach(int(coach_id))
    if coach is None:
        session.pop("coach_id", None)
        session.pop("login_at", None)
        return
    g.coach = coach


def login_required(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if getattr(g, "coach", None) is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(*args, **kwargs)

    return wrapped


def safe_next(target: Optional[str]) -> Optional[str]:
    """Only local paths are followed after login (no open redirect)."""
    if not target:
        return None
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target
