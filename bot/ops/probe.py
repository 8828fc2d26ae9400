"""A small HTTP server for a process that has no web server of its own (the Telegram bot):
``/healthz``, ``/readyz`` and ``/metrics`` on ``TELEGRAM_PROBE_HOST:TELEGRAM_PROBE_PORT``
(default 127.0.0.1:9108; in a container or pod set the host to 0.0.0.0 so the kubelet can
reach it, and keep the port off any Service that is reachable from outside).

``/healthz`` is a heartbeat check: the bot's event loop writes a beat every few seconds (a
JobQueue job); when the last beat is older than ``stale_after`` the loop is stuck and the
probe answers 503, so a liveness probe restarts the process. It asks no dependency.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.ops.health import readiness
from bot.ops.metrics import exposition


class Heartbeat:
    """The time of the last beat (monotonic). A new one counts as fresh for ``start_grace``
    seconds, so a slow start is not taken for a stuck loop."""

    def __init__(self, stale_after: float = 60.0, start_grace: float = 120.0) -> None:
        self.stale_after = stale_after
        self._last = time.monotonic() + max(0.0, start_grace - stale_after)

    def beat(self) -> None:
        self._last = time.monotonic()

    def age(self) -> float:
        return max(0.0, time.monotonic() - self._last)

    def alive(self) -> bool:
        return self.age() <= self.stale_after


class ProbeServer:
    """Serves the three routes in a daemon thread; ``stop()`` ends it."""

    def __init__(
        self,
        host: str,
        port: int,
        heartbeat: Heartbeat,
        checks: Callable[[], dict],
        *,
        timeout: float = 2.0,
        metrics_allowed: Callable[[str], bool] = lambda authorization: True,
    ) -> None:
        probe = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                probe._answer(self)

            def log_message(self, *args) -> None:  # probes every few seconds: no access log
                pass

        self.heartbeat = heartbeat
        self.checks = checks
        self.timeout = timeout
        self.metrics_allowed = metrics_allowed
        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(
            target=self.server.serve_forever, name="probe-server", daemon=True
        )

    def start(self) -> ProbeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?", 1)[0]
        if path == "/healthz":
            alive = self.heartbeat.alive()
            body = {
                "status": "alive" if alive else "stuck",
                "heartbeat_age_s": round(self.heartbeat.age(), 1),
            }
            self._send(
                request, 200 if alive else 503, json.dumps(body).encode(), "application/json"
            )
        elif path == "/readyz":
            ready, body = readiness(self.checks(), self.timeout)
            self._send(
                request, 200 if ready else 503, json.dumps(body).encode(), "application/json"
            )
        elif path == "/metrics" and self.metrics_allowed(request.headers.get("Authorization", "")):
            payload, content_type = exposition()
            self._send(request, 200, payload, content_type)
        else:
            self._send(request, 404, b'{"error": "not found"}', "application/json")

    @staticmethod
    def _send(request: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        request.send_header("Cache-Control", "no-store")
        request.end_headers()
        request.wfile.write(body)
