"""SafetyVerdictStore (bot/storage/safety_verdicts.py): the coach's verdict on a safety flag,
and the review that leaves the database with text only when asked. Real migrated database."""

from __future__ import annotations

from datetime import datetime

import pytest
from storagehelpers import coach, events


def test_safety_verdict_and_review_export(repo):
    mine, other = coach(repo, "a@school.nl"), coach(repo, "b@school.nl")
    assert repo.link_student_to_coach("web-f", repo.create_invite_code(mine))
    flagged_at = datetime.utcnow()
    stamp = (flagged_at - datetime(1970, 1, 1)).total_seconds()
    events(
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
    (flag,) = repo.coach_safety_flags(mine)
    assert flag["kind"] == "suicide" and flag["verdict"] is None and flag["flag_id"] == conversation
    assert not repo.set_safety_verdict(other, conversation, "terecht"), (
        "not the other coach's student"
    )
    with pytest.raises(ValueError):
        repo.set_safety_verdict(mine, conversation, "misschien")
    assert repo.crisis_review() == []
    assert repo.set_safety_verdict(mine, conversation, "terecht", "Gebeld, gaat naar huisarts.")
    (flag,) = repo.coach_safety_flags(mine)
    assert flag["verdict"] == "terecht" and flag["verdict_note"] == "Gebeld, gaat naar huisarts."
    (item,) = repo.crisis_review()
    assert "text" not in item, "text leaves the database only through the explicit export"
    (item,) = repo.crisis_review(with_text=True)
    assert item["label"] == "crisis" and item["kind"] == "suicide"
    assert item["text"] == "ik wil er niet meer zijn"
