"""What every action needs: the repository and today's date in the product's timezone."""

from __future__ import annotations

from bot.clock import today  # noqa: F401 (re-exported: the one today of the product)
from bot.storage import Repository, repository


def repo() -> Repository:
    return repository()
