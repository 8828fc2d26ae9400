"""`lemniscaat oefen --persona ID`: practice in a terminal."""

import io
import json
import subprocess
import sys
from pathlib import Path

from bot.channels import crisis
from bot.cli import main
from bot.practice.session import PracticeSession
from bot.practice.student.personas import PERSONAS

LINES = [
    "Hoi Noor.",
    "Vertel eens over een moment van de afgelopen weken dat je is bijgebleven.",
    "Waarom deed je dat?",
]


def run(monkeypatch, capsys, stdin, *args):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["oefen", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_replies_on_stdout_then_the_report(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "\n".join(LINES) + "\n", "--persona", "noor")
    expected = PracticeSession("noor", seed=0)
    replies = [expected.coach_says(line) for line in LINES]
    assert code == 0
    for reply in replies:
        assert f"Noor: {reply}\n" in out
    assert out.index(replies[-1]) < out.index("Feedback op je oefengesprek met Noor")
    assert 'jij: "Waarom deed je dat?"' in out and "Jouw cijfers naast de maat" in out


def test_json_lines_for_machines_and_klaar_ends_early(monkeypatch, capsys):
    stdin = "\n".join(LINES[:2] + ["klaar", "Dit komt er niet meer bij."]) + "\n"
    code, out, _ = run(monkeypatch, capsys, stdin, "--persona", "noor", "--json", "--seed", "4")
    rows = [json.loads(line) for line in out.splitlines()]
    expected = PracticeSession("noor", seed=4)
    expected.coach_says(LINES[0])
    assert code == 0 and len(rows) == 3
    assert rows[1] == {
        "coach": LINES[1],
        "student": expected.coach_says(LINES[1]),
        "label": "open_vraag",
        "labels": ["open_vraag"],
    }
    assert (
        rows[2]["report"]["coach_turns"] == 2
        and rows[2]["report"]["benchmarks"]["open_share"]["level"]
    )


def test_a_crisis_line_gets_the_real_reply_and_is_not_a_line(monkeypatch, capsys):
    code, out, _ = run(
        monkeypatch, capsys, "ik wil niet meer leven\n", "--persona", "kevin", "--json"
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == [
        {"coach": "ik wil niet meer leven", "crisis": crisis.reply_text(None)},
        {"report": None},
    ]


def test_an_unknown_persona_is_refused_with_the_choices(monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, "Hoi\n", "--persona", "niemand")
    assert code == 2 and out == ""
    assert all(key in err for key in PERSONAS)


def test_the_installed_command(tmp_path):
    command = Path(sys.executable).with_name("lemniscaat")
    done = subprocess.run(
        [str(command), "oefen", "--persona", "daan", "--json"],
        input="Vertel eens over je week.\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    first, report = [json.loads(line) for line in done.stdout.splitlines()]
    assert first["student"] in PERSONAS["daan"].experience and report["report"]["coach_turns"] == 1
