import json

import pytest

from bot.nlp.answers import is_dont_know, is_emoji_only, is_thin, looks_english, yes_or_no
from bot.nlp.commands import normalise_student_text
from bot.nlp.emotions import NEGATIVE, POSITIVE, find_emotions
from bot.nlp.kernwoorden import candidate_kernwoorden
from bot.rasa_plugins.signals import signal_for


def test_emotion_words_by_lemma_and_slang():
    found = find_emotions("Ik was echt trots maar ook zenuwachtig, en daarna baalde ik")
    assert found[:2] == [("trots", POSITIVE), ("zenuwachtig", NEGATIVE)]
    assert ("baalde", NEGATIVE) in found
    assert find_emotions("Ik heb een presentatie gegeven over mijn stage") == []


def test_kernwoord_candidates_are_only_the_students_words():
    answers = {
        "experience": "Ik hielp een nieuwe collega op mijn stage en ik was trots",
        "other_situations": "Thuis help ik mijn broertje ook vaak met zijn huiswerk",
        "qualities": "Ik kan goed uitleggen en ik ben geduldig",
        "motives": "Ik vind het belangrijk dat anderen verder komen, helpen geeft me energie",
    }
    candidates = candidate_kernwoorden(answers)
    student_words = set(" ".join(answers.values()).lower().replace(",", " ").split())
    assert candidates and set(candidates) <= student_words
    assert "helpen" in candidates or "hielp" in candidates or "help" in candidates
    assert not set(candidates) & {"ik", "het", "en", "vind", "belangrijk"}


def test_chat_spelling_of_a_filler_is_never_offered_as_kernwoord():
    answers = {
        "experience": "ik moest gwn ineens alleen de kassa doen, egt chaos",
        "what_happened": "ik heb gwn de klanten geholpen en het liep lekker",
        "motives": "dat ik mensen help en dat het gwn lekker loopt",
    }
    candidates = candidate_kernwoorden(answers)
    assert candidates
    assert not set(candidates) & {"gwn", "egt", "lekker", "loopt", "liep", "ineens"}, candidates


def test_a_verb_that_only_carries_another_word_is_never_offered_as_kernwoord():
    answers = {
        "experience": "gister op werk was er een klant boos en ik bleef rustig",
        "other_situations": "op stage had een mevrouw ruzie en ik heb ze gekalmeerd",
        "qualities": "rustig blijven",
        "motives": "dat mensen weer blij zijn",
    }
    candidates = candidate_kernwoorden(answers)
    assert "rustig" in candidates
    assert not set(candidates) & {"blijven", "bleef"}, candidates
    # nor any conjugated form of one, which the lemmatizer may not know
    conjugated = candidate_kernwoorden(
        {
            "common_thread": "dat ik rustig blijf",
            "motives": "dat het team op me rekent, dat geeft energie",
        }
    )
    assert not set(conjugated) & {"blijf", "geeft"}, conjugated
    # the verb that closes a "dat ik ..." clause is conjugated too
    closing = candidate_kernwoorden({"common_thread": "dat ik verantwoordelijkheid pak"})
    assert closing == ["verantwoordelijkheid"], closing
    assert "rustig" in conjugated


def test_a_verb_is_offered_in_the_base_form_the_student_wrote():
    answers = {
        "other_situations": "op school moest ik een presentatie overnemen toen niemand kwam",
        "common_thread": "dat ik het overneem als het nodig is",
    }
    candidates = candidate_kernwoorden(answers)
    assert "overnemen" in candidates and "overneem" not in candidates, candidates


@pytest.mark.parametrize(
    "text",
    [
        "weet ik niet",
        "idk",
        "geen idee",
        "Ik weet het echt niet.",
        "pff geen flauw idee",
        "weet niet hoor",
    ],
)
def test_dont_know(text):
    assert is_dont_know(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik weet niet of ik naar het hbo wil",
        "mijn stage",
        "niet zo goed eigenlijk, de klant was boos",
    ],
)
def test_real_answers_are_not_dont_know(text):
    assert not is_dont_know(text)


def test_yes_no_and_other_judgements():
    assert yes_or_no("Ja, delen") is True and yes_or_no("ja") is True
    assert yes_or_no("nee") is False and yes_or_no("Nee, dit is genoeg") is False
    assert yes_or_no("misschien") is None
    assert looks_english("I don't speak Dutch, can you help me")
    assert not looks_english("ik had een presentatie in de klas")
    assert is_emoji_only("😂😂 🙈") and not is_emoji_only("ok 👍")
    assert is_thin("mijn stage") and not is_thin("ik moest een presentatie geven voor de hele klas")


def test_slash_commands_cannot_skip_the_nlu():
    assert normalise_student_text("/restart") == "/restart"
    assert normalise_student_text("/nieuw") == "/restart"
    assert normalise_student_text("/restart ik wil dood") == "restart ik wil dood"
    assert normalise_student_text('/greet{"x": 1}') == 'greet{"x": 1}'
    assert normalise_student_text("/koppel ab12-cd34") == "/link_coach" + json.dumps(
        {"invite_code": "AB12-CD34"}
    )
    assert normalise_student_text("/koppel") == "/link_coach"
    assert (
        normalise_student_text("/koppel ik zie het niet meer zitten")
        == "ik zie het niet meer zitten"
    )
    assert normalise_student_text("   ").startswith("/bad_input")
    assert normalise_student_text(None).startswith("/bad_input")
    assert normalise_student_text("gewoon tekst") == "gewoon tekst"


