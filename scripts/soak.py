"""`make soak`: a long, steady load through `make cluster`, to see that nothing leaks or drifts.

    .venv/bin/python scripts/soak.py [--minutes 30] [--rate 10]   # SOAK_MINUTES, SOAK_RATE

Starts the cluster (scripts/cluster.py: PostgreSQL, Redis, two Rasa replicas, two action
servers, two web workers, HAProxy) on free ports in a directory of its own, and sends
``rate`` student messages a second through HAProxy's REST port for ``minutes``, then stops the
cluster. Students walk the whole reflection (tests/reflection_script.py), one message at a time
each (the next when the answer came), with a message id per message as the channels send; new
students join as needed to keep the rate. Measured:

* every answer's latency (p50/p95 per window of the run), errors (anything but 200);
* lost or doubled turns: every student's tracker (PostgreSQL) holds exactly the messages the
  student sent, in order, each message id once;
* the memory of every service (each program's process tree) every 15 s, from
  ``/proc/PID/smaps_rollup``: the proportional set size (PSS: shared pages split between the
  processes that map them), and the part of it that is the processes' own, PSS without
  ``Pss_Shmem``. Shared memory is PostgreSQL's buffer cache (``shared_buffers``): a backend's
  PSS grows with every buffer page it touches until the cache is warm, which is not memory the
  process allocated (the first 30-minute run read +130% for PostgreSQL from it). The growth
  after warm-up, held to 10%, is that of the own part: the median of the last three samples over
  the median of the three at the end of warm-up.
* warm-up: the first fifth of the run, and at least until the Rasa replicas' tracker caches are
  full (``CACHE_SIZE`` conversations, bot/rasa_plugins/tracker_store.py: a quarter more students
  than that have begun) when that happens within the first half of the run; a cache still
  filling is growth by design.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from cluster import Layout, balancer_says_up  # noqa: E402
from reflection_script import ANSWERS  # noqa: E402

SCRIPT = ["hoi", *ANSWERS[:7], "uitleggen", "ja", *ANSWERS[7:13], "nee", "ja"]
WEBHOOK = "/webhooks/rest/webhook"
SAMPLE_EVERY = 15.0
WINDOWS = 5


# ---- memory of the cluster's services ----


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(p) for p in found]


def _rollup_kb(pid: int) -> dict[str, int]:
    """The process's ``smaps_rollup`` fields in kB (empty when it is gone)."""
    fields = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, rest = line.partition(":")
            parts = rest.split()
            if len(parts) == 2 and parts[1] == "kB":
                fields[name] = int(parts[0])
    except (OSError, ValueError):
        pass
    return fields


@dataclass(frozen=True)
class Memory:
    """One sample of a program's process tree, in MB."""

    pss: float  # everything it maps, shared pages split
    shmem: float  # of which shared memory (PostgreSQL's buffer cache)
    processes: int

    @property
    def own(self) -> float:
        """What the processes allocated themselves: PSS without shared memory."""
        return self.pss - self.shmem


def tree_memory(pid: int) -> Memory:
    """The memory of a process and all its descendants."""
    pss = shmem = processes = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        fields = _rollup_kb(current)
        if fields:
            processes += 1
            pss += fields.get("Pss", 0)
            shmem += fields.get("Pss_Shmem", 0)
        todo.extend(_children(current))
    return Memory(pss / 1024, shmem / 1024, processes)


def program_pids(ctl: Callable[..., str]) -> dict[str, int]:
    """Each running supervisord program's pid (``supervisorctl status``)."""
    pids = {}
    for line in ctl("status").splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[1] == "RUNNING" and parts[2] == "pid":
            pids[parts[0]] = int(parts[3].rstrip(","))
    return pids


# ---- the load ----


@dataclass
class Sent:
    sender: str
    text: str
    message_id: str
    at: float  # seconds since the start
    seconds: float = 0.0
    status: int = 0
    repeat: bool = False


