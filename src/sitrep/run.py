"""Running the pipeline over a stream of inputs: the library API that the CLI wraps.

Bad inputs never stop a batch: each InputError goes to `on_error` (by default raised),
and documents stream through one at a time, so memory does not grow with the batch.
"""
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from sitrep import readers
from sitrep.errors import InputError
from sitrep.pipeline import analyse_documents, prepare
from sitrep.schema import Document, Input, to_record

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported by `ingest` alone: `extract` never needs it
    from sitrep.store import Added, Store

ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def documents(inputs: Iterable[str] | str, on_error: ErrorHandler = _raise,
              stdin: BinaryIO | None = None, workers: int = 1) -> Iterator[Document]:
    """The Documents of the named inputs (paths, folders, URLs, `-`), in input order.

    With `workers` > 1 the analysis runs in that many processes; inputs are read and prepared
    here and handed out a few at a time, so memory stays flat however long the stream.
    """
    for result in _stream(inputs, stdin, workers):
        if isinstance(result, InputError):
            on_error(result)
        else:
            yield result


@dataclass
class _AlreadyStored:
    """A prepared document the knowledge base holds already: it passes the analysis untouched."""

    id: str
    origin: str


def _stream(inputs: Iterable[str] | str, stdin: BinaryIO | None, workers: int,
            stored: Callable[[str], bool] | None = None) -> Iterator[Document | InputError | _AlreadyStored]:
    """Read and prepare every input here, skip those `stored` says are kept, analyse the rest a
    few documents at a time (the model parses a batch faster than its documents one by one)."""
    items = readers.read([inputs] if isinstance(inputs, str) else inputs, stdin=stdin)
    prepared = map(_prepare_or_error, items)
    if stored is not None:
        prepared = (_AlreadyStored(item.id, item.origin) if isinstance(item, Document) and stored(item.id) else item
                    for item in prepared)
    batches = _batches(prepared, BATCH_DOCUMENTS)
    analysed = _in_processes(batches, workers) if workers > 1 else map(_analyse_batch, batches)
    return (item for batch in analysed for item in batch)


# Documents analysed together: enough to fill the model's batches with short articles, few
# enough that the first records come out at once.
BATCH_DOCUMENTS = 8


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepare_or_error(item: Input | InputError) -> Document | InputError:
    if isinstance(item, InputError):
        return item
    try:
        return prepare(item)
    except InputError as error:
        return error


def _analyse_batch(items: list[Document | InputError | _AlreadyStored]) -> list[Document | InputError | _AlreadyStored]:
    """The batch with its documents analysed together; errors and stored documents pass untouched."""
    analyse_documents([item for item in items if isinstance(item, Document)])
    return items


def _in_processes(batches: Iterable[list[Any]], workers: int) -> Iterator[list[Any]]:
    """`_analyse_batch` over `batches` in worker processes, in order, with a bounded window."""
    window: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for batch in batches:
            window.append(pool.submit(_analyse_batch, batch))
            if len(window) >= 2 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def extract(inputs: Iterable[str] | str, on_error: ErrorHandler = _raise,
            stdin: BinaryIO | None = None, workers: int = 1) -> Iterator[dict[str, Any]]:
    """The `sitrep/1` records of the named inputs, exactly as `sitrep extract` writes them."""
    for doc in documents(inputs, on_error=on_error, stdin=stdin, workers=workers):
        yield to_record(doc)


def ingest(inputs: Iterable[str] | str, store: "Store", on_error: ErrorHandler = _raise,
           stdin: BinaryIO | None = None, workers: int = 1, reprocess: bool = False) -> Iterator["Added"]:
    """Extract the named inputs and store each document as it comes; yields what each did.

    A document the knowledge base already holds is recognised by its id once cleaned and is not
    analysed again (a crashed batch resumes where it stopped), unless `reprocess`: then it gets
    the extractions of this run in place of its old ones. Storing stays in this process (one
    transaction per document); other processes may write to the same knowledge base meanwhile.
    """
    from sitrep.store import Added

    for result in _stream(inputs, stdin, workers, stored=None if reprocess else store.has):
        if isinstance(result, InputError):
            on_error(result)
        elif isinstance(result, _AlreadyStored):
            yield Added(result.id, "exists", origin=result.origin)
        else:
            added = store.add(result, reprocess=reprocess)
            added.origin, added.notes = result.origin, result.notes
            yield added
