"""Talk to the Rasa server over its REST channel, as every student channel does.

Requests carry ``RASA_CHANNEL_TOKEN`` (when set) as a bearer token; the student REST channel
(``bot/rasa_plugins/rest_channel.py``) refuses requests without it. A ``message_id`` goes along
in the body: Rasa makes one turn per id and answers an id it has handled from that turn.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import httpx

from bot.config import settings

WEBHOOK_PATH = "/webhooks/rest/webhook"
TURN_FAILED = "turn_failed"
# The balancer's answers when a replica died with the request (or hung): sent once more.
RESEND_ON = (502, 504)
RESEND_AFTER = 0.3
# Shorter than this left of the caller's wait, a message is not sent again.
MIN_RESEND_SECONDS = 0.5
# What a message id may hold: letters, digits and - _ . : (safe in a log, a key and a query).
MESSAGE_ID = re.compile(r"[A-Za-z0-9_.:-]{8,100}")


def valid_message_id(value: Any) -> str | None:
    """The client's message id when it is one, else None."""
    if isinstance(value, str) and MESSAGE_ID.fullmatch(value):
        return value
    return None


class RasaUnavailable(Exception):
    """Rasa could not be reached or answered with an error; the caller keeps the message."""

    def __init__(self, message: str, answers: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        # What Rasa did say before something failed (see TurnFailed); empty otherwise.
        self.answers: list[dict[str, Any]] = list(answers or [])


class TurnFailed(RasaUnavailable):
    """Rasa heard the message, but a step of its turn failed (an action raised, or the
    action server is away): the answers are partial, the message must be kept."""


def channel_headers() -> dict[str, str]:
    token = getattr(settings(), "rasa_channel_token", "") or ""
    return {"Authorization": f"Bearer {token}"} if token else {}


def _answers_of(response: httpx.Response) -> list[dict[str, Any]]:
    if response.status_code == 503:
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict) and body.get("error") == TURN_FAILED:
            raise TurnFailed("a step of Rasa's turn failed", body.get("messages") or [])
    response.raise_for_status()
    answers = response.json() or []
    if not isinstance(answers, list):
        raise ValueError("Rasa's answer is not a list")
    return answers


def _payload(sender_id: str, text: str, message_id: str | None) -> dict[str, Any]:
    payload: dict[str, Any] = {"sender": sender_id, "message": text}
    if message_id:
        payload["message_id"] = message_id
    return payload


async def send_to_rasa(
    sender_id: str,
    text: str,
    *,
    client: httpx.AsyncClient | None = None,
    timeout: float = 30.0,
    message_id: str | None = None,
) -> list[dict[str, Any]]:
    """Send one student message; return Rasa's answers (dicts with "text" and maybe "buttons")."""
    url = f"{settings().rasa_url}{WEBHOOK_PATH}"
    payload = _payload(sender_id, text, message_id)
    try:
        if client is None:
            async with httpx.AsyncClient(timeout=timeout) as own_client:
                response = await post_message(own_client, url, payload, timeout)
        else:
            response = await post_message(client, url, payload, timeout)
        return _answers_of(response)
    except (httpx.HTTPError, ValueError) as error:
        raise RasaUnavailable(str(error)) from error


async def post_message(
    client: httpx.AsyncClient, url: str, payload: dict[str, Any], timeout: float
) -> httpx.Response:
    """One message to Rasa; with a message id it is sent once more when the connection broke or
    the balancer answered 502/504 (the replica died with it), not after a timeout. Safe: Rasa
    makes one turn per id. ``timeout`` bounds the whole call, the second send included (httpx's
    own timeout is per connect or read): a student waits no longer because of the retry."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    again = bool(payload.get("message_id"))
    try:
        response = await _post_within(client, url, payload, timeout)
    except httpx.TimeoutException:
        raise  # no answer in time is not a broken connection: the caller's wait is over
    except httpx.TransportError:
        if not again:
            raise
        response = None
    if response is not None and (not again or response.status_code not in RESEND_ON):
        return response
    left = deadline - loop.time() - RESEND_AFTER
    if left < MIN_RESEND_SECONDS:
        if response is not None:
            return response  # the balancer's answer stands: no time to send it again
        raise httpx.ConnectTimeout(f"no time left to send again within {timeout:.1f} s")
    await asyncio.sleep(RESEND_AFTER)
    return await _post_within(client, url, payload, left)


async def _post_within(
    client: httpx.AsyncClient, url: str, payload: dict[str, Any], seconds: float
) -> httpx.Response:
    """One POST that is over within ``seconds`` in all (an httpx timeout when it is not)."""
    try:
        return await asyncio.wait_for(
            client.post(url, json=payload, headers=channel_headers(), timeout=seconds), seconds
        )
    except asyncio.TimeoutError as error:
        raise httpx.ReadTimeout(f"no answer within {seconds:.1f} s") from error


def send_to_rasa_sync(
    sender_id: str, text: str, timeout: float = 30.0, message_id: str | None = None
) -> list[dict[str, Any]]:
    """Blocking variant for the terminal chat and scripts."""
    url = f"{settings().rasa_url}{WEBHOOK_PATH}"
    payload = _payload(sender_id, text, message_id)

    def post() -> httpx.Response:
        return httpx.post(url, json=payload, headers=channel_headers(), timeout=timeout)

    try:
        try:
            response = post()
        except httpx.TimeoutException:
            raise
        except httpx.TransportError:
            if not message_id:
                raise
            time.sleep(RESEND_AFTER)
            response = post()
        else:
            if message_id and response.status_code in RESEND_ON:
                time.sleep(RESEND_AFTER)
                response = post()
        return _answers_of(response)
    except (httpx.HTTPError, ValueError) as error:
        raise RasaUnavailable(str(error)) from error
