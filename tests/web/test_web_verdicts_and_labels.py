"""The coach's verdict on a safety flag (with the kind shown) and a coach's private label
per linked student, through the dashboard."""

from __future__ import annotations

from webhelpers import login, make_student, token


def test_flag_shows_its_kind_and_takes_a_verdict(client, repo, coach_a, coach_b):
    made = make_student(repo, "web-flag", coach_a.id, shared=None, finish=False)
    repo.flag_safety("web-flag", kind="self_harm")
    login(client, coach_a.email)
    html = client.get("/coach").get_data(as_text=True)
    assert "zichzelf pijn doen" in html and "Was dit signaal terecht?" in html
    url = f"/coach/signalen/{made.conversation_id}/oordeel"
    assert client.post(url, data={"verdict": "terecht"}).status_code == 400, "CSRF"
    assert (
        client.post(url, data={"verdict": "misschien", "csrf_token": token(client)}).status_code
        == 400
    )
    response = client.post(
        url,
        data={"verdict": "vals_alarm", "note": "Ging over een film.", "csrf_token": token(client)},
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Vals alarm" in html and "Ging over een film." in html
    (flag,) = repo.coach_safety_flags(coach_a.id)
    assert flag["verdict"] == "vals_alarm" and flag["verdict_note"] == "Ging over een film."
    assert (
        repo.audit_entries(coach_a.id, "safety_verdict")[0]["target"]
        == f"conversation:{made.conversation_id}"
    )

    other = client.application.test_client()
    login(other, coach_b.email)
    assert (
        other.post(url, data={"verdict": "terecht", "csrf_token": token(other)}).status_code == 404
    )
    assert repo.coach_safety_flags(coach_a.id)[0]["verdict"] == "vals_alarm"


def test_private_label_is_seen_only_by_the_own_coach(client, repo, coach_a, coach_b):
    made = make_student(repo, "web-label", coach_a.id)
    login(client, coach_a.email)
    url = f"/coach/studenten/{made.student_id}/naam"
    response = client.post(
        url, data={"label": "Sam uit 2B", "csrf_token": token(client)}, follow_redirects=True
    )
    assert "Sam uit 2B" in response.get_data(as_text=True)
    assert "Sam uit 2B" in client.get("/coach").get_data(as_text=True)
    assert "Sam uit 2B" in client.get("/coach/export.csv").get_data(as_text=True)

    other = client.application.test_client()
    login(other, coach_b.email)
    assert (
        other.post(url, data={"label": "Niet van mij", "csrf_token": token(other)}).status_code
        == 404
    )
    assert "Sam uit 2B" not in other.get("/coach").get_data(as_text=True)

    # Relinked to coach B: the label goes with the old link, B does not see A's history.
    assert repo.link_student_to_coach("web-label", repo.create_invite_code(coach_b.id))
    page = other.get(f"/coach/studenten/{made.student_id}").get_data(as_text=True)
    assert "Sam uit 2B" not in page and "nog geen gesprek met je gedeeld" in page
