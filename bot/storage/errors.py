"""What "the database is away" looks like to the rest of the product.

A stopped or restarting PostgreSQL, a dropped connection, a full pool or a locked SQLite file
raise these; the channels treat them as "try again soon" (the student still gets the crisis
reply, and is asked to send the message again) rather than as a bug.
"""

from __future__ import annotations

from sqlalchemy import exc

STORAGE_DOWN: tuple[type[Exception], ...] = (
    exc.OperationalError,
    exc.InterfaceError,
    exc.DisconnectionError,
    exc.TimeoutError,
)
