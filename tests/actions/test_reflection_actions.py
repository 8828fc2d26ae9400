"""The reflection's actions called directly, with rasa_sdk's own Tracker and dispatcher and a
real (temporary) database: what they store, which slots they set, what they say."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.not_knowing import not_knowing
from actions.reflection_form import ValidateReflectieForm
from actions.welcome import ActionWelcome, story_in
from bot.clock import today as product_today
from bot.nlp.answer_check import ANSWER
from bot.nlp.phases import SKIPPED

SENDER = "act-1"


def tracker(slots=None, text="", intent="vertellen", sender=SENDER):
    return Tracker(
        sender,
        dict(slots or {}),
        {"text": text, "intent": {"name": intent}},
        [],
        False,
        None,
        {"name": "reflectie_form"},
        "action_listen",
    )


def run_welcome(slots=None, text="hoi", intent="greet"):
    dispatcher = CollectingDispatcher()
    events = ActionWelcome().run(dispatcher, tracker(slots, text, intent), {})
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_a_first_time_student_gets_the_introduction(database_url):
    messages, slots = run_welcome()
    assert [m["response"] for m in messages] == ["utter_greet"]
    assert slots["returning"] is False and "experience" not in slots


@pytest.mark.parametrize(
    "text,story",
    [
        (
            "hoi! gisteren moest ik op stage alleen een klant helpen",
            "gisteren moest ik op stage alleen een klant helpen",
        ),
        (
            "Hallo Lemniscaat, mijn presentatie ging vandaag helemaal mis",
            "mijn presentatie ging vandaag helemaal mis",
        ),
        ("hoi", ""),
        ("hallo, weet ik niet", ""),
        ("goedemorgen", ""),
    ],
)
def test_a_story_in_the_first_message_is_found_without_its_greeting(text, story):
    assert story_in(text) == story


def test_a_story_told_at_once_becomes_the_experience(database_url):
    _, slots = run_welcome(
        text="hoi, vorige week moest ik bij mijn bijbaan de kassa alleen doen", intent="vertellen"
    )
    assert slots["experience"] == "vorige week moest ik bij mijn bijbaan de kassa alleen doen"


def _finished_conversation(repo, due):
    form = ValidateReflectieForm()
    form._new_experience(
        "Ik gaf een presentatie op stage en ik was trots", CollectingDispatcher(), tracker()
    )
    repo.save_reflection(SENDER, kernwoord="uitleggen")
    step_id = repo.save_action_step(SENDER, "de minorcoördinator mailen", due, None, motivation=8)
    repo.finish_conversation(SENDER)
    return step_id


def test_a_returning_student_is_asked_about_a_due_step_in_their_own_words(repo):
    step_id = _finished_conversation(repo, product_today() - timedelta(days=1))
    messages, slots = run_welcome()
    assert messages[0]["response"] == "utter_welcome_back_due"
    assert (
        messages[0]["last_kernwoord"] == "uitleggen"
        and messages[0]["due_step"] == "je mailt de minorcoördinator"  # turned to "je"
    )
    assert slots["due_step_id"] == step_id and slots["returning"] is True


def test_a_returning_student_without_due_steps_hears_their_kernwoord_and_open_step(repo):
    _finished_conversation(repo, product_today() + timedelta(days=5))
    messages, slots = run_welcome()
    assert messages[0]["response"] == "utter_welcome_back_step"
    assert messages[0]["open_step"] == "je mailt de minorcoördinator"
    assert slots["experience_prompt"] == "returning"


def test_the_follow_up_answer_sets_the_status_and_opens_the_new_look_back(repo):
    step_id = _finished_conversation(repo, product_today())
    messages, slots = run_welcome(text="Het is nog niet gelukt", intent="step_not_done")
    assert messages[0]["response"] == "utter_step_heard_open"
    assert (
        slots["experience_prompt"] == "step_open"
        and slots["due_step"] == "je mailt de minorcoördinator"
    )
    assert repo.export_student(SENDER)["conversations"][0]["action_steps"][0]["status"] == "open"
    # Asked once: "hoi" later does not ask about the same step again as if new.
    assert repo.returning_context(SENDER, product_today())["recent_step"]["id"] == step_id


def test_a_button_answer_whose_status_the_channel_already_set_still_opens_the_look_back(repo):
    step_id = _finished_conversation(repo, product_today())
    repo.mark_followup_sent(step_id)
    repo.set_own_step_status(SENDER, step_id, "bijgesteld")  # Telegram's "Anders gelopen"
    messages, slots = run_welcome(text="Het is anders gelopen", intent="vertellen")
    assert messages[0]["response"] == "utter_step_heard_bijgesteld"
    assert slots["experience_prompt"] == "step_bijgesteld"


def test_step_outcome_in_the_form_sets_the_status(repo):
    step_id = _finished_conversation(repo, product_today() - timedelta(days=3))
    dispatcher = CollectingDispatcher()
    slots = {"due_step_id": step_id, "due_steps": [{"id": step_id, "what": "x", "when": None}]}
    result = ValidateReflectieForm().validate_step_outcome(
        "Het is gelukt", dispatcher, tracker(slots), {}
    )
    assert result["step_outcome"] == "gedaan" and result["experience_prompt"] == "step_gedaan"
    assert repo.export_student(SENDER)["conversations"][0]["action_steps"][0]["status"] == "gedaan"


def test_not_knowing_never_repeats_the_previous_way_in():
    slots = {}
    seen = []
    for _ in range(6):
        result = not_knowing("experience", tracker(slots))
        assert result["experience"] is None
        assert result["reprompt"] != slots.get("reprompt")
        seen.append(result["reprompt"])
        slots = {**slots, **result}
    assert {"dont_know", "dont_know_example", "dont_know_pause"} <= set(seen)


def test_not_knowing_offers_the_students_own_earlier_words_and_skipping_where_it_may():
    slots = {
        "experience": "op mijn stage moest ik een klant helpen met een klacht",
        "other_situations": "bij de voetbalclub help ik de jeugd",
        "dont_know_count": 1,
        "reprompt": "dont_know",
    }
    result = not_knowing("qualities", tracker(slots))
    assert result["reprompt"] == "dont_know_words"
    own = (result["own_word_a"] + " " + result["own_word_b"]).lower()
    assert all(
        word in (slots["experience"] + " " + slots["other_situations"]).lower()
        for word in own.split()
    )
    skip = not_knowing(
        "qualities", tracker({**slots, "dont_know_count": 3, "reprompt": "dont_know_example"})
    )
    assert skip["reprompt"] == "dont_know_skip"


def test_depth_asks_for_the_missing_detail_then_accepts_the_story(repo):
    form = ValidateReflectieForm()
    form._new_experience("Ik had een presentatie op stage", CollectingDispatcher(), tracker())
    slots = {"experience": "Ik had een presentatie op stage"}
    first = form.validate_what_happened(
        "het ging niet zo goed", CollectingDispatcher(), tracker(slots), {}
    )
    assert first["what_happened"] is None and first["reprompt"] == "detail_who"
    slots.update(first)
    second = form.validate_what_happened(
        "mijn docent zei dat ik te snel praatte en ik schrok",
        CollectingDispatcher(),
        tracker(slots),
        {},
    )
    assert second["reprompt"] == "detail_did"
    slots.update(second)
    dispatcher = CollectingDispatcher()
    third = form.validate_what_happened(
        "ik ging toen langzamer praten", dispatcher, tracker(slots), {}
    )
    assert third["what_happened"].startswith("het ging niet zo goed. mijn docent zei")
    assert repo.export_student(SENDER)["what_happened"] == third["what_happened"]
    # Said back as the student's own clause, turned to "je".
    assert dispatcher.messages and dispatcher.messages[0]["response"] == "utter_reflect_simple"
    assert dispatcher.messages[0]["reflection"] == "je ging toen langzamer praten"


def test_a_story_that_tells_what_happened_is_asked_for_the_missing_piece_first(repo):
    form = ValidateReflectieForm()
    told = form._new_experience(
        "de chef schreeuwde tegen me en ik gooide de saus weg",
        CollectingDispatcher(),
        tracker(),
    )
    assert told["reprompt"] == "detail_felt"  # "Hoe was dat voor jou, op dat moment?"
    # A moment only named is asked to be told: the question's own wording.
    named = form._new_experience(
        "Ik had een presentatie op stage", CollectingDispatcher(), tracker()
    )
    assert named["reprompt"] is None


def test_a_thought_sent_after_the_story_is_kept_with_it_and_another_moment_asked_again(repo):
    form = ValidateReflectieForm()
    story = "de chef schreeuwde tegen me en ik gooide de saus weg"
    form._new_experience(story, CollectingDispatcher(), tracker())
    slots = {"experience": story, "what_happened": story, "story_details": story}
    dispatcher = CollectingDispatcher()
    late = form.validate_other_situations(
        "ik dacht ik kan dit niet", dispatcher, tracker(slots), {}
    )
    assert late["other_situations"] is None and late["reprompt"] == "after_detail"
    assert late["story_details"].endswith("ik dacht ik kan dit niet")
    assert repo.export_student(SENDER)["what_happened"] == late["story_details"]
    assert dispatcher.messages[0]["sentence"] == "Je dacht: ik kan dit niet."
    # Another moment told next is that moment.
    slots.update(late)
    moment = form.validate_other_situations(
        "vorig jaar op stage moest ik ook snel een taart maken en die mislukte",
        CollectingDispatcher(),
        tracker(slots),
        {},
    )
    assert moment["other_situations"].startswith("vorig jaar")
    # A feeling alone is that moment's too, said back as the word.
    dispatcher = CollectingDispatcher()
    felt = form.validate_other_situations(
        "blij eigenlijk", dispatcher, tracker({**slots, "reprompt": None}), {}
    )
    assert felt["reprompt"] == "after_detail" and "blij" in felt["emotions"]
    assert dispatcher.messages[0]["response"] == "utter_reflect_feeling_alone"


def test_a_helper_of_nobody_is_asked_once_more_then_kept_as_no_helper():
    form = ValidateReflectieForm()
    first = form.validate_step_who("niemand", CollectingDispatcher(), tracker({}), {})
    assert first == {"step_who": None, "reprompt": "nobody", "experience_prompt": None}
    second = form.validate_step_who(
        "geen idee", CollectingDispatcher(), tracker({"reprompt": "nobody"}), {}
    )
    assert second["step_who"] == SKIPPED
    # After a reply that did not fit, a "nee" or "niks" is not asked about once more.
    for text in ("nee", "niks", "doe ik zelf"):
        after_misfit = form.validate_step_who(
            text, CollectingDispatcher(), tracker({"reprompt": "unclear", "misfit_count": 1}), {}
        )
        assert after_misfit["step_who"] == SKIPPED, text


@pytest.mark.parametrize(
    "remark", ["lekker weer vandaag he", "mijn zus is morgen jarig", "vrijdag was ik ziek trouwens"]
)
def test_a_date_inside_a_remark_is_not_stored_as_the_steps_date(remark):
    form = ValidateReflectieForm()
    result = form.validate_step_when(remark, CollectingDispatcher(), tracker({}), {})
    assert result["step_when"] is None, result
    kept = form.validate_step_when("morgen na school", CollectingDispatcher(), tracker({}), {})
    assert kept["step_when"] == (product_today() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize("text", ["niemand", "misschien"])
def test_a_word_that_is_no_yes_gets_no_yes_acknowledgement(text):
    from actions.answer_replies import reply_to_non_answer

    dispatcher = CollectingDispatcher()
    reply_to_non_answer("step_what", "yes_no", text, dispatcher, tracker({"experience": "x"}))
    responses = [m.get("response") for m in dispatcher.messages]
    assert "utter_ack_yes_recap" not in responses and "utter_ack_yes" not in responses, responses


def test_a_vague_step_is_asked_to_become_concrete_once():
    form = ValidateReflectieForm()
    assert (
        form.validate_step_what("mijn best doen", CollectingDispatcher(), tracker({}), {})[
            "reprompt"
        ]
        == "vague"
    )
    again = form.validate_step_what(
        "mijn best doen", CollectingDispatcher(), tracker({"reprompt": "vague"}), {}
    )
    assert again["step_what"] == "mijn best doen"


def test_the_step_is_saved_with_motivation_and_obstacle(repo):
    form = ValidateReflectieForm()
    form._new_experience(
        "Ik gaf een presentatie op stage en ik was trots", CollectingDispatcher(), tracker()
    )
    slots = {
        "step_what": "de decaan mailen",
        "step_when": (product_today() + timedelta(days=2)).isoformat(),
        "step_who": SKIPPED,
        "step_zin": "4",
    }
    result = form.validate_step_obstacle(
        "dat ik het spannend vind", CollectingDispatcher(), tracker(slots), {}
    )
    assert result["steps_saved"] == 1
    (step,) = repo.export_student(SENDER)["action_steps"]
    assert (step["what"], step["who"], step["motivation"], step["obstacle"]) == (
        "de decaan mailen",
        None,
        4,
        "dat ik het spannend vind",
    )


def test_the_kernwoord_check_keeps_changes_or_asks_again(repo):
    form = ValidateReflectieForm()
    form._new_experience(
        "Ik gaf een presentatie op stage en ik was trots", CollectingDispatcher(), tracker()
    )
    slots = {"kernwoord": "uitleggen"}
    assert (
        form.validate_kernwoord_check("ja", CollectingDispatcher(), tracker(slots), {})[
            "kernwoord_check"
        ]
        == "ja"
    )
    assert form.validate_kernwoord_check("nee", CollectingDispatcher(), tracker(slots), {}) == {
        "kernwoord": None,
        "kernwoord_check": None,
        "reprompt": "again",
    }
    changed = form.validate_kernwoord_check("helpen", CollectingDispatcher(), tracker(slots), {})
    assert changed["kernwoord"] == "helpen" and repo.export_student(SENDER)["kernwoord"] == "helpen"


def test_a_kernwoord_kept_after_two_unclear_answers_is_stored(repo):
    form = ValidateReflectieForm()
    form._new_experience(
        "Ik hielp een klant die de weg kwijt was op mijn stage", CollectingDispatcher(), tracker()
    )
    slots = {"kernwoord": "zorgzaam", "misfit_count": 1}
    kept = form.validate_kernwoord_check(
        "de dag zelf, dus volgende week woensdag", CollectingDispatcher(), tracker(slots), {}
    )
    assert kept["kernwoord_check"] == "ja"
    assert repo.export_student(SENDER)["kernwoord"] == "zorgzaam"


def test_the_second_story_is_said_back_with_what_it_shares_with_the_first(repo):
    form = ValidateReflectieForm()
    form._new_experience(
        "Ik hielp een klant die boos was en ik heb het zelf opgelost",
        CollectingDispatcher(),
        tracker(),
    )
    slots = {"experience": "Ik hielp een klant die boos was en ik heb het zelf opgelost"}
    dispatcher = CollectingDispatcher()
    result = form.validate_other_situations(
        "Bij voetbal moest ik de ruzie zelf oplossen, net als met de klanten in de kantine",
        dispatcher,
        tracker(slots),
        {},
    )
    assert result["other_situations"].startswith("Bij voetbal")
    # First the student's own clause, then what links it to the first story.
    own, message = dispatcher.messages
    assert own["response"].startswith("utter_reflect_simple")
    assert "je de ruzie zelf oplossen" in own["reflection"]
    assert message["response"] == "utter_reflect_link"
    assert message["shared"] == "'zelf oplossen' en 'klanten'"


def test_a_hesitation_is_said_back_with_both_sides(repo):
    form = ValidateReflectieForm()
    form._new_experience(
        "Ik gaf een presentatie op stage en ik was trots", CollectingDispatcher(), tracker()
    )
    dispatcher = CollectingDispatcher()
    form.validate_options(
        "Ik twijfel tussen verpleegkunde en social work", dispatcher, tracker({}), {}
    )
    (message,) = dispatcher.messages
    assert message["response"] == "utter_reflect_double_between"
    assert (message["one"], message["other"]) == ("verpleegkunde", "social work")


def test_a_step_told_done_with_a_story_keeps_the_story_without_the_outcome(repo):
    _finished_conversation(repo, product_today())
    messages, slots = run_welcome(
        text="ja gelukt! ik mocht een ochtend meelopen en een moeder liet me de baby vasthouden",
        intent="vertellen",
    )
    assert messages[0]["response"] == "utter_step_heard_gedaan"
    assert (
        slots["experience"]
        == "ik mocht een ochtend meelopen en een moeder liet me de baby vasthouden"
    )


def test_a_detail_not_told_is_let_go_with_a_word(repo):
    form = ValidateReflectieForm()
    slots = {"experience": "Ik had een presentatie op stage", "story_details": "het ging mis"}
    dispatcher = CollectingDispatcher()
    result = form.validate_what_happened("hmm lastig", dispatcher, tracker(slots), {})
    assert result["what_happened"] == "het ging mis"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_detail_let_go"]


def test_a_message_meant_for_someone_else_is_not_said_back_to_the_student():
    from actions.answer_replies import reply_to_non_answer

    dispatcher = CollectingDispatcher()
    # After one answer that did not fit: a message sent here by mistake is no second one.
    result = reply_to_non_answer(
        "other_situations",
        "off_topic",
        "bro wacht op mij bij de ingang",
        dispatcher,
        tracker({"misfit_count": 1}),
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_ack_someone_else"]
    assert result["misfit_count"] == 1 and result["other_situations"] is None


def test_no_date_yet_is_heard_and_the_step_kept_without_one():
    dispatcher = CollectingDispatcher()
    result = ValidateReflectieForm().validate_step_when(
        "nog geen datum", dispatcher, tracker({}), {}
    )
    assert result["step_when"] == SKIPPED
    assert [m.get("response") for m in dispatcher.messages] == ["utter_reflect_no_date"]


def _confirm_reply(reply, held, slots=None, form_slot="motives"):
    """The form's validation of a reply to "is dit je antwoord?" about ``held``."""
    from rasa_sdk.events import SlotSet

    events = [SlotSet("answer_confirm", reply)]
    state = {
        "unsure_answer": held,
        "requested_slot": "answer_confirm",
        "answer_confirm": reply,
        **(slots or {}),
    }
    track = Tracker(
        SENDER,
        state,
        {"text": reply, "intent": {"name": "affirm"}},
        events,
        False,
        None,
        {"name": "reflectie_form"},
        "action_listen",
    )
    dispatcher = CollectingDispatcher()
    domain = {
        "slots": {name: {} for name in (form_slot, "answer_confirm", "unsure_answer")},
        "forms": {"reflectie_form": {"required_slots": [form_slot]}},
    }
    out = asyncio.run(ValidateReflectieForm().get_validation_events(dispatcher, track, domain))
    return dispatcher.messages, {e["name"]: e["value"] for e in out if e.get("event") == "slot"}


