"""The REST channel every student channel speaks to (Telegram, web chat, scripts).

Same path and payload as Rasa's own (``/webhooks/rest/webhook``, ``{"sender", "message"}``), with
these differences:

* **Token.** When ``RASA_CHANNEL_TOKEN`` is set, a request must carry it
  (``Authorization: Bearer <token>``); others get 401. The web app and Telegram always send it.
* **Crisis before any cut.** The text goes through ``normalise_student_text`` (a leading slash
  cannot skip the NLU pipeline), and a very long message is cut before it reaches the models,
  but only after the crisis check ran on the whole text: a crisis message is passed on whole, so
  the NLU's own crisis signal sees it too (the NLU then says it was too long as well).
* **A failed turn is not a success.** Rasa's own channel answers 200 with whatever was said when
  an action raised during the turn (the action server away, a bug) or the turn itself failed.
  This one answers 503 ``{"error": "turn_failed", "messages": [...]}`` then, so the channel keeps
  the student's message and replays it later (``bot/channels/relay.py``). The messages are what
  was said in a turn Rasa stored; when the turn itself failed (its tracker not saved), none.
* **Each message once.** A request may carry ``"message_id"`` (the relay's id of the student
  message). It goes to Rasa as ``UserMessage.message_id``; under the student's lock the stored
  events are searched for it first, and a message already handled is answered with that turn's
  answers (header ``X-Lemniscaat-Repeat: 1``) instead of making a new turn
  (``bot/rasa_plugins/once.py``).
"""

from __future__ import annotations

import hmac
import logging
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.config import settings
from bot.nlp.commands import normalise_student_text
from bot.ops.startup_priority import back_to_normal
from bot.rasa_plugins import liveness
from bot.rasa_plugins.once import earlier_answers, turn_failures, valid_message_id

log = logging.getLogger(__name__)

TURN_FAILED = "turn_failed"
# Set on the answer to a message that was handled before (its turn's answers, no new turn).
REPEAT_HEADER = "X-Lemniscaat-Repeat"
# A crisis message is passed on whole, up to this much (the web app caps bodies at 64 KiB too).
CRISIS_MAX_CHARS = 64 * 1024
# What Rasa's processor logs when an action raised and "the actions events are lost".
_ACTION_FAILED_LOG = "Encountered an exception while running action"

_turn_failures = turn_failures


class _ActionFailureWatch(logging.Filter):
    """Notes, for the turn in progress, that Rasa's processor swallowed an action's exception."""

    def filter(self, record: logging.LogRecord) -> bool:
        failures = _turn_failures.get()
        if failures is not None and str(record.msg).startswith(_ACTION_FAILED_LOG):
            failures.append(str(record.msg)[:200])
        return True


_WATCH = _ActionFailureWatch()


def _install_watch() -> None:
    processor_logger = logging.getLogger("rasa.core.processor")
    if _WATCH not in processor_logger.filters:
        processor_logger.addFilter(_WATCH)


def message_for_rasa(raw: Any, limit: int) -> str:
    """The text Rasa's NLU reads: normalised; cut after ``limit`` + 1 characters (so the NLU
    still sees it was too long), unless the whole text signals a crisis or the detector is unsure."""
    from bot.channels.crisis import check

    text = normalise_student_text(raw)
    if len(text) <= limit + 1:
        return text
    if check(text).needs_reply:  # the crisis reply or the gentle check: read whole
        return text[:CRISIS_MAX_CHARS]
    return text[: limit + 1]


def token_ok(request: Request) -> bool:
    expected = getattr(settings(), "rasa_channel_token", "") or ""
    if not expected:
        return True
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        token.strip().encode(), expected.encode()
    )


async def handle_once(
    agent: Any, message: UserMessage, on_new_message: Callable[[UserMessage], Awaitable[Any]]
) -> bool:
    """Handle a message that has an id, under the student's lock (as Rasa's agent does): when a
    stored turn has this id, its answers go to the collector instead (True: a repeat)."""
    if agent is None or not agent.is_ready():
        await on_new_message(message)
        return False
    async with agent.lock_store.lock(message.sender_id):
        earlier = await earlier_answers(agent.tracker_store, message.sender_id, message.message_id)
        if earlier is not None:
            log.info("A message was sent again; answering it from its stored turn")
            message.output_channel.messages.extend(earlier)
            return True
        await agent.processor.handle_message(message)
        return False


class StudentRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def _extract_message(self, req: Request) -> Optional[Text]:
        payload = req.json if isinstance(req.json, dict) else {}
        return message_for_rasa(payload.get("message"), settings().max_message_chars)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        _install_watch()
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", type(self).__module__)

        @webhook.listener("after_server_start")
        async def start_liveness(app: Any, loop: Any) -> None:
            liveness.start_on_loop()
            back_to_normal()  # the model is loaded (before_server_start): serve at full speed

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not token_ok(request):
                return response.json({"error": "unauthorized"}, status=401)
            if not isinstance(request.json, dict):
                return response.json({"error": "bad_request"}, status=400)
            sender_id = await self._extract_sender(request)
            text = self._extract_message(request)
            collector = CollectingOutputChannel()
            message_id = valid_message_id(request.json.get("message_id"))
            message = UserMessage(
                text,
                collector,
                sender_id,
                input_channel=self._extract_input_channel(request),
                message_id=message_id,
                metadata=self.get_metadata(request),
            )
            failures: List[str] = []
            repeat = False
            marker = _turn_failures.set(failures)
            try:
                if message_id is None:
                    await on_new_message(message)
                else:
                    repeat = await handle_once(request.app.ctx.agent, message, on_new_message)
            except CancelledError:
                failures.append("timeout")
            except Exception:  # Rasa's own channel swallows this and answers 200
                log.exception("A student's turn failed")
                failures.append("exception")
                # The turn ended before its tracker was saved (saving is its last step, or what
                # failed): Rasa has not heard the message, so what it said is not passed on. A
                # crisis reply said before the database went away would make the relay take the
                # message as heard and not keep it.
                collector.messages.clear()
            finally:
                _turn_failures.reset(marker)
            if failures:
                log.warning(
                    "Turn of a student failed (%d failure(s)); answering 503", len(failures)
                )
                body: Dict[str, Any] = {"error": TURN_FAILED, "messages": collector.messages}
                return response.json(body, status=503)
            headers = {REPEAT_HEADER: "1"} if repeat else None
            return response.json(collector.messages, headers=headers)

        return webhook
