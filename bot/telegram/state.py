"""What the handlers and jobs share, kept in ``application.bot_data`` under one key."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from telegram.ext import Application, ContextTypes

from bot.channels.relay import Relay
from bot.storage.repository import Repository

T = TypeVar("T")
STATE_KEY = "lemniscaat"
RasaCall = Callable[[str, str], Awaitable[list[dict[str, Any]]]]

# Long button payloads wait here under a short key (Telegram's callback_data holds 64 bytes).
# Capped, so a bot that runs for months does not grow without end; a forgotten key only
# means an old button asks the student to type instead.
_MAX_REMEMBERED_PAYLOADS = 10_000


@dataclass
class ChannelState:
    repo: Repository
    hash_key: str  # SENDER_HASH_KEY: the HMAC for tg- sender ids
    rasa: RasaCall
    timezone: ZoneInfo
    quiet_start_hour: int
    quiet_end_hour: int
    clock: Callable[[], datetime]
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    send_attempts: int = 4
    retry_base_delay: float = 1.0
    max_message_chars: int = (
        1500  # longest coach line in practice mode (LEMNISCAAT_MAX_MESSAGE_CHARS)
    )
    chat_id_key: str = ""  # CHAT_ID_KEY: seals chat ids (bot/telegram/identity.py)
    # The one way to Rasa (bot/channels/relay.py), made from repo and rasa; it holds the
    # per-student lock too (relay.lock): two quick messages of one student reach Rasa in order.
    relay: Relay = field(init=False)
    _payloads: OrderedDict[str, str] = field(default_factory=OrderedDict)

    def __post_init__(self) -> None:
        self.relay = Relay(self.repo, "telegram", self.rasa)

    async def db(self, method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a (blocking) repository call off the event loop, so one slow database
        write never holds up the other students."""
        return await asyncio.to_thread(partial(method, *args, **kwargs))

    def remember_payload(self, key: str, payload: str) -> None:
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > _MAX_REMEMBERED_PAYLOADS:
            self._payloads.popitem(last=False)

    def recall_payload(self, key: str) -> str | None:
        return self._payloads.get(key)


def state_of(source: Application | ContextTypes.DEFAULT_TYPE) -> ChannelState:
    return source.bot_data[STATE_KEY]
