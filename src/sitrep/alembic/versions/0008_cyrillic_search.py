"""Cyrillic documents searchable in any form of their words (hand-rolled migration 8)."""
from alembic import op

from sitrep import store

revision = '0008_cyrillic_search'
down_revision = '0007_record_versions'


def upgrade() -> None:
    store._cyrillic_search(op.get_bind())
