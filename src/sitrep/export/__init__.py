"""Exports of the knowledge base to the formats the field's tools read.

One module per format, each with `write(store, out)`: JSON Lines of `sitrep/1` records,
CSV tables, GraphML (Gephi), FollowTheMoney entities (Aleph, OpenSanctions) and a STIX 2.1
bundle (OpenCTI, MISP).
"""
from collections.abc import Callable
from pathlib import Path

from sitrep.export import ftm, graphml, jsonl, stix, tables
from sitrep.store import Store

FORMATS: dict[str, Callable[[Store, Path], None]] = {
    "jsonl": jsonl.write, "csv": tables.write, "graphml": graphml.write, "ftm": ftm.write, "stix": stix.write,
}


def export(store: Store, fmt: str, out: str | Path) -> Path:
    """Write the knowledge base to `out` in format `fmt` (a folder for csv, a file otherwise)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    path = Path(out)
    if fmt == "csv":
        FORMATS[fmt](store, path)
        return path
    # Written beside the target and moved into place whole: a failed export leaves no half file.
    partial = path.with_name(f".{path.name}.partial")
    try:
        FORMATS[fmt](store, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
