"""Shared fixtures: a migrated temporary database for every test that needs one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import reset_settings_cache
from bot.storage.migrate import upgrade
from bot.storage.repository import Repository


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    """With pytest-xdist (`make test` runs two workers): the tests that share the session's Rasa
    stack stay on one worker, so the stack starts once; and the tests that start servers go
    first, so the short ones fill the gaps at the end instead of waiting behind a long one."""
    for item in items:
        if "rasa_stack" in item.fixturenames:
            item.add_marker(pytest.mark.xdist_group("rasa_stack"))
    items.sort(key=lambda item: item.get_closest_marker("e2e") is None)


@pytest.fixture(scope="session", autouse=True)
def production_hasher():
    """Coaches' passwords are hashed with argon2id at its full cost in the product (~0.3 s of CPU
    per hash or check); in this process the same argon2id runs at its lowest cost, which saved a
    minute of CPU over the web tests' logins. Yields the product's hasher for the test that checks
    its cost (tests/web/test_password_cost.py); services started as subprocesses use it as ever."""
    from argon2 import PasswordHasher

    from bot.web import security

    product = (security._hasher, security._DUMMY_HASH)
    security._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    security._DUMMY_HASH = security._hasher.hash("no such coach, no such password")
    try:
        yield product[0]
    finally:
        security._hasher, security._DUMMY_HASH = product


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
