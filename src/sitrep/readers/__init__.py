"""Readers: every input a user can name (files, folders, standard input, URLs) to `Input`s.

One module per format; this one finds the format (by name, else by the bytes) and walks
folders. Readers yield an `InputError` for a bad input or member and go on with the rest.
"""
import gzip
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.dateline import iso_date
from sitrep.errors import InputError
from sitrep.readers.decode import decode
from sitrep.readers.feed import looks_like_feed, read_feed
from sitrep.readers.html import read_html
from sitrep.readers.jsonl import read_jsonl
from sitrep.readers.url import fetch, is_url
from sitrep.readers.warc import read_warc
from sitrep.schema import Input

# A single article (text, HTML page, feed) larger than this is refused unread; containers
# (JSON Lines, WARC) are streamed and have no total limit.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
Result = Input | InputError


def read(inputs: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Result]:
    """Every document of the named inputs, in order: paths, folders (recursive, sorted),
    http(s) URLs and `-` for standard input."""
    for name in inputs:
        if name == "-":
            yield from _read_stream(stdin or sys.stdin.buffer, "-", None)
        elif is_url(name):
            yield from _read_url(name)
        else:
            path = Path(name)
            if path.is_dir():
                yield from _read_folder(path, name)
            elif path.exists():
                yield from read_path(path, name)
            else:
                yield InputError(name, "no such file or directory")


def _read_folder(path: Path, origin: str) -> Iterator[Result]:
    """The documents of every readable file under a folder; a folder with none is an error that
    says what it holds instead."""
    files = sorted(p for p in path.rglob("*") if p.is_file())
    readable = [p for p in files if format_of(p)]
    for member in readable:
        yield from read_path(member, str(member))
    if not readable:
        others = sorted({p.suffix.lower() or p.name for p in files if not p.name.startswith(".")})
        skipped = f"{len(files)} file(s) skipped ({', '.join(others[:8])})" if files else "it is empty"
        yield InputError(origin, f"no file sitrep reads in this folder: {skipped}; "
                                 f"it reads {', '.join(sorted(set(SUFFIXES)))}")


def format_of(path: Path) -> str | None:
    """The format a file's name promises, or None when the name says nothing we read."""
    name = path.name.lower()
    if name.startswith("."):
        return None
    return next((fmt for suffix, fmt in SUFFIXES.items() if name.endswith(suffix)), None)


def read_path(path: Path, origin: str) -> Iterator[Result]:
    """The documents of one file."""
    fmt = format_of(path)
    try:
        if fmt in ("jsonl", "warc") or path.name.lower().endswith(".gz"):
            with _open_container(path) as stream:
                yield from _read_stream(stream, origin, fmt)
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            yield InputError(origin, f"file is {size / 2**20:.0f} MiB, over the {MAX_DOCUMENT_BYTES // 2**20} MiB limit for one document")
            return
        yield from _read_bytes(path.read_bytes(), origin, fmt)
    except OSError as err:
        yield InputError(origin, f"cannot read: {err.strerror or err}")


def _open_container(path: Path) -> BinaryIO:
    # Python's gzip (not warcio's own reader) so that a truncated archive raises EOFError
    # instead of ending quietly with a short last record.
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _read_stream(stream: BinaryIO, origin: str, fmt: str | None) -> Iterator[Result]:
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)
    try:
        head = buffered.peek(8192)[:8192]
        fmt = fmt or sniff(head)
        if head.startswith(b"\x1f\x8b"):
            buffered = io.BufferedReader(gzip.GzipFile(fileobj=buffered))
        if fmt == "jsonl":
            yield from read_jsonl(buffered, origin)
        elif fmt == "warc":
            yield from read_warc(buffered, origin)
        else:
            data = buffered.read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                yield InputError(origin, f"over the {MAX_DOCUMENT_BYTES // 2**20} MiB limit for one document")
            else:
                yield from _read_bytes(data, origin, fmt)
    except (EOFError, gzip.BadGzipFile) as err:
        yield InputError(origin, f"truncated or corrupt gzip: {err}")


def _read_bytes(data: bytes, origin: str, fmt: str | None, url: str | None = None,
                charset: str | None = None, evidence_dates: list[str] | None = None) -> Iterator[Result]:
    fmt = fmt or sniff(data)
    try:
        if fmt in ("jsonl", "warc"):
            yield from _read_stream(io.BytesIO(data), origin, fmt)
        elif fmt == "feed":
            if not looks_like_feed(data) and data.strip():
                yield InputError(origin, "not an RSS or Atom feed")
                return
            yield from read_feed(data, origin)
        elif fmt == "html":
            yield read_html(data, origin, url=url, charset=charset, evidence_dates=evidence_dates)
        else:
            yield Input(origin=origin, text=decode(data, origin, charset), url=url, evidence_dates=evidence_dates or [])
    except InputError as err:
        yield err


def _read_url(url: str) -> Iterator[Result]:
    try:
        body, headers = fetch(url)
    except InputError as err:
        yield err
        return
    content_type = (headers.get_content_type() or "").lower()
    fmt = ("html" if "html" in content_type else
           "feed" if any(t in content_type for t in ("rss", "atom", "xml")) else
           "text" if content_type == "text/plain" else None)
    modified = iso_date(headers.get("Last-Modified"))
    yield from _read_bytes(body, url, fmt, url=url, charset=headers.get_content_charset(),
                           evidence_dates=[modified] if modified else [])


def sniff(head: bytes) -> str:
    """The format of data with no telling name, from its first bytes."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.decompress(head) if len(head) < 8192 else gzip.GzipFile(fileobj=io.BytesIO(head)).read(512)
        except (EOFError, OSError):
            return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/"):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if stripped.startswith(b"<") and any(tag in stripped for tag in (b"<html", b"<!doctype html", b"<body", b"<p", b"<div", b"<article")):
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "text"
