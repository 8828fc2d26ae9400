"""FollowUpStore (bot/storage/followups.py): which steps are due for a follow-up, each claimed
once. Real migrated database."""

from __future__ import annotations

from datetime import date


def _student(repo, sender, channel="telegram", address="e1:sealed"):
    repo.accept_terms(sender, channel, address)
    return sender


def test_steps_due_for_followup_picks_only_what_is_due_open_unsent_and_reachable(repo):
    tg = _student(repo, "tg-a")
    web = _student(repo, "web-b", channel="web", address=None)
    due = repo.save_action_step(tg, "Mail sturen", date(2030, 3, 14), "mentor")
    overdue = repo.save_action_step(tg, "Bellen", date(2030, 3, 1), None)
    repo.save_action_step(tg, "Later", date(2030, 3, 15), None)
    repo.save_action_step(tg, "Zonder datum", None, None)
    done = repo.save_action_step(tg, "Al gedaan", date(2030, 3, 1), None)
    repo.set_step_status(done, "gedaan")
    repo.save_action_step(web, "Web-student", date(2030, 3, 1), None)

    found = repo.steps_due_for_followup(date(2030, 3, 14))
    assert [s["step_id"] for s in found] == [overdue, due]
    assert found[1] == {
        "step_id": due,
        "what": "Mail sturen",
        "due_date": date(2030, 3, 14),
        "who": "mentor",
        "sender_id": tg,
        "channel_address": "e1:sealed",
    }

    assert repo.mark_followup_sent(overdue) is True
    assert repo.mark_followup_sent(overdue) is False, "once only"
    assert [s["step_id"] for s in repo.steps_due_for_followup(date(2030, 3, 14))] == [due]
