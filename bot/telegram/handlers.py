"""Small async handlers, one per kind of update. They translate Telegram into "a message of
this student" and leave the conversation itself to Rasa."""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from telegram import CallbackQuery, Update
from telegram.ext import ContextTypes

from bot.channels import notices
from bot.steps_text import steps_text
from bot.storage.errors import STORAGE_DOWN
from bot.storage.views import StepView
from bot.student_export import EXPORT_FILENAME, export_json
from bot.telegram import practice, texts
from bot.telegram.bridge import deliver_turn, offer_terms, say_to_rasa
from bot.telegram.delivery import (
    close_buttons,
    keyboard_of,
    rasa_payload_of,
    send_text,
    telegram_call,
)
from bot.telegram.followup import FOLLOWUP_PREFIX, answer_followup
from bot.telegram.identity import open_chat_id, seal_chat_id, telegram_sender_id
from bot.telegram.state import ChannelState, state_of

log = logging.getLogger(__name__)

FORGET_YES = "v:ja"
FORGET_NO = "v:nee"

# Menu commands that Rasa answers: the student REST channel maps a bare "/name" to an intent.
FORWARDED_COMMANDS = {"help": "/help", "nieuw": "/restart", "pauze": "/pauze", "verder": "/verder"}
# What a pressed Akkoord should lead to when the terms were offered on the way to something else.
AFTER_TERMS = "after_terms"


def _who(update: Update, state: ChannelState) -> tuple[str, int]:
    """(sender_id, chat_id) of the update; the Telegram user id itself goes no further."""
    user = update.effective_user
    assert user is not None, "every update handled here comes from a user"
    return telegram_sender_id(user.id, state.hash_key), _chat_id(update)


def _chat_id(update: Update) -> int:
    chat = update.effective_chat
    assert chat is not None, "every update handled here comes from a chat (none are inline)"
    return chat.id


def _query(update: Update) -> CallbackQuery:
    """The pressed button (a CallbackQueryHandler passes only updates that have one)."""
    query = update.callback_query
    assert query is not None, "registered with a CallbackQueryHandler"
    return query


def _text(update: Update) -> str:
    """The typed text (MessageHandler(filters.TEXT) and CommandHandler pass only text)."""
    message = update.effective_message
    assert message is not None and message.text is not None, "registered for text messages"
    return message.text


def _user_data(context: ContextTypes.DEFAULT_TYPE) -> dict[Any, Any]:
    """The student's own data in PTB (there for every update from a user, as all of ours are)."""
    assert context.user_data is not None, "every update handled here comes from a user"
    return context.user_data


async def _remember_chat(state: ChannelState, sender_id: str, chat_id: int) -> None:
    """Keep the (sealed) chat id current for follow-ups; only for students who accepted."""
    stored = await state.db(state.repo.channel_address_of, sender_id)
    if stored is not None and open_chat_id(stored, state.chat_id_key, sender_id) != chat_id:
        await state.db(
            state.repo.ensure_student,
            sender_id,
            "telegram",
            seal_chat_id(chat_id, state.chat_id_key, sender_id),
        )


# ---- /start and the terms ----


async def start_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: greet a student who accepted the terms, or offer the terms first."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    if await state.relay.accepted(sender_id):
        await _remember_chat(state, sender_id, chat_id)
        await say_to_rasa(context.bot, state, sender_id, chat_id, "hallo")
    else:
        await offer_terms(context.bot, state, chat_id)


async def accept_terms_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Akkoord pressed: store the acceptance and start the conversation."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    query = _query(update)
    await query.answer()
    await close_buttons(query)
    already = await state.relay.accepted(sender_id)
    await state.relay.accept(sender_id, seal_chat_id(chat_id, state.chat_id_key, sender_id))
    await send_text(
        context.bot, state, chat_id, texts.ALREADY_ACCEPTED if already else texts.ACCEPTED
    )
    if _user_data(context).pop(AFTER_TERMS, None) == "oefenen":
        await practice.show_menu(context.bot, state, chat_id)
        return
    await say_to_rasa(context.bot, state, sender_id, chat_id, "hallo")


