"""Which addresses sitrep keeps as a document's link: absolute http(s) URLs, normalised.

A document's URL comes from the input (a JSON Lines field, a feed's <link>, a page's canonical
link, a WARC header) and ends as a link in the web UI, so anything a browser could run
(`javascript:`, `data:`, `vbscript:`) or resolve against sitrep itself (`//host`, `/path`) is
refused here, once, for the pipeline and for the pages alike.
"""
import html
import re
from urllib.parse import SplitResult, quote, urlsplit, urlunsplit

WEB_SCHEMES = frozenset({"http", "https"})
DROPPED_NOTE = "url dropped: not an http(s) address"

# What a browser's URL parser ignores before reading a scheme (WHATWG URL standard): C0
# controls and spaces at either end, and tabs and newlines anywhere, so "\tjava\nscript:" is
# "javascript:" to it and must be to us.
_EDGE_JUNK = "".join(chr(c) for c in range(0x21))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BAD_HOST_CHARACTER = re.compile(r"[\s<>\"'`{}|\\^]")


def web_address(raw: str | None) -> str | None:
    """The absolute http(s) URL that `raw` denotes, normalised, or None when it is anything else.

    Entity-encoded forms are decoded first (a URL taken from HTML markup may still carry
    `&#106;avascript:`), then the characters browsers skip are removed; the scheme and host are
    lower-cased, spaces and other unsafe characters percent-encoded. No host, a relative or
    protocol-relative address, a non-web scheme, or a control character left inside: None.
    """
    if not raw:
        return None
    text = _TAB_OR_NEWLINE.sub("", html.unescape(raw).strip(_EDGE_JUNK))
    if _CONTROL.search(text):
        return None
    text = text.replace("\\", "/")  # browsers read "http:\\evil" as "http://evil"
    try:
        parts = urlsplit(text)
        host, port = parts.hostname, parts.port
    except ValueError:  # a port that is not a number, a malformed IPv6 literal
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not text[len(parts.scheme) + 1:].startswith("//"):
        return None
    if not host or _BAD_HOST_CHARACTER.search(host):
        return None
    return urlunsplit(_normalised(parts, host, port))


def _normalised(parts: SplitResult, host: str, port: int | None) -> SplitResult:
    netloc = host if ":" not in host else f"[{host}]"
    if parts.username is not None:
        credentials = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{quote(credentials, safe=':%')}@{netloc}"
    if port is not None:
        netloc = f"{netloc}:{port}"
    safe = "/%:@!$&'()*+,;=-._~"
    return SplitResult(parts.scheme.lower(), netloc, quote(parts.path, safe=safe),
                       quote(parts.query, safe=safe + "?"), quote(parts.fragment, safe=safe + "?#"))
