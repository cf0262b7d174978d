"""SQLite's word index made again with prefix indexes of 2, 3 and 4 letters (a short prefix* read
the lists of every word it begins)."""
from alembic import op

from sitrep import fulltext

revision = '0010_search_prefix_indexes'
down_revision = '0009_entity_aliases'


def upgrade() -> None:
    fulltext.add_prefix_indexes(op.get_bind())
