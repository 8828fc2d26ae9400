"""Fitted scikit-learn models kept on disk between processes.

A model is stored with joblib in ``var/<name>/<key>.joblib``, where the key is a hash of the
files it is fitted from (data and the code that prepares and fits), the settings and the
scikit-learn version: a change of any of them fits afresh at first use, and a fresh clone
fits on first use. Writes are atomic, so concurrent processes see the old file or the new one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from bot.config import VAR_DIR

log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_key(files: Iterable[Path], settings: str) -> str:
    import sklearn

    digest = hashlib.sha256(f"{settings} sklearn={sklearn.__version__}".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def load_or_fit(name: str, key: str, kind: type[T], fit: Callable[[], T]) -> T:
    """The cached ``kind`` for ``key`` under ``var/<name>``, or ``fit()`` stored there."""
    import joblib

    directory = VAR_DIR / name
    path = directory / f"{key}.joblib"
    if path.exists():
        try:
            loaded = joblib.load(path)
            if isinstance(loaded, kind):
                return loaded
        except Exception:  # a half-written or foreign file: fit again
            log.warning("model cache %s unreadable; fitting again", path)
    fitted = fit()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        os.close(handle)
        joblib.dump(fitted, tmp)
        os.replace(tmp, path)
        for old in directory.glob("*.joblib"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:  # a read-only checkout: keep the model in memory only
        log.warning("model not cached in %s: %s", directory, error)
    return fitted
