"""Privacy rights of web students: a copy of their data, erasure (with Rasa's tracker events and
the cookie), forgetting the device, taking back consent, sharing again. Test client and Chromium."""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import text
from webhelpers import make_student

from bot.channels import notices


def _student_client(app, monkeypatch=None):
    """A browser that opened the chat and pressed "Start het gesprek"."""
    client = app.test_client()
    client.get("/chat")
    with client.session_transaction() as session:
        headers = {"X-CSRF-Token": session["csrf_token"]}
    assert client.post("/chat/start", json={}, headers=headers).status_code == 200
    return client, headers


def _sender(client) -> str:
    from itsdangerous import URLSafeSerializer

    cookie = client.get_cookie("lemniscaat_student")
    return URLSafeSerializer(client.application.secret_key, salt="student-chat").loads(cookie.value)


def _with_events(repo, sender):
    with repo.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), "
                "type_name VARCHAR(255), timestamp FLOAT, intent_name VARCHAR(255), "
                "action_name VARCHAR(255), data TEXT)"
            )
        )
        for type_name, said in (
            ("user", "ik liep stage bij de bakker"),
            ("bot", "Wat gebeurde er toen?"),
        ):
            conn.execute(
                text("INSERT INTO events (sender_id, type_name, data) VALUES (:s, :t, :d)"),
                {"s": sender, "t": type_name, "d": json.dumps({"text": said, "timestamp": 1.0})},
            )


def test_my_data_is_a_json_download_of_everything(app, repo, coach_a):
    client, headers = _student_client(app)
    sender = _sender(client)
    made = make_student(repo, sender, coach_a.id)
    repo.keep_pending_message(sender, "nog een bericht")
    _with_events(repo, sender)
    response = client.get("/chat/mijngegevens")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["sender"] == sender and data["accepted_terms_at"]
    assert data["conversations"][0]["id"] == made.conversation_id
    assert [m["text"] for m in data["messages"]] == [
        "ik liep stage bij de bakker",
        "Wat gebeurde er toen?",
    ]
    assert data["pending_messages"][0]["text"] == "nog een bericht"
    # A browser without the cookie gets nothing, and no one else's data.
    assert json.loads(app.test_client().get("/chat/mijngegevens").get_data(as_text=True)) == {}


def test_forget_needs_confirmation_and_csrf_then_erases_everything(app, repo, coach_a):
    client, headers = _student_client(app)
    sender = _sender(client)
    make_student(repo, sender, coach_a.id)
    _with_events(repo, sender)
    assert client.post("/chat/vergeet", json={"confirm": True}).status_code == 400, "no CSRF header"
    refused = client.post("/chat/vergeet", json={}, headers=headers)
    assert refused.status_code == 400 and "Bevestig" in refused.get_json()["error"]
    assert client.post("/chat/vergeet", json={"confirm": "ja"}, headers=headers).status_code == 400
    assert repo.find_student(sender) is not None

    response = client.post("/chat/vergeet", json={"confirm": True}, headers=headers)
    assert response.status_code == 200 and response.get_json() == {"erased": True}
    cleared = [
        c for c in response.headers.getlist("Set-Cookie") if c.startswith("lemniscaat_student=")
    ]
    assert cleared and (
        "Max-Age=0" in cleared[0]
        or "expires=Thu, 01 Jan 1970" in cleared[0].lower()
        or "01 jan 1970" in cleared[0].lower()
    )
    assert client.get_cookie("lemniscaat_student") is None
    assert repo.find_student(sender) is None and repo.export_student(sender) is None
    with repo.engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender}
            ).scalar()
            == 0
        )
    assert repo.coach_students(coach_a.id) == []
    assert json.loads(client.get("/chat/mijngegevens").get_data(as_text=True)) == {}


def test_not_my_device_forgets_the_browser_not_the_data(app, repo):
    client, headers = _student_client(app)
    sender = _sender(client)
    response = client.post("/chat/niet-mijn-apparaat", json={}, headers=headers)
    assert response.status_code == 200
    assert client.get_cookie("lemniscaat_student") is None
    assert repo.find_student(sender) is not None
    client.get("/chat")
    assert _sender(client) != sender, "the next visitor of this browser is someone new"


def test_withdraw_and_share_again_from_the_web(app, repo, coach_a, coach_b):
    client, headers = _student_client(app)
    sender = _sender(client)
    made = make_student(repo, sender, coach_a.id)
    assert repo.coach_conversation(coach_a.id, made.conversation_id) is not None
    response = client.post("/chat/nietdelen", json={}, headers=headers)
    assert response.get_json() == {
        "withdrawn": 1,
        "message": response.get_json()["message"],
    }
    assert response.get_json()["message"] in notices.variations(notices.CONSENT_WITHDRAWN)
    assert repo.coach_conversation(coach_a.id, made.conversation_id) is None

    second = make_student(repo, "web-relink", coach_a.id)
    assert repo.link_student_to_coach("web-relink", repo.create_invite_code(coach_b.id))
    assert repo.coach_conversation(coach_b.id, second.conversation_id) is None
    assert repo.share_again("web-relink") == 1
    assert repo.coach_conversation(coach_b.id, second.conversation_id) is not None


def test_chat_page_offers_the_rights(app):
    html = app.test_client().get("/chat").get_data(as_text=True)
    for words in (
        "Download alles wat we van je bewaren",
        "Wis al mijn gegevens",
        "Dit is niet mijn apparaat",
        "Niet meer delen met je coach",
        "chat_privacy.js",
    ):
        assert words in html


@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="Chromium is not installed")
def test_browser_asks_before_erasing(page, server, repo, monkeypatch):
    monkeypatch.setattr("bot.web.chat.send_to_rasa_sync", lambda sender, text: [{"text": "Hoi!"}])
    page.goto(f"{server}/chat")
    page.get_by_role("button", name="Start het gesprek").click()
    page.get_by_text("Hoi!").wait_for()
    sender = None
    with repo.session() as s:
        from bot.storage.models import Student

        sender = s.query(Student).one().sender_id
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Wis al mijn gegevens").click()
    page.wait_for_timeout(300)
    assert dialogs and "zeker" in dialogs[0]
    assert repo.find_student(sender) is not None, "cancelled: nothing erased"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Wis al mijn gegevens").click()
    page.get_by_text("Je gegevens zijn gewist").wait_for()
    assert repo.find_student(sender) is None
