"""An indexed table of every entity's lower-cased names for lookups (the first migration made for Alembic)."""
from alembic import op

from sitrep import store

revision = '0009_entity_aliases'
down_revision = '0008_cyrillic_search'


def upgrade() -> None:
    store._entity_aliases(op.get_bind())
