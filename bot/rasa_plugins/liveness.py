"""A health check that tells a hung Rasa from a busy one (``make cluster``, docs/cluster.md).

Rasa handles a turn on its event loop, so under load ``GET /webhooks/rest/`` can take seconds
to answer; the load balancer must not take a busy replica out, so that check waits up to 10 s,
and a replica stopped without dying (SIGSTOP, a swapped-out or frozen machine) would keep the
students it gets waiting that long. With ``RASA_HEALTH_PORT`` set, each Rasa process also answers
on that port from a thread of its own: at once while the event loop has beaten within
``STALL_SECONDS`` (20 s), else 503. A stopped process answers nothing at all, and HAProxy
(``timeout check 1s``, two failed checks) takes it out within about three seconds.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

log = logging.getLogger(__name__)

BEAT_SECONDS = 0.5
# An event loop that has not beaten for this long is hung (a turn takes well under a second).
STALL_SECONDS = 20.0
_last_beat: Optional[float] = None
_started = False


def alive() -> bool:
    return _last_beat is not None and time.monotonic() - _last_beat < STALL_SECONDS


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        ok = alive()
        body = b'{"status": "ok"}' if ok else b'{"status": "stalled"}'
        self.send_response(200 if ok else 503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - checks every second
        return


async def _beat() -> None:
    global _last_beat
    while True:
        _last_beat = time.monotonic()
        await asyncio.sleep(BEAT_SECONDS)


def start_on_loop() -> None:
    """Start the beat on the running event loop and, once per process, the check's thread."""
    global _started
    port = int(os.environ.get("RASA_HEALTH_PORT", "").strip() or 0)
    if not port:
        return
    asyncio.get_running_loop().create_task(_beat())
    if _started:
        return
    _started = True
    server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="liveness", daemon=True).start()
    log.info("Liveness check on 127.0.0.1:%d", port)
