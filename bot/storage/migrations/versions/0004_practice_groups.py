"""practice groups: a trainer's group of trainees, joined with an invite code; a trainer
sees the practice of the members of their own groups only

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "practice_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("trainer_id", sa.Integer(), nullable=False),
        sa.Column("invite_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["trainer_id"], ["coaches.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("invite_code"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("practice_groups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_practice_groups_trainer_id"), ["trainer_id"], unique=False
        )

    op.create_table(
        "practice_group_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=True),
        sa.Column("trainee_sender_id", sa.String(length=128), nullable=True),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["coach_id"], ["coaches.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["practice_groups.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("group_id", "coach_id", name="uq_practice_group_member_coach"),
        sa.UniqueConstraint(
            "group_id", "trainee_sender_id", name="uq_practice_group_member_sender"
        ),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("practice_group_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_practice_group_members_group_id"), ["group_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_practice_group_members_trainee_sender_id"),
            ["trainee_sender_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("practice_group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_group_members_trainee_sender_id"))
        batch_op.drop_index(batch_op.f("ix_practice_group_members_group_id"))
    op.drop_table("practice_group_members")
    with op.batch_alter_table("practice_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_groups_trainer_id"))
    op.drop_table("practice_groups")
