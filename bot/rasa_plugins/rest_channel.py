"""The REST channel every student channel speaks to (Telegram, web chat, scripts).

Same path and payload as Rasa's own (``/webhooks/rest/webhook``, ``{"sender", "message"}``),
with one difference: the text goes through ``normalise_student_text`` so a leading slash
cannot skip the NLU pipeline, and very long messages are cut before they reach the models
(the NLU still sees that they were too long and the bot says so).
"""
from __future__ import annotations

from typing import Optional, Text

from rasa.core.channels.rest import RestInput
from sanic.request import Request

from bot.config import settings
from bot.nlp.commands import normalise_student_text


class StudentRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def _extract_message(self, req: Request) -> Optional[Text]:
        payload = req.json if isinstance(req.json, dict) else {}
        text = normalise_student_text(payload.get("message"))
        limit = settings().max_message_chars
        return text[: limit + 1] if len(text) > limit + 1 else text
