"""safety flag kind and the coach's verdict; the reflection's common thread and things to learn; step motivation and obstacle

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("safety_kind", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("safety_verdict", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("safety_verdict_note", sa.Text(), nullable=True))
        batch.add_column(sa.Column("safety_verdict_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("reflections") as batch:
        batch.add_column(sa.Column("common_thread", sa.Text(), nullable=True))
        batch.add_column(sa.Column("to_learn", sa.Text(), nullable=True))
    with op.batch_alter_table("action_steps") as batch:
        batch.add_column(sa.Column("motivation", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("obstacle", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("action_steps") as batch:
        batch.drop_column("obstacle")
        batch.drop_column("motivation")
    with op.batch_alter_table("reflections") as batch:
        batch.drop_column("to_learn")
        batch.drop_column("common_thread")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("safety_verdict_at")
        batch.drop_column("safety_verdict_note")
        batch.drop_column("safety_verdict")
        batch.drop_column("safety_kind")
