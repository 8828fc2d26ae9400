"""Coach accounts and invite codes, for the CLI (``lemniscaat coach add|invite``)."""

from __future__ import annotations

from bot.storage.repository import Repository
from bot.web.security import hash_password

MIN_PASSWORD_LENGTH = 10


def add_coach(
    email: str,
    password: str,
    is_admin: bool = False,
    is_trainer: bool = False,
    repo: Repository | None = None,
) -> int:
    """Create a coach account; returns its id. Raises ValueError for a bad e-mail, a short
    password or an e-mail that already has an account."""
    email = (email or "").strip().lower()
    if "@" not in email or len(email) > 254:
        raise ValueError("geen geldig e-mailadres")
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValueError(f"het wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens hebben")
    repo = repo or Repository()
    if repo.find_coach_by_email(email) is not None:
        raise ValueError(f"er bestaat al een coach met e-mailadres {email}")
    return repo.add_coach(email, hash_password(password), is_admin=is_admin, is_trainer=is_trainer)


def create_invite(email: str, repo: Repository | None = None) -> str:
    """Make an invite code for the coach with this e-mail; the student sends ``/koppel CODE``."""
    repo = repo or Repository()
    coach = repo.find_coach_by_email(email)
    if coach is None:
        raise LookupError(f"geen coach met e-mailadres {email}")
    return repo.create_invite_code(coach.id)  # audited there, by a fingerprint of the code
