"""Benchmark the assistant over its REST channel: per-message latency (p50/p95) for whole
reflection conversations, throughput under concurrent students, and memory of the servers.

    .venv/bin/python scripts/benchmark.py [--students 8] [--conversations 5]
    .venv/bin/python scripts/benchmark.py --compare [--students 50] [--long 1000] [--write]

Without ``--compare`` it measures Lemniscaat alone. With ``--compare`` (``make bench``) it also
builds Rasa's own demo bot (``rasa init --no-prompt`` into var/bench/demo, trained once and
reused) and serves the demo and Lemniscaat in turn on free ports, each with its action server,
under the same load:

- sequential latency: ``--sequential`` messages one after another (p50, p95);
- load: ``--students`` concurrent conversations (Lemniscaat walks the whole reflection of
  tests/reflection_script.py, 21 turns through form validation; the demo its greet/mood
  dialogue, 8 turns), giving messages/s and p95 under load;
- memory: the resident memory (RSS) of every service process added up, children included
  (Rasa + action server, and Lemniscaat's web app);
- long life (Lemniscaat): one student walks the reflection again and again up to ``--long``
  messages; the cost of a message is the median of the walk that contains it (1, 200, 1000).

It prints the ratios Lemniscaat / demo; ``--write`` adds the run (date, machine) to the table
in docs/measurements.md. Each server runs on a temporary database (needs a trained model, see
``make train``). Numbers depend on the shared machine: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from rasa_stack import BIN, RasaStack, _wait_for, free_port  # noqa: E402
from reflection_script import ANSWERS  # noqa: E402

from bot.storage import repository  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402

# One whole reflection (button answers typed as their payload), the same script the tests walk.
SCRIPT = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:13], "nee", "ja"]
# The demo bot's own dialogue (data/stories.yml of `rasa init`): greet, mood, cheer-up, bye.
DEMO_SCRIPT = [
    "hello",
    "I am sad",
    "yes",
    "are you a bot?",
    "hi there",
    "I am feeling very good",
    "no",
    "goodbye",
]
DEMO_DIR = ROOT / "var" / "bench" / "demo"
MEASUREMENTS_DOC = ROOT / "docs" / "measurements.md"
TABLE_MARK = "<!-- bench-results: make bench adds a row below -->"
LONG_POINTS = (1, 200, 1000, 10_000)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total = 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
        for task in Path(f"/proc/{pid}/task").iterdir():
            children = (task / "children").read_text().split()
            total += sum(rss_mb(int(child)) for child in children)
    except (FileNotFoundError, ProcessLookupError):
        pass
    return total


def quantile(values: list[float], q: int) -> float:
    """The q-th percentile (statistics' inclusive method)."""
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def walk(stack: RasaStack, sender: str, script: list[str]) -> list[float]:
    timings = []
    for message in script:
        started = time.perf_counter()
        stack.say(sender, message)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def conversation(stack: RasaStack, sender: str) -> list[float]:
    return walk(stack, sender, SCRIPT)


class DemoStack(RasaStack):
    """Rasa's demo bot (``rasa init``) with its action server, in-memory tracker store."""

    def __init__(self, workdir: Path) -> None:
        super().__init__(workdir)
        self.env.pop("DATABASE_URL", None)

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.workdir / f"demo-{name}.log", "ab")
        return subprocess.Popen(
            args, cwd=DEMO_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )

    def start_rasa(self) -> None:
        endpoints = self.workdir / "demo-endpoints.yml"
        endpoints.write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{self.action_port}/webhook"\n'
        )
        self.rasa = self._spawn(
            "rasa",
            [
                str(BIN / "rasa"),
                "run",
                "--model",
                str(DEMO_DIR / "models"),
                "--endpoints",
                str(endpoints),
                "--port",
                str(self.rasa_port),
                "--interface",
                "127.0.0.1",
            ],
        )
        # Loading the demo's TensorFlow models takes minutes on a busy machine.
        _wait_for(f"{self.rasa_url}/", self.rasa, timeout=900)


def ensure_demo() -> None:
    """Rasa's demo bot, created and trained once into var/bench/demo."""
    if list((DEMO_DIR / "models").glob("*.tar.gz")):
        return
    DEMO_DIR.mkdir(parents=True, exist_ok=True)
    print("building Rasa's demo bot (rasa init --no-prompt) into var/bench/demo, once ...")
    subprocess.run(
        [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(DEMO_DIR)],
        cwd=DEMO_DIR,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
    )