@dataclass
class Report:
    minutes: float
    rate_asked: float
    sent: list[Sent]
    memory: dict[str, list[tuple[float, Memory]]]  # program -> (seconds, sample)
    load: list[tuple[float, float]]  # (seconds, load average over 1 minute)
    wrong_turns: dict[str, str] = field(default_factory=dict)
    warmup: float = 0.0

    @property
    def errors(self) -> list[Sent]:
        return [s for s in self.sent if s.status != 200]

    @property
    def rate(self) -> float:
        return len(self.sent) / (self.minutes * 60)

    def windows(self) -> list[tuple[float, float, int]]:
        """(p50, p95, messages) of each window after warm-up."""
        end = self.minutes * 60
        width = (end - self.warmup) / WINDOWS
        out = []
        for i in range(WINDOWS):
            low = self.warmup + i * width
            seconds = sorted(s.seconds for s in self.sent if low <= s.at < low + width)
            if len(seconds) < 2:
                out.append((0.0, 0.0, len(seconds)))
                continue
            out.append(
                (
                    statistics.median(seconds),
                    statistics.quantiles(seconds, n=20)[18],
                    len(seconds),
                )
            )
        return out

    def growth(
        self, measure: Callable[[Memory], float] = lambda m: m.own
    ) -> dict[str, tuple[float, float, float]]:
        """program -> (MB at the end of warm-up, MB at the end, growth), of the processes' own
        memory unless ``measure`` says otherwise."""
        out = {}
        for program, samples in sorted(self.memory.items()):
            after = [measure(m) for t, m in samples if t >= self.warmup]
            before = [measure(m) for t, m in samples if t <= self.warmup][-3:]
            if len(after) < 2 or not before:
                continue
            start = statistics.median(before)
            end = statistics.median(after[-3:])
            out[program] = (start, end, end / start - 1 if start else 0.0)
        return out

    def processes(self) -> dict[str, tuple[int, int]]:
        """program -> (processes in its tree at the end of warm-up, at the end)."""
        out = {}
        for program, samples in sorted(self.memory.items()):
            before = [m.processes for t, m in samples if t <= self.warmup]
            if before and samples:
                out[program] = (before[-1], samples[-1][1].processes)
        return out

    def summary(self) -> str:
        every = sorted(s.seconds for s in self.sent)
        q = statistics.quantiles(every, n=20) if len(every) > 1 else [0.0] * 19
        loads = [la for _, la in self.load]
        lines = [
            f"soak: {self.minutes:g} min, asked {self.rate_asked:g} messages/s, sent "
            f"{len(self.sent)} = {self.rate:.2f} messages/s; p50 {statistics.median(every):.2f} s, "
            f"p95 {q[18]:.2f} s, max {every[-1]:.2f} s; {len(self.errors)} errors; "
            f"{len(self.wrong_turns)} students with lost or doubled turns; "
            f"load average {min(loads):.1f}-{max(loads):.1f} (median {statistics.median(loads):.1f})",
            "windows after warm-up (p50 / p95 / messages): "
            + ", ".join(f"{a:.2f} / {b:.2f} s / {n}" for a, b, n in self.windows()),
            f"warm-up {self.warmup / 60:.1f} min; memory after warm-up, own (PSS without "
            "shared memory, MB: start -> end, growth): "
            + ", ".join(
                f"{p} {a:.0f} -> {b:.0f} ({g * 100:+.1f}%)"
                for p, (a, b, g) in self.growth().items()
            ),
            "  PSS with shared memory (MB): "
            + ", ".join(
                f"{p} {a:.0f} -> {b:.0f} ({g * 100:+.1f}%)"
                for p, (a, b, g) in self.growth(lambda m: m.pss).items()
            ),
            "  processes per service (end of warm-up -> end): "
            + ", ".join(f"{p} {a} -> {b}" for p, (a, b) in self.processes().items()),
        ]
        for sender, problem in list(self.wrong_turns.items())[:5]:
            lines.append(f"  {sender}: {problem}")
        for s in self.errors[:5]:
            lines.append(f"  error {s.status} after {s.seconds:.1f} s at {s.at:.0f} s")
        return "\n".join(lines)


