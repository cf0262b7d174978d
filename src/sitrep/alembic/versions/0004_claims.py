"""Claims across documents (hand-rolled migration 4)."""
from alembic import op

from sitrep import store

revision = '0004_claims'
down_revision = '0003_event_context'


def upgrade() -> None:
    store._add_claims(op.get_bind())
