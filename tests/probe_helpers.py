"""Shared by the observability tests: a stand-in Rasa on a real socket, a closed port, and
reading a counter from a /metrics body."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from prometheus_client.parser import text_string_to_metric_families


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StandInRasa:
    """Answers GET / like Rasa ("Hello from Rasa") and the REST webhook with one text."""

    def __init__(self, reply: str = "hallo") -> None:
        heard = self.heard = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self._send(200, b"Hello from Rasa: 3.6.21", "text/plain")

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                heard.append(body["message"])
                self._send(200, json.dumps([{"text": reply}]).encode(), "application/json")

            def _send(self, status, body, content_type):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def sample(body: str, name: str, **labels: str) -> float:
    """The value of one sample in a Prometheus text body (0 when absent)."""
    for family in text_string_to_metric_families(body):
        for found in family.samples:
            if found.name == name and all(found.labels.get(k) == v for k, v in labels.items()):
                return found.value
    return 0.0
