"""The FastAPI application: JSON API and server-rendered pages over the library API.

Nothing here touches SQL or the pipeline directly: it calls `sitrep.store`, `sitrep.graph` and
`sitrep.run`, as the command line does. All text shown is escaped by the templates
(autoescape) or by `render.py`; every query is parameterised in the store.
"""
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep import graph, run
from sitrep.dateline import iso_date
from sitrep.errors import InputError
from sitrep.pipeline import process
from sitrep.readers import format_of
from sitrep.schema import Input
from sitrep.store import CONFIDENCE, Store
from sitrep.urls import web_address
from sitrep.web.guard import RequestGuard, error_response
from sitrep.web.hosts import HostPolicy
from sitrep.web.render import annotated, confidence_label, timeline_svg

HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
Limit = Annotated[int, Query(ge=1, le=200)]
Offset = Annotated[int, Query(ge=0)]


class PastedText(BaseModel):
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


def create_app(db: str | Path, token: str | None = None, max_upload_bytes: int = MAX_UPLOAD_BYTES,
               hosts: HostPolicy = HostPolicy()) -> FastAPI:
    """The web application over the knowledge base `db`.

    With `token`, every request must carry it. `hosts` are the Host headers it answers (by
    default the loopback names); a request body over `max_upload_bytes` is refused at that
    size, however it is sent.
    """
    app = FastAPI(title="sitrep", description="Sourced, structured intelligence from conflict news.",
                  docs_url=None, redoc_url=None)
    app.add_middleware(RequestGuard, hosts=hosts, token=token, max_body_bytes=max_upload_bytes)
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(confidence_label=confidence_label, web_address=web_address)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def store() -> Store:
        return Store(db)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error_response(422, problems)

    # ---- JSON API ----------------------------------------------------------------------

    @app.get("/api/documents")
    def api_documents(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stored documents, newest first."""
        with store() as kb:
            return {"items": kb.documents(limit=limit, offset=offset), "limit": limit, "offset": offset, "total": kb.count()}

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: str) -> dict[str, Any]:
        """One document as its sitrep/1 record (with duplicate_of and ingested_at)."""
        with store() as kb:
            return _document(kb, doc_id)

    @app.get("/api/entities")
    def api_entities(type: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Entities with mention and document counts, most widely mentioned first."""
        with store() as kb:
            return {"items": kb.entities(type, limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/entities/{name}")
    def api_entity(name: str) -> dict[str, Any]:
        """One entity by id or any name, with aliases, documents, neighbours and timeline."""
        with store() as kb:
            found = _entity(kb, name)
            found["neighbours"] = kb.relations(found["id"])
            found["timeline"] = kb.timeline(found["id"])
        return found

    @app.get("/api/statements")
    def api_statements(source: str | None = None, about: str | None = None, min_confidence: str | None = None,
                       limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """What a source said about a subject, how sure, through whom, with citations."""
        if min_confidence is not None and min_confidence not in CONFIDENCE:
            raise HTTPException(422, f"min_confidence must be one of {', '.join(CONFIDENCE)}")
        with store() as kb:
            return {"items": kb.statements(source, about, min_confidence, limit, offset), "limit": limit, "offset": offset}

    @app.get("/api/events")
    def api_events(entity: str, since: str | None = None, until: str | None = None) -> dict[str, Any]:
        """The dated events and statements involving an entity, oldest first."""
        with store() as kb:
            try:
                found = graph.timeline(kb, entity, since, until)
            except graph.UnknownEntity:
                raise HTTPException(404, f"no entity named {entity!r}")
        return {"entity": found["entity"]["id"], "items": [i for i in found["items"] if i["kind"] == "event"]}

    @app.get("/api/search")
    def api_search(q: Annotated[str, Query(min_length=1)], entity: str | None = None, outlet: str | None = None,
                   since: str | None = None, until: str | None = None, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        """Full-text search with filters; snippets mark matches with \\u0002 and \\u0003."""
        with store() as kb:
            entity_id = _entity_id(kb, entity)
            if entity and entity_id is None:
                raise HTTPException(404, f"no entity named {entity!r}")
            hits = kb.search(q, limit, offset, entity_id, outlet, since, until)
        return {"items": [vars(h) for h in hits], "limit": limit, "offset": offset}

    @app.post("/api/ingest")
    def api_ingest(item: PastedText) -> dict[str, Any]:
        """Process and store one pasted article."""
        return _ingest_text(item)

    @app.post("/api/ingest/files")
    def api_ingest_files(files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        """Process and store uploaded files (txt, html, jsonl, feeds, warc)."""
        return _ingest_files(files)

    @app.get("/api/graph/{name}")
    def api_graph(name: str, depth: Annotated[int, Query(ge=1, le=2)] = 1) -> dict[str, Any]:
        """The network around an entity: nodes and the relations between them, with counts."""
        with store() as kb:
            return _network(kb, name, depth)

    # ---- pages ---------------------------------------------------------------------------

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request):
        """The API browsable in Swagger UI, served from the package (no CDN)."""
        return templates.TemplateResponse(request, "docs.html", {"openapi_url": app.openapi_url})

    @app.get("/graph/{name}", response_class=HTMLResponse)
    def graph_page(request: Request, name: str, depth: Annotated[int, Query(ge=1, le=2)] = 1):
        with store() as kb:
            network = _network(kb, name, depth)
        return templates.TemplateResponse(request, "graph.html", {"network": network, "depth": depth})

    @app.get("/", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "", entity: str = "", outlet: str = "", since: str = "", until: str = ""):
        with store() as kb:
            entity_id = _entity_id(kb, entity) if entity else None
            unknown = bool(entity) and entity_id is None
            hits = kb.search(q, 50, 0, entity_id, outlet or None, since or None, until or None) if q and not unknown else []
            recent = [] if q else kb.documents(limit=20)
            outlets = kb.outlets()
        return templates.TemplateResponse(request, "search.html", {
            "q": q, "entity": entity, "outlet": outlet, "since": since, "until": until, "hits": hits,
            "recent": recent, "outlets": outlets, "unknown_entity": unknown})

    @app.get("/document/{doc_id}", response_class=HTMLResponse)
    def document_page(request: Request, doc_id: str):
        with store() as kb:
            record = _document(kb, doc_id)
        names = {e["id"]: e["name"] for e in record["entities"]}
        return templates.TemplateResponse(request, "document.html", {
            "doc": record, "body": annotated(record), "names": names})

    @app.get("/entity/{name}", response_class=HTMLResponse)
    def entity_page(request: Request, name: str):
        with store() as kb:
            found = _entity(kb, name)
            said = kb.statements(source=found["id"], limit=50)
            said_about = [s for s in kb.statements(about=found["id"], limit=50) if s["source"] != found["id"]]
            timeline = graph.timeline(kb, found["id"])["items"]
            neighbours = kb.relations(found["id"])[:40]
            chart = timeline_svg(kb.mention_months(found["id"]))
        return templates.TemplateResponse(request, "entity.html", {
            "entity": found, "said": said, "said_about": said_about, "timeline": timeline,
            "neighbours": neighbours, "chart": chart})

    @app.get("/ingest", response_class=HTMLResponse)
    def ingest_page(request: Request):
        return templates.TemplateResponse(request, "ingest.html", {"result": None})

    @app.post("/ingest", response_class=HTMLResponse)
    def ingest_form(request: Request, text: Annotated[str, Form()] = "", title: Annotated[str, Form()] = "",
                    files: Annotated[list[UploadFile] | None, File()] = None):
        result = {"added": [], "errors": []}
        if text.strip():
            result = _merge(result, _ingest_text(PastedText(text=text, title=title or None)))
        uploads = [f for f in files or [] if f.filename]
        if uploads:
            result = _merge(result, _ingest_files(uploads))
        return templates.TemplateResponse(request, "ingest.html", {"result": result})

    # ---- helpers -------------------------------------------------------------------------

    def _ingest_text(item: PastedText) -> dict[str, Any]:
        pasted = Input(origin="pasted text", text=item.text, title=item.title, url=item.url, source=item.source,
                       published=iso_date(item.published))
        try:
            return _store([process(pasted)], [])
        except InputError as error:
            return {"added": [], "errors": [{"input": "pasted text", "reason": error.reason}]}

    def _ingest_files(files: list[UploadFile]) -> dict[str, Any]:
        with tempfile.TemporaryDirectory() as tmp:
            paths, names = [], {}
            for number, upload in enumerate(files):
                original = Path(upload.filename or "upload.txt").name
                path = Path(tmp) / f"{number}-{original}"
                if format_of(path) is None:
                    path = path.with_name(path.name + ".txt")
                with path.open("wb") as out:
                    shutil.copyfileobj(upload.file, out)
                paths.append(str(path))
                names[str(path)] = original
            return _ingest_paths(paths, names)

    def _ingest_paths(paths: list[str], names: dict[str, str]) -> dict[str, Any]:
        errors: list[dict[str, str]] = []

        def shown(origin: str) -> str:
            base, _, member = origin.partition("#")
            return names.get(origin) or names.get(base, "input") + (f"#{member}" if member else "")

        def failed(error: InputError) -> None:
            errors.append({"input": shown(error.origin), "reason": error.reason})

        return _store(run.documents(paths, on_error=failed), errors)

    def _store(docs, errors: list[dict[str, str]]) -> dict[str, Any]:
        """Store processed documents; what each did, with its title, and the inputs that failed."""
        added = []
        with store() as kb:
            for doc in docs:
                result = kb.add(doc)
                added.append({"id": result.id, "status": result.status, "duplicate_of": result.duplicate_of,
                              "title": doc.title})
        return {"added": added, "errors": errors}

    return app


MAX_NEIGHBOURS = 40  # per node and layer: more is a hairball, not a picture


def _network(kb: Store, name: str, depth: int) -> dict[str, Any]:
    try:
        found = graph.neighbours(kb, name, depth)
    except graph.UnknownEntity:
        raise HTTPException(404, f"no entity named {name!r}")
    centre = found["entity"]
    nodes = {centre["id"]: {"id": centre["id"], "label": centre["name"], "type": centre["type"], "centre": True}}
    edges = []
    for level, layer in enumerate(found["layers"], start=1):
        kept: dict[str, int] = {}
        for edge in layer:
            if kept.get(edge["from"], 0) >= MAX_NEIGHBOURS or edge["from"] not in nodes:
                continue
            kept[edge["from"]] = kept.get(edge["from"], 0) + 1
            nodes.setdefault(edge["other"], {"id": edge["other"], "label": edge["name"], "type": edge["type"],
                                             "level": level})
            edges.append({"from": edge["from"], "to": edge["other"], "relation": edge["relation"], "count": edge["count"]})
    return {"entity": centre["id"], "name": centre["name"], "nodes": list(nodes.values()), "edges": edges}


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {"added": a["added"] + b["added"], "errors": a["errors"] + b["errors"]}


def _document(kb: Store, doc_id: str) -> dict[str, Any]:
    record = kb.get(doc_id)
    if record is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return record


def _entity(kb: Store, name: str) -> dict[str, Any]:
    found = kb.entity(name)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    return found


def _entity_id(kb: Store, name: str | None) -> str | None:
    if not name:
        return None
    found = kb.entity(name)
    return found["id"] if found else None

