"""Data the store tests make through the repository (and Rasa's events table, which Rasa's
SQLTrackerStore writes in the same database)."""

from __future__ import annotations

import json

from sqlalchemy import text


def coach(repo, email="c@school.nl") -> int:
    return repo.add_coach(email, "hash")


def events(repo, rows):
    """Rasa's events table as its SQLTrackerStore writes it; rows = (sender, type, text, timestamp)."""
    with repo.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), "
                "type_name VARCHAR(255), timestamp FLOAT, intent_name VARCHAR(255), "
                "action_name VARCHAR(255), data TEXT)"
            )
        )
        for sender, type_name, said, stamp in rows:
            conn.execute(
                text(
                    "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, :t, :ts, :d)"
                ),
                {
                    "s": sender,
                    "t": type_name,
                    "ts": stamp,
                    "d": json.dumps({"event": type_name, "text": said, "timestamp": stamp}),
                },
            )


def shared_conversation(repo, sender, coach_id=None):
    """A finished conversation with one step, shared with the student's coach (linked first)."""
    if coach_id is not None and (
        repo.find_student(sender) is None or repo.find_student(sender).coach_id != coach_id
    ):
        assert repo.link_student_to_coach(sender, repo.create_invite_code(coach_id))
    repo.save_reflection(sender, experience="Ik gaf een presentatie.")
    step = repo.save_action_step(sender, "Mail sturen", None, None)
    repo.set_consent(sender, True)
    repo.finish_conversation(sender)
    return repo.latest_conversation_id(sender), step
