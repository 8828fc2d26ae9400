"""What a coach sees and may change: own students only, shared conversations only."""

from __future__ import annotations

from datetime import timedelta

from webhelpers import login, make_student, token

from bot.clock import today as product_today


def _page(client, url):
    response = client.get(url)
    return response.status_code, response.get_data(as_text=True)


def test_overview_lists_own_students_only(client, repo, coach_a, coach_b):
    mine = make_student(repo, "web-mine", coach_a.id)
    theirs = make_student(repo, "web-theirs", coach_b.id)
    make_student(repo, "web-nobody", None)
    login(client, coach_a.email)
    status, html = _page(client, "/coach")
    assert status == 200
    assert f"/coach/studenten/{mine.student_id}" in html
    assert f"/coach/studenten/{theirs.student_id}" not in html


def test_student_page_shows_summary_svg_and_is_audited(client, repo, coach_a):
    made = make_student(repo, "web-s1", coach_a.id, kernwoord="uitleggen")
    login(client, coach_a.email)
    status, html = _page(client, f"/coach/studenten/{made.student_id}")
    assert status == 200
    for text in (
        "Ik gaf een presentatie op mijn stage.",
        "trots, zenuwachtig",
        "Bij de sportclub",
        "rustig blijven",
        "anderen iets leren",
        "uitleggen",
        "een minor onderwijs verkennen",
        "Mail sturen naar de minorcoördinator",
        "mijn mentor",
    ):
        assert text in html
    assert "<svg" in html and 'role="img"' in html
    assert (
        "Delen van het gesprek bereikt: terugkijken, reflecteren, vooruitkijken en activeren."
        in html
    )
    assert (
        "Loopbaancompetenties aan bod: capaciteitenreflectie, motievenreflectie en werkexploratie."
        in html
    )
    assert html.count('class="lem-part reached"') == 4
    assert (
        repo.audit_entries(coach_a.id, "view_student")[0]["target"] == f"student:{made.student_id}"
    )


def test_lemniscate_shows_missing_parts(client, repo, coach_a):
    made = make_student(repo, "web-half", coach_a.id, parts=("terugkijken", "reflecteren"))
    login(client, coach_a.email)
    _, html = _page(client, f"/coach/studenten/{made.student_id}")
    assert html.count('class="lem-part reached"') == 2
    assert html.count('class="lem-part missing"') == 2
    assert "Nog niet bereikt: vooruitkijken en activeren." in html


def test_foreign_and_unknown_students_are_not_found(client, repo, coach_a, coach_b):
    theirs = make_student(repo, "web-b", coach_b.id)
    unlinked = make_student(repo, "web-free", None)
    login(client, coach_a.email)
    assert client.get(f"/coach/studenten/{theirs.student_id}").status_code == 404
    assert client.get(f"/coach/studenten/{unlinked.student_id}").status_code == 404
    assert client.get("/coach/studenten/99999").status_code == 404
    assert "Deze pagina bestaat niet" in client.get("/coach/studenten/99999").get_data(as_text=True)
    assert (
        client.get(f"/coach/gesprekken/{theirs.conversation_id}/samenvatting.pdf").status_code
        == 404
    )
    csrf = token(client)
    step = theirs.step_ids[0]
    assert (
        client.post(
            f"/coach/stappen/{step}/status", data={"status": "gedaan", "csrf_token": csrf}
        ).status_code
        == 404
    )
    assert (
        client.post(
            f"/coach/gesprekken/{theirs.conversation_id}/notitie",
            data={"note": "x", "csrf_token": csrf},
        ).status_code
        == 404
    )
    assert (
        client.post(
            "/coach/stappen/99999/status", data={"status": "gedaan", "csrf_token": csrf}
        ).status_code
        == 404
    )
    assert repo.coach_step(coach_b.id, step)["status"] == "open"
    assert repo.audit_entries(coach_a.id, "view_student") == []


