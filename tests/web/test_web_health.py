"""The web app's probes and metrics: /healthz asks nothing, /readyz asks the
database and Rasa (503 naming what failed), /metrics shows the relay's counters moving after a
real message, and is closed in production without METRICS_TOKEN. Rasa is a stand-in on a real
socket or a closed port; the database is the migrated temporary one or a closed PostgreSQL port."""

from __future__ import annotations

import threading

import httpx
import pytest
from probe_helpers import StandInRasa, closed_port, sample
from waitress.server import create_server
from webhelpers import token

from bot.config import reset_settings_cache
from bot.web import create_app

CRISIS = "ik wil niet meer leven"


@pytest.fixture()
def rasa(monkeypatch):
    stand_in = StandInRasa("hallo daar")
    monkeypatch.setenv("RASA_URL", stand_in.url)
    reset_settings_cache()
    yield stand_in
    stand_in.stop()


@pytest.fixture()
def rasa_down(monkeypatch):
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{closed_port()}")
    reset_settings_cache()


def _metrics(client) -> str:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    return response.get_data(as_text=True)


def _send(client, message):
    return client.post(
        "/chat/send", json={"message": message}, headers={"X-CSRF-Token": token(client)}
    )


def _start(client):
    client.get("/chat")
    assert (
        client.post("/chat/start", json={}, headers={"X-CSRF-Token": token(client)}).status_code
        == 200
    )


@pytest.mark.usefixtures("rasa_down")
def test_healthz_needs_no_database_and_no_rasa(database_url, tmp_path):
    broken = create_app(
        {"DATABASE_URL": f"postgresql://nobody@127.0.0.1:{closed_port()}/none", "TESTING": True}
    )
    response = broken.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "alive"}
    # The same app is not ready: both dependencies are named.
    ready = broken.test_client().get("/readyz")
    assert ready.status_code == 503
    assert ready.get_json()["failed"] == ["database", "rasa"]


def test_readyz_is_ready_when_database_and_rasa_answer(client, rasa):
    response = client.get("/readyz")
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == {
        "status": "ready",
        "checks": {"database": "ok", "rasa": "ok"},
        "failed": [],
    }


@pytest.mark.usefixtures("rasa_down")
def test_readyz_is_503_naming_rasa_when_rasa_is_down(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable" and body["failed"] == ["rasa"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["rasa"].startswith("failed (ConnectError")


def test_readyz_is_503_naming_the_database_when_it_is_broken(database_url, rasa):
    url = f"postgresql://lemniscaat:geheim@127.0.0.1:{closed_port()}/lemniscaat"
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["failed"] == ["database"] and body["checks"]["rasa"] == "ok"
    assert body["checks"]["database"] == "failed (OperationalError)"
    assert "geheim" not in response.get_data(as_text=True)  # no URL, no password


def test_readyz_times_out_instead_of_hanging(client, monkeypatch):
    """A Rasa that accepts the connection but never answers: not ready after the timeout."""
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{silent.getsockname()[1]}")
    reset_settings_cache()
    client.application.config["READINESS_TIMEOUT"] = 0.5
    try:
        response = client.get("/readyz")
    finally:
        silent.close()
    assert response.status_code == 503
    assert response.get_json()["failed"] == ["rasa"]


def test_probes_over_real_http(app, rasa):
    """The same answers from waitress on a real socket, as a kubelet or compose sees them."""
    server = create_server(app, host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.effective_port}"
    try:
        assert httpx.get(f"{base}/healthz", timeout=5).status_code == 200
        ready = httpx.get(f"{base}/readyz", timeout=5)
        assert ready.status_code == 200 and ready.json()["status"] == "ready"
        metrics = httpx.get(f"{base}/metrics", timeout=5)
        assert metrics.status_code == 200 and "lemniscaat_messages_total" in metrics.text
    finally:
        server.close()
        thread.join(timeout=5)


def test_metrics_move_after_a_real_message_through_the_relay(client, rasa, monkeypatch):
    _start(client)  # the start message goes through the relay too
    before = _metrics(client)
    response = _send(client, "Ik liep stage bij een garage")
    assert response.status_code == 200
    assert response.get_json()["messages"][-1]["text"] == "hallo daar"
    assert rasa.heard[-1] == "Ik liep stage bij een garage"
    after = _metrics(client)
    assert sample(after, "lemniscaat_messages_total", channel="web") == (
        sample(before, "lemniscaat_messages_total", channel="web") + 1
    )
    ok = {"channel": "web", "outcome": "ok"}
    assert sample(after, "lemniscaat_rasa_request_seconds_count", **ok) == (
        sample(before, "lemniscaat_rasa_request_seconds_count", **ok) + 1
    )
    assert sample(after, "lemniscaat_rasa_request_seconds_sum", **ok) > sample(
        before, "lemniscaat_rasa_request_seconds_sum", **ok
    )

    # A crisis message: counted by kind (the stand-in's answer has no help line, so the
    # channel adds the crisis reply itself).
    assert _send(client, CRISIS).status_code == 200
    crisis = _metrics(client)
    assert sample(crisis, "lemniscaat_crisis_detected_total", channel="web", kind="suicide") == (
        sample(after, "lemniscaat_crisis_detected_total", channel="web", kind="suicide") + 1
    )

    # Rasa goes away: the message is kept, and the error and the kept message are counted.
    monkeypatch.setenv("RASA_URL", f"http://127.0.0.1:{closed_port()}")
    reset_settings_cache()
    kept = _send(client, "Nog een bericht")
    assert kept.status_code == 200 and kept.get_json()["pending"] is True
    down = _metrics(client)
    errors = {"channel": "web", "reason": "rasa_unavailable"}
    assert sample(down, "lemniscaat_errors_total", **errors) == (
        sample(crisis, "lemniscaat_errors_total", **errors) + 1
    )
    assert sample(down, "lemniscaat_messages_kept_total", channel="web") == (
        sample(crisis, "lemniscaat_messages_kept_total", channel="web") + 1
    )
    failed = {"channel": "web", "outcome": "rasa_unavailable"}
    assert sample(down, "lemniscaat_rasa_request_seconds_count", **failed) == (
        sample(crisis, "lemniscaat_rasa_request_seconds_count", **failed) + 1
    )
    # Counts only: no student text and no sender id in the metrics.
    for text in ("garage", "leven", "Nog een bericht", "web-"):
        assert text not in down


def test_metrics_are_closed_in_production_without_a_token_and_need_it_when_set(app):
    client = app.test_client()
    app.config.update(PRODUCTION=True, METRICS_TOKEN="")
    assert client.get("/metrics").status_code == 404
    app.config.update(METRICS_TOKEN="scrape-token-1234")
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 404
    response = client.get("/metrics", headers={"Authorization": "Bearer scrape-token-1234"})
    assert response.status_code == 200 and "lemniscaat_messages_total" in response.get_data(
        as_text=True
    )
    app.config.update(PRODUCTION=False, METRICS_TOKEN="")
    assert client.get("/metrics").status_code == 200
