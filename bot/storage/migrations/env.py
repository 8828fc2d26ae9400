"""Alembic environment: migrations for the product's own tables only (not Rasa's events)."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from bot.storage.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):
    # Rasa's SQLTrackerStore owns its "events" table in the same database.
    return not (type_ == "table" and name == "events")


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            render_as_batch=True,  # SQLite can only alter tables by copying them
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
