"""The web UI's pages, rendered on the server from the same lookups as the API; every piece
of text is escaped by the templates (autoescape) or by `render.py`."""
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from sitrep import graph
from sitrep.web import lookups
from sitrep.web.api import Depth
from sitrep.web.ingesting import ingest_text, ingest_uploads, merged
from sitrep.web.lookups import knowledge_base
from sitrep.web.render import annotated, timeline_svg

router = APIRouter(default_response_class=HTMLResponse)


def _page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/docs", include_in_schema=False)
def docs_page(request: Request):
    """The API browsable in Swagger UI, served from the package (no CDN)."""
    return _page(request, "docs.html", {"openapi_url": request.app.openapi_url})


@router.get("/graph/{name}")
def graph_page(request: Request, name: str, depth: Depth = 1):
    """The network around an entity, drawn by vis-network, with the same edges as a list."""
    with knowledge_base(request) as kb:
        network = lookups.network(kb, name, depth)
    return _page(request, "graph.html", {"network": network, "depth": depth})


@router.get("/")
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
    return _page(request, "document.html", {"doc": record, "body": annotated(record), "names": names})


@router.get("/entity/{name}")
def entity_page(request: Request, name: str):
    """One entity: aliases, mentions per month, timeline, what it said and what was said about it."""
    with knowledge_base(request) as kb:
        found = lookups.entity(kb, name)
        said = kb.statements(source=found["id"], limit=50)
        said_about = [s for s in kb.statements(about=found["id"], limit=50) if s["source"] != found["id"]]
        timeline = graph.timeline(kb, found["id"])["items"]
        neighbours = kb.relations(found["id"])[:40]
        chart = timeline_svg(kb.mention_months(found["id"]))
    return _page(request, "entity.html", {
        "entity": found, "said": said, "said_about": said_about, "timeline": timeline,
        "neighbours": neighbours, "chart": chart})


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