def test_a_message_the_check_is_unsure_of_is_held_and_asked_about():
    from actions.answer_replies import reply_to_non_answer
    from bot.nlp.answer_check import UNSURE

    dispatcher = CollectingDispatcher()
    text = "kut, ik heb mn sleutels laten liggen"
    result = reply_to_non_answer("motives", UNSURE, text, dispatcher, tracker({"misfit_count": 1}))
    # Nothing said yet: the form asks the check (utter_ask_answer_confirm) instead of its question.
    assert dispatcher.messages == []
    assert result["motives"] is None
    assert result["unsure_answer"] == {"slot": "motives", "text": text}
    assert "misfit_count" not in result
    domain_slots = ["motives", "answer_confirm"]
    form = ValidateReflectieForm()
    held = tracker({"unsure_answer": result["unsure_answer"]})
    asked = asyncio.run(form.required_slots(domain_slots, dispatcher, held, {}))
    assert asked[0] == "answer_confirm"
    # Once confirmed, the check is no longer asked.
    confirmed = tracker({"unsure_answer": {**result["unsure_answer"], "confirmed": True}})
    assert "answer_confirm" not in asyncio.run(
        form.required_slots(domain_slots, dispatcher, confirmed, {})
    )


def test_a_yes_to_the_check_stores_the_held_message(repo):
    held = {"slot": "motives", "text": "dat ik mensen echt kan helpen, ook als het druk is"}
    _, slots = _confirm_reply("ja", held)
    assert slots["motives"] == held["text"]
    assert slots["unsure_answer"] is None and slots["answer_confirm"] is None
    assert repo.open_conversation_has(SENDER, "motives")


