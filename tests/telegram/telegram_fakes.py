"""Test doubles on real sockets: a fake Telegram Bot API and a fake Rasa REST webhook, both
aiohttp servers on 127.0.0.1 in a background event loop, plus a runner that runs the real,
unchanged PTB Application with run_polling() in its own thread."""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

# The sender-hash key the tests use, and a student's Telegram id (in a private chat the chat id
# equals the user id).
HASH_KEY = "test-hash-key"
CHAT_ID_KEY = "test-chat-id-key"  # a key of its own (bot/telegram/identity.py)
STUDENT = 555000111

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "Lemniscaat", "username": "LemniscaatBot"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate: Callable[[], Any], timeout: float = 20.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


class BackgroundLoop:
    """An asyncio loop in a daemon thread, for servers the sync tests talk to."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coroutine, timeout: float = 10.0):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self) -> None:
        async def cancel_the_rest():
            current = asyncio.current_task()
            rest = [task for task in asyncio.all_tasks() if task is not current]
            for task in rest:
                task.cancel()
            await asyncio.gather(*rest, return_exceptions=True)

        self.run(cancel_the_rest())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


class FakeTelegram:
    """Enough of the Bot API for the channel, recording every call (method, params)."""

    def __init__(self, background: BackgroundLoop) -> None:
        self.background = background
        self.port = free_port()
        self.calls: list[tuple] = []
        self.files: dict[int, bytes] = {}
        self.commands: list[dict[str, str]] = []
        self.failures: dict[str, list[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(100)
        self._new_update: asyncio.Event | None = None
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # ---- lifecycle (called from the test thread) ----

    def start(self) -> None:
        self.background.run(self._start())

    async def _start(self) -> None:
        self._new_update = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def stop(self) -> None:
        self.background.run(self._runner.cleanup())

    # ---- what tests do ----

    def push(self, update: dict[str, Any]) -> None:
        def add():
            update["update_id"] = next(self._update_ids)
            self._updates.append(update)
            self._new_update.set()

        self.background.loop.call_soon_threadsafe(add)

    def fail_next(self, method: str, error: dict[str, Any]) -> None:
        self.failures.setdefault(method, []).append(error)

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        with self._lock:
            return [params for name, params in self.calls if name == method]

    def texts_to(self, chat_id: int) -> list[str]:
        return [p["text"] for p in self.calls_of("sendMessage") if int(p["chat_id"]) == chat_id]

    def message_with_button(self, title: str) -> dict[str, Any]:
        for params in reversed(self.calls_of("sendMessage")):
            markup = params.get("reply_markup")
            if markup and any(b["text"] == title for row in markup["inline_keyboard"] for b in row):
                return params
        raise AssertionError(f"no message with a button {title!r}")

    # ---- the HTTP side ----

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        if request.method == "POST":
            form = await request.post()
            for name, value in form.items():
                if hasattr(value, "file"):  # multipart upload (sendDocument)
                    params[name] = {"filename": value.filename, "content": value.file.read()}
                else:
                    params[name] = value
        for name in ("reply_markup", "commands", "allowed_updates"):
            if isinstance(params.get(name), str):
                params[name] = json.loads(params[name])
        if method != "getUpdates":
            with self._lock:
                self.calls.append((method, params))
        planned = self.failures.get(method)
        if planned:
            error = planned.pop(0)
            return web.json_response(error, status=error.get("error_code", 400))
        result = await getattr(self, f"_{method}", self._true)(params)
        return web.json_response({"ok": True, "result": result})

    async def _true(self, params):
        return True

    async def _getMe(self, params):
        return BOT_USER

    async def _setMyCommands(self, params):
        self.commands = params["commands"]
        return True

    async def _getMyCommands(self, params):
        return self.commands

    async def _getUpdates(self, params):
        offset = int(params.get("offset") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates:
            self._new_update.clear()
            timeout = min(float(params.get("timeout") or 0), 0.3)
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except asyncio.TimeoutError:
                pass
        return list(self._updates)

    def _message(self, params, **extra):
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": int(params["chat_id"]), "type": "private"},
            "from": BOT_USER,
            **extra,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _sendMessage(self, params):
        return self._message(params, text=params["text"])

    async def _sendDocument(self, params):
        document = params["document"]
        message = self._message(
            params,
            caption=params.get("caption"),
            document={"file_id": "F1", "file_unique_id": "U1", "file_name": document["filename"]},
        )
        self.files[message["message_id"]] = document["content"]
        return message

    async def _editMessageText(self, params):
        return self._message(params, text=params["text"])


class FakeRasa:
    """Rasa's REST webhook on a fixed port; not listening until start() (connection refused)."""

    def __init__(self, background: BackgroundLoop, reply: Callable | None = None) -> None:
        self.background = background
        self.port = free_port()
        self.heard: list[tuple] = []
        self.authorizations: list[str] = []  # the Authorization header of every request
        # reply(sender, text) -> the JSON body (status 200), or (status, body)
        self.reply = reply or (lambda sender, text: [{"text": f"Rasa hoorde: {text}"}])
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.background.run(self._start())

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._webhook)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def stop(self) -> None:
        if self._runner is not None:
            self.background.run(self._runner.cleanup())
            self._runner = None

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.heard.append((body["sender"], body["message"]))
        self.authorizations.append(request.headers.get("Authorization", ""))
        answer = self.reply(body["sender"], body["message"])
        status, answer = answer if isinstance(answer, tuple) else (200, answer)
        return web.json_response(answer, status=status)