# ---- everything the student types ----


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A typed message: to the running practice session, or to Rasa, in the order sent."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    await _remember_chat(state, sender_id, chat_id)
    text = _text(update)
    async with state.relay.lock(sender_id):
        running = await practice.active_practice(state, sender_id)
        if running is not None:  # practising: the simulated student answers, Rasa hears nothing
            if practice.is_finish_word(text):
                await practice.finish(context.bot, state, chat_id, running)
            else:
                await practice.coach_says(context.bot, state, chat_id, running, text)
            return
        # Under the same lock: one student's messages reach Rasa in the order they were sent.
        # Telegram's message id (unique in the chat): an update delivered again makes no new turn.
        message = update.effective_message
        message_id = f"telegram-{message.message_id}" if message is not None else None
        await say_to_rasa(
            context.bot, state, sender_id, chat_id, text, holding_lock=True, message_id=message_id
        )


async def forwarded_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help, /nieuw, /pauze, /verder: Rasa decides what they mean in the conversation.
    During practice /nieuw first closes the practice session (feedback sent), then goes to
    Rasa; /help, /pauze and /verder explain practice mode instead (the session stays stored)."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    command = _command_name(_text(update))
    async with state.relay.lock(sender_id):
        running = await practice.active_practice(state, sender_id)
        if running is not None:
            if command != "nieuw":
                name = practice.persona_name(running["persona"])
                await send_text(context.bot, state, chat_id, texts.PRACTICE_HELP.format(name=name))
                return
            await practice.finish(context.bot, state, chat_id, running, interrupted=True)
        await say_to_rasa(
            context.bot, state, sender_id, chat_id, FORWARDED_COMMANDS[command], holding_lock=True
        )


# ---- practice mode for coaches (bot/telegram/practice.py) ----


async def practice_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/oefenen: the persona menu. The session starts when a persona is chosen; a running
    session is closed then (not now, so a coach who only looks at the menu keeps practising)."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    if not await state.relay.accepted(sender_id):
        # The transcript is stored under their code, so the same terms apply first.
        _user_data(context)[AFTER_TERMS] = "oefenen"
        await send_text(context.bot, state, chat_id, notices.text(notices.NEEDS_TERMS))
        await offer_terms(context.bot, state, chat_id)
        return
    if context.args:  # /oefenen CODE: join a trainer's practice group first
        await practice.join_group(context.bot, state, sender_id, chat_id, " ".join(context.args))
    await practice.show_menu(context.bot, state, chat_id)


async def persona_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A persona chosen from the practice menu: start that session."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    query = _query(update)
    persona = practice.persona_of(query.data or "")
    if persona is None:
        await query.answer(text=texts.STALE_BUTTON, show_alert=True)
        return
    await query.answer()
    await close_buttons(query)
    if not await state.relay.accepted(sender_id):  # an old menu after /vergeet
        _user_data(context)[AFTER_TERMS] = "oefenen"
        await offer_terms(context.bot, state, chat_id)
        return
    async with state.relay.lock(sender_id):
        await practice.start(context.bot, state, sender_id, chat_id, persona)


async def finish_practice_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/klaar: close the running practice session and send the feedback."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    async with state.relay.lock(sender_id):
        running = await practice.active_practice(state, sender_id)
        if running is None:
            await send_text(context.bot, state, chat_id, texts.PRACTICE_NOT_ACTIVE)
            return
        await practice.finish(context.bot, state, chat_id, running)


async def link_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/koppel CODE goes to Rasa as typed (without a "@botname" suffix); Rasa links the coach."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    text = re.sub(r"^/koppel(@\w+)?", "/koppel", _text(update).strip(), flags=re.IGNORECASE)
    await say_to_rasa(context.bot, state, sender_id, chat_id, text)


def _command_name(text: str) -> str:
    return text.split()[0].lstrip("/").split("@")[0].lower()


