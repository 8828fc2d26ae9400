from datetime import date

import pytest
from sqlalchemy import text


def test_reflection_and_steps_are_exported(repo):
    repo.save_reflection(
        "s1", experience="Mijn stage bij de kinderopvang", emotions=["trots"], kernwoord="zorgen"
    )
    repo.mark_reached("s1", "terugkijken", ["capaciteitenreflectie"])
    repo.set_phase("s1", "reflecteren")
    repo.save_action_step("s1", "Mailen met de stagebegeleider", date(2026, 12, 1), "mijn mentor")
    repo.set_consent("s1", True)

    export = repo.export_student("s1")

    assert export["phase"] == "reflecteren"
    assert export["experience"] == "Mijn stage bij de kinderopvang"
    assert export["emotions"] == ["trots"]
    assert export["kernwoord"] == "zorgen"
    assert export["consent"] is True
    assert export["parts_reached"] == ["terugkijken"]
    assert export["competencies"] == ["capaciteitenreflectie"]
    assert export["action_steps"] == [
        {
            "id": 1,
            "what": "Mailen met de stagebegeleider",
            "when": "2026-12-01",
            "who": "mijn mentor",
            "motivation": None,
            "obstacle": None,
            "status": "open",
        }
    ]


def test_start_conversation_closes_the_open_one(repo):
    repo.save_reflection("s1", kernwoord="eerlijk")
    repo.start_conversation("s1")
    export = repo.export_student("s1")
    assert export["kernwoord"] is None
    assert [c["kernwoord"] for c in export["conversations"]] == ["eerlijk", None]
    assert export["conversations"][0]["ended_at"] is not None


def test_markup_and_sql_are_stored_as_plain_text(repo):
    nasty = "<script>alert(1)</script>'; DROP TABLE students; --"
    repo.save_reflection("s1", experience=nasty)
    assert repo.export_student("s1")["experience"] == nasty


def test_erase_student_removes_every_row_and_tracker_events(repo):
    repo.save_reflection("gone", experience="x")
    repo.save_action_step("gone", "iets doen", None, None)
    repo.keep_pending_message("gone", "hallo")
    repo.save_reflection("stays", experience="y")
    with repo.engine.begin() as conn:  # stand-in for Rasa's own events table
        conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255))"))
        conn.execute(text("INSERT INTO events (sender_id) VALUES ('gone'), ('stays')"))

    assert repo.erase_student("gone") is True

    assert repo.export_student("gone") is None
    with repo.engine.connect() as conn:
        for table in ("conversations", "reflections", "action_steps", "pending_messages"):
            assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == (
                1 if table in ("conversations", "reflections") else 0
            )
        assert conn.execute(text("SELECT sender_id FROM events")).scalars().all() == ["stays"]


def test_unknown_status_and_phase_are_refused(repo):
    step_id = repo.save_action_step("s1", "iets", None, None)
    with pytest.raises(ValueError):
        repo.set_step_status(step_id, "klaar")
    with pytest.raises(ValueError):
        repo.set_phase("s1", "dromen")
    repo.set_step_status(step_id, "gedaan")
    assert repo.export_student("s1")["action_steps"][0]["status"] == "gedaan"


def test_invite_code_links_once(repo):
    from bot.storage.models import Coach

    with repo.session() as s:
        coach = Coach(email="coach@example.nl", password_hash="x")
        s.add(coach)
        s.flush()
        coach_id = coach.id
    code = repo.create_invite_code(coach_id)
    assert len(code) == 8
    assert repo.link_student_to_coach("s1", "nope") is False
    assert repo.link_student_to_coach("s1", code.lower()) is True
    assert repo.find_student("s1").coach_id == coach_id
    assert repo.link_student_to_coach("s2", code) is False


def test_record_answer_stores_fields_parts_and_phase_together(repo):
    repo.record_answer(
        "s1",
        {"experience": "stage", "emotions": ["trots"]},
        [("terugkijken", ["capaciteitenreflectie"])],
        "terugkijken",
    )
    repo.record_answer(
        "s1", {"kernwoord": "zorg"}, [("reflecteren", ["motievenreflectie"])], "vooruitkijken"
    )
    export = repo.export_student("s1")
    assert (export["experience"], export["emotions"], export["kernwoord"]) == (
        "stage",
        ["trots"],
        "zorg",
    )
    assert export["parts_reached"] == ["terugkijken", "reflecteren"]
    assert export["competencies"] == ["capaciteitenreflectie", "motievenreflectie"]
    assert export["phase"] == "vooruitkijken"
    with pytest.raises(ValueError):
        repo.record_answer("s1", {"nonsense": 1}, [], "reflecteren")
    assert repo.export_student("s1")["phase"] == "vooruitkijken"


def test_export_holds_the_chat_history_and_practice_sessions(repo):
    import json as _json

    repo.save_reflection("s1", experience="x")
    with repo.engine.begin() as conn:  # Rasa's events table, as its SQLTrackerStore writes it
        conn.execute(
            text(
                "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), type_name VARCHAR(255), "
                "timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"
            )
        )
        for type_name, said in (("user", "hoi"), ("action", None), ("bot", "Hallo!")):
            conn.execute(
                text("INSERT INTO events (sender_id, type_name, data) VALUES ('s1', :t, :d)"),
                {
                    "t": type_name,
                    "d": _json.dumps({"event": type_name, "text": said, "timestamp": 1.0}),
                },
            )
    session_id = repo.start_practice("noor", trainee_sender_id="s1")
    repo.save_practice(session_id, [("coach", "Vertel eens?"), ("student", "nou...")])
    export = repo.export_student("s1")
    assert [(m["from"], m["text"]) for m in export["messages"]] == [
        ("student", "hoi"),
        ("bot", "Hallo!"),
    ]
    assert export["practice_sessions"][0]["persona"] == "noor"
    assert len(export["practice_sessions"][0]["transcript"]) == 2
