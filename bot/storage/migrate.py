"""Schema migrations with Alembic, run programmatically so no alembic.ini is needed."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from bot.config import settings
from bot.storage.db import ensure_sqlite_dir

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser treats % as interpolation; URLs may contain escaped characters.
    config.set_main_option("sqlalchemy.url", (url or settings().database_url).replace("%", "%%"))
    return config


def upgrade(url: str | None = None) -> None:
    """Bring the database at ``url`` (default DATABASE_URL) to the newest schema."""
    # Creates the var/ directory for the embedded default.
    ensure_sqlite_dir(url or settings().database_url)
    command.upgrade(alembic_config(url), "head")


if __name__ == "__main__":
    upgrade()
    print("database schema is up to date")
