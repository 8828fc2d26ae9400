"""The lemniscaat console script, called as a user would (its main() with arguments)."""

from __future__ import annotations

import io
import json

from bot.cli import main


def test_coach_add_invite_and_student_export(repo, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("een-lang-wachtwoord\n"))
    assert main(["coach", "add", "Coach@School.nl", "--trainer"]) == 0
    assert "aangemaakt" in capsys.readouterr().out
    coach = repo.find_coach_by_email("coach@school.nl")
    assert coach is not None and coach.is_trainer and coach.password_hash != "een-lang-wachtwoord"

    assert main(["coach", "invite", "coach@school.nl"]) == 0
    code = capsys.readouterr().out.strip()
    assert repo.link_student_to_coach("student-1", code)

    repo.save_action_step("student-1", "Open dag bezoeken", None, "mijn moeder")
    assert main(["export", "--sender", "student-1"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["linked_to_coach"] is True
    assert exported["action_steps"][0]["what"] == "Open dag bezoeken"


def test_clear_messages_for_bad_input(repo, monkeypatch, capsys):
    assert main(["export", "--sender", "nobody"]) == 1
    assert "Geen gegevens" in capsys.readouterr().err
    assert main(["coach", "invite", "unknown@school.nl"]) == 1
    assert capsys.readouterr().err.strip()
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    assert main(["coach", "add", "a@school.nl"]) == 1  # password too short
    assert capsys.readouterr().err.strip()


def test_classify_reads_lines_and_writes_json(monkeypatch, capsys):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Waarom deed je dat?\n\nWat gebeurde er precies?\n")
    )
    assert main(["classify"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["label"] for line in lines] == ["waarom_vraag", "open_vraag"]
    assert lines[0]["text"] == "Waarom deed je dat?"
