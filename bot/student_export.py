"""A student's copy of everything stored about them (their right of access), as the one file
both channels hand out: the web chat's /chat/mijngegevens download and Telegram's /mijngegevens
document. The content comes from Repository.export_student."""

from __future__ import annotations

import json
from typing import Any

EXPORT_FILENAME = "lemniscaat-mijn-gegevens.json"


def export_json(export: dict[str, Any] | None) -> bytes:
    """The export as readable UTF-8 JSON (dates as text); an empty object when nothing is stored."""
    return json.dumps(export or {}, ensure_ascii=False, indent=2, default=str).encode("utf-8")
