"""What a channel says itself comes from the domain (bot/channels/notices.py), one wording set
for the web chat and Telegram."""

from __future__ import annotations

import pytest

from bot.channels import notices

NAMES = [
    notices.KEPT,
    notices.RESEND,
    notices.TOO_LONG,
    notices.NEEDS_TERMS,
    notices.REPLAYED,
    notices.CONSENT_WITHDRAWN,
    notices.NOTHING_SHARED,
    notices.SHARED_AGAIN,
    notices.NOTHING_TO_SHARE_AGAIN,
]


@pytest.mark.parametrize("name", NAMES)
def test_every_notice_has_words_in_the_domain(name):
    wordings = notices.variations(name)
    assert wordings and all(w.strip() for w in wordings)


def test_a_notice_is_filled_in_and_picked_among_its_wordings():
    assert "1500" in notices.text(notices.TOO_LONG, limit=1500)
    assert "“hoi”" in notices.text(notices.REPLAYED, text="hoi")
    assert {notices.text(notices.KEPT) for _ in range(50)} == set(notices.variations(notices.KEPT))


def test_an_unknown_notice_is_an_error_not_silence():
    with pytest.raises(LookupError):
        notices.text("utter_notice_that_does_not_exist")
