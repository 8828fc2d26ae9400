"""Probes and metrics of the web app: ``/healthz`` (alive), ``/readyz`` (database and Rasa
reachable; 503 with a JSON body naming what failed) and ``/metrics`` (Prometheus).

``/metrics`` needs ``Authorization: Bearer <METRICS_TOKEN>`` when ``METRICS_TOKEN`` is set; in
production it is not served at all without one (docs/security.md). Keep all three off the
public reverse proxy: probes and scrapes come from inside the cluster.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, abort, current_app, jsonify, request

from bot.config import settings
from bot.ops.health import metrics_allowed, readiness, standard_checks
from bot.ops.metrics import exposition
from bot.web.repo import get_repo

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify(status="alive")


@bp.get("/readyz")
def readyz():
    timeout = float(current_app.config["READINESS_TIMEOUT"])
    ready, body = readiness(standard_checks(get_repo().ping, settings().rasa_url, timeout), timeout)
    return jsonify(body), 200 if ready else 503


@bp.get("/metrics")
def metrics():
    config = current_app.config
    if not metrics_allowed(
        config["METRICS_TOKEN"], config["PRODUCTION"], request.headers.get("Authorization", "")
    ):
        abort(404)
    body, content_type = exposition()
    return Response(body, content_type=content_type, headers={"Cache-Control": "no-store"})


def install(app: Flask) -> None:
    """Register the routes; settings come from the environment unless the app's config
    already names them (tests)."""
    conf = settings()
    app.config.setdefault("METRICS_TOKEN", conf.metrics_token)
    app.config.setdefault("PRODUCTION", conf.production)
    app.config.setdefault("READINESS_TIMEOUT", conf.readiness_timeout)
    app.register_blueprint(bp)