def test_unshared_conversation_stays_hidden(client, repo, coach_a):
    made = make_student(
        repo, "web-private", coach_a.id, shared=False, experience="Geheim verhaal over thuis"
    )
    undecided = make_student(
        repo, "web-undecided", coach_a.id, shared=None, experience="Nog niet besloten"
    )
    login(client, coach_a.email)
    status, html = _page(client, f"/coach/studenten/{made.student_id}")
    assert status == 200  # the student is the coach's own...
    assert "Geheim verhaal" not in html and "vrijheid" not in html  # ...but not this conversation
    assert "nog geen gesprek met je gedeeld" in html
    assert "Nog niet besloten" not in _page(client, f"/coach/studenten/{undecided.student_id}")[1]
    csrf = token(client)
    assert (
        client.get(f"/coach/gesprekken/{made.conversation_id}/samenvatting.pdf").status_code == 404
    )
    assert (
        client.post(
            f"/coach/stappen/{made.step_ids[0]}/status",
            data={"status": "gedaan", "csrf_token": csrf},
        ).status_code
        == 404
    )
    assert (
        client.post(
            f"/coach/gesprekken/{made.conversation_id}/notitie",
            data={"note": "x", "csrf_token": csrf},
        ).status_code
        == 404
    )


def test_step_status_change_persists_and_is_audited(client, repo, coach_a):
    made = make_student(repo, "web-step", coach_a.id)
    step = made.step_ids[0]
    login(client, coach_a.email)
    response = client.post(
        f"/coach/stappen/{step}/status", data={"status": "gedaan", "csrf_token": token(client)}
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/coach/studenten/{made.student_id}#stap-{step}")
    assert repo.coach_step(coach_a.id, step)["status"] == "gedaan"
    html = client.get(f"/coach/studenten/{made.student_id}").get_data(as_text=True)
    assert '<option value="gedaan" selected>' in html
    assert repo.audit_entries(coach_a.id, "step_status")[0]["target"] == f"step:{step}:gedaan"
    bad = client.post(
        f"/coach/stappen/{step}/status", data={"status": "weg", "csrf_token": token(client)}
    )
    assert bad.status_code == 400


def test_private_note_per_coach_and_conversation(client, repo, coach_a):
    made = make_student(repo, "web-note", coach_a.id)
    login(client, coach_a.email)
    url = f"/coach/gesprekken/{made.conversation_id}/notitie"
    assert (
        client.post(
            url,
            data={"note": "Volgende keer doorvragen over de minor.", "csrf_token": token(client)},
        ).status_code
        == 302
    )
    html = client.get(f"/coach/studenten/{made.student_id}").get_data(as_text=True)
    assert "Volgende keer doorvragen over de minor." in html
    client.post(url, data={"note": "Bijgewerkt.", "csrf_token": token(client)})
    assert "Bijgewerkt." in client.get(f"/coach/studenten/{made.student_id}").get_data(as_text=True)
    assert [e["target"] for e in repo.audit_entries(coach_a.id, "note_saved")] == [
        f"conversation:{made.conversation_id}"
    ] * 2
    too_long = client.post(url, data={"note": "x" * 5001, "csrf_token": token(client)})
    assert too_long.status_code == 400


def test_student_text_is_escaped_everywhere(client, repo, coach_a):
    evil = "<script>alert(1)</script>"
    made = make_student(
        repo,
        "web-xss",
        coach_a.id,
        experience=evil,
        kernwoord="<b>x</b><script>",
        steps=[(evil, product_today(), evil)],
    )
    login(client, coach_a.email)
    for url in (f"/coach/studenten/{made.student_id}", "/coach"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>" not in html
        assert "&lt;script&gt;" in html
    html = client.get(f"/coach/studenten/{made.student_id}").get_data(as_text=True)
    assert (
        "<b>x</b>" not in html and "“&lt;b&gt;x&lt;/b&gt;&lt;script&gt;”" in html
    )  # the kernwoord inside the SVG


def test_overview_due_steps_this_week_and_overdue(client, repo, coach_a, coach_b):
    today = product_today()
    make_student(
        repo,
        "web-due",
        coach_a.id,
        steps=[
            ("Stap te laat", today - timedelta(days=3), None),
            ("Stap vandaag", today, None),
            ("Stap over een maand", today + timedelta(days=30), None),
            ("Stap zonder datum", None, None),
        ],
    )
    made_done = make_student(repo, "web-done", coach_a.id, steps=[("Stap al gedaan", today, None)])
    repo.set_step_status(made_done.step_ids[0], "gedaan")
    make_student(
        repo, "web-hidden", coach_a.id, shared=False, steps=[("Stap niet gedeeld", today, None)]
    )
    make_student(repo, "web-other", coach_b.id, steps=[("Stap van een ander", today, None)])
    login(client, coach_a.email)
    html = client.get("/coach").get_data(as_text=True)
    assert "Stap te laat" in html and "te laat</span>" in html
    assert "Stap vandaag" in html
    for absent in (
        "Stap over een maand",
        "Stap zonder datum",
        "Stap al gedaan",
        "Stap niet gedeeld",
        "Stap van een ander",
    ):
        assert absent not in html


def test_safety_flags_reach_the_coach_without_content(client, repo, coach_a, coach_b):
    hidden = make_student(
        repo,
        "web-flag-hidden",
        coach_a.id,
        shared=False,
        flagged=True,
        experience="Inhoud die de coach niet ziet",
    )
    shared = make_student(repo, "web-flag-shared", coach_a.id, shared=True, flagged=True)
    make_student(repo, "web-flag-other", coach_b.id, shared=True, flagged=True)
    login(client, coach_a.email)
    html = client.get("/coach").get_data(as_text=True)
    assert f"Student {hidden.student_id}</strong>: signaal" in html
    assert "Het gesprek is niet gedeeld" in html
    assert f"#gesprek-{shared.conversation_id}" in html
    assert "Inhoud die de coach niet ziet" not in html
    assert html.count('class="alert"') == 2  # not coach B's student
    student_html = client.get(f"/coach/studenten/{hidden.student_id}").get_data(as_text=True)
    assert (
        "Veiligheidssignaal" in student_html and "Inhoud die de coach niet ziet" not in student_html
    )


def test_invite_code_button(client, repo, coach_a):
    login(client, coach_a.email)
    response = client.post(
        "/coach/uitnodiging", data={"csrf_token": token(client)}, follow_redirects=True
    )
    html = response.get_data(as_text=True)
    assert "Nieuwe koppelcode:" in html
    import re

    code = re.search(r"/koppel ([A-Z2-9]{8})", html).group(1)
    # The audit log keeps a fingerprint, never the code itself (a code in clear could be claimed).
    (audit,) = repo.audit_entries(coach_a.id, "invite_created")
    assert code not in audit["target"] and audit["target"].startswith("invite:")
    repo.ensure_student("web-new", channel="web")
    assert repo.link_student_to_coach("web-new", code)
    assert repo.coach_students(coach_a.id)[0]["invite_code"] == code


def test_cli_helpers(repo):
    import pytest

    from bot.web import add_coach, create_invite

    coach_id = add_coach("Nieuw@School.nl", "lang-genoeg-wachtwoord", is_trainer=True, repo=repo)
    assert (
        repo.get_coach(coach_id).email == "nieuw@school.nl" and repo.get_coach(coach_id).is_trainer
    )
    assert repo.get_coach(coach_id).password_hash.startswith("$argon2")
    with pytest.raises(ValueError):
        add_coach("nieuw@school.nl", "lang-genoeg-wachtwoord", repo=repo)
    with pytest.raises(ValueError):
        add_coach("ander@school.nl", "kort", repo=repo)
    code = create_invite("nieuw@school.nl", repo=repo)
    assert len(code) == 8
    with pytest.raises(LookupError):
        create_invite("onbekend@school.nl", repo=repo)
