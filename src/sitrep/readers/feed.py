"""RSS and Atom feeds: one document per entry, its body from the entry's content or summary."""
import time
from collections.abc import Iterator

import feedparser

from sitrep.errors import InputError
from sitrep.readers.markup import fragment_to_text
from sitrep.schema import Input


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes open like an RSS, Atom or RDF feed."""
    head = data[:2048].lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(data: bytes, origin: str) -> Iterator[Input | InputError]:
    """Each entry of a feed as an Input; a feed with no readable entry is an InputError."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"malformed feed: {parsed.bozo_exception}" if parsed.bozo else "feed has no entries"
        yield InputError(origin, reason)
        return
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        member = f"{origin}#{number}"
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        text = fragment_to_text(body)
        if not text.strip():
            yield InputError(member, "feed entry has no content or summary")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Input(
            origin=member,
            text=text,
            title=entry.get("title") or None,
            published=time.strftime("%Y-%m-%d", stamp) if stamp else None,
            source=source,
            url=entry.get("link") or None,
            language=(parsed.feed.get("language") or "").split("-")[0].lower() or None,
        )
