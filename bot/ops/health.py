"""Liveness and readiness, the same for the web app and the Telegram process.

* liveness (``/healthz``): the process answers; no dependency is asked, so a database or Rasa
  outage never makes Kubernetes restart a healthy process;
* readiness (``/readyz``): the database answers ``SELECT 1`` and Rasa answers ``GET /``, each
  within ``READINESS_TIMEOUT`` seconds (default 2), asked at the same time. The answer names
  what failed and why (an exception's class, never its text: a database error may hold a URL).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import httpx

_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="readiness")


def rasa_check(rasa_url: str, timeout: float) -> Callable[[], None]:
    """Rasa's root route answers 200 ("Hello from Rasa") without a token."""

    def check() -> None:
        response = httpx.get(f"{rasa_url.rstrip('/')}/", timeout=timeout)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")

    return check


def _outcome(future, timeout: float) -> str:
    try:
        future.result(timeout=timeout)
    except FutureTimeout:
        return f"timeout after {timeout:g} s"
    except RuntimeError as error:  # our own message (an HTTP status)
        return f"failed ({error})"
    except Exception as error:  # noqa: BLE001 - every failure is a "not ready"
        return f"failed ({type(error).__name__})"
    return "ok"


def readiness(checks: dict[str, Callable[[], Any]], timeout: float) -> tuple[bool, dict]:
    """Run every check at once; (ready, body) where body names each check's outcome."""
    futures = {name: _POOL.submit(check) for name, check in checks.items()}
    # A little slack beyond the checks' own timeouts (httpx's, the driver's).
    results = {name: _outcome(future, timeout + 0.5) for name, future in futures.items()}
    ready = all(result == "ok" for result in results.values())
    body = {
        "status": "ready" if ready else "unavailable",
        "checks": results,
        "failed": sorted(name for name, result in results.items() if result != "ok"),
    }
    return ready, body


def standard_checks(ping_database: Callable[[], None], rasa_url: str, timeout: float) -> dict:
    return {"database": ping_database, "rasa": rasa_check(rasa_url, timeout)}


def metrics_allowed(token: str, production: bool, authorization: str) -> bool:
    """Who may read /metrics. With METRICS_TOKEN set: only a request that carries it as a
    bearer token. Without: open in development, closed in production."""
    if not token:
        return not production
    return hmac.compare_digest(authorization.encode(), f"Bearer {token}".encode())
