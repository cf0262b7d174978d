"""Exports of the knowledge base to the formats the field's tools read.

One module per format, each with `write(store, out)`: JSON Lines of `sitrep/1` records,
CSV tables, GraphML (Gephi), FollowTheMoney entities (Aleph, OpenSanctions) and a STIX 2.1
bundle (OpenCTI, MISP). A format's module (and its library) is imported only when used.
"""
import importlib
import shutil
import sys
import tempfile
from pathlib import Path

FORMATS: dict[str, str] = {"jsonl": "jsonl", "csv": "tables", "graphml": "graphml", "ftm": "ftm", "stix": "stix"}
# Formats written as one file (csv is a folder of tables).
SINGLE_FILE = frozenset(FORMATS) - {"csv"}
STDOUT = "-"


def export(store, fmt: str, out: str | Path) -> Path | str:
    """Write the knowledge base to `out` in format `fmt` (a folder for csv, a file otherwise, or
    standard output for `-`). A file appears whole or not at all."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    write = importlib.import_module(f"sitrep.export.{FORMATS[fmt]}").write
    if str(out) == STDOUT:
        if fmt not in SINGLE_FILE:
            raise ValueError(f"{fmt} is a folder of files: give --out a folder, not standard output")
        with tempfile.TemporaryDirectory() as tmp:
            written = Path(tmp) / f"export.{fmt}"
            write(store, written)
            with written.open("rb") as stream:
                shutil.copyfileobj(stream, sys.stdout.buffer)
            sys.stdout.flush()
        return STDOUT
    path = Path(out)
    if fmt not in SINGLE_FILE:
        write(store, path)
        return path
    # Written beside the target and moved into place whole: a failed export leaves no half file.
    partial = path.with_name(f".{path.name}.partial")
    try:
        write(store, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
