"""Shared fixtures: a migrated temporary database for every test that needs one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import reset_settings_cache
from bot.storage.migrate import upgrade
from bot.storage.repository import Repository


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> Path:
    """A SQLite file Alembic brought to the newest schema, once per session; tests get copies.
    (Alembic's own connection leaves no WAL file behind, so the one file is the whole database;
    the migrations themselves are tested in tests/storage.)"""
    path = tmp_path_factory.mktemp("migrated") / "template.db"
    upgrade(f"sqlite:///{path}")
    assert not path.with_name(path.name + "-wal").exists()
    return path


def migrated_copy(template: Path, path: Path) -> str:
    """A fresh database at ``path`` with the newest schema (a copy of the migrated template)."""
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


@pytest.fixture()
def database_url(tmp_path, monkeypatch, migrated_database):
    url = migrated_copy(migrated_database, tmp_path / "test.db")
    monkeypatch.setenv("DATABASE_URL", url)
    reset_settings_cache()
    yield url
    reset_settings_cache()


@pytest.fixture()
def repo(database_url) -> Repository:
    repository = Repository(database_url)
    yield repository
    repository.engine.dispose()


@pytest.fixture(scope="session")
def rasa_stack(tmp_path_factory, migrated_database):
    """The real Rasa and action servers on a fresh database, for the whole test session: one
    start for every test that talks to Rasa (tests about restarts restart it themselves).

    Rasa's student REST channel requires a token, as in production; DATABASE_URL, RASA_URL and
    RASA_CHANNEL_TOKEN are set for the session so channel code under test talks to it.
    Needs a trained model (``make train``; ``make test`` trains first).
    """
    from rasa_stack import CHANNEL_TOKEN, MODEL, RasaStack

    if not MODEL.exists():
        pytest.fail(
            "no trained model at models/lemniscaat.tar.gz: run `make train` (make test does)"
        )
    stack = RasaStack(tmp_path_factory.mktemp("rasa_stack"))
    migrated_copy(migrated_database, stack.database_path)
    stack.env["RASA_CHANNEL_TOKEN"] = CHANNEL_TOKEN
    patch = pytest.MonkeyPatch()
    patch.setenv("DATABASE_URL", stack.database_url)
    patch.setenv("RASA_URL", stack.rasa_url)
    patch.setenv("RASA_CHANNEL_TOKEN", CHANNEL_TOKEN)
    reset_settings_cache()
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()
        patch.undo()
        reset_settings_cache()


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh PostgreSQL server for the session (DATABASE_URL may point there too)."""
    from postgres_server import PostgresServer, available

    reason = available()
    if reason:
        pytest.skip(reason)
    server = PostgresServer().start()
    try:
        yield server.url
    finally:
        server.stop()