def start_web(stack: RasaStack) -> subprocess.Popen:
    port = free_port()
    stack.env["WEB_PORT"] = str(port)
    web = stack._spawn("web", [str(BIN / "lemniscaat"), "web"])
    _wait_for(f"http://127.0.0.1:{port}/", web, timeout=60)
    return web


def measure(
    stack: RasaStack, script: list[str], sequential: int, students: int, prefix: str
) -> dict:
    """Warm-up, sequential latency, then concurrent conversations."""
    walk(stack, f"{prefix}-warm-up", script)
    latencies: list[float] = []
    turn = 0
    while len(latencies) < sequential:
        latencies += walk(stack, f"{prefix}-seq-{turn}", script)
        turn += 1
    latencies = latencies[:sequential]
    failed_before = stack.failed_turns
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=students) as pool:
        results = list(
            pool.map(lambda i: walk(stack, f"{prefix}-load-{i}", script), range(students))
        )
    elapsed = time.perf_counter() - started
    flat = [t for r in results for t in r]
    return {
        "p50": statistics.median(latencies),
        "p95": quantile(latencies, 95),
        "load_messages": len(flat),
        "load_seconds": elapsed,
        "throughput": len(flat) / elapsed,
        "load_p50": statistics.median(flat),
        "load_p95": quantile(flat, 95),
        "failed_turns": stack.failed_turns - failed_before,
    }


def long_life(stack: RasaStack, messages: int, sender: str = "long-life") -> dict[int, float]:
    """One student walks the reflection again and again; the median latency of the walk that
    contains message 1, 200, 1000, ... (every walk has the same mix of messages)."""
    costs: dict[int, float] = {}
    sent = 0
    while sent < messages:
        timings = walk(stack, sender, SCRIPT)
        for point in LONG_POINTS:
            if sent < point <= sent + len(timings):
                costs[point] = statistics.median(timings)
                print(f"  long life: message {point}: {costs[point]:.0f} ms (median of its walk)")
        sent += len(timings)
    return costs


def answers_stored(database_url: str, senders: list[str]) -> int:
    """How many of these students have their whole reflection stored: the story (first answer)
    and the action step (one of the last)."""
    repo = repository(database_url)
    stored = 0
    for sender in senders:
        data = repo.export_student(sender) or {}
        stored += any(
            c.get("experience") and c.get("action_steps") for c in data.get("conversations", [])
        )
    return stored


def report(name: str, result: dict) -> None:
    print(
        f"{name}: sequential p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms | "
        f"{result['load_messages']} messages under load in {result['load_seconds']:.1f} s = "
        f"{result['throughput']:.1f} messages/s, p50 {result['load_p50']:.0f} ms, "
        f"p95 {result['load_p95']:.0f} ms | memory {result['rss']:.0f} MB "
        f"({result['rss_parts']}) | failed turns {result['failed_turns']}"
    )


def run_demo(args: argparse.Namespace, workdir: Path) -> dict:
    ensure_demo()
    stack = DemoStack(workdir)
    try:
        stack.start()
        result = measure(stack, DEMO_SCRIPT, args.sequential, args.students, "demo")
        rasa, actions = rss_mb(stack.rasa.pid), rss_mb(stack.actions.pid)
        result.update(rss=rasa + actions, rss_parts=f"rasa {rasa:.0f}, actions {actions:.0f}")
    finally:
        stack.stop()
    return result


def run_lemniscaat(args: argparse.Namespace, workdir: Path) -> dict:
    stack = RasaStack(workdir)
    upgrade(stack.database_url)
    web = None
    try:
        stack.start()
        web = start_web(stack)
        result = measure(stack, SCRIPT, args.sequential, args.students, "lem")
        rasa, actions, web_mb = (
            rss_mb(stack.rasa.pid),
            rss_mb(stack.actions.pid),
            rss_mb(web.pid),
        )
        result.update(
            rss=rasa + actions + web_mb,
            rss_parts=f"rasa {rasa:.0f}, actions {actions:.0f}, web {web_mb:.0f}",
        )
        senders = [f"lem-load-{i}" for i in range(args.students)]
        result["stored"] = answers_stored(stack.database_url, senders)
        result["long"] = long_life(stack, args.long) if args.long else {}
    finally:
        stack._stop(web)
        stack.stop()
    return result


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return f"{os.cpu_count()} cores, {cpu}, {mem_kb / 1024 / 1024:.0f} GiB"


