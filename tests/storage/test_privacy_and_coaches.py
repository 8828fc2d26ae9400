"""Privacy rights, invite codes and safety verdicts, on the real migrated database through the repository."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from bot.storage.coaches import invite_fingerprint
from bot.storage.models import InviteCode
from bot.web.students import student_label


def _coach(repo, email="c@school.nl") -> int:
    return repo.add_coach(email, "hash")


def _events(repo, rows):
    """Rasa's events table as its SQLTrackerStore writes it; rows = (sender, type, text, timestamp)."""
    with repo.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), "
                "type_name VARCHAR(255), timestamp FLOAT, intent_name VARCHAR(255), "
                "action_name VARCHAR(255), data TEXT)"
            )
        )
        for sender, type_name, said, stamp in rows:
            conn.execute(
                text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, :t, :ts, :d)"
                ),
                {
                    "s": sender,
                    "t": type_name,
                    "ts": stamp,
                    "d": json.dumps({"event": type_name, "text": said, "timestamp": stamp}),
                },
            )


def _shared_conversation(repo, sender, coach_id=None):
    if (
        coach_id is not None
        and repo.find_student(sender) is None
        or (coach_id is not None and repo.find_student(sender).coach_id != coach_id)
    ):
        assert repo.link_student_to_coach(sender, repo.create_invite_code(coach_id))
    repo.save_reflection(sender, experience="Ik gaf een presentatie.")
    step = repo.save_action_step(sender, "Mail sturen", None, None)
    repo.set_consent(sender, True)
    repo.finish_conversation(sender)
    return repo.latest_conversation_id(sender), step


# ---- the right to a copy ----


def test_export_holds_everything_about_the_student(repo):
    coach = _coach(repo)
    conversation, step = _shared_conversation(repo, "web-s1", coach)
    repo.save_coach_note(coach, conversation, "Sterk verhaal, doorvragen over stage.")
    repo.set_coach_label(coach, repo.find_student("web-s1").id, "Sam uit 2B")
    repo.keep_pending_message("web-s1", "ben je er nog?")
    repo.record_audit(coach, "view_student", f"student:{repo.find_student('web-s1').id}")
    repo.record_audit(coach, "step_status", f"step:{step}:gedaan")
    repo.record_audit(coach, "view_student", "student:999")  # someone else: not in this export
    export = repo.export_student("web-s1")
    assert export["accepted_terms_at"] is None and export["created_at"]
    assert (
        export["conversations"][0]["consent_at"]
        and export["conversations"][0]["shared_with_current_coach"]
    )
    assert [m["text"] for m in export["pending_messages"]] == ["ben je er nog?"]
    assert export["coach_notes"][0]["text"].startswith("Sterk verhaal")
    assert export["coach_label"] == "Sam uit 2B"
    assert len(export["invite_codes"]) == 1
    assert sorted(e["action"] for e in export["access_log"]) == ["step_status", "view_student"]


# ---- the right to be forgotten ----


def test_erasure_removes_invite_code_events_and_names_no_one_in_the_audit_log(repo):
    coach = _coach(repo)
    conversation, step = _shared_conversation(repo, "web-gone", coach)
    student_id = repo.find_student("web-gone").id
    repo.record_audit(coach, "view_student", f"student:{student_id}")
    repo.record_audit(coach, "export_pdf", f"conversation:{conversation}")
    repo.record_audit(coach, "step_status", f"step:{step}:gedaan")
    repo.record_audit(coach, "view_student", f"student:{student_id + 100}")
    _events(repo, [("web-gone", "user", "hoi", 1.0), ("web-stays", "user", "hoi", 1.0)])
    assert repo.erase_student("web-gone")
    targets = [e["target"] for e in repo.audit_entries(coach)]
    assert f"student:{student_id}" not in targets and f"conversation:{conversation}" not in targets
    assert not any(t.startswith(f"step:{step}:") for t in targets)
    assert targets.count("erased") == 3, "who looked and when is kept, about whom is not"
    assert f"student:{student_id + 100}" in targets
    with repo.session() as s:
        assert s.query(InviteCode).count() == 0
    with repo.engine.connect() as conn:
        assert conn.execute(text("SELECT sender_id FROM events")).scalars().all() == ["web-stays"]
    assert repo.export_student("web-gone") is None


# ---- consent: taking it back, and a new coach ----


def test_withdrawn_consent_hides_the_conversation_from_the_coach(repo):
    coach = _coach(repo)
    conversation, step = _shared_conversation(repo, "web-w", coach)
    student_id = repo.find_student("web-w").id
    assert repo.coach_student(coach, student_id)["shared_count"] == 1
    assert repo.withdraw_consent("web-w") == 1
    assert repo.coach_student(coach, student_id)["conversations"] == []
    assert repo.coach_conversation(coach, conversation) is None
    assert repo.coach_step(coach, step) is None
    assert repo.export_student("web-w")["conversations"][0]["consent"] is False


