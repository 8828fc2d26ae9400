"""The way from a student's message to Rasa and back, through the one relay every channel uses
(``bot/channels/relay.py``): the crisis check first, the message kept when Rasa cannot answer
now (the student gets an apology), kept messages answered later, in order, exactly once.
This module only turns the relay's answers into Telegram messages."""

from __future__ import annotations

import logging

from telegram import Bot

from bot.channels import notices
from bot.channels.relay import Replayed, Turn
from bot.telegram import texts
from bot.telegram.delivery import keyboard_of, send_answers, send_text, typing_indicator
from bot.telegram.identity import open_chat_id
from bot.telegram.state import ChannelState

log = logging.getLogger(__name__)

ACCEPT_TERMS = "t:ok"
_QUOTE_MAX = 200


async def offer_terms(bot: Bot, state: ChannelState, chat_id: int) -> None:
    """Show the privacy terms with the Akkoord button."""
    terms = texts.welcome(state.quiet_start_hour, state.quiet_end_hour)
    await send_text(
        bot, state, chat_id, terms, keyboard_of([[(texts.ACCEPT_BUTTON, ACCEPT_TERMS)]])
    )


async def say_to_rasa(
    bot: Bot,
    state: ChannelState,
    sender_id: str,
    chat_id: int,
    text: str,
    holding_lock: bool = False,
    message_id: str | None = None,
) -> bool:
    """Pass one message of the student through the relay and deliver the turn.

    Returns False when the message could not be answered now (kept, refused, or the database
    away). The relay holds the consent gate: a student who has not accepted the terms gets the
    crisis reply when needed, the notice, and then the terms.
    ``holding_lock``: the caller already holds the student's lock (it looked at practice mode first).
    ``message_id``: Telegram's id of the message, so Rasa makes one turn of it however often it comes.
    """
    async with typing_indicator(bot, chat_id):
        turn = await state.relay.handle(
            sender_id, text, holding_lock=holding_lock, message_id=message_id
        )
    await deliver_turn(bot, state, chat_id, turn)
    if turn.notice is not None and turn.notice.name == notices.NEEDS_TERMS:
        await offer_terms(bot, state, chat_id)
        return False
    return not (turn.kept or turn.unavailable)


async def deliver_turn(bot: Bot, state: ChannelState, chat_id: int, turn: Turn) -> None:
    """Send one turn to the chat: earlier kept answers first, the part when a new one starts,
    the answers, then the turn's notice."""
    for replayed in turn.replayed:
        await _deliver_replayed(bot, state, chat_id, replayed)
    if turn.part_changed and turn.part in texts.PART_STARTED:
        await send_text(bot, state, chat_id, texts.PART_STARTED[turn.part])
    await send_answers(bot, state, chat_id, turn.answers)
    if turn.notice is not None:
        await send_text(bot, state, chat_id, turn.notice.text)


async def _deliver_replayed(
    bot: Bot, state: ChannelState, chat_id: int, replayed: Replayed
) -> None:
    """Send the answers to a message that was kept while Rasa was down."""
    text = replayed.text
    quote = text if len(text) <= _QUOTE_MAX else text[:_QUOTE_MAX] + "\u2026"
    await send_text(bot, state, chat_id, notices.text(notices.REPLAYED, text=quote))
    await send_answers(bot, state, chat_id, replayed.answers)


async def replay_pending(bot: Bot, state: ChannelState) -> int:
    """One round of the retry job: answer every kept message, student by student, each
    delivered as soon as Rasa answered it. Returns how many were answered."""

    async def deliver(replayed: Replayed) -> None:
        """Send the answer to one kept message to its student's chat."""
        chat_id = open_chat_id(replayed.channel_address, state.chat_id_key, replayed.sender_id)
        if chat_id is None:
            log.error("Kept message %s answered by Rasa but the chat is unknown", replayed.id)
            return
        await _deliver_replayed(bot, state, chat_id, replayed)

    return len(await state.relay.replay_all(deliver=deliver))
