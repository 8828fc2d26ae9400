"""CoachStore (bot/storage/coaches.py): invite codes (expiring, claimed once), the audit log,
and a coach's private label per student. Real migrated database."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from storagehelpers import coach, shared_conversation

from bot.storage.coaches import invite_fingerprint
from bot.storage.models import InviteCode
from bot.web.students import student_label


def test_invite_code_links_once(repo):
    mine = coach(repo)
    code = repo.create_invite_code(mine)
    assert len(code) == 8
    assert repo.link_student_to_coach("s1", "nope") is False
    assert repo.link_student_to_coach("s1", code.lower()) is True
    assert repo.find_student("s1").coach_id == mine
    assert repo.link_student_to_coach("s2", code) is False


def test_invite_codes_expire(repo):
    mine = coach(repo)
    code = repo.create_invite_code(mine)
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

    mine = coach(repo)
    code = repo.create_invite_code(mine)
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
    assert len(repo.coach_students(mine)) == 1


def test_invite_code_is_not_in_the_audit_log(repo):
    mine = coach(repo)
    code = repo.create_invite_code(mine)
    (row,) = repo.audit_entries(mine, "invite_created")
    assert code not in row["target"] and row["target"] == f"invite:{invite_fingerprint(code)}"


def test_coach_label_is_for_the_own_coach_only(repo):
    mine, other = coach(repo, "a@school.nl"), coach(repo, "b@school.nl")
    shared_conversation(repo, "web-l", mine)
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
