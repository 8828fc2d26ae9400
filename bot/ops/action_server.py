"""What the action server (rasa_sdk's Sanic app, ``rasa run actions``) adds to every call,
installed by the ``actions`` package when the action server imports it:

* **Rasa's token.** With ``ACTION_SERVER_TOKEN`` set, a call must carry
  ``Authorization: Bearer <token>``; others get 401. Rasa 3.6 sends an action endpoint's
  ``headers`` with every call (``endpoints-cluster.yml``; its ``token`` option would put the token
  in the URL, where logs see it). The health check (``GET /health``) needs no token.
* **Writes once per message.** Each call to ``/webhook`` is named by the student, the id of the
  latest student message, the number of events and the action (``call_name``), so an action
  called again for the same message stores nothing twice (``bot/storage/once.py``).
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from bot.config import settings
from bot.storage import once

log = logging.getLogger(__name__)


def token_ok(header: str, expected: str) -> bool:
    if not expected:
        return True
    scheme, _, token = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        token.strip().encode(), expected.encode()
    )


def call_name(action_call: Any) -> str | None:
    """The call's name (None when it has no student message to name it by)."""
    if not isinstance(action_call, dict):
        return None
    tracker = action_call.get("tracker") or {}
    events = tracker.get("events") or []
    message_id = next(
        (e.get("message_id") for e in reversed(events) if e.get("event") == "user"), None
    )
    if not message_id:
        return None
    return "|".join(
        (
            str(action_call.get("sender_id") or tracker.get("sender_id") or ""),
            str(message_id),
            str(len(events)),
            str(action_call.get("next_action") or ""),
        )
    )


def install(app: Any) -> None:
    """Add the token check and the call's name to rasa_sdk's Sanic app."""
    from sanic import response

    expected = settings().action_server_token

    @app.middleware("request")
    async def check_and_name(request: Any) -> Any:
        if request.path == "/health":
            return None
        if not token_ok(request.headers.get("authorization", ""), expected):
            log.warning("An action call without the right token was refused")
            return response.json({"error": "unauthorized"}, status=401)
        if request.path == "/webhook" and request.method == "POST":
            try:
                body = request.json
            except Exception:  # a compressed body: rasa_sdk reads it itself; no name
                body = None
            once.set_call(call_name(body))
        return None

    log.info("Action server: token %s", "required" if expected else "not set")


def install_in_running_action_server() -> None:
    """Called when the ``actions`` package is imported by the action server: rasa_sdk made its
    Sanic app ("rasa_sdk") just before it imports the actions."""
    from sanic import Sanic

    try:
        app = Sanic.get_app("rasa_sdk")
    except Exception as error:
        if settings().action_server_token:
            raise RuntimeError(
                "ACTION_SERVER_TOKEN is set, but there is no action server app to guard"
            ) from error
        return
    install(app)
