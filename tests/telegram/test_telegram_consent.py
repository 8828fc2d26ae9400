"""Issue 10 point 4 on Telegram: /nietdelen takes back sharing (the coach no longer sees the
conversation), /delen shows earlier shared conversations to a new coach."""

from __future__ import annotations

from telegram_fakes import HASH_KEY, STUDENT, accept_terms, text_update, wait_for

from bot.telegram import texts
from bot.telegram.identity import telegram_sender_id


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
    wait_for(lambda: texts.CONSENT_WITHDRAWN in telegram_api.texts_to(STUDENT), what="withdrawn")
    assert repo.coach_conversation(first, conversation) is None
    telegram_api.push(text_update(STUDENT, "/nietdelen"))
    wait_for(lambda: texts.NOTHING_SHARED in telegram_api.texts_to(STUDENT), what="nothing shared")

    repo.set_consent(sender, True)
    second = repo.add_coach("b@school.nl", "hash")
    assert repo.link_student_to_coach(sender, repo.create_invite_code(second))
    assert repo.coach_conversation(second, conversation) is None, (
        "a new coach does not see the old history"
    )
    telegram_api.push(text_update(STUDENT, "/delen"))
    wait_for(lambda: texts.SHARED_AGAIN in telegram_api.texts_to(STUDENT), what="shared again")
    assert repo.coach_conversation(second, conversation) is not None
    assert ("tg", "/nietdelen") not in [(s[:2], t) for s, t in fake_rasa.heard], (
        "handled by the channel"
    )
