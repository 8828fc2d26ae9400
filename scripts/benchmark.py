"""Benchmark the assistant over its REST channel: per-message latency (p50/p95) for whole
reflection conversations, throughput under concurrent students, and memory of the servers.

    .venv/bin/python scripts/benchmark.py [--students 8] [--conversations 5]

Starts its own action and Rasa servers on a temporary database (needs a trained model).
Numbers depend on the shared machine: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from rasa_stack import RasaStack  # noqa: E402
from reflection_script import ANSWERS  # noqa: E402

from bot.storage.migrate import upgrade  # noqa: E402

# One whole reflection (button answers typed as their payload), the same script the tests walk.
SCRIPT = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:13], "nee", "ja"]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def conversation(stack: RasaStack, sender: str) -> list:
    timings = []
    for message in SCRIPT:
        started = time.perf_counter()
        stack.say(sender, message)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--students", type=int, default=8, help="concurrent students in the load test"
    )
    parser.add_argument(
        "--conversations", type=int, default=5, help="sequential conversations for latency"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        stack = RasaStack(Path(workdir))
        upgrade(stack.database_url)
        started = time.perf_counter()
        stack.start()
        print(f"servers up in {time.perf_counter() - started:.1f} s")
        try:
            conversation(stack, "warm-up")
            latencies = [
                t for i in range(args.conversations) for t in conversation(stack, f"seq-{i}")
            ]
            q = statistics.quantiles(latencies, n=20)
            print(
                f"sequential: {len(latencies)} messages, p50 {statistics.median(latencies):.0f} ms, "
                f"p95 {q[18]:.0f} ms, max {max(latencies):.0f} ms"
            )

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.students) as pool:
                results = list(
                    pool.map(lambda i: conversation(stack, f"load-{i}"), range(args.students))
                )
            elapsed = time.perf_counter() - started
            flat = [t for r in results for t in r]
            q = statistics.quantiles(flat, n=20)
            print(
                f"{args.students} concurrent students: {len(flat)} messages in {elapsed:.1f} s = "
                f"{len(flat) / elapsed:.1f} messages/s, p50 {statistics.median(flat):.0f} ms, p95 {q[18]:.0f} ms"
            )
            print(
                f"memory: rasa {rss_mb(stack.rasa.pid):.0f} MB, action server {rss_mb(stack.actions.pid):.0f} MB"
            )
        finally:
            stack.stop()


if __name__ == "__main__":
    main()
