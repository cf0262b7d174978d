"""Entities gain country, sector and dated roles (hand-rolled migration 2)."""
from alembic import op

from sitrep import store

revision = '0002_entity_actor_fields'
down_revision = '0001_create'


def upgrade() -> None:
    store._entity_actor_fields_v2(op.get_bind())
