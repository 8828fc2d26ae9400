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
