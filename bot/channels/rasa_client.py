"""Talk to the Rasa server over its REST channel, as every student channel does.

Requests carry ``RASA_CHANNEL_TOKEN`` (when set) as a bearer token; the student REST channel
(``bot/rasa_plugins/rest_channel.py``) refuses requests without it.
"""

from __future__ import annotations

from typing import Any

import httpx

from bot.config import settings

WEBHOOK_PATH = "/webhooks/rest/webhook"
TURN_FAILED = "turn_failed"


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


async def send_to_rasa(
    sender_id: str, text: str, *, client: httpx.AsyncClient | None = None, timeout: float = 30.0
) -> list[dict[str, Any]]:
    """Send one student message; return Rasa's answers (dicts with "text" and maybe "buttons")."""
    url = f"{settings().rasa_url}{WEBHOOK_PATH}"
    payload = {"sender": sender_id, "message": text}
    try:
        if client is None:
            async with httpx.AsyncClient(timeout=timeout) as own_client:
                response = await own_client.post(url, json=payload, headers=channel_headers())
        else:
            response = await client.post(
                url, json=payload, headers=channel_headers(), timeout=timeout
            )
        return _answers_of(response)
    except (httpx.HTTPError, ValueError) as error:
        raise RasaUnavailable(str(error)) from error


def send_to_rasa_sync(sender_id: str, text: str, timeout: float = 30.0) -> list[dict[str, Any]]:
    """Blocking variant for the terminal chat and scripts."""
    url = f"{settings().rasa_url}{WEBHOOK_PATH}"
    try:
        response = httpx.post(
            url,
            json={"sender": sender_id, "message": text},
            headers=channel_headers(),
            timeout=timeout,
        )
        return _answers_of(response)
    except (httpx.HTTPError, ValueError) as error:
        raise RasaUnavailable(str(error)) from error
