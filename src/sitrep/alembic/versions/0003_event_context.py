"""Events carry their PLOVER contexts (hand-rolled migration 3)."""
from alembic import op

from sitrep import store

revision = '0003_event_context'
down_revision = '0002_entity_actor_fields'


def upgrade() -> None:
    store._add_event_context(op.get_bind())
