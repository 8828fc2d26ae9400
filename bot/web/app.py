"""The Flask app factory and the server entry point for ``lemniscaat web``."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from flask import Flask, g, render_template, request
from waitress import serve as waitress_serve
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from bot.config import settings
from bot.dutch_dates import short_date, short_moment
from bot.ops.logs import configure_logging
from bot.web import (
    auth,
    chat,
    chat_privacy,
    dashboard,
    exports,
    health,
    limits,
    pages,
    practice,
    security,
)
from bot.web.errors import dutch_error
from bot.web.repo import init_repo, repo_of

__all__ = ["create_app", "repo_of", "serve"]

log = logging.getLogger(__name__)


def create_app(config_overrides: dict[str, Any] | None = None) -> Flask:
    conf = settings()
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=conf.web_secret_key,
        DATABASE_URL=conf.database_url,
        # Sessions: signed cookie, not readable by scripts, not sent on cross-site POSTs,
        # expiring 8 hours after login (checked server-side as well, see security.load_coach).
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # WEB_COOKIE_SECURE: on in production (HTTPS), off by default so plain-HTTP localhost works.
        SESSION_COOKIE_SECURE=conf.web_cookie_secure,
        SESSION_COOKIE_NAME="lemniscaat_session",
        # A coach session also ends after this many minutes without a request (WEB_IDLE_MINUTES).
        SESSION_IDLE_MINUTES=conf.web_idle_minutes,
        # Strict-Transport-Security (WEB_HSTS, on in production).
        HSTS=conf.web_hsts,
        # How many reverse proxies in front may be believed for X-Forwarded-* (WEB_TRUSTED_PROXIES).
        TRUSTED_PROXIES=conf.web_trusted_proxies,
        MAX_CONTENT_LENGTH=64 * 1024,
        # Login limits (bot/web/security.py): a growing delay per account, a cap per IP address.
        LOGIN_WINDOW_MINUTES=15,
        LOGIN_FREE_FAILURES=3,
        LOGIN_DELAY_SECONDS=2,
        LOGIN_MAX_DELAY_SECONDS=60,
        LOGIN_IP_MAX_FAILURES=30,
        # Rate limits (Flask-Limiter, bot/web/limits.py). The store is RATELIMIT_STORAGE_URI:
        # memory:// is shared by the threads of the one `lemniscaat web` process; run several
        # processes only with a shared store (redis://...).
        RATELIMIT_STORAGE_URI=conf.ratelimit_storage_uri,
        RATELIMIT_ENABLED=True,
        RATELIMIT_HEADERS_ENABLED=True,
        RATE_LIMIT_CHAT_START="20 per minute; 200 per hour",
        RATE_LIMIT_CHAT_SEND="30 per minute; 600 per hour",
        RATE_LIMIT_CHAT_PRIVACY="10 per minute",
        RATE_LIMIT_PRACTICE="40 per minute; 600 per hour",
        INVITE_VALID_DAYS=conf.invite_valid_days,
        MAX_MESSAGE_CHARS=conf.max_message_chars,
        TIMEZONE=conf.timezone,
        # What the start button of the web chat sends as the student's first message.
        CHAT_OPENING_MESSAGE="Hoi",
        PDF_COMPRESS=True,
        NOTE_MAX_CHARS=5000,
    )
    if config_overrides:
        app.config.update(config_overrides)

    repo = init_repo(app, app.config["DATABASE_URL"])

    app.register_blueprint(pages.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(chat.bp)
    app.register_blueprint(chat_privacy.bp)
    app.register_blueprint(practice.bp)
    health.install(app)
    limits.install(app)
    if app.config["TRUSTED_PROXIES"]:
        hops = int(app.config["TRUSTED_PROXIES"])
        # Flask's documented way to add WSGI middleware; mypy does not allow assigning to a
        # method (python/mypy#7347).
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops
        )

    @app.before_request
    def _before() -> None:
        security.check_csrf()
        security.load_coach(repo)

    @app.after_request
    def _headers(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if app.config.get("HSTS"):
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        if getattr(g, "coach", None) is not None or response.mimetype == "application/json":
            response.headers["Cache-Control"] = "no-store"
        return response

    # Dates in templates: {{ day|short_date }}, {{ moment|short_moment }} (bot/dutch_dates.py).
    app.jinja_env.filters.update(short_date=short_date, short_moment=short_moment)

    @app.context_processor
    def _template_globals() -> dict[str, Any]:
        return {"csrf_token": security.csrf_token, "coach": getattr(g, "coach", None)}

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        if request.path.startswith("/chat/") and request.method == "POST":
            return {"error": dutch_error(error)}, error.code
        return render_template(
            "error.html", code=error.code, message=dutch_error(error)
        ), error.code

    return app


def serve(host: str | None = None, port: int | None = None) -> None:
    """Run the web app with waitress (a production WSGI server) until stopped."""
    conf = settings()
    host = host or conf.web_host
    port = int(port or conf.web_port)
    configure_logging("web")
    app = create_app()
    log.info("Lemniscaat web on http://%s:%s (chat at /chat, coaches at /login)", host, port)
    waitress_serve(app, host=host, port=port, threads=8, ident="lemniscaat")