def test_a_no_to_the_check_sets_the_message_aside_and_asks_again(repo):
    held = {"slot": "motives", "text": "kut, ik heb mn sleutels laten liggen"}
    messages, slots = _confirm_reply("nee", held)
    assert [m.get("response") for m in messages] == ["utter_unsure_set_aside"]
    assert slots["motives"] is None and slots["unsure_answer"] is None
    assert slots["misfit_count"] == 1
    assert not repo.open_conversation_has(SENDER, "motives")


def test_a_no_after_a_misfit_gives_the_way_on(repo):
    held = {"slot": "motives", "text": "kut, ik heb mn sleutels laten liggen"}
    _, slots = _confirm_reply("nee", held, {"misfit_count": 1})
    assert slots["reprompt"] == "dont_know_skip" and slots["misfit_count"] == 2


def test_another_reply_to_the_check_is_a_new_try_at_the_question(repo):
    held = {"slot": "motives", "text": "kut, ik heb mn sleutels laten liggen"}
    reply = "ik krijg energie van mensen helpen die het lastig hebben"
    _, slots = _confirm_reply(reply, held)
    assert slots["motives"] == reply and slots["unsure_answer"] is None


@pytest.mark.parametrize("reply", ["hmm", "haha", "kut"])
def test_a_reply_that_says_nothing_keeps_the_held_message_and_asks_once_more(repo, reply):
    held = {"slot": "what_happened", "text": "ik zei sorry en toen liep ze weg"}
    messages, slots = _confirm_reply(reply, held)
    assert "unsure_answer" not in slots  # still held
    assert slots["answer_confirm"] is None and slots["reprompt"] == "confirm_again"
    assert messages == []
    # twice: set aside, as after a no
    messages, slots = _confirm_reply(reply, held, {"reprompt": "confirm_again"})
    assert slots["unsure_answer"] is None and slots["what_happened"] is None
    assert [m.get("response") for m in messages] == ["utter_unsure_set_aside"]
    assert not repo.open_conversation_has(SENDER, "what_happened")


