"""Practice mode on the web (/oefenen): storage, access rules, CSRF, the report page, and one
browser run. The simulated student is the real one from bot/practice."""

from __future__ import annotations

import os
import re

import pytest
from browser import CHROMIUM
from webhelpers import PASSWORD, login, token

from bot.practice.student.personas import PERSONAS
from bot.web.accounts import add_coach

GOOD = [
    "Hoi, fijn dat je er bent.",
    "Vertel eens over een moment van de laatste weken dat je is bijgebleven.",
    "Dat klinkt als iets wat je echt raakte.",
    "Wat gebeurde er precies?",
    "En wat gebeurde er toen?",
    "Waar kom je dat nog meer tegen, in andere situaties?",
    "Wat vind je belangrijk in die verhalen?",
    "Dus dat is echt belangrijk voor je.",
    "Welk woord past bij wat je nu zegt?",
    "Wat betekent dat woord voor je keuze volgend jaar?",
    "Wat wordt je eerste stap, en wanneer?",
]
POOR = [
    "Hoi.",
    "Waarom twijfel je eigenlijk over het hbo?",
    "Hoe komt het dat je dat niet weet?",
    "Je bent gewoon bang om te falen, denk ik.",
    "Dat klinkt als een echte doorzetter.",
    "Je moet gewoon een open dag bezoeken.",
]


@pytest.fixture()
def trainer(repo):
    return add_coach("trainer@school.nl", PASSWORD, is_trainer=True, repo=repo)


def start(client, persona="noor"):
    response = client.post("/oefenen/start", data={"persona": persona, "csrf_token": token(client)})
    assert response.status_code == 302
    return int(re.search(r"/oefenen/(\d+)$", response.headers["Location"]).group(1))


def say(client, session_id, line):
    return client.post(
        f"/oefenen/{session_id}/zeg", data={"message": line, "csrf_token": token(client)}
    )


def practise(client, lines, persona="noor"):
    session_id = start(client, persona)
    for line in lines:
        assert say(client, session_id, line).status_code == 302
    response = client.post(f"/oefenen/{session_id}/afronden", data={"csrf_token": token(client)})
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/oefenen/{session_id}/verslag"
    )
    return session_id


