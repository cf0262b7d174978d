"""Outlets as things, every document tied to one (hand-rolled migration 6)."""
from alembic import op

from sitrep import store

revision = '0006_outlets'
down_revision = '0005_browsing_counts'


def upgrade() -> None:
    store._outlets(op.get_bind())
