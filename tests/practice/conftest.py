"""Make the repository root importable when pytest is run without an installed package."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
try:
    import bot.practice  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))
