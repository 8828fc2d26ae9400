"""The student web chat: a page, and a JSON endpoint that carries messages to and from Rasa.

The student is known only by a random pseudonymous sender id ("web-" + token) kept in a
signed cookie of its own that lasts months, so a student who comes back days later continues
the same conversation (the coach's session cookie expires after hours). Channel code carries
text and buttons; Rasa decides what the bot says.
"""
from __future__ import annotations

import logging
import secrets
from typing import Any, Dict, List

from datetime import timedelta

from flask import Blueprint, abort, current_app, g, jsonify, render_template, request
from itsdangerous import BadSignature, URLSafeSerializer

from bot.channels.rasa_client import RasaUnavailable, send_to_rasa_sync

log = logging.getLogger(__name__)

bp = Blueprint("chat", __name__, url_prefix="/chat")

STUDENT_COOKIE = "lemniscaat_student"
STUDENT_COOKIE_AGE = timedelta(days=180)
APOLOGY = (
    "Sorry, ik ben even niet bereikbaar. Je bericht is bewaard en ik kom erop terug zodra ik weer "
    "werk. Probeer het straks gerust nog eens."
)


def _repo():
    return current_app.extensions["lemniscaat_repo"]


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="student-chat")


def sender_id() -> str:
    """This browser's student id: from its signed cookie, or a new one set on the response."""
    if "student_sender" in g:
        return g.student_sender
    sender = None
    try:
        sender = _signer().loads(request.cookies.get(STUDENT_COOKIE, ""))
    except BadSignature:
        sender = None
    if not isinstance(sender, str) or not sender.startswith("web-"):
        sender = "web-" + secrets.token_urlsafe(18)
        g.new_student_cookie = True
    g.student_sender = sender
    return sender


@bp.after_request
def _keep_student_cookie(response):
    if g.get("new_student_cookie"):
        response.set_cookie(
            STUDENT_COOKIE, _signer().dumps(g.student_sender), max_age=int(STUDENT_COOKIE_AGE.total_seconds()),
            httponly=True, samesite="Lax", secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        )
    return response


def _answer_kept_messages(repo, sender: str) -> List[Dict[str, Any]]:
    """Messages kept while Rasa was down are answered first, in order, before the new one."""
    answers: List[Dict[str, Any]] = []
    for kept in repo.pending_messages(channel="web", sender_id=sender):
        answers.append({"text": f"Je schreef eerder: \u201c{kept['text']}\u201d", "buttons": []})
        answers.extend(clean_answers(send_to_rasa_sync(sender, kept["text"])))
        repo.delete_pending_message(kept["id"])
    return answers


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
        accepted=_repo().has_accepted_terms(sender_id()),
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
    return jsonify({"ok": True, "opening": current_app.config["CHAT_OPENING_MESSAGE"]})


@bp.post("/send")
def send():
    if not _repo().has_accepted_terms(sender_id()):
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
        answers = _answer_kept_messages(repo, sender) + clean_answers(send_to_rasa_sync(sender, text))
    except RasaUnavailable as error:
        log.warning("Rasa unavailable for a web message: %s", error)
        repo.keep_pending_message(sender, text)
        return jsonify({"messages": [{"text": APOLOGY, "buttons": []}], "pending": True})
    return jsonify({"messages": answers, "pending": False})