def write_row(demo: dict, lem: dict, args: argparse.Namespace) -> None:
    long = lem.get("long", {})
    growth = (
        f"{long[1]:.0f} / {long.get(200, 0):.0f} / {long.get(1000, 0):.0f} ms" if 1 in long else "-"
    )
    row = (
        f"| {datetime.now(timezone.utc):%Y-%m-%d %H:%M} | `make bench`, {args.students} students "
        f"| {machine()}, load average {os.getloadavg()[0]:.1f} "
        f"| latency {lem['p50']:.0f} / {demo['p50']:.0f} ms = {lem['p50'] / demo['p50']:.2f}x "
        f"(p95 {lem['p95']:.0f} / {demo['p95']:.0f} ms); "
        f"{lem['throughput']:.1f} / {demo['throughput']:.1f} msg/s = "
        f"{lem['throughput'] / demo['throughput']:.2f}x "
        f"(p95 {lem['load_p95']:.0f} / {demo['load_p95']:.0f} ms); "
        f"memory {lem['rss']:.0f} / {demo['rss']:.0f} MB = {lem['rss'] / demo['rss']:.2f}x; "
        f"long life {growth}; failed turns {lem['failed_turns']} / {demo['failed_turns']} |"
    )
    text = MEASUREMENTS_DOC.read_text()
    if TABLE_MARK not in text:
        print(f"{MEASUREMENTS_DOC} has no results table; the row:\n{row}")
        return
    head, tail = text.split(TABLE_MARK, 1)
    lines = tail.split("\n")
    # The table follows the mark: its header, its separator, then the rows (newest last).
    end = next((i for i, line in enumerate(lines[1:], 1) if not line.startswith("|")), len(lines))
    lines.insert(end, row)
    MEASUREMENTS_DOC.write_text(head + TABLE_MARK + "\n".join(lines))
    print(f"added the run to {MEASUREMENTS_DOC.relative_to(ROOT)}")


def compare(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        print(f"machine: {machine()}")
        demo = run_demo(args, Path(workdir))
        report("demo bot  ", demo)
        lem = run_lemniscaat(args, Path(workdir))
        report("Lemniscaat", lem)
    print(f"stored: {lem['stored']} of {args.students} students under load have their story stored")
    print(
        f"ratios Lemniscaat / demo: latency p50 {lem['p50'] / demo['p50']:.2f}x "
        f"(p95 {lem['p95'] / demo['p95']:.2f}x), throughput {lem['throughput'] / demo['throughput']:.2f}x, "
        f"p95 under load {lem['load_p95'] / demo['load_p95']:.2f}x, memory {lem['rss'] / demo['rss']:.2f}x"
    )
    long = lem["long"]
    if 1 in long:
        print(
            "long life: "
            + ", ".join(f"message {p}: {c / long[1]:.2f}x message 1" for p, c in long.items())
        )
    if args.write:
        write_row(demo, lem, args)


def single(args: argparse.Namespace) -> None:
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
            print(
                f"sequential: {len(latencies)} messages, p50 {statistics.median(latencies):.0f} ms, "
                f"p95 {quantile(latencies, 95):.0f} ms, max {max(latencies):.0f} ms"
            )
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.students) as pool:
                results = list(
                    pool.map(lambda i: conversation(stack, f"load-{i}"), range(args.students))
                )
            elapsed = time.perf_counter() - started
            flat = [t for r in results for t in r]
            print(
                f"{args.students} concurrent students: {len(flat)} messages in {elapsed:.1f} s = "
                f"{len(flat) / elapsed:.1f} messages/s, p50 {statistics.median(flat):.0f} ms, "
                f"p95 {quantile(flat, 95):.0f} ms"
            )
            print(
                f"memory: rasa {rss_mb(stack.rasa.pid):.0f} MB, "
                f"action server {rss_mb(stack.actions.pid):.0f} MB"
            )
            if args.long:
                long_life(stack, args.long)
        finally:
            stack.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compare", action="store_true", help="side by side with Rasa's demo bot")
    parser.add_argument(
        "--students", type=int, default=None, help="concurrent conversations (8; 50 with --compare)"
    )
    parser.add_argument(
        "--conversations", type=int, default=5, help="sequential conversations for latency"
    )
    parser.add_argument(
        "--sequential", type=int, default=40, help="sequential messages (--compare)"
    )
    parser.add_argument(
        "--long", type=int, default=0, help="one student's messages for the long-life cost"
    )
    parser.add_argument(
        "--write", action="store_true", help="add the --compare run to docs/measurements.md"
    )
    args = parser.parse_args()
    if args.students is None:
        args.students = 50 if args.compare else 8
    compare(args) if args.compare else single(args)


if __name__ == "__main__":
    main()
