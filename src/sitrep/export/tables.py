"""CSV: one table per kind of thing (documents, entities, mentions, statements, events, dates).

Every row carries the ids that join it to the others, so the tables load as they are into a
spreadsheet, R or pandas.
"""
import csv
import json
from pathlib import Path

from sitrep.store import Store

COLUMNS = {
    "documents": ["id", "title", "published", "source", "url", "language", "origin", "text"],
    "entities": ["id", "name", "type", "wikidata"],
    "mentions": ["document_id", "entity_id", "start", "end", "text"],
    "statements": ["document_id", "id", "kind", "source", "source_text", "via", "cue", "content", "start", "end",
                   "date", "confidence", "hedges", "polarity"],
    "events": ["document_id", "type", "mode", "actor", "target", "date", "location", "statement", "start", "end"],
    "dates": ["document_id", "text", "start", "end", "value"],
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
                    writers["entities"].writerow(entity)
                for mention in entity["mentions"]:
                    writers["mentions"].writerow({"document_id": record["id"], "entity_id": entity["id"], **mention})
            for kind in ("statements", "events", "dates"):
                for row in record[kind]:
                    flat = {k: json.dumps(v) if isinstance(v, list) else v for k, v in row.items()}
                    writers[kind].writerow({"document_id": record["id"], **flat})
    finally:
        for f in files.values():
            f.close()
