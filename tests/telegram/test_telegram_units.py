"""Small pieces on their own: hashing, sealing, splitting, the retry wrapper, texts, scheduling."""

from __future__ import annotations

import asyncio
import re

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, JobQueue

from bot.telegram import texts
from bot.telegram.delivery import telegram_call
from bot.telegram.followup import in_daytime, parse_followup_data
from bot.telegram.identity import open_chat_id, seal_chat_id, telegram_sender_id
from bot.telegram.splitting import split_message


def test_sender_id_is_a_stable_keyed_hash():
    first = telegram_sender_id(123456789, "key-a")
    assert first == telegram_sender_id(123456789, "key-a")
    assert first.startswith("tg-") and len(first) == 3 + 64
    assert "123456789" not in first
    assert first != telegram_sender_id(123456780, "key-a")
    assert first != telegram_sender_id(123456789, "key-b"), (
        "without the key the hash cannot be redone"
    )


def test_chat_id_is_sealed_and_fits_the_column():
    for chat_id in (7, 123456789, -1001234567890123):
        sealed = seal_chat_id(chat_id, "key", "tg-abc")
        assert len(sealed) <= 64
        if chat_id != 7:  # a single digit can show up in any random string
            assert str(abs(chat_id)) not in sealed
        assert open_chat_id(sealed, "key", "tg-abc") == chat_id
        assert open_chat_id(sealed, "other key", "tg-abc") is None
        # The associated data is the sender: copied to another student's row it does not open.
        assert open_chat_id(sealed, "key", "tg-other") is None
    assert seal_chat_id(42, "key", "tg-abc") != seal_chat_id(42, "key", "tg-abc"), "random nonce"
    assert (
        open_chat_id(None, "key", "tg-abc") is None
        and open_chat_id("12345", "key", "tg-abc") is None
    )


def test_split_prefers_paragraphs_then_sentences_then_words():
    assert split_message("kort") == ["kort"]
    assert split_message("Een.\n\nTwee.", limit=8) == ["Een.", "Twee."]
    assert split_message("Eerste zin. Tweede zin hier.", limit=20) == [
        "Eerste zin.",
        "Tweede zin hier.",
    ]
    assert split_message("woord " * 5, limit=12) == ["woord woord", "woord woord", "woord"]
    assert split_message("x" * 10, limit=4) == ["xxxx", "xxxx", "xx"]
    text = ("Dit is een zin. " * 600).strip()
    pieces = split_message(text)
    assert all(len(p) <= 4096 for p in pieces) and all(p.endswith(".") for p in pieces)
    assert " ".join(pieces) == text


def _run(coroutine):
    return asyncio.run(coroutine)


def test_retry_wrapper_backs_off_on_network_errors_and_waits_on_flood_control():
    waits = []

    async def sleep(seconds):
        waits.append(seconds)

    outcomes = [TimedOut(), NetworkError("reset"), RetryAfter(3), "sent"]

    async def call():
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert _run(telegram_call(call, attempts=4, base_delay=0.5, sleep=sleep)) == "sent"
    assert waits == [0.5, 1.0, 3.1]


@pytest.mark.parametrize("error", [BadRequest("bad"), Forbidden("blocked")])
def test_retry_wrapper_does_not_retry_our_own_mistakes(error):
    calls = []

    async def call():
        calls.append(1)
        raise error

    with pytest.raises(type(error)):
        _run(telegram_call(call, sleep=lambda s: asyncio.sleep(0)))
    assert len(calls) == 1


def test_retry_wrapper_gives_up_after_a_few_attempts():
    calls = []

    async def call():
        calls.append(1)
        raise TimedOut()

    async def sleep(seconds):
        pass

    with pytest.raises(TimedOut):
        _run(telegram_call(call, attempts=3, sleep=sleep))
    assert len(calls) == 3


def test_daytime_window():
    from datetime import datetime

    assert not in_daytime(datetime(2030, 1, 1, 8, 59), 9, 21)
    assert in_daytime(datetime(2030, 1, 1, 9, 0), 9, 21)
    assert in_daytime(datetime(2030, 1, 1, 20, 59), 9, 21)
    assert not in_daytime(datetime(2030, 1, 1, 21, 0), 9, 21)


def test_followup_data_is_checked():
    assert parse_followup_data("f:12:g") == (12, "g")
    for forged in ("f:x:g", "f:12:z", "f:12", "f::g"):
        assert parse_followup_data(forged) is None


def test_texts_never_ask_why():
    strings = []
    for name, value in vars(texts).items():
        if name.isupper():
            if isinstance(value, str):
                strings.append(value)
            elif isinstance(value, dict):
                strings.extend(str(v) for v in value.values())
            else:
                strings.extend(str(v) for v in value)
    assert strings
    for string in strings:
        assert not re.search(r"\b(waarom|hoezo|om welke reden)\b", string, re.IGNORECASE), string


def test_callback_data_of_channel_buttons_fits():
    from bot.telegram.bridge import ACCEPT_TERMS
    from bot.telegram.followup import followup_data
    from bot.telegram.handlers import FORGET_NO, FORGET_YES

    for data in (ACCEPT_TERMS, FORGET_YES, FORGET_NO, followup_data(10**12, "g")):
        assert len(data.encode()) <= 64


def test_job_queue_runs_on_installed_apscheduler():
    """Rasa 3.6 pins APScheduler<3.10; PTB's job-queue extra asks >=3.10.4. The JobQueue
    itself works on the installed 3.9.1: a repeating job really runs."""
    import apscheduler

    async def scenario():
        application = Application.builder().token("1:x").job_queue(JobQueue()).build()
        runs = []

        async def job(context):
            runs.append(context.job.name)

        application.job_queue.run_repeating(job, interval=0.05, first=0.01, name="tick")
        await application.job_queue.start()
        await asyncio.sleep(0.4)
        await application.job_queue.stop()
        return runs

    assert apscheduler.__version__.startswith("3.9")
    assert len(_run(scenario())) >= 3
