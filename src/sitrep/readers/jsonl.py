"""JSON Lines of articles: one object per line with `text` or `html`, and optional
`title`, `url`, `published`, `source`.

Streamed line by line with a cap on a line's length, so a huge file or a runaway record
costs no more memory than one record.
"""
import json
from collections.abc import Iterator
from typing import BinaryIO

from sitrep.dateline import iso_date
from sitrep.errors import InputError
from sitrep.readers.decode import decode
from sitrep.readers.html import read_html
from sitrep.schema import Input

MAX_LINE_BYTES = 50 * 1024 * 1024


def read_jsonl(stream: BinaryIO, origin: str) -> Iterator[Input | InputError]:
    """Each line of a JSON Lines stream as an Input, or an InputError naming `origin#N`."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        member = f"{origin}#{number}"
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield InputError(member, f"line longer than {MAX_LINE_BYTES // 2**20} MiB, skipped")
            continue
        if not line.strip():
            continue
        try:
            yield _record(line, member)
        except InputError as err:
            yield err


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1024 * 1024)
        if not chunk or chunk.endswith(b"\n"):
            return


def _record(line: bytes, origin: str) -> Input:
    try:
        item = json.loads(decode(line, origin))
    except json.JSONDecodeError as err:
        raise InputError(origin, f"not valid JSON ({err.msg} at column {err.colno})")
    if not isinstance(item, dict):
        raise InputError(origin, "a JSON Lines record must be an object")
    fields = {key: item.get(key) if isinstance(item.get(key), str) else None
              for key in ("title", "url", "published", "source", "text", "html")}
    if fields["html"] and not fields["text"]:
        page = read_html(fields["html"], origin, url=fields["url"])
        page.title = fields["title"] or page.title
        page.published = iso_date(fields["published"]) or page.published
        page.source = fields["source"] or page.source
        return page
    if not (fields["text"] or "").strip():
        raise InputError(origin, "record has no `text` or `html`")
    return Input(origin=origin, text=fields["text"], title=fields["title"], url=fields["url"],
                 published=iso_date(fields["published"]), source=fields["source"])
