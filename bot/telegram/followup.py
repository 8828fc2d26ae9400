"""Asking, on the due date, how an action step went (rule: the loop starts again from a new
experience). Sent once per step, and only in daytime, Europe/Amsterdam."""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.nlp.second_person import step_for_student
from bot.telegram import texts
from bot.telegram.bridge import say_to_rasa
from bot.telegram.delivery import keyboard_of, send_text
from bot.telegram.identity import open_chat_id
from bot.telegram.state import ChannelState, state_of

log = logging.getLogger(__name__)

FOLLOWUP_PREFIX = "f:"
# What a follow-up answer does to the step: done, still open (the student may still do it),
# or it went differently (the step was adjusted along the way).
STATUS_OF_ANSWER = {"g": "gedaan", "n": "open", "a": "bijgesteld"}


def in_daytime(now_local: datetime, start_hour: int, end_hour: int) -> bool:
    return start_hour <= now_local.hour < end_hour


def followup_data(step_id: int, code: str) -> str:
    return f"{FOLLOWUP_PREFIX}{step_id}:{code}"


def parse_followup_data(data: str):
    """(step_id, code) or None for anything malformed (callback data can be forged)."""
    try:
        step_text, code = data[len(FOLLOWUP_PREFIX) :].split(":", 1)
        step_id = int(step_text)
    except ValueError:
        return None
    return (step_id, code) if code in STATUS_OF_ANSWER else None


async def send_due_followups(bot: Bot, state: ChannelState, now: datetime) -> int:
    """Send every follow-up that is due at ``now``; return how many were sent."""
    local = now.astimezone(state.timezone)
    if not in_daytime(local, state.quiet_start_hour, state.quiet_end_hour):
        return 0
    sent = 0
    for step in await state.db(state.repo.steps_due_for_followup, local.date(), "telegram"):
        chat_id = open_chat_id(step["channel_address"], state.chat_id_key, step["sender_id"])
        if chat_id is None:
            log.warning("Step %s: the student's chat cannot be read; no follow-up", step["step_id"])
            continue
        # Claimed before it is sent: of two processes (or two rounds) only the one whose
        # claim took effect sends it, so a follow-up never goes out twice.
        if not await state.db(state.repo.mark_followup_sent, step["step_id"]):
            continue
        question = texts.pick(texts.FOLLOWUP_QUESTION).format(what=step_for_student(step["what"]))
        keyboard = keyboard_of(
            [
                [(title, followup_data(step["step_id"], code))]
                for code, title in texts.FOLLOWUP_BUTTONS.items()
            ]
        )
        try:
            await send_text(
                bot, state, chat_id, f"{question}\n{texts.FOLLOWUP_TYPE_HINT}", keyboard
            )
        except (Forbidden, BadRequest) as error:
            # The student blocked the bot or the chat is gone: asking again will not help,
            # so the claim stays.
            log.warning(
                "Step %s: follow-up refused by Telegram (%s); not retried", step["step_id"], error
            )
        except TelegramError as error:
            # Network trouble: give the claim back, the next round tries again.
            log.warning(
                "Step %s: follow-up not sent (%s); next round tries again", step["step_id"], error
            )
            await state.db(state.repo.release_followup, step["step_id"])
        else:
            sent += 1
    return sent


async def followup_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """JobQueue job: send the follow-ups that are due now."""
    state = state_of(context)
    await send_due_followups(context.bot, state, state.clock())


async def answer_followup(
    bot: Bot, state: ChannelState, sender_id: str, chat_id: int, data: str
) -> bool:
    """A follow-up button was pressed: record the step's new status, then let Rasa hear the
    answer in the student's words, so the talk can go on from this new experience."""
    parsed = parse_followup_data(data)
    if parsed is None:
        return False
    step_id, code = parsed
    if not await state.db(
        state.repo.set_own_step_status, sender_id, step_id, STATUS_OF_ANSWER[code]
    ):
        return False
    await say_to_rasa(bot, state, sender_id, chat_id, texts.FOLLOWUP_SAID[code])
    return True
