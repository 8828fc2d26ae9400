"""Consent to share on Telegram: /nietdelen takes back sharing (the coach no longer sees the
conversation), /delen shows earlier shared conversations to a new coach."""

from __future__ import annotations

from telegram_fakes import HASH_KEY, STUDENT, accept_terms, text_update, wait_for

from bot.channels import notices
from bot.telegram.identity import telegram_sender_id


def _said(telegram_api, notice: str) -> bool:
    """Did the student get one of the domain's wordings of this notice?"""
    wordings = notices.variations(notice)
    return any(text in wordings for text in telegram_api.texts_to(STUDENT))


def test_nietdelen_and_delen(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    first = repo.add_coach("a@school.nl", "hash")
    assert repo.link_student_to_coach(sender, repo.create_invite_code(first))
    repo.save_reflection(sender, experience="Stage bij de bakker")
    repo.set_consent(sender, True)
    conversation = repo.latest_conversation_id(sender)
    assert repo.coach_conversation(first, conversation) is not None

    telegram_api.push(text_update(STUDENT, "/nietdelen"))
    wait_for(lambda: _said(telegram_api, notices.CONSENT_WITHDRAWN), what="withdrawn")
    assert repo.coach_conversation(first, conversation) is None
    telegram_api.push(text_update(STUDENT, "/nietdelen"))
    wait_for(lambda: _said(telegram_api, notices.NOTHING_SHARED), what="nothing shared")

    repo.set_consent(sender, True)
    second = repo.add_coach("b@school.nl", "hash")
    assert repo.link_student_to_coach(sender, repo.create_invite_code(second))
    assert repo.coach_conversation(second, conversation) is None, (
        "a new coach does not see the old history"
    )
    telegram_api.push(text_update(STUDENT, "/delen"))
    wait_for(lambda: _said(telegram_api, notices.SHARED_AGAIN), what="shared again")
    assert repo.coach_conversation(second, conversation) is not None
    assert ("tg", "/nietdelen") not in [(s[:2], t) for s, t in fake_rasa.heard], (
        "handled by the channel"
    )
