"""The knowledge base: the one module that speaks SQL.

SQLAlchemy Core over SQLite (embedded, the default) or PostgreSQL (for teams), the same tables
in both; full-text search by each database's own engine (`fulltext`), what else differs in
`database`. The schema's steps are here and Alembic runs them (`migrate`); every document is
written in one transaction: a crash loses at most the one in flight.
"""
import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (JSON, Column, Connection, ForeignKey, Index, Integer, LargeBinary, MetaData, String,
                        Table, Text, and_, bindparam, func, insert, inspect, literal, or_, select, text, union_all)
from sqlalchemy.exc import DBAPIError, IntegrityError

from sitrep import database, fulltext, migrate
from sitrep.aliases import is_name
from sitrep.errors import StoreError
from sitrep.periods import period
from sitrep.schema import GROUP_ACTOR_PREFIX, SCHEMA_VERSION, Document
from sitrep.vocabularies import CONFIDENCE

metadata = MetaData()

# Outlets as things (`_outlets` brings them to a knowledge base made before; `outlets.py` says when
# two names are one outlet).
outlets = Table(
    "outlets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String, nullable=False, unique=True),
    Column("name", String, nullable=False), Column("domain", String), Column("country", String),
    Index("ix_outlets_domain", "domain"),
)
meta = Table("meta", metadata, Column("key", String, primary_key=True), Column("value", String, nullable=False))
documents = Table(
    "documents", metadata,
    Column("rowid", Integer, primary_key=True, autoincrement=True),
    Column("id", String, nullable=False, unique=True),
    Column("origin", String, nullable=False),
    Column("title", Text), Column("published", String), Column("source", String), Column("url", String),
    Column("language", String), Column("text", Text, nullable=False),
    Column("removed", JSON, nullable=False), Column("captions", JSON, nullable=False),
    Column("duplicate_of", String, ForeignKey("documents.id")),
    Column("ingested_at", String, nullable=False),
    Column("outlet_id", Integer),
    Column("version_set_id", Integer),
    Index("ix_documents_published", "published"), Index("ix_documents_source", "source"),
    Index("ix_documents_outlet", "outlet_id"), Index("ix_documents_version_set", "version_set_id"),
)
# What produced the stored documents (the record's `versions`): each distinct set once, keyed by
# its hash, so that a document costs one integer and finding those of older versions is a lookup.
version_sets = Table(
    "version_sets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String, nullable=False, unique=True), Column("versions", JSON, nullable=False),
)
entities = Table(
    "entities", metadata,
    Column("id", String, primary_key=True), Column("name", String, nullable=False),
    Column("type", String, nullable=False), Column("wikidata", String),
    Column("country", String), Column("sector", String), Column("roles", JSON),
)
mentions = Table(
    "mentions", metadata,
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False), Column("text", Text, nullable=False),
    Index("ix_mentions_entity", "entity_id"), Index("ix_mentions_document", "document_id"),
)
statements = Table(
    "statements", metadata,
    Column("document_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False), Column("source", String), Column("source_text", Text, nullable=False),
    Column("via", JSON, nullable=False), Column("cue", String, nullable=False), Column("content", Text, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False), Column("date", String),
    Column("confidence", String), Column("hedges", JSON, nullable=False), Column("polarity", String, nullable=False),
    Index("ix_statements_source", "source"),
)
events = Table(
    "events", metadata,
    Column("document_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("type", String, nullable=False), Column("mode", String), Column("actor", String), Column("target", String),
    Column("date", String), Column("location", String), Column("statement", String),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("context", JSON, nullable=False, server_default=text("'[]'")),
    Index("ix_events_actor", "actor"), Index("ix_events_target", "target"),
)
dates = Table(
    "dates", metadata,
    Column("document_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("text", Text, nullable=False), Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("value", String),
)
signatures = Table(
    "signatures", metadata,
    Column("document_id", String, ForeignKey("documents.id"), primary_key=True),
    Column("hashvalues", LargeBinary, nullable=False),
)
bands = Table(
    "minhash_bands", metadata,
    Column("band", Integer, nullable=False), Column("key", LargeBinary, nullable=False),
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Index("ix_minhash_bands", "band", "key"),
)


claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True), Column("kind", String, nullable=False), Column("source", String),
    Column("text", Text, nullable=False), Column("first_seen", String), Column("reports", Integer, nullable=False),
    Column("independent", Integer, nullable=False), Column("credibility", Integer, nullable=False),
    Column("confidence", String), Column("polarity", String, nullable=False),
    Index("ix_claims_first_seen", "first_seen"), Index("ix_claims_source", "source"),
)
claim_reports = Table(
    "claim_reports", metadata,
    Column("claim_id", String, ForeignKey("claims.id"), nullable=False),
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Column("kind", String, nullable=False), Column("item", String, nullable=False), Column("channel", String, nullable=False),
    Index("ix_claim_reports_claim", "claim_id"), Index("ix_claim_reports_document", "document_id"),
)
CLAIM_TABLES = (claims, claim_reports)


def _create_v1(conn: Connection) -> None:
    """The documents and what is extracted from them, and their full-text index."""
    metadata.create_all(conn, tables=[t for t in metadata.sorted_tables if t not in CLAIM_TABLES])
    fulltext.create(conn)


def _columns(conn: Connection, table: str) -> set[str]:
    return {column["name"] for column in inspect(conn).get_columns(table)}


def _entity_actor_fields_v2(conn: Connection) -> None:
    """Entities gain the country, sector and dated roles of the record (a version 1 table has
    none; a table created since already has them)."""
    present = _columns(conn, "entities")
    for column, kind in (("country", "TEXT"), ("sector", "TEXT"), ("roles", "JSON")):
        if column not in present:
            conn.execute(text(f"ALTER TABLE entities ADD COLUMN {column} {kind}"))


def _add_event_context(conn: Connection) -> None:
    """Events carry their PLOVER contexts; a knowledge base made before has none stored."""
    if "context" not in _columns(conn, "events"):
        conn.execute(text("ALTER TABLE events ADD COLUMN context JSON NOT NULL DEFAULT '[]'"))


def _add_claims(conn: Connection) -> None:
    """Claims across documents (`sitrep claims --update` fills them)."""
    metadata.create_all(conn, tables=list(CLAIM_TABLES))



# Counts kept up to date by the database itself (triggers on `mentions`, see `_browsing_counts`), so
# that ranking entities and finding co-mentions read a few rows instead of every mention.
counted = MetaData()
entity_documents = Table(
    "entity_documents", counted,
    Column("entity_id", String, primary_key=True), Column("document_id", String, primary_key=True),
    Column("mentions", Integer, nullable=False),
)
entity_counts = Table(
    "entity_counts", counted,
    Column("entity_id", String, primary_key=True),
    Column("documents", Integer, nullable=False), Column("mentions", Integer, nullable=False),
)


def _browsing_counts(conn: Connection) -> None:
    """What the web UI's browsing needs to stay fast on thousands of documents: which documents
    mention each entity and how often, and each entity's totals, filled from the stored mentions
    and kept by triggers (every write path inserts and deletes mentions, and nothing else changes
    them); indexes for the names inside a statement, for statements about an entity and for an
    entity's names."""
    counted.create_all(conn)
    for statement in (
        "CREATE INDEX IF NOT EXISTS ix_entity_documents_document ON entity_documents (document_id, entity_id)",
        "CREATE INDEX IF NOT EXISTS ix_entity_counts_rank ON entity_counts (documents DESC, mentions DESC)",
        "CREATE INDEX IF NOT EXISTS ix_mentions_document_entity ON mentions (document_id, entity_id, start)",
        "CREATE INDEX IF NOT EXISTS ix_mentions_entity_text ON mentions (entity_id, text)",
        "CREATE INDEX IF NOT EXISTS ix_mentions_document_start ON mentions (document_id, start)",
        "DELETE FROM entity_documents",  # counted afresh: the migration may meet tables it made before
        "DELETE FROM entity_counts",
        "INSERT INTO entity_documents (entity_id, document_id, mentions) "
        "SELECT entity_id, document_id, count(*) FROM mentions GROUP BY entity_id, document_id",
        "INSERT INTO entity_counts (entity_id, documents, mentions) "
        "SELECT entity_id, count(*), sum(mentions) FROM entity_documents GROUP BY entity_id",
    ):
        conn.execute(text(statement))
    for statement in (POSTGRESQL_COUNT_TRIGGERS if conn.dialect.name == "postgresql" else SQLITE_COUNT_TRIGGERS):
        conn.execute(text(statement))


SQLITE_COUNT_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS mentions_counted AFTER INSERT ON mentions BEGIN
         INSERT INTO entity_counts (entity_id, documents, mentions) VALUES (NEW.entity_id, 0, 0)
           ON CONFLICT (entity_id) DO NOTHING;
         UPDATE entity_counts SET mentions = mentions + 1, documents = documents + NOT EXISTS (
           SELECT 1 FROM entity_documents WHERE entity_id = NEW.entity_id AND document_id = NEW.document_id)
           WHERE entity_id = NEW.entity_id;
         INSERT INTO entity_documents (entity_id, document_id, mentions) VALUES (NEW.entity_id, NEW.document_id, 1)
           ON CONFLICT (entity_id, document_id) DO UPDATE SET mentions = mentions + 1;
       END""",
    """CREATE TRIGGER IF NOT EXISTS mentions_uncounted AFTER DELETE ON mentions BEGIN
         UPDATE entity_documents SET mentions = mentions - 1
           WHERE entity_id = OLD.entity_id AND document_id = OLD.document_id;
         UPDATE entity_counts SET mentions = mentions - 1, documents = documents - EXISTS (
           SELECT 1 FROM entity_documents WHERE entity_id = OLD.entity_id AND document_id = OLD.document_id
           AND mentions = 0) WHERE entity_id = OLD.entity_id;
         DELETE FROM entity_documents WHERE entity_id = OLD.entity_id AND document_id = OLD.document_id
           AND mentions = 0;
       END""",
)
# The same triggers in PL/pgSQL (PostgreSQL adds no boolean to an integer: CASE says it).
POSTGRESQL_COUNT_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION sitrep_mentions_counted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         INSERT INTO entity_counts (entity_id, documents, mentions) VALUES (NEW.entity_id, 0, 0)
           ON CONFLICT (entity_id) DO NOTHING;
         UPDATE entity_counts SET mentions = mentions + 1, documents = documents + CASE WHEN EXISTS (
           SELECT 1 FROM entity_documents WHERE entity_id = NEW.entity_id AND document_id = NEW.document_id)
           THEN 0 ELSE 1 END WHERE entity_id = NEW.entity_id;
         INSERT INTO entity_documents (entity_id, document_id, mentions) VALUES (NEW.entity_id, NEW.document_id, 1)
           ON CONFLICT (entity_id, document_id) DO UPDATE SET mentions = entity_documents.mentions + 1;
         RETURN NULL;
       END $$""",
    """CREATE OR REPLACE FUNCTION sitrep_mentions_uncounted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         UPDATE entity_documents SET mentions = mentions - 1
           WHERE entity_id = OLD.entity_id AND document_id = OLD.document_id;
         UPDATE entity_counts SET mentions = mentions - 1, documents = documents - CASE WHEN EXISTS (
           SELECT 1 FROM entity_documents WHERE entity_id = OLD.entity_id AND document_id = OLD.document_id
           AND mentions = 0) THEN 1 ELSE 0 END WHERE entity_id = OLD.entity_id;
         DELETE FROM entity_documents WHERE entity_id = OLD.entity_id AND document_id = OLD.document_id
           AND mentions = 0;
         RETURN NULL;
       END $$""",
    "CREATE OR REPLACE TRIGGER mentions_counted AFTER INSERT ON mentions "
    "FOR EACH ROW EXECUTE FUNCTION sitrep_mentions_counted()",
    "CREATE OR REPLACE TRIGGER mentions_uncounted AFTER DELETE ON mentions "
    "FOR EACH ROW EXECUTE FUNCTION sitrep_mentions_uncounted()",
)


