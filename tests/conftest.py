"""Shared fixtures: a migrated temporary database for every test that needs one."""

from __future__ import annotations

import pytest

from bot.config import reset_settings_cache
from bot.storage.migrate import upgrade
from bot.storage.repository import Repository


@pytest.fixture()
def database_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'test.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    reset_settings_cache()
    upgrade(url)
    yield url
    reset_settings_cache()


@pytest.fixture()
def repo(database_url) -> Repository:
    repository = Repository(database_url)
    yield repository
    repository.engine.dispose()


@pytest.fixture(scope="session")
def rasa_stack(tmp_path_factory):
    """The real Rasa and action servers on a fresh database, for the whole test session.

    Sets DATABASE_URL and RASA_URL for the session so channel code under test talks to it.
    Needs a trained model (``make train``; ``make test`` trains first).
    """
    from rasa_stack import MODEL, RasaStack

    if not MODEL.exists():
        pytest.fail(
            "no trained model at models/lemniscaat.tar.gz: run `make train` (make test does)"
        )
    stack = RasaStack(tmp_path_factory.mktemp("rasa_stack"))
    upgrade(stack.database_url)
    patch = pytest.MonkeyPatch()
    patch.setenv("DATABASE_URL", stack.database_url)
    patch.setenv("RASA_URL", stack.rasa_url)
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
