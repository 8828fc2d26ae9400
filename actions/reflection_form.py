"""Validation of the reflection form: every answer is checked, stored as it comes in, and
either accepted or sent back with a reason that picks the next question's variation
(domain responses with a condition on the ``reprompt`` slot).

The method's rules in code:
- listening back (rules 3-6): before the next question the bot says back a short phrase of
  the student's own words (``bot.nlp.listening``), or acknowledges an emotion word;
- depth by meaning (rule 5): the small story is asked through, up to three times, for the
  detail it still lacks (who, what was said, what the student did, what they felt);
- broadening (rule 6): after the other situations, what those moments have in common;
- the kernwoord (rule 7) is tested against the stories and may be changed;
- not-knowing is never stored and gets a different way in each time (``actions.not_knowing``);
- activation goes through the kernwoord: a concrete step, a date, a helper, how much the
  student feels like it and what could get in the way;
- a returning student first says how their due step went, which becomes the new look back.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answer_replies import CONFIRM_SLOT, HELD, MISFITS_BEFORE_WAY_ON, reply_to_non_answer
from actions.common import repo
from actions.form_answers import accept, first_story, retry, told_so_far
from actions.not_knowing import not_knowing
from actions.step_validation import ActionStepValidation
from actions.unsure_answers import SAME_MOMENT, WHICH_MOMENT, confirmation, hear
from bot.nlp.answer_check import (
    ANSWER,
    UNSURE,
    finds_it_hard,
    is_curse,
    kernwoord_of,
    tells_a_loss,
)
from bot.nlp.answers import (
    consent_answer,
    cycle_choice,
    is_not_an_answer,
    is_skip,
    step_outcome,
    word_still_fits,
    words,
    yes_or_no,
)
from bot.nlp.emotions import find_emotions
from bot.nlp.phases import SKIPPED, cycle_slots
from bot.nlp.reflection import kernwoord_in_both, whole_reply
from bot.nlp.second_person import step_for_student
from bot.nlp.story import feeling_alone, late_detail, may_be_the_same_moment, missing_details

MAX_DETAIL_QUESTIONS = 2
# A step outcome this long also tells the new experience.
OUTCOME_STORY_WORDS = 8
# How a step went in a word or two ("slecht", "ging wel"): said back, then what happened asked.
OUTCOME_SAID_WORDS = 4


class ValidateReflectieForm(ActionStepValidation, FormValidationAction):
    """The form's validators: the shared steps are in actions/form_answers.py, the action-step
    questions (activeren) in actions/step_validation.py."""

    def name(self) -> str:
        return "validate_reflectie_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        # The questions of the chosen cycle; how a step went only when a due step is waiting.
        asked = cycle_slots(tracker.get_slot("cycle"))
        slots = [slot for slot in domain_slots if slot in asked]
        if tracker.get_slot("due_step_id") is None:
            slots = [slot for slot in slots if slot != "step_outcome"]
        held = tracker.get_slot(HELD)
        if held and not held.get("confirmed"):
            # A message the check was unsure of: first ask whether it answers the question.
            return [CONFIRM_SLOT, *slots]
        return slots

    def _cycle_chosen(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType] | None:
        """A returning student's choice between a check-in and the whole reflection, typed or
        pressed at the start: the cycle changes and the open question is asked again."""
        text = (tracker.latest_message or {}).get("text") or ""
        choice = cycle_choice(text) if tracker.get_slot("returning") else None
        if choice is None or tracker.get_slot("cycle") == choice:
            return None
        requested = tracker.get_slot("requested_slot")
        dispatcher.utter_message(response=f"utter_cycle_{choice}")
        events: list[EventType] = [SlotSet("cycle", choice)]
        if requested and tracker.get_slot(requested) == text:
            events.append(SlotSet(requested, None))
        if choice == "full":
            # The kernwoord is chosen again, last time's word first among the buttons.
            events += [SlotSet("kernwoord", None), SlotSet("accepted", {})]
        elif tracker.get_slot("experience_prompt") == "returning":
            events.append(SlotSet("experience_prompt", "checkin"))
        return events

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate each new answer once. When a paused form reopens, Rasa sends every filled
        slot again for validation; an answer already accepted (same value, recorded in the
        ``accepted`` slot) is kept as it is, so it is not stored, acknowledged or said back twice."""
        chosen = self._cycle_chosen(dispatcher, tracker)
        if chosen is not None:
            return chosen
        slots: dict[str, Any] = tracker.slots_to_validate()
        settled: dict[str, Any] = {}
        if CONFIRM_SLOT in slots:
            # The reply to "is dit je antwoord?": what it leaves to validate, at the held slot.
            settled, slots = confirmation(slots[CONFIRM_SLOT] or "", dispatcher, tracker)
        elif tracker.get_slot(HELD) and slots:
            # The check was not answered (an interruption came first): the held message goes.
            settled = {HELD: None}
            tracker.slots[HELD] = None
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        accepted = dict(tracker.get_slot("accepted") or {})
        for slot_name, slot_value in list(slots.items()):
            if slot_name not in required:
                slots.pop(slot_name)
                continue
            if slot_value is not None and accepted.get(slot_name) == slot_value:
                continue
            output = getattr(self, f"validate_{slot_name}")(slot_value, dispatcher, tracker, domain)
            slots.update(output)
            tracker.slots.update(output)
        for name, value in slots.items():
            if name in required and value is None:
                accepted.pop(name, None)
            elif name in required:
                accepted[name] = value
        if not slots and not settled:
            # Nothing to validate: no events, so Rasa sees the form reject this message and
            # the rules answer it (an interruption).
            return []
        return [SlotSet(slot, value) for slot, value in {**settled, **slots}.items()] + [
            SlotSet("accepted", accepted)
        ]

    def validate_as_answer(
        self, slot: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        """Validate ``text`` as the answer to ``slot`` outside the form's own turn (a message
        the intent classifier took for talk of something else, which the answer check for
        this question hears as an answer): the same validator, the same bookkeeping."""
        output = getattr(self, f"validate_{slot}")(text, dispatcher, tracker, {})
        accepted = dict(tracker.get_slot("accepted") or {})
        if output.get(slot) is None:
            accepted.pop(slot, None)
        else:
            accepted[slot] = output[slot]
        return [SlotSet(name, value) for name, value in output.items()] + [
            SlotSet("accepted", accepted)
        ]

    # ---- a returning student: how did the step go? -------------------------------------

    def validate_step_outcome(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = (value or "").strip()
        kind = hear("step_outcome", text, tracker)
        asked_with_buttons = int(tracker.get_slot("misfit_count") or 0) >= MISFITS_BEFORE_WAY_ON
        if kind != ANSWER and not asked_with_buttons:
            return reply_to_non_answer("step_outcome", kind, text, dispatcher, tracker)
        outcome = step_outcome(text) if kind == ANSWER else None
        story = kind == ANSWER and len(words(text)) >= OUTCOME_STORY_WORDS
        result: dict[str, Any] = {}
        if story and not tracker.get_slot("experience"):
            # The answer tells what happened: keep it as the new experience.
            result.update(self._new_experience(text, dispatcher, tracker, acknowledge=False))
        left_open = False
        if outcome is None:
            misfits = int(tracker.get_slot("misfit_count") or 0) + 1
            said = whole_reply(text) if len(words(text)) <= OUTCOME_SAID_WORDS else None
            if said and misfits < MISFITS_BEFORE_WAY_ON:
                # "slecht", "ging wel": how it went, heard; what happened is asked.
                self._reflect(dispatcher, said)
                return {**result, **retry("step_outcome", "outcome_more"), "misfit_count": misfits}
            if not asked_with_buttons:
                return {**result, **retry("step_outcome", "unclear"), "misfit_count": misfits}
            # Still unclear after the buttons: the step stays open and the talk goes on.
            dispatcher.utter_message(
                response="utter_step_left_open", due_step=tracker.get_slot("due_step")
            )
            outcome, left_open = "open", True
        sender = tracker.sender_id
        step_id = int(tracker.get_slot("due_step_id"))
        repo().set_own_step_status(sender, step_id, outcome)
        repo().mark_followup_sent(step_id)
        remaining = list(tracker.get_slot("due_steps") or [])
        remaining = [step for step in remaining if int(step["id"]) != step_id]
        if remaining:
            following = remaining[0]
            return {
                **result,
                "step_outcome": None,
                "due_steps": remaining,
                "due_step_id": following["id"],
                "due_step": step_for_student(following["what"]),
                "reprompt": "next_step",
                "misfit_count": 0,  # a new question: its own tries
            }
        if not left_open:
            # Said back before going on: how the step went, in the student's own step.
            dispatcher.utter_message(
                response=f"utter_step_heard_{outcome}", due_step=tracker.get_slot("due_step")
            )
        if story:
            # What the student told about it, in their own words turned to "je".
            self._listen_back(dispatcher, text, story=True)
        return {
            **result,
            **accept("step_outcome", outcome),
            "due_steps": [],
            "experience_prompt": f"step_{outcome}",
        }

    # ---- terugkijken ----------------------------------------------------------------

    def _new_experience(
        self,
        text: str,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        acknowledge: bool = True,
    ) -> dict[str, Any]:
        sender = tracker.sender_id
        # A new experience starts a new stored conversation (after /nieuw, or a finished one).
        if repo().open_conversation_has(sender, "experience"):
            repo().start_conversation(sender)
        emotions = find_emotions(text)
        found = [word for word, _ in emotions]
        if acknowledge and tells_a_loss(text):
            dispatcher.utter_message(response="utter_reflect_loss")
        if acknowledge:
            # An emotion of the student's own is said back with its moment (rules 3-4); never
            # someone else's feeling as theirs (bot/nlp/reflection.py).
            self._listen_back(dispatcher, text, story=True)
        result = {
            **accept("experience", text),
            "emotions": found,
            "story_details": None,
            "detail_questions": 0,
        }
        missing = missing_details(text)
        if missing and "said" not in missing:
            # Someone said or did something: what happened is told already, so the piece
            # still missing is asked for (rule 5), not the whole story again.
            result["reprompt"] = f"detail_{missing[0]}"
        self._record(tracker, "experience", result, stored={"experience": text, "emotions": found})
        return result

    def validate_experience(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = (value or "").strip()
        problem = self._problem("experience", text, dispatcher, tracker)
        if problem:
            return problem
        return self._new_experience(text, dispatcher, tracker)

    def validate_what_happened(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = (value or "").strip()
        kind = hear("what_happened", text, tracker)
        if is_not_an_answer(text) or is_skip(text) or kind in ("dont_know", "refusal"):
            if tracker.get_slot("story_details"):
                # Enough was told: not-knowing one detail does not undo the story.
                dispatcher.utter_message(response="utter_detail_let_go")
                return self._accept_story(
                    tracker.get_slot("story_details"), None, dispatcher, tracker
                )
            return not_knowing("what_happened", tracker)
        # A first "hmm" is thinking: the detail question waits for it once ("hmm lastig" says
        # the detail is hard to tell, and lets it rest).
        first_try = not tracker.get_slot("misfit_count")
        thinking = first_try and (
            (kind == "filler" and not finds_it_hard(text) and not is_curse(text))
            # "ja" to "wat werd er gezegd?": about to tell it ("Vertel maar, ik luister.")
            or (kind == "yes_no" and yes_or_no(text) is True)
        )
        if (
            kind != ANSWER
            and tracker.get_slot("story_details")
            and kind not in ("greeting", "explain", UNSURE)
            and not thinking
        ):
            # A detail asked about and not told: the story told so far stands.
            dispatcher.utter_message(response="utter_detail_let_go")
            return self._accept_story(tracker.get_slot("story_details"), None, dispatcher, tracker)
        if kind != ANSWER:
            return reply_to_non_answer("what_happened", kind, text, dispatcher, tracker)
        details = told_so_far(tracker.get_slot("story_details"), text)
        asked = int(tracker.get_slot("detail_questions") or 0)
        missing = [
            detail
            for detail in missing_details(f"{tracker.get_slot('experience') or ''} {details}")
            # A detail just asked for and not told is not asked for again: the student chose.
            if f"detail_{detail}" != tracker.get_slot("reprompt")
        ]
        if missing and asked < MAX_DETAIL_QUESTIONS:
            # Keep what was told so far, and ask for the piece that is still missing (rule 5).
            repo().save_reflection(tracker.sender_id, what_happened=details)
            self._listen_back(dispatcher, text, story=True)
            return {
                "what_happened": None,
                "story_details": details,
                "detail_questions": asked + 1,
                "reprompt": f"detail_{missing[0]}",
                "dont_know_count": 0,
                "experience_prompt": None,
            }
        return self._accept_story(details, text, dispatcher, tracker)

    def _accept_story(
        self, details: str, last: str | None, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        emotions = list(tracker.get_slot("emotions") or [])
        emotions += [word for word, _ in find_emotions(details) if word not in emotions]
        result = {
            **accept("what_happened", details),
            "emotions": emotions,
            "story_details": details,
        }
        self._record(
            tracker,
            "what_happened",
            result,
            stored={"what_happened": details, "emotions": emotions},
        )
        if last:
            self._listen_back(dispatcher, last, story=True)
        return result

    # ---- reflecteren ----------------------------------------------------------------

    def validate_other_situations(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = (value or "").strip()
        held = tracker.get_slot(HELD) or {}
        settled = held.get("slot") == "other_situations" and held.get("text") == text
        if settled and held.get("moment") == SAME_MOMENT:
            return self._late_detail(text, dispatcher, tracker)  # the student said so
        if late_detail(text) and tracker.get_slot("reprompt") != "after_detail":
            return self._late_detail(text, dispatcher, tracker)
        if (
            not settled
            and may_be_the_same_moment(text)
            and hear("other_situations", text, tracker) == ANSWER
        ):
            # Someone of the first moment's setting acting, nowhere else: asked whether it
            # goes on with that moment, as a coach would, before it is stored as a second one.
            return {
                "other_situations": None,
                HELD: {"slot": "other_situations", "text": text, "moment": WHICH_MOMENT},
                "reprompt": WHICH_MOMENT,
            }
        return self._story_answer("other_situations", value, dispatcher, tracker)

    def _late_detail(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """A thought or feeling of the first moment sent after it ("ik dacht ik kan dit niet"):
        kept with that story and said back, then another moment is asked for again."""
        earlier = tracker.get_slot("story_details") or tracker.get_slot("what_happened")
        details = told_so_far(earlier if earlier != SKIPPED else None, text)
        emotions = list(tracker.get_slot("emotions") or [])
        emotions += [word for word, _ in find_emotions(text) if word not in emotions]
        repo().save_reflection(tracker.sender_id, what_happened=details, emotions=emotions)
        feeling = feeling_alone(text)
        if feeling:
            # "blij eigenlijk": the feeling said back as a word, not the whole answer quoted.
            dispatcher.utter_message(
                response="utter_reflect_feeling_alone",
                feeling=feeling,
                feeling_cap=feeling.capitalize(),
            )
        else:
            self._listen_back(dispatcher, text, story=True)
        return {
            **retry("other_situations", "after_detail"),
            "story_details": details,
            "emotions": emotions,
        }

    def validate_common_thread(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._story_answer("common_thread", value, dispatcher, tracker)

    def validate_qualities(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._story_answer("qualities", value, dispatcher, tracker)

    def validate_to_learn(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._story_answer("to_learn", value, dispatcher, tracker)

    def validate_motives(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._story_answer("motives", value, dispatcher, tracker)

    def validate_kernwoord(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = (value or "").strip()
        if is_skip(text):
            return not_knowing("kernwoord", tracker)
        kind = hear("kernwoord", text, tracker)
        if kind != ANSWER:
            return reply_to_non_answer("kernwoord", kind, text, dispatcher, tracker)
        word = kernwoord_of(text)
        if word is None:
            return retry("kernwoord", "too_long_word")
        result = {**accept("kernwoord", word), "kernwoord_check": None}
        if tracker.get_slot("cycle") == "short":
            # A returning student chose this word instead of last time's: that was the check.
            result["kernwoord_check"] = "ja"
        dispatcher.utter_message(response="utter_reflect_kernwoord", kernwoord=word)
        self._record(tracker, "kernwoord", result, stored={"kernwoord": word})
        return result

    def validate_kernwoord_check(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Does the word fit both stories? Yes keeps it; no asks for the word again; another
        word typed here becomes the kernwoord (the student may change it). After two unclear
        answers the word is kept and the conversation goes on."""
        text = (value or "").strip()
        # The check first: a yes that goes on about something else ("ja mam ik kom zo") is no yes.
        kind = hear("kernwoord_check", text, tracker)
        answer = word_still_fits(text) if kind == ANSWER else None
        if answer is True:
            kernwoord = tracker.get_slot("kernwoord") or ""
            if tracker.get_slot("cycle") == "short":
                # Last time's word: with last time's story and what the student told today.
                now = [tracker.get_slot(name) for name in ("experience", "qualities")]
                both = kernwoord_in_both(
                    kernwoord,
                    tracker.get_slot("last_experience"),
                    next((n for n in now if n and n != SKIPPED), None),
                    response="utter_reflect_kernwoord_then_now",
                )
            else:
                both = kernwoord_in_both(
                    kernwoord, first_story(tracker), tracker.get_slot("other_situations")
                )
            if both:
                # The word with each story it belongs to: a reflection that links them.
                self._reflect(dispatcher, both)
            else:
                dispatcher.utter_message(
                    response="utter_reflect_kernwoord_fits", kernwoord=kernwoord
                )
            result = accept("kernwoord_check", "ja")
            # Stored with the check: a returning student's word comes from last time.
            self._record(
                tracker,
                "kernwoord_check",
                result,
                stored={"kernwoord": tracker.get_slot("kernwoord")},
            )
            return result
        if answer is False:
            return {"kernwoord": None, "kernwoord_check": None, "reprompt": "again"}
        word = kernwoord_of(text) if kind == ANSWER else None
        if word is not None:
            result = {**accept("kernwoord_check", "ja"), "kernwoord": word}
            self._record(tracker, "kernwoord_check", result, stored={"kernwoord": word})
            return result
        misfits = int(tracker.get_slot("misfit_count") or 0) + 1
        if misfits >= MISFITS_BEFORE_WAY_ON:
            dispatcher.utter_message(response="utter_kernwoord_kept")
            result = accept("kernwoord_check", "ja")
            # Kept, so stored as a yes would store it (a returning student's word is last time's).
            self._record(
                tracker,
                "kernwoord_check",
                result,
                stored={"kernwoord": tracker.get_slot("kernwoord")},
            )
            return result
        if kind in (ANSWER, "dont_know"):
            return {**retry("kernwoord_check", "unclear"), "misfit_count": misfits}
        return reply_to_non_answer("kernwoord_check", kind, text, dispatcher, tracker)

    # ---- vooruitkijken --------------------------------------------------------------

    def validate_options(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._story_answer("options", value, dispatcher, tracker)

    # ---- afronden -------------------------------------------------------------------

    def validate_share_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        answer = consent_answer(value or "")
        if answer is None:
            kind = hear("share_consent", value or "", tracker)
            return reply_to_non_answer("share_consent", kind, value or "", dispatcher, tracker)
        repo().set_consent(tracker.sender_id, answer)
        return {"share_consent": "ja" if answer else "nee", "reprompt": None}
