"""Follow-ups on action steps, flood control and network trouble, and Rasa being away."""

from __future__ import annotations

import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import text as sql
from telegram_fakes import (
    HASH_KEY,
    STUDENT,
    accept_terms,
    press_update,
    text_update,
    wait_for,
    welcome_text,
)

from bot.channels import notices
from bot.telegram import texts
from bot.telegram.identity import telegram_sender_id

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _followups(telegram_api):
    return [
        p
        for p in telegram_api.calls_of("sendMessage")
        if p.get("reply_markup") and "f:" in str(p["reply_markup"])
    ]


def test_due_followup_is_sent_once_and_never_at_night(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    # 22:30 in Amsterdam: quiet hours.
    clock = Clock(datetime(2030, 3, 14, 22, 30, tzinfo=AMSTERDAM))
    start_bot(clock=clock, followup_every=0.1)
    accept_terms(telegram_api, fake_rasa)
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    due = repo.save_action_step(
        sender, "Mijn mentor mailen over de stage", date(2030, 3, 14), "mentor"
    )
    repo.save_action_step(sender, "Later pas", date(2030, 3, 20), None)
    time.sleep(0.6)
    assert _followups(telegram_api) == [], "nothing at night"

    clock.now = datetime(2030, 3, 15, 8, 59, tzinfo=AMSTERDAM)
    time.sleep(0.4)
    assert _followups(telegram_api) == [], "nothing before nine"

    clock.now = datetime(2030, 3, 15, 9, 0, tzinfo=AMSTERDAM)
    wait_for(lambda: _followups(telegram_api), what="follow-up")
    time.sleep(0.6)  # several more rounds of the job
    sent = _followups(telegram_api)
    assert len(sent) == 1, "sent exactly once"
    assert "je mailt je mentor over de stage" in sent[0]["text"]  # the step, turned to "je"
    assert "Mijn" not in sent[0]["text"]
    titles = [b["text"] for row in sent[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert titles == list(texts.FOLLOWUP_BUTTONS.values())
    with repo.engine.connect() as connection:
        marked = connection.execute(
            sql("SELECT id FROM action_steps WHERE followup_sent_at IS NOT NULL")
        ).all()
    assert [row[0] for row in marked] == [due]

    # The student answers "Gelukt": the step is done and Rasa hears it in their words.
    telegram_api.push(press_update(STUDENT, sent[0], texts.FOLLOWUP_BUTTONS["g"]))
    wait_for(lambda: (sender, texts.FOLLOWUP_SAID["g"]) in fake_rasa.heard, what="answer at Rasa")
    steps = repo.export_student(sender)["action_steps"]
    assert [s["status"] for s in steps] == ["gedaan", "open"]


def test_followup_button_of_someone_else_changes_nothing(telegram_api, fake_rasa, start_bot, repo):
    fake_rasa.start()
    start_bot()
    accept_terms(telegram_api, fake_rasa)
    other = repo.save_action_step("tg-someone-else", "Iets van een ander", date(2030, 1, 1), None)
    forged = {
        "chat_id": str(STUDENT),
        "text": "?",
        "reply_markup": {
            "inline_keyboard": [[{"text": "Gelukt", "callback_data": f"f:{other}:g"}]]
        },
    }
    telegram_api.push(press_update(STUDENT, forged, "Gelukt"))
    wait_for(lambda: texts.STALE_BUTTON in telegram_api.texts_to(STUDENT), what="stale button")
    assert repo.export_student("tg-someone-else")["action_steps"][0]["status"] == "open"


def test_flood_control_is_waited_out(telegram_api, fake_rasa, start_bot):
    fake_rasa.start()
    start_bot()
    telegram_api.fail_next(
        "sendMessage",
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        },
    )
    started = time.monotonic()
    telegram_api.push(text_update(STUDENT, "/start"))
    # Two attempts reach the API: the refused one and, a second later, the retry.
    wait_for(lambda: len(telegram_api.calls_of("sendMessage")) == 2, what="retry after waiting")
    assert time.monotonic() - started >= 1.0
    assert telegram_api.texts_to(STUDENT) == [welcome_text(), welcome_text()]
    time.sleep(0.3)
    assert len(telegram_api.calls_of("sendMessage")) == 2, "no third attempt"


def test_rasa_down_apologises_keeps_and_answers_later_in_order(
    telegram_api, fake_rasa, start_bot, repo
):
    fake_rasa.start()
    start_bot(pending_every=0.2)
    accept_terms(telegram_api, fake_rasa)
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    fake_rasa.stop()  # connection refused from now on

    telegram_api.push(text_update(STUDENT, "Eerste bericht"))
    wait_for(
        lambda: any(t in notices.variations(notices.KEPT) for t in telegram_api.texts_to(STUDENT)),
        what="apology",
    )
    telegram_api.push(text_update(STUDENT, "Tweede bericht"))
    wait_for(lambda: len(repo.pending_messages("telegram")) == 2, what="both kept")
    assert [m["text"] for m in repo.pending_messages("telegram")] == [
        "Eerste bericht",
        "Tweede bericht",
    ]
    heard_before = len(fake_rasa.heard)

    fake_rasa.start()  # Rasa is back
    wait_for(
        lambda: "Rasa hoorde: Tweede bericht" in telegram_api.texts_to(STUDENT), what="answers"
    )
    assert fake_rasa.heard[heard_before:] == [
        (sender, "Eerste bericht"),
        (sender, "Tweede bericht"),
    ]
    assert repo.pending_messages("telegram") == []
    replies = telegram_api.texts_to(STUDENT)
    assert notices.text(notices.REPLAYED, text="Eerste bericht") in replies
    assert replies.index("Rasa hoorde: Eerste bericht") < replies.index(
        "Rasa hoorde: Tweede bericht"
    )


def test_new_message_waits_behind_kept_ones(telegram_api, fake_rasa, start_bot, repo):
    """Rasa is back before the retry job ran: the student's next message first flushes the
    kept one, so Rasa still hears everything in order."""
    fake_rasa.start()
    start_bot(pending_every=3600)
    accept_terms(telegram_api, fake_rasa)
    sender = telegram_sender_id(STUDENT, HASH_KEY)
    fake_rasa.stop()
    telegram_api.push(text_update(STUDENT, "Eerst dit"))
    wait_for(lambda: repo.pending_messages("telegram"), what="kept")
    heard_before = len(fake_rasa.heard)
    fake_rasa.start()
    telegram_api.push(text_update(STUDENT, "Dan dit"))
    wait_for(lambda: "Rasa hoorde: Dan dit" in telegram_api.texts_to(STUDENT), what="answer")
    assert fake_rasa.heard[heard_before:] == [(sender, "Eerst dit"), (sender, "Dan dit")]
    assert repo.pending_messages("telegram") == []
