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
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
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
    encoding = _detect(data[:200_000])
    if encoding is None:
        raise InputError(origin, "undecodable bytes: no text encoding fits")
    return data.decode(encoding, errors="replace")


def _detect(sample: bytes) -> str | None:
    """The most plausible legacy encoding; between equally plausible ones, windows-1252.

    Short Western texts fit cp1250 and cp1252 equally well; the web's default legacy
    encoding (as the HTML standard treats latin-1) is the better bet.
    """
    matches = [m for m in from_bytes(sample) if m.encoding]
    if not matches:
        return None
    best = min((m.chaos, -m.coherence) for m in matches)
    tied = [m.encoding for m in matches if (m.chaos, -m.coherence) == best]
    return next((enc for enc in tied if enc in _WESTERN), tied[0])


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(origin, f"undecodable bytes for its {encoding} byte-order mark at byte {err.start}")
