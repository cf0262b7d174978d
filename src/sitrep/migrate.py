"""Bring a knowledge base's schema to this sitrep's: Alembic's revisions in `sitrep/alembic/versions`,
run on the Store's own connection when it opens a database.

A knowledge base made before Alembic counted its hand-rolled migrations in `meta.schema_version`;
it is stamped with the revision that migration became (`LEGACY_REVISIONS`) and upgraded from there.
"""
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

SCRIPTS = Path(__file__).parent / "alembic"
# meta.schema_version of a knowledge base made before Alembic -> the revision it stands at.
LEGACY_REVISIONS = {1: "0001_create", 2: "0002_entity_actor_fields", 3: "0003_event_context", 4: "0004_claims",
                    5: "0005_browsing_counts", 6: "0006_outlets", 7: "0007_record_versions", 8: "0008_cyrillic_search"}


class NewerSchema(Exception):
    """The knowledge base was migrated by a newer sitrep (a revision this one does not know)."""


def upgrade(conn: Connection) -> None:
    """Migrate the database behind `conn` to the latest revision, inside the caller's transaction."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.attributes["connection"] = conn
    current = revision(conn)
    if current is None:
        legacy = _legacy_version(conn)
        if legacy is not None:
            if legacy not in LEGACY_REVISIONS:
                raise NewerSchema(f"schema version {legacy}")
            command.stamp(config, LEGACY_REVISIONS[legacy])
            conn.execute(text("DELETE FROM meta WHERE key = 'schema_version'"))  # Alembic counts from now on
    elif current not in {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}:
        raise NewerSchema(f"revision {current}")
    try:
        command.upgrade(config, "head")
    except CommandError as error:
        raise NewerSchema(str(error)) from None


def revision(conn: Connection) -> str | None:
    """The Alembic revision the database stands at (None: not migrated by Alembic)."""
    return MigrationContext.configure(conn).get_current_revision()


def head() -> str:
    """The latest revision this sitrep knows."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    return ScriptDirectory.from_config(config).get_current_head()


def _legacy_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table("meta"):
        return None
    value = conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
    return None if value is None else int(value)