def test_a_story_that_may_go_on_with_the_first_moment_is_asked_about(repo):
    first = {"experience": "zaterdag liet ik op mn werk een dienblad met glazen vallen"}
    text = "mn collega hielp me opruimen en zei dat het iedereen gebeurt"
    dispatcher = CollectingDispatcher()
    result = ValidateReflectieForm().validate_other_situations(text, dispatcher, tracker(first), {})
    assert result["other_situations"] is None and result["reprompt"] == "which_moment"
    held = result["unsure_answer"]
    assert held == {"slot": "other_situations", "text": text, "moment": "which_moment"}
    assert dispatcher.messages == [] and not repo.open_conversation_has(SENDER, "other_situations")
    # "Nog het eerste moment": kept with the first story, and another moment asked for
    messages, slots = _confirm_reply("hetzelfde moment", held, first, "other_situations")
    assert slots["other_situations"] is None and slots["reprompt"] == "after_detail"
    assert text in slots["story_details"]
    assert not repo.open_conversation_has(SENDER, "other_situations")
    # "Een ander moment": the second moment
    _, slots = _confirm_reply("een ander moment", held, first, "other_situations")
    assert slots["other_situations"] == text
    assert repo.open_conversation_has(SENDER, "other_situations")


@pytest.mark.parametrize(
    "text",
    [
        "mn opa was ziek en ik heb hem elke dag eten gebracht",  # family: a moment of its own
        "ja op school viel mn laptop uit en iedereen keek",  # another place
        "mn collega hielp me ook een keer toen ik ziek was",  # another time
    ],
)
def test_a_second_moment_of_its_own_is_not_asked_about(repo, text):
    result = ValidateReflectieForm().validate_other_situations(
        text, CollectingDispatcher(), tracker({"experience": "ik liet een dienblad vallen"}), {}
    )
    assert result["other_situations"] == text


