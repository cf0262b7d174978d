"""The tables and the full-text index (hand-rolled migration 1 before Alembic)."""
from alembic import op

from sitrep import store

revision = '0001_create'
down_revision = None


def upgrade() -> None:
    store._create_v1(op.get_bind())
