"""Split long answers into Telegram-sized messages at natural places."""

from __future__ import annotations

import re

TELEGRAM_MAX_CHARS = 4096

# Preferred cut places, best first: a blank line, a line break, a sentence end, a space.
_BOUNDARIES = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?…])[\"”’)]?\s+"),
    re.compile(r"\s+"),
)


def split_message(text: str, limit: int = TELEGRAM_MAX_CHARS) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at the best boundary in each window.
    A single word longer than ``limit`` is cut hard, as nothing better is possible."""
    text = text.strip()
    pieces: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]  # +1: a boundary right after the limit still counts
        cut = None
        for boundary in _BOUNDARIES:
            matches = [m for m in boundary.finditer(window) if 0 < m.start() <= limit]
            if matches:
                cut = matches[-1]
                break
        if cut is None:
            head, text = text[:limit], text[limit:]
        else:
            head, text = text[: cut.start()], text[cut.end() :]
        head = head.rstrip()
        if head:
            pieces.append(head)
        text = text.lstrip()
    if text:
        pieces.append(text)
    return pieces
