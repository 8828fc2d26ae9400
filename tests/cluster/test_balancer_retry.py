"""The cluster's HAProxy configuration (scripts/cluster.py) sends a student's message to the
other Rasa replica when the one it reached closes the connection without an answer, as a
replica killed during a turn does, and the client is httpx, as every channel's is. Stand-in
replicas instead of Rasa: one reads each request and hangs up, the other answers."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest
from cluster import Layout, haproxy_cfg

pytestmark = pytest.mark.cluster


def _free_base() -> int:
    """A base port whose +0..+50 range is free (the layout puts replicas at fixed offsets)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1] // 100 * 100
        if base + 60 > 65535 or base < 20000:
            continue
        try:
            for offset in range(0, 51):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", base + offset))
            return base
        except OSError:
            continue
    raise RuntimeError("no free port range")


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head


def _serve(port: int, answer: bool, seen: list[bytes], stop: threading.Event) -> None:
    """A replica stand-in: answers 200 with an empty list, or reads the request and hangs up."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(32)
    server.settimeout(0.2)
    while not stop.is_set():
        try:
            conn, _ = server.accept()
        except TimeoutError:
            continue
        with conn:
            head = _read_request(conn)
            if head.startswith(b"POST"):
                seen.append(head)
            if answer or head.startswith(b"GET"):
                conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\n[]")
    server.close()


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is not installed")
def test_a_message_whose_replica_hangs_up_is_answered_by_the_other(tmp_path: Path):
    base = _free_base()
    layout = Layout(
        dir=tmp_path,
        replicas=2,
        web_workers=1,
        rasa_port=base,
        action_port=base + 10,
        web_port=base + 20,
        pg_port=base + 30,
        redis_port=base + 31,
    )
    stop = threading.Event()
    hung_up: list[bytes] = []
    answered: list[bytes] = []
    dying, living = layout.rasa_ports()
    servers = [
        threading.Thread(target=_serve, args=(dying, False, hung_up, stop), daemon=True),
        threading.Thread(target=_serve, args=(living, True, answered, stop), daemon=True),
    ] + [
        threading.Thread(target=_serve, args=(port, True, [], stop), daemon=True)
        for port in layout.rasa_health_ports()
    ]
    for server in servers:
        server.start()
    config = tmp_path / "haproxy.cfg"
    config.write_text(haproxy_cfg(layout))
    balancer = subprocess.Popen(
        ["haproxy", "-f", str(config), "-db"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        time.sleep(3)  # two passed health checks take each stand-in into the rotation
        statuses = []
        for n in range(6):
            response = httpx.post(
                f"http://127.0.0.1:{layout.rasa_port}/webhooks/rest/webhook",
                json={"sender": "s", "message": "hoi", "message_id": f"retry-test-{n:04d}"},
                timeout=5,
            )
            statuses.append(response.status_code)
        assert hung_up, "no request reached the replica that hangs up"
        assert statuses == [200] * 6, statuses
        assert len(answered) == 6
    finally:
        balancer.terminate()
        balancer.wait(timeout=10)
        stop.set()
