"""Entity counts kept by triggers, and the browsing indexes (hand-rolled migration 5)."""
from alembic import op

from sitrep import store

revision = '0005_browsing_counts'
down_revision = '0004_claims'


def upgrade() -> None:
    store._browsing_counts(op.get_bind())
