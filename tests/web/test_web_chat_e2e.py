"""The web chat in headless Chromium against the real Rasa and action servers (the
``rasa_stack`` session fixture of tests/conftest.py starts them and sets RASA_URL and
DATABASE_URL): a few turns, then the student's coach finds the conversation.

A few turns, not a whole reflection: the whole reflection is walked over REST in tests/e2e (the
conversation logic is the same for every channel); the chat's buttons are tested against a
scripted Rasa in tests/web/test_web_browser.py.
"""

from __future__ import annotations

import os
import re

import pytest
from browser import CHROMIUM, live_server
from reflection_script import ANSWERS
from webhelpers import PASSWORD

from bot.channels import notices

pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed"),
]


def _sender_of(app, context) -> str:
    from itsdangerous import URLSafeSerializer

    cookie = next(c for c in context.cookies() if c["name"] == "lemniscaat_student")
    return URLSafeSerializer(app.secret_key, salt="student-chat").loads(cookie["value"])


def test_student_talks_in_the_web_chat_and_the_coach_finds_it(rasa_stack, browser):
    from bot.config import reset_settings_cache, settings
    from bot.storage.repository import Repository
    from bot.web import add_coach, create_app

    reset_settings_cache()  # the fixture set RASA_URL, DATABASE_URL and RASA_CHANNEL_TOKEN
    repo = Repository(settings().database_url)
    coach_email = f"e2e-{os.getpid()}@school.nl"
    coach_id = add_coach(coach_email, PASSWORD, repo=repo)
    app = create_app({"PDF_COMPRESS": False})

    with live_server(app) as server:
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        page.set_default_timeout(60000)
        page.goto(f"{server}/chat")
        page.get_by_role("button", name="Start het gesprek").click()
        sender = _sender_of(app, context)
        assert repo.link_student_to_coach(sender, repo.create_invite_code(coach_id))
        bot_bubbles = page.locator("#log .from-bot")
        bot_bubbles.first.wait_for()
        page.locator("#chat[aria-busy='false']").wait_for()
        opening = page.locator("#log").inner_text()
        assert "ervaring" in opening or "moment" in opening, opening

        for answer in ANSWERS[:2]:
            said = bot_bubbles.count()
            page.get_by_label("Je bericht").fill(answer)
            page.get_by_role("button", name="Verstuur").click()
            page.locator("#chat[aria-busy='false']").wait_for()
            bot_bubbles.nth(said).wait_for()
        log = page.locator("#log").inner_text()
        assert ANSWERS[0] in log and ANSWERS[1] in log  # the student's own lines
        assert "trots" in log.split(ANSWERS[0], 1)[1]  # Rasa listened back
        assert not any(kept in log for kept in notices.variations(notices.KEPT))
        assert repo.export_student(sender)["experience"] == ANSWERS[0]

        # The rest of the reflection (walked whole over REST in tests/e2e): a step, shared.
        step = "Een mail sturen naar de minorcoördinator"
        repo.save_action_step(sender, step, None, "mijn mentor")
        repo.set_consent(sender, True)
        coach_page = context.new_page()
        coach_page.goto(f"{server}/login")
        coach_page.get_by_label("E-mailadres").fill(coach_email)
        coach_page.get_by_label("Wachtwoord").fill(PASSWORD)
        coach_page.get_by_role("button", name="Inloggen").click()
        coach_page.wait_for_url(re.compile(r".*/coach$"))
        student_id = repo.find_student(sender).id
        coach_page.goto(f"{server}/coach/studenten/{student_id}")
        assert coach_page.get_by_role("img", name="Lemniscaat van dit gesprek").first.is_visible()
        main = coach_page.locator("main").inner_text()
        assert step in main and "presentatie" in main
        context.close()
    repo.engine.dispose()
