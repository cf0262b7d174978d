"""The JSON API under /api/: documents, entities, statements, events, search, graph, ingest.

Each route opens the knowledge base for its own request and answers plain JSON; a missing
thing is a 404 and a bad parameter a 422, both in the one error shape (see `app.py`).
"""
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Query, Request, UploadFile
from pydantic import BaseModel

from sitrep import graph
from sitrep.vocabularies import CONFIDENCE
from sitrep.web import lookups
from sitrep.web.ingesting import ingest_text, ingest_uploads
from sitrep.web.lookups import knowledge_base

Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0)]
Depth = Annotated[int, Query(ge=1, le=2)]
Relations = Annotated[list[str] | None, Query()]

router = APIRouter(prefix="/api")


class PastedText(BaseModel):
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


@router.get("/documents")
def api_documents(request: Request, limit: Limit = 50, offset: Offset = 0, outdated: bool = False) -> dict[str, Any]:
    """Stored documents, newest first; with `outdated`, only those made by other versions of
    sitrep, its model or a lexicon than the running one's, each with the `versions` it was made by."""
    with knowledge_base(request) as kb:
        if outdated:
            from sitrep import versions

            items, total = kb.outdated(versions.current(), limit=limit, offset=offset)
            return {"items": items, "limit": limit, "offset": offset, "total": total, "current": versions.current()}
        return {"items": kb.documents(limit=limit, offset=offset), "limit": limit, "offset": offset, "total": kb.count()}


@router.get("/documents/{doc_id}")
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    """One document as its sitrep/1 record (with duplicate_of and ingested_at)."""
    with knowledge_base(request) as kb:
        return lookups.document(kb, doc_id)


@router.get("/entities")
def api_entities(request: Request, type: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Entities with mention and document counts, most widely mentioned first, and how many there are."""
    with knowledge_base(request) as kb:
        items, total = kb.entity_index(type, limit, offset)
    return {"items": items, "limit": limit, "offset": offset, "total": total}


@router.get("/entities/{name}")
def api_entity(request: Request, name: str) -> dict[str, Any]:
    """One entity by id or any name, with aliases, documents, neighbours and timeline."""
    with knowledge_base(request) as kb:
        found = lookups.entity(kb, name)
        found["neighbours"] = kb.relations(found["id"])
        found["timeline"] = kb.timeline(found["id"])
    return found


@router.get("/statements")
def api_statements(request: Request, source: str | None = None, about: str | None = None,
                   min_confidence: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """What a source said about a subject, how sure, through whom, with citations."""
    if min_confidence is not None and min_confidence not in CONFIDENCE:
        raise HTTPException(422, f"min_confidence must be one of {', '.join(CONFIDENCE)}")
    with knowledge_base(request) as kb:
        return {"items": kb.statements(source, about, min_confidence, limit, offset), "limit": limit, "offset": offset}


@router.get("/events")
def api_events(request: Request, entity: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The dated events and statements involving an entity, oldest first."""
    with knowledge_base(request) as kb:
        try:
            found = graph.timeline(kb, entity, since, until)
        except graph.UnknownEntity:
            raise HTTPException(404, f"no entity named {entity!r}")
        except ValueError as error:
            raise HTTPException(422, str(error))
    return {"entity": found["entity"]["id"], "items": [i for i in found["items"] if i["kind"] == "event"]}


@router.get("/search")
def api_search(request: Request, q: Annotated[str, Query(min_length=1)], entity: str | None = None,
               outlet: str | None = None, since: str | None = None, until: str | None = None, limit: Limit = 20,
               offset: Offset = 0) -> dict[str, Any]:
    """Full-text search with filters; snippets mark matches with \\u0002 and \\u0003."""
    with knowledge_base(request) as kb:
        entity_id = lookups.entity_id(kb, entity)
        if entity and entity_id is None:
            raise HTTPException(404, f"no entity named {entity!r}")
        try:
            hits = kb.search(q, limit, offset, entity_id, outlet, since, until)
        except ValueError as error:
            raise HTTPException(422, str(error))
    return {"items": [vars(h) for h in hits], "limit": limit, "offset": offset}


@router.post("/ingest")
def api_ingest(request: Request, item: PastedText) -> dict[str, Any]:
    """Process and store one pasted article."""
    with knowledge_base(request) as kb:
        return ingest_text(kb, item.text, item.title, item.url, item.source, item.published)


@router.post("/ingest/files")
def api_ingest_files(request: Request, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
    """Process and store uploaded files (txt, html, jsonl, feeds, warc)."""
    with knowledge_base(request) as kb:
        return ingest_uploads(kb, files)


@router.get("/graph/{name}")
def api_graph(request: Request, name: str, depth: Depth = 1, relation: Relations = None,
              limit: Annotated[int, Query(ge=1, le=200)] = lookups.NEIGHBOURS) -> dict[str, Any]:
    """The network around an entity: its strongest neighbours (`limit`, ranked by weight) and the
    relations between them, with counts; `relation` keeps some kinds (event, said, co-mentioned;
    repeated or comma-separated); `shown` of `total` neighbours are drawn."""
    with knowledge_base(request) as kb:
        return lookups.network(kb, name, depth, lookups.relation_kinds(relation), limit)
