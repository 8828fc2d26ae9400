"""What the repository hands out about conversations, steps and kept messages: typed plain data,
never a live database row (a row outside its session would load lazily, or fail).

``ConversationView`` holds the reflection's fields as the stored reflection has them; their
names are those of ``bot.lemniscate.REFLECTION_FIELDS`` (a test holds the two together).
"""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict


class StepView(TypedDict):
    """An action step as the student named it, and how it stands."""

    id: int
    what: str
    when: str | None  # ISO date
    who: str | None
    motivation: int | None
    obstacle: str | None
    status: str


class ConversationView(TypedDict):
    """One conversation: where it is, what was shared or flagged, the reflection, the steps."""

    id: int | None
    phase: str | None
    started_at: str | None  # ISO times
    ended_at: str | None
    consent: bool | None
    safety_flag: bool | None
    safety_kind: str | None
    parts_reached: list[str]
    competencies: list[str]
    # The reflection (bot/lemniscate.py, REFLECTION_FIELDS).
    experience: str | None
    emotions: list[str]
    what_happened: str | None
    other_situations: str | None
    common_thread: str | None
    qualities: str | None
    to_learn: str | None
    motives: str | None
    kernwoord: str | None
    options: str | None
    action_steps: list[StepView]


# One message of the conversation, from Rasa's tracker events: who said it ("student" or
# "bot"), the text, Rasa's timestamp.
ChatLine = TypedDict("ChatLine", {"from": str, "text": str | None, "at": float | None})


class KeptMessage(TypedDict):
    """A message that waits for Rasa, as the relay replays it."""

    id: int
    sender_id: str
    channel_address: str | None
    text: str
    received_at: datetime
    message_id: str | None  # the relay's id, sent again with the replay
