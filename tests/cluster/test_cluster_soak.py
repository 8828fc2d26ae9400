"""`make soak` for two minutes (scripts/soak.py) on the session's cluster: 10 messages a second
through HAProxy, no error, no lost or doubled turn, p95 steady, memory flat after warm-up."""

from __future__ import annotations

import os

import pytest
from soak import soak

pytestmark = pytest.mark.cluster


def test_two_minutes_at_ten_messages_a_second(cluster):
    minutes = float(os.environ.get("SOAK_TEST_MINUTES") or 2)
    report = soak(cluster.lb_url, cluster.layout.database_url, cluster.ctl, minutes, 10)
    print("\n" + report.summary())
    assert not report.errors, report.summary()
    assert not report.wrong_turns, report.summary()
    assert report.rate >= 9.5
    windows = report.windows()
    # Steady: no window after warm-up slower than twice the quickest (plus a little).
    p95s = [p95 for _, p95, n in windows if n]
    assert max(p95s) <= 2 * min(p95s) + 0.5, windows
    # Our services' memory is flat after warm-up. HAProxy's buffers and PostgreSQL's backends
    # follow the number of requests in flight, which two minutes cannot average out (the
    # 30-minute `make soak` holds every process to the same 10%).
    growth = report.growth()
    grown = {
        p: g
        for p, (_, _, g) in growth.items()
        if g > 0.10 and p.split(":")[0] in ("rasa", "actions", "web")
    }
    assert not grown, report.summary()
