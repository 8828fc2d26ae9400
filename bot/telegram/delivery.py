"""Getting messages to the student: one retry wrapper for every Telegram call, answers from
Rasa turned into Telegram messages, and the typing indicator."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import timedelta
from typing import Any, TypeVar

from telegram import Bot, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatAction
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

from bot.telegram.splitting import split_message
from bot.telegram.state import ChannelState

log = logging.getLogger(__name__)
T = TypeVar("T")

CALLBACK_DATA_MAX_BYTES = 64
RASA_BUTTON = "r:"  # the payload itself follows
RASA_BUTTON_KEY = "k:"  # a short key for a payload too long to travel along


async def telegram_call(
    make_call: Callable[[], Awaitable[T]],
    *,
    attempts: int = 4,
    base_delay: float = 1.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run one Bot API call; wait out flood control and ride out short network trouble.

    RetryAfter: Telegram says how long to wait, so wait exactly that (plus a little).
    TimedOut / NetworkError: back off exponentially for a few attempts.
    BadRequest is a NetworkError subclass in PTB but is our own mistake: never retried.
    """
    delay = base_delay
    for attempt in range(1, attempts + 1):
        try:
            return await make_call()
        except RetryAfter as error:
            if attempt == attempts:
                raise
            wait = error.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            log.warning("Telegram flood control: waiting %.1f s (attempt %d)", seconds, attempt)
            await sleep(seconds + 0.1)
        except BadRequest:
            raise
        except NetworkError as error:  # includes TimedOut
            if attempt == attempts:
                raise
            log.warning(
                "Telegram network trouble (%s): retry in %.1f s", type(error).__name__, delay
            )
            await sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


async def send_text(
    bot: Bot,
    state: ChannelState,
    chat_id: int,
    text: str,
    keyboard: InlineKeyboardMarkup | None = None,
) -> Message:
    """Send a text (split at Telegram's limit), retrying on network errors and flood control."""
    return await telegram_call(
        lambda: bot.send_message(chat_id=chat_id, text=text, reply_markup=keyboard),
        attempts=state.send_attempts,
        base_delay=state.retry_base_delay,
        sleep=state.sleep,
    )


def keyboard_of(rows: Sequence[Sequence[tuple]]) -> InlineKeyboardMarkup:
    """Rows of (title, callback_data) pairs."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(title, callback_data=data) for title, data in row] for row in rows]
    )


def rasa_button_data(state: ChannelState, payload: str) -> str:
    """Callback data for a Rasa button. Short payloads travel along; longer ones stay here
    under a short, stable key (a hash, so the same payload always gets the same key)."""
    direct = RASA_BUTTON + payload
    if len(direct.encode("utf-8")) <= CALLBACK_DATA_MAX_BYTES:
        return direct
    key = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]
    state.remember_payload(key, payload)
    return RASA_BUTTON_KEY + key


def rasa_payload_of(state: ChannelState, data: str) -> str | None:
    if data.startswith(RASA_BUTTON):
        return data[len(RASA_BUTTON) :]
    if data.startswith(RASA_BUTTON_KEY):
        return state.recall_payload(data[len(RASA_BUTTON_KEY) :])
    return None


def rasa_keyboard(
    state: ChannelState, buttons: list[dict[str, Any]]
) -> InlineKeyboardMarkup | None:
    rows = []
    for button in buttons or []:
        title = str(button.get("title") or button.get("payload") or "").strip()
        payload = str(button.get("payload") or title)
        if title:
            # One button per row: titles are whole phrases and must stay readable on a phone.
            rows.append([(title, rasa_button_data(state, payload))])
    return keyboard_of(rows) if rows else None


async def send_answers(
    bot: Bot, state: ChannelState, chat_id: int, answers: list[dict[str, Any]]
) -> None:
    """Send Rasa's answers in order; long texts are split, buttons go under the last piece."""
    for answer in answers:
        text = (answer.get("text") or "").strip()
        keyboard = rasa_keyboard(state, answer.get("buttons") or [])
        if not text:
            if keyboard is None:
                continue  # images or custom payloads: this channel shows text only
            text = "\u2b07\ufe0f"  # Telegram needs some text to carry buttons
        pieces = split_message(text)
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            await send_text(bot, state, chat_id, piece, keyboard if last else None)


@contextlib.asynccontextmanager
async def typing_indicator(bot: Bot, chat_id: int, every: float = 4.0) -> AsyncIterator[None]:
    """Show "typing..." while Rasa thinks. Telegram shows it for about 5 seconds, so it is
    repeated. It is only decoration: failures are ignored and never retried."""

    async def keep_typing() -> None:
        """Show the typing indicator until the answer is ready."""
        while True:
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
            await asyncio.sleep(every)

    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def close_buttons(query: CallbackQuery) -> None:
    """Remove the buttons of a pressed message and show what was chosen, so the chat reads
    like a conversation and the same button cannot be pressed twice."""
    message = query.message
    if not isinstance(message, Message):
        return
    chosen = None
    if message.reply_markup:
        for row in message.reply_markup.inline_keyboard:
            for button in row:
                if button.callback_data == query.data:
                    chosen = button.text
    with contextlib.suppress(TelegramError):
        if message.text and chosen:
            await message.edit_text(f"{message.text}\n\n\u2714\ufe0f {chosen}", reply_markup=None)
        else:
            await message.edit_reply_markup(reply_markup=None)
