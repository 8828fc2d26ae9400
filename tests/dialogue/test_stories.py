"""The test stories in tests/stories, predicted by the trained model (`rasa test core`): every
story's actions must come out exactly as written. Run here rather than as a step of its own so
that it shares the machine's cores with the rest of the suite (pytest-xdist)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "lemniscaat.tar.gz"


@pytest.mark.e2e
def test_every_test_story_is_predicted_as_written(tmp_path):
    if not MODEL.exists():
        pytest.fail(
            "no trained model at models/lemniscaat.tar.gz: run `make train` (make test does)"
        )
    out = tmp_path / "core"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.rasa_cli",
            "test",
            "core",
            "--model",
            str(MODEL),
            "--stories",
            str(ROOT / "tests" / "stories"),
            "--fail-on-prediction-errors",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    failed = out / "failed_test_stories.yml"
    report = (
        failed.read_text() if failed.exists() else result.stdout[-3000:] + result.stderr[-3000:]
    )
    assert result.returncode == 0, report
    assert (out / "story_report.json").exists(), "rasa test core wrote no story report"
