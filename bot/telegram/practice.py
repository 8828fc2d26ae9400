"""Practice mode in Telegram (/oefenen): a coach leads a conversation with a simulated student
and gets feedback on the ten rules afterwards. Rasa is not involved.

What happens in a session is decided by bot/practice/service.py (shared with the web); this
module keeps only Telegram's own part: the persona keyboard, the finish words and the chat texts.
The service's calls block (database, replay), so they run off the event loop.
"""

from __future__ import annotations

import re
from typing import Any

from telegram import Bot

from bot.practice import service
from bot.practice.service import persona_name  # noqa: F401  (the handlers name the persona)
from bot.telegram import texts
from bot.telegram.delivery import keyboard_of, send_answers, send_text
from bot.telegram.state import ChannelState

PERSONA_BUTTON = "o:"  # the persona key follows
# A whole message like this ends the session, like /klaar.
_FINISH_WORDS = re.compile(r"^\s*(klaar|stop|stoppen)\s*[.!]*\s*$", re.IGNORECASE)


def persona_data(key: str) -> str:
    return PERSONA_BUTTON + key


def persona_of(data: str) -> str | None:
    """The persona key of a pressed menu button, or None for anything unknown (forged, old)."""
    if not data.startswith(PERSONA_BUTTON):
        return None
    key = data[len(PERSONA_BUTTON) :]
    return key if service.is_persona(key) else None


def is_finish_word(text: str) -> bool:
    return bool(_FINISH_WORDS.match(text or ""))


def _service(state: ChannelState) -> service.PracticeService:
    return service.PracticeService(state.repo, max_chars=state.max_message_chars)


async def active_practice(state: ChannelState, sender_id: str) -> dict[str, Any] | None:
    """The sender's running practice session (with transcript), or None."""
    return await state.db(_service(state).running, sender_id)


# ---- what the coach sees ----


async def show_menu(bot: Bot, state: ChannelState, chat_id: int) -> None:
    """Show the persona menu for a new practice session."""
    lines = [texts.PRACTICE_MENU, ""]
    rows = []
    for key, line in service.persona_menu():
        lines.append(texts.PRACTICE_MENU_LINE.format(line=line))
        # The button shows the name and age only; the whole line is in the message above.
        rows.append([(line.split(":")[0].strip(), persona_data(key))])
    await send_text(bot, state, chat_id, "\n".join(lines), keyboard_of(rows))


async def join_group(
    bot: Bot, state: ChannelState, sender_id: str, chat_id: int, code: str
) -> None:
    """/oefenen CODE: join a trainer's practice group; only that trainer sees this chat's practice."""
    group = await state.db(state.repo.join_practice_group, code, trainee_sender_id=sender_id)
    await send_text(
        bot,
        state,
        chat_id,
        texts.PRACTICE_GROUP_UNKNOWN
        if group is None
        else texts.PRACTICE_GROUP_JOINED.format(name=group["name"]),
    )


async def start(bot: Bot, state: ChannelState, sender_id: str, chat_id: int, persona: str) -> int:
    """End a running session (stored, feedback sent), then start a new one. Call under the sender's lock."""
    running = await active_practice(state, sender_id)
    if running is not None:
        await finish(bot, state, chat_id, running, interrupted=True)
    session_id = await state.db(_service(state).start, persona, trainee_sender_id=sender_id)
    await send_text(bot, state, chat_id, texts.PRACTICE_INTRO.format(name=persona_name(persona)))
    return session_id


async def coach_says(
    bot: Bot, state: ChannelState, chat_id: int, row: dict[str, Any], text: str
) -> None:
    """One line of the coach: the simulated student answers (the service stores it first)."""
    name = persona_name(row["persona"])
    if text.strip().startswith("/"):
        # An unknown command is not something the coach says to the student; a real person in
        # crisis still gets the real reply first.
        reply = await state.db(service.crisis_reply, text)
        await send_text(
            bot,
            state,
            chat_id,
            reply if reply is not None else texts.PRACTICE_HELP.format(name=name),
        )
        return
    outcome = await state.db(_service(state).say, row, text)
    if outcome.status == service.CRISIS:
        await send_answers(bot, state, chat_id, [{"text": outcome.text, "buttons": []}])
        return
    await send_text(
        bot,
        state,
        chat_id,
        outcome.text
        if outcome.status == service.REPLY
        else SAY_TEXTS[outcome.status].format(name=name, limit=state.max_message_chars),
    )


# Telegram's own words for a line the student does not answer.
SAY_TEXTS = {
    service.EMPTY: texts.PRACTICE_HELP,
    service.TOO_LONG: texts.PRACTICE_TOO_LONG,
    service.FULL: texts.PRACTICE_FULL,
    service.BROKEN: texts.PRACTICE_BROKEN,
    service.ALREADY_FINISHED: texts.PRACTICE_NOT_ACTIVE,
}


async def finish(
    bot: Bot, state: ChannelState, chat_id: int, row: dict[str, Any], interrupted: bool = False
) -> None:
    """Close the session: store the report (when the coach said anything) and send the feedback."""
    name = persona_name(row["persona"])
    outcome = await state.db(_service(state).finish, row)
    if outcome.status == service.BROKEN:
        await send_text(bot, state, chat_id, texts.PRACTICE_BROKEN)
        return
    if outcome.status == service.NOTHING_SAID:
        await send_text(bot, state, chat_id, texts.PRACTICE_ENDED_EMPTY.format(name=name))
        return
    if interrupted:
        await send_text(bot, state, chat_id, texts.PRACTICE_INTERRUPTED.format(name=name))
    await send_answers(bot, state, chat_id, [{"text": outcome.text}])
    await send_text(bot, state, chat_id, texts.PRACTICE_AFTER_REPORT)
