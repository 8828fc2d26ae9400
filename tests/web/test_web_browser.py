"""Browser tests in headless Chromium: the coach's way through the dashboard, and the chat page."""

from __future__ import annotations

import os

import pytest
from browser import CHROMIUM
from webhelpers import PASSWORD, make_student

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed")


def test_coach_logs_in_opens_student_marks_step_done_and_downloads_pdf(
    page, server, repo, coach_a, tmp_path
):
    made = make_student(repo, "web-browser", coach_a.id, kernwoord="doorzetten")
    step = made.step_ids[0]

    page.goto(f"{server}/coach")
    assert page.url.startswith(f"{server}/login")
    page.get_by_label("E-mailadres").fill(coach_a.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{server}/coach")
    assert page.get_by_role("heading", name="Overzicht").is_visible()

    students = page.get_by_role("region", name="Mijn studenten")
    students.get_by_role("link", name=f"Student {made.student_id}").click()
    page.wait_for_url(f"{server}/coach/studenten/{made.student_id}")
    assert page.get_by_text("Ik gaf een presentatie op mijn stage.").is_visible()
    assert page.locator("dd.kernwoord").inner_text() == "doorzetten"
    picture = page.get_by_role("img", name="Lemniscaat van dit gesprek")
    assert picture.is_visible()
    assert picture.locator("polyline.reached").count() == 4
    box = picture.bounding_box()
    assert box["width"] > 200 and box["height"] > 100

    select = page.locator(f"#status-{step}")
    select.select_option("gedaan")
    page.locator(f"#stap-{step}").get_by_role("button", name="Status opslaan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Status van de actiestap opgeslagen: Gedaan.").is_visible()
    page.reload()
    assert page.locator(f"#status-{step}").input_value() == "gedaan"
    assert repo.coach_step(coach_a.id, step)["status"] == "gedaan"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF voor het loopbaandossier").click()
    download = download_info.value
    assert download.suggested_filename == f"loopbaanreflectie-gesprek-{made.conversation_id}.pdf"
    saved = tmp_path / "samenvatting.pdf"
    download.save_as(saved)
    body = saved.read_bytes()
    assert body.startswith(b"%PDF") and b"doorzetten" in body


def test_keyboard_reaches_skip_link_first(page, server):
    page.goto(f"{server}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Naar de inhoud"


def test_chat_page_shows_answers_as_text_and_buttons_send_payloads(page, server, monkeypatch):
    sent = []

    def fake_send(sender_id, text, timeout=30.0):
        sent.append(text)
        if text == "/affirm":
            return [{"text": "Dank je, ik deel het met je coach."}]
        return [
            {
                "text": "Hoi! <img src=x onerror=\"document.title='gehackt'\"> Wat maakte je onlangs mee?"
            },
            {
                "text": "Wil je dit delen?",
                "buttons": [
                    {"title": "Ja", "payload": "/affirm"},
                    {"title": "Nee", "payload": "/deny"},
                ],
            },
        ]

    monkeypatch.setattr("bot.web.chat.send_to_rasa_sync", fake_send)
    page.goto(f"{server}/chat")
    assert page.get_by_text(
        "Je coach ziet alleen wat jij aan het eind van het gesprek wilt delen."
    ).is_visible()
    page.get_by_role("button", name="Start het gesprek").click()
    log = page.get_by_role("log")
    log.get_by_text("Wil je dit delen?").wait_for()
    assert sent == ["Hoi"]
    assert "<img src=x" in log.inner_text()  # shown as text, not run as HTML
    assert page.locator("#log img").count() == 0 and page.title() != "gehackt"

    page.get_by_role("button", name="Ja").click()
    log.get_by_text("Dank je, ik deel het met je coach.").wait_for()
    assert sent[-1] == "/affirm"
    assert page.get_by_role("button", name="Nee").is_disabled()

    page.get_by_label("Je bericht").fill("Ik gaf een presentatie")
    page.keyboard.press("Enter")
    expect(page.locator("#log .from-student")).to_have_count(3)
    # The bubble shows before the server has the message: wait for the request to land.
    for _ in range(100):
        if sent[-1] == "Ik gaf een presentatie":
            break
        page.wait_for_timeout(50)
    assert sent[-1] == "Ik gaf een presentatie"
    assert page.get_by_label("Je bericht").input_value() == ""
