"""CSV: one table per kind of thing (documents, entities, mentions, statements, events, dates).

Every row carries the ids that join it to the others, so the tables load as they are into a
spreadsheet, R or pandas. The columns are the fields of the record's models (`sitrep.record`), in
their order; a list in a cell (a statement's `via`, an entity's `roles`) is written as JSON.
"""
import csv
import json
import typing
from pathlib import Path

from sitrep.record import DateMention, Entity, Event, Record, Span, Statement, field_names
from sitrep.store import Store


def _scalar_fields(model) -> list[str]:
    """A model's fields that hold one value, not a list or a mapping: a document's own columns."""
    return [name for name, info in zip(field_names(model), model.model_fields.values())
            if typing.get_origin(info.annotation) not in (list, dict) and name != "schema"]


COLUMNS = {
    "documents": _scalar_fields(Record),
    "entities": [name for name in field_names(Entity) if name != "mentions"],
    "mentions": ["document_id", "entity_id", *field_names(Span)],
    "statements": ["document_id", *field_names(Statement)],
    "events": ["document_id", *field_names(Event)],
    "dates": ["document_id", *field_names(DateMention)],
}


def write(store: Store, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    files = {name: (out / f"{name}.csv").open("w", newline="", encoding="utf-8") for name in COLUMNS}
    try:
        writers = {name: csv.DictWriter(f, COLUMNS[name], extrasaction="ignore") for name, f in files.items()}
        for writer in writers.values():
            writer.writeheader()
        seen_entities = set()
        for record in store.records():
            writers["documents"].writerow(record)
            for entity in record["entities"]:
                if entity["id"] not in seen_entities:
                    seen_entities.add(entity["id"])
                    writers["entities"].writerow(_cells(entity))
                for mention in entity["mentions"]:
                    writers["mentions"].writerow({"document_id": record["id"], "entity_id": entity["id"], **mention})
            for kind in ("statements", "events", "dates"):
                for row in record[kind]:
                    writers[kind].writerow({"document_id": record["id"], **_cells(row)})
    finally:
        for f in files.values():
            f.close()


def _cells(row: dict) -> dict:
    """A row with its lists written as JSON, one cell each."""
    return {key: json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value for key, value in row.items()}
