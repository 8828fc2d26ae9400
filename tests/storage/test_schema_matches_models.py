"""The Alembic migrations produce exactly the models' schema. A fresh SQLite
database is upgraded to head and compared with bot/storage/models.py by Alembic's autogenerate,
with types and server defaults compared too (stricter than test_migration_0003)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from bot.storage.migrate import upgrade
from bot.storage.models import Base

# Differences that are not drift:
# - sqlite_sequence is SQLite's own bookkeeping table for AUTOINCREMENT columns (migration 0003
#   makes ids never reused after an erasure); it is no table of ours, so no model describes it.
# - events is Rasa's tracker store table in the same database (not created by our migrations,
#   listed here in case Rasa ever ran against this database first).
NOT_OURS = {"sqlite_sequence", "events"}


def _differences(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            return [
                d
                for d in compare_metadata(context, Base.metadata)
                if not (d[0] == "remove_table" and d[1].name in NOT_OURS)
            ]
    finally:
        engine.dispose()


def test_fresh_database_upgraded_to_head_matches_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    upgrade(url)
    assert _differences(url) == []


def test_the_comparison_sees_a_missing_column(tmp_path):
    """The check can fail: a column dropped after the upgrade shows up as a difference."""
    url = f"sqlite:///{tmp_path / 'drift.db'}"
    upgrade(url)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE students DROP COLUMN coach_label")
    engine.dispose()
    differences = _differences(url)
    assert [(d[0], d[2], d[3].name) for d in differences] == [
        ("add_column", "students", "coach_label")
    ]
