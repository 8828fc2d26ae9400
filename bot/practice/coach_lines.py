"""The labelled coach-line files: where they are and how to read them ('#' starts a comment).

Two layouts: ``label<TAB>coach`` (no context) and ``label<TAB>student<TAB>coach[<TAB>labels]``
(the student's previous turn, and every label of a line that holds more than one act, separated
by commas, spaces or '|'). evaluate.py measures the classifier on them; model.py trains on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .labels import LABELS

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(__file__).resolve().parent / "data"
DEV_FILES = [
    DATA_DIR / "coach_lines_dev.tsv",
    DATA_DIR / "coach_lines_context_dev.tsv",
    DATA_DIR / "coach_lines_test.tsv",  # the first held-out set, development data since issue 12
    DATA_DIR / "coach_lines_fresh.tsv",
]
BLIND_FILE = REPO_ROOT / "tests" / "practice" / "coach_lines_blind.tsv"


@dataclass(frozen=True)
class Row:
    label: str
    coach: str
    student: str | None = None
    labels: tuple[str, ...] = ()  # all labels (main first); () when only the main one is given

    @property
    def all_labels(self) -> tuple[str, ...]:
        return self.labels or (self.label,)


def _labels(field_text: str, path: Path, n: int) -> tuple[str, ...]:
    labels = tuple(l for l in re.split(r"[\s,;|+/]+", field_text.strip()) if l)
    unknown = [l for l in labels if l not in LABELS]
    if unknown:
        raise ValueError(f"{path}:{n}: unknown label(s) {unknown}")
    return labels


def load_rows(path: Path) -> list[Row]:
    rows = []
    for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        label = cols[0].strip()
        if label not in LABELS or len(cols) < 2:
            raise ValueError(
                f"{path}:{n}: expected '<label>\\t[student\\t]<coach>' with a known label: {raw!r}"
            )
        if len(cols) == 2:
            rows.append(Row(label, cols[1].strip()))
            continue
        labels = _labels(cols[3], path, n) if len(cols) > 3 and cols[3].strip() else ()
        if labels:
            labels = (label, *[l for l in labels if l != label])
        rows.append(Row(label, cols[2].strip(), cols[1].strip() or None, labels))
    return rows


def load_tsv(path: Path) -> list[tuple[str, str]]:
    """(label, coach line) pairs, without the context (the older interface)."""
    return [(r.label, r.coach) for r in load_rows(path)]