async def _say(client: httpx.AsyncClient, url: str, sent: Sent, started: float) -> None:
    begin = time.monotonic()
    try:
        response = await client.post(
            url,
            json={"sender": sent.sender, "message": sent.text, "message_id": sent.message_id},
        )
        sent.status = response.status_code
        sent.repeat = response.headers.get("X-Lemniscaat-Repeat") == "1"
    except httpx.HTTPError:
        sent.status = -1
    sent.seconds = time.monotonic() - begin


async def load(lb_url: str, minutes: float, rate: float, sample: Callable[[float], None]) -> list:
    """``rate`` messages a second for ``minutes``; each student one message at a time."""
    run = uuid.uuid4().hex[:6]
    url = lb_url + WEBHOOK
    sent: list[Sent] = []
    idle: list[tuple[str, int]] = []  # (sender, index of the next message)
    students = 0
    tasks: set[asyncio.Task] = set()
    started = time.monotonic()
    next_sample = 0.0
    limits = httpx.Limits(max_connections=400, max_keepalive_connections=100)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:

        async def one(sender: str, index: int) -> None:
            message = Sent(
                sender, SCRIPT[index], f"soak-{uuid.uuid4().hex}", time.monotonic() - started
            )
            sent.append(message)
            await _say(client, url, message, started)
            if index + 1 < len(SCRIPT):
                idle.append((sender, index + 1))

        tick = 0
        while True:
            now = time.monotonic() - started
            if now >= minutes * 60:
                break
            if now >= next_sample:  # in a thread: supervisorctl takes a moment
                sampling = asyncio.create_task(asyncio.to_thread(sample, now))
                tasks.add(sampling)
                sampling.add_done_callback(tasks.discard)
                next_sample += SAMPLE_EVERY
            if idle:
                sender, index = idle.pop(random.randrange(len(idle)))
            else:
                students += 1
                sender, index = f"soak-{run}-{students}", 0
            task = asyncio.create_task(one(sender, index))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            tick += 1
            await asyncio.sleep(max(0.0, tick / rate - (time.monotonic() - started)))
        if tasks:
            await asyncio.wait(tasks, timeout=120)
    return sent


def warmup_seconds(sent: list[Sent], minutes: float) -> float:
    """A fifth of the run, and at least until the replicas' tracker caches are full (a quarter
    more students than they hold have begun) when that is within the first half."""
    from bot.rasa_plugins.tracker_store import CACHE_SIZE

    fifth = max(30.0, minutes * 60 / 5)
    begun: dict[str, float] = {}
    for s in sorted(sent, key=lambda s: s.at):
        begun.setdefault(s.sender, s.at)
    starts = sorted(begun.values())
    enough = CACHE_SIZE + CACHE_SIZE // 4
    if len(starts) < enough or starts[enough - 1] > minutes * 60 / 2:
        return fifth
    return max(fifth, starts[enough - 1])


def check_turns(database_url: str, sent: list[Sent]) -> dict[str, str]:
    """Students whose tracker does not hold exactly what they sent, once each, in order."""
    from sqlalchemy import create_engine, select

    from bot.nlp.commands import normalise_student_text
    from bot.storage.db import tracker_events

    by_sender: dict[str, list[Sent]] = {}
    for s in sent:
        by_sender.setdefault(s.sender, []).append(s)
    wrong = {}
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            for sender, messages in by_sender.items():
                rows = conn.execute(
                    select(tracker_events.c.data)
                    .where(
                        tracker_events.c.sender_id == sender,
                        tracker_events.c.type_name == "user",
                    )
                    .order_by(tracker_events.c.id)
                ).all()
                said = [json.loads(r.data) for r in rows]
                texts = [d.get("text") for d in said]
                expected = [normalise_student_text(m.text) for m in messages]
                ids = [d.get("message_id") for d in said]
                if texts != expected or ids != [m.message_id for m in messages]:
                    wrong[sender] = f"stored {texts[:4]}... ({len(texts)}), sent {len(expected)}"
    finally:
        engine.dispose()
    return wrong


