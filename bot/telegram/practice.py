"""Practice mode in Telegram (/oefenen): a coach leads a conversation with a simulated student
(bot/practice) and gets feedback on the ten rules afterwards. Rasa is not involved.

Storage is the source of truth, as on the web: nothing is kept in memory. The running session of
a sender is their newest practice row without ``ended_at``; on every line the session is rebuilt
with ``PracticeSession.from_dict`` (the simulated student is deterministic per persona and seed;
the seed is the row id, like the web), the line is added and the whole transcript is stored again.
A restart of the bot therefore loses nothing.
"""
from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Dict, Optional

from telegram import Bot

from bot.practice.personas import PERSONAS
from bot.practice.session import PracticeSession
from bot.telegram import texts
from bot.telegram.delivery import keyboard_of, send_answers, send_text
from bot.telegram.state import ChannelState

log = logging.getLogger(__name__)

PERSONA_BUTTON = "o:"  # the persona key follows
# Replaying a very long transcript on every line gets slow; a real conversation is far shorter.
MAX_COACH_TURNS = 80
# A whole message like this ends the session, like /klaar.
_FINISH_WORDS = re.compile(r"^\s*(klaar|stop|stoppen)\s*[.!]*\s*$", re.IGNORECASE)
# The report names rule 9 with the question word itself; like the web, the channel describes
# it instead. Quotes of the coach's own lines ("   jij: ...") are left exactly as typed.
_WHY_WORDING = ((re.compile(r"Geen waarom-vragen"), "Geen vragen naar de reden"),
                (re.compile(r"waarom-vragen"), "vragen naar de reden"))


def persona_name(key: str) -> str:
    persona = PERSONAS.get(key)
    return persona.name if persona else key


def persona_data(key: str) -> str:
    return PERSONA_BUTTON + key


def persona_of(data: str) -> Optional[str]:
    """The persona key of a pressed menu button, or None for anything unknown (forged, old)."""
    if not data.startswith(PERSONA_BUTTON):
        return None
    key = data[len(PERSONA_BUTTON):]
    return key if key in PERSONAS else None


def is_finish_word(text: str) -> bool:
    return bool(_FINISH_WORDS.match(text or ""))


def channel_report_text(report_text: str) -> str:
    lines = []
    for line in report_text.splitlines():
        if not line.lstrip().startswith("jij:"):
            for pattern, replacement in _WHY_WORDING:
                line = pattern.sub(replacement, line)
        lines.append(line)
    return "\n".join(lines)


# ---- storage ----

async def active_practice(state: ChannelState, sender_id: str) -> Optional[Dict[str, Any]]:
    """The sender's running practice session (with transcript), or None."""
    history = await state.db(state.repo.practice_history, trainee_sender_id=sender_id)
    running = next((item for item in history if item["ended_at"] is None), None)
    if running is None:
        return None
    return await state.db(state.repo.get_practice, running["id"])


def _rebuild(row: Dict[str, Any]) -> PracticeSession:
    return PracticeSession.from_dict({"persona": row["persona"], "seed": row["id"],
                                      "transcript": row["transcript"], "report": None})


async def rebuild(row: Dict[str, Any]) -> PracticeSession:
    # Replaying the transcript is pure Python; off the event loop, so other chats are not held up.
    return await asyncio.to_thread(_rebuild, row)


# ---- what the coach sees ----

async def show_menu(bot: Bot, state: ChannelState, chat_id: int) -> None:
    lines = [texts.PRACTICE_MENU, ""]
    rows = []
    for key, line in PracticeSession.personas:
        lines.append(texts.PRACTICE_MENU_LINE.format(line=line))
        # The button shows the name and age only; the whole line is in the message above.
        rows.append([(line.split(":")[0].strip(), persona_data(key))])
    await send_text(bot, state, chat_id, "\n".join(lines), keyboard_of(rows))


async def start(bot: Bot, state: ChannelState, sender_id: str, chat_id: int, persona: str) -> int:
    """End a running session (stored, feedback sent), then start a new one. Call under the sender's lock."""
    running = await active_practice(state, sender_id)
    if running is not None:
        await finish(bot, state, chat_id, running, interrupted=True)
    session_id = await state.db(state.repo.start_practice, persona, trainee_sender_id=sender_id)
    await send_text(bot, state, chat_id, texts.PRACTICE_INTRO.format(name=persona_name(persona)))
    return session_id


async def coach_says(bot: Bot, state: ChannelState, chat_id: int, row: Dict[str, Any], text: str) -> None:
    """One line of the coach: the simulated student answers; the transcript is stored."""
    name = persona_name(row["persona"])
    text = text.strip()
    # A real person typing a crisis message gets the real crisis reply, whatever they are
    # practising; it is not a line for the simulated student and is not stored.
    assessment = await state.relay.assess(text)
    if assessment.is_crisis:
        await send_answers(bot, state, chat_id, await state.relay.crisis_reply(None, assessment))
        return
    if text.startswith("/"):  # an unknown command is not something the coach says to the student
        await send_text(bot, state, chat_id, texts.PRACTICE_HELP.format(name=name))
        return
    if len(text) > state.max_message_chars:
        await send_text(bot, state, chat_id, texts.PRACTICE_TOO_LONG.format(limit=state.max_message_chars))
        return
    try:
        session = await rebuild(row)
    except Exception:  # for example a persona that no longer exists
        log.exception("Practice session %s cannot be rebuilt; closing it", row["id"])
        await state.db(state.repo.save_practice, row["id"], row["transcript"], ended=True)
        await send_text(bot, state, chat_id, texts.PRACTICE_BROKEN)
        return
    if sum(1 for speaker, _ in session.transcript if speaker == "coach") >= MAX_COACH_TURNS:
        await send_text(bot, state, chat_id, texts.PRACTICE_FULL)
        return
    reply = session.coach_says(text)
    # Stored before it is sent: what the coach saw is always in the transcript.
    await state.db(state.repo.save_practice, row["id"], session.to_dict()["transcript"])
    await send_text(bot, state, chat_id, reply)


async def finish(bot: Bot, state: ChannelState, chat_id: int, row: Dict[str, Any],
                 interrupted: bool = False) -> None:
    """Close the session: store the report (when the coach said anything) and send the feedback."""
    name = persona_name(row["persona"])
    try:
        session = await rebuild(row)
    except Exception:
        log.exception("Practice session %s cannot be rebuilt; closing it without a report", row["id"])
        await state.db(state.repo.save_practice, row["id"], row["transcript"], ended=True)
        await send_text(bot, state, chat_id, texts.PRACTICE_BROKEN)
        return
    if not session.transcript:
        await state.db(state.repo.save_practice, row["id"], [], ended=True)
        await send_text(bot, state, chat_id, texts.PRACTICE_ENDED_EMPTY.format(name=name))
        return
    report = session.finish()
    await state.db(state.repo.save_practice, row["id"], session.to_dict()["transcript"], report.to_dict(),
                   ended=True)
    if interrupted:
        await send_text(bot, state, chat_id, texts.PRACTICE_INTERRUPTED.format(name=name))
    await send_answers(bot, state, chat_id, [{"text": channel_report_text(session.report_text())}])
    await send_text(bot, state, chat_id, texts.PRACTICE_AFTER_REPORT)