def test_signals_override_the_classifier():
    assert signal_for("ik wil er niet meer zijn", 1500) == {"intent": "crisis", "kind": "suicide"}
    assert signal_for("mijn vader slaat me, ik ben pas 15", 1500) == {
        "intent": "crisis",
        "kind": "abuse",
        "minor": "ja",
    }
    assert signal_for("x" * 1501, 1500) == {"intent": "bad_input", "problem": "too_long"}
    long_crisis = signal_for("ik wil niet meer leven " + "x" * 2000, 1500)
    assert (
        long_crisis["intent"] == "crisis" and long_crisis["problem"] == "too_long"
    )  # care before length
    assert signal_for("🙂🙂", 1500) == {"intent": "bad_input", "problem": "emoji_only"}
    assert signal_for("Do you speak English please", 1500) == {"intent": "english"}
    assert signal_for("ik had stage vandaag", 1500) is None


def _message(text, ranking):
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    message = Message({TEXT: text})
    message.set(INTENT, ranking[0])
    message.set(INTENT_RANKING_KEY, ranking)
    return message


def test_the_intent_classifiers_crisis_guess_does_not_count_on_its_own():
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY

    from bot.rasa_plugins.signals import InputSignals

    component = InputSignals()
    harmless = _message(
        "ik wil beter worden in plannen",
        [{"name": "crisis", "confidence": 0.97}, {"name": "vertellen", "confidence": 0.02}],
    )
    real = _message(
        "als ik morgen niet wakker word is dat ook prima",
        [{"name": "vertellen", "confidence": 0.9}, {"name": "crisis", "confidence": 0.1}],
    )
    fallback = _message(
        "ik moet gaan",
        [{"name": "nlu_fallback", "confidence": 0.5}, {"name": "crisis", "confidence": 0.4}],
    )
    component.process([harmless, real, fallback])
    assert harmless.get(INTENT)["name"] == "vertellen"
    assert real.get(INTENT)["name"] == "crisis"
    assert fallback.get(INTENT)["name"] == "nlu_fallback"
    assert [r["name"] for r in fallback.get(INTENT_RANKING_KEY)] == ["nlu_fallback"]


def test_a_long_story_is_never_taken_for_an_interruption():
    from rasa.shared.nlu.constants import INTENT

    from bot.rasa_plugins.signals import InputSignals

    story = (
        "mijn eerste jaar hbo gaat slecht, ik mis de structuur van het mbo. op het mbo zeiden ze "
        "precies wat je moest doen en nu moet alles zelf"
    )
    long_one = _message(story, [{"name": "out_of_scope", "confidence": 0.96}])
    short_one = _message("schrijf mijn verslag", [{"name": "out_of_scope", "confidence": 0.88}])
    score = _message("hmm 6, vind het wel spannend", [{"name": "out_of_scope", "confidence": 0.9}])
    date_ = _message("donderdag na school denk ik", [{"name": "out_of_scope", "confidence": 0.9}])
    InputSignals().process([long_one, short_one, score, date_])
    assert long_one.get(INTENT)["name"] == "vertellen"
    assert short_one.get(INTENT)["name"] == "out_of_scope"
    assert score.get(INTENT)["name"] == "vertellen"  # a score first is an answer
    assert date_.get(INTENT)["name"] == "vertellen"


def test_the_too_long_reply_names_the_limit_the_settings_give(monkeypatch):
    """LEMNISCAAT_MAX_MESSAGE_CHARS, not a number in the domain, is what the student hears."""
    import asyncio
    from pathlib import Path

    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.nlu.constants import ENTITIES

    from bot.config import reset_settings_cache
    from bot.rasa_plugins.signals import InputSignals

    monkeypatch.setenv("LEMNISCAAT_MAX_MESSAGE_CHARS", "800")
    reset_settings_cache()
    try:
        message = _message("ik vertel " + "x" * 850, [{"name": "vertellen", "confidence": 0.9}])
        InputSignals().process([message])
    finally:
        monkeypatch.undo()
        reset_settings_cache()
    slots = {e["entity"]: e["value"] for e in message.get(ENTITIES)}
    assert slots == {"input_problem": "too_long", "input_limit": "800"}

    domain = Domain.load(str(Path(__file__).resolve().parents[2] / "domain"))
    tracker = DialogueStateTracker.from_events(
        "s", [SlotSet(name, value) for name, value in slots.items()], domain.slots
    )
    generator = TemplatedNaturalLanguageGenerator(domain.responses)
    reply = asyncio.run(generator.generate("utter_bad_input", tracker, "rest"))
    assert "maximaal ongeveer 800 tekens" in reply["text"]
