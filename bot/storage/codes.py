"""Invite codes as people type them: the alphabet codes are made of, and the normal form a typed
code is compared in. Shared by a coach's invite codes (coaches.py) and practice groups (practice.py)."""

from __future__ import annotations

INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I confusion on a phone


def normalise_invite_code(code: str | None) -> str:
    return (code or "").strip().upper().replace("-", "").replace(" ", "")
