"""The map stage of a batch, the same whatever engine runs it: read and prepare a shard's
documents, then analyse them a batch at a time and compute each one's near-duplicate signature.

What goes between stages is a `Result`: a prepared or analysed Document, an InputError, or None
for a shard that yielded nothing at all (so that the driver still hears of it).
"""
from sitrep import dedup, readers
from sitrep.batch.records import row_of
from sitrep.errors import InputError
from sitrep.pipeline import analyse_documents, prepare
from sitrep.schema import Document

Result = Document | InputError | dict | None


def read_shard(files: list[str]) -> list[Result]:
    """Every document of a shard's files, prepared (cleaned, with its id), and every bad input."""
    items: list[Result] = []
    for item in readers.read(files):
        if isinstance(item, InputError):
            items.append(item)
            continue
        try:
            items.append(prepare(item))
        except InputError as error:
            items.append(error)
    return items or [None]


def analyse_batch(items: list[Result]) -> list[Result]:
    """The analysed documents of a batch as Parquet rows (with their signatures), in order; errors
    and placeholders pass through. The documents share the model's batches."""
    docs = [item for item in items if isinstance(item, Document)]
    analyse_documents(docs)
    return [row_of(item, dedup.signature(item.text)) if isinstance(item, Document) else item for item in items]
