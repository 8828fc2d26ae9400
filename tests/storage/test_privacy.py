"""PrivacyStore (bot/storage/privacy.py): the student row, the terms, a full copy of the data,
erasure, taking back consent and sharing again. Real migrated database."""

from __future__ import annotations

from sqlalchemy import text
from storagehelpers import coach, events, shared_conversation

from bot.storage.models import InviteCode


def test_accepting_the_terms_once_keeps_the_first_moment_and_the_newest_address(repo):
    assert repo.has_accepted_terms("tg-a") is False and repo.find_student("tg-a") is None
    repo.accept_terms("tg-a", "telegram", "e1:first")
    accepted_at = repo.find_student("tg-a").accepted_terms_at
    repo.accept_terms("tg-a", "telegram", "e1:second")
    assert repo.has_accepted_terms("tg-a") is True
    assert repo.find_student("tg-a").accepted_terms_at == accepted_at
    assert repo.channel_address_of("tg-a") == "e1:second"
    repo.accept_terms("web-b", "web")
    assert repo.find_student("web-b").channel == "web" and repo.channel_address_of("web-b") is None


# ---- the right to a copy ----


def test_export_holds_everything_about_the_student(repo):
    mine = coach(repo)
    conversation, step = shared_conversation(repo, "web-s1", mine)
    repo.save_coach_note(mine, conversation, "Sterk verhaal, doorvragen over stage.")
    repo.set_coach_label(mine, repo.find_student("web-s1").id, "Sam uit 2B")
    repo.keep_pending_message("web-s1", "ben je er nog?")
    repo.record_audit(mine, "view_student", f"student:{repo.find_student('web-s1').id}")
    repo.record_audit(mine, "step_status", f"step:{step}:gedaan")
    repo.record_audit(mine, "view_student", "student:999")  # someone else: not in this export
    export = repo.export_student("web-s1")
    assert export["accepted_terms_at"] is None and export["created_at"]
    assert (
        export["conversations"][0]["consent_at"]
        and export["conversations"][0]["shared_with_current_coach"]
    )
    assert export["experience"] == "Ik gaf een presentatie."  # the latest conversation on top
    assert [m["text"] for m in export["pending_messages"]] == ["ben je er nog?"]
    assert export["coach_notes"][0]["text"].startswith("Sterk verhaal")
    assert export["coach_label"] == "Sam uit 2B"
    assert len(export["invite_codes"]) == 1
    assert sorted(e["action"] for e in export["access_log"]) == ["step_status", "view_student"]


def test_export_holds_the_chat_history_and_practice_sessions(repo):
    repo.save_reflection("s1", experience="x")
    events(
        repo,
        [("s1", "user", "hoi", 1.0), ("s1", "action", None, 1.0), ("s1", "bot", "Hallo!", 1.0)],
    )
    session_id = repo.start_practice("noor", trainee_sender_id="s1")
    repo.save_practice(session_id, [("coach", "Vertel eens?"), ("student", "nou...")])
    export = repo.export_student("s1")
    assert [(m["from"], m["text"]) for m in export["messages"]] == [
        ("student", "hoi"),
        ("bot", "Hallo!"),
    ]
    assert export["practice_sessions"][0]["persona"] == "noor"
    assert len(export["practice_sessions"][0]["transcript"]) == 2


# ---- the right to be forgotten ----


def test_erase_student_removes_every_row_and_tracker_events(repo):
    repo.save_reflection("gone", experience="x")
    repo.save_action_step("gone", "iets doen", None, None)
    repo.keep_pending_message("gone", "hallo")
    repo.save_reflection("stays", experience="y")
    events(repo, [("gone", "user", "hoi", 1.0), ("stays", "user", "hoi", 1.0)])

    assert repo.erase_student("gone") is True

    assert repo.export_student("gone") is None
    with repo.engine.connect() as conn:
        for table in ("conversations", "reflections", "action_steps", "pending_messages"):
            assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == (
                1 if table in ("conversations", "reflections") else 0
            )
        assert conn.execute(text("SELECT sender_id FROM events")).scalars().all() == ["stays"]
    assert repo.erase_student("gone") is False


def test_erasure_removes_invite_code_events_and_names_no_one_in_the_audit_log(repo):
    mine = coach(repo)
    conversation, step = shared_conversation(repo, "web-gone", mine)
    student_id = repo.find_student("web-gone").id
    repo.record_audit(mine, "view_student", f"student:{student_id}")
    repo.record_audit(mine, "export_pdf", f"conversation:{conversation}")
    repo.record_audit(mine, "step_status", f"step:{step}:gedaan")
    repo.record_audit(mine, "view_student", f"student:{student_id + 100}")
    events(repo, [("web-gone", "user", "hoi", 1.0), ("web-stays", "user", "hoi", 1.0)])
    assert repo.erase_student("web-gone")
    targets = [e["target"] for e in repo.audit_entries(mine)]
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
    mine = coach(repo)
    conversation, step = shared_conversation(repo, "web-w", mine)
    student_id = repo.find_student("web-w").id
    assert repo.coach_student(mine, student_id)["shared_count"] == 1
    assert repo.withdraw_consent("web-w") == 1
    assert repo.withdraw_consent("web-w") == 0
    assert repo.coach_student(mine, student_id)["conversations"] == []
    assert repo.coach_conversation(mine, conversation) is None
    assert repo.coach_step(mine, step) is None
    assert repo.export_student("web-w")["conversations"][0]["consent"] is False


def test_a_new_coach_sees_old_history_only_after_sharing_again(repo):
    first, second = coach(repo, "a@school.nl"), coach(repo, "b@school.nl")
    conversation, _ = shared_conversation(repo, "web-r", first)
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
    first = coach(repo)
    assert repo.link_student_to_coach("web-early", repo.create_invite_code(first))
    assert repo.coach_student(first, repo.find_student("web-early").id)["shared_count"] == 1