async def media_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos, voice, video, documents: kindly ask for text. Nothing is stored."""
    state = state_of(context)
    await send_text(context.bot, state, _chat_id(update), texts.pick(texts.ONLY_TEXT))


# ---- the student's own data ----


def format_actions(steps: list[StepView]) -> str:
    if not steps:
        return texts.NO_ACTIONS
    return f"{texts.ACTIONS_HEADER}\n\n{steps_text(steps, listing=True)}"


async def actions_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/acties: list the student's action steps."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    steps = await state.db(state.repo.action_steps_of, sender_id)
    await send_text(context.bot, state, chat_id, format_actions(steps))


async def my_data_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/mijngegevens: send everything stored about the student as a JSON file."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    export = await state.db(state.repo.export_student, sender_id)
    if export is None:
        await send_text(context.bot, state, chat_id, texts.NOTHING_STORED)
        return
    content = export_json(export)
    await telegram_call(
        lambda: context.bot.send_document(
            chat_id=chat_id,
            document=io.BytesIO(content),
            filename=EXPORT_FILENAME,
            caption=texts.EXPORT_CAPTION,
        ),
        attempts=state.send_attempts,
        base_delay=state.retry_base_delay,
        sleep=state.sleep,
    )


async def forget_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/vergeet: ask for confirmation before erasing everything."""
    state = state_of(context)
    keyboard = keyboard_of([[(texts.FORGET_YES, FORGET_YES), (texts.FORGET_NO, FORGET_NO)]])
    await send_text(context.bot, state, _chat_id(update), texts.FORGET_QUESTION, keyboard)


async def forget_answered(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The answer to /vergeet: erase everything, or keep it."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    query = _query(update)
    await query.answer()
    await close_buttons(query)
    if query.data != FORGET_YES:
        await send_text(context.bot, state, chat_id, texts.NOT_FORGOTTEN)
        return
    async with state.relay.lock(sender_id):  # not in the middle of one of their messages
        await state.db(state.repo.erase_student, sender_id)
    _user_data(context).clear()
    await send_text(context.bot, state, chat_id, texts.FORGOTTEN)


async def withdraw_consent_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/nietdelen: take back sharing of every conversation; the coach no longer sees them."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    withdrawn = await state.db(state.repo.withdraw_consent, sender_id)
    await send_text(
        context.bot,
        state,
        chat_id,
        notices.text(notices.CONSENT_WITHDRAWN if withdrawn else notices.NOTHING_SHARED),
    )


async def share_again_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/delen: what was shared with an earlier coach becomes visible to the current coach."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    shared = await state.db(state.repo.share_again, sender_id)
    answer = notices.SHARED_AGAIN if shared else notices.NOTHING_TO_SHARE_AGAIN
    await send_text(context.bot, state, chat_id, notices.text(answer))


# ---- buttons under Rasa's answers and under follow-ups ----


async def button_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An inline button from Rasa or a follow-up: answer it as the student's message."""
    state = state_of(context)
    sender_id, chat_id = _who(update, state)
    query = _query(update)
    data = query.data or ""
    if data.startswith(FOLLOWUP_PREFIX):
        await query.answer()
        await close_buttons(query)
        if not await answer_followup(context.bot, state, sender_id, chat_id, data):
            await send_text(context.bot, state, chat_id, texts.STALE_BUTTON)
        return
    payload = rasa_payload_of(state, data)
    if payload is None:
        await query.answer(text=texts.STALE_BUTTON, show_alert=True)
        return
    await query.answer()
    await close_buttons(query)
    await say_to_rasa(context.bot, state, sender_id, chat_id, payload)


async def log_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log an error without the message text."""
    # Only the error: message texts are the student's and stay out of the logs.
    log.error("Error while handling an update", exc_info=context.error)


async def answer_when_down(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The database was away before the message reached the relay (the terms, practice mode,
    the chat address): the student still gets the crisis reply, or is asked to send it again."""
    if not isinstance(context.error, STORAGE_DOWN) or not isinstance(update, Update):
        return
    message = update.effective_message
    if message is None or not message.text or update.effective_chat is None:
        return
    state = state_of(context)
    turn = await state.relay.when_down(message.text)
    await deliver_turn(context.bot, state, update.effective_chat.id, turn)
