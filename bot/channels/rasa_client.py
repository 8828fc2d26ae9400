"""Talk to the Rasa server over its REST channel, as every student channel does."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import httpx

from bot.config import settings


class RasaUnavailable(Exception):
    """Rasa could not be reached or answered with an error; the caller keeps the message."""


async def send_to_rasa(
    sender_id: str, text: str, *, client: Optional[httpx.AsyncClient] = None, timeout: float = 30.0
) -> List[Dict[str, Any]]:
    """Send one student message; return Rasa's answers (dicts with "text" and maybe "buttons")."""
    url = f"{settings().rasa_url}/webhooks/rest/webhook"
    payload = {"sender": sender_id, "message": text}
    try:
        if client is None:
            async with httpx.AsyncClient(timeout=timeout) as own_client:
                response = await own_client.post(url, json=payload)
        else:
            response = await client.post(url, json=payload, timeout=timeout)
        response.raise_for_status()
        return response.json() or []
    except (httpx.HTTPError, ValueError) as error:
        raise RasaUnavailable(str(error)) from error


def send_to_rasa_sync(sender_id: str, text: str, timeout: float = 30.0) -> List[Dict[str, Any]]:
    """Blocking variant for the terminal chat and scripts."""
    url = f"{settings().rasa_url}/webhooks/rest/webhook"
    try:
        response = httpx.post(url, json={"sender": sender_id, "message": text}, timeout=timeout)
        response.raise_for_status()
        return response.json() or []
    except (httpx.HTTPError, ValueError) as error:
        raise RasaUnavailable(str(error)) from error
