"""The read side that briefs, claims and the web pages share: what the knowledge base says about
a period, as rows with their citations, written once for the CLI and the web app alike.

Queries are SQLAlchemy Core over the store's tables (`store.py` defines them and writes them),
so they move to PostgreSQL with the store. Every row that a reader shows carries the documents
behind it: title, outlet, publication date and link.
"""
from collections import defaultdict
from typing import Any

from sqlalchemy import and_, func, or_, select

from sitrep.periods import period
from sitrep.schema import GROUP_ACTOR_PREFIX
from sitrep.store import (Store, claim_reports, claims, documents, entities, entity_documents, events, mentions,
                          outlets, statements)

UNTIL_END = "\uffff"  # a bound of "2026-03" includes every day of March


def citations(kb: Store, claim_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The documents that report each claim, oldest first: id, title, outlet (the outlet's one
    name), publication date, URL and the channel they count under; in one query."""
    if not claim_ids:
        return {}
    query = (select(claim_reports.c.claim_id, documents.c.id, documents.c.title,
                    func.coalesce(outlets.c.name, documents.c.source).label("outlet"), documents.c.published,
                    documents.c.url, documents.c.duplicate_of, claim_reports.c.channel)
             .join(documents, documents.c.id == claim_reports.c.document_id)
             .outerjoin(outlets, outlets.c.id == documents.c.outlet_id)
             .where(claim_reports.c.claim_id.in_(claim_ids))
             .order_by(documents.c.published.nulls_last(), documents.c.id))
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with kb.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            cited = dict(row)
            claim_id = cited.pop("claim_id")
            if all(d["id"] != cited["id"] for d in found[claim_id]):
                found[claim_id].append(cited)
    return found


def entity_ids(kb: Store, names: list[str] | None) -> list[str] | None:
    """The ids of the entities named (by any of their names, as `Store.entity` finds them); None
    when no name is given. A name that matches nothing is a ValueError naming it."""
    if not names:
        return None
    ids = []
    for name in names:
        found = kb.entity(name)
        if found is None:
            raise ValueError(f"no entity named {name!r}")
        ids.append(found["id"])
    return ids


def _naming(ids: list[str]):
    """Claims by one of these entities, or whose reports' own words name one of them."""
    in_statement = (select(claim_reports.c.claim_id)
                    .join(statements, and_(statements.c.document_id == claim_reports.c.document_id,
                                           statements.c.id == claim_reports.c.item, claim_reports.c.kind == "statement"))
                    .join(mentions, and_(mentions.c.document_id == statements.c.document_id,
                                         mentions.c.start >= statements.c.start, mentions.c.end <= statements.c.end))
                    .where(mentions.c.entity_id.in_(ids)))
    in_event = (select(claim_reports.c.claim_id)
                .join(events, and_(events.c.document_id == claim_reports.c.document_id,
                                   func.cast(events.c.seq, claim_reports.c.item.type) == claim_reports.c.item,
                                   claim_reports.c.kind == "event"))
                .where(or_(events.c.actor.in_(ids), events.c.target.in_(ids))))
    return or_(claims.c.source.in_(ids), claims.c.id.in_(in_statement), claims.c.id.in_(in_event))


def claim_list(kb: Store, about: str | list[str] | None = None, since: str | None = None, until: str | None = None,
               min_sources: int = 1, limit: int | None = 100, reported: bool = False) -> list[dict[str, Any]]:
    """Stored claims, most independently sourced first, each with its source's name, the date its
    first document was published (`first_reported`) and its citations (`documents`).

    The period bounds `first_seen` (the date of what is claimed), or with `reported` the
    publication of the documents (a claim reported in the period, whenever it was first seen).
    Names that match no entity give no claim. Bounds that are not dates are a ValueError."""
    since, until = period(since, until)
    first_reported = (select(claim_reports.c.claim_id, func.min(documents.c.published).label("first_reported"))
                      .join(documents, documents.c.id == claim_reports.c.document_id)
                      .group_by(claim_reports.c.claim_id).subquery())
    query = (select(claims, entities.c.name.label("source_name"), entities.c.type.label("source_type"),
                    first_reported.c.first_reported)
             .join(first_reported, first_reported.c.claim_id == claims.c.id)
             .outerjoin(entities, entities.c.id == claims.c.source)
             .where(claims.c.independent >= min_sources)
             .order_by(claims.c.independent.desc(), claims.c.first_seen.desc().nulls_last(), claims.c.id))
    if limit:
        query = query.limit(limit)
    if reported:
        published = (select(claim_reports.c.claim_id).join(documents, documents.c.id == claim_reports.c.document_id))
        if since:
            published = published.where(documents.c.published >= since)
        if until:
            published = published.where(documents.c.published <= until + UNTIL_END)
        query = query.where(claims.c.id.in_(published))
    else:
        if since:
            query = query.where(claims.c.first_seen >= since)
        if until:
            query = query.where(claims.c.first_seen <= until + UNTIL_END)
    if about:
        try:
            ids = entity_ids(kb, [about] if isinstance(about, str) else list(about))
        except ValueError:
            return []
        query = query.where(_naming(ids))
    with kb.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    cited = citations(kb, [r["id"] for r in rows])
    for row in rows:
        row["documents"] = cited.get(row["id"], [])
    return rows


def new_entities(kb: Store, since: str, until: str, about: list[str] | None = None,
                 limit: int = 30) -> list[dict[str, Any]]:
    """Named things first mentioned in a document published in the period (a new plant, weapon,
    commander), most mentioned first, each with the first document that names it."""
    first = (select(entity_documents.c.entity_id, func.min(documents.c.published).label("first_published"),
                    func.count().label("documents"))
             .join(documents, documents.c.id == entity_documents.c.document_id)
             .where(documents.c.published.is_not(None))
             .group_by(entity_documents.c.entity_id).subquery())
    query = (select(entities.c.id, entities.c.name, entities.c.type, first.c.first_published, first.c.documents)
             .join(first, first.c.entity_id == entities.c.id)
             .where(first.c.first_published >= since, first.c.first_published <= until + UNTIL_END,
                    ~entities.c.id.startswith(GROUP_ACTOR_PREFIX), entities.c.type.not_in(("DATE", "NORP")))
             .order_by(first.c.documents.desc(), first.c.first_published, entities.c.name).limit(limit))
    if about:
        ids = entity_ids(kb, about)
        together = select(entity_documents.c.document_id).where(entity_documents.c.entity_id.in_(ids))
        query = query.where(entities.c.id.in_(select(entity_documents.c.entity_id)
                                              .where(entity_documents.c.document_id.in_(together))))
    with kb.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
        for row in rows:
            row["document"] = dict(conn.execute(
                select(documents.c.id, documents.c.title, func.coalesce(outlets.c.name, documents.c.source).label("outlet"),
                       documents.c.published, documents.c.url)
                .join(entity_documents, entity_documents.c.document_id == documents.c.id)
                .outerjoin(outlets, outlets.c.id == documents.c.outlet_id)
                .where(entity_documents.c.entity_id == row["id"])
                .order_by(documents.c.published, documents.c.id).limit(1)).mappings().one())
    return rows


def period_relations(kb: Store, since: str, until: str, limit: int = 40) -> list[dict[str, Any]]:
    """Who acted on whom in documents published in the period: each actor, target and event type
    with its number of stories (a syndicated copy is its original's story), strongest first."""
    story = func.coalesce(documents.c.duplicate_of, documents.c.id)
    actor, target = entities.alias("actor"), entities.alias("target")
    query = (select(events.c.actor, actor.c.name.label("actor_name"), actor.c.type.label("actor_type"),
                    events.c.target, target.c.name.label("target_name"), target.c.type.label("target_type"),
                    events.c.type, func.count(story.distinct()).label("stories"))
             .join(documents, documents.c.id == events.c.document_id)
             .join(actor, actor.c.id == events.c.actor).join(target, target.c.id == events.c.target)
             .where(documents.c.published >= since, documents.c.published <= until + UNTIL_END,
                    events.c.actor != events.c.target)
             .group_by(events.c.actor, events.c.target, events.c.type, actor.c.id, target.c.id)  # names by their keys
             .order_by(func.count(story.distinct()).desc(), actor.c.name, target.c.name).limit(limit))
    with kb.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def latest_published(kb: Store) -> str | None:
    """The latest day a stored document was published (a brief with no date is that day's)."""
    with kb.engine.connect() as conn:
        return conn.execute(select(func.max(func.substr(documents.c.published, 1, 10)))
                            .where(func.length(documents.c.published) >= 10)).scalar()


def outlet_list(kb: Store) -> list[dict[str, Any]]:
    """Every outlet, with its domain, country and number of documents, most prolific first."""
    query = (select(outlets, func.count(documents.c.id).label("documents"))
             .outerjoin(documents, documents.c.outlet_id == outlets.c.id)
             .group_by(outlets.c.id).order_by(func.count(documents.c.id).desc(), outlets.c.name))
    with kb.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def claim_members(kb: Store, sources: set[str | None] | None = None, first_seen: tuple[str, str] | None = None,
                  exclude: set[str | None] | None = None, ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Stored claims (of these sources, None for the unnamed; first seen in a period; not of the
    excluded sources; with these ids) with their kind, source, first_seen, credibility and
    `items`, the set of (document id, kind, item) of their reports: what updating claims
    compares, and what rebuilds them (`claims.stored`)."""
    def of(names: set[str | None]):
        named = [name for name in names if name is not None]
        return claims.c.source.in_(named) | (claims.c.source.is_(None) if None in names else False)

    query = (select(claims.c.id, claims.c.kind, claims.c.source, claims.c.first_seen, claims.c.credibility,
                    claim_reports.c.document_id, claim_reports.c.kind.label("report_kind"), claim_reports.c.item)
             .join(claim_reports, claim_reports.c.claim_id == claims.c.id))
    if sources is not None:
        query = query.where(of(sources))
    if ids is not None:
        query = query.where(claims.c.id.in_(ids))
    if first_seen is not None:
        query = query.where(claims.c.first_seen >= first_seen[0], claims.c.first_seen <= first_seen[1] + UNTIL_END)
    if exclude:
        query = query.where(~of(exclude) | claims.c.source.is_(None) if None not in exclude else ~of(exclude))
    found: dict[str, dict[str, Any]] = {}
    with kb.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            member = found.setdefault(row["id"], {"kind": row["kind"], "source": row["source"],
                                                  "first_seen": row["first_seen"], "credibility": row["credibility"],
                                                  "items": set()})
            member["items"].add((row["document_id"], row["report_kind"], row["item"]))
    for member in found.values():
        member["items"] = frozenset(member["items"])
    return found
