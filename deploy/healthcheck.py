"""Container health check without curl: exit 0 when the URL answers 2xx within the timeout.

    python deploy/healthcheck.py http://127.0.0.1:8000/readyz [timeout-seconds]
"""

from __future__ import annotations

import sys
import urllib.request


def main(argv: list[str]) -> int:
    url = argv[1]
    timeout = float(argv[2]) if len(argv) > 2 else 5.0
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return 0 if 200 <= response.status < 300 else 1
    except Exception as error:  # noqa: BLE001 - any failure is "unhealthy"
        print(f"unhealthy: {url}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