def test_a_second_unsure_message_right_after_the_check_is_taken():
    from actions.unsure_answers import hear
    from bot.nlp.answer_check import UNSURE, check_answer

    text = "kut, ik heb mn sleutels laten liggen"
    assert check_answer("step_outcome", text, product_today()) == UNSURE
    assert hear("step_outcome", text, tracker({})) == UNSURE
    held = {"slot": "step_outcome", "text": "iets anders"}
    assert hear("step_outcome", text, tracker({"unsure_answer": held})) == ANSWER


def test_a_remark_about_something_else_is_no_question_the_bot_cannot_answer():
    from actions.back_to_thread import ActionBackToThread

    slots = {"requested_slot": "other_situations", "experience": "Ik gaf een pitch op stage"}
    remark = "sorry mn huisgenoot staat te koken en het hele huis ruikt naar knoflook"
    dispatcher = CollectingDispatcher()
    ActionBackToThread().run(dispatcher, tracker(slots, remark, "out_of_scope"), {})
    responses = [m.get("response") for m in dispatcher.messages]
    assert responses and "utter_out_of_scope_recap" not in responses
    assert responses[0] in ("utter_reflect_off_topic", "utter_ack_off_topic_recap")
    question = CollectingDispatcher()
    ActionBackToThread().run(question, tracker(slots, "hoe laat is het?", "out_of_scope"), {})
    assert [m.get("response") for m in question.messages] == ["utter_out_of_scope_recap"]


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("nee ik wil beter nee leren zeggen", "je wilt beter nee leren zeggen"),
        ("nou, ik help graag mensen", "je helpt graag mensen"),
        ("nee niks", "nee niks"),  # the no is the answer here
        ("rustig blijven", "rustig blijven"),
    ],
)
def test_the_summary_leaves_out_the_word_that_opens_a_chat_answer(answer, said):
    from actions.summary import _said

    assert _said(answer) == said


