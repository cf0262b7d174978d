"""The FastAPI application: the JSON API (`api.py`) and the pages (`pages.py`) over the library
API, behind the request guard (`guard.py`).

Nothing here touches SQL or the pipeline directly: the routes call `sitrep.store`,
`sitrep.graph` and `sitrep.run`, as the command line does. All text shown is escaped by the
templates (autoescape) or by `render.py`; every query is parameterised in the store.
"""
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from sitrep.urls import web_address
from sitrep.vocabularies import ENTITY_TYPES
from sitrep.web import api, pages
from sitrep.web.guard import RequestGuard, error_response
from sitrep.web.hosts import HostPolicy
from sitrep.web.render import confidence_label

HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def create_app(db: str | Path, token: str | None = None, max_upload_bytes: int = MAX_UPLOAD_BYTES,
               hosts: HostPolicy = HostPolicy()) -> FastAPI:
    """The web application over the knowledge base `db`.

    With `token`, every request must carry it. `hosts` are the Host headers it answers (by
    default the loopback names); a request body over `max_upload_bytes` is refused at that
    size, however it is sent.
    """
    app = FastAPI(title="sitrep", description="Sourced, structured intelligence from conflict news.",
                  docs_url=None, redoc_url=None)
    app.state.db = db
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.state.templates.env.globals.update(confidence_label=confidence_label, web_address=web_address,
                                          entity_types=ENTITY_TYPES)
    app.add_middleware(RequestGuard, hosts=hosts, token=token, max_body_bytes=max_upload_bytes)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


async def _http_error(request: Request, exc: HTTPException):
    message = f"no page at {request.url.path}" if exc.status_code == 404 and exc.detail == "Not Found" else str(exc.detail)
    return _error(request, exc.status_code, message)


async def _validation_error(request: Request, exc: RequestValidationError):
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
    return _error(request, 422, problems)


def _error(request: Request, status: int, message: str) -> Response:
    """The error as a page for a browser (it asks for HTML), else in the API's one JSON shape."""
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return error_response(status, message)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status)
