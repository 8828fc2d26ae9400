"""Passwords, CSRF tokens, the login rate limit and the login guard."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from urllib.parse import unquote, urlparse

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


def verify_password(password_hash: str | None, password: str) -> bool:
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
        abort(
            400,
            description="Deze pagina is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
        )


# ---- login limits (kept in the audit_log table, so they hold across processes) ------------
# Two limits that an attacker cannot turn against a coach:
# * per account, a growing delay: after more than LOGIN_FREE_FAILURES failures the next attempt waits
#   LOGIN_DELAY_SECONDS, doubling with each failure up to LOGIN_MAX_DELAY_SECONDS. The account is
#   never locked: a coach waits at most that long, whatever someone else tries.
# * per IP address, across accounts: LOGIN_IP_MAX_FAILURES failures within LOGIN_WINDOW_MINUTES
#   block that address for the rest of the window (one address trying many accounts).
# Behind a proxy the address is the client's only when WEB_TRUSTED_PROXIES is set (ProxyFix).


def _digest(kind: str, value: str) -> str:
    return f"{kind}:" + hashlib.sha256(f"{kind}|{value}".encode()).hexdigest()[:40]


def _account_target(email: str) -> str:
    return _digest("login-account", email.strip().lower())


def _ip_target(ip: str) -> str:
    return _digest("login-ip", ip)


def login_wait_seconds(repo, email: str, ip: str) -> int:
    """0 when this attempt may be checked; otherwise how many seconds to wait first."""
    config = current_app.config
    now = datetime.utcnow()
    since = now - timedelta(minutes=config["LOGIN_WINDOW_MINUTES"])
    ip_failures, ip_last = repo.audit_count_since("login_failed", _ip_target(ip), since)
    if ip_failures >= config["LOGIN_IP_MAX_FAILURES"] and ip_last is not None:
        return max(
            1,
            int(
                (ip_last + timedelta(minutes=config["LOGIN_WINDOW_MINUTES"]) - now).total_seconds()
            ),
        )
    failures, last = repo.audit_count_since("login_failed", _account_target(email), since)
    over = failures - config["LOGIN_FREE_FAILURES"]
    if over <= 0 or last is None:
        return 0
    delay = min(
        config["LOGIN_DELAY_SECONDS"] * (2 ** min(over - 1, 16)), config["LOGIN_MAX_DELAY_SECONDS"]
    )
    remaining = (last + timedelta(seconds=delay) - now).total_seconds()
    return max(0, int(remaining + 0.999))


def record_login_failure(repo, email: str, ip: str) -> None:
    """Two rows without the e-mail or address in clear text: one per account, one per address."""
    repo.record_audit(None, "login_failed", _account_target(email))
    repo.record_audit(None, "login_failed", _ip_target(ip))


# ---- the logged-in coach ----------------------------------------------------------------


def start_coach_session(coach_id: int, session_version: int) -> None:
    """A fresh session on login (no fixation): new CSRF token, absolute start time, and the
    coach's current session version (raised at logout, so this cookie dies then)."""
    session.clear()
    session.permanent = True
    now = datetime.utcnow().timestamp()
    session["coach_id"] = coach_id
    session["login_at"] = now
    session["seen_at"] = now
    session["session_version"] = session_version
    csrf_token()


def end_coach_session() -> None:
    for key in ("coach_id", "login_at", "seen_at", "session_version"):
        session.pop(key, None)


def load_coach(repo) -> None:
    """Put the logged-in coach on ``g.coach``; drop sessions that are too old (8 hours after
    login), idle too long (WEB_IDLE_MINUTES, 30), revoked by a logout, or orphaned."""
    g.coach = None
    coach_id = session.get("coach_id")
    if coach_id is None:
        return
    now = datetime.utcnow().timestamp()
    lifetime: timedelta = current_app.permanent_session_lifetime
    idle = timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])
    expired = (
        now - float(session.get("login_at", 0)) > lifetime.total_seconds()
        or now - float(session.get("seen_at", 0)) > idle.total_seconds()
    )
    coach = None if expired else repo.get_coach(int(coach_id))
    if coach is None or session.get("session_version") != coach.session_version:
        end_coach_session()
        return
    # Refreshed at most once a minute, so not every request rewrites the cookie.
    if now - float(session.get("seen_at", 0)) > 60:
        session["seen_at"] = now
    g.coach = coach


def login_required(view: Callable) -> Callable:
    @wraps(view)
    def wrapped(*args, **kwargs):
        if getattr(g, "coach", None) is None:
            return redirect(url_for("auth.login", next=request.path))
        return view(*args, **kwargs)

    return wrapped


def safe_next(target: str | None) -> str | None:
    """Only local paths are followed after login (no open redirect)."""
    if not target:
        return None
    # Browsers read a backslash as "/" and drop tabs and newlines, so "/\\evil.example" and
    # "/\t/evil.example" lead off-site too. Every decoding of the target (%2F, %5C, twice
    # encoded, ...) must be a plain local path.
    candidate = target
    for _ in range(4):
        if "\\" in candidate or any(ord(ch) < 32 or ord(ch) == 127 for ch in candidate):
            return None
        parsed = urlparse(candidate)
        if (
            parsed.scheme
            or parsed.netloc
            or not candidate.startswith("/")
            or candidate.startswith("//")
        ):
            return None
        decoded = unquote(candidate)
        if decoded == candidate:
            break
        candidate = decoded
    else:
        return None
    return target