def test_a_student_away_for_a_moment_is_waited_for_without_a_try_counted():
    from actions.answer_replies import reply_to_non_answer

    dispatcher = CollectingDispatcher()
    result = reply_to_non_answer(
        "step_what", "off_topic", "ff wachten mn moeder roept", dispatcher, tracker({})
    )
    assert [m.get("response") for m in dispatcher.messages] == ["utter_ack_wait"]
    assert result["misfit_count"] == 0 and result["step_what"] is None


def test_a_step_whose_outcome_was_heard_in_a_finished_conversation_is_not_heard_again(repo):
    step_id = _finished_conversation(repo, product_today() - timedelta(days=3))
    repo.start_conversation(SENDER)
    ValidateReflectieForm().validate_step_outcome(
        "Het is gelukt",
        CollectingDispatcher(),
        tracker({"due_step_id": step_id, "due_steps": [{"id": step_id, "what": "x"}]}),
        {},
    )
    assert repo.returning_context(SENDER, product_today())["recent_step"]["id"] == step_id
    repo.finish_conversation(SENDER)
    # A "ja" after the summary starts a new conversation, not the same step celebrated again.
    assert repo.returning_context(SENDER, product_today())["recent_step"] is None
    messages, _ = run_welcome(text="ja", intent="affirm")
    assert not [m for m in messages if m.get("response", "").startswith("utter_step_heard")]


def test_a_link_to_both_stories_follows_the_short_answer_said_back_whole(repo):
    form = ValidateReflectieForm()
    form._new_experience(
        "op mijn bijbaan moest ik de drive doen", CollectingDispatcher(), tracker()
    )
    slots = {
        "experience": "op mijn bijbaan moest ik de drive doen",
        "other_situations": "op school moest ik een presentatie overnemen toen niemand kwam",
    }
    dispatcher = CollectingDispatcher()
    form.validate_common_thread(
        "dat ik het overneem als het misgaat", dispatcher, tracker(slots), {}
    )
    responses = [m.get("response") for m in dispatcher.messages]
    # "overnemen" is in the second story only: "in allebei je verhalen" would not be true
    assert responses == ["utter_reflect_whole"], responses
    assert dispatcher.messages[0]["sentence"] == "Dat je het overneemt als het misgaat."
    slots["experience"] = "op mijn bijbaan moest ik de drive overnemen van een collega"
    dispatcher = CollectingDispatcher()
    form.validate_common_thread(
        "dat ik het overneem als het misgaat", dispatcher, tracker(slots), {}
    )
    responses = [m.get("response") for m in dispatcher.messages]
    assert responses == ["utter_reflect_whole", "utter_reflect_link"], responses
    assert dispatcher.messages[1]["shared"] == "'overnemen'"