def soak(
    lb_url: str,
    database_url: str,
    ctl: Callable[..., str],
    minutes: float,
    rate: float,
) -> Report:
    memory: dict[str, list[tuple[float, float]]] = {}
    loads: list[tuple[float, float]] = []

    def sample(now: float) -> None:
        for program, pid in program_pids(ctl).items():
            memory.setdefault(program, []).append((now, tree_memory(pid)))
        loads.append((now, os.getloadavg()[0]))

    sent = asyncio.run(load(lb_url, minutes, rate, sample))
    report = Report(minutes, rate, sent, memory, loads, warmup=warmup_seconds(sent, minutes))
    report.wrong_turns = check_turns(database_url, sent)
    return report


# ---- a cluster of its own ----


def _free_block(size: int) -> int:
    for _ in range(200):
        base = random.randrange(20000, 60000 - size)
        free = True
        for port in range(base, base + size):
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    free = False
                    break
        if free:
            return base
    raise RuntimeError("no block of free ports")


def _ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except (urllib.error.URLError, OSError):
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--minutes", type=float, default=float(os.environ.get("SOAK_MINUTES") or 30)
    )
    parser.add_argument("--rate", type=float, default=float(os.environ.get("SOAK_RATE") or 10))
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="lemniscaat-soak-"))
    workdir.chmod(0o755)  # PostgreSQL runs as the postgres user when we are root
    base = _free_block(50)
    env = {
        **os.environ,
        "CLUSTER_DIR": str(workdir / "cluster"),
        "LEMNISCAAT_KEY_DIR": str(workdir / "keys"),
        "RASA_PORT": str(base),
        "ACTION_PORT": str(base + 10),
        "WEB_PORT": str(base + 20),
        "CLUSTER_PG_PORT": str(base + 30),
        "CLUSTER_REDIS_PORT": str(base + 31),
    }
    for name in ("TELEGRAM_BOT_TOKEN", "RASA_CHANNEL_TOKEN", "DATABASE_URL"):
        env.pop(name, None)
    layout = Layout.from_env(env)
    log = workdir / "cluster.out"
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "cluster.py")],
        cwd=ROOT,
        env=env,
        stdout=open(log, "wb"),
        stderr=subprocess.STDOUT,
    )

    def ctl(*command: str) -> str:
        done = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "supervisorctl"), "-c", str(layout.supervisor_conf)]
            + list(command),
            capture_output=True,
            text=True,
            timeout=60,
        )
        return done.stdout

    try:
        started = time.monotonic()
        checks = [f"http://127.0.0.1:{p}/webhooks/rest/" for p in layout.rasa_ports()]
        checks += [f"http://127.0.0.1:{p}/health" for p in layout.action_ports()]
        while not (all(_ok(u) for u in checks) and balancer_says_up(layout)):
            if process.poll() is not None or time.monotonic() - started > 600:
                raise SystemExit(f"soak: the cluster did not start; see {log}")
            time.sleep(1)
        print(
            f"soak: cluster up in {time.monotonic() - started:.0f} s; {args.minutes:g} min at "
            f"{args.rate:g} messages/s ...",
            flush=True,
        )
        report = soak(
            f"http://127.0.0.1:{layout.rasa_port}",
            layout.database_url,
            ctl,
            args.minutes,
            args.rate,
        )
        print(report.summary(), flush=True)
        growth = report.growth()
        ok = (
            not report.errors
            and not report.wrong_turns
            and all(g <= 0.10 for _, _, g in growth.values())
        )
        return 0 if ok else 1
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
