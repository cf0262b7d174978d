"""HTML pages: the main text and metadata, by trafilatura.

trafilatura decides what the article body is (removed noise is not listed for HTML); we add
what it leaves aside: the page's figure captions and its declared language.
"""
import re
from urllib.parse import urlparse

import lxml.html
from lxml.etree import ParserError

from sitrep.errors import InputError
from sitrep.readers.decode import decode
from sitrep.schema import Input

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names in its own <meta> tag, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def read_html(data: bytes | str, origin: str, url: str | None = None, charset: str | None = None,
              evidence_dates: list[str] | None = None) -> Input:
    """One HTML page as an Input with its article text, or InputError when it has none."""
    markup = data if isinstance(data, str) else decode(data, origin, charset or declared_charset(data))
    try:
        tree = lxml.html.document_fromstring(markup)
    except (ParserError, ValueError) as err:
        raise InputError(origin, f"malformed HTML: {err}")
    captions = _figure_captions(tree)
    language = (tree.get("lang") or "").split("-")[0].lower() or None
    # trafilatura parses the markup itself: its loader prepares the tree its own way. It is
    # imported on the first page (a quarter of a second that other inputs do not need).
    import trafilatura

    found = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        raise InputError(origin, "no article text found in the HTML")
    page_url = found.url or url
    return Input(
        origin=origin,
        text=_paragraphs(found.text, found.title),
        title=found.title or None,
        published=found.date or None,
        source=found.sitename or _domain(page_url),
        url=page_url,
        language=language,
        evidence_dates=list(evidence_dates or []),
        captions=captions,
        from_html=True,
    )


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura's lines as paragraphs, without the headline it repeats from an <h1>."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def _figure_captions(tree) -> list[str]:
    captions = []
    for node in tree.iter("figcaption"):
        caption = " ".join(node.text_content().split())
        if caption and caption not in captions:
            captions.append(caption)
    return captions


def _domain(url: str | None) -> str | None:
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None
