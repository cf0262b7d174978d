"""A batch's shards: its input files in sorted order, cut into runs of about a target size.

The plan depends on the inputs alone, so a rerun over the same inputs finds the same shards and
can skip those already written. A file is never split: a container larger than the target
(a 1 GB WARC) is one shard, which the engine still analyses in parallel batches.
"""
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import InputError
from sitrep.readers import format_of
from sitrep.readers.url import is_url


@dataclass
class Shard:
    name: str
    files: list[str]


def plan(inputs: list[str], shard_bytes: int) -> tuple[list[Shard], list[InputError]]:
    """The shards of the named files and folders (folders read recursively, in sorted order), and
    the inputs that cannot be part of a batch. Standard input and URLs are refused: a batch must
    be able to read its inputs again when it resumes."""
    files: list[Path] = []
    errors: list[InputError] = []
    for name in inputs:
        path = Path(name)
        if name == "-" or is_url(name):
            errors.append(InputError(name, "a batch reads files and folders only (it must be able to read them again to resume)"))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and format_of(p))
            files.extend(found)
            if not found:
                errors.append(InputError(name, "no file sitrep reads in this folder"))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(InputError(name, "no such file or directory"))
    return _cut(files, shard_bytes), errors


def _cut(files: list[Path], shard_bytes: int) -> list[Shard]:
    shards: list[Shard] = []
    current: list[str] = []
    size = 0
    for path in files:
        current.append(str(path))
        size += path.stat().st_size
        if size >= shard_bytes:
            shards.append(Shard(f"shard-{len(shards):05d}", current))
            current, size = [], 0
    if current:
        shards.append(Shard(f"shard-{len(shards):05d}", current))
    return shards
