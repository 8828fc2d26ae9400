"""A web-chat student's privacy rights (docs/privacy.md), the same as on Telegram:

* ``GET /chat/mijngegevens``: everything stored about them, as a JSON download;
* ``POST /chat/vergeet`` with ``{"confirm": true}``: erase everything (our rows, Rasa's tracker
  events, their invite code; audit rows no longer name them) and clear the cookie;
* ``POST /chat/niet-mijn-apparaat``: this browser forgets the student (the cookie is removed);
* ``POST /chat/nietdelen`` (``{"conversation_id": n}`` or all): take back sharing with the coach;
* ``POST /chat/delen``: show what was shared with an earlier coach to the current coach.

POSTs carry the ``X-CSRF-Token`` header like the chat's own requests. The student is known only by
the signed cookie of bot/web/chat.py; these routes never make a new student.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, g, jsonify, request, session
from itsdangerous import BadSignature

from bot.channels import notices
from bot.student_export import EXPORT_FILENAME, export_json
from bot.web.chat import STUDENT_COOKIE, _signer
from bot.web.repo import get_repo

bp = Blueprint("chat_privacy", __name__, url_prefix="/chat")


def current_sender() -> str | None:
    """This browser's student id from its signed cookie, or None (no new one is made here)."""
    if g.get("student_sender") and not g.get("new_student_cookie"):
        return g.student_sender
    try:
        sender = _signer().loads(request.cookies.get(STUDENT_COOKIE, ""))
    except BadSignature:
        return None
    return sender if isinstance(sender, str) and sender.startswith("web-") else None


def _forget_cookie(response: Response) -> Response:
    response.delete_cookie(
        STUDENT_COOKIE,
        httponly=True,
        samesite="Lax",
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
    )
    return response


def _json_body() -> dict:
    payload = request.get_json(silent=True)
    return payload if isinstance(payload, dict) else {}


@bp.get("/mijngegevens")
def my_data():
    sender = current_sender()
    data = get_repo().export_student(sender) if sender else None
    return Response(
        export_json(data),
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{EXPORT_FILENAME}"',
            "Cache-Control": "no-store",
        },
    )


@bp.post("/vergeet")
def forget():
    if _json_body().get("confirm") is not True:
        abort(400, description="Bevestig eerst dat je alles wilt laten wissen.")
    sender = current_sender()
    erased = get_repo().erase_student(sender) if sender else False
    session.clear()
    return _forget_cookie(jsonify({"erased": erased}))


@bp.post("/niet-mijn-apparaat")
def forget_device():
    session.clear()
    return _forget_cookie(jsonify({"forgotten": True}))


@bp.post("/nietdelen")
def withdraw():
    sender = current_sender()
    conversation_id = _json_body().get("conversation_id")
    if conversation_id is not None and not isinstance(conversation_id, int):
        abort(400, description="Dit gesprek bestaat niet.")
    withdrawn = get_repo().withdraw_consent(sender, conversation_id) if sender else 0
    said = notices.CONSENT_WITHDRAWN if withdrawn else notices.NOTHING_SHARED
    return jsonify({"withdrawn": withdrawn, "message": notices.text(said)})


@bp.post("/delen")
def share_again():
    sender = current_sender()
    shared = get_repo().share_again(sender) if sender else 0
    said = notices.SHARED_AGAIN if shared else notices.NOTHING_TO_SHARE_AGAIN
    return jsonify({"shared": shared, "message": notices.text(said)})
