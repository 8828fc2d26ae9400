"""CoachDashboardStore (bot/storage/coach_dashboard.py): a coach reads only their own students,
only the conversations shared with them, and of an unshared conversation only that a safety
flag exists. Real migrated database."""

from __future__ import annotations

from storagehelpers import coach, shared_conversation


def test_a_coach_sees_shared_conversations_and_only_the_existence_of_other_flags(repo):
    mine, other = coach(repo, "a@school.nl"), coach(repo, "b@school.nl")
    shared, step = shared_conversation(repo, "web-d", mine)
    repo.save_reflection("web-d", experience="Niet gedeeld verhaal")
    repo.flag_safety("web-d", "panic")
    unshared = repo.latest_conversation_id("web-d")
    student_id = repo.find_student("web-d").id

    seen = repo.coach_student(mine, student_id)
    assert [c["id"] for c in seen["conversations"]] == [shared]
    assert seen["conversations"][0]["experience"] == "Ik gaf een presentatie."
    assert len(seen["unshared_safety_flags"]) == 1
    assert repo.coach_conversation(mine, shared)["action_steps"][0]["id"] == step
    assert repo.coach_conversation(mine, unshared) is None
    assert repo.coach_student(other, student_id) is None
    assert repo.coach_conversation(other, shared) is None
    assert repo.coach_step(other, step) is None


def test_a_coach_note_is_the_coachs_own(repo):
    mine, other = coach(repo, "a@school.nl"), coach(repo, "b@school.nl")
    conversation, _ = shared_conversation(repo, "web-n", mine)
    repo.save_coach_note(mine, conversation, "Doorvragen over de stage.")
    student_id = repo.find_student("web-n").id
    (seen,) = repo.coach_student(mine, student_id)["conversations"]
    assert seen["note"] == "Doorvragen over de stage."
    assert repo.coach_conversation(other, conversation) is None
