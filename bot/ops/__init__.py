"""Operations: Prometheus metrics (metrics.py), logging set-up with JSON lines (logs.py),
readiness checks shared by the web app and the Telegram process (health.py), and the Telegram
process's small probe server (probe.py). See docs/deploy.md."""
