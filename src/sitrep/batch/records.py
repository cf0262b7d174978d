"""A batch's records as Parquet rows: the `sitrep/1` record, its near-duplicate signature and
the pipeline's notes, written one shard per file, atomically.

The columns are read off the record's models (`sitrep.record`): scalar fields are typed columns
(id, title, published, source, url, language, text...), so that any Parquet reader can filter on
them; what nests objects (entities, statements, events, dates, versions) is one JSON column each,
in the record's own shape, so the record keeps one definition.
"""
import json
import os
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from sitrep import __version__, dedup
from sitrep.record import FIELD_ORDER, Record
from sitrep.schema import Document, from_record, to_record


def _as_json(annotation: Any) -> bool:
    """Whether a record field holds objects (a list of them, or a mapping): one JSON column."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    return origin is dict or (origin is list and args[0] is not str)


def _column(name: str) -> pa.DataType:
    annotation = Record.model_fields[name].annotation
    return pa.list_(pa.string()) if annotation == list[str] else pa.string()


# The record's fields but `schema` (every row is `sitrep/1`), in its order; then the batch's own.
RECORD_COLUMNS = tuple(name for name in FIELD_ORDER if name != "schema")
JSON_COLUMNS = tuple(name for name in RECORD_COLUMNS if _as_json(Record.model_fields[name].annotation))
SCHEMA = pa.schema([
    *[(name, _column(name)) for name in RECORD_COLUMNS],
    ("notes", pa.list_(pa.string())), ("signature", pa.binary()), ("sitrep_version", pa.string()),
])


def row_of(doc: Document, signature: np.ndarray) -> dict[str, Any]:
    """One document's Parquet row."""
    record = to_record(doc)
    record.pop("schema")
    for name in JSON_COLUMNS:
        record[name] = json.dumps(record[name], ensure_ascii=False)
    return {**record, "notes": list(doc.notes), "signature": dedup.to_bytes(signature), "sitrep_version": __version__}


def write(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write a shard's rows so that `path` either holds them all or does not exist: a temporary
    file beside it, flushed to disk, then renamed over it (a crash leaves only the temporary)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), temporary, compression="zstd")
    with open(temporary, "rb") as written:
        os.fsync(written.fileno())
    os.replace(temporary, path)


def ids(path: Path) -> list[str]:
    """The document ids of one shard file."""
    return pq.read_table(path, columns=["id"]).column("id").to_pylist()


def documents(path: Path, batch_rows: int = 200) -> Iterator[list[tuple[Document, np.ndarray]]]:
    """A shard file's documents with their signatures, a batch of rows at a time."""
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        yield [(_document(row), dedup.from_bytes(row["signature"])) for row in batch.to_pylist()]


def _document(row: dict[str, Any]) -> Document:
    record = {key: row[key] for key in RECORD_COLUMNS if key in row}  # a shard of before has no versions
    for name in JSON_COLUMNS:
        if name in record:
            record[name] = json.loads(record[name])
    doc = from_record(record)
    doc.notes = list(row["notes"] or [])
    return doc
