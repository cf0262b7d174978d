"""Documents keep the versions of what made them (hand-rolled migration 7)."""
from alembic import op

from sitrep import store

revision = '0007_record_versions'
down_revision = '0006_outlets'


def upgrade() -> None:
    store._record_versions(op.get_bind())
