"""Each student message makes one turn, however often it is sent (docs/cluster.md).

The relay (``bot/channels/relay.py``) gives every student message an id; the REST channel
(``bot/rasa_plugins/rest_channel.py``) passes it to Rasa as ``UserMessage.message_id``, which Rasa
stores with the student's ``UserUttered`` event. Under the student's lock, before a message is
handled, ``earlier_answers`` looks for a stored student message with that id: when there is one
(the relay replays a message after a timeout, a browser or Telegram sends it again), the answers
of that turn are given back and no new turn is made.

A turn that failed (an action raised, so its events are lost: the REST channel answers 503) is
not a turn to answer from: when the tracker store saves it, the student message's id gets
``FAILED_SUFFIX``, so the message sent again is handled anew.
"""

from __future__ import annotations

import contextvars
from typing import Any, Dict, Iterable, List, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.events import BotUttered, Event

from bot.channels.rasa_client import valid_message_id  # noqa: F401 (the channel's check)

FAILED_SUFFIX = ":failed"
# The failures seen during the turn being handled (a list, so tasks the turn starts share it);
# set by the REST channel around each turn, read by the tracker store when it saves the turn.
turn_failures: contextvars.ContextVar[Optional[List[str]]] = contextvars.ContextVar(
    "lemniscaat_turn_failures", default=None
)


def turn_failed() -> bool:
    return bool(turn_failures.get())


def mark_failed(events: Iterable[Event]) -> None:
    """Give the student messages among these (a failed turn's new events) a failed id."""
    for event in events:
        message_id = getattr(event, "message_id", None)
        if event.type_name == "user" and message_id and not message_id.endswith(FAILED_SUFFIX):
            event.message_id = message_id + FAILED_SUFFIX
            parse_data = getattr(event, "parse_data", None)
            if isinstance(parse_data, dict) and "message_id" in parse_data:
                parse_data["message_id"] = event.message_id


def answers_of_events(events: Iterable[Tuple[Text, Dict[Text, Any]]]) -> List[Event]:
    """The bot's events of a turn: the stored events (type name, data) that follow its student
    message, up to the next student message."""
    said: List[Event] = []
    for type_name, data in events:
        if type_name == "user":
            break
        if type_name == "bot":
            said.append(Event.from_parameters(data))
    return said


async def as_answers(sender_id: Text, said: List[Event]) -> List[Dict[Text, Any]]:
    """The bot's events as the REST channel answers them (the same collector Rasa uses)."""
    collector = CollectingOutputChannel()
    for event in said:
        if isinstance(event, BotUttered):
            await collector.send_response(sender_id, event.message())
    return collector.messages


async def earlier_answers(
    tracker_store: Any, sender_id: Text, message_id: Text
) -> Optional[List[Dict[Text, Any]]]:
    """The answers of the stored turn of this message id; None when it has not been handled
    (or the tracker store cannot look it up)."""
    find = getattr(tracker_store, "answers_to", None)
    if find is None:
        return None
    said = find(sender_id, message_id)
    if said is None:
        return None
    return await as_answers(sender_id, said)
