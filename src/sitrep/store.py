"""The knowledge base: the one module that speaks SQL.

SQLAlchemy Core over SQLite (embedded, the default) so that the same tables can move to
PostgreSQL; full-text search uses SQLite's FTS5. The schema is created and migrated here,
and every document is written in one transaction: a crash loses at most the one in flight.
"""
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (JSON, Column, Connection, ForeignKey, Index, Integer, LargeBinary, MetaData, String,
                        Table, Text, create_engine, event, func, insert, literal, select, text, tuple_, union_all)

from sitrep import dedup
from sitrep.schema import SCHEMA_VERSION, Document

metadata = MetaData()

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
    Index("ix_documents_published", "published"), Index("ix_documents_source", "source"),
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


def _create_v1(conn: Connection) -> None:
    metadata.create_all(conn)
    conn.execute(text("CREATE VIRTUAL TABLE documents_fts USING fts5("
                      "title, text, tokenize='porter unicode61 remove_diacritics 2')"))


def _entity_actor_fields_v2(conn: Connection) -> None:
    """Entities gain the country, sector and dated roles of the record (a version 1 table has
    none; a table created since already has them)."""
    present = {row[1] for row in conn.execute(text("PRAGMA table_info(entities)"))}
    for column, kind in (("country", "TEXT"), ("sector", "TEXT"), ("roles", "JSON")):
        if column not in present:
            conn.execute(text(f"ALTER TABLE entities ADD COLUMN {column} {kind}"))


def _add_event_context(conn: Connection) -> None:
    """Events carry their PLOVER contexts; a knowledge base made before has none stored."""
    if "context" not in {row[1] for row in conn.execute(text("PRAGMA table_info(events)"))}:
        conn.execute(text("ALTER TABLE events ADD COLUMN context JSON NOT NULL DEFAULT '[]'"))


# Ordered schema migrations: entry N brings a database from version N to N+1. Append only.
MIGRATIONS: list[Callable[[Connection], None]] = [_create_v1, _entity_actor_fields_v2, _add_event_context]


@dataclass
class Added:
    """What storing one document did: `added`, `near_duplicate` (added and linked), `exists` (the
    same text is stored already) or `reprocessed` (its extractions replaced)."""

    id: str
    status: str
    duplicate_of: str | None = None


@dataclass
class Hit:
    id: str
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    score: float


