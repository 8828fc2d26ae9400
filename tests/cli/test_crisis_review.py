"""`lemniscaat crisis-review --export` writes the coaches' verdicts as labelled
lines, with the flagged message from Rasa's events; without --export no text is shown."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime

from sqlalchemy import text

from bot.cli import main


def _flag(repo, sender, message, kind, coach_id):
    assert repo.link_student_to_coach(sender, repo.create_invite_code(coach_id))
    stamp = (datetime.utcnow() - datetime(1970, 1, 1)).total_seconds()
    with repo.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), "
                "type_name VARCHAR(255), timestamp FLOAT, intent_name VARCHAR(255), "
                "action_name VARCHAR(255), data TEXT)"
            )
        )
        for type_name, said, at in (
            ("user", "hoi", stamp - 30),
            ("user", message, stamp - 0.1),
            ("bot", "113", stamp),
        ):
            conn.execute(
                text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, :t, :ts, :d)"
                ),
                {
                    "s": sender,
                    "t": type_name,
                    "ts": at,
                    "d": json.dumps({"text": said, "timestamp": at}),
                },
            )
    repo.flag_safety(sender, kind=kind)
    return repo.latest_conversation_id(sender)


def test_crisis_review_exports_labelled_lines(repo, capsys, tmp_path):
    coach = repo.add_coach("c@school.nl", "hash")
    right = _flag(repo, "web-a", "k zie t\tniet meer zitten\negt niet", "suicide", coach)
    wrong = _flag(repo, "web-b", "die toets maakt me kapot", "self_harm", coach)
    _flag(repo, "web-c", "geen oordeel nog", "panic", coach)
    repo.set_safety_verdict(coach, right, "terecht", "Gesprek gehad.")
    repo.set_safety_verdict(coach, wrong, "vals_alarm", "ging over school")

    assert main(["crisis-review"]) == 0
    summary = capsys.readouterr().out
    assert "2 signalen" in summary and "zitten" not in summary and "toets" not in summary

    assert main(["crisis-review", "--export"]) == 0
    lines = capsys.readouterr().out.splitlines()
    data = [line.split("\t") for line in lines if not line.startswith("#")]
    assert data == [
        ["crisis", "suicide", "k zie t niet meer zitten egt niet"],
        ["geen", "self_harm", "die toets maakt me kapot"],
    ]
    assert any("terecht: Gesprek gehad." in line for line in lines if line.startswith("#"))
    assert not any("geen oordeel nog" in line for line in lines), "only flags with a verdict"

    target = tmp_path / "review.tsv"
    assert main(["crisis-review", "--export", "--output", str(target)]) == 0
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert "crisis\tsuicide\t" in target.read_text(encoding="utf-8")


def test_operator_erase_asks_for_yes(repo, capsys):
    repo.save_action_step("web-old", "Open dag", None, None)
    assert main(["erase", "--sender", "web-old"]) == 1
    assert repo.find_student("web-old") is not None
    assert main(["erase", "--sender", "web-old", "--yes"]) == 0
    assert repo.find_student("web-old") is None
    assert main(["erase", "--sender", "web-old", "--yes"]) == 1
