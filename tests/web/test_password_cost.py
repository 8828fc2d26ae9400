"""The product hashes coaches' passwords with argon2id at full cost (the tests run a cheaper
argon2id in-process, tests/conftest.py)."""

from __future__ import annotations

from argon2 import Type


def test_passwords_are_hashed_with_argon2id_at_full_cost(production_hasher):
    assert production_hasher.type is Type.ID
    assert production_hasher.time_cost >= 3 and production_hasher.memory_cost >= 64 * 1024
    made = production_hasher.hash("een wachtwoord")
    assert made.startswith("$argon2id$") and production_hasher.verify(made, "een wachtwoord")
