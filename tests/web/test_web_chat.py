"""The student web chat, with Rasa replaced by a stand-in (the e2e test uses the real one)."""

from __future__ import annotations

import pytest
from webhelpers import token

from bot.channels import notices
from bot.channels.rasa_client import RasaUnavailable
from bot.storage.models import PendingMessage, Student


def _sender(client) -> str:
    """The student id from this browser's signed student cookie."""
    from itsdangerous import URLSafeSerializer

    cookie = client.get_cookie("lemniscaat_student")
    return URLSafeSerializer(client.application.secret_key, salt="student-chat").loads(cookie.value)


@pytest.fixture()
def rasa(monkeypatch):
    calls = []

    def fake_send(sender_id, text, timeout=30.0):
        calls.append((sender_id, text))
        return [
            {
                "recipient_id": sender_id,
                "text": "Hoi! Vertel eens over iets wat je onlangs meemaakte.",
            },
            {
                "recipient_id": sender_id,
                "text": "Wil je dit delen?",
                "buttons": [
                    {"title": "Ja", "payload": "/affirm"},
                    {"title": "Nee", "payload": "/deny"},
                ],
            },
            {"recipient_id": sender_id, "image": "http://example/x.png"},
        ]

    monkeypatch.setattr("bot.web.chat.send_to_rasa_sync", fake_send)
    return calls


def _start(client):
    return client.post("/chat/start", json={}, headers={"X-CSRF-Token": token(client)})


def _send(client, message):
    return client.post(
        "/chat/send", json={"message": message}, headers={"X-CSRF-Token": token(client)}
    )


def test_chat_page_gives_pseudonymous_sender_and_privacy_line(client):
    html = client.get("/chat").get_data(as_text=True)
    assert _sender(client).startswith("web-") and len(_sender(client)) > 20
    assert "Je coach ziet alleen wat jij aan het eind van het gesprek wilt delen." in html
    assert '<label for="message">Je bericht</label>' in html
    assert "chat.js" in html


def test_send_needs_accepted_terms_and_csrf(client, rasa):
    client.get("/chat")
    assert _send(client, "hoi").status_code == 403
    assert client.post("/chat/start", json={}).status_code == 400
    no_token = client.post("/chat/send", json={"message": "hoi"})
    assert no_token.status_code == 400 and "error" in no_token.get_json()
    assert rasa == []


def test_send_forwards_to_rasa_and_returns_text_and_buttons(client, rasa, repo):
    client.get("/chat")
    assert _start(client).get_json()["opening"] == "Hoi"
    response = _send(client, "  /koppel ABCD2345  ")
    data = response.get_json()
    assert response.status_code == 200 and data["pending"] is False
    assert data["messages"] == [
        {"text": "Hoi! Vertel eens over iets wat je onlangs meemaakte.", "buttons": []},
        {
            "text": "Wil je dit delen?",
            "buttons": [
                {"title": "Ja", "payload": "/affirm"},
                {"title": "Nee", "payload": "/deny"},
            ],
        },
    ]
    sender = _sender(client)
    assert rasa == [(sender, "/koppel ABCD2345")]  # passed on as is: Rasa handles /koppel
    student = repo.find_student(sender)
    assert student.channel == "web" and student.accepted_terms_at is not None


def test_rasa_down_gives_apology_and_keeps_message(client, repo, monkeypatch):
    def down(sender_id, text, timeout=30.0):
        raise RasaUnavailable("connection refused")

    monkeypatch.setattr("bot.web.chat.send_to_rasa_sync", down)
    client.get("/chat")
    _start(client)
    data = _send(client, "Ik wil iets vertellen").get_json()
    assert data["pending"] is True
    assert data["messages"][0]["text"] in notices.variations(notices.KEPT)
    with repo.session() as s:
        kept = (
            s.query(PendingMessage, Student)
            .join(Student, PendingMessage.student_id == Student.id)
            .all()
        )
        assert [(m.text, st.channel) for m, st in kept] == [("Ik wil iets vertellen", "web")]


def test_message_checks(client, rasa, app):
    client.get("/chat")
    _start(client)
    assert _send(client, "   ").status_code == 400
    too_long = _send(client, "x" * (app.config["MAX_MESSAGE_CHARS"] + 1))
    assert too_long.status_code == 400 and "te lang" in too_long.get_json()["error"]
    assert (
        client.post(
            "/chat/send", data="geen json", headers={"X-CSRF-Token": token(client)}
        ).status_code
        == 400
    )
    assert rasa == []


def test_two_browsers_get_two_senders(app, rasa):
    first, second = app.test_client(), app.test_client()
    for c in (first, second):
        c.get("/chat")
        _start(c)
        _send(c, "hoi")
    assert rasa[0][0] != rasa[1][0]


def test_student_keeps_their_id_after_the_session_cookie_is_gone_and_kept_messages_are_answered(
    client, repo, monkeypatch
):
    calls = []

    def down(sender_id, text, timeout=30.0):
        raise RasaUnavailable("connection refused")

    client.get("/chat")
    _start(client)
    sender = _sender(client)
    monkeypatch.setattr("bot.web.chat.send_to_rasa_sync", down)
    assert _send(client, "mijn stage was spannend").get_json()["pending"] is True

    # Days later: the coach-style session cookie expired, the student cookie did not.
    client.delete_cookie(client.application.config["SESSION_COOKIE_NAME"])

    def up(sender_id, text, timeout=30.0):
        calls.append((sender_id, text))
        return [{"text": f"antwoord op {text}"}]

    monkeypatch.setattr("bot.web.chat.send_to_rasa_sync", up)
    client.get("/chat")
    messages = _send(client, "en nu verder").get_json()["messages"]
    assert calls == [(sender, "mijn stage was spannend"), (sender, "en nu verder")]
    assert [m["text"] for m in messages] == [
        "Je schreef eerder: \u201cmijn stage was spannend\u201d",
        "antwoord op mijn stage was spannend",
        "antwoord op en nu verder",
    ]
    assert repo.pending_messages(channel="web", sender_id=sender) == []
