"""Storage: SQLAlchemy models, the repository (the one door to the database), migrations."""

from functools import lru_cache

from bot.config import settings
from bot.storage.repository import Repository


@lru_cache(maxsize=4)
def _repository(url: str) -> Repository:
    return Repository(url)


def repository(url: str = "") -> Repository:
    """A shared repository per database URL ("" = the configured DATABASE_URL, read each time,
    so a changed DATABASE_URL never reaches an old database)."""
    return _repository(url or settings().database_url)


__all__ = ["Repository", "repository"]
