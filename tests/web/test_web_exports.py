"""PDF of one conversation and CSV of the coach's list."""

from __future__ import annotations

import csv
import io
from datetime import date

from webhelpers import login, make_student

from bot.web.exports import build_csv, build_pdf, csv_cell, pdf_text


def test_pdf_of_shared_conversation(client, repo, coach_a):
    made = make_student(repo, "web-pdf", coach_a.id, kernwoord="samenwerken")
    login(client, coach_a.email)
    response = client.get(f"/coach/gesprekken/{made.conversation_id}/samenvatting.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    body = response.data
    assert body.startswith(b"%PDF")
    assert b"samenwerken" in body  # the app under test writes uncompressed streams
    assert b"Mail sturen naar de minorco\xf6rdinator" in body  # Latin-1 in the core font
    assert (
        repo.audit_entries(coach_a.id, "export_pdf")[0]["target"]
        == f"conversation:{made.conversation_id}"
    )


def test_pdf_compressed_by_default_and_survives_odd_text():
    conversation = {
        "started_at": None,
        "parts_reached": ["terugkijken"],
        "competencies": [],
        "experience": "Emoji 🎉 en “aanhalingstekens” – en\x07 een bel",
        "emotions": ["blij"],
        "kernwoord": "(haakjes) \\ backslash",
        "action_steps": [
            {"what": "x" * 400, "due_date": date(2026, 1, 2), "who": None, "status": "open"}
        ],
    }
    body = build_pdf(conversation)
    assert body.startswith(b"%PDF") and b"/FlateDecode" in body
    assert build_pdf(conversation, compress=False).startswith(b"%PDF")
    assert pdf_text("Emoji 🎉 “zo” – ok\x07") == 'Emoji ? "zo" - ok'


def test_csv_export_own_students_only_and_neutralised(client, repo, coach_a, coach_b):
    make_student(
        repo,
        "web-csv1",
        coach_a.id,
        kernwoord='=HYPERLINK("http://x")',
        steps=[("+31 bellen", date(2026, 3, 1), "@mentor"), ("-stap", None, None)],
    )
    make_student(repo, "web-csv2", coach_a.id, shared=False, kernwoord="privé")
    make_student(repo, "web-csv3", coach_b.id, kernwoord="van-b")
    login(client, coach_a.email)
    response = client.get("/coach/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["student", "koppelcode", "gesprek"]
    assert (
        len(rows) == 1 + 2 + 1
    )  # two steps of the shared conversation, one row for the unshared student
    kernwoorden = {r[5] for r in rows[1:]}
    assert '\'=HYPERLINK("http://x")' in kernwoorden
    assert "privé" not in text and "van-b" not in text
    steps = {r[8]: r for r in rows[1:] if r[8]}
    assert steps["'+31 bellen"][9] == "01-03-2026" and steps["'+31 bellen"][10] == "'@mentor"
    assert "'-stap" in steps
    # The student column names the student as the dashboard does ("Student N" without a label).
    assert {r[0] for r in rows[1:]} == {
        f"Student {repo.find_student(s).id}" for s in ("web-csv1", "web-csv2")
    }
    assert repo.audit_entries(coach_a.id, "export_csv")


def test_csv_cell_neutralises_formula_starts():
    for raw in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert csv_cell(raw).startswith("'")
    assert csv_cell("gewoon") == "gewoon"
    assert csv_cell(["a", "b"]) == "a, b"
    assert build_csv([]).startswith("\ufeffstudent;")