def test_a_new_coach_sees_old_history_only_after_sharing_again(repo):
    first, second = _coach(repo, "a@school.nl"), _coach(repo, "b@school.nl")
    conversation, _ = _shared_conversation(repo, "web-r", first)
    student_id = repo.find_student("web-r").id
    repo.set_coach_label(first, student_id, "Robin")
    assert repo.link_student_to_coach("web-r", repo.create_invite_code(second))
    assert repo.coach_student(second, student_id)["conversations"] == []
    assert repo.coach_conversation(second, conversation) is None
    assert repo.coach_export_rows(second)[0].get("conversation_id") is None
    assert repo.coach_student(second, student_id)["coach_label"] == "", (
        "the old coach's label went with the link"
    )
    assert repo.share_again("web-r") == 1
    assert repo.coach_conversation(second, conversation) is not None


def test_shared_before_any_coach_goes_to_the_first_coach(repo):
    repo.save_reflection("web-early", experience="x")
    repo.set_consent("web-early", True)
    coach = _coach(repo)
    assert repo.link_student_to_coach("web-early", repo.create_invite_code(coach))
    assert repo.coach_student(coach, repo.find_student("web-early").id)["shared_count"] == 1


def test_coach_label_is_for_the_own_coach_only(repo):
    mine, other = _coach(repo, "a@school.nl"), _coach(repo, "b@school.nl")
    _shared_conversation(repo, "web-l", mine)
    student_id = repo.find_student("web-l").id
    assert not repo.set_coach_label(other, student_id, "Niet van jou")
    assert repo.set_coach_label(mine, student_id, "  Lotte   (3A) ")
    summary = repo.coach_students(mine)[0]
    assert summary["coach_label"] == "Lotte (3A)"
    # Storage keeps the label; the dashboard shows it with the number (bot/web/students.py).
    assert (
        student_label(summary["coach_label"], summary["id"]) == f"Lotte (3A) (student {student_id})"
    )
    assert repo.coach_students(other) == []


# ---- invite codes ----


def test_invite_codes_expire(repo):
    coach = _coach(repo)
    code = repo.create_invite_code(coach)
    with repo.session() as s:
        invite = s.get(InviteCode, code)
        assert (
            timedelta(days=13, hours=23)
            < invite.expires_at - invite.created_at
            <= timedelta(days=14)
        )
        invite.expires_at = datetime.utcnow() - timedelta(seconds=1)
    assert not repo.link_student_to_coach("web-late", code)
    assert repo.find_student("web-late").coach_id is None


def test_invite_code_is_claimed_once_under_concurrency(repo, database_url):
    from bot.storage.repository import Repository

    coach = _coach(repo)
    code = repo.create_invite_code(coach)
    repos = [Repository(database_url) for _ in range(6)]
    for index, other in enumerate(repos):
        other.ensure_student(f"web-race-{index}")
    barrier = threading.Barrier(len(repos))
    results, errors = [], []

    def claim(index, other):
        barrier.wait()
        try:
            results.append(other.link_student_to_coach(f"web-race-{index}", code))
        except Exception as error:  # a lost race must be a clean False, not an error
            errors.append(error)

    threads = [threading.Thread(target=claim, args=(i, r)) for i, r in enumerate(repos)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for other in repos:
        other.engine.dispose()
    assert errors == [] and sorted(results) == [False] * 5 + [True]
    assert len(repo.coach_students(coach)) == 1


def test_invite_code_is_not_in_the_audit_log(repo):
    coach = _coach(repo)
    code = repo.create_invite_code(coach)
    (row,) = repo.audit_entries(coach, "invite_created")
    assert code not in row["target"] and row["target"] == f"invite:{invite_fingerprint(code)}"


# ---- the coach's verdict on a safety flag ----


def test_safety_verdict_and_review_export(repo):
    coach, other = _coach(repo, "a@school.nl"), _coach(repo, "b@school.nl")
    assert repo.link_student_to_coach("web-f", repo.create_invite_code(coach))
    flagged_at = datetime.utcnow()
    stamp = (flagged_at - datetime(1970, 1, 1)).total_seconds()
    _events(
        repo,
        [
            ("web-f", "user", "hoi", stamp - 60),
            ("web-f", "user", "ik wil er niet meer zijn", stamp - 0.2),
            ("web-f", "bot", "Bel 113", stamp),
            ("web-f", "user", "later bericht", stamp + 300),
        ],
    )
    repo.flag_safety("web-f", kind="suicide")
    conversation = repo.latest_conversation_id("web-f")
    (flag,) = repo.coach_safety_flags(coach)
    assert flag["kind"] == "suicide" and flag["verdict"] is None and flag["flag_id"] == conversation
    assert not repo.set_safety_verdict(other, conversation, "terecht"), (
        "not the other coach's student"
    )
    with pytest.raises(ValueError):
        repo.set_safety_verdict(coach, conversation, "misschien")
    assert repo.crisis_review() == []
    assert repo.set_safety_verdict(coach, conversation, "terecht", "Gebeld, gaat naar huisarts.")
    (flag,) = repo.coach_safety_flags(coach)
    assert flag["verdict"] == "terecht" and flag["verdict_note"] == "Gebeld, gaat naar huisarts."
    (item,) = repo.crisis_review()
    assert "text" not in item, "text leaves the database only through the explicit export"
    (item,) = repo.crisis_review(with_text=True)
    assert item["label"] == "crisis" and item["kind"] == "suicide"
    assert item["text"] == "ik wil er niet meer zijn"
