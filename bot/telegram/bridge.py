"""The way from a student's message to Rasa and back, including what happens when Rasa is
away: the student gets an apology, the message is kept, and it is answered later, in order."""
from __future__ import annotations

import contextlib
import logging
from itertools import groupby
from typing import Any, Dict, List

from telegram import Bot

from bot.channels.rasa_client import RasaUnavailable
from bot.telegram import texts
from bot.telegram.delivery import keyboard_of, send_answers, send_text, typing_indicator
from bot.telegram.identity import open_chat_id
from bot.telegram.state import ChannelState

log = logging.getLogger(__name__)

ACCEPT_TERMS = "t:ok"
_QUOTE_MAX = 200


async def offer_terms(bot: Bot, state: ChannelState, chat_id: int) -> None:
    await send_text(bot, state, chat_id, texts.WELCOME, keyboard_of([[(texts.ACCEPT_BUTTON, ACCEPT_TERMS)]]))


async def say_to_rasa(bot: Bot, state: ChannelState, sender_id: str, chat_id: int, text: str,
                      holding_lock: bool = False) -> bool:
    """Pass one message of the student to Rasa and deliver the answers.

    Returns False when the message could not be answered now (it is then kept).
    Nothing reaches Rasa before the student accepted how their data is used.
    ``holding_lock``: the caller already holds the student's lock (it looked at practice mode first).
    """
    if not await state.db(state.repo.has_accepted_terms, sender_id):
        await send_text(bot, state, chat_id, texts.NEEDS_ACCEPT)
        await offer_terms(bot, state, chat_id)
        return False
    async with (contextlib.nullcontext() if holding_lock else state.lock_for(sender_id)):
        # Older kept messages first, so Rasa hears the student in the order they wrote.
        waiting = await state.db(state.repo.pending_messages, "telegram", sender_id)
        if waiting and not await _replay(bot, state, waiting):
            return await _keep(bot, state, sender_id, chat_id, text)
        try:
            async with typing_indicator(bot, chat_id):
                answers = await state.rasa(sender_id, text)
        except RasaUnavailable as error:
            log.warning("Rasa unavailable, keeping the message: %s", error)
            return await _keep(bot, state, sender_id, chat_id, text)
        await send_answers(bot, state, chat_id, answers)
        return True


async def _keep(bot: Bot, state: ChannelState, sender_id: str, chat_id: int, text: str) -> bool:
    await state.db(state.repo.keep_pending_message, sender_id, text)
    await send_text(bot, state, chat_id, texts.pick(texts.RASA_DOWN))
    return False


async def _replay(bot: Bot, state: ChannelState, messages: List[Dict[str, Any]]) -> bool:
    """Send kept messages (of one student, oldest first) to Rasa and deliver the answers.
    Stops at the first failure, leaving the rest in order; returns True when all went."""
    for message in messages:
        try:
            answers = await state.rasa(message["sender_id"], message["text"])
        except RasaUnavailable:
            return False
        # Rasa has heard it now: delete before delivering, so a delivery problem can never
        # make Rasa hear the same message twice.
        await state.db(state.repo.delete_pending_message, message["id"])
        chat_id = open_chat_id(message["channel_address"], state.chat_id_key, message["sender_id"])
        if chat_id is None:
            log.error("Kept message %s answered by Rasa but the chat is unknown", message["id"])
            continue
        quote = message["text"] if len(message["text"]) <= _QUOTE_MAX else message["text"][:_QUOTE_MAX] + "\u2026"
        try:
            await send_text(bot, state, chat_id, texts.REPLAY_INTRO.format(text=quote))
            await send_answers(bot, state, chat_id, answers)
        except Exception:  # logged loudly, never silently dropped
            log.exception("Could not deliver the answer to kept message %s", message["id"])
    return True


async def replay_pending(bot: Bot, state: ChannelState) -> int:
    """One round of the retry job: answer every kept message, student by student.
    Returns how many students were fully caught up."""
    waiting = await state.db(state.repo.pending_messages, "telegram")
    caught_up = 0
    for sender_id, group in groupby(waiting, key=lambda m: m["sender_id"]):
        async with state.lock_for(sender_id):
            # Re-read under the lock: a handler may have replayed these meanwhile.
            fresh = await state.db(state.repo.pending_messages, "telegram", sender_id)
            if not fresh:
                continue
            if not await _replay(bot, state, fresh):
                break  # Rasa is still away; try again next round
            caught_up += 1
    return caught_up
