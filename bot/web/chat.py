"""The student web chat: a page, and a JSON endpoint that carries messages to and from Rasa.

The student is known only by a random pseudonymous sender id ("web-" + token) kept in the
signed session cookie. Channel code carries text and buttons; Rasa decides what the bot says.
"""
from __future__ import annotations

import logging
import secrets
from typing import Any, Dict, List

from flask import Blueprint, abort, current_app, jsonify, render_template, request, session

from bot.channels.rasa_client import RasaUnavailable, send_to_rasa_sync

log = logging.getLogger(__name__)

bp = Blueprint("chat", __name__, url_prefix="/chat")

SENDER_KEY = "web_sender"
TERMS_KEY = "web_terms"
APOLOGY = (
    "Sorry, ik ben even niet bereikbaar. Je bericht is bewaard en ik kom erop terug zodra ik weer "
    "werk. Probeer het straks gerust nog eens."
)


def _repo():
    return current_app.extensions["lemniscaat_repo"]


def sender_id() -> str:
    sender = session.get(SENDER_KEY)
    if not sender:
        sender = "web-" + secrets.token_urlsafe(18)
        session[SENDER_KEY] = sender
        session.permanent = True
    return sender


def clean_answers(answers: Any) -> List[Dict[str, Any]]:
    """Only text and buttons (title, payload) go back to the browser."""
    cleaned: List[Dict[str, Any]] = []
    for answer in answers if isinstance(answers, list) else []:
        if not isinstance(answer, dict):
            continue
        text = answer.get("text")
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload") or b.get("title") or "")}
            for b in answer.get("buttons") or []
            if isinstance(b, dict) and (b.get("title") or b.get("payload"))
        ]
        if not text and not buttons:
            continue
        cleaned.append({"text": str(text or ""), "buttons": buttons})
    return cleaned


@bp.get("/")
@bp.get("")
def page():
    sender_id()
    return render_template(
        "chat.html",
        accepted=bool(session.get(TERMS_KEY)),
        max_chars=current_app.config["MAX_MESSAGE_CHARS"],
        opening=current_app.config["CHAT_OPENING_MESSAGE"],
    )


@bp.post("/start")
def start():
    """The student has read how their data is used and starts the conversation."""
    sender = sender_id()
    repo = _repo()
    repo.ensure_student(sender, channel="web")
    repo.record_terms_accepted(sender, channel="web")
    session[TERMS_KEY] = True
    return jsonify({"ok": True, "opening": current_app.config["CHAT_OPENING_MESSAGE"]})


@bp.post("/send")
def send():
    if not session.get(TERMS_KEY):
        abort(403, description="Lees eerst hoe we met je gegevens omgaan en klik op 'Start het gesprek'.")
    payload = request.get_json(silent=True)
    text = payload.get("message") if isinstance(payload, dict) else None
    if not isinstance(text, str) or not text.strip():
        abort(400, description="Typ eerst een bericht.")
    text = text.strip()
    limit = current_app.config["MAX_MESSAGE_CHARS"]
    if len(text) > limit:
        abort(400, description=f"Je bericht is te lang. Houd het onder de {limit} tekens.")

    sender = sender_id()
    repo = _repo()
    repo.ensure_student(sender, channel="web")
    try:
        answers = clean_answers(send_to_rasa_sync(sender, text))
    except RasaUnavailable as error:
        log.warning("Rasa unavailable for a web message: %s", error)
        repo.keep_pending_message(sender, text)
        return jsonify({"messages": [{"text": APOLOGY, "buttons": []}], "pending": True})
    return jsonify({"messages": answers, "pending": False})
