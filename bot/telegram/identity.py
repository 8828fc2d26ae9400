"""Who a Telegram student is to Rasa and the database, without storing who they are to Telegram.

* The sender id is a keyed hash (HMAC-SHA256 with ``sender_hash_key``) of the Telegram user id,
  so the database never holds the user id and nobody without the key can link the two.
* Follow-ups need the chat id. In a private chat Telegram's chat id *equals* the user id, so
  storing it in plain text would undo the hashing. It is stored encrypted (AES-GCM with a key
  derived from the same secret) in ``students.channel_address`` and erased with the student.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Optional

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SENDER_PREFIX = "tg-"
_ADDRESS_PREFIX = "e1:"  # versioned, so the scheme can change without guessing
_NONCE_BYTES = 12


def telegram_sender_id(user_id: int, key: str) -> str:
    digest = hmac.new(key.encode("utf-8"), f"telegram-user:{user_id}".encode("ascii"), hashlib.sha256)
    return SENDER_PREFIX + digest.hexdigest()


def _address_key(key: str) -> bytes:
    # A separate derived key: the hash key itself is never used for two purposes.
    return hmac.new(key.encode("utf-8"), b"telegram-channel-address", hashlib.sha256).digest()


def seal_chat_id(chat_id: int, key: str) -> str:
    """Encrypt a chat id for students.channel_address (fits its 64 characters)."""
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(_address_key(key)).encrypt(nonce, str(chat_id).encode("ascii"), b"lemniscaat")
    return _ADDRESS_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")


def open_chat_id(address: Optional[str], key: str) -> Optional[int]:
    """The chat id from students.channel_address, or None when missing or unreadable
    (for example after the secret changed: such a student is simply not followed up)."""
    if not address or not address.startswith(_ADDRESS_PREFIX):
        return None
    raw = address[len(_ADDRESS_PREFIX):]
    try:
        blob = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        plain = AESGCM(_address_key(key)).decrypt(blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], b"lemniscaat")
        return int(plain.decode("ascii"))
    except Exception:  # InvalidTag, bad base64, bad digits: treat all as "cannot reach"
        return None
