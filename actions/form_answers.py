"""What every answer of the reflection form goes through (actions/reflection_form.py): the checks
a story answer gets (skip, not-knowing, too thin), storing it with its part and competencies in
one transaction, and saying it back (rules 3-6): the student's own clause in the second
person (``bot.nlp.reflection``), or a quoted phrase of their words when no clause fits.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_replies import reply_to_non_answer
from actions.common import repo
from actions.not_knowing import not_knowing
from actions.unsure_answers import hear
from bot.nlp.answer_check import ANSWER
from bot.nlp.answers import is_skip, is_thin, names_a_place
from bot.nlp.emotions import find_emotions
from bot.nlp.listening import listen_back
from bot.nlp.phases import (
    MIN_WORDS,
    SKIPPABLE_SLOTS,
    SKIPPED,
    competencies_of,
    cycle_slots,
    part_of,
)
from bot.nlp.reflection import (
    COMPLEX,
    Reflection,
    event_reply,
    link_all,
    reply_to,
    simple_reply,
    step_reply,
    thought_reply,
    whole_reply,
)

# Fewest words an answer needs; a shorter one is asked about once more.
STORY_SLOTS = MIN_WORDS


# The reflective questions whose answers are linked to the stories before them: each story
# is the slots that hold it, and a word is linked only when every story holds it.
FIRST_STORY = ("experience", "what_happened")
_BOTH_STORIES = (FIRST_STORY, ("other_situations",))
LINKED_SLOTS = {
    "other_situations": (FIRST_STORY,),
    "common_thread": _BOTH_STORIES,
    "qualities": _BOTH_STORIES,
    "motives": _BOTH_STORIES,
}


def told_so_far(earlier: str | None, text: str) -> str:
    """The story's details told so far and the new one, as sentences: "... best kritisch. ik
    voelde me gestrest" (run together, the clauses of two answers read as one)."""
    if not earlier:
        return text
    return f"{earlier} {text}" if earlier.rstrip()[-1:] in ".!?" else f"{earlier.rstrip()}. {text}"


def _said_before(tracker: Tracker, words: str) -> bool:
    """Whether the bot already said ``words`` in this conversation."""
    return any(
        event.get("event") == "bot" and words in (event.get("text") or "")
        for event in tracker.events
    )


def first_story(tracker: Tracker) -> str | None:
    """The first story to say back: the experience, or with what happened when the
    experience only set the scene ("kapsalon", then what happened there)."""
    experience = tracker.get_slot("experience")
    if not isinstance(experience, str) or not experience or experience == SKIPPED:
        return None
    thin = names_a_place(experience) or len(experience.split()) < MIN_STORY_WORDS
    return story_told(tracker, FIRST_STORY) if thin else experience


# Fewer words than this, the experience only set the scene ("kapsalon", "op stage").
MIN_STORY_WORDS = 4


def story_told(tracker: Tracker, names: tuple[str, ...]) -> str:
    """One story as the student told it over the slots ``names`` (the first: where it
    happened and what happened), as sentences."""
    told = ""
    for name in names:
        part = tracker.get_slot(name)
        if isinstance(part, str) and part and part != SKIPPED:
            told = told_so_far(told or None, part)
    return told


def retry(slot: str, reason: str) -> dict[str, Any]:
    """Ask ``slot`` again; ``reason`` picks the question's variation."""
    return {slot: None, "reprompt": reason, "experience_prompt": None}


def accept(slot: str, value: Any) -> dict[str, Any]:
    return {slot: value, "reprompt": None, "dont_know_count": 0, "misfit_count": 0}


