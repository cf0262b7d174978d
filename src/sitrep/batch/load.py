"""Loading a batch's Parquet output into a knowledge base: the finished shards, in plan order,
a batch of documents per write transaction, with the signatures the map stage computed.

Near-duplicates are linked as each document is stored (the first copy loaded is the original);
claims are regrouped once, after the load (`claims.update`, by the caller). Loading the same
output twice stores each document once.
"""
from collections.abc import Iterator
from pathlib import Path

from sitrep.batch import records, shard_files
from sitrep.store import Added, Store

# Documents written in one transaction: large enough that the commit's cost is shared, small
# enough that a crash loses little and other writers wait little.
BATCH_ROWS = 200


def load(out: str | Path, store: Store, batch_rows: int = BATCH_ROWS) -> Iterator[Added]:
    """Store every document of the batch in `out`; yields what storing each one did."""
    for path in shard_files(out):
        for batch in records.documents(path, batch_rows):
            for added, (doc, _signature) in zip(store.add_many(batch), batch):
                added.origin, added.notes = doc.origin, doc.notes
                yield added
