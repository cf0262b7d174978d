"""The stored documents as `sitrep/1` records, one JSON object per line, each with its
`duplicate_of` link (the first copy of a syndicated story), which sitrep/1 readers ignore."""
import json
from pathlib import Path

from sitrep.store import Store


def write(store: Store, out: Path) -> None:
    with out.open("w", encoding="utf-8") as stream:
        for record in store.records(keep=("duplicate_of",)):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
