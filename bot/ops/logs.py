"""Logging for every Lemniscaat process (web, Telegram, the CLI): plain lines, or one JSON
object per line with ``LOG_FORMAT=json`` (for a log collector). ``LOG_LEVEL`` sets the level.

What the product logs never holds a student's message text: log lines name ids and counts,
SQL errors hide their parameters (``hide_parameters`` in bot/storage/db.py and the tracker
store), and httpx (whose request lines carry the Telegram bot token) logs warnings only.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone

from bot.config import log_options

_HANDLER_NAME = "lemniscaat"


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, message, service,
    and the traceback as ``exception`` when there is one."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "service": self.service,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the moment (a test may swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def configure_logging(service: str, stream=None, default_level: str = "INFO") -> logging.Handler:
    """Set up the root logger for ``service`` (web, telegram, cli); idempotent. The level is
    LOG_LEVEL, else ``default_level``. Returns the handler (tests read what it writes)."""
    log_format, level = log_options()
    level = level or default_level
    handler = logging.StreamHandler(stream) if stream is not None else _StderrHandler()
    handler.set_name(_HANDLER_NAME)
    if log_format == "json":
        handler.setFormatter(JsonFormatter(service))
    else:
        handler.setFormatter(
            logging.Formatter(f"%(asctime)s %(levelname)s {service} %(name)s: %(message)s")
        )
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # httpx logs every request URL at INFO, and Telegram's URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    return handler
