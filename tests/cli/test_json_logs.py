"""LOG_FORMAT=json: every line a service logs is one JSON object, and none
holds what a student wrote, also when a turn fails on the way: Rasa away (a closed port), a
crisis message, and a database error in the middle of a chat request (whose SQL parameters
would hold the text). Real web app, real sockets, a real read-only SQLite database."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from probe_helpers import closed_port

from bot.config import reset_settings_cache
from bot.ops.logs import configure_logging
from bot.web import create_app

ROOT = Path(__file__).resolve().parents[2]
SECRET_WORDS = ("Vertrouwelijk-Zoutwater", "Geheim-Kastanje", "niet meer leven")
KEY = "json-log-test-key-" + "x" * 32


@pytest.fixture()
def json_log(monkeypatch):
    monkeypatch.setenv("LOG_FORMAT", "json")
    stream = io.StringIO()
    handler = configure_logging("web", stream=stream)
    yield stream
    logging.getLogger().removeHandler(handler)


def _lines(stream: io.StringIO) -> list[dict]:
    entries = [json.loads(line) for line in stream.getvalue().splitlines()]
    for entry in entries:
        assert {"time", "level", "logger", "message", "service"} <= entry.keys()
    return entries


def _csrf(client) -> str:
    with client.session_transaction() as session:
        return session["csrf_token"]


def _send(client, text):
    return client.post(
        "/chat/send", json={"message": text}, headers={"X-CSRF-Token": _csrf(client)}
    )


def test_json_logs_hold_no_student_text(json_log, database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{closed_port()}")
    reset_settings_cache()
    config = {"SECRET_KEY": KEY, "TESTING": True, "PROPAGATE_EXCEPTIONS": False}
    app = create_app({"DATABASE_URL": database_url, **config})
    client = app.test_client()
    client.get("/chat")
    assert (
        client.post("/chat/start", json={}, headers={"X-CSRF-Token": _csrf(client)}).status_code
        == 200
    )

    # The same student on a database that refuses writes: Rasa is away, so the message is to be
    # kept, and the INSERT fails; the relay logs the error with its traceback and the student
    # is asked to send the message again (503).
    monkeypatch.chdir(tmp_path)  # SQLite's "file:" URI form makes a directory named "file:"
    read_only = database_url.replace("sqlite:///", "sqlite:///file:") + "?mode=ro&uri=true"
    broken = create_app({"DATABASE_URL": read_only, **config}).test_client()
    for name in ("lemniscaat_student", "lemniscaat_session"):
        broken.set_cookie(name, client.get_cookie(name).value)
    assert _send(broken, f"Dit is {SECRET_WORDS[1]}").status_code == 503

    # Rasa is away: kept, apologised, logged (without the text).
    assert _send(client, f"Mijn stage was {SECRET_WORDS[0]}").get_json()["pending"] is True
    # A crisis while Rasa is away: the channel's own reply and the flag.
    assert _send(client, f"ik wil {SECRET_WORDS[2]}").status_code == 200

    entries = _lines(json_log)
    text = json_log.getvalue()
    assert any("Rasa unavailable" in e["message"] for e in entries)
    failures = [e for e in entries if "OperationalError" in e.get("exception", "")]
    assert failures and "INSERT INTO pending_messages" in failures[0]["exception"]
    assert "parameters hidden" in failures[0]["exception"]
    for words in SECRET_WORDS:
        assert words not in text
    assert all(e["service"] == "web" for e in entries)


def test_every_command_logs_json_lines_when_asked(tmp_path):
    """A real `lemniscaat db` (the CLI) with LOG_FORMAT=json and LOG_LEVEL=INFO."""
    env = {
        **os.environ,
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "LEMNISCAAT_KEY_DIR": str(tmp_path / "keys"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    entries = [json.loads(line) for line in done.stderr.splitlines()]
    assert any("Running upgrade" in e["message"] for e in entries)
    assert {e["service"] for e in entries} == {"cli"}
