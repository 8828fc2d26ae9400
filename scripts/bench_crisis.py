"""Time the crisis detector per message (``bot.nlp.crisis.assess``), after a warm-up.

    .venv/bin/python scripts/bench_crisis.py [--repeat 3]

Reads the development lines (bot/nlp/data/crisis_dev.tsv, crisis_train_2.tsv,
tests/nlp/crisis_heldout_2.tsv) and a few long messages (3000 and 20000 characters), and prints
mean, p50, p95 and max in ms (wall clock), and p50 and p95 of the thread's CPU time (the cost
without waiting on a busy machine). Every message is read as an answer to a reflection question. The first call loads the trained model from var/crisis_model/ (or
trains and stores it when the data changed or on a fresh clone: delete that folder to time it).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.nlp import crisis  # noqa: E402
from bot.nlp.crisis import assess  # noqa: E402


def lines():
    texts = []
    for path in (
        ROOT / "bot/nlp/data/crisis_dev.tsv",
        ROOT / "bot/nlp/data/crisis_train_2.tsv",
        ROOT / "tests/nlp/crisis_heldout_2.tsv",
    ):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line and not line.startswith("#"):
                texts.append(line.rsplit("\t", 1)[1])
    return texts


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    texts = lines()
    filler = (
        "ik vind mijn stage best leuk maar het plannen van mijn verslag gaat nog niet zo goed. "
    )
    long_texts = [(filler * 40)[:2950] + " ik wil er niet meer zijn", (filler * 250)[:20000]]
    start = time.perf_counter()
    assess("warm-up: ik heb een vraag over mijn planning voor deze week en de komende")
    from bot.nlp.crisis_model import category_guess

    category_guess("warm-up")
    print(
        f"first call (loads the stored model, or trains and stores it): {(time.perf_counter() - start) * 1000:.0f} ms"
    )
    for name, sample in (
        ("short messages", texts),
        ("long messages (3000/20000 chars)", long_texts),
    ):
        timings, cpu = [], []
        for _ in range(repeat):
            for text in sample:
                crisis.clear_caches()  # measure every message as if it were new
                begin, begin_cpu = time.perf_counter(), time.thread_time()
                assess(text, previous="ik weet het niet zo goed", question="what_happened")
                timings.append((time.perf_counter() - begin) * 1000)
                cpu.append((time.thread_time() - begin_cpu) * 1000)
        print(
            f"{name}: n={len(timings)} mean {statistics.mean(timings):.2f} ms, p50 {percentile(timings, 0.5):.2f} ms, "
            f"p95 {percentile(timings, 0.95):.2f} ms, max {max(timings):.2f} ms"
        )
        # CPU time of this thread: what the message costs, without waiting for a busy machine
        print(
            f"{name}, CPU time: p50 {percentile(cpu, 0.5):.2f} ms, p95 {percentile(cpu, 0.95):.2f} ms"
        )


if __name__ == "__main__":
    main()
