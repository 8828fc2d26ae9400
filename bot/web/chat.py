"""The student web chat: a page, and a JSON endpoint that carries messages to and from Rasa.

The student is known only by a random pseudonymous sender id ("web-" + token) kept in a
signed cookie of its own that lasts months, so a student who comes back days later continues
the same conversation (the coach's session cookie expires after hours). Channel code carries
text and buttons; Rasa decides what the bot says.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import threading
from datetime import timedelta
from typing import Any

from flask import Blueprint, Flask, abort, current_app, g, jsonify, render_template, request
from itsdangerous import BadSignature, URLSafeSerializer

from bot.channels import notices
from bot.channels.rasa_client import send_to_rasa_sync, valid_message_id
from bot.channels.relay import Relay, Replayed, Turn, takes_message_id
from bot.lemniscate import part_of_phase
from bot.web.lemniscate import PARTS as LEMNISCATE_PARTS
from bot.web.lemniscate import lemniscate_figure
from bot.web.repo import get_repo, repo_of

log = logging.getLogger(__name__)

bp = Blueprint("chat", __name__, url_prefix="/chat")

STUDENT_COOKIE = "lemniscaat_student"
STUDENT_COOKIE_AGE = timedelta(days=180)
# How often the background job answers kept messages (seconds; 0 = no job). Not in tests.
DEFAULT_REPLAY_EVERY = 10.0
PART_LABELS = {name: label for name, label, _span, _pos in LEMNISCATE_PARTS}


# ---- the relay (with the students' locks) and the mailbox of this process ----


async def _ask_rasa(sender: str, text: str, message_id: str | None = None) -> list[dict[str, Any]]:
    # Looked up at call time, so tests can stand in for Rasa.
    if message_id and takes_message_id(send_to_rasa_sync):
        return await asyncio.to_thread(send_to_rasa_sync, sender, text, message_id=message_id)
    return await asyncio.to_thread(send_to_rasa_sync, sender, text)


class Mailbox:
    """Answers to kept messages that the background job got while the student was away;
    handed out with the student's next request (the page asks every so often)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, list[dict[str, Any]]] = {}

    async def put(self, replayed: Replayed) -> None:
        with self._lock:
            self._waiting.setdefault(replayed.sender_id, []).extend(replayed_messages(replayed))

    def take(self, sender: str) -> list[dict[str, Any]]:
        with self._lock:
            return self._waiting.pop(sender, [])


def _relay_of(app: Flask) -> Relay:
    return app.extensions["lemniscaat_chat_relay"]


def _mailbox_of(app: Flask) -> Mailbox:
    return app.extensions["lemniscaat_chat_mailbox"]


@bp.record_once
def _set_up(state) -> None:
    app = state.app
    app.extensions["lemniscaat_chat_relay"] = Relay(repo_of(app), "web", _ask_rasa)
    app.extensions["lemniscaat_chat_mailbox"] = Mailbox()
    every = float(app.config.get("CHAT_REPLAY_EVERY", 0 if app.testing else DEFAULT_REPLAY_EVERY))
    if every > 0:
        start_replay_job(app, every)


def replay_round(app: Flask) -> int:
    """One round of the background job: answer every kept web message (each exactly once)
    and keep the answers for the student. Returns how many were answered."""
    return len(asyncio.run(_relay_of(app).replay_all(deliver=_mailbox_of(app).put)))


def start_replay_job(app: Flask, every: float) -> threading.Thread:
    """Kept web messages are answered by this job, not only when the student writes again."""
    stop = app.extensions.setdefault("lemniscaat_chat_job_stop", threading.Event())

    def loop() -> None:
        while not stop.wait(every):
            try:
                replay_round(app)
            except Exception:  # logged; the next round tries again
                log.exception("Replaying kept web messages failed")

    thread = threading.Thread(target=loop, name="web-chat-replay", daemon=True)
    thread.start()
    return thread


