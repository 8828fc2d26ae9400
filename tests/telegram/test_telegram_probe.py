"""The Telegram process's probe server: /healthz follows the bot's heartbeat
(503 once the event loop stops beating), /readyz asks the database and Rasa, /metrics shows the
relay's counters moving after a real update. The real Application against the fake Bot API."""

from __future__ import annotations

import time

import httpx
from probe_helpers import StandInRasa, closed_port, sample
from telegram_fakes import STUDENT, accept_terms, free_port, text_update, wait_for

from bot.config import reset_settings_cache
from bot.ops.health import standard_checks
from bot.ops.probe import Heartbeat, ProbeServer
from bot.telegram.app import start_probe


def _get(probe: ProbeServer, path: str) -> httpx.Response:
    return httpx.get(f"http://127.0.0.1:{probe.port}{path}", timeout=5)


def test_probe_of_a_running_bot(telegram_api, fake_rasa, start_bot, monkeypatch):
    monkeypatch.setenv("TELEGRAM_PROBE_PORT", str(free_port()))
    reset_settings_cache()
    bot = start_bot()
    probe = start_probe(bot.application, every=0.1, stale_after=0.5)
    try:
        wait_for(lambda: probe.heartbeat.age() < 0.3, what="a heartbeat")
        alive = _get(probe, "/healthz")
        assert alive.status_code == 200 and alive.json()["status"] == "alive"
        before = _get(probe, "/metrics").text

        fake_rasa.start()
        accept_terms(telegram_api, fake_rasa)
        telegram_api.push(text_update(STUDENT, "Ik werk bij de bakker"))
        wait_for(lambda: any(t == "Ik werk bij de bakker" for _, t in fake_rasa.heard), what="Rasa")
        wait_for(
            lambda: "Rasa hoorde: Ik werk bij de bakker" in telegram_api.texts_to(STUDENT),
            what="the answer",
        )
        after = _get(probe, "/metrics").text
        assert sample(after, "lemniscaat_messages_total", channel="telegram") >= (
            sample(before, "lemniscaat_messages_total", channel="telegram") + 1
        )
        ok = {"channel": "telegram", "outcome": "ok"}
        assert sample(after, "lemniscaat_rasa_request_seconds_count", **ok) >= (
            sample(before, "lemniscaat_rasa_request_seconds_count", **ok) + 2  # hallo, bakker
        )
        assert "bakker" not in after

        # The fake Rasa has no GET / route: not ready, and the answer says why.
        ready = _get(probe, "/readyz")
        assert ready.status_code == 503
        assert ready.json()["failed"] == ["rasa"] and ready.json()["checks"]["database"] == "ok"

        bot.stop()  # the event loop ends: no more beats
        time.sleep(0.8)
        stuck = _get(probe, "/healthz")
        assert stuck.status_code == 503 and stuck.json()["status"] == "stuck"
        assert _get(probe, "/nothing").status_code == 404
    finally:
        probe.stop()


def test_probe_readiness_follows_rasa_and_the_database(repo):
    rasa = StandInRasa()
    url = {"rasa": rasa.url}
    probe = ProbeServer(
        "127.0.0.1",
        0,
        Heartbeat(),
        lambda: standard_checks(repo.ping, url["rasa"], 1.0),
        timeout=1.0,
        metrics_allowed=lambda authorization: authorization == "Bearer t",
    ).start()
    try:
        assert _get(probe, "/healthz").status_code == 200  # a fresh process has its start grace
        ready = _get(probe, "/readyz")
        assert ready.status_code == 200 and ready.json()["status"] == "ready"
        url["rasa"] = f"http://127.0.0.1:{closed_port()}"
        down = _get(probe, "/readyz")
        assert down.status_code == 503 and down.json()["failed"] == ["rasa"]
        # /metrics obeys the token rule it was given.
        assert _get(probe, "/metrics").status_code == 404
        scraped = httpx.get(
            f"http://127.0.0.1:{probe.port}/metrics", headers={"Authorization": "Bearer t"}
        )
        assert scraped.status_code == 200 and "lemniscaat_errors_total" in scraped.text
    finally:
        probe.stop()
        rasa.stop()


def test_heartbeat_goes_stale_and_recovers():
    heartbeat = Heartbeat(stale_after=0.2, start_grace=0.2)
    assert heartbeat.alive()
    time.sleep(0.3)
    assert not heartbeat.alive()
    heartbeat.beat()
    assert heartbeat.alive() and heartbeat.age() < 0.1
