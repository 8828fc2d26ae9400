"""`scripts/run.sh` (what `make run` starts): Rasa and the action server listen on 127.0.0.1
only, unless RASA_HOST / ACTION_HOST say otherwise."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from bot.storage.migrate import upgrade

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def listening_addresses(port: int) -> set:
    """Local addresses with a socket listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # LISTEN
                found.add(address)
    return found


def test_internal_services_listen_on_loopback_only(tmp_path):
    from rasa_stack import MODEL, free_port

    if not MODEL.exists():
        pytest.fail("no trained model at models/lemniscaat.tar.gz: run `make train`")
    database_url = f"sqlite:///{tmp_path / 'run.db'}"
    upgrade(database_url)
    rasa_port, action_port, web_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "RASA_PORT": str(rasa_port),
        "ACTION_PORT": str(action_port),
        "WEB_PORT": str(web_port),
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{action_port}/webhook",
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "LEMNISCAAT_KEY_DIR": str(tmp_path / "keys"),
    }
    for name in ("TELEGRAM_BOT_TOKEN", "RASA_HOST", "ACTION_HOST"):
        env.pop(name, None)
    log = open(tmp_path / "run.log", "wb")
    process = subprocess.Popen(
        ["scripts/run.sh"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "run.log").read_text()[-3000:]
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{rasa_port}/", timeout=2)
                urllib.request.urlopen(f"http://127.0.0.1:{action_port}/health", timeout=2)
                break
            except OSError:
                time.sleep(1)
        else:
            raise AssertionError("services did not come up")
        loopback = {"0100007F"}
        assert listening_addresses(rasa_port) == loopback
        assert listening_addresses(action_port) == loopback
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()