def test_a_first_hmm_at_a_detail_question_is_given_time():
    form = ValidateReflectieForm()
    slots = {
        "experience": "Ik had een presentatie op stage",
        "story_details": "het ging mis",
        "reprompt": "detail_felt",
    }
    dispatcher = CollectingDispatcher()
    result = form.validate_what_happened("hmm", dispatcher, tracker(slots), {})
    assert result["what_happened"] is None  # asked again, nothing let go yet
    assert result["reprompt"] == "detail_felt"  # the same detail, not the whole story again
    assert [m.get("response") for m in dispatcher.messages] == ["utter_reflect_hesitation"]
    # a yes is about to tell it: asked again too
    dispatcher = CollectingDispatcher()
    yes = form.validate_what_happened("ja", dispatcher, tracker(slots), {})
    assert yes["what_happened"] is None and yes["reprompt"] == "detail_felt"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_ack_yes_recap"]
    # a curse is no thinking aloud: the detail rests at once
    dispatcher = CollectingDispatcher()
    cursed = form.validate_what_happened("kut", dispatcher, tracker(slots), {})
    assert cursed["what_happened"] == "het ging mis"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_detail_let_go"]
    # a second one lets the detail rest
    dispatcher = CollectingDispatcher()
    again = form.validate_what_happened(
        "hmm", dispatcher, tracker({**slots, "misfit_count": 1}), {}
    )
    assert again["what_happened"] == "het ging mis"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_detail_let_go"]


def test_someone_elses_news_is_heard_as_theirs_and_the_question_turned_back():
    form = ValidateReflectieForm()
    dispatcher = CollectingDispatcher()
    result = form.validate_experience(
        "mn broer heeft gister zn rijbewijs gehaald", dispatcher, tracker({}), {}
    )
    assert result["experience"] is None  # nothing stored
    (message,) = dispatcher.messages
    assert message["response"] == "utter_reflect_someone_elses_news"
    assert message["remark"] == "Je broer heeft gister zn rijbewijs gehaald."
    # the student's own moment with the brother in it is a story
    own = CollectingDispatcher()
    told = form.validate_experience(
        "mn broer had huiswerk en ik heb hem een uur geholpen", own, tracker({}), {}
    )
    assert told["experience"]


def test_a_loss_told_as_the_moment_is_heard_with_a_word_of_sympathy(repo):
    form = ValidateReflectieForm()
    dispatcher = CollectingDispatcher()
    result = form.validate_experience(
        "mijn opa is vorige week overleden", dispatcher, tracker({}), {}
    )
    assert result["experience"] == "mijn opa is vorige week overleden"
    assert dispatcher.messages[0]["response"] == "utter_reflect_loss"


@pytest.mark.parametrize("text", ["ja mam ik kom er zo aan", "yes we finally won the game"])
def test_a_yes_meant_for_another_chat_does_not_confirm_the_kernwoord(repo, text):
    form = ValidateReflectieForm()
    slots = {"kernwoord": "rustig", "experience": "ik bleef rustig bij een boze klant"}
    dispatcher = CollectingDispatcher()
    result = form.validate_kernwoord_check(text, dispatcher, tracker(slots), {})
    assert not result.get("kernwoord_check")  # asked again (or asked about), not confirmed
    responses = [m.get("response") for m in dispatcher.messages]
    assert "utter_reflect_kernwoord_fits" not in responses


def test_a_yes_meant_for_another_chat_adds_no_step(repo):
    dispatcher = CollectingDispatcher()
    result = ValidateReflectieForm().validate_more_steps(
        "ja ik kom er zo aan", dispatcher, tracker({}), {}
    )
    assert result.get("more_steps") is None and "step_what" not in result


def test_a_remark_is_said_back_without_its_opening_no():
    from actions.answer_replies import _remark_said_back

    assert _remark_said_back("nee mn broertje zit aan mn telefoon") == (
        "Je broertje zit aan je telefoon."
    )


def test_a_loss_told_at_another_question_gets_sympathy_not_the_off_topic_reply(repo):
    form = ValidateReflectieForm()
    dispatcher = CollectingDispatcher()
    slots = {"experience": "ik moest alleen de kassa doen"}
    result = form.validate_motives("mijn oma is gisteren overleden", dispatcher, tracker(slots), {})
    assert result["motives"] is None  # nothing stored as a motive
    assert [m.get("response") for m in dispatcher.messages] == ["utter_reflect_loss_between"]


def test_a_day_the_student_is_busy_is_said_back_and_another_day_asked():
    from actions.answer_replies import reply_to_non_answer

    dispatcher = CollectingDispatcher()
    events = reply_to_non_answer(
        "step_when", "off_topic", "zaterdag moet ik werken", dispatcher, tracker({})
    )
    assert events["step_when"] is None and events["reprompt"] == "other_day"
    assert dispatcher.messages[0]["response"] == "utter_reflect_busy_day"
    assert dispatcher.messages[0]["sentence"] == "Zaterdag moet je werken."


def test_an_answer_the_classifier_took_for_something_else_is_validated_as_the_answer(repo):
    from actions.back_to_thread import ActionBackToThread

    step = "ff op de site van de hotelschool kijken"
    slots = {"requested_slot": "step_what", "kernwoord": "rustig"}
    dispatcher = CollectingDispatcher()
    events = ActionBackToThread().run(dispatcher, tracker(slots, step, "out_of_scope"), {})
    values = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert values["step_what"] == step and values["accepted"]["step_what"] == step
    assert [m.get("response") for m in dispatcher.messages] == ["utter_reflect_step"]
    # talk of something else is still heard as such
    remark = "ff wachten mn moeder roept"
    dispatcher = CollectingDispatcher()
    events = ActionBackToThread().run(dispatcher, tracker(slots, remark, "out_of_scope"), {})
    assert not [e for e in events if e.get("name") == "step_what"]


