"""Activeren in the reflection form: the validators of the action-step questions (what, when,
with whom, how much the student feels like it, what could get in the way) and whether to plan
another step. A mixin of ``ValidateReflectieForm`` (actions/reflection_form.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import repo, today
from actions.form_answers import FormAnswers, accept, retry
from actions.summary import utter_summary
from bot.dutch_dates import long_date
from bot.nlp.answers import (
    is_no_helper,
    is_not_an_answer,
    is_skip,
    is_vague_step,
    scale_1_to_10,
    yes_or_no,
)
from bot.nlp.dates import parse_dutch_date
from bot.nlp.phases import SKIPPED, STEP_SLOTS

MAX_STEPS = 3


class ActionStepValidation(FormAnswers):
    # ---- activeren ------------------------------------------------------------------

    def validate_step_what(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = (value or "").strip()
        problem = self._problem("step_what", text, tracker)
        if problem:
            return problem
        if is_vague_step(text) and tracker.get_slot("reprompt") != "vague":
            return retry("step_what", "vague")
        self._listen_back(dispatcher, text)
        return accept("step_what", text)

    def validate_step_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        due = parse_dutch_date(value or "", today())
        if due is None:
            return retry("step_when", "unclear")
        if due < today():
            return retry("step_when", "past")
        return {**accept("step_when", due.isoformat()), "step_when_text": long_date(due)}

    def validate_step_who(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        who = (value or "").strip()
        if not who:
            return {"step_who": None}
        if is_no_helper(who):
            # Asked once in another way, then kept as "no helper", never as a name.
            if tracker.get_slot("reprompt") != "nobody":
                return retry("step_who", "nobody")
            return accept("step_who", SKIPPED)
        return accept("step_who", who)

    def validate_step_zin(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        score = scale_1_to_10(value or "")
        if score is None:
            return retry("step_zin", "unclear")
        return {**accept("step_zin", str(score)), "zin_level": "low" if score <= 5 else "high"}

    def validate_step_obstacle(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The last step question: the step is saved with everything the student said about it."""
        text = (value or "").strip()
        # "niks", "geen idee": nothing the student sees in the way; kept as no obstacle.
        obstacle = None if (is_not_an_answer(text) or is_skip(text)) else text
        sender = tracker.sender_id
        who = tracker.get_slot("step_who")
        due = date.fromisoformat(tracker.get_slot("step_when"))
        repo().save_action_step(
            sender,
            tracker.get_slot("step_what"),
            due,
            None if who == SKIPPED else who,
            motivation=int(tracker.get_slot("step_zin") or 0) or None,
            obstacle=obstacle,
        )
        saved = int(tracker.get_slot("steps_saved") or 0) + 1
        result: dict[str, Any] = {
            **accept("step_obstacle", obstacle or SKIPPED),
            "steps_saved": saved,
        }
        if obstacle:
            self._listen_back(dispatcher, obstacle)
        if saved >= MAX_STEPS:
            # Enough steps for one conversation: go straight to the summary.
            result["more_steps"] = "nee"
            utter_summary(dispatcher, sender)
        self._record(
            tracker,
            "step_obstacle",
            result,
            also=("step_what", "step_when", "step_who", "step_zin"),
        )
        return result

    def validate_more_steps(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        answer = yes_or_no(value or "")
        if answer is None:
            return retry("more_steps", "unclear")
        if answer:
            # Ask the step questions again; the saved step stays saved.
            return {
                **{slot: None for slot in STEP_SLOTS},
                "more_steps": None,
                "reprompt": None,
                "zin_level": None,
            }
        utter_summary(dispatcher, tracker.sender_id)
        return {"more_steps": "nee", "reprompt": None}
