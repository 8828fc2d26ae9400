"""Who a Telegram student is to Rasa and the database, without storing who they are to Telegram.

* The sender id is a keyed hash (HMAC-SHA256 with ``SENDER_HASH_KEY``) of the Telegram user id,
  so the database never holds the user id and nobody without the key can link the two.
* Follow-ups need the chat id. In a private chat Telegram's chat id *equals* the user id, so
  storing it in plain text would undo the hashing. It is stored encrypted in
  ``students.channel_address`` (AES-GCM with a key derived from ``CHAT_ID_KEY``, a key of its
  own: knowing the hash key does not open chat ids, and the other way round) and erased with
  the student. The associated data is the student's sender id, so a sealed chat id copied to
  another student's row does not open there.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SENDER_PREFIX = "tg-"
# Versioned, so the scheme can change without guessing. "e1:" (a key derived from the hash key,
# fixed associated data) is no longer opened: such a student is re-sealed at their next message.
_ADDRESS_PREFIX = "e2:"
_NONCE_BYTES = 12


def telegram_sender_id(user_id: int, key: str) -> str:
    digest = hmac.new(
        key.encode("utf-8"), f"telegram-user:{user_id}".encode("ascii"), hashlib.sha256
    )
    return SENDER_PREFIX + digest.hexdigest()


def _address_key(key: str) -> bytes:
    # Derived with a purpose label, so the configured key is never used raw.
    return hmac.new(key.encode("utf-8"), b"telegram-channel-address", hashlib.sha256).digest()


def _associated_data(sender_id: str) -> bytes:
    return b"lemniscaat-chat-id:" + sender_id.encode("utf-8")


def seal_chat_id(chat_id: int, key: str, sender_id: str) -> str:
    """Encrypt a chat id for students.channel_address of ``sender_id`` (fits its 64 characters)."""
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(_address_key(key)).encrypt(
        nonce, str(chat_id).encode("ascii"), _associated_data(sender_id)
    )
    return _ADDRESS_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")


def open_chat_id(address: str | None, key: str, sender_id: str) -> int | None:
    """The chat id from students.channel_address of ``sender_id``, or None when missing or
    unreadable (another key, another student's row, an old scheme: all mean "cannot reach")."""
    if not address or not address.startswith(_ADDRESS_PREFIX):
        return None
    raw = address[len(_ADDRESS_PREFIX) :]
    try:
        blob = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        plain = AESGCM(_address_key(key)).decrypt(
            blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], _associated_data(sender_id)
        )
        return int(plain.decode("ascii"))
    except Exception:  # InvalidTag, bad base64, bad digits: treat all as "cannot reach"
        return None
