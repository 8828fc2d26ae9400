"""Migration 0003: the schema matches the models, data and constraints survive the SQLite
rebuild, and ids are never reused after an erasure."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy.exc
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from bot.storage.migrate import alembic_config, upgrade
from bot.storage.models import Base
from bot.storage.repository import Repository


def test_models_and_migrations_agree(database_url):
    engine = create_engine(database_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        diff = [
            d
            for d in compare_metadata(context, Base.metadata)
            if not (d[0] == "remove_table" and d[1].name in ("events", "sqlite_sequence"))
        ]
    engine.dispose()
    assert diff == []


def test_rebuild_keeps_rows_cascades_and_uniques(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    command.upgrade(alembic_config(url), "0002")
    raw = sqlite3.connect(tmp_path / "old.db")  # the 0002 schema, written as it was then
    raw.execute(
        "insert into coaches (id, email, password_hash, is_admin, is_trainer, created_at) "
        "values (1, 'c@school.nl', 'x', 0, 0, '2026-01-01 00:00:00.000000')"
    )
    raw.execute(
        "insert into students (id, sender_id, channel, coach_id, created_at) "
        "values (1, 'web-old', 'web', 1, '2026-01-01 00:00:00.000000')"
    )
    raw.execute(
        "insert into conversations (id, student_id, phase, started_at, consent, safety_flag, "
        "parts_reached, competencies) values (1, 1, 'activeren', '2026-01-01 00:00:00.000000', 1, 0, '[]', '[]')"
    )
    raw.execute("insert into reflections (id, conversation_id, emotions) values (1, 1, '[]')")
    raw.execute(
        "insert into action_steps (id, conversation_id, what, status, created_at) "
        "values (1, 1, 'Mail sturen', 'open', '2026-01-01 00:00:00.000000')"
    )
    raw.execute(
        "insert into invite_codes (code, coach_id, created_at) values ('ABCDEFGH', 1, '2026-01-01 00:00:00.000000')"
    )
    raw.commit()
    raw.close()
    upgrade(url)
    repo = Repository(url)
    exported = repo.export_student("web-old")
    assert exported["action_steps"][0]["what"] == "Mail sturen" and exported["consent"] is True
    assert repo.coach_student(1, 1)["shared_count"] == 1, (
        "what was shared stays with the current coach"
    )
    raw = sqlite3.connect(tmp_path / "old.db")
    sql = raw.execute("select sql from sqlite_master where name='students'").fetchone()[0]
    assert "AUTOINCREMENT" in sql and "UNIQUE" in sql
    conversations_sql = raw.execute(
        "select sql from sqlite_master where name='conversations'"
    ).fetchone()[0]
    assert "ON DELETE CASCADE" in conversations_sql
    raw.close()
    with pytest.raises(sqlalchemy.exc.IntegrityError):
        with repo.session() as s:
            from bot.storage.models import Student

            s.add(Student(sender_id="web-old", channel="web"))
    assert repo.erase_student("web-old")
    with repo.session() as s:
        from sqlalchemy import func, select

        from bot.storage.models import ActionStep, Conversation

        assert s.execute(select(func.count(Conversation.id))).scalar_one() == 0
        assert s.execute(select(func.count(ActionStep.id))).scalar_one() == 0
    repo.engine.dispose()


def test_ids_are_never_reused_after_erasure(repo):
    first = repo.ensure_student("web-first").id
    conversation = repo.start_conversation("web-first")
    assert repo.erase_student("web-first")
    second = repo.ensure_student("web-second").id
    assert second > first, "an erased student's number is not handed to the next student"
    assert repo.start_conversation("web-second") > conversation