def test_the_goodbye_after_sharing_says_whether_a_coach_can_see_it(repo):
    from actions.lifecycle import ActionFinishReflection

    repo.save_reflection(SENDER, experience="ik liet een dienblad vallen")
    dispatcher = CollectingDispatcher()
    ActionFinishReflection().run(dispatcher, tracker({"share_consent": "ja"}), {})
    assert [m.get("response") for m in dispatcher.messages] == ["utter_finished_shared_no_coach"]
    coach_id = repo.add_coach("coach@example.nl", "hash")
    assert repo.link_student_to_coach(SENDER, repo.create_invite_code(coach_id))
    dispatcher = CollectingDispatcher()
    ActionFinishReflection().run(dispatcher, tracker({"share_consent": "ja"}), {})
    assert [m.get("response") for m in dispatcher.messages] == ["utter_finished_shared"]


def test_how_a_step_went_in_a_word_is_said_back_and_what_happened_asked(repo):
    slots = {"due_step_id": 1, "due_step": "je mailt je mentor"}
    dispatcher = CollectingDispatcher()
    result = ValidateReflectieForm().validate_step_outcome("slecht", dispatcher, tracker(slots), {})
    assert result["step_outcome"] is None and result["reprompt"] == "outcome_more"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_reflect_whole"]
    # a second unclear answer: the buttons, nothing more said back
    dispatcher = CollectingDispatcher()
    result = ValidateReflectieForm().validate_step_outcome(
        "ging wel", dispatcher, tracker({**slots, "misfit_count": 1}), {}
    )
    assert result["reprompt"] == "unclear" and dispatcher.messages == []


def test_a_feeling_of_the_students_own_between_questions_is_heard_not_put_aside():
    from actions.answer_replies import acknowledge

    dispatcher = CollectingDispatcher()
    acknowledge("off_topic", "ik was echt moe", "qualities", dispatcher, tracker({}))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_reflect_feeling_between"]
    assert dispatcher.messages[0]["remark"] == "Je was echt moe."
    dispatcher = CollectingDispatcher()
    acknowledge("off_topic", "ik zit in de trein", "qualities", dispatcher, tracker({}))
    assert [m.get("response") for m in dispatcher.messages] == ["utter_reflect_off_topic"]


def test_the_same_link_is_said_once_in_a_conversation(repo):
    slots = {
        "experience": "op stage bij de kapper hielp ik een klant",
        "other_situations": "bij de bakker hielp ik ook klanten",
    }
    form = ValidateReflectieForm()
    first = CollectingDispatcher()
    form.validate_common_thread("klanten helpen", first, tracker(slots), {})
    assert "utter_reflect_link" in [m.get("response") for m in first.messages]
    said = [{"event": "bot", "text": "In allebei je verhalen noem je 'klanten'."}]
    track = tracker(slots)
    track.events = said
    again = CollectingDispatcher()
    form.validate_motives("dat klanten blij zijn", again, track, {})
    assert "utter_reflect_link" not in [m.get("response") for m in again.messages]


def test_a_first_story_that_names_only_the_place_is_told_with_what_happened():
    from actions.form_answers import first_story

    slots = {"experience": "kapsalon", "what_happened": "ik mocht zelf een klant knippen"}
    assert "ik mocht zelf een klant knippen" in first_story(tracker(slots))
    told = {**slots, "experience": "op stage mocht ik zelf een klant knippen"}
    assert first_story(tracker(told)) == told["experience"]


def test_how_a_step_went_stays_unclear_after_the_buttons_the_step_stays_open(repo):
    step_id = _finished_conversation(repo, product_today() - timedelta(days=3))
    slots = {"due_step_id": step_id, "due_step": "je mailt je mentor", "misfit_count": 2}
    dispatcher = CollectingDispatcher()
    result = ValidateReflectieForm().validate_step_outcome(
        "mn mentor", dispatcher, tracker(slots), {}
    )
    # no third time the same question: the step stays open and the talk goes on
    assert result["step_outcome"] == "open"
    assert [m.get("response") for m in dispatcher.messages] == ["utter_step_left_open"]


def test_the_next_due_step_gets_its_own_tries(repo):
    step_id = _finished_conversation(repo, product_today() - timedelta(days=3))
    later = repo.save_action_step(SENDER, "een open dag kiezen", product_today(), None)
    slots = {
        "due_step_id": step_id,
        "due_step": "je mailt de minorcoördinator",
        "due_steps": [{"id": step_id, "what": "x"}, {"id": later, "what": "een open dag kiezen"}],
        "misfit_count": 1,
    }
    result = ValidateReflectieForm().validate_step_outcome(
        "het is gelukt", CollectingDispatcher(), tracker(slots), {}
    )
    assert result["due_step_id"] == later and result["misfit_count"] == 0
