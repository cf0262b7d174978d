"""Running the pipeline over a stream of inputs: the library API that the CLI wraps.

Bad inputs never stop a batch: each InputError goes to `on_error` (by default raised),
and documents stream through one at a time, so memory does not grow with the batch.
"""
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from sitrep import readers
from sitrep.errors import InputError
from sitrep.pipeline import process
from sitrep.schema import Document, to_record
from sitrep.store import Added, Store

ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def documents(inputs: Iterable[str] | str, on_error: ErrorHandler = _raise,
              stdin: BinaryIO | None = None) -> Iterator[Document]:
    """The Documents of the named inputs (paths, folders, URLs, `-`), in input order."""
    for item in readers.read([inputs] if isinstance(inputs, str) else inputs, stdin=stdin):
        if isinstance(item, InputError):
            on_error(item)
            continue
        try:
            yield process(item)
        except InputError as error:
            on_error(error)


def extract(inputs: Iterable[str] | str, on_error: ErrorHandler = _raise,
            stdin: BinaryIO | None = None) -> Iterator[dict[str, Any]]:
    """The `sitrep/1` records of the named inputs, exactly as `sitrep extract` writes them."""
    for doc in documents(inputs, on_error=on_error, stdin=stdin):
        yield to_record(doc)


def ingest(inputs: Iterable[str] | str, store: Store, on_error: ErrorHandler = _raise,
           stdin: BinaryIO | None = None) -> Iterator[Added]:
    """Extract the named inputs and store each document as it comes; yields what each did."""
    for doc in documents(inputs, on_error=on_error, stdin=stdin):
        yield store.add(doc)
