"""A process started with LEMNISCAAT_STARTUP_NICE loads at a lower priority, threads and all,
and every thread goes back once it serves (bot/ops/startup_priority.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, os, threading, time
from bot.ops.startup_priority import back_to_normal, lower_while_loading

start = os.getpriority(os.PRIO_PROCESS, 0)
lower_while_loading()
stop = threading.Event()
seen = {}
def worker():  # a thread started while loading, as TensorFlow's pools are
    seen["tid"] = threading.get_native_id()
    stop.wait()
thread = threading.Thread(target=worker)
thread.start()
time.sleep(0.1)
loading = [os.getpriority(os.PRIO_PROCESS, 0), os.getpriority(os.PRIO_PROCESS, seen["tid"])]
back_to_normal()
served = [os.getpriority(os.PRIO_PROCESS, 0), os.getpriority(os.PRIO_PROCESS, seen["tid"])]
stop.set()
print(json.dumps({"start": start, "loading": loading, "served": served}))
"""


def _probe(nice: str) -> dict:
    env = {**os.environ, "LEMNISCAAT_STARTUP_NICE": nice}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.mark.skipif(os.geteuid() != 0, reason="raising a priority back needs root here")
def test_every_thread_loads_lower_and_serves_at_the_old_priority():
    seen = _probe("10")
    assert seen["loading"] == [seen["start"] + 10] * 2
    assert seen["served"] == [seen["start"]] * 2


def test_without_the_setting_nothing_changes():
    seen = _probe("")
    assert seen["loading"] == [seen["start"]] * 2 == seen["served"]


def test_a_wrong_value_is_refused_with_its_name():
    env = {**os.environ, "LEMNISCAAT_STARTUP_NICE": "hoog"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from bot.ops.startup_priority import lower_while_loading as f; f()",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0 and "LEMNISCAAT_STARTUP_NICE" in done.stderr
