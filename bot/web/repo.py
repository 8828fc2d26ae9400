"""The one way a view reaches the database (as flaskr's ``get_db``): the app's ``Repository``,
made once by ``create_app`` and kept in ``app.extensions``."""

from __future__ import annotations

from flask import Flask, current_app

from bot.storage.repository import Repository

EXTENSION = "lemniscaat_repo"


def init_repo(app: Flask, url: str) -> Repository:
    """Give ``app`` its repository on the database at ``url``."""
    repo = Repository(url)
    app.extensions[EXTENSION] = repo
    return repo


def repo_of(app: Flask) -> Repository:
    return app.extensions[EXTENSION]


def get_repo() -> Repository:
    """The repository of the app handling the current request."""
    return repo_of(current_app)