def _signer() -> URLSafeSerializer:
    secret = current_app.secret_key
    assert secret is not None, "create_app sets SECRET_KEY (WEB_SECRET_KEY)"
    return URLSafeSerializer(secret, salt="student-chat")


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
            STUDENT_COOKIE,
            _signer().dumps(g.student_sender),
            max_age=int(STUDENT_COOKIE_AGE.total_seconds()),
            httponly=True,
            samesite="Lax",
            secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        )
    return response


def replayed_messages(replayed: Replayed) -> list[dict[str, Any]]:
    return [
        {"text": notices.text(notices.REPLAYED, text=replayed.text), "buttons": []},
        *clean_answers(replayed.answers),
    ]


def clean_answers(answers: Any) -> list[dict[str, Any]]:
    """Only text and buttons (title, payload) go back to the browser."""
    cleaned: list[dict[str, Any]] = []
    for answer in answers if isinstance(answers, list) else []:
        if not isinstance(answer, dict):
            continue
        text = answer.get("text")
        buttons = [
            {
                "title": str(b.get("title", "")),
                "payload": str(b.get("payload") or b.get("title") or ""),
            }
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
    sender = sender_id()
    accepted = asyncio.run(_relay_of(current_app).accepted(sender))
    return render_template(
        "chat.html",
        accepted=accepted,
        max_chars=current_app.config["MAX_MESSAGE_CHARS"],
        opening=current_app.config["CHAT_OPENING_MESSAGE"],
        # Where am I: the dashboard's lemniscate, small, with the student's current part lit.
        figure=lemniscate_figure([], []),
        part=_part_of_sender(sender) if accepted else None,
        part_labels=PART_LABELS,
    )


@bp.post("/start")
def start():
    """The student has read how their data is used and starts the conversation."""
    asyncio.run(_relay_of(current_app).accept(sender_id()))
    return jsonify({"ok": True, "opening": current_app.config["CHAT_OPENING_MESSAGE"]})


def _where(part: Any, changed: bool) -> dict[str, Any]:
    return {"part": part, "part_label": PART_LABELS.get(part), "part_changed": changed}


# A turn with nothing to show but its notice is refused with this status; the page shows the
# notice (and, for a retry, puts the text back in the box).
REFUSED = {notices.NEEDS_TERMS: 403, notices.TOO_LONG: 400, notices.RESEND: 503}


@bp.post("/send")
def send():
    payload = request.get_json(silent=True)
    text = payload.get("message") if isinstance(payload, dict) else None
    if not isinstance(text, str) or not text.strip():
        abort(400, description="Typ eerst een bericht.")
    text = text.strip()
    sender = sender_id()
    limit = current_app.config["MAX_MESSAGE_CHARS"]
    # The relay checks the whole text for crisis first, then consent, then the length. The
    # page's id of the message: sent again (a broken connection), it makes no second turn.
    message_id = valid_message_id(payload.get("message_id") if isinstance(payload, dict) else None)
    turn: Turn = asyncio.run(
        _relay_of(current_app).handle(sender, text, limit=limit, message_id=message_id)
    )
    if turn.notice is not None and not turn.answers and turn.notice.name in REFUSED:
        retry = {"retry": True} if turn.unavailable else {}
        return jsonify({"error": turn.notice.text, **retry}), REFUSED[turn.notice.name]
    messages = [] if turn.unavailable else _mailbox_of(current_app).take(sender)
    for replayed in turn.replayed:
        messages.extend(replayed_messages(replayed))
    messages.extend(clean_answers(turn.answers))
    if turn.notice is not None:
        messages.append({"text": turn.notice.text, "buttons": []})
    return jsonify(
        {"messages": messages, "pending": turn.kept, **_where(turn.part, turn.part_changed)}
    )


@bp.get("/nieuw")
def updates():
    """What the background job answered meanwhile (the page asks while a message waits)."""
    sender = sender_id()
    repo = get_repo()
    messages = _mailbox_of(current_app).take(sender)
    pending = bool(repo.pending_messages(channel="web", sender_id=sender))
    part = _part_of_sender(sender)
    return jsonify({"messages": messages, "pending": pending, **_where(part, False)})


def _part_of_sender(sender: str):
    return part_of_phase(get_repo().current_phase(sender))
