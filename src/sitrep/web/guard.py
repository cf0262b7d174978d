"""The checks every request passes before a route sees it: the Host it was sent to, the token,
for a request that changes something that it comes from sitrep's own pages, and the size of
its body, counted as the bytes arrive.

The web UI runs on the analyst's machine beside whatever else the browser has open, so another
site must be able neither to read from it (DNS rebinding, answered by the Host check) nor to
write to it (a form on another origin posting to /ingest, answered by the origin check).
"""
import hmac
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.web.hosts import HostPolicy

TOKEN_COOKIE = "sitrep_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# What an HTML form (or a "simple" cross-origin fetch) can send without the browser asking
# the server first: a request of any other type cannot come from another site unasked.
FORM_CONTENT_TYPES = frozenset({"", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain"})
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                 b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                                 b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


def error_response(status: int, message: str) -> JSONResponse:
    """The one shape of every error: {"error": {"status": ..., "message": ...}}."""
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


class BodyTooLarge(Exception):
    """Raised into the application when a request's body grows past the limit."""


class RequestGuard:
    """ASGI middleware: refuse a request for another host, without the token, from another site,
    or with a body over `max_body_bytes` (declared in Content-Length or counted as it arrives,
    chunked uploads included, so no more than the limit is ever read)."""

    def __init__(self, app: ASGIApp, hosts: HostPolicy, token: str | None, max_body_bytes: int) -> None:
        self.app, self.hosts, self.token, self.max_body_bytes = app, hosts, token, max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        answer = self.refusal(scope)
        if answer is not None:
            await answer(scope, receive, send_with_headers)
            return
        received, over, started = 0, False, False

        async def counted_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    over = True
                    raise BodyTooLarge()
            return message

        async def send_unless_over(message: Message) -> None:
            nonlocal started
            if over:  # the application's answer to a body cut short is replaced by the 413 below
                return
            started = started or message["type"] == "http.response.start"
            await send_with_headers(message)

        try:
            await self.app(scope, counted_receive, send_unless_over)
        except Exception:
            if not over:
                raise
        if over and not started:
            await self.too_large()(scope, receive, send_with_headers)

    def too_large(self) -> Response:
        """The answer to a body over the limit."""
        limit = self.max_body_bytes
        shown = f"{limit // 2**20} MiB" if limit % 2**20 == 0 else f"{limit:,} bytes"
        return error_response(413, f"request body over the {shown} limit")

    def refusal(self, scope: Scope) -> Response | None:
        """The answer that stops this request here, or None to let it through."""
        headers = Headers(scope=scope)
        host = headers.get("host")
        if not self.hosts.allows(host):
            return error_response(421, f"this server does not answer for host {host!r}")
        if self.token is not None:
            answer = self._token_refusal(scope, headers)
            if answer is not None:
                return answer
        if scope["method"] not in SAFE_METHODS:
            reason = cross_site_reason(headers, self.hosts)
            if reason:
                return error_response(403, reason)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            return self.too_large()
        return None

    def _token_refusal(self, scope: Scope, headers: Headers) -> Response | None:
        request = Request(scope)
        in_query = request.query_params.get("token")
        given = bearer_token(headers.get("authorization")) or in_query or request.cookies.get(TOKEN_COOKIE) or ""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return error_response(401, "a valid token is required (Authorization: Bearer TOKEN)")
        if in_query is not None and scope["method"] in ("GET", "HEAD"):
            # Into a cookie and out of the address bar, the history and any Referer.
            url = request.url.remove_query_params("token")
            answer = RedirectResponse(url.path + (f"?{url.query}" if url.query else ""), status_code=303)
            answer.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            return answer
        return None


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` header (the scheme in any case)."""
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return credentials.strip() or None


def cross_site_reason(headers: Headers, hosts: HostPolicy) -> str | None:
    """Why a state-changing request cannot be trusted to come from sitrep's own pages, or None.

    A browser names the page a request comes from in `Origin` (every modern browser, on every
    POST), else in `Referer`; either must be this server: the Host the request was sent to, or
    another of the names the server was started for (a reverse proxy that rewrites the Host).
    A request with neither comes from a program (curl, a script): it is accepted when a web
    page could not have sent it unasked, that is with a content type no HTML form can send
    (JSON) or with an Authorization header, both of which a browser sends to another site only
    after asking it (CORS), which sitrep never allows.
    """
    host = (headers.get("host") or "").lower()
    for header in ("origin", "referer"):
        value = headers.get(header)
        if value is not None:
            netloc = _netloc(value)
            if netloc and (netloc == host or hosts.names_this_server(netloc)):
                return None
            return f"cross-site request refused ({header} {value!r} is not this server)"
    content_type = headers.get("content-type", "").partition(";")[0].strip().lower()
    if content_type not in FORM_CONTENT_TYPES or "authorization" in headers:
        return None
    return ("a request that changes the knowledge base needs an Origin or Referer header naming this server, "
            "a JSON body, or an Authorization header")


def _netloc(url: str) -> str | None:
    parts = urlsplit(url.strip())
    return parts.netloc.lower() if parts.scheme in ("http", "https") else None

