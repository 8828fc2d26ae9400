"""The practice service on a real (migrated SQLite) database: what both channels call."""

from __future__ import annotations

import pytest

from bot.channels import crisis
from bot.practice import service
from bot.practice.service import PracticeService
from bot.practice.session import PracticeSession

OPENING = "Vertel eens over een moment van de afgelopen week waar je aan terugdenkt."
WHY = "Waarom deed je dat?"


@pytest.fixture()
def practice(repo):
    return PracticeService(repo, max_chars=200)


def test_start_say_finish_store_everything_and_match_a_replay(practice, repo):
    session_id = practice.start("noor", coach_id=None, trainee_sender_id="tg-1")
    row = practice.running("tg-1")
    assert row["id"] == session_id and row["transcript"] == []

    first = practice.say(row, OPENING)
    second = practice.say(practice.running("tg-1"), WHY)
    expected = PracticeSession("noor", seed=session_id)
    assert (first.status, first.text) == (service.REPLY, expected.coach_says(OPENING))
    assert (second.status, second.text) == (service.REPLY, expected.coach_says(WHY))
    stored = repo.get_practice(session_id)
    assert [t["text"] for t in stored["transcript"]] == [OPENING, first.text, WHY, second.text]

    done = practice.finish(stored)
    assert done.status == service.REPORT and done.report == expected.finish().to_dict()
    assert done.text == expected.report_text()
    stored = repo.get_practice(session_id)
    assert stored["report"] == done.report and stored["ended_at"] is not None
    assert practice.running("tg-1") is None
    # Finishing again changes nothing and gives the same report.
    again = practice.finish(stored)
    assert again.report == done.report and again.text == done.text
    assert practice.say(stored, "Nog iets?").status == service.ALREADY_FINISHED


def test_the_seed_is_the_row_id_so_sessions_with_one_persona_differ(practice):
    ids = [practice.start("noor", trainee_sender_id=f"tg-{n}") for n in range(6)]
    replies = {practice.say(practice.running(f"tg-{n}"), OPENING).text for n in range(6)}
    assert len(ids) == 6 and len(replies) > 1


def test_a_crisis_line_gets_the_real_reply_is_not_stored_and_beats_every_limit(practice, repo):
    session_id = practice.start("mehmet", trainee_sender_id="tg-2")
    row = practice.running("tg-2")
    long_crisis = "Ik vertel je iets over mijn week. " * 20 + "Ik wil niet meer leven."
    assert len(long_crisis) > practice.max_chars
    for text in ("ik wil dood", long_crisis):
        outcome = practice.say(row, text)
        assert outcome.status == service.CRISIS and outcome.text == crisis.reply_text(None)
        assert "113" in outcome.text
    assert repo.get_practice(session_id)["transcript"] == []
    # Also on a finished session: the person typing comes first.
    practice.say(row, OPENING)
    practice.finish(repo.get_practice(session_id))
    assert practice.say(repo.get_practice(session_id), "ik wil dood").status == service.CRISIS
    assert service.crisis_reply("Hoe ging je stage?") is None


def test_empty_too_long_and_full_lines_are_not_answered(practice, repo, monkeypatch):
    session_id = practice.start("lieke", trainee_sender_id="tg-3")
    row = practice.running("tg-3")
    assert practice.say(row, "   ").status == service.EMPTY
    too_long = practice.say(row, "a" * 201)
    assert too_long.status == service.TOO_LONG and too_long.extra == {"limit": 200}
    assert repo.get_practice(session_id)["transcript"] == []

    monkeypatch.setattr(service, "MAX_COACH_TURNS", 2)
    practice.say(practice.running("tg-3"), OPENING)
    practice.say(practice.running("tg-3"), "Dat klinkt spannend.")
    assert practice.say(practice.running("tg-3"), "Wat gebeurde er?").status == service.FULL
    assert service.coach_turns(repo.get_practice(session_id)["transcript"]) == 2


def test_a_session_that_cannot_be_rebuilt_is_closed(practice, repo):
    session_id = repo.start_practice(
        "verdwenen", trainee_sender_id="tg-4"
    )  # a persona that is gone
    repo.save_practice(session_id, [("coach", "Hoi"), ("student", "hey")])
    row = practice.running("tg-4")
    assert practice.say(row, OPENING).status == service.BROKEN
    stored = repo.get_practice(session_id)
    assert (
        stored["ended_at"] is not None
        and stored["report"] is None
        and len(stored["transcript"]) == 2
    )
    assert practice.running("tg-4") is None
    assert (
        service.persona_name("verdwenen") == "verdwenen" and service.persona_name("noor") == "Noor"
    )


def test_finish_without_a_line_closes_only_when_asked(practice, repo):
    kept = practice.start("kevin", coach_id=None, trainee_sender_id="tg-5")
    assert (
        practice.finish(practice.running("tg-5"), close_empty=False).status == service.NOTHING_SAID
    )
    assert repo.get_practice(kept)["ended_at"] is None
    assert practice.finish(practice.running("tg-5")).status == service.NOTHING_SAID
    assert (
        repo.get_practice(kept)["ended_at"] is not None
        and repo.get_practice(kept)["report"] is None
    )


def test_unknown_persona_cannot_start(practice, repo):
    with pytest.raises(ValueError):
        practice.start("niemand", trainee_sender_id="tg-6")
    assert repo.practice_history(trainee_sender_id="tg-6") == []
    assert [key for key, _ in service.persona_menu()] == [
        key for key, _ in PracticeSession.personas
    ]


def test_report_text_names_no_why_word_outside_the_coachs_quotes(practice, repo):
    practice.start("mehmet", trainee_sender_id="tg-7")
    practice.say(practice.running("tg-7"), "Waarom ben je zo laat met je punten?")
    practice.say(practice.running("tg-7"), "Wat gebeurde er toen?")
    text = practice.finish(practice.running("tg-7")).text
    outside_quotes = [line for line in text.splitlines() if not line.lstrip().startswith("jij:")]
    assert not any("waarom" in line.lower() for line in outside_quotes), text
    assert 'jij: "Waarom ben je zo laat met je punten?"' in text
    assert "vragen naar de reden 1" in text
