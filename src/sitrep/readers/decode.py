"""Bytes to text: refuse binary data, detect the encoding of everything else.

Scraped text arrives as UTF-8 (with or without BOM), UTF-16, cp1251, latin-1 and worse;
we try the strict, cheap answers first and fall back to charset-normalizer's detection.
"""
import codecs

from charset_normalizer import from_bytes

from sitrep.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed: rare in text,
# common in binary formats.
_CONTROL = bytes(range(0, 32)).translate(None, b"\t\n\r\x0c")


def looks_binary(data: bytes) -> bool:
    """True when the bytes are a binary format (image, PDF, archive) rather than text."""
    sample = data[:8192]
    if not sample or any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls / len(sample) > 0.05


def decode(data: bytes, origin: str, declared: str | None = None) -> str:
    """Return `data` as text, or raise InputError when it is empty, binary or undecodable.

    `declared` is an encoding named by the container (HTTP header, feed, WARC) and is tried
    after a BOM and strict UTF-8, which are never wrong when they succeed.
    """
    if not data.strip():
        raise InputError(origin, "empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, origin)
    if looks_binary(data):
        raise InputError(origin, "binary data, not text")
    for encoding in ("utf-8", declared):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(origin, "undecodable bytes: no text encoding fits")
    return data.decode(best.encoding, errors="replace")


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(origin, f"undecodable bytes for its {encoding} byte-order mark at byte {err.start}")
