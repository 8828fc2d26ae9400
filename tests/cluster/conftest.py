"""The real cluster (scripts/cluster.py) on free ports and a data directory of its own:
PostgreSQL, Redis, two Rasa replicas, two action servers, two web workers and HAProxy,
under supervisord. Tests marked ``cluster`` run with ``make test-cluster``
(``pytest -m cluster``); a plain run skips them."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from cluster import Layout, balancer_says_up, pg_bin  # noqa: E402

WEBHOOK = "/webhooks/rest/webhook"


def pytest_collection_modifyitems(config, items):
    if "cluster" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="the cluster tests run with `make test-cluster`")
    for item in items:
        if "cluster" in item.keywords:
            item.add_marker(skip)


def _free_block(size: int) -> int:
    """The first port of ``size`` consecutive free loopback ports."""
    for _ in range(200):
        base = random.randrange(20000, 60000 - size)
        taken = False
        for port in range(base, base + size):
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    taken = True
                    break
        if not taken:
            return base
    raise RuntimeError("no block of free ports")


def _missing() -> str | None:
    for tool in ("redis-server", "haproxy"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            return f"{tool} is not installed (make cluster-deps)"
    try:
        pg_bin("postgres")
    except SystemExit:
        return "PostgreSQL is not installed (make cluster-deps)"
    return None


@dataclass
class Cluster:
    layout: Layout
    env: dict[str, str]
    process: subprocess.Popen
    log: Path
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def lb_url(self) -> str:
        return f"http://127.0.0.1:{self.layout.rasa_port}"

    def replica_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.layout.rasa_ports()[index]}"

    def ctl(self, *args: str) -> str:
        result = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "supervisorctl"), "-c", str(self.layout.supervisor_conf)]
            + list(args),
            capture_output=True,
            text=True,
            timeout=120,
        )
        return result.stdout

    def pid(self, program: str) -> int:
        return int(self.ctl("pid", program).strip())

    def say(self, sender: str, message: str, base: str | None = None, timeout: float = 60) -> list:
        request = urllib.request.Request(
            f"{base or self.lb_url}{WEBHOOK}",
            data=json.dumps({"sender": sender, "message": message}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)

    def healthy(self, url: str) -> bool:
        try:
            with urllib.request.urlopen(f"{url}/webhooks/rest/", timeout=2):
                return True
        except (urllib.error.URLError, OSError):
            return False

    def wait_ready(self, timeout: float = 600) -> None:
        """Every Rasa replica and every action server answers its health check."""
        urls = [self.replica_url(i) for i in range(self.layout.replicas)]
        actions = [f"http://127.0.0.1:{p}/health" for p in self.layout.action_ports()]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the cluster stopped: see {self.log}")
            if (
                all(self.healthy(u) for u in urls)
                and all(_get_ok(a) for a in actions)
                and balancer_says_up(self.layout)
            ):
                return
            time.sleep(0.5)
        raise TimeoutError(f"the cluster was not ready in {timeout:.0f} s: see {self.log}")


def _get_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    reason = _missing()
    if reason:
        pytest.fail(reason)
    if not (ROOT / "models" / "lemniscaat.tar.gz").exists():
        pytest.fail("no trained model: run `make train`")
    # Not under pytest's tmp dir (mode 0700): PostgreSQL runs as the postgres user when root.
    workdir = Path(tempfile.mkdtemp(prefix="lemniscaat-cluster-"))
    workdir.chmod(0o755)
    base = _free_block(50)  # Rasa's liveness checks are at RASA_PORT + 41 ...
    env = {
        **os.environ,
        "CLUSTER_DIR": str(workdir / "cluster"),
        "LEMNISCAAT_KEY_DIR": str(workdir / "keys"),
        "RASA_REPLICAS": "2",
        "WEB_WORKERS": "2",
        "RASA_PORT": str(base),
        "ACTION_PORT": str(base + 10),
        "WEB_PORT": str(base + 20),
        "CLUSTER_PG_PORT": str(base + 30),
        "CLUSTER_REDIS_PORT": str(base + 31),
        "TF_CPP_MIN_LOG_LEVEL": "3",
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    env.pop("RASA_CHANNEL_TOKEN", None)
    env.pop("DATABASE_URL", None)
    layout = Layout.from_env(env)
    log = workdir / "cluster.out"
    started = time.monotonic()
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "scripts" / "cluster.py")],
        cwd=ROOT,
        env=env,
        stdout=open(log, "wb"),
        stderr=subprocess.STDOUT,
    )
    cluster = Cluster(layout, env, process, log)
    try:
        cluster.wait_ready()
        cluster.timings["start"] = time.monotonic() - started
        print(f"\ncluster up in {cluster.timings['start']:.0f} s")
        yield cluster
    finally:
        stopped = time.monotonic()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
        print(
            f"\ncluster stopped in {time.monotonic() - stopped:.0f} s (exit {process.returncode})"
        )
        if os.environ.get("CLUSTER_KEEP"):  # the services' logs, to read after a failure
            print(f"cluster files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