def test_practice_pages_need_login(client):
    for path in ("/oefenen", "/oefenen/voortgang", "/oefenen/1", "/oefenen/1/verslag"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_menu_lists_every_persona(client, coach_a):
    login(client, coach_a.email)
    html = client.get("/oefenen").get_data(as_text=True)
    for persona in PERSONAS.values():
        assert f'value="{persona.key}"' in html and persona.name in html
    assert "Naar oefenen" in client.get("/coach").get_data(as_text=True)


def test_good_and_poor_conversations_give_different_stored_reports(client, coach_a, repo):
    login(client, coach_a.email)
    good_id = practise(client, GOOD)
    poor_id = practise(client, POOR, persona="mehmet")

    good, poor = repo.get_practice(good_id), repo.get_practice(poor_id)
    assert good["coach_id"] == poor["coach_id"] == coach_a.id
    assert good["ended_at"] is not None and poor["ended_at"] is not None
    assert [t["speaker"] for t in good["transcript"]] == ["coach", "student"] * len(GOOD)
    assert good["transcript"][0]["text"] == GOOD[0]

    g, p = good["report"], poor["report"]
    assert g["coach_turns"] == len(GOOD) and p["coach_turns"] == len(POOR)
    assert g["counts"]["waarom_vraag"] == 0 and p["counts"]["waarom_vraag"] == 2
    assert g["counts"]["invullen"] == 0 and p["counts"]["invullen"] == 2
    assert g["counts"]["advies"] == 0 and p["counts"]["advies"] == 1
    assert g["open_share"] == 1.0 and p["open_share"] == 0.0
    assert g["parts_reached"] == ["terugkijken", "reflecteren", "vooruitkijken", "activeren"]
    assert g["ended_with_student_steps"] and not p["ended_with_student_steps"]
    assert p["parts_reached"] == []
    rules = {r["number"]: r for r in p["rules"]}
    assert rules[9]["judgement"] == "let op" and POOR[1] in rules[9]["evidence"]
    assert rules[10]["judgement"] == "let op"

    # The history (newest first) and the progress rows (oldest first) come from the stored reports.
    history = repo.practice_history(coach_id=coach_a.id)
    assert [h["id"] for h in history] == [poor_id, good_id] and all(h["finished"] for h in history)
    progress = repo.trainee_progress(coach_a.id)
    assert [r["id"] for r in progress] == [good_id, poor_id]
    assert (progress[0]["why"], progress[1]["why"]) == (0, 2)
    assert (progress[0]["filled_in"], progress[1]["filled_in"]) == (0, 2)
    assert (len(progress[0]["parts_reached"]), len(progress[1]["parts_reached"])) == (4, 0)


def test_report_page_shows_rules_quotes_counts_and_parts(client, coach_a):
    login(client, coach_a.email)
    session_id = practise(client, POOR)
    html = client.get(f"/oefenen/{session_id}/verslag").get_data(as_text=True)
    assert "De tien regels" in html and html.count('class="rule"') == 10
    assert "<q>Waarom twijfel je eigenlijk over het hbo?</q>" in html
    assert "Geen van de vier delen is echt op gang gekomen." in html
    assert "Nog geen actiestappen die de student zelf koos." in html
    assert 'id="open-share">0%' in html
    # The page asks the trainee no why-question: the word only appears in quotes of their own lines
    # (and in the transcript of the conversation, which is theirs as well).
    outside = re.sub(r"<q>.*?</q>", "", html.split('id="kop-verloop"')[0], flags=re.S)
    assert not re.search(r"waarom|hoezo", outside, re.I)

    good_id = practise(client, GOOD)
    html = client.get(f"/oefenen/{good_id}/verslag").get_data(as_text=True)
    assert "De student noemde zelf actiestappen." in html and "In de goede volgorde." in html
    assert (
        "<li>Terugkijken</li><li>Reflecteren</li><li>Vooruitkijken</li><li>Activeren</li>" in html
    )


def test_conversation_page_is_escaped_and_a_finished_session_takes_no_more_lines(
    client, coach_a, repo
):
    login(client, coach_a.email)
    session_id = start(client)
    say(client, session_id, "<script>alert(1)</script> Vertel eens over een moment op je stage.")
    html = client.get(f"/oefenen/{session_id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert say(client, session_id, "   ").status_code == 400
    client.post(f"/oefenen/{session_id}/afronden", data={"csrf_token": token(client)})
    assert say(client, session_id, "Nog iets?").status_code == 409
    assert client.get(f"/oefenen/{session_id}").headers["Location"].endswith("/verslag")
    assert len(repo.get_practice(session_id)["transcript"]) == 2


def test_json_post_returns_the_reply(client, coach_a, repo):
    login(client, coach_a.email)
    session_id = start(client, "lieke")
    response = client.post(
        f"/oefenen/{session_id}/zeg",
        json={"message": GOOD[1]},
        headers={"X-CSRF-Token": token(client)},
    )
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    reply = response.get_json()["reply"]
    assert reply in PERSONAS["lieke"].experience
    assert repo.get_practice(session_id)["transcript"][-1] == {"speaker": "student", "text": reply}
    error = client.post(
        f"/oefenen/{session_id}/zeg", json={"message": ""}, headers={"X-CSRF-Token": token(client)}
    )
    assert error.status_code == 400 and "Typ eerst" in error.get_json()["error"]


def test_csrf_is_required_on_every_practice_post(client, coach_a, repo):
    login(client, coach_a.email)
    assert client.post("/oefenen/start", data={"persona": "noor"}).status_code == 400
    assert repo.practice_history(coach_id=coach_a.id) == []
    session_id = start(client)
    assert client.post(f"/oefenen/{session_id}/zeg", data={"message": "Hoi"}).status_code == 400
    assert (
        client.post(
            f"/oefenen/{session_id}/zeg", json={"message": "Hoi"}, headers={"X-CSRF-Token": "fout"}
        ).status_code
        == 400
    )
    assert (
        client.post(f"/oefenen/{session_id}/afronden", data={"csrf_token": "fout"}).status_code
        == 400
    )
    row = repo.get_practice(session_id)
    assert row["transcript"] == [] and row["report"] is None


def make_group(client, name="Groep A"):
    response = client.post("/oefenen/groepen", data={"name": name, "csrf_token": token(client)})
    assert response.status_code == 302
    return client


def join(client, code):
    return client.post("/oefenen/groep", data={"code": code, "csrf_token": token(client)})


def test_a_coach_cannot_see_another_coachs_practice_but_their_groups_trainer_can(
    app, coach_a, coach_b, trainer, repo
):
    a = app.test_client()
    login(a, coach_a.email)
    session_id = practise(a, POOR)
    running = start(a)

    b = app.test_client()
    login(b, coach_b.email)
    for path in (f"/oefenen/{session_id}/verslag", f"/oefenen/{session_id}", f"/oefenen/{running}"):
        assert b.get(path).status_code == 404
    assert say(b, running, "Hoi").status_code == 404
    assert b.post(f"/oefenen/{running}/afronden", data={"csrf_token": token(b)}).status_code == 404
    progress = b.get("/oefenen/voortgang").get_data(as_text=True)
    assert "a@school.nl" not in progress and "Mijn voortgang" in progress
    assert (
        b.post("/oefenen/groepen", data={"name": "Mijn groep", "csrf_token": token(b)}).status_code
        == 404
    )
    assert repo.audit_entries(coach_b.id, "view_practice_report") == []

    t = app.test_client()
    login(t, "trainer@school.nl")
    # A trainer without a group sees nobody.
    assert "a@school.nl" not in t.get("/oefenen/voortgang").get_data(as_text=True)
    assert t.get(f"/oefenen/{session_id}/verslag").status_code == 404
    make_group(t, "SLB-training najaar")
    [group] = repo.practice_groups(trainer_id=trainer)
    assert len(group["invite_code"]) == 8 and group["members"] == []
    assert group["invite_code"] in t.get("/oefenen/voortgang").get_data(as_text=True)

    assert "Die groepscode ken ik niet" in a.get(join(a, "ONBEKEND").headers["Location"]).get_data(
        as_text=True
    )
    joined = a.get(join(a, group["invite_code"].lower()).headers["Location"]).get_data(as_text=True)
    assert "Je zit nu in de groep &#39;SLB-training najaar&#39;" in joined
    join(a, group["invite_code"])  # twice is once
    assert [m["email"] for m in repo.practice_groups(trainer_id=trainer)[0]["members"]] == [
        "a@school.nl"
    ]

    progress = t.get("/oefenen/voortgang")
    assert progress.status_code == 200
    html = progress.get_data(as_text=True)
    assert (
        "a@school.nl" in html
        and f"/oefenen/{session_id}/verslag" in html
        and "b@school.nl" not in html
    )
    report = t.get(f"/oefenen/{session_id}/verslag")
    assert report.status_code == 200 and "Deelnemer: a@school.nl" in report.get_data(as_text=True)
    assert [e["target"] for e in repo.audit_entries(trainer, "view_practice_report")] == [
        f"practice:{session_id}"
    ]
    # Running sessions stay with their owner; a trainer cannot type into someone else's practice.
    assert t.get(f"/oefenen/{running}/verslag").status_code == 404
    assert say(t, running, "Hoi").status_code == 404
    # Reading one's own report is not audited.
    a.get(f"/oefenen/{session_id}/verslag")
    assert repo.audit_entries(coach_a.id, "view_practice_report") == []


def test_another_groups_trainee_is_a_404_and_an_admin_sees_every_group(
    app, coach_a, coach_b, trainer, repo
):
    trainer2 = add_coach("trainer2@school.nl", PASSWORD, is_trainer=True, repo=repo)
    add_coach("admin@school.nl", PASSWORD, is_admin=True, repo=repo)
    mine = repo.create_practice_group(trainer, "Groep van trainer 1")
    other = repo.create_practice_group(trainer2, "Groep van trainer 2")
    repo.join_practice_group(mine["invite_code"], coach_id=coach_a.id)
    repo.join_practice_group(other["invite_code"], coach_id=coach_b.id)

    a, b = app.test_client(), app.test_client()
    login(a, coach_a.email)
    login(b, coach_b.email)
    a_session, b_session = practise(a, POOR), practise(b, GOOD)

    t = app.test_client()
    login(t, "trainer@school.nl")
    assert t.get(f"/oefenen/{a_session}/verslag").status_code == 200
    assert t.get(f"/oefenen/{b_session}/verslag").status_code == 404, "another group's trainee"
    html = t.get("/oefenen/voortgang").get_data(as_text=True)
    assert (
        "Groep van trainer 1" in html
        and "Groep van trainer 2" not in html
        and "b@school.nl" not in html
    )

    t2 = app.test_client()
    login(t2, "trainer2@school.nl")
    assert t2.get(f"/oefenen/{a_session}/verslag").status_code == 404
    assert t2.get(f"/oefenen/{b_session}/verslag").status_code == 200

    loose = repo.start_practice("noor", coach_id=trainer2)
    repo.save_practice(
        loose, [("coach", "Hoi"), ("student", "hoi")], {"counts": {}, "rules": []}, ended=True
    )
    admin = app.test_client()
    login(admin, "admin@school.nl")
    html = admin.get("/oefenen/voortgang").get_data(as_text=True)
    assert "Groep van trainer 1" in html and "Groep van trainer 2" in html
    assert "a@school.nl" in html and "b@school.nl" in html
    assert 'id="zonder-groep"' in html and "trainer2@school.nl" in html
    for session_id in (a_session, b_session, loose):
        assert admin.get(f"/oefenen/{session_id}/verslag").status_code == 200
    assert repo.trainees_without_group() == [
        {
            "coach_id": trainer2,
            "email": "trainer2@school.nl",
            "trainee_sender_id": None,
            "sessions": 1,
        }
    ]


def test_telegram_practice_shows_for_a_trainer_only_once_linked_to_their_group(
    app, coach_a, trainer, repo
):
    from bot.practice.session import PracticeSession

    # What the Telegram /oefenen flow stores: a session under the chat pseudonym, no account.
    session_id = repo.start_practice("noor", trainee_sender_id="tg-0123456789abcdef")
    practice = PracticeSession("noor", seed=session_id)
    practice.coach_says("Waarom koos je voor deze opleiding?")
    report = practice.finish()
    repo.save_practice(session_id, practice.to_dict()["transcript"], report.to_dict(), ended=True)

    t = app.test_client()
    login(t, "trainer@school.nl")
    assert "Chatdeelnemer" not in t.get("/oefenen/voortgang").get_data(as_text=True)
    assert t.get(f"/oefenen/{session_id}/verslag").status_code == 404

    group = repo.create_practice_group(trainer, "Telegramgroep")
    assert (
        repo.join_practice_group(group["invite_code"], trainee_sender_id="tg-0123456789abcdef")[
            "id"
        ]
        == group["id"]
    )
    html = t.get("/oefenen/voortgang").get_data(as_text=True)
    assert "Chatdeelnemer tg-01234567" in html and f"/oefenen/{session_id}/verslag" in html
    page = t.get(f"/oefenen/{session_id}/verslag").get_data(as_text=True)
    assert (
        "Waarom koos je voor deze opleiding?" in page
        and "Deelnemer: Chatdeelnemer tg-01234567" in page
    )

    a = app.test_client()
    login(a, coach_a.email)
    assert "Chatdeelnemer" not in a.get("/oefenen/voortgang").get_data(as_text=True)
    assert a.get(f"/oefenen/{session_id}/verslag").status_code == 404

    # Erasing the chat sender's data takes the membership too.
    repo.erase_student("tg-0123456789abcdef")
    assert repo.practice_groups(trainer_id=trainer)[0]["members"] == []


def test_finishing_without_a_line_is_refused_and_unknown_persona_too(client, coach_a, repo):
    login(client, coach_a.email)
    assert (
        client.post(
            "/oefenen/start", data={"persona": "niemand", "csrf_token": token(client)}
        ).status_code
        == 302
    )
    assert repo.practice_history(coach_id=coach_a.id) == []
    session_id = start(client)
    client.post(f"/oefenen/{session_id}/afronden", data={"csrf_token": token(client)})
    assert repo.get_practice(session_id)["report"] is None


def test_repository_practice_for_a_chat_trainee(repo):
    session_id = repo.start_practice("kevin", trainee_sender_id="tg-abc")
    repo.save_practice(session_id, [("coach", "Hoi"), ("student", "hey")])
    assert repo.get_practice(session_id)["transcript"] == [
        {"speaker": "coach", "text": "Hoi"},
        {"speaker": "student", "text": "hey"},
    ]
    assert [h["id"] for h in repo.practice_history(trainee_sender_id="tg-abc")] == [session_id]
    with pytest.raises(ValueError):
        repo.practice_history()
    with pytest.raises(LookupError):
        repo.save_practice(session_id + 1, [])


# ---- browser ---------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed")
def test_browser_practice_with_a_persona_and_see_the_report(page, server, coach_a, repo):
    sync_api = pytest.importorskip("playwright.sync_api")
    expect = sync_api.expect

    page.goto(f"{server}/oefenen")
    page.get_by_label("E-mailadres").fill(coach_a.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{server}/oefenen")

    page.get_by_label(re.compile(r"^Mehmet")).check()
    page.get_by_role("button", name="Start het oefengesprek").click()
    page.wait_for_url(re.compile(r"/oefenen/\d+$"))
    assert page.get_by_role("heading", name="Oefengesprek met Mehmet").is_visible()

    log = page.get_by_role("log")
    box = page.get_by_label("Wat zeg je tegen Mehmet?")
    box.fill(GOOD[1])
    page.keyboard.press("Enter")
    expect(log.locator(".from-bot")).to_have_count(1)
    box.fill("Waarom vond je dat zo lastig?")
    page.get_by_role("button", name="Verstuur").click()
    expect(log.locator(".from-bot")).to_have_count(2)
    replies = log.locator(".from-bot p").all_inner_texts()
    assert replies[0] in PERSONAS["mehmet"].experience
    assert replies[1] in PERSONAS["mehmet"].evasive
    assert page.locator("#turn-count").inner_text() == "2"

    page.get_by_role("button", name="Gesprek afronden").click()
    page.wait_for_url(re.compile(r"/oefenen/\d+/verslag$"))
    assert page.get_by_role("heading", name="Feedback op je oefengesprek met Mehmet").is_visible()
    rule9 = page.locator("#regel-9")
    assert "let op" in rule9.inner_text() and "Waarom vond je dat zo lastig?" in rule9.inner_text()
    assert page.locator("#coach-turns").inner_text() == "2"
    stored = repo.practice_history(coach_id=coach_a.id)[0]
    assert stored["finished"] and stored["coach_turns"] == 2


def test_a_session_that_cannot_be_rebuilt_is_closed_not_a_server_error(client, coach_a, repo):
    login(client, coach_a.email)
    session_id = repo.start_practice("verdwenen", coach_id=coach_a.id)  # a persona that is gone
    response = client.get(f"/oefenen/{session_id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/oefenen")
    assert repo.get_practice(session_id)["ended_at"] is not None
    assert "kan niet meer worden geopend" in client.get("/oefenen").get_data(as_text=True)
    assert say(client, session_id, "Hoi").status_code == 409


def test_an_old_stored_report_shows_the_current_rule_titles(client, coach_a, repo):
    login(client, coach_a.email)
    session_id = practise(client, POOR)
    row = repo.get_practice(session_id)
    report = row["report"]
    report["rules"][8]["title"] = "Geen waarom-vragen"  # as stored before the title changed
    repo.save_practice(session_id, row["transcript"], report)
    html = client.get(f"/oefenen/{session_id}/verslag").get_data(as_text=True)
    assert "Geen waarom-vragen" not in html and "Geen vragen naar de reden" in html


def test_report_page_shows_benchmarks_a_better_line_and_no_why_word(client, coach_a):
    login(client, coach_a.email)
    session_id = practise(client, POOR)
    html = client.get(f"/oefenen/{session_id}/verslag").get_data(as_text=True)
    assert 'id="benchmarks"' in html and "Jouw cijfers naast de maat" in html
    assert re.search(
        r'id="maat-open_share"><td>Aandeel open vragen</td><td>0%</td><td>50%</td><td>70%</td>',
        html,
    )
    assert "onder redelijk" in html and "Beter gezegd" in html and "(regel 9)" in html
    outside = re.sub(r"<q>.*?</q>", "", html.split('id="kop-verloop"')[0], flags=re.S)
    assert not re.search(r"waarom|hoezo|maakte dat", outside, re.I)


def test_report_page_shows_the_signal_of_distress(client, coach_a):
    login(client, coach_a.email)
    lines = [
        "Hoi Kevin.",
        "Vertel eens over een moment van de afgelopen weken dat je is bijgebleven.",
        "Dat klinkt als iets wat je echt raakte.",
        "Wat gebeurde er precies?",
        "En wat gebeurde er toen?",
    ]
    session_id = practise(client, lines, persona="kevin")
    html = client.get(f"/oefenen/{session_id}/verslag").get_data(as_text=True)
    assert 'id="signaal"' in html and "113 genoemd: nee" in html and "0800-0113" in html


def test_report_page_lists_each_filled_in_line_with_its_words_and_a_rewrite(client, coach_a):
    login(client, coach_a.email)
    lines = [
        "Vertel eens over een moment van de laatste weken dat je is bijgebleven.",
        "Je was natuurlijk gewoon boos op die jongens.",
        "Jij bent echt een geboren leider.",
        "Dat kwam doordat je gewoon te moe was van al dat werken.",
    ]
    session_id = practise(client, lines)
    html = client.get(f"/oefenen/{session_id}/verslag").get_data(as_text=True)
    section = html.split('id="ingevuld"')[1].split("</section>")[0]
    assert "Ingevuld voor de student (3x)" in section
    for line in lines[1:]:
        assert f"<q>{line}</q>" in section
    assert "<mark>boos</mark>" in section and "<mark>leider</mark>" in section
    assert section.count('class="better"') == 3  # a rewrite in the student's words for each
