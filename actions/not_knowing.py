"""Repeated not-knowing gets a different way in each time, never the same text twice in a row:
a smaller question, then a choice among the student's own earlier words, then an example
situation, then an offer to skip this part (or, for the story itself, to pause).

Python only picks the level and the student's own words; the texts are the ``utter_ask_*``
variations conditioned on the ``reprompt`` slot (domain/reflection.yml).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.nlp.listening import content_words
from bot.nlp.phases import REFLECTION_SLOTS, SKIPPABLE_SLOTS, SKIPPED

LEVELS = ("dont_know", "dont_know_words", "dont_know_example", "dont_know_skip")


def earlier_words(tracker: Tracker, limit: int = 2, asked: str | None = None) -> list[str]:
    """The student's own content words from their earlier answers, most recent answers first
    (not from ``asked``: that slot holds the message being turned down)."""
    words: list[str] = []
    for slot in reversed(REFLECTION_SLOTS):
        value = tracker.get_slot(slot) if slot != asked else None
        if not value or value == SKIPPED or not isinstance(value, str):
            continue
        for word in content_words(value):
            if word.lower() not in {w.lower() for w in words}:
                words.append(word)
            if len(words) >= limit:
                return words
    return words


def not_knowing(slot: str, tracker: Tracker) -> dict[str, Any]:
    """The slot events for one more "weet ik niet": the answer is not stored, and the next
    question is a way in that differs from the previous one."""
    count = int(tracker.get_slot("dont_know_count") or 0)
    previous = tracker.get_slot("reprompt")
    result: dict[str, Any] = {slot: None, "dont_know_count": count + 1, "experience_prompt": None}
    for step in range(len(LEVELS)):
        level = LEVELS[(count + step) % len(LEVELS)]
        if level == "dont_know_skip" and slot not in SKIPPABLE_SLOTS:
            level = "dont_know_pause"
        if level == previous:
            continue
        if level == "dont_know_words":
            words = earlier_words(tracker, asked=slot)
            if len(words) < 2:
                continue
            result.update(own_word_a=words[0], own_word_b=words[1])
        result["reprompt"] = level
        return result
    result["reprompt"] = "dont_know"
    return result
