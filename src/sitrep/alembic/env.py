"""Alembic's environment for sitrep: migrations run on the connection the Store opened (inside
its write transaction), never on a URL of their own (`sitrep.migrate` runs them)."""
from alembic import context

context.configure(connection=context.config.attributes["connection"], target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
