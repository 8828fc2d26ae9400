"""Storage: SQLAlchemy models, the repository (the one door to the database), migrations."""
from functools import lru_cache

from bot.storage.repository import Repository


@lru_cache(maxsize=4)
def repository(url: str = "") -> Repository:
    """A shared repository per database URL ("" = the configured DATABASE_URL)."""
    return Repository(url or None)


__all__ = ["Repository", "repository"]
