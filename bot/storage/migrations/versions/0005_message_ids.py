"""each message once: the relay's message id on kept messages, and the writes an action made
for a message (so an action call sent again stores nothing twice)

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pending_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message_id", sa.String(length=100), nullable=True))
    op.create_table(
        "applied_writes",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("applied_writes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_applied_writes_applied_at"), ["applied_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("applied_writes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applied_writes_applied_at"))
    op.drop_table("applied_writes")
    with op.batch_alter_table("pending_messages", schema=None) as batch_op:
        batch_op.drop_column("message_id")
