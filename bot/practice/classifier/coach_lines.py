"""The labelled coach-line files: where they are and how to read them ('#' starts a comment).

Two layouts: ``label<TAB>coach`` (no context) and ``label<TAB>student<TAB>coach[<TAB>extra]``
(the student's previous turn). ``extra`` is either every label of a line that holds more than one
act, separated by commas, spaces or '|', or, for a filling-in line, its kind (``KINDS``: the
feeling, cause, choice, suggestive question or label the coach filled in). evaluate.py measures
the classifier on them; model.py trains on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.practice.classifier.labels import KINDS, LABELS

REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = Path(__file__).resolve().parent / "data"
DEV_FILES = [
    DATA_DIR / "coach_lines_dev.tsv",
    DATA_DIR / "coach_lines_context_dev.tsv",
    DATA_DIR / "coach_lines_test.tsv",  # the first held-out set, now development data
    DATA_DIR / "coach_lines_fresh.tsv",
    DATA_DIR / "coach_lines_filling_dev.tsv",  # every kind of filling in, with its neighbours
]
# The first blind set, measured once and since used as development data.
BLIND_FILE = REPO_ROOT / "tests" / "practice" / "coach_lines_blind.tsv"
# The second blind set (filling in of every kind), measured once, never tuned on.
BLIND_FILE_2 = REPO_ROOT / "tests" / "practice" / "coach_lines_blind_2.tsv"


@dataclass(frozen=True)
class Row:
    label: str
    coach: str
    student: str | None = None
    labels: tuple[str, ...] = ()  # all labels (main first); () when only the main one is given
    kind: str = ""  # for a filling-in line: which kind of filling in (KINDS), when given

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
        extra = cols[3].strip() if len(cols) > 3 else ""
        kind = extra if extra in KINDS else ""
        labels = _labels(extra, path, n) if extra and not kind else ()
        if labels:
            labels = (label, *[l for l in labels if l != label])
        rows.append(Row(label, cols[2].strip(), cols[1].strip() or None, labels, kind))
    return rows


def load_tsv(path: Path) -> list[tuple[str, str]]:
    """(label, coach line) pairs, without the context (the older interface)."""
    return [(r.label, r.coach) for r in load_rows(path)]
