"""Batch runs over large inputs: records written as Parquet shards beside a manifest, so that a
run killed at any point resumes where it stopped and yields every document exactly once.

The inputs are cut into shards (`plan.py`); an engine, local processes (`local.py`) or Ray Data
on this machine or a cluster (`on_ray.py`), runs the map stage (`work.py`: read, prepare,
analyse in batches, near-duplicate signature), and this driver writes each shard as soon as all
its documents are back (`records.py`), then records it in the manifest (`manifest.py`). The
pipeline does not know which engine runs it.
"""
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.batch import records
from sitrep.batch.manifest import Manifest, ManifestError
from sitrep.batch.plan import plan
from sitrep.batch.work import Result
from sitrep.errors import InputError

__all__ = ["ManifestError", "Summary", "run", "shard_files"]

ENGINES = ("local", "ray")
DEFAULT_SHARD_MB = 64


@dataclass
class Summary:
    """What a batch run did: shards in the plan, done before this run, and written by it;
    documents written, exact copies dropped (a text already written), and inputs that failed."""

    shards: int = 0
    done_before: int = 0
    written: int = 0
    documents: int = 0
    duplicates: int = 0
    failed: int = 0


def run(inputs: list[str], out: str | Path, engine: str = "local", workers: int | None = None,
        address: str | None = None, shard_mb: float = DEFAULT_SHARD_MB, batch_size: int = 16,
        on_error: Callable[[InputError], None] = lambda error: None,
        on_shard: Callable[[str, int, int, int], None] = lambda name, documents, done, shards: None) -> Summary:
    """Extract every document of the named files and folders into Parquet shards under `out`.

    Shards already in the manifest are skipped (a rerun after a crash does only the rest); a
    text already written, in this run or a finished shard, is not written again. `on_error` hears
    of each bad input, `on_shard` of each shard written (its name, its documents, the shards done
    so far and in all).
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(".*.tmp"):
        leftover.unlink()
    shards, refused = plan(inputs, int(shard_mb * 2**20))
    manifest = Manifest.open(folder, list(inputs), int(shard_mb * 2**20), shards)
    summary = Summary(shards=len(shards), done_before=len(shards) - len(manifest.pending()))
    for error in refused:
        _failed(summary, error, on_error)
    seen = {doc_id for name in manifest.done for doc_id in records.ids(folder / manifest.done[name]["file"])}
    pending = manifest.pending()
    if not pending:
        return summary
    chosen = _engine(engine, workers, address, batch_size)
    for name, results in _complete_shards(chosen.run(pending)):
        rows, errors, duplicates = [], [], 0
        for result in results:
            if isinstance(result, InputError):
                errors.append(result)
                _failed(summary, result, on_error)
            elif isinstance(result, dict):
                if result["id"] in seen:
                    duplicates += 1
                else:
                    seen.add(result["id"])
                    rows.append(result)
        records.write(folder / f"{name}.parquet", rows)
        manifest.done[name] = {"file": f"{name}.parquet", "documents": len(rows), "duplicates": duplicates,
                               "errors": [[e.origin, e.reason] for e in errors]}
        manifest.save(folder)
        summary.written += 1
        summary.documents += len(rows)
        summary.duplicates += duplicates
        on_shard(name, len(rows), len(manifest.done), len(shards))
    return summary


def shard_files(out: str | Path) -> list[Path]:
    """The shard files of the finished shards of the batch in `out`, in plan order."""
    folder = Path(out)
    stored = Manifest.read(folder)
    return [folder / stored.done[shard.name]["file"] for shard in stored.shards if shard.name in stored.done]


def _complete_shards(stream: Iterator[tuple[str, int, list[Result]]]) -> Iterator[tuple[str, list[Result]]]:
    """Each shard's results, once all of them are in (an engine may interleave shards)."""
    partial: dict[str, list[Result]] = {}
    for name, total, results in stream:
        collected = partial.setdefault(name, [])
        collected.extend(results)
        if len(collected) >= total:
            yield name, partial.pop(name)


def _failed(summary: Summary, error: InputError, on_error: Callable[[InputError], None]) -> None:
    summary.failed += 1
    on_error(error)


def _engine(name: str, workers: int | None, address: str | None, batch_size: int):
    if name == "ray":
        from sitrep.batch.on_ray import RayEngine

        return RayEngine(workers, address, batch_size)
    from sitrep.batch.local import LocalEngine

    return LocalEngine(workers or 1, batch_size)
