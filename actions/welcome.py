"""Who is this? The first action of every (re)start of the reflection.

A paused reflection resumes. A student who finished a conversation before is greeted with
what they chose last time, in their own words (kernwoord; steps turned to "je": "je belt je
mentor", ``bot.nlp.second_person``), and asked first how a due
step went: the cycle closes there. Everyone else gets the first-time welcome. A story told in
the first message is kept as the experience, so the student is never asked for it again.
All of it is read from the repository, not from the tracker.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import repo, today
from bot.nlp.answers import is_not_an_answer, step_outcome, tells_about_step, told_done, words
from bot.nlp.phases import FORM_SLOTS
from bot.nlp.second_person import step_for_student

STEP_OUTCOME_INTENTS = {"step_done": "gedaan", "step_not_done": "open"}
# A follow-up answered later than this is no longer about that step.
RECENT_FOLLOWUP_DAYS = 14
# A first message with this many words after its greeting is a story.
STORY_MIN_WORDS = 6
# A first message about a step this long also tells the new experience.
STORY_WITH_OUTCOME_WORDS = 10
_GREETING = re.compile(
    r"^\s*(?:(?:hoi|hey|hee|hai|hallo|hello|hi|yo|goedemorgen|goedemiddag|goedenavond|moi|dag)\b[\s,!.]*)+"
    r"(?:(?:lemniscaat|bot)\b[\s,!.]*)?",
    re.IGNORECASE,
)
_STORY_INTENTS = {"vertellen", "greet", "nlu_fallback"}
# How the step went, opening a longer message ("ja gelukt! ik mocht meelopen"): heard as the
# outcome, and left out of the experience the summary shows.
_OUTCOME_OPENING = re.compile(
    r"^\s*(?:(?:ja+|yes|nee+|nou|jep)[\s,!.]+)?(?:(?:het|t)\s+is\s+|is\s+)?(?:nog\s+)?(?:niet\s+)?"
    r"(?:gelukt|gedaan|mislukt|done)\s*[,!.:]+\s*(?=\w)",
    re.IGNORECASE,
)


def experience_after_outcome(story: str) -> str:
    """The story a returning student tells with how their step went, without that opening."""
    return _OUTCOME_OPENING.sub("", story, count=1)


def story_in(text: str) -> str:
    """The story in a first message without its greeting, or "" when there is none."""
    rest = _GREETING.sub("", text or "").strip()
    if len(words(rest)) < STORY_MIN_WORDS or is_not_an_answer(rest):
        return ""
    return rest


class ActionWelcome(Action):
    def name(self) -> str:
        return "action_welcome"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if any(tracker.get_slot(slot) for slot in FORM_SLOTS if slot != "share_consent"):
            dispatcher.utter_message(response="utter_welcome_resume")
            return []
        sender = tracker.sender_id
        latest = tracker.latest_message or {}
        intent: str = (latest.get("intent") or {}).get("name") or ""
        text = latest.get("text") or ""
        context = repo().returning_context(sender, today())
        events: list[dict[str, Any]] = [
            SlotSet("returning", context["returning"]),
            SlotSet("last_kernwoord", context["last_kernwoord"]),
            SlotSet("last_experience", context["last_experience"]),
        ]
        last = context["last_kernwoord"]
        if context["returning"] and last:
            # The loop fades: a returning student gets the short cycle, with last time's
            # kernwoord to test rather than to find again (a check-in or the whole reflection
            # on request, actions/reflection_form.py).
            events += [
                SlotSet("cycle", "short"),
                SlotSet("kernwoord", last),
                SlotSet("accepted", {"kernwoord": last}),
            ]
        due = context["due_steps"]
        recent = context["recent_step"]
        if (
            recent
            and (today() - date.fromisoformat(recent["asked_on"])).days > RECENT_FOLLOWUP_DAYS
        ):
            recent = None
        story = story_in(text) if intent in _STORY_INTENTS else ""
        told = text if intent != "greet" else story
        outcome = STEP_OUTCOME_INTENTS.get(intent)
        if outcome is None and (due or recent) and told:
            outcome = step_outcome(told)
        step = due[0] if due else recent
        if outcome is None and step is None and story:
            # A step not yet due that the student tells about at once ("ik heb die mail al
            # gestuurd"): it is closed the same way.
            step = next(
                (s for s in context["open_steps"] if tells_about_step(story, s["what"])), None
            )
            outcome = (
                (step_outcome(story) or ("gedaan" if told_done(story) else None)) if step else None
            )

        if outcome and step:
            # "Het is gelukt" (typed, or a follow-up button): about the oldest due step, or the
            # step a follow-up just asked about (whose status the channel may have set already).
            if step is not recent or recent["status"] == "open":
                repo().set_own_step_status(sender, step["id"], outcome)
            else:
                outcome = recent["status"]
            repo().mark_followup_sent(step["id"])
            said = step_for_student(step["what"])
            dispatcher.utter_message(response=f"utter_step_heard_{outcome}", due_step=said)
            events += [
                SlotSet("due_step", said),
                SlotSet("experience_prompt", f"step_{outcome}"),
            ]
            if len(words(story)) >= STORY_WITH_OUTCOME_WORDS:
                # It also tells what happened: that is the new experience.
                events.append(SlotSet("experience", experience_after_outcome(story)))
            if context["returning"] and last:
                dispatcher.utter_message(response="utter_offer_cycle")
            return events
        if due:
            step = due[0]
            kernwoord = context["last_kernwoord"]
            response = "utter_welcome_back_due" if kernwoord else "utter_welcome_back_due_plain"
            said = step_for_student(step["what"])
            dispatcher.utter_message(response=response, last_kernwoord=kernwoord, due_step=said)
            events += [
                SlotSet("due_steps", due),
                SlotSet("due_step_id", step["id"]),
                SlotSet("due_step", said),
            ]
        elif context["returning"]:
            open_steps = context["open_steps"]
            if context["last_kernwoord"] and open_steps:
                dispatcher.utter_message(
                    response="utter_welcome_back_step",
                    last_kernwoord=context["last_kernwoord"],
                    open_step=step_for_student(open_steps[0]["what"]),
                )
            elif context["last_kernwoord"]:
                dispatcher.utter_message(
                    response="utter_welcome_back", last_kernwoord=context["last_kernwoord"]
                )
            else:
                dispatcher.utter_message(response="utter_welcome_back_plain")
            events.append(SlotSet("experience_prompt", "returning"))
        else:
            dispatcher.utter_message(response="utter_greet")
        if context["returning"] and last:
            dispatcher.utter_message(response="utter_offer_cycle")

        if story:
            # Told at once: keep it; the form validates and stores it on activation.
            events.append(SlotSet("experience", story))
        return events
