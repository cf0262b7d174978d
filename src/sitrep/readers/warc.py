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


class _Truncated(Exception):
    """The compressed stream ended early (an EOFError that warcio would take for the end)."""


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its multi-line warning on stderr: bad lengths are counted in
    `err_count` and reported as one line by the reader."""

    INC_RECORD = ""


class _StrictStream:
    """Reads through to a stream, keeping a truncated gzip from passing for a clean end."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw

    def read(self, size: int = -1) -> bytes:
        # read1: what one decompression step gives, so the records before the damage arrive.
        read = getattr(self.raw, "read1", self.raw.read)
        try:
            return read(size)
        except EOFError as err:
            raise _Truncated(str(err)) from err


def read_warc(stream: BinaryIO, origin: str) -> Iterator[Input | InputError]:
    """Every HTML page a WARC stream holds (responses and resources with status 200).

    An archive that yields no page at all is an error that says why, never a quiet nothing."""
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.strip() and not head.lstrip().upper().startswith(b"WARC/"):
        yield InputError(origin, "not a WARC file: it does not start with a WARC/1.x record header")
        return
    number = pages = 0
    try:
        records = _QuietArchiveIterator(_StrictStream(stream))
        for record in records:
            number += 1
            member = f"{origin}#{number}"
            if record.rec_type is None:
                yield InputError(member, "malformed WARC record: no WARC-Type header")
                continue
            if record.rec_type not in ("response", "resource"):
                continue
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
                yield InputError(member, f"HTML response over {MAX_RECORD_BYTES // 2**20} MiB, skipped")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise EOFError(f"record {number} is shorter than its Content-Length")
            warc_date = record.rec_headers.get_header("WARC-Date")
            pages += 1
            try:
                yield read_html(payload, member, url=record.rec_headers.get_header("WARC-Target-URI"),
                                charset=_charset(content_type), evidence_dates=[warc_date] if warc_date else [])
            except InputError as err:
                yield err
        damage = [f"{records.err_count} record(s) longer or shorter than their Content-Length"] if records.err_count else []
        if number == 0:
            yield InputError(origin, "malformed WARC: no record could be read")
        elif pages == 0:
            yield InputError(origin, "; ".join([f"no HTML page with status 200 among its {number} record(s)", *damage]))
        elif damage:
            yield InputError(origin, damage[0])
    except _Truncated as err:
        yield InputError(origin, f"truncated gzip {_where(number)}: {err}")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
        yield InputError(origin, f"corrupt or truncated WARC {_where(number)}: {err}".strip())
    except Exception:  # noqa: BLE001 - warcio fails on corrupt bytes in ways of its own, none worth showing
        yield InputError(origin, f"corrupt WARC {_where(number)}: a record header that cannot be parsed")


def _where(number: int) -> str:
    return f"near record {number}" if number else "at its start"


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
