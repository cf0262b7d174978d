"""The web UI's pages, rendered on the server from the same lookups as the API; every piece
of text is escaped by the templates (autoescape) or by `render.py`."""
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from sitrep.store import RELATION_KINDS
from sitrep.vocabularies import CONFIDENCE, ENTITY_TYPES
from sitrep.web import lookups
from sitrep.web.api import Depth, Relations
from sitrep.web.ingesting import ingest_text, ingest_uploads, merged
from sitrep.web.lookups import knowledge_base
from sitrep.web.render import annotated, timeline_svg

router = APIRouter(default_response_class=HTMLResponse)
FAVICON = Path(__file__).parent / "static" / "favicon.svg"
PER_PAGE = 50
Page = Annotated[int, Query(ge=1, le=100_000)]
SEARCH_FIELDS = ("q", "entity", "outlet", "since", "until")


def _page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/docs", include_in_schema=False)
def docs_page(request: Request):
    """The API browsable in Swagger UI, served from the package (no CDN)."""
    return _page(request, "docs.html", {"openapi_url": request.app.openapi_url})


@router.get("/graph/{name}")
def graph_page(request: Request, name: str, depth: Depth = 1, relation: Relations = None):
    """The network around an entity, drawn by vis-network, with the same edges as a list: its
    strongest neighbours, filtered by kind of relation, with a legend of entity types."""
    with knowledge_base(request) as kb:
        network = lookups.network(kb, name, depth, lookups.relation_kinds(relation))
    return _page(request, "graph.html", {"network": network, "depth": depth, "kinds": RELATION_KINDS})


@router.get("/favicon.ico", include_in_schema=False)
def favicon():
    """sitrep's icon, for browsers that ask for it at the conventional address."""
    return FileResponse(FAVICON, media_type="image/svg+xml")


@router.get("/")
def overview_page(request: Request):
    """What the knowledge base holds: counts, latest documents and assessments, most mentioned
    entities by type. A search address of before (`/?q=...`) goes on to the search page."""
    if any(request.query_params.get(name) for name in SEARCH_FIELDS):
        return RedirectResponse(f"/search?{request.url.query}", status_code=307)
    with knowledge_base(request) as kb:
        totals = kb.totals()
        latest = kb.documents(limit=10)
        assessments, _ = kb.statement_page(min_confidence=CONFIDENCE[0], limit=8)
        by_type = {t: kb.entity_index(t, 6)[0] for t in ENTITY_TYPES}
    return _page(request, "overview.html", {"totals": totals, "latest": latest, "assessments": assessments,
                                            "by_type": {t: rows for t, rows in by_type.items() if rows}})


@router.get("/entities")
def entities_page(request: Request, type: str = "", page: Page = 1):
    """Every entity, of one type or all, most widely mentioned first, a page at a time."""
    chosen = type.upper() if type.upper() in ENTITY_TYPES else ""
    with knowledge_base(request) as kb:
        rows, total = kb.entity_index(chosen or None, PER_PAGE, (page - 1) * PER_PAGE)
        types = kb.entity_types()
    return _page(request, "entities.html", {"rows": rows, "types": types, "type": chosen,
                                            "pages": _pages(page, total)})


@router.get("/statements")
def statements_page(request: Request, source: str = "", min_confidence: str = "", since: str = "", until: str = "",
                    page: Page = 1):
    """Statements, newest first, filtered by source, ICD 203 level (at least) and period."""
    level = min_confidence if min_confidence in CONFIDENCE else ""
    with knowledge_base(request) as kb:
        source_id = lookups.entity_id(kb, source)
        unknown = bool(source) and source_id is None
        try:
            rows, total = ([], 0) if unknown else kb.statement_page(
                source_id, level or None, since or None, until or None, PER_PAGE, (page - 1) * PER_PAGE)
            problem = None
        except ValueError as error:  # bounds that are not dates, or a period that ends before it starts
            rows, total, problem = [], 0, str(error)
    return _page(request, "statements.html", {
        "rows": rows, "source": source, "unknown_source": unknown, "min_confidence": level, "levels": CONFIDENCE,
        "since": since, "until": until, "problem": problem, "pages": _pages(page, total)},
        status=400 if problem else 200)


