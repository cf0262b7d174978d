"""Running the pipeline over a stream of inputs: the library API that the CLI wraps.

Bad inputs never stop a batch: each InputError goes to `on_error` (by default raised),
and documents stream through one at a time, so memory does not grow with the batch.
"""
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, BinaryIO

from sitrep import readers
from sitrep.errors import InputError
from sitrep.pipeline import process
from sitrep.schema import Document, Input, to_record
from sitrep.store import Added, Store

ErrorHandler = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def documents(inputs: Iterable[str] | str, on_error: ErrorHandler = _raise,
              stdin: BinaryIO | None = None, workers: int = 1) -> Iterator[Document]:
    """The Documents of the named inputs (paths, folders, URLs, `-`), in input order.

    With `workers` > 1 the pipeline runs in that many processes; inputs are read here and
    handed out a few at a time, so memory stays flat however long the stream.
    """
    items = readers.read([inputs] if isinstance(inputs, str) else inputs, stdin=stdin)
    results = _in_processes(items, workers) if workers > 1 else map(_process_or_error, items)
    for result in results:
        if isinstance(result, InputError):
            on_error(result)
        else:
            yield result


def _process_or_error(item: Input | InputError) -> Document | InputError:
    if isinstance(item, InputError):
        return item
    try:
        return process(item)
    except InputError as error:
        return error


def _in_processes(items: Iterable[Input | InputError], workers: int) -> Iterator[Document | InputError]:
    """`_process_or_error` over `items` in worker processes, in order, with a bounded window."""
    window: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for item in items:
            window.append(pool.submit(_process_or_error, item))
            if len(window) >= 4 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def extract(inputs: Iterable[str] | str, on_error: ErrorHandler = _raise,
            stdin: BinaryIO | None = None, workers: int = 1) -> Iterator[dict[str, Any]]:
    """The `sitrep/1` records of the named inputs, exactly as `sitrep extract` writes them."""
    for doc in documents(inputs, on_error=on_error, stdin=stdin, workers=workers):
        yield to_record(doc)


def ingest(inputs: Iterable[str] | str, store: Store, on_error: ErrorHandler = _raise,
           stdin: BinaryIO | None = None, workers: int = 1, reprocess: bool = False) -> Iterator[Added]:
    """Extract the named inputs and store each document as it comes; yields what each did.

    Storing stays in this process (one writer, one transaction per document). With `reprocess`,
    documents already stored get the extractions of this run in place of their old ones."""
    for doc in documents(inputs, on_error=on_error, stdin=stdin, workers=workers):
        yield store.add(doc, reprocess=reprocess)
