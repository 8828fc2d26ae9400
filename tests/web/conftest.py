"""Fixtures for the web app: the app on the migrated temp database, coaches, and students
with conversations made through the repository (not through Rasa)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, live_server
from webhelpers import PASSWORD

from bot.web import create_app
from bot.web.accounts import add_coach


@pytest.fixture()
def app(database_url):
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "TESTING": True,
            "PDF_COMPRESS": False,
            "SECRET_KEY": "test-secret",
        }
    )
    yield app
    app.extensions["lemniscaat_repo"].engine.dispose()


@pytest.fixture()
def client(app):
    return app.test_client()


@dataclass
class Coach:
    id: int
    email: str


@pytest.fixture()
def coach_a(repo) -> Coach:
    return Coach(add_coach("a@school.nl", PASSWORD, repo=repo), "a@school.nl")


@pytest.fixture()
def coach_b(repo) -> Coach:
    return Coach(add_coach("b@school.nl", PASSWORD, repo=repo), "b@school.nl")


# ---- browser tests -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (Debian's binary; never `playwright install`).
    Per module, not per session: Playwright's sync API keeps an asyncio loop running in the main
    thread while it is open, and code under test that calls asyncio.run() (the chat's relay, the
    Telegram units) must not run inside it."""
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(accept_downloads=True, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture()
def server(app):
    with live_server(app) as url:
        yield url