class PollingBot:
    """The real Application, run with run_polling() (or ``run``) in its own thread and event loop."""

    def __init__(self, application, run: Callable[[], None] | None = None) -> None:
        self.application = application
        self._serve = run or (
            lambda: application.run_polling(
                stop_signals=None, close_loop=True, poll_interval=0.0, timeout=1
            )
        )
        self.loop: asyncio.AbstractEventLoop | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        try:
            self._serve()
        except BaseException as error:  # reported by stop()
            self.error = error

    def start(self) -> None:
        self.thread.start()
        wait_for(
            lambda: self.application.running and self.application.updater.running,
            what="bot running",
        )

    def stop(self) -> None:
        if self.loop is not None and self.thread.is_alive():
            self.loop.call_soon_threadsafe(self.application.stop_running)
        self.thread.join(15)
        assert not self.thread.is_alive(), "bot did not stop"
        if self.error:
            raise self.error


# ---- building updates as Telegram sends them ----

_ids = itertools.count(1)


def user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Sam", "language_code": "nl"}


def text_update(user_id: int, text: str) -> dict[str, Any]:
    message = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "Sam"},
        "from": user(user_id),
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"message": message}


def media_update(user_id: int, kind: str) -> dict[str, Any]:
    bodies = {
        "sticker": {
            "sticker": {
                "file_id": "s",
                "file_unique_id": "s",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            }
        },
        "photo": {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 90, "height": 90}]},
        "voice": {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}},
    }
    return {
        "message": {
            "message_id": next(_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": user(user_id),
            **bodies[kind],
        }
    }


def press_update(user_id: int, sent: dict[str, Any], title: str) -> dict[str, Any]:
    """A press on the button ``title`` under the sent message ``sent`` (sendMessage params)."""
    buttons = [
        b for row in sent["reply_markup"]["inline_keyboard"] for b in row if b["text"] == title
    ]
    message = {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": int(sent["chat_id"]), "type": "private"},
        "from": BOT_USER,
        "text": sent["text"],
        "reply_markup": sent["reply_markup"],
    }
    return {
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(user_id),
            "chat_instance": "ci",
            "message": message,
            "data": buttons[0]["callback_data"],
        }
    }


def button_message(telegram_api: FakeTelegram, title: str) -> dict[str, Any] | None:
    try:
        return telegram_api.message_with_button(title)
    except AssertionError:
        return None


def accept_terms(telegram_api: FakeTelegram, fake_rasa: FakeRasa, user_id: int = STUDENT) -> None:
    """/start, then Akkoord, until Rasa heard the opening "hallo"."""
    from bot.telegram import texts
    from bot.telegram.identity import telegram_sender_id

    telegram_api.push(text_update(user_id, "/start"))
    sent = wait_for(lambda: button_message(telegram_api, texts.ACCEPT_BUTTON), what="terms")
    telegram_api.push(press_update(user_id, sent, texts.ACCEPT_BUTTON))
    sender = telegram_sender_id(user_id, HASH_KEY)
    wait_for(lambda: (sender, "hallo") in fake_rasa.heard, what="hallo to Rasa")


def welcome_text() -> str:
    """The privacy terms as a bot with the configured follow-up hours shows them."""
    from bot.config import settings
    from bot.telegram import texts

    conf = settings()
    return texts.welcome(conf.followup_quiet_start_hour, conf.followup_quiet_end_hour)
