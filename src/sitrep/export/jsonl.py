"""The stored documents as `sitrep/1` records, one JSON object per line."""
import json
from pathlib import Path

from sitrep.store import Store


def write(store: Store, out: Path) -> None:
    with out.open("w", encoding="utf-8") as stream:
        for record in store.records():
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
