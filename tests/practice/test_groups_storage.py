"""Practice groups in storage (bot/storage/practice.py) and their migration (0004)."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from bot.storage.migrate import alembic_config, upgrade
from bot.storage.models import Base


def test_groups_codes_members_and_who_sees_whom(repo):
    trainer = repo.add_coach("t@school.nl", "x" * 60, is_trainer=True)
    other = repo.add_coach("o@school.nl", "x" * 60, is_trainer=True)
    trainee = repo.add_coach("c@school.nl", "x" * 60)
    with pytest.raises(ValueError):
        repo.create_practice_group(trainer, "   ")
    group = repo.create_practice_group(trainer, "  Groep   najaar ")
    second = repo.create_practice_group(other, "Groep voorjaar")
    assert group["name"] == "Groep najaar" and group["invite_code"] != second["invite_code"]
    assert len(group["invite_code"]) == 8 and not set(group["invite_code"]) & set("0O1I")

    assert repo.join_practice_group("nope", coach_id=trainee) is None
    assert repo.join_practice_group("", coach_id=trainee) is None
    with pytest.raises(ValueError):
        repo.join_practice_group(group["invite_code"])
    with pytest.raises(ValueError):
        repo.join_practice_group(group["invite_code"], coach_id=trainee, trainee_sender_id="tg-1")
    code = group["invite_code"]
    assert (
        repo.join_practice_group(f" {code[:4].lower()}-{code[4:]} ", coach_id=trainee)["id"]
        == group["id"]
    )
    repo.join_practice_group(code, coach_id=trainee)  # once is enough
    repo.join_practice_group(code, trainee_sender_id="tg-1")

    [listed] = repo.practice_groups(trainer_id=trainer)
    assert [(m["email"], m["trainee_sender_id"]) for m in listed["members"]] == [
        ("c@school.nl", None),
        (None, "tg-1"),
    ]
    assert [g["name"] for g in repo.practice_groups(every_group=True)] == [
        "Groep najaar",
        "Groep voorjaar",
    ]
    with pytest.raises(ValueError):
        repo.practice_groups()
    assert repo.trainer_sees(trainer, coach_id=trainee) and repo.trainer_sees(
        trainer, trainee_sender_id="tg-1"
    )
    assert not repo.trainer_sees(other, coach_id=trainee) and not repo.trainer_sees(
        other, trainee_sender_id="tg-1"
    )
    assert not repo.trainer_sees(trainer)
    assert [g["name"] for g in repo.groups_of_trainee(coach_id=trainee)] == ["Groep najaar"]

    repo.forget_practice_trainee("tg-1")
    assert not repo.trainer_sees(trainer, trainee_sender_id="tg-1")
    # A trainer's account removed: their groups and memberships go with it (ON DELETE CASCADE).
    with repo.session() as s:
        from bot.storage.models import Coach

        s.delete(s.get(Coach, trainer))
    assert repo.practice_groups(every_group=True)[0]["name"] == "Groep voorjaar"
    assert repo.groups_of_trainee(coach_id=trainee) == []


def test_migration_0004_matches_the_models_and_goes_down_and_up(tmp_path):
    url = f"sqlite:///{tmp_path / 'groups.db'}"
    upgrade(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert not [d for d in diff if "practice_group" in repr(d)], diff
    command.downgrade(alembic_config(url), "0003")
    assert not {"practice_groups", "practice_group_members"} & set(
        inspect(create_engine(url)).get_table_names()
    )
    command.upgrade(alembic_config(url), "head")
    assert {"practice_groups", "practice_group_members"} <= set(
        inspect(create_engine(url)).get_table_names()
    )