def _outlets(conn: Connection) -> None:
    """Outlets become things: a table of them (name, domain, country when its domain says it),
    and every document tied to one (`documents.outlet_id`), the stored documents included; one
    outlet spelled two ways, or known once by name and once by address, is one outlet."""
    metadata.create_all(conn, tables=[outlets])
    if "outlet_id" not in _columns(conn, "documents"):
        conn.execute(text("ALTER TABLE documents ADD COLUMN outlet_id INTEGER"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_outlet ON documents (outlet_id)"))
    untied = conn.execute(select(documents.c.id, documents.c.source, documents.c.url)
                          .where(documents.c.outlet_id.is_(None)).order_by(documents.c.rowid)).all()
    for doc_id, source, url in untied:
        outlet_id = _outlet_of(conn, source, url)
        if outlet_id is not None:
            conn.execute(documents.update().where(documents.c.id == doc_id).values(outlet_id=outlet_id))


def _outlet_of(conn: Connection, name: str | None, url: str | None) -> int | None:
    """The id of the outlet a document comes from, created when new: found by its site, else by
    its name's key (`outlets.name_key`); None when a document has neither name nor address."""
    from sitrep import outlets as outlet_rules

    site, key = outlet_rules.domain(url), outlet_rules.name_key(name)
    found = None
    if site:
        found = conn.execute(select(outlets.c.id, outlets.c.domain).where(outlets.c.domain == site)
                             .order_by(outlets.c.id).limit(1)).first()
    if found is None and key:
        found = conn.execute(select(outlets.c.id, outlets.c.domain).where(outlets.c.key == key)).first()
    if found is not None:
        if site and found.domain is None:
            conn.execute(outlets.update().where(outlets.c.id == found.id)
                         .values(domain=site, country=outlet_rules.country(site)))
        return found.id
    if not (site or key):
        return None
    row = conn.execute(insert(outlets).values(key=key or f"site:{site}", name=name or site, domain=site,
                                              country=outlet_rules.country(site)))
    return row.inserted_primary_key[0]


def _record_versions(conn: Connection) -> None:
    """Documents keep what produced them (the record's `versions`); those stored before have none."""
    metadata.create_all(conn, tables=[version_sets])
    if "version_set_id" not in _columns(conn, "documents"):
        conn.execute(text("ALTER TABLE documents ADD COLUMN version_set_id INTEGER"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_documents_version_set ON documents (version_set_id)"))


def _versions_key(versions: dict[str, str]) -> str:
    """A set of versions' key: the hash of its canonical JSON (the same whatever the order)."""
    return hashlib.sha256(json.dumps(versions, sort_keys=True).encode("utf-8")).hexdigest()


def _version_set_of(conn: Connection, versions: dict[str, str]) -> int | None:
    """The id of a set of versions, stored when new (by whichever writer comes first, as for
    entities); None for a document that has none."""
    if not versions:
        return None
    key = _versions_key(versions)
    found = select(version_sets.c.id).where(version_sets.c.key == key)
    if conn.execute(found).scalar() is None:
        conn.execute(database.insert_ignoring(conn, version_sets).values(key=key, versions=versions))
    return conn.execute(found).scalar_one()


def _cyrillic_search(conn: Connection) -> None:
    """Documents in a Cyrillic-script language searchable in any form of their words (`fulltext`)."""
    fulltext.create_cyrillic(conn)


# Every lower-cased name an entity is mentioned by (`uses`: how many mentions are written so) and
# every ending of one after a space (`ending_uses`: "sandu" for "President Maia Sandu"), kept as
# mentions are written, so that finding an entity by a name reads an index instead of every mention.
aliased = MetaData()
entity_aliases = Table(
    "entity_aliases", aliased,
    Column("alias", String, primary_key=True), Column("entity_id", String, primary_key=True),
    Column("uses", Integer, nullable=False), Column("ending_uses", Integer, nullable=False),
)


def _entity_aliases(conn: Connection) -> None:
    """The alias table, filled from the stored mentions."""
    aliased.create_all(conn)
    conn.execute(entity_aliases.delete())  # filled afresh: the migration may meet a table it made before
    written = conn.execute(select(mentions.c.entity_id, mentions.c.text, func.count())
                           .group_by(mentions.c.entity_id, mentions.c.text)).all()
    _count_aliases(conn, written, +1)


def _alias_uses(names) -> dict[tuple[str, str], list[int]]:
    """(alias, entity) -> [uses, ending_uses] of these (entity, mention text, how many mentions) rows."""
    counted: dict[tuple[str, str], list[int]] = {}
    for entity_id, name, times in names:
        lowered = name.lower()
        counted.setdefault((lowered, entity_id), [0, 0])[0] += times
        for i, char in enumerate(lowered):
            if char == " " and lowered[i + 1:]:
                counted.setdefault((lowered[i + 1:], entity_id), [0, 0])[1] += times
    return counted


def _count_aliases(conn: Connection, names, sign: int) -> None:
    """Add (sign +1) or take away (-1) these (entity, mention text, how many mentions) rows in the
    alias table, in one statement."""
    rows = [{"alias": alias, "entity_id": entity_id, "uses": sign * uses, "ending_uses": sign * endings}
            for (alias, entity_id), (uses, endings) in _alias_uses(names).items()]
    if not rows:
        return
    upsert = database.upsert(conn, entity_aliases)
    conn.execute(upsert.on_conflict_do_update(
        index_elements=["alias", "entity_id"],
        set_={"uses": entity_aliases.c.uses + upsert.excluded.uses,
              "ending_uses": entity_aliases.c.ending_uses + upsert.excluded.ending_uses}), rows)


@dataclass
class Added:
    """What storing one document did: `added`, `near_duplicate` (added and linked), `exists` (the
    same text is stored already) or `reprocessed` (its extractions replaced); with the input it
    came from and the pipeline's notes on it, when the caller knows them."""

    id: str
    status: str
    duplicate_of: str | None = None
    origin: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Hit:
    id: str
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    score: float


# A search for an entity also matches at most this many of its other names.
MAX_OTHER_NAMES = 12
# The kinds of relation a picture of the graph can keep: events between two parties, statements
# by one about another (either way), and being mentioned in the same document.
RELATION_KINDS = ("event", "said", "co-mentioned")
# How many of an entity's latest documents its co-mentions and the statements about it are read from.
NEIGHBOURS_WINDOW = 300


class Store:
    """A sitrep knowledge base, in an SQLite file or a PostgreSQL database, migrated on open.

    `location` is a file path or an SQLAlchemy URL (`postgresql+psycopg://user@host/db`). With
    `create` (what ingesting wants) a missing file is created; without it (what reading wants) a
    missing knowledge base is a `StoreError`, never a new empty one. One Store holds one engine
    (a pool of connections) and may serve many threads. Several processes may write to one
    knowledge base at once: each write transaction takes the database's write lock when it
    begins and others wait for it, so no write fails or is lost because of another.
    """

    def __init__(self, location: str | Path = "sitrep.db", create: bool = True):
        self.path = str(location)
        self.database = database.connect(location, create)
        self.engine, self.writer = self.database.engine, self.database.writer
        try:
            self._migrate()
        except DBAPIError as error:
            self.engine.dispose()
            raise StoreError(self.database.name, f"not a usable knowledge base: {error.orig}") from None
        except migrate.NewerSchema as error:
            self.engine.dispose()
            raise StoreError(self.database.name, f"made by a newer sitrep ({error}); upgrade sitrep to open it") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> str | None:
        """The schema's Alembic revision."""
        with self.engine.connect() as conn:
            return migrate.revision(conn)

    def _migrate(self) -> None:
        # In a write transaction: two processes opening a new knowledge base at once migrate it once.
        with self.writer.begin() as conn:
            migrate.upgrade(conn)

    def add(self, doc: Document, reprocess: bool = False, hashvalues=None) -> Added:
        """Store one document with everything extracted from it, in one transaction.

        The same text again is a no-op, unless `reprocess`: then its extractions are replaced by
        the new ones (what a newer sitrep finds). A near-duplicate (the same story syndicated by
        another outlet) is stored and linked to the first copy by `duplicate_of`. `hashvalues` is
        the text's MinHash signature when the caller computed it already (a batch's map stage).
        """
        from sitrep import dedup  # numpy and datasketch: loaded by writers only, not by every read

        hashvalues = dedup.signature(doc.text) if hashvalues is None else hashvalues
        try:
            with self.writer.begin() as conn:
                return _write(conn, doc, hashvalues, reprocess)
        except IntegrityError:
            # Another writer stored the same document between our check and our insert (a
            # database that does not serialise writers): it is stored, which is what was asked.
            if self.has(doc.id):
                return Added(doc.id, "exists")
            raise

    def add_many(self, items: list[tuple[Document, Any]]) -> list[Added]:
        """Store several (document, signature) pairs in one transaction: a bulk load's batched
        write. Each is stored as `add` would (a stored text is a no-op, a near-duplicate is linked,
        also to one earlier in the same batch)."""
        with self.writer.begin() as conn:
            return [_write(conn, doc, hashvalues, reprocess=False) for doc, hashvalues in items]

    def has(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document as its `sitrep/1` record, plus `duplicate_of` and `ingested_at`; or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
            if row is None:
                return None
            return _record(conn, row)

    def find(self, id_prefix: str) -> list[str]:
        """Ids of stored documents starting with `id_prefix` (users type short ids)."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(documents.c.id).where(documents.c.id.startswith(id_prefix, autoescape=True))
                                     .limit(10)).scalars())

    def documents(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored documents' metadata, newest publication first."""
        columns = [documents.c[name] for name in ("id", "title", "published", "source", "origin", "duplicate_of")]
        query = (select(*columns).order_by(documents.c.published.desc().nulls_last(), documents.c.rowid)
                 .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def outdated(self, now: dict[str, str], limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Stored documents made by other versions than `now` (sitrep, model or a lexicon
        changed since, or stored before records carried versions), newest publication first,
        each with the `versions` it was made by; and how many there are in all."""
        with self.engine.connect() as conn:
            current = conn.execute(select(version_sets.c.id).where(version_sets.c.key == _versions_key(now))).scalar()
            stale = documents.c.version_set_id.is_(None) | (documents.c.version_set_id != (current or 0))
            columns = [documents.c[name] for name in ("id", "title", "published", "source", "origin", "version_set_id")]
            query = (select(*columns).where(stale).order_by(documents.c.published.desc().nulls_last(), documents.c.rowid)
                     .limit(limit).offset(offset))
            rows = [dict(row) for row in conn.execute(query).mappings()]
            total = conn.execute(select(func.count()).select_from(documents).where(stale)).scalar_one()
            for row in rows:
                row["versions"] = _versions_of(conn, row.pop("version_set_id"))
        return rows, total

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(documents)).scalar_one()

    def search(self, query: str, limit: int = 20, offset: int = 0, entity: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None) -> list[Hit]:
        """Documents matching a full-text query, best first (BM25), with highlighted snippets,
        optionally only those mentioning an entity (by id), from an outlet, or published in a range.

        Words are matched as words (stemmed, accents folded), "quoted phrases" as phrases and
        a trailing * as a prefix; neither engine's operators are exposed to untrusted input.
        A query with no word, or bounds that are not dates, are a ValueError saying so.
        """
        wanted = fulltext.terms(query)
        if not wanted:
            raise ValueError(f"the query {query!r} has no word to search for")
        since, until = period(since, until)
        # "Lukashenko" finds the documents that write "Lukashenka" too
        alternatives = [wanted, *(fulltext.terms(f'"{name}"') for name in self._other_names(query))]
        conditions, params = [], {"limit": limit, "offset": offset}
        if entity:
            conditions.append("EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id AND m.entity_id = :entity)")
            params["entity"] = entity
        if outlet:
            conditions.append("d.source = :outlet")
            params["outlet"] = outlet
        if since:
            conditions.append("d.published >= :since")
            params["since"] = since
        if until:
            conditions.append("d.published <= :until")
            params["until"] = until + "\uffff"
        with self.engine.connect() as conn:
            return [Hit(**row) for row in fulltext.search(conn, alternatives, conditions, params)]

    def _other_names(self, query: str) -> list[str]:
        """The other names of the entity a query names exactly (by any of its names), if any."""
        if '"' in query or "*" in query or not is_name(query.strip()):
            return []  # words to search for, not a name
        found = self.entity(query.strip())
        if found is None:
            return []
        names = {found["name"], *(a["text"] for a in found["aliases"])}
        return sorted(n for n in names if is_name(n) and n.lower() != query.strip().lower())[:MAX_OTHER_NAMES]

    def outlets(self) -> list[str]:
        """The outlets of the stored documents, for filters."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(documents.c.source).where(documents.c.source.is_not(None))
                                     .distinct().order_by(documents.c.source)).scalars())

    def mention_months(self, entity_id: str) -> list[tuple[str, int]]:
        """(YYYY-MM, documents mentioning the entity published that month), in order."""
        month = func.substr(documents.c.published, 1, 7)
        query = (select(month.label("month"), func.count())
                 .join(entity_documents, entity_documents.c.document_id == documents.c.id)
                 .where(entity_documents.c.entity_id == entity_id, documents.c.published.is_not(None))
                 .group_by(month).order_by(month))
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(query).all()]


    def entities(self, type_: str | None = None, top: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored entities with their mention and document counts, most widely mentioned first."""
        return self.entity_index(type_, top, offset)[0]

    def entity(self, name: str) -> dict[str, Any] | None:
        """One entity found by id, canonical name or any name it was mentioned by, with its
        aliases (every way the documents name it) and the documents that mention it."""
        with self.engine.connect() as conn:
            entity_id = conn.execute(select(entities.c.id).where(
                (entities.c.id == name) | (func.lower(entities.c.name) == name.lower()))).scalar()
            for uses in (entity_aliases.c.uses, entity_aliases.c.ending_uses):  # a name it is written by, or ends with
                if entity_id is None:
                    entity_id = conn.execute(
                        select(entity_aliases.c.entity_id).where(entity_aliases.c.alias == name.lower(), uses > 0)
                        .order_by(uses.desc(), entity_aliases.c.entity_id).limit(1)).scalar()
            if entity_id is None:  # a surname of the canonical name ("Lukashenko" for Alexander Lukashenko)
                entity_id = conn.execute(
                    select(entities.c.id).join(entity_counts, entity_counts.c.entity_id == entities.c.id)
                    .where(func.lower(entities.c.name).endswith(" " + name.lower(), autoescape=True))
                    .order_by(entity_counts.c.mentions.desc(), entities.c.id).limit(1)).scalar()
            if entity_id is None:  # any name the gazetteer knows the thing by, written in no stored document
                from sitrep.nlp.gazetteer import known

                thing = known(name)
                if thing is not None:
                    entity_id = conn.execute(select(entities.c.id).where(entities.c.id == thing.id)).scalar()
            if entity_id is None:
                return None
            row = dict(conn.execute(select(entities).where(entities.c.id == entity_id)).mappings().one())
            row["aliases"] = [dict(r) for r in conn.execute(
                select(mentions.c.text, func.count().label("count")).where(mentions.c.entity_id == entity_id)
                .group_by(mentions.c.text).order_by(func.count().desc(), mentions.c.text)).mappings()]
            row["documents"] = [dict(r) for r in conn.execute(
                select(documents.c.id, documents.c.title, documents.c.published, documents.c.source,
                       func.count().label("mentions"))
                .join(mentions, mentions.c.document_id == documents.c.id).where(mentions.c.entity_id == entity_id)
                .group_by(documents.c.id, documents.c.title, documents.c.published, documents.c.source)
                .order_by(documents.c.published.desc().nulls_last())).mappings()]
            return row


    def statements(self, source: str | None = None, about: str | None = None,
                   min_confidence: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """What `source` said, claimed or assessed about `about` (names as `entity` takes them),
        newest first, each with its reporters' names and the citation of its document.

        `min_confidence` keeps statements at or above a level of the ICD 203 scale; hedged
        ("possible") and unqualified statements have no level and are left out by it.
        """
        query = (select(statements, documents.c.title, documents.c.source.label("outlet"),
                        documents.c.published, documents.c.url, entities.c.name.label("source_name"))
                 .join(documents, documents.c.id == statements.c.document_id)
                 .outerjoin(entities, entities.c.id == statements.c.source)
                 .order_by(statements.c.date.desc().nulls_last(), documents.c.published.desc().nulls_last(),
                           statements.c.start).limit(limit).offset(offset))
        for name, apply in ((source, lambda q, i: q.where(statements.c.source == i)),
                            (about, lambda q, i: q.where(select(mentions.c.entity_id).where(
                                mentions.c.document_id == statements.c.document_id, mentions.c.entity_id == i,
                                mentions.c.start >= statements.c.start, mentions.c.end <= statements.c.end).exists()))):
            if name is not None:
                found = self.entity(name)
                if found is None:
                    return []
                query = apply(query, found["id"])
        if min_confidence is not None:
            query = query.where(statements.c.confidence.in_(CONFIDENCE[CONFIDENCE.index(min_confidence):]))
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        names = self.names({v for r in rows for v in r["via"]})
        for row in rows:
            row["via_names"] = [names.get(v, v) for v in row["via"]]
        return rows


    def timeline(self, entity_id: str, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """Dated events and statements involving an entity (as actor, target, source, reporter or
        subject of the content), oldest first, each with the words that report it and its citation.
        Bounds that are not dates are a ValueError."""
        since, until = period(since, until)
        citation = (documents.c.title, documents.c.source.label("outlet"), documents.c.published, documents.c.url,
                    documents.c.id.label("document_id"), documents.c.duplicate_of)
        event_rows = (select(literal("event").label("kind"), events.c.type.label("what"), events.c.date,
                             events.c.actor, events.c.target, literal(None).label("source"),
                             func.substr(documents.c.text, events.c.start + 1, events.c.end - events.c.start).label("words"),
                             *citation)
                      .join(documents, documents.c.id == events.c.document_id)
                      .where((events.c.actor == entity_id) | (events.c.target == entity_id), events.c.date.is_not(None)))
        about = select(mentions.c.entity_id).where(
            mentions.c.document_id == statements.c.document_id, mentions.c.entity_id == entity_id,
            mentions.c.start >= statements.c.start, mentions.c.end <= statements.c.end).exists()
        statement_rows = (select(literal("statement").label("kind"), statements.c.cue.label("what"), statements.c.date,
                                 literal(None).label("actor"), literal(None).label("target"), statements.c.source,
                                 statements.c.content.label("words"), *citation)
                          .join(documents, documents.c.id == statements.c.document_id)
                          .where((statements.c.source == entity_id) | about, statements.c.date.is_not(None)))
        rows = union_all(event_rows, statement_rows).subquery()
        query = select(rows).order_by(rows.c.date, rows.c.kind)
        if since:
            query = query.where(rows.c.date >= since)
        if until:
            query = query.where(rows.c.date <= until + "\uffff")
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def relations(self, entity_id: str) -> list[dict[str, Any]]:
        """An entity's edges: events it took part in ("event:AID" as actor, "event:AID (as
        target)"), statements by it about others ("said about") and by others about it ("spoken
        of by"), and co-mention in a document; each with its count and documents."""
        queries = [
            select(events.c.target.label("other"), (literal("event:") + events.c.type).label("relation"),
                   events.c.document_id).where(events.c.actor == entity_id, events.c.target.is_not(None)),
            select(events.c.actor.label("other"), (literal("event:") + events.c.type + literal(" (as target)")).label("relation"),
                   events.c.document_id).where(events.c.target == entity_id, events.c.actor.is_not(None)),
            select(mentions.c.entity_id.label("other"), literal("said about").label("relation"), statements.c.document_id)
            .join(mentions, (mentions.c.document_id == statements.c.document_id) & (mentions.c.start >= statements.c.start)
                  & (mentions.c.end <= statements.c.end)).where(statements.c.source == entity_id),
            select(statements.c.source.label("other"), literal("spoken of by").label("relation"), statements.c.document_id)
            .join(mentions, (mentions.c.document_id == statements.c.document_id) & (mentions.c.start >= statements.c.start)
                  & (mentions.c.end <= statements.c.end))
            .where(mentions.c.entity_id == entity_id, statements.c.source.is_not(None)),
            select(other_mentions.c.entity_id.label("other"), literal("co-mentioned").label("relation"),
                   mentions.c.document_id)
            .join(other_mentions, other_mentions.c.document_id == mentions.c.document_id)
            .where(mentions.c.entity_id == entity_id).distinct(),
        ]
        edges = union_all(*queries).subquery()
        query = (select(edges.c.other, entities.c.name, entities.c.type, edges.c.relation,
                        func.count(edges.c.document_id.distinct()).label("count"),
                        database.joined(self.database.dialect, edges.c.document_id).label("documents"))
                 .join(entities, entities.c.id == edges.c.other)
                 .where(edges.c.other != entity_id)
                 .group_by(edges.c.other, edges.c.relation, entities.c.name, entities.c.type)
                 .order_by(text("count DESC"), entities.c.name))
        with self.engine.connect() as conn:
            return [{**dict(r), "documents": (r["documents"] or "").split(",")} for r in conn.execute(query).mappings()]

    def records(self, keep: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
        """Every stored document as its `sitrep/1` record, one at a time, oldest ingest first;
        `keep` names what the knowledge base adds to keep on it (`duplicate_of`, `ingested_at`)."""
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(documents.c.id).order_by(documents.c.rowid)).scalars())
        for doc_id in ids:
            record = self.get(doc_id)
            for key in ("duplicate_of", "ingested_at"):
                if key not in keep:
                    record.pop(key)
            yield record

    def names(self, ids: set[str]) -> dict[str, str]:
        """The canonical names of the given entities."""
        if not ids:
            return {}
        with self.engine.connect() as conn:
            return dict(conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(ids))).all())

    def all_entities(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(entities).order_by(entities.c.id)).mappings()]

    # ---- claims across documents -------------------------------------------------------

    def claim_reports(self, document_ids: list[str] | None = None,
                      sources: set[str | None] | None = None) -> Iterator[dict[str, Any]]:
        """Every statement and event (or those of the given documents, or those whose source or
        actor is one of `sources`, None for the unnamed) as a report for grouping
        into claims: what it says, who, when, how sure, the entities its words name, and what
        says which channel it came through (`claims.channel` decides): its `via`, the speaker of
        the statement an event was reported in (`reporter`), its cue and source words, and the
        outlet of its story's first copy."""
        root = documents.alias("root")
        story = func.coalesce(documents.c.duplicate_of, documents.c.id)
        outlet = func.coalesce("outlet:" + func.cast(root.c.outlet_id, String), "story:" + root.c.id)

        def in_span(table: Table, column=mentions.c.entity_id):
            """The entities named inside each row's words (or the words naming them), as one
            comma-separated value."""
            return select(database.joined(self.database.dialect, column)).where(
                mentions.c.document_id == table.c.document_id, mentions.c.start >= table.c.start,
                mentions.c.end <= table.c.end).scalar_subquery()

        said = statements.alias("said")
        statement_rows = (select(literal("statement").label("kind"), statements.c.document_id,
                                 statements.c.id.label("item"), statements.c.source, statements.c.content.label("text"),
                                 statements.c.date, statements.c.confidence, statements.c.polarity, statements.c.via,
                                 statements.c.cue, statements.c.source_text,
                                 outlet.label("outlet"), in_span(statements).label("subjects"),
                                 in_span(statements, mentions.c.text).label("names"),
                                 literal(None).label("event_type"), literal(None).label("target"),
                                 literal(None).label("reporter"))
                          .join(documents, documents.c.id == statements.c.document_id)
                          .join(root, root.c.id == story))
        event_rows = (select(literal("event").label("kind"), events.c.document_id,
                             func.cast(events.c.seq, String).label("item"), events.c.actor.label("source"),
                             func.substr(documents.c.text, events.c.start + 1, events.c.end - events.c.start).label("text"),
                             events.c.date, literal(None).label("confidence"), literal("positive").label("polarity"),
                             literal("[]").label("via"), literal("").label("cue"), literal("").label("source_text"),
                             outlet.label("outlet"), in_span(events).label("subjects"),
                             in_span(events, mentions.c.text).label("names"),
                             events.c.type.label("event_type"), events.c.target, said.c.source.label("reporter"))
                      .join(documents, documents.c.id == events.c.document_id)
                      .join(root, root.c.id == story)
                      .outerjoin(said, (said.c.document_id == events.c.document_id) & (said.c.id == events.c.statement)))
        if document_ids is not None:
            statement_rows = statement_rows.where(statements.c.document_id.in_(document_ids))
            event_rows = event_rows.where(events.c.document_id.in_(document_ids))
        if sources is not None:
            named = [name for name in sources if name is not None]
            statement_rows = statement_rows.where(statements.c.source.in_(named) | (
                statements.c.source.is_(None) if None in sources else False))
            event_rows = event_rows.where(events.c.actor.in_(named) | (
                events.c.actor.is_(None) if None in sources else False))
        with self.engine.connect() as conn:
            for query in (statement_rows, event_rows):
                for row in conn.execute(query).mappings():
                    row = dict(row)
                    row["via"] = json.loads(row["via"]) if isinstance(row["via"], str) else row["via"]
                    row["subjects"] = frozenset((row["subjects"] or "").split(",")) - {""}
                    row["names"] = row["names"] or ""
                    yield row

    def replace_claims(self, sources: set[str | None], rows: list[dict[str, Any]], reports: list[dict[str, Any]],
                       grades: dict[str, int]) -> None:
        """Replace the claims of these sources (None: the unnamed) with `rows` and set the
        credibility of other claims (`grades`), in one transaction."""
        named = [name for name in sources if name is not None]
        theirs = claims.c.source.in_(named) | (claims.c.source.is_(None) if None in sources else False)
        with self.writer.begin() as conn:
            conn.execute(claim_reports.delete().where(claim_reports.c.claim_id.in_(select(claims.c.id).where(theirs))))
            conn.execute(claims.delete().where(theirs))
            if rows:
                conn.execute(insert(claims), rows)
            if reports:
                conn.execute(insert(claim_reports), reports)
            if grades:  # one statement for all of them (executemany)
                conn.execute(claims.update().where(claims.c.id == bindparam("claim_id"))
                             .values(credibility=bindparam("grade")),
                             [{"claim_id": claim_id, "grade": grade} for claim_id, grade in grades.items()])

    def save_claims(self, rows: list[dict[str, Any]], reports: list[dict[str, Any]]) -> None:
        """Replace the stored claims with these (one transaction: readers see the old set or the new)."""
        with self.writer.begin() as conn:
            conn.execute(claim_reports.delete())
            conn.execute(claims.delete())
            if rows:
                conn.execute(insert(claims), rows)
            if reports:
                conn.execute(insert(claim_reports), reports)

    # Browsing, for the web UI's overview, index and browsers: each list is one page of rows and
    # the total it was cut from, so a page can say "21-40 of 815".

    def totals(self) -> dict[str, int]:
        """How many documents, entities, statements, events and outlets the knowledge base holds."""
        counted = [select(func.count()).select_from(table).scalar_subquery().label(table.name)
                   for table in (documents, entities, statements, events)]
        outlets_held = select(func.count()).select_from(outlets).scalar_subquery().label("outlets")
        with self.engine.connect() as conn:
            return dict(conn.execute(select(*counted, outlets_held)).mappings().one())

    def entity_index(self, type_: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """One page of entities (of one type, or all), most widely mentioned first (as `entities`
        ranks them, from the kept counts), and how many there are."""
        named = ~entities.c.id.startswith(GROUP_ACTOR_PREFIX)  # "protesters" acts in events; it is no name to list
        query = (select(entities.c.id, entities.c.name, entities.c.type, entities.c.wikidata, entity_counts.c.mentions,
                        entity_counts.c.documents)
                 .join(entity_counts, entity_counts.c.entity_id == entities.c.id).where(entity_counts.c.documents > 0, named)
                 .order_by(entity_counts.c.documents.desc(), entity_counts.c.mentions.desc(), entities.c.name)
                 .limit(limit).offset(offset))
        total = (select(func.count()).select_from(entities.join(entity_counts, entity_counts.c.entity_id == entities.c.id))
                 .where(entity_counts.c.documents > 0, named))
        if type_:
            query, total = query.where(entities.c.type == type_.upper()), total.where(entities.c.type == type_.upper())
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()], conn.execute(total).scalar_one()

    def entity_types(self) -> dict[str, int]:
        """How many entities of each type are stored, most numerous type first."""
        query = (select(entities.c.type, func.count()).where(~entities.c.id.startswith(GROUP_ACTOR_PREFIX))
                 .group_by(entities.c.type).order_by(func.count().desc()))
        with self.engine.connect() as conn:
            return dict(conn.execute(query).all())

    def statement_page(self, source: str | None = None, min_confidence: str | None = None, since: str | None = None,
                       until: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Statements by a source (an entity id), at or above an ICD 203 level, in documents
        published in a period (as search takes it); newest publication first, with the total.
        Bounds that are not dates are a ValueError."""
        since, until = period(since, until)
        when = documents.c.published
        conditions = []
        if source:
            conditions.append(statements.c.source == source)
        if min_confidence:
            conditions.append(statements.c.confidence.in_(CONFIDENCE[CONFIDENCE.index(min_confidence):]))
        if since:
            conditions.append(when >= since)
        if until:
            conditions.append(when <= until + "\uffff")
        joined = statements.join(documents, documents.c.id == statements.c.document_id)
        query = (select(statements, documents.c.title, documents.c.source.label("outlet"), documents.c.published,
                        entities.c.name.label("source_name"), when.label("when"))
                 .select_from(joined.outerjoin(entities, entities.c.id == statements.c.source)).where(*conditions)
                 .order_by(when.desc(), statements.c.document_id, statements.c.start)
                 .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            total = conn.execute(select(func.count()).select_from(joined).where(*conditions)).scalar_one()
        names = self.names({v for r in rows for v in r["via"]})
        for row in rows:
            row["via_names"] = [names.get(v, v) for v in row["via"]]
        return rows, total

    def event_page(self, type_: str | None = None, since: str | None = None, until: str | None = None,
                   limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Events of one PLOVER type or all, in documents published in a period (as search takes
        it), newest publication first, with the parties' names and the words that report them;
        and the total. Bounds that are not dates are a ValueError."""
        since, until = period(since, until)
        when = documents.c.published
        conditions = []
        if type_:
            conditions.append(events.c.type == type_)
        if since:
            conditions.append(when >= since)
        if until:
            conditions.append(when <= until + "\uffff")
        actor, target, place = entities.alias("actor"), entities.alias("target"), entities.alias("place")
        joined = events.join(documents, documents.c.id == events.c.document_id)
        query = (select(events, documents.c.title, documents.c.source.label("outlet"), documents.c.published,
                        actor.c.name.label("actor_name"), target.c.name.label("target_name"),
                        place.c.name.label("location_name"), when.label("when"),
                        func.substr(documents.c.text, events.c.start + 1, events.c.end - events.c.start).label("words"))
                 .select_from(joined.outerjoin(actor, actor.c.id == events.c.actor)
                              .outerjoin(target, target.c.id == events.c.target)
                              .outerjoin(place, place.c.id == events.c.location))
                 .where(*conditions).order_by(when.desc(), events.c.document_id, events.c.seq)
                 .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
            total = conn.execute(select(func.count()).select_from(joined).where(*conditions)).scalar_one()
        return rows, total

    def ranked_neighbours(self, entity_id: str, kinds: set[str] | None = None, limit: int = 25,
                          exclude: set[str] | None = None, window: int = NEIGHBOURS_WINDOW) -> tuple[list[dict[str, Any]], int]:
        """The entity's strongest neighbours and how many it has (but `exclude`): by the kinds of
        relation asked for (`RELATION_KINDS`; all by default), each neighbour with its relations
        (as `relations` names them) and counts, ranked by weight (the sum of the counts), cut at `limit`.

        Lighter than `relations` for a picture: no document lists, and statements and co-mentions
        are read from the entity's latest `window` documents, so a name in thousands of documents
        costs what a recent one does; events are counted over all."""
        kinds = set(RELATION_KINDS) if kinds is None else kinds
        with self.engine.connect() as conn:
            latest_ids = list(conn.execute(
                select(entity_documents.c.document_id).join(documents, documents.c.id == entity_documents.c.document_id)
                .where(entity_documents.c.entity_id == entity_id)
                .order_by(documents.c.published.desc()).limit(window)).scalars())
        latest = select(documents.c.id.label("document_id")).where(documents.c.id.in_(latest_ids)).subquery()
        queries = []
        if "event" in kinds:
            queries += [
                select(events.c.target, literal("event:") + events.c.type, func.count(events.c.document_id.distinct()))
                .where(events.c.actor == entity_id, events.c.target.is_not(None))
                .group_by(events.c.target, events.c.type),
                select(events.c.actor, literal("event:") + events.c.type + literal(" (as target)"),
                       func.count(events.c.document_id.distinct()))
                .where(events.c.target == entity_id, events.c.actor.is_not(None)).group_by(events.c.actor, events.c.type)]
        inside = ((mentions.c.document_id == statements.c.document_id) & (mentions.c.start >= statements.c.start)
                  & (mentions.c.end <= statements.c.end))
        if "said" in kinds:
            queries += [
                select(mentions.c.entity_id, literal("said about"), func.count(statements.c.document_id.distinct()))
                .select_from(latest.join(statements, statements.c.document_id == latest.c.document_id).join(mentions, inside))
                .where(statements.c.source == entity_id).group_by(mentions.c.entity_id),
                select(statements.c.source, literal("spoken of by"), func.count(statements.c.document_id.distinct()))
                .select_from(latest.join(mentions, (mentions.c.document_id == latest.c.document_id)
                                         & (mentions.c.entity_id == entity_id)).join(statements, inside))
                .where(statements.c.source.is_not(None)).group_by(statements.c.source)]
        if "co-mentioned" in kinds:
            queries.append(select(entity_documents.c.entity_id, literal("co-mentioned"), func.count())
                           .join(latest, latest.c.document_id == entity_documents.c.document_id)
                           .group_by(entity_documents.c.entity_id))
        with self.engine.connect() as conn:
            rows = [row for query in queries for row in conn.execute(query).all() if row[0] != entity_id]
        ranked: dict[str, dict[str, Any]] = {}
        for other, relation, count in rows:
            if other in (exclude or ()):
                continue
            found = ranked.setdefault(other, {"other": other, "weight": 0, "relations": []})
            found["weight"] += count
            found["relations"].append({"relation": relation, "count": count})
        kept = sorted(ranked.values(), key=lambda n: (-n["weight"], n["other"]))[:limit]
        with self.engine.connect() as conn:
            about = {r.id: r for r in conn.execute(select(entities.c.id, entities.c.name, entities.c.type)
                                                   .where(entities.c.id.in_([n["other"] for n in kept])))}
        for neighbour in kept:
            neighbour.update(name=about[neighbour["other"]].name, type=about[neighbour["other"]].type)
            neighbour["relations"].sort(key=lambda r: (-r["count"], r["relation"]))
        return kept, len(ranked)

    def entity_profile(self, name: str, documents_shown: int = 50) -> dict[str, Any] | None:
        """The entity whose id or canonical name is `name` (None otherwise; `entity` knows every
        other name), with its counts, its names by use, and its latest documents: what its page
        shows, read from the kept counts so that a name in thousands of documents stays quick."""
        found = (select(entities, entity_counts.c.documents.label("document_count"),
                        entity_counts.c.mentions.label("mention_count"))
                 .outerjoin(entity_counts, entity_counts.c.entity_id == entities.c.id))
        with self.engine.connect() as conn:
            row = conn.execute(found.where(entities.c.id == name)).mappings().first() or conn.execute(
                found.where(func.lower(entities.c.name) == name.lower()).order_by(entity_counts.c.documents.desc())
            ).mappings().first()
            if row is None:
                return None
            profile = dict(row)
            profile["aliases"] = [dict(r) for r in conn.execute(
                select(mentions.c.text, func.count().label("count")).where(mentions.c.entity_id == row["id"])
                .group_by(mentions.c.text).order_by(func.count().desc(), mentions.c.text).limit(30)).mappings()]
            profile["documents"] = [dict(r) for r in conn.execute(
                select(documents.c.id, documents.c.title, documents.c.published, documents.c.source,
                       entity_documents.c.mentions)
                .join(entity_documents, entity_documents.c.document_id == documents.c.id)
                .where(entity_documents.c.entity_id == row["id"])
                .order_by(documents.c.published.desc(), documents.c.id).limit(documents_shown)).mappings()]
        return profile

    def statements_about(self, entity_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """What others said about the entity (statements whose words name it), newest document
        first, from its latest NEIGHBOURS_WINDOW documents."""
        latest = (select(entity_documents.c.document_id).join(documents, documents.c.id == entity_documents.c.document_id)
                  .where(entity_documents.c.entity_id == entity_id)
                  .order_by(documents.c.published.desc()).limit(NEIGHBOURS_WINDOW).subquery())
        named = select(mentions.c.entity_id).where(
            mentions.c.document_id == statements.c.document_id, mentions.c.entity_id == entity_id,
            mentions.c.start >= statements.c.start, mentions.c.end <= statements.c.end).exists()
        query = (select(statements, documents.c.title, documents.c.source.label("outlet"), documents.c.published,
                        entities.c.name.label("source_name"))
                 .select_from(latest.join(statements, statements.c.document_id == latest.c.document_id)
                              .join(documents, documents.c.id == statements.c.document_id)
                              .outerjoin(entities, entities.c.id == statements.c.source))
                 .where(named, (statements.c.source != entity_id) | statements.c.source.is_(None))
                 .order_by(documents.c.published.desc(), statements.c.document_id, statements.c.start).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def recent_timeline(self, entity_id: str, limit: int = 30, about: list[dict[str, Any]] | None = None
                        ) -> list[dict[str, Any]]:
        """The entity's latest dated events (as actor or target), its own dated statements and
        those of others about it (`statements_about`, or `about` when the caller has read them), newest first, each with the words that report it and its citation: the page's short
        timeline (`timeline` gives the whole of it)."""
        citation = (documents.c.title, documents.c.source.label("outlet"), documents.c.published,
                    documents.c.id.label("document_id"))
        actor, target = entities.alias("actor"), entities.alias("target")
        event_rows = (select(literal("event").label("kind"), events.c.type.label("what"), events.c.date,
                             actor.c.name.label("actor_name"), target.c.name.label("target_name"),
                             literal(None).label("source_name"),
                             func.substr(documents.c.text, events.c.start + 1, events.c.end - events.c.start).label("words"),
                             *citation)
                      .select_from(events.join(documents, documents.c.id == events.c.document_id)
                                   .outerjoin(actor, actor.c.id == events.c.actor)
                                   .outerjoin(target, target.c.id == events.c.target))
                      .where((events.c.actor == entity_id) | (events.c.target == entity_id), events.c.date.is_not(None))
                      .order_by(events.c.date.desc()).limit(limit))
        statement_rows = (select(literal("statement").label("kind"), statements.c.cue.label("what"), statements.c.date,
                                 literal(None).label("actor_name"), literal(None).label("target_name"),
                                 entities.c.name.label("source_name"), statements.c.content.label("words"), *citation)
                          .select_from(statements.join(documents, documents.c.id == statements.c.document_id)
                                       .join(entities, entities.c.id == statements.c.source))
                          .where(statements.c.source == entity_id, statements.c.date.is_not(None))
                          .order_by(statements.c.date.desc()).limit(limit))
        about_rows = [{"kind": "statement", "what": s["cue"], "date": s["date"], "actor_name": None, "target_name": None,
                       "source_name": s["source_name"], "words": s["content"], "title": s["title"], "outlet": s["outlet"],
                       "published": s["published"], "document_id": s["document_id"]}
                      for s in (self.statements_about(entity_id, limit) if about is None else about) if s["date"]]
        with self.engine.connect() as conn:
            rows = [dict(r) for query in (event_rows, statement_rows) for r in conn.execute(query).mappings()]
        rows += about_rows
        return sorted(rows, key=lambda r: r["date"], reverse=True)[:limit]

    def event_types(self) -> dict[str, int]:
        """How many events of each PLOVER type are stored, most frequent first."""
        query = select(events.c.type, func.count()).group_by(events.c.type).order_by(func.count().desc(), events.c.type)
        with self.engine.connect() as conn:
            return dict(conn.execute(query).all())


other_mentions = mentions.alias("other_mentions")



def _write(conn: Connection, doc: Document, hashvalues, reprocess: bool) -> Added:
    """One document's rows, inside the caller's write transaction."""
    from sitrep import dedup

    keys = dedup.band_keys(hashvalues)
    if conn.execute(select(documents.c.id).where(documents.c.id == doc.id)).first():
        if not reprocess:
            return Added(doc.id, "exists")
        _count_aliases(conn, conn.execute(select(mentions.c.entity_id, mentions.c.text, func.count())
                                          .where(mentions.c.document_id == doc.id)
                                          .group_by(mentions.c.entity_id, mentions.c.text)).all(), -1)
        for table in (mentions, statements, events, dates):
            conn.execute(table.delete().where(table.c.document_id == doc.id))
        conn.execute(documents.update().where(documents.c.id == doc.id)
                     .values(version_set_id=_version_set_of(conn, doc.versions)))
        _add_extractions(conn, doc)
        return Added(doc.id, "reprocessed")
    original = _near_duplicate_of(conn, hashvalues, keys)
    row = conn.execute(insert(documents).values(
        id=doc.id, origin=doc.origin, title=doc.title, published=doc.published, source=doc.source,
        url=doc.url, language=doc.language, text=doc.text, removed=doc.removed, captions=doc.captions,
        duplicate_of=original, ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        outlet_id=_outlet_of(conn, doc.source, doc.url), version_set_id=_version_set_of(conn, doc.versions)))
    fulltext.index(conn, row.inserted_primary_key[0], doc.title, doc.text, doc.language)
    conn.execute(insert(signatures).values(document_id=doc.id, hashvalues=dedup.to_bytes(hashvalues)))
    conn.execute(insert(bands), [{"band": b, "key": k, "document_id": doc.id} for b, k in keys])
    _add_extractions(conn, doc)
    return Added(doc.id, "near_duplicate" if original else "added", original)


def _near_duplicate_of(conn: Connection, hashvalues, keys) -> str | None:
    """The first stored copy of a story this text is a near-duplicate of, if any."""
    from sitrep import dedup

    candidates = conn.execute(select(bands.c.document_id).distinct()
                              .where(_band_matches(keys))).scalars().all()
    best, best_similarity = None, dedup.THRESHOLD
    for candidate in candidates:
        stored = conn.execute(select(signatures.c.hashvalues, documents.c.duplicate_of)
                              .join(documents, documents.c.id == signatures.c.document_id)
                              .where(signatures.c.document_id == candidate)).first()
        similar = dedup.similarity(hashvalues, dedup.from_bytes(stored.hashvalues))
        if similar >= best_similarity:
            best, best_similarity = stored.duplicate_of or candidate, similar
    return best


def _band_matches(keys):
    """Rows of `minhash_bands` with any of these (band, key) pairs, as one OR of equalities: SQLite
    answers a row-value IN by scanning the whole table (a cost that grows with every stored
    document), and an OR of equalities by one index search per pair."""
    return or_(*(and_(bands.c.band == band, bands.c.key == key) for band, key in keys))


def _add_extractions(conn: Connection, doc: Document) -> None:
    """A document's entities (those known already kept as they are), mentions, aliases, statements,
    events and dates: one statement per table."""
    if doc.entities:
        conn.execute(database.insert_ignoring(conn, entities), [
            {"id": e.id, "name": e.name, "type": e.type, "wikidata": e.wikidata, "country": e.country,
             "sector": e.sector, "roles": e.roles} for e in doc.entities])
    rows = [{"document_id": doc.id, "entity_id": e.id, **asdict(m)} for e in doc.entities for m in e.mentions]
    if rows:
        conn.execute(insert(mentions), rows)
        _count_aliases(conn, [(row["entity_id"], row["text"], 1) for row in rows], +1)
    if doc.statements:
        conn.execute(insert(statements), [{"document_id": doc.id, **asdict(s)} for s in doc.statements])
    if doc.events:
        conn.execute(insert(events), [{"document_id": doc.id, "seq": i, **asdict(e)} for i, e in enumerate(doc.events)])
    if doc.dates:
        conn.execute(insert(dates), [{"document_id": doc.id, "seq": i, **asdict(d)} for i, d in enumerate(doc.dates)])


def _record(conn: Connection, row) -> dict[str, Any]:
    doc_id = row["id"]
    entity_rows = conn.execute(
        select(entities, mentions.c.start, mentions.c.end, mentions.c.text.label("mention"))
        .join(mentions, mentions.c.entity_id == entities.c.id)
        .where(mentions.c.document_id == doc_id).order_by(mentions.c.start)).mappings()
    found: dict[str, dict[str, Any]] = {}
    for m in entity_rows:
        entity = found.setdefault(m["id"], {"id": m["id"], "name": m["name"], "type": m["type"],
                                            "wikidata": m["wikidata"], "mentions": [], "country": m["country"],
                                            "sector": m["sector"], "roles": m["roles"] or []})
        entity["mentions"].append({"start": m["start"], "end": m["end"], "text": m["mention"]})

    def rows_of(table: Table, order) -> list[dict[str, Any]]:
        result = conn.execute(select(table).where(table.c.document_id == doc_id).order_by(order)).mappings()
        return [{k: v for k, v in r.items() if k not in ("document_id", "seq")} for r in result]

    return {
        "schema": SCHEMA_VERSION, "id": doc_id, "origin": row["origin"], "title": row["title"],
        "published": row["published"], "source": row["source"], "url": row["url"], "language": row["language"],
        "text": row["text"], "removed": row["removed"], "captions": row["captions"],
        "entities": list(found.values()),
        "statements": rows_of(statements, statements.c.start),
        "events": rows_of(events, events.c.seq),
        "dates": rows_of(dates, dates.c.seq),
        "versions": _versions_of(conn, row["version_set_id"]),
        "duplicate_of": row["duplicate_of"], "ingested_at": row["ingested_at"],
    }


def _versions_of(conn: Connection, version_set_id: int | None) -> dict[str, str]:
    """The versions a document was made by; none for one stored before records carried them."""
    if version_set_id is None:
        return {}
    return conn.execute(select(version_sets.c.versions).where(version_sets.c.id == version_set_id)).scalar_one()