@router.get("/events")
def events_page(request: Request, type: str = "", since: str = "", until: str = "", page: Page = 1):
    """Events, newest first, by PLOVER type and period."""
    with knowledge_base(request) as kb:
        types = kb.event_types()
        chosen = type.upper() if type.upper() in types else ""
        try:
            rows, total = kb.event_page(chosen or None, since or None, until or None, PER_PAGE, (page - 1) * PER_PAGE)
            problem = None
        except ValueError as error:
            rows, total, problem = [], 0, str(error)
    return _page(request, "events.html", {
        "rows": rows, "types": types, "type": chosen, "since": since, "until": until, "problem": problem,
        "pages": _pages(page, total)}, status=400 if problem else 200)


def _pages(page: int, total: int) -> dict[str, int]:
    """Where a page of PER_PAGE rows sits in `total`: its number, its first and last row, the last page."""
    return {"page": page, "total": total, "first": min(total, (page - 1) * PER_PAGE + 1),
            "last": min(total, page * PER_PAGE), "pages": max(1, -(-total // PER_PAGE))}


@router.get("/search")
def search_page(request: Request, q: str = "", entity: str = "", outlet: str = "", since: str = "", until: str = ""):
    """Search with filters; without a query, the latest documents."""
    with knowledge_base(request) as kb:
        entity_id = lookups.entity_id(kb, entity) if entity else None
        unknown = bool(entity) and entity_id is None
        try:
            hits = kb.search(q, 50, 0, entity_id, outlet or None, since or None, until or None) if q and not unknown else []
            problem = None
        except ValueError as error:  # a query with no word, or bounds that are not dates
            hits, problem = [], str(error)
        recent = [] if q else kb.documents(limit=20)
        outlets = kb.outlets()
    return _page(request, "search.html", {
        "q": q, "entity": entity, "outlet": outlet, "since": since, "until": until, "hits": hits,
        "recent": recent, "outlets": outlets, "unknown_entity": unknown, "problem": problem},
        status=400 if problem else 200)


@router.get("/document/{doc_id}")
def document_page(request: Request, doc_id: str):
    """One document: entities highlighted and linked, statements marked, events, removed noise."""
    with knowledge_base(request) as kb:
        record = lookups.document(kb, doc_id)
    names = {e["id"]: e["name"] for e in record["entities"]}
    statements = {s["id"]: s for s in record["statements"]}
    return _page(request, "document.html", {"doc": record, "body": annotated(record), "names": names,
                                            "statements": statements})


@router.get("/entity/{name}")
def entity_page(request: Request, name: str):
    """One entity: aliases, mentions per month, timeline, what it said and what was said about it."""
    with knowledge_base(request) as kb:
        found = lookups.profile(kb, name)
        said, _ = kb.statement_page(source=found["id"], limit=30)
        said_about = kb.statements_about(found["id"], 30)
        timeline = kb.recent_timeline(found["id"], 30, about=said_about)
        neighbours, total = kb.ranked_neighbours(found["id"], limit=30)
        chart = timeline_svg(kb.mention_months(found["id"]))
    return _page(request, "entity.html", {
        "entity": found, "said": said, "said_about": said_about, "timeline": timeline,
        "neighbours": neighbours, "neighbour_total": total, "chart": chart})


@router.get("/brief")
def brief_page(request: Request, date: str = "", since: str = "", until: str = "", about: str = ""):
    """The brief of a day or period (the latest day with documents by default), as `sitrep brief`
    writes it, with a date picker."""
    from markupsafe import Markup

    from sitrep.brief import build
    from sitrep.brief.render import body

    with knowledge_base(request) as kb:
        try:
            brief = build(kb, date or None, since or None, until or None, [about] if about.strip() else None)
            problem = None
        except ValueError as error:  # a date that does not exist, a period upside down, an unknown name
            brief, problem = None, str(error)
    content = Markup(body(brief)) if brief else None  # rendered by the brief's own autoescaping templates
    return _page(request, "brief.html", {"brief": brief, "content": content, "problem": problem, "date": date,
                                         "since": since, "until": until, "about": about},
                 status=400 if problem else 200)


@router.get("/ingest")
def ingest_page(request: Request):
    """The form to paste an article or upload files."""
    return _page(request, "ingest.html", {"result": None})


@router.post("/ingest")
def ingest_form(request: Request, text: Annotated[str, Form()] = "", title: Annotated[str, Form()] = "",
                files: Annotated[list[UploadFile] | None, File()] = None):
    """Process and store what the form sent; the page lists what each input became."""
    result = {"added": [], "errors": []}
    uploads = [f for f in files or [] if f.filename]
    with knowledge_base(request) as kb:
        if text.strip():
            result = merged(result, ingest_text(kb, text, title or None))
        if uploads:
            result = merged(result, ingest_uploads(kb, uploads))
    return _page(request, "ingest.html", {"result": result})
