"""A small load on a running cluster (`make cluster`) through its load balancer: concurrent
students, each walking the start of a reflection; messages/s and latency percentiles, with all
Rasa replicas in the rotation and then with one (the others disabled in HAProxy for the run).

    .venv/bin/python scripts/cluster_load.py [--students 50] [--messages 6]

Reads the cluster's settings (RASA_PORT, CLUSTER_DIR, RASA_REPLICAS) from the environment like
scripts/cluster.py. Numbers depend on the machine: compare the two rows of one run.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from cluster import Layout  # noqa: E402
from reflection_script import ANSWERS  # noqa: E402

SCRIPT = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:13], "nee", "ja"]


def haproxy(layout: Layout, command: str) -> str:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(layout.dir / "haproxy.sock"))
        sock.sendall(command.encode() + b"\n")
        return sock.recv(65536).decode()


def say(url: str, sender: str, message: str) -> float:
    request = urllib.request.Request(
        url,
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
    except urllib.error.HTTPError as error:  # counted: a failed turn or no replica
        return -(time.perf_counter() - started) if error.code >= 500 else 0.0
    return time.perf_counter() - started


def load(url: str, students: int, messages: int) -> str:
    run = uuid.uuid4().hex[:6]

    def student(index: int) -> list[float]:
        return [say(url, f"load-{run}-{index}", m) for m in SCRIPT[:messages]]

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=students) as pool:
        timings = [t for result in pool.map(student, range(students)) for t in result]
    elapsed = time.perf_counter() - started
    failed = sum(1 for t in timings if t < 0)
    timings = [abs(t) for t in timings]
    q = statistics.quantiles(timings, n=20)
    return (
        f"{len(timings)} messages in {elapsed:.1f} s = {len(timings) / elapsed:.1f} messages/s, "
        f"p50 {statistics.median(timings) * 1000:.0f} ms, p95 {q[18] * 1000:.0f} ms, "
        f"max {max(timings) * 1000:.0f} ms, {failed} answered 5xx"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--messages", type=int, default=6, help="messages per student")
    args = parser.parse_args()
    layout = Layout.from_env()
    url = f"http://127.0.0.1:{layout.rasa_port}/webhooks/rest/webhook"
    say(url, f"warm-{uuid.uuid4().hex[:6]}", "hoi")
    print(
        f"{args.students} students, {layout.replicas} replicas: {load(url, args.students, args.messages)}"
    )
    others = [f"rasa/rasa-{i}" for i in range(2, layout.replicas + 1)]
    for server in others:
        haproxy(layout, f"disable server {server}")
    try:
        print(f"{args.students} students, 1 replica:  {load(url, args.students, args.messages)}")
    finally:
        for server in others:
            haproxy(layout, f"enable server {server}")


if __name__ == "__main__":
    main()
