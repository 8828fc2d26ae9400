"""kept messages are claimed for a while instead of deleted when taken for replay, so a
message that one worker is replaying still holds its student's place in line for the others

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pending_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pending_messages", schema=None) as batch_op:
        batch_op.drop_column("claimed_until")
