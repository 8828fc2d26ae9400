"""Prometheus metrics of the student channels. Counts and timings only: never a message text,
never a sender id (labels are a fixed, small set: channel, outcome, reason, crisis kind).

The channels count through the relay (``bot/channels/relay.py``), so the web chat and Telegram
are measured in one place. ``exposition()`` renders this process's metrics, or every process's
when ``PROMETHEUS_MULTIPROC_DIR`` is set (prometheus-client's multiprocess mode; see
docs/deploy.md).
"""

from __future__ import annotations

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

from bot.config import prometheus_multiproc_dir

# The crisis kinds of bot/channels/crisis.Assessment; anything else is counted as "other", so
# a label can never carry free text.
CRISIS_KINDS = frozenset({"suicide", "self_harm", "abuse", "homeless", "panic", "eating_disorder"})
ERROR_REASONS = frozenset(
    {
        "rasa_unavailable",
        "rasa_slow",
        "turn_failed",
        "empty_answer",
        "handler_exception",
        "flag_not_written",
        "storage_unavailable",
    }
)

MESSAGES = Counter(
    "lemniscaat_messages",
    "Student messages that reached the relay, per channel",
    ["channel"],
)
RASA_SECONDS = Histogram(
    "lemniscaat_rasa_request_seconds",
    "Time for one call of a channel to Rasa's REST channel (a turn), by outcome",
    ["channel", "outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.5, 5.0, 10.0, 30.0),
)
CRISIS = Counter(
    "lemniscaat_crisis_detected",
    "Messages the channel's crisis check called a crisis, by kind (no text)",
    ["channel", "kind"],
)
ERRORS = Counter(
    "lemniscaat_errors",
    "Failures: Rasa unavailable, a failed turn, an empty answer, a handler exception",
    ["channel", "reason"],
)
KEPT = Counter(
    "lemniscaat_messages_kept",
    "Messages kept because Rasa could not answer (answered later by replay)",
    ["channel"],
)


def count_message(channel: str) -> None:
    MESSAGES.labels(channel=channel).inc()


def observe_rasa(channel: str, outcome: str, seconds: float) -> None:
    RASA_SECONDS.labels(channel=channel, outcome=outcome).observe(seconds)


def count_crisis(channel: str, kind: str | None) -> None:
    CRISIS.labels(channel=channel, kind=kind if kind in CRISIS_KINDS else "other").inc()


def count_error(channel: str, reason: str) -> None:
    if reason not in ERROR_REASONS:
        raise ValueError(f"unknown error reason {reason!r}")
    ERRORS.labels(channel=channel, reason=reason).inc()


def count_kept(channel: str) -> None:
    KEPT.labels(channel=channel).inc()


def exposition() -> tuple[bytes, str]:
    """(body, content type) of the metrics for a scrape."""
    if prometheus_multiproc_dir():
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
