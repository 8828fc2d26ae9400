"""Login, logout, sessions, CSRF and the login rate limit."""

from __future__ import annotations

from datetime import datetime, timedelta

from webhelpers import PASSWORD, login, make_student, token


def test_login_page_is_dutch_and_accessible(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html  # skip link
    assert '<label for="email">E-mailadres</label>' in html
    assert '<label for="password">Wachtwoord</label>' in html


def test_login_and_logout(client, coach_a, repo):
    response = login(client, coach_a.email)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/coach")
    assert client.get("/coach").status_code == 200
    assert [e["action"] for e in repo.audit_entries(coach_a.id)] == ["login"]

    assert client.get("/logout").status_code == 405  # logging out changes state: POST only
    response = client.post("/logout", data={"csrf_token": token(client)})
    assert response.status_code == 302
    assert client.get("/coach").status_code == 302


def test_wrong_password_and_unknown_email_are_refused_alike(client, coach_a):
    wrong = login(client, coach_a.email, "niet-het-goede-wachtwoord")
    unknown = login(client, "niemand@school.nl")
    assert wrong.status_code == unknown.status_code == 401
    assert "Het e-mailadres of het wachtwoord klopt niet." in wrong.get_data(as_text=True)
    assert "Het e-mailadres of het wachtwoord klopt niet." in unknown.get_data(as_text=True)
    assert client.get("/coach").status_code == 302


def test_pages_need_login_and_next_is_local_only(client, coach_a):
    response = client.get("/coach")
    assert response.status_code == 302 and "/login?next=/coach" in response.headers["Location"]
    evil = client.post(
        "/login",
        data={
            "email": coach_a.email,
            "password": PASSWORD,
            "csrf_token": token(client),
            "next": "//evil.example/x",
        },
    )
    assert evil.headers["Location"].endswith("/coach")
    client.post("/logout", data={"csrf_token": token(client)})
    good = client.post(
        "/login",
        data={
            "email": coach_a.email,
            "password": PASSWORD,
            "csrf_token": token(client),
            "next": "/coach/export.csv",
        },
    )
    assert good.headers["Location"].endswith("/coach/export.csv")


# The login limits (growing delay per account, cap per address) are in test_web_hardening.py.


def test_session_cookie_settings(app, client, coach_a):
    assert app.config["PERMANENT_SESSION_LIFETIME"] == timedelta(hours=8)
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    response = login(client, coach_a.email)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Expires=" in cookie


def test_session_expires_after_eight_hours_even_if_cookie_is_kept(client, coach_a):
    login(client, coach_a.email)
    assert client.get("/coach").status_code == 200
    with client.session_transaction() as session:
        session["login_at"] = (datetime.utcnow() - timedelta(hours=8, minutes=1)).timestamp()
    response = client.get("/coach")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_session_ends_when_coach_is_deleted(client, coach_a, repo):
    login(client, coach_a.email)
    from bot.storage.models import Coach

    with repo.session() as s:
        s.delete(s.get(Coach, coach_a.id))
    assert client.get("/coach").status_code == 302


def test_post_without_or_with_wrong_csrf_token_is_refused(client, coach_a, repo):
    made = make_student(repo, "web-csrf", coach_a.id)
    assert (
        client.post("/login", data={"email": coach_a.email, "password": PASSWORD}).status_code
        == 400
    )
    login(client, coach_a.email)
    url = f"/coach/stappen/{made.step_ids[0]}/status"
    assert client.post(url, data={"status": "gedaan"}).status_code == 400
    assert client.post(url, data={"status": "gedaan", "csrf_token": "verkeerd"}).status_code == 400
    assert (
        client.post(
            url, data={"status": "gedaan"}, headers={"X-CSRF-Token": "verkeerd"}
        ).status_code
        == 400
    )
    assert repo.coach_step(coach_a.id, made.step_ids[0])["status"] == "open"
    assert (
        client.post(url, data={"status": "gedaan", "csrf_token": token(client)}).status_code == 302
    )
    assert repo.coach_step(coach_a.id, made.step_ids[0])["status"] == "gedaan"


def test_csrf_token_changes_at_login(client, coach_a):
    before = token(client)
    login(client, coach_a.email)
    with client.session_transaction() as session:
        assert session["csrf_token"] != before


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
