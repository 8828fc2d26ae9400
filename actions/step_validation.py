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

from actions.answer_replies import MISFITS_BEFORE_WAY_ON, reply_to_non_answer
from actions.common import repo, today
from actions.form_answers import FormAnswers, accept, retry
from actions.summary import utter_summary
from actions.unsure_answers import hear
from bot.dutch_dates import long_date
from bot.nlp.answer_check import ANSWER
from bot.nlp.answers import (
    is_no_date,
    is_no_helper,
    is_not_an_answer,
    is_skip,
    is_vague_step,
    scale_1_to_10,
    yes_or_no,
)
from bot.nlp.dates import parse_dutch_date
from bot.nlp.phases import SKIPPED, STEP_SLOTS, cycle_slots
from bot.nlp.second_person import to_second_person

MAX_STEPS = 3
# Answers this short (a day, a helper) are said back whole.
SHORT_ANSWER_WORDS = 6


class ActionStepValidation(FormAnswers):
    # ---- activeren ------------------------------------------------------------------

    def validate_step_what(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = (value or "").strip()
        problem = self._problem("step_what", text, dispatcher, tracker)
        if problem:
            return problem
        if is_vague_step(text) and tracker.get_slot("reprompt") != "vague":
            return retry("step_what", "vague")
        self._listen_back(dispatcher, text, step=True)
        return accept("step_what", text)

    def validate_step_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = (value or "").strip()
        if is_no_date(text):
            # A step without a date is allowed; the follow-up then asks on the student's return.
            dispatcher.utter_message(response="utter_reflect_no_date")
            return {**accept("step_when", SKIPPED), "step_when_text": None}
        # The answer check first: a date inside a remark ("lekker weer vandaag he", "mijn zus is
        # morgen jarig") is no date for the step, though a date can be read from it.
        kind = hear("step_when", text, tracker)
        if kind != ANSWER:
            return reply_to_non_answer("step_when", kind, text, dispatcher, tracker)
        due = parse_dutch_date(text, today())
        if due is None:
            misfits = int(tracker.get_slot("misfit_count") or 0) + 1
            reprompt = "date_buttons" if misfits >= MISFITS_BEFORE_WAY_ON else "unclear"
            return {**retry("step_when", reprompt), "misfit_count": misfits}
        if due < today():
            return retry("step_when", "past")
        self._say_short(dispatcher, text)
        return {**accept("step_when", due.isoformat()), "step_when_text": long_date(due)}

    @staticmethod
    def _say_short(dispatcher: CollectingDispatcher, text: str) -> None:
        """A short answer (a day, a helper) said back in the student's words, turned to "je"."""
        said = to_second_person(text).strip(" .!?")
        if said and 1 <= len(said.split()) <= SHORT_ANSWER_WORDS and not said.isdigit():
            dispatcher.utter_message(
                response="utter_reflect_short", reflection=said, sentence=said[0].upper() + said[1:]
            )

    def validate_step_who(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        who = (value or "").strip()
        if not who:
            return {"step_who": None}
        if is_no_helper(who) or is_skip(who):
            # Asked once in another way, then kept as "no helper", never as a name; a student
            # who already got stuck at this question is not asked again.
            stuck = tracker.get_slot("misfit_count") or tracker.get_slot("dont_know_count")
            if tracker.get_slot("reprompt") not in ("nobody", "dont_know_skip") and not stuck:
                return retry("step_who", "nobody")
            return self._helper_named(dispatcher, tracker, accept("step_who", SKIPPED))
        kind = hear("step_who", who, tracker)
        if kind != ANSWER:
            return reply_to_non_answer("step_who", kind, who, dispatcher, tracker)
        self._say_short(dispatcher, who)
        return self._helper_named(dispatcher, tracker, accept("step_who", who))

    def _helper_named(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, result: dict[str, Any]
    ) -> dict[str, Any]:
        """Where the cycle asks nothing more about the step, it is saved with its helper."""
        if "step_obstacle" in cycle_slots(tracker.get_slot("cycle")):
            return result
        return self._save_step(
            dispatcher, tracker, result, None, "step_who", ("step_what", "step_when")
        )

    def validate_step_zin(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = value or ""
        if is_skip(text):
            return {**accept("step_zin", SKIPPED), "zin_level": None}
        kind = hear("step_zin", text, tracker)
        score = scale_1_to_10(text) if kind == ANSWER else None
        if score is None:
            return reply_to_non_answer("step_zin", kind, text, dispatcher, tracker)
        dispatcher.utter_message(response="utter_reflect_zin", step_zin=str(score))
        return {**accept("step_zin", str(score)), "zin_level": "low" if score <= 5 else "high"}

    def validate_step_obstacle(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The last step question: the step is saved with everything the student said about it."""
        text = (value or "").strip()
        kind = hear("step_obstacle", text, tracker)
        nothing = kind == "dont_know" or is_not_an_answer(text) or is_skip(text)
        if kind != ANSWER and not nothing:
            return reply_to_non_answer("step_obstacle", kind, text, dispatcher, tracker)
        # "niks", "geen idee": nothing the student sees in the way; kept as no obstacle.
        obstacle = None if nothing else text
        result = {**accept("step_obstacle", obstacle or SKIPPED)}
        if obstacle:
            self._listen_back(dispatcher, obstacle)
        return self._save_step(
            dispatcher,
            tracker,
            result,
            obstacle,
            "step_obstacle",
            ("step_what", "step_when", "step_who", "step_zin"),
        )

    def _save_step(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        result: dict[str, Any],
        obstacle: str | None,
        slot: str,
        also: tuple[str, ...],
    ) -> dict[str, Any]:
        """The last step question of the cycle: the step is saved with everything the student
        said about it; after the last step the summary follows."""
        sender = tracker.sender_id
        who = result.get("step_who", tracker.get_slot("step_who"))
        when = tracker.get_slot("step_when")
        due = None if when in (None, SKIPPED) else date.fromisoformat(when)
        zin = tracker.get_slot("step_zin")
        repo().save_action_step(
            sender,
            tracker.get_slot("step_what"),
            due,
            None if who == SKIPPED else who,
            motivation=int(zin) if zin and zin != SKIPPED else None,
            obstacle=obstacle,
        )
        saved = int(tracker.get_slot("steps_saved") or 0) + 1
        result = {**result, "steps_saved": saved}
        if saved >= MAX_STEPS or "more_steps" not in cycle_slots(tracker.get_slot("cycle")):
            # Enough steps for one conversation: go straight to the summary.
            result["more_steps"] = "nee"
            utter_summary(dispatcher, sender)
        self._record(tracker, slot, result, also=also)
        return result

    def validate_more_steps(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # The check first: a yes that goes on about something else ("ja ik kom eraan") is no yes.
        kind = hear("more_steps", value or "", tracker)
        answer = yes_or_no(value or "") if kind == ANSWER else None
        if kind == "refusal":
            answer = False  # "wil ik niet", "boeie, volgende": no other step
        if answer is None:
            return reply_to_non_answer("more_steps", kind, value or "", dispatcher, tracker)
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