class FormAnswers:
    """The steps every validator of the form shares; a mixin of ``ValidateReflectieForm``."""

    @staticmethod
    def _record(
        tracker: Tracker,
        slot: str,
        values: dict[str, Any],
        stored: dict[str, Any] | None = None,
        also: tuple = (),
    ) -> None:
        """Store the answer, mark its part and competencies as reached, and set the phase to
        the part of the next question: one transaction per answer."""
        asked = cycle_slots(tracker.get_slot("cycle"))
        filled = {name: tracker.get_slot(name) for name in asked}
        filled.update(values)
        if tracker.get_slot("due_step_id") is None:
            filled["step_outcome"] = SKIPPED
        next_slot = next((name for name in asked if not filled.get(name)), None)
        repo().record_answer(
            tracker.sender_id,
            {key: value for key, value in (stored or {}).items() if value != SKIPPED},
            [(part_of(answered), competencies_of(answered)) for answered in (*also, slot)],
            part_of(next_slot) if next_slot else "afronden",
        )

    @staticmethod
    def _reflect(dispatcher: CollectingDispatcher, reflection: Reflection) -> None:
        """Say a reflection (bot/nlp/reflection.py) with its domain response."""
        dispatcher.utter_message(response=reflection.response, **reflection.values)

    @staticmethod
    def _listen_back(
        dispatcher: CollectingDispatcher,
        text: str,
        step: bool = False,
        earlier_stories: tuple[str, ...] = (),
        both: bool = False,
        story: bool = False,
    ) -> None:
        """Say back the student's own words turned to "je": what this answer shares with each
        of ``earlier_stories``, two sides of a hesitation, a feeling with its moment, or their own
        clause (``bot.nlp.reflection.reply_to``); an action step as "je stuurt een mail ..."
        when ``step``. With ``both``, a complex reflection follows the student's own clause.
        A short answer with no clause of its own is said back whole, as "je"; a quoted phrase
        of their words only when none of these fits. A ``story`` whose clauses are all someone
        else's is said back by what happened, with its own subject."""
        thought = None if step else thought_reply(text)
        if thought:
            # A thought is said back as it was thought ("Je dacht: ik kan dit niet.").
            FormAnswers._reflect(dispatcher, thought)
            return
        reflection = step_reply(text) if step else reply_to(text, earlier_stories, story)
        if reflection:
            # The student's own clause first, or the short answer whole when it has none.
            own = (
                (simple_reply(text, story) or whole_reply(text))
                if reflection.kind == COMPLEX and both
                else None
            )
            if own and own.text != reflection.text:
                # First what they did or felt, then what links it (a complex reflection).
                FormAnswers._reflect(dispatcher, own)
            FormAnswers._reflect(dispatcher, reflection)
            return
        whole = whole_reply(text)
        if whole:
            # A short answer with no clause to pick is said back whole, as "je".
            FormAnswers._reflect(dispatcher, whole)
            return
        event = event_reply(text) if story else None
        if event:
            FormAnswers._reflect(dispatcher, event)
            return
        phrase = listen_back(text)
        # A feeling of the student's own was said with its moment above; one left over here is
        # someone else's ("als anderen boos worden") and is never quoted as theirs.
        if phrase and not find_emotions(phrase):
            dispatcher.utter_message(response="utter_listen_back", echo=phrase)

    def _problem(
        self, slot: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any] | None:
        """The checks every story answer gets; slot events to send back, or None when fine."""
        if is_skip(text):
            return (
                {**accept(slot, SKIPPED)} if slot in SKIPPABLE_SLOTS else not_knowing(slot, tracker)
            )
        kind = hear(slot, text, tracker)
        if kind != ANSWER:
            return reply_to_non_answer(slot, kind, text, dispatcher, tracker)
        already_asked_more = tracker.get_slot("reprompt") in ("thin", "thin_place")
        if is_thin(text, STORY_SLOTS.get(slot, 1)) and not already_asked_more:
            if names_a_place(text):
                # "stage", "bij de ah": the question that follows names it ("daar").
                return {**retry(slot, "thin_place"), "misfit_count": 0}
            # Said back first, then asked about a little more: the student was heard.
            whole = whole_reply(text)
            if whole:
                self._reflect(dispatcher, whole)
            return {**retry(slot, "thin"), "misfit_count": 0}
        return None

    def _story_answer(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        text = (value or "").strip()
        problem = self._problem(slot, text, dispatcher, tracker)
        if problem:
            if problem.get(slot) == SKIPPED:
                self._record(tracker, slot, problem)
            return problem
        result = accept(slot, text)
        self._record(tracker, slot, result, stored={slot: text})
        earlier: tuple[str, ...] = ()
        if slot in LINKED_SLOTS:
            # Said back with what it shares with each story told before (rule 6).
            earlier = tuple(
                told
                for told in (story_told(tracker, names) for names in LINKED_SLOTS[slot])
                if told
            )
            link = link_all(earlier, text) if earlier else None
            if link and _said_before(tracker, link.values["shared"]):
                earlier = ()  # the same words linked once already: said once, not again
        self._listen_back(
            dispatcher,
            text,
            earlier_stories=earlier,
            both=slot in LINKED_SLOTS,
            story=slot == "other_situations",
        )
        return result
