"""Web hardening, and no default key opens anything, with the Flask
test client on the real migrated database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer
from webhelpers import PASSWORD, login, token

from bot.storage.models import AuditLog
from bot.web import create_app


def _move_failures_back(repo, seconds):
    with repo.session() as s:
        for row in s.query(AuditLog).filter(AuditLog.action == "login_failed"):
            row.at = row.at - timedelta(seconds=seconds)


# ---- redirects after login stay on the site ----


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example/x",
        "/\\evil.example",
        "\\\\evil.example",
        "/\\/evil.example",
        "https://evil.example/",
        "http:evil.example",
        "javascript:alert(1)",
        "%2F%2Fevil.example",
        "/%2F/evil.example",
        "/%2Fevil.example",
        "%5C%5Cevil.example",
        "/%5Cevil.example",
        "/%252F%252Fevil.example",
        "/\t/evil.example",
        "/%09/evil.example",
        "///evil.example",
        "evil.example",
    ],
)
def test_login_never_redirects_off_site(client, coach_a, target):
    response = client.post(
        "/login",
        data={
            "email": coach_a.email,
            "password": PASSWORD,
            "csrf_token": token(client),
            "next": target,
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"] in ("/coach", "http://localhost/coach")


def test_local_next_is_kept(client, coach_a):
    response = client.post(
        "/login",
        data={
            "email": coach_a.email,
            "password": PASSWORD,
            "csrf_token": token(client),
            "next": "/coach/studenten/3?x=1",
        },
    )
    assert response.headers["Location"].endswith("/coach/studenten/3?x=1")


# ---- sessions: revoked at logout, idle timeout, no old default key ----


def test_cookie_copied_before_logout_is_dead_after_it(app, coach_a):
    client = app.test_client()
    login(client, coach_a.email)
    copied = client.get_cookie("lemniscaat_session").value
    assert client.get("/coach").status_code == 200
    client.post("/logout", data={"csrf_token": token(client)})
    thief = app.test_client()
    thief.set_cookie("lemniscaat_session", copied)
    response = thief.get("/coach")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    # Logging in again works, with a fresh session.
    assert (
        login(client, coach_a.email).status_code == 302 and client.get("/coach").status_code == 200
    )


def test_idle_session_ends_after_thirty_minutes(app, client, coach_a):
    assert app.config["SESSION_IDLE_MINUTES"] == 30
    login(client, coach_a.email)
    with client.session_transaction() as session:
        session["seen_at"] = (datetime.utcnow() - timedelta(minutes=29)).timestamp()
    assert client.get("/coach").status_code == 200, (
        "29 minutes idle is fine, and the clock restarts"
    )
    with client.session_transaction() as session:
        assert datetime.utcnow().timestamp() - session["seen_at"] < 5
        session["seen_at"] = (datetime.utcnow() - timedelta(minutes=31)).timestamp()
    assert client.get("/coach").status_code == 302


@pytest.mark.parametrize("old_default", ["dev-secret-change-me", "change-me-in-production"])
def test_cookie_signed_with_an_old_default_key_opens_nothing(database_url, coach_a, old_default):
    app = create_app({"DATABASE_URL": database_url, "TESTING": True})  # the key from var/keys
    assert app.secret_key not in (old_default,)
    interface = SecureCookieSessionInterface()
    forged_app = create_app(
        {"DATABASE_URL": database_url, "TESTING": True, "SECRET_KEY": old_default}
    )
    serializer = interface.get_signing_serializer(forged_app)
    assert isinstance(serializer, URLSafeTimedSerializer)
    now = datetime.utcnow().timestamp()
    forged = serializer.dumps(
        {
            "coach_id": coach_a.id,
            "login_at": now,
            "seen_at": now,
            "session_version": 0,
            "csrf_token": "x",
        }
    )
    client = app.test_client()
    client.set_cookie("lemniscaat_session", forged)
    assert client.get("/coach").status_code == 302
    for engine_app in (app, forged_app):
        engine_app.extensions["lemniscaat_repo"].engine.dispose()


# ---- login limits that cannot be turned against a coach ----


def test_growing_delay_per_account_never_a_lockout(client, coach_a, repo, app):
    for _ in range(app.config["LOGIN_FREE_FAILURES"]):
        assert login(client, coach_a.email, "fout-fout-fout").status_code == 401
    assert (
        login(client, coach_a.email, "fout-fout-fout").status_code == 401
    )  # the 4th is checked, then a delay
    blocked = login(client, coach_a.email)  # even the right password waits
    assert blocked.status_code == 429 and "Te veel mislukte pogingen" in blocked.get_data(
        as_text=True
    )
    assert int(blocked.headers["Retry-After"]) <= app.config["LOGIN_DELAY_SECONDS"] * 2
    # The delay is per account, from any address...
    assert login(client, coach_a.email, environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 429
    # ...grows with each failure, but never beyond the cap: many failures are no lockout.
    for _ in range(20):
        _move_failures_back(repo, 3600 * 0 + app.config["LOGIN_MAX_DELAY_SECONDS"])
        login(client, coach_a.email, "fout-fout-fout", environ_base={"REMOTE_ADDR": f"10.1.0.{_}"})
    blocked = login(client, coach_a.email, environ_base={"REMOTE_ADDR": "10.2.0.1"})
    assert (
        blocked.status_code == 429
        and int(blocked.headers["Retry-After"]) <= app.config["LOGIN_MAX_DELAY_SECONDS"]
    )
    _move_failures_back(repo, app.config["LOGIN_MAX_DELAY_SECONDS"])
    assert login(client, coach_a.email, environ_base={"REMOTE_ADDR": "10.2.0.1"}).status_code == 302
    failures = repo.audit_entries(action="login_failed")
    assert failures and all(
        "school.nl" not in f["target"] and "10." not in f["target"] for f in failures
    )


def test_one_address_cannot_try_many_accounts(client, coach_a, repo, app):
    app.config["LOGIN_IP_MAX_FAILURES"] = 6
    for index in range(6):
        assert login(client, f"gok{index}@school.nl", "fout-fout-fout").status_code == 401
    assert login(client, coach_a.email).status_code == 429, "this address tried too many accounts"
    assert login(client, coach_a.email, environ_base={"REMOTE_ADDR": "10.0.0.7"}).status_code == 302


def test_proxyfix_only_when_trusted(database_url, coach_a, repo):
    forwarded = {"X-Forwarded-For": "203.0.113.5", "X-Forwarded-Proto": "https"}
    for trusted, expected_ip in ((0, "127.0.0.1"), (1, "203.0.113.5")):
        app = create_app(
            {
                "DATABASE_URL": database_url,
                "TESTING": True,
                "TRUSTED_PROXIES": trusted,
                "LOGIN_IP_MAX_FAILURES": 2,
            }
        )
        client = app.test_client()
        for _ in range(2):
            client.post(
                "/login",
                headers=forwarded,
                environ_base={"REMOTE_ADDR": "127.0.0.1"},
                data={
                    "email": f"x{trusted}@school.nl",
                    "password": "fout",
                    "csrf_token": token(client),
                },
            )
        other = app.test_client()
        response = other.post(
            "/login",
            headers={"X-Forwarded-For": "198.51.100.9"},
            environ_base={"REMOTE_ADDR": "127.0.0.1"},
            data={"email": coach_a.email, "password": PASSWORD, "csrf_token": token(other)},
        )
        # Without a trusted proxy every client is the proxy's address: the second client is blocked
        # too. With WEB_TRUSTED_PROXIES=1 each client counts on its own.
        assert response.status_code == (429 if trusted == 0 else 302), (trusted, expected_ip)
        app.extensions["lemniscaat_repo"].engine.dispose()
        with repo.session() as s:
            s.query(AuditLog).filter(AuditLog.action == "login_failed").delete()


# ---- cookies and headers for HTTPS ----


def test_secure_cookie_and_hsts_in_production(database_url, coach_a, monkeypatch):
    from bot.config import SECRET_VARIABLES, reset_settings_cache

    monkeypatch.setenv("LEMNISCAAT_ENV", "production")
    for name, _ in SECRET_VARIABLES:
        monkeypatch.setenv(name, f"{name.lower().replace('_', '-')}-{'p' * 40}")
    reset_settings_cache()
    try:
        app = create_app({"DATABASE_URL": database_url, "TESTING": True})
        assert app.config["SESSION_COOKIE_SECURE"] is True
        client = app.test_client()
        response = client.get("/login")
        assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        response = login(client, coach_a.email)
        assert "Secure" in response.headers["Set-Cookie"]
        chat = client.get("/chat")
        assert "Secure" in chat.headers["Set-Cookie"]
        app.extensions["lemniscaat_repo"].engine.dispose()
    finally:
        reset_settings_cache()


def test_no_hsts_or_secure_cookie_on_plain_localhost(client):
    response = client.get("/login")
    assert "Strict-Transport-Security" not in response.headers


# ---- rate limits ----


def _chat_client(app):
    client = app.test_client()
    client.get("/chat")
    with client.session_transaction() as session:
        csrf = session["csrf_token"]
    return client, {"X-CSRF-Token": csrf}


def test_chat_start_and_send_are_rate_limited(app):
    app.config["RATE_LIMIT_CHAT_START"] = "3 per minute"
    app.config["RATE_LIMIT_CHAT_SEND"] = "4 per minute"
    client, headers = _chat_client(app)
    codes = [client.post("/chat/start", json={}, headers=headers).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    # The limit counts every request before the view runs (an empty message never reaches Rasa).
    codes = [
        client.post("/chat/send", json={"message": ""}, headers=headers).status_code
        for _ in range(5)
    ]
    assert codes == [400, 400, 400, 400, 429]
    refused = client.post("/chat/send", json={"message": "hoi"}, headers=headers)
    assert refused.status_code == 429 and "Wacht even" in refused.get_json()["error"]
    # Another student (another cookie) behind the same school address can still send.
    other, other_headers = _chat_client(app)
    assert other.post("/chat/send", json={"message": ""}, headers=other_headers).status_code == 400


def test_practice_posts_are_rate_limited(app, client, coach_a):
    app.config["RATE_LIMIT_PRACTICE"] = "2 per minute"
    login(client, coach_a.email)
    codes = [
        client.post(
            "/oefenen/start", data={"persona": "noor", "csrf_token": token(client)}
        ).status_code
        for _ in range(3)
    ]
    assert codes[:2] != [429, 429] and codes[2] == 429
