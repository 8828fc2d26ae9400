"""privacy rights and web hardening: session version, invite expiry, coach label,
consent time and the coach a conversation was shared with; ids never reused (AUTOINCREMENT)

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Every table with an integer id. On SQLite they are rebuilt with AUTOINCREMENT, so the id of a
# deleted (erased) row is never handed out again. PostgreSQL's sequences never reuse ids anyway.
ID_TABLES = (
    "coaches",
    "students",
    "conversations",
    "reflections",
    "action_steps",
    "coach_notes",
    "audit_log",
    "pending_messages",
    "practice_sessions",
)


def _batch(table: str):
    if op.get_bind().dialect.name == "sqlite" and table in ID_TABLES:
        return op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        )
    return op.batch_alter_table(table)


def upgrade() -> None:
    # Alembic's own connection has SQLite's foreign keys off (the default), so rebuilding a parent
    # table never cascades into its children.
    with _batch("coaches") as batch:
        # Raised at every logout: a session cookie that carries an older version is dead.
        batch.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )
    with _batch("students") as batch:
        # The coach's own name for this student, seen only by that coach, cleared with the link.
        batch.add_column(sa.Column("coach_label", sa.String(length=80), nullable=True))
    with _batch("conversations") as batch:
        batch.add_column(sa.Column("consent_at", sa.DateTime(), nullable=True))
        # Which coach the student shared it with: a new coach does not see the old history.
        batch.add_column(sa.Column("shared_with_coach_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_conversations_shared_with_coach",
            "coaches",
            ["shared_with_coach_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with _batch("invite_codes") as batch:
        batch.add_column(sa.Column("expires_at", sa.DateTime(), nullable=True))
    with _batch("audit_log") as batch:
        batch.create_index("ix_audit_log_action_target", ["action", "target"], unique=False)
    for table in ID_TABLES:
        if table not in ("coaches", "students", "conversations", "audit_log"):
            with _batch(table):
                pass

    conversations = sa.table(
        "conversations",
        sa.column("id", sa.Integer),
        sa.column("student_id", sa.Integer),
        sa.column("consent", sa.Boolean),
        sa.column("shared_with_coach_id", sa.Integer),
    )
    students = sa.table("students", sa.column("id", sa.Integer), sa.column("coach_id", sa.Integer))
    # What was shared so far was shared with the student's current coach.
    op.execute(
        conversations.update()
        .where(conversations.c.consent == sa.true())
        .values(
            shared_with_coach_id=sa.select(students.c.coach_id)
            .where(students.c.id == conversations.c.student_id)
            .scalar_subquery()
        )
    )
    # Codes handed out before expiry existed stay valid for 14 days from now.
    invites = sa.table(
        "invite_codes", sa.column("expires_at", sa.DateTime), sa.column("used_at", sa.DateTime)
    )
    from datetime import datetime, timedelta

    op.execute(
        invites.update()
        .where(invites.c.expires_at.is_(None))
        .values(expires_at=datetime.utcnow() + timedelta(days=14))
    )


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_index("ix_audit_log_action_target")
    with op.batch_alter_table("invite_codes") as batch:
        batch.drop_column("expires_at")
    with op.batch_alter_table("conversations") as batch:
        batch.drop_constraint("fk_conversations_shared_with_coach", type_="foreignkey")
        batch.drop_column("shared_with_coach_id")
        batch.drop_column("consent_at")
    with op.batch_alter_table("students") as batch:
        batch.drop_column("coach_label")
    with op.batch_alter_table("coaches") as batch:
        batch.drop_column("session_version")
