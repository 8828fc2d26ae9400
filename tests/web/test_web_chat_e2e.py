"""A whole student conversation in the web chat, in headless Chromium, against the real Rasa
and action servers (the ``rasa_stack`` session fixture of tests/conftest.py starts them and sets
RASA_URL and DATABASE_URL). Afterwards the student's coach finds the shared summary.

The test does not script Rasa's exact questions: it answers free-text questions from a list of a
student's answers, picks "Ja" when asked to share, and otherwise takes the first button offered.
"""

from __future__ import annotations

import os
import re

import pytest
from browser import CHROMIUM, live_server
from reflection_script import answer_for
from webhelpers import PASSWORD

pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed"),
]

ANSWERS = [
    "Vorige week gaf ik op mijn stage een presentatie over ons project en ik was er echt trots op.",
    "Mijn begeleider vroeg me het project aan het hele team uit te leggen, en iedereen stelde vragen.",
    "Bij de voetbalclub leg ik de jeugd ook oefeningen uit, dat geeft me hetzelfde gevoel.",
    "Ik kan goed uitleggen en ik blijf rustig als het spannend wordt.",
    "Ik vind het belangrijk dat anderen iets van me leren.",
    # the kernwoord is chosen with a button
    "Ik wil een minor in het onderwijs verkennen en misschien een meeloopdag doen.",
    "Ik stuur een mail naar de minorcoördinator over de meeloopdag.",
    "volgende week vrijdag",
    "samen met mijn mentor",
]
FALLBACK_ANSWER = "Ik weet het nog niet precies, maar ik wil het graag uitzoeken met mijn mentor."
MAX_TURNS = 40


def _answer_for(question: str, answers) -> str:
    return answer_for(question, answers, day="volgende week vrijdag", fallback=FALLBACK_ANSWER)


def _sender_of(app, context) -> str:
    from itsdangerous import URLSafeSerializer

    cookie = next(c for c in context.cookies() if c["name"] == "lemniscaat_student")
    return URLSafeSerializer(app.secret_key, salt="student-chat").loads(cookie["value"])


def test_student_holds_a_whole_conversation_in_the_web_chat(rasa_stack, browser, tmp_path):
    from bot.config import reset_settings_cache, settings
    from bot.storage.repository import Repository
    from bot.web import add_coach, create_app

    reset_settings_cache()  # the fixture set RASA_URL and DATABASE_URL
    repo = Repository(settings().database_url)
    coach_email = f"e2e-{os.getpid()}@school.nl"
    coach_id = add_coach(coach_email, PASSWORD, repo=repo)
    # A scripted student types faster than a person: the chat rate limit must not end the test.
    app = create_app({"PDF_COMPRESS": False, "RATE_LIMIT_CHAT_SEND": "600 per minute"})

    with live_server(app) as server:
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        page.set_default_timeout(60000)
        page.goto(f"{server}/chat")
        page.get_by_role("button", name="Start het gesprek").click()
        sender = _sender_of(app, context)
        assert repo.link_student_to_coach(sender, repo.create_invite_code(coach_id))

        answers = iter(ANSWERS)
        consent_given = False
        bot_bubbles = page.locator("#log .from-bot")
        for _ in range(MAX_TURNS):
            # (wait_for_function would need eval, which the page's Content-Security-Policy forbids)
            page.locator("#chat[aria-busy='false']").wait_for()
            bot_bubbles.first.wait_for()
            if consent_given:
                break
            last = bot_bubbles.last
            buttons = last.locator(".choices button:not([disabled])")
            if buttons.count():
                titles = [b.strip() for b in buttons.all_inner_texts()]
                texts = " ".join(page.locator("#log .from-bot").all_inner_texts()[-2:]).lower()
                yes = [i for i, title in enumerate(titles) if title.lower().startswith("ja")]
                if yes and ("delen" in texts or "deel" in texts):
                    consent_given = True
                    buttons.nth(yes[0]).click()
                elif "Nee, dit is genoeg" in titles:  # one action step is enough here
                    buttons.nth(titles.index("Nee, dit is genoeg")).click()
                else:
                    buttons.first.click()
            else:
                page.get_by_label("Je bericht").fill(_answer_for(last.inner_text(), answers))
                page.get_by_role("button", name="Verstuur").click()
            page.wait_for_timeout(200)
        assert consent_given, "the bot never asked whether to share the summary"
        page.locator("#chat[aria-busy='false']").wait_for()
        assert "Sorry, ik ben even niet bereikbaar" not in page.locator("#log").inner_text()

        export = repo.export_student(sender)
        shared = [c for c in export["conversations"] if c["consent"] is True]
        assert shared, "the conversation was not stored as shared"
        conversation = shared[-1]
        assert conversation["experience"]
        assert conversation["action_steps"]

        coach_page = context.new_page()
        coach_page.goto(f"{server}/login")
        coach_page.get_by_label("E-mailadres").fill(coach_email)
        coach_page.get_by_label("Wachtwoord").fill(PASSWORD)
        coach_page.get_by_role("button", name="Inloggen").click()
        coach_page.wait_for_url(re.compile(r".*/coach$"))
        student_id = repo.find_student(sender).id
        coach_page.goto(f"{server}/coach/studenten/{student_id}")
        assert coach_page.get_by_role("img", name="Lemniscaat van dit gesprek").first.is_visible()
        assert conversation["action_steps"][0]["what"] in coach_page.locator("main").inner_text()
        context.close()
    repo.engine.dispose()
