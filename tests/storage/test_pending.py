"""PendingMessageStore (bot/storage/pending.py): messages kept while Rasa is away, in order per
channel, each claimed once for replay and put back in its place. Real migrated database."""

from __future__ import annotations


def test_kept_messages_wait_in_order_and_are_claimed_once(repo):
    repo.accept_terms("tg-a", "telegram", "e1:sealed")
    repo.accept_terms("tg-b", "telegram", "e1:sealed")
    first = repo.keep_pending_message("tg-a", "een")
    repo.keep_pending_message("tg-b", "ander")
    repo.keep_pending_message("tg-a", "twee")
    assert [m["text"] for m in repo.pending_messages("telegram")] == ["een", "ander", "twee"]
    assert [m["text"] for m in repo.pending_messages("telegram", "tg-a")] == ["een", "twee"]
    assert repo.pending_messages("web") == []

    (taken,) = [m for m in repo.pending_messages("telegram", "tg-a") if m["id"] == first]
    assert taken["channel_address"] == "e1:sealed" and taken["sender_id"] == "tg-a"
    assert repo.take_pending_message(first, 30) is True
    assert repo.take_pending_message(first, 30) is False, "only one worker sends it"
    # a taken message keeps its place: listed, so other workers keep newer ones behind it
    assert [m["text"] for m in repo.pending_messages("telegram", "tg-a")] == ["een", "twee"]
    repo.restore_pending_message(taken)
    assert repo.take_pending_message(first, 30) is True, "put back: next in line again"
    repo.drop_pending_message(first)
    assert [m["text"] for m in repo.pending_messages("telegram", "tg-a")] == ["twee"]
    assert repo.take_pending_message(first, 30) is False, "answered: gone"

    repo.erase_student("tg-a")
    assert [m["text"] for m in repo.pending_messages("telegram")] == ["ander"]
    repo.restore_pending_message(taken)  # erased meanwhile: nothing to answer any more
    assert [m["text"] for m in repo.pending_messages("telegram")] == ["ander"]
    assert repo.take_pending_message(first, 30) is False
