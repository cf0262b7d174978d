"""WARC files (`.warc`, `.warc.gz`): one document per HTML response, streamed.

The member number in `origin` ("crawl.warc.gz#17") is the record's position in the file.
A truncated or corrupt archive yields the documents before the damage, then an InputError.
"""
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.errors import InputError
from sitrep.readers.html import read_html
from sitrep.schema import Input

MAX_RECORD_BYTES = 50 * 1024 * 1024


def read_warc(stream: BinaryIO, origin: str) -> Iterator[Input | InputError]:
    """Every HTML page a WARC stream holds (responses and resources with status 200)."""
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            member = f"{origin}#{number}"
            if record.http_headers is not None:
                if record.http_headers.get_statuscode() != "200":
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
            else:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            if "html" not in content_type.lower():
                continue
            payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
            if len(payload) > MAX_RECORD_BYTES:
                yield InputError(member, f"HTML response over {MAX_RECORD_BYTES // (1024 * 1024)} MB, skipped")
                continue
            warc_date = record.rec_headers.get_header("WARC-Date")
            try:
                yield read_html(payload, member, url=record.rec_headers.get_header("WARC-Target-URI"),
                                charset=_charset(content_type), evidence_dates=[warc_date] if warc_date else [])
            except InputError as err:
                yield err
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
        where = f"after record {number}" if number else "at its start"
        yield InputError(origin, f"corrupt or truncated WARC {where}: {err}".strip())


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
