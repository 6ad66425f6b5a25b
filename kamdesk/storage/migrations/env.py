"""Alembic environment: migrations run on the connection kamdesk hands over."""

from alembic import context

from kamdesk.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("kamdesk migrations run through kamdesk.storage.migrations.upgrade()")

# render_as_batch: SQLite alters most columns only by rebuilding the table.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