class Store:
    """A sitrep knowledge base in one SQLite file (created and migrated on open)."""

    def __init__(self, path: str | Path = "sitrep.db"):
        self.path = str(path)
        self.engine = create_engine(f"sqlite:///{self.path}")
        event.listen(self.engine, "connect", _sqlite_pragmas)
        self._migrate()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        with self.engine.connect() as conn:
            return _version(conn)

    def _migrate(self) -> None:
        with self.engine.begin() as conn:
            current = _version(conn)
            if current > len(MIGRATIONS):
                raise RuntimeError(f"{self.path}: knowledge base version {current} is newer than this sitrep ({len(MIGRATIONS)})")
            for step in MIGRATIONS[current:]:
                step(conn)
            if current < len(MIGRATIONS):
                conn.execute(text("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', :v)"),
                             {"v": str(len(MIGRATIONS))})

    def add(self, doc: Document, reprocess: bool = False) -> Added:
        """Store one document with everything extracted from it, in one transaction.

        The same text again is a no-op, unless `reprocess`: then its extractions are replaced by
        the new ones (what a newer sitrep finds). A near-duplicate (the same story syndicated by
        another outlet) is stored and linked to the first copy by `duplicate_of`.
        """
        hashvalues = dedup.signature(doc.text)
        keys = dedup.band_keys(hashvalues)
        with self.engine.begin() as conn:
            if conn.execute(select(documents.c.id).where(documents.c.id == doc.id)).first():
                if not reprocess:
                    return Added(doc.id, "exists")
                for table in (mentions, statements, events, dates):
                    conn.execute(table.delete().where(table.c.document_id == doc.id))
                _add_extractions(conn, doc)
                return Added(doc.id, "reprocessed")
            original = _near_duplicate_of(conn, hashvalues, keys)
            row = conn.execute(insert(documents).values(
                id=doc.id, origin=doc.origin, title=doc.title, published=doc.published, source=doc.source,
                url=doc.url, language=doc.language, text=doc.text, removed=doc.removed, captions=doc.captions,
                duplicate_of=original, ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds")))
            conn.execute(text("INSERT INTO documents_fts (rowid, title, text) VALUES (:rowid, :title, :text)"),
                         {"rowid": row.inserted_primary_key[0], "title": doc.title or "", "text": doc.text})
            conn.execute(insert(signatures).values(document_id=doc.id, hashvalues=dedup.to_bytes(hashvalues)))
            conn.execute(insert(bands), [{"band": b, "key": k, "document_id": doc.id} for b, k in keys])
            _add_extractions(conn, doc)
        return Added(doc.id, "near_duplicate" if original else "added", original)

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

    def count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(documents)).scalar_one()

    def search(self, query: str, limit: int = 20, offset: int = 0, entity: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None) -> list[Hit]:
        """Documents matching a full-text query, best first (BM25), with highlighted snippets,
        optionally only those mentioning an entity (by id), from an outlet, or published in a range.

        Words are matched as words (stemmed, accents folded), "quoted phrases" as phrases and
        a trailing * as a prefix; FTS5's own operators are not exposed to untrusted input.
        """
        match = fts_query(query)
        if not match:
            return []
        conditions, params = ["documents_fts MATCH :match"], {"match": match, "limit": limit, "offset": offset}
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
        sql = text(
            "SELECT d.id, d.title, d.published, d.source, "
            "snippet(documents_fts, 1, char(2), char(3), ' … ', 24) AS snippet, bm25(documents_fts, 5.0, 1.0) AS score "
            "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            f"WHERE {' AND '.join(conditions)} ORDER BY score LIMIT :limit OFFSET :offset")
        with self.engine.connect() as conn:
            return [Hit(**row) for row in conn.execute(sql, params).mappings()]

    def outlets(self) -> list[str]:
        """The outlets of the stored documents, for filters."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(documents.c.source).where(documents.c.source.is_not(None))
                                     .distinct().order_by(documents.c.source)).scalars())

    def mention_months(self, entity_id: str) -> list[tuple[str, int]]:
        """(YYYY-MM, documents mentioning the entity published that month), in order."""
        month = func.substr(documents.c.published, 1, 7)
        query = (select(month.label("month"), func.count(documents.c.id.distinct()))
                 .join(mentions, mentions.c.document_id == documents.c.id)
                 .where(mentions.c.entity_id == entity_id, documents.c.published.is_not(None))
                 .group_by(month).order_by(month))
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(query).all()]


    def entities(self, type_: str | None = None, top: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored entities with their mention and document counts, most widely mentioned first."""
        query = (select(entities.c.id, entities.c.name, entities.c.type, entities.c.wikidata,
                        func.count().label("mentions"), func.count(mentions.c.document_id.distinct()).label("documents"))
                 .join(mentions, mentions.c.entity_id == entities.c.id)
                 .group_by(entities.c.id).order_by(text("documents DESC"), text("mentions DESC"), entities.c.name)
                 .limit(top).offset(offset))
        if type_:
            query = query.where(entities.c.type == type_.upper())
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def entity(self, name: str) -> dict[str, Any] | None:
        """One entity found by id, canonical name or any name it was mentioned by, with its
        aliases (every way the documents name it) and the documents that mention it."""
        with self.engine.connect() as conn:
            entity_id = conn.execute(select(entities.c.id).where(
                (entities.c.id == name) | (func.lower(entities.c.name) == name.lower()))).scalar()
            for matches in (func.lower(mentions.c.text) == name.lower(),
                            func.lower(mentions.c.text).endswith(" " + name.lower(), autoescape=True)):
                if entity_id is None:
                    entity_id = conn.execute(
                        select(mentions.c.entity_id).where(matches)
                        .group_by(mentions.c.entity_id).order_by(func.count().desc()).limit(1)).scalar()
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
                .group_by(documents.c.id).order_by(documents.c.published.desc().nulls_last())).mappings()]
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
        subject of the content), oldest first, each with the words that report it and its citation."""
        citation = (documents.c.title, documents.c.source.label("outlet"), documents.c.published, documents.c.url,
                    documents.c.id.label("document_id"))
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
                        func.group_concat(edges.c.document_id.distinct()).label("documents"))
                 .join(entities, entities.c.id == edges.c.other)
                 .where(edges.c.other != entity_id)
                 .group_by(edges.c.other, edges.c.relation).order_by(text("count DESC"), entities.c.name))
        with self.engine.connect() as conn:
            return [{**dict(r), "documents": (r["documents"] or "").split(",")} for r in conn.execute(query).mappings()]

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored document as its `sitrep/1` record, one at a time, oldest ingest first."""
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(documents.c.id).order_by(documents.c.rowid)).scalars())
        for doc_id in ids:
            record = self.get(doc_id)
            for key in ("duplicate_of", "ingested_at"):
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


other_mentions = mentions.alias("other_mentions")

# The ICD 203 scale, least to most likely ("possible" is a hedge with no place on it).
CONFIDENCE = ["remote", "very_unlikely", "unlikely", "even", "likely", "very_likely", "almost_certain"]


def fts_query(query: str) -> str:
    """A user's search words as a safe FTS5 query: each term and phrase quoted, all required."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        if phrase.strip():
            terms.append('"' + phrase.replace('"', "") + '"')
        elif word:
            prefix = word.endswith("*")
            core = word.rstrip("*").replace('"', "")
            if re.search(r"\w", core):
                terms.append('"' + core + '"' + ("*" if prefix else ""))
    return " ".join(terms)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _version(conn: Connection) -> int:
    exists = conn.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'")).first()
    if not exists:
        return 0
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value or 0)


def _near_duplicate_of(conn: Connection, hashvalues, keys) -> str | None:
    """The first stored copy of a story this text is a near-duplicate of, if any."""
    candidates = conn.execute(select(bands.c.document_id).distinct()
                              .where(tuple_(bands.c.band, bands.c.key).in_(keys))).scalars().all()
    best, best_similarity = None, dedup.THRESHOLD
    for candidate in candidates:
        stored = conn.execute(select(signatures.c.hashvalues, documents.c.duplicate_of)
                              .join(documents, documents.c.id == signatures.c.document_id)
                              .where(signatures.c.document_id == candidate)).first()
        similar = dedup.similarity(hashvalues, dedup.from_bytes(stored.hashvalues))
        if similar >= best_similarity:
            best, best_similarity = stored.duplicate_of or candidate, similar
    return best


def _add_extractions(conn: Connection, doc: Document) -> None:
    for entity in doc.entities:
        conn.execute(insert(entities).prefix_with("OR IGNORE").values(
            id=entity.id, name=entity.name, type=entity.type, wikidata=entity.wikidata,
            country=entity.country, sector=entity.sector, roles=entity.roles))
    rows = [{"document_id": doc.id, "entity_id": e.id, **asdict(m)} for e in doc.entities for m in e.mentions]
    if rows:
        conn.execute(insert(mentions), rows)
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
        "duplicate_of": row["duplicate_of"], "ingested_at": row["ingested_at"],
    }
