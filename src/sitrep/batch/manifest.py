"""A batch's manifest: the plan of its shards and what each finished shard holds.

It is rewritten atomically after every shard (a temporary file renamed over it), so after a
crash it names exactly the shards whose files are complete; a shard file it does not name is
redone and replaced.
"""
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitrep.batch.plan import Shard

FORMAT = "sitrep-batch/1"
# Named with a leading underscore so that Parquet readers (pyarrow, DuckDB) given the folder skip it.
NAME = "_manifest.json"


class ManifestError(Exception):
    """The output folder holds a batch that is not this one (other inputs or shard size)."""


@dataclass
class Manifest:
    inputs: list[str]
    shard_bytes: int
    shards: list[Shard]
    done: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def open(cls, out: Path, inputs: list[str], shard_bytes: int, shards: list[Shard]) -> "Manifest":
        """The manifest of the batch in `out`: the one there when it plans the same shards (a
        rerun resumes it), else a new one; a folder holding another batch is refused."""
        path = out / NAME
        if not path.exists():
            manifest = cls(inputs, shard_bytes, shards)
            manifest.save(out)
            return manifest
        stored = json.loads(path.read_text("utf-8"))
        planned = [asdict(shard) for shard in shards]
        if stored.get("format") != FORMAT or stored["shards"] != planned or stored["shard_bytes"] != shard_bytes:
            raise ManifestError(f"{out} holds a batch of other inputs or another shard size; use a new --out")
        return cls(stored["inputs"], shard_bytes, shards, stored["done"])

    @classmethod
    def read(cls, out: Path) -> "Manifest":
        """The manifest of the batch in `out`, as it stands; ManifestError when there is none."""
        path = out / NAME
        if not path.is_file():
            raise ManifestError(f"{out}: no {NAME} here (not the output of sitrep batch)")
        stored = json.loads(path.read_text("utf-8"))
        if stored.get("format") != FORMAT:
            raise ManifestError(f"{path}: not a {FORMAT} manifest")
        return cls(stored["inputs"], stored["shard_bytes"], [Shard(**s) for s in stored["shards"]], stored["done"])

    def save(self, out: Path) -> None:
        """Write the manifest atomically."""
        data = {"format": FORMAT, "inputs": self.inputs, "shard_bytes": self.shard_bytes,
                "shards": [asdict(shard) for shard in self.shards], "done": self.done}
        temporary = out / f".{NAME}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=1)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, out / NAME)

    def pending(self) -> list[Shard]:
        return [shard for shard in self.shards if shard.name not in self.done]
