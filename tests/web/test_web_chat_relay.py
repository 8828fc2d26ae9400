"""The web chat on the shared relay: the crisis reply before every gate (terms, length, Rasa
away, practice), kept messages answered by the background job, the channel token sent, and the
student's part of the lemniscate. Real database; Rasa is a stand-in or a real socket."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from webhelpers import login, token

from bot.channels import crisis, notices
from bot.channels.rasa_client import RasaUnavailable
from bot.config import reset_settings_cache
from bot.web import chat

CRISIS = "ik wil niet meer leven"


def _sender(client) -> str:
    from itsdangerous import URLSafeSerializer

    cookie = client.get_cookie("lemniscaat_student")
    return URLSafeSerializer(client.application.secret_key, salt="student-chat").loads(cookie.value)


def _start(client):
    client.get("/chat")
    return client.post("/chat/start", json={}, headers={"X-CSRF-Token": token(client)})


def _send(client, message):
    return client.post(
        "/chat/send", json={"message": message}, headers={"X-CSRF-Token": token(client)}
    )


class StandIn:
    def __init__(self, monkeypatch):
        self.heard = []
        self.down = False
        self.reply = lambda sender, text: [{"text": f"antwoord op {text}"}]
        monkeypatch.setattr("bot.web.chat.send_to_rasa_sync", self)

    def __call__(self, sender, text, timeout=30.0):
        if self.down:
            raise RasaUnavailable("connection refused")
        self.heard.append((sender, text))
        return self.reply(sender, text)


@pytest.fixture()
def rasa(monkeypatch):
    return StandIn(monkeypatch)


def test_crisis_before_the_terms_gets_the_reply_and_stores_nothing(client, rasa, repo):
    client.get("/chat")
    response = _send(client, CRISIS)
    assert response.status_code == 200
    assert response.get_json()["messages"][0]["text"] == crisis.reply_text(None)
    assert rasa.heard == [] and repo.find_student(_sender(client)) is None
    assert _send(client, "hoi").status_code == 403


def test_an_unsure_message_before_the_terms_gets_the_gentle_note_and_stores_nothing(
    client, rasa, repo
):
    client.get("/chat")
    response = _send(client, "soms wil ik gewoon verdwijnen")
    assert response.status_code == 200
    assert response.get_json()["messages"][0]["text"] == crisis.note_text(None)
    assert rasa.heard == [] and repo.find_student(_sender(client)) is None


def test_a_too_long_crisis_message_is_checked_whole_then_called_too_long(client, rasa, repo, app):
    _start(client)
    limit = app.config["MAX_MESSAGE_CHARS"]
    story = "Op mijn stage moest ik elke dag de vloer vegen en niemand zei iets tegen mij. " * 30
    assert len(story) > limit
    plain = _send(client, story)
    assert plain.status_code == 400 and "te lang" in plain.get_json()["error"] and rasa.heard == []
    rasa.down = True
    data = _send(client, story + CRISIS).get_json()
    texts = [m["text"] for m in data["messages"]]
    assert texts[0] == crisis.reply_text(None) and "te lang" in texts[-1]
    assert repo.export_student(_sender(client))["safety_flag"] is True


def test_kept_messages_are_answered_by_the_background_job(client, rasa, repo, app):
    _start(client)
    sender = _sender(client)
    rasa.down = True
    assert _send(client, "mijn stage was spannend").get_json()["pending"] is True
    assert client.get("/chat/nieuw").get_json() == {
        "messages": [],
        "pending": True,
        "part": None,
        "part_label": None,
        "part_changed": False,
    }
    rasa.down = False
    job = chat.start_replay_job(app, every=0.05)
    try:
        for _ in range(400):
            if rasa.heard and not repo.pending_messages("web", sender):
                break
            time.sleep(0.05)
    finally:
        # The job ends its round (the answer put in the mailbox) before it stops: the kept
        # message is claimed before Rasa is asked, so an empty queue alone is not "answered".
        app.extensions["lemniscaat_chat_job_stop"].set()
        job.join(timeout=30)
    assert rasa.heard == [(sender, "mijn stage was spannend")], (
        "answered once, without the student writing"
    )
    data = client.get("/chat/nieuw").get_json()
    assert [m["text"] for m in data["messages"]] == [
        "Je schreef eerder: \u201cmijn stage was spannend\u201d",
        "antwoord op mijn stage was spannend",
    ]
    assert data["pending"] is False
    assert client.get("/chat/nieuw").get_json()["messages"] == [], "handed out once"


def test_the_page_and_answers_say_where_the_student_is(client, rasa, repo):
    _start(client)
    sender = _sender(client)
    repo.set_phase(sender, "terugkijken")

    def moving(sender_id, text):
        if text == "dat zegt iets over mij":
            repo.set_phase(sender_id, "reflecteren")
        return [{"text": "ok"}]

    rasa.reply = moving
    first = _send(client, "een verhaal").get_json()
    assert (first["part"], first["part_label"], first["part_changed"]) == (
        "terugkijken",
        "Terugkijken",
        False,
    )
    second = _send(client, "dat zegt iets over mij").get_json()
    assert (second["part"], second["part_changed"]) == ("reflecteren", True)
    html = client.get("/chat").get_data(as_text=True)
    assert "Je bent nu bij: Reflecteren" in html
    assert 'class="lem-part reached" data-part="reflecteren"' in html
    assert 'class="lem-part missing" data-part="terugkijken"' in html


def test_the_web_chat_sends_the_channel_token(client, repo, monkeypatch):
    heard = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            heard.append((self.headers.get("Authorization"), body["message"]))
            answer = json.dumps([{"text": "hallo"}]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{server.server_port}")
    monkeypatch.setenv("RASA_CHANNEL_TOKEN", "web-geheim")
    reset_settings_cache()
    try:
        _start(client)
        assert _send(client, "Hoi").get_json()["messages"] == [{"text": "hallo", "buttons": []}]
    finally:
        server.shutdown()
    assert heard == [("Bearer web-geheim", "Hoi")]


def test_practice_crisis_gets_the_real_reply_and_is_not_a_line(client, coach_a, repo):
    login(client, coach_a.email)
    client.post("/oefenen/start", data={"persona": "noor", "csrf_token": token(client)})
    [session] = repo.practice_history(coach_id=coach_a.id)
    response = client.post(
        f"/oefenen/{session['id']}/zeg",
        json={"message": "ik wil dood"},
        headers={"X-CSRF-Token": token(client)},
    )
    assert response.get_json() == {"reply": crisis.reply_text(None), "crisis": True}
    too_long_crisis = "Ik vertel je iets over mijn week. " * 60 + "Ik wil niet meer leven."
    response = client.post(
        f"/oefenen/{session['id']}/zeg",
        data={"message": too_long_crisis, "csrf_token": token(client)},
    )
    assert response.status_code == 302
    assert "113" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert repo.get_practice(session["id"])["transcript"] == []


def test_with_the_database_away_the_chat_gives_the_crisis_reply_or_asks_to_send_again(
    client, rasa, app, tmp_path
):
    _start(client)
    # The database file gone and the pool emptied: the next query fails as when PostgreSQL
    # is stopped (an OperationalError from the driver).
    for path in tmp_path.glob("test.db*"):
        path.unlink()
    app.extensions["lemniscaat_repo"].engine.dispose()
    response = _send(client, CRISIS)
    assert response.status_code == 200
    assert crisis.carries_help(response.get_json()["messages"])
    response = _send(client, "ik liep stage bij een garage")
    assert response.status_code == 503
    assert response.get_json() == {"error": notices.text(notices.RESEND), "retry": True}
    assert rasa.heard == []
