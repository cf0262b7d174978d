"""The Ray engine: the same map stage on Ray Data, on this machine or on a cluster (`address`).

Shards are read and prepared by Ray tasks (`flat_map`), and their documents analysed by a pool of
actors (`map_batches` with `Analyser`), each of which loads the spaCy pipeline once and parses
a batch of documents at a time. Results stream back to the driver, which writes each shard when
all of its documents are in. On a cluster every node needs this sitrep installed and the input
files at the same paths (a shared file system).
"""
import logging
import os
import pickle
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sitrep.batch import watchdog
from sitrep.batch.plan import Shard
from sitrep.batch.work import Result, analyse_batch, read_shard

# Reading and preparing is light beside the analysis: the read tasks ask for a quarter of a CPU
# between them, and the actors share the rest, so reading always finds room beside actors that
# would otherwise hold every CPU (and wait forever for documents no task could read).
READ_CPUS = 0.25


class Analyser:
    """A Ray Data actor: the spaCy pipeline, loaded once, over batches of prepared documents."""

    def __init__(self) -> None:
        from sitrep.nlp.analyse import pipeline

        pipeline()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        items = [pickle.loads(item) for item in batch["item"]]
        results = analyse_batch(items)
        return {"shard": list(batch["shard"]), "total": list(batch["total"]),
                "item": [pickle.dumps(result) for result in results]}


def _read(row: dict[str, Any]) -> list[dict[str, Any]]:
    items = read_shard(list(row["files"]))
    return [{"shard": row["shard"], "total": len(items), "item": pickle.dumps(item)} for item in items]


class RayEngine:
    def __init__(self, workers: int | None = None, address: str | None = None, batch_size: int = 16):
        self.workers = workers
        self.address = address
        self.batch_size = batch_size

    def start(self) -> tuple[int, float]:
        """Connect to the cluster at `address`, or start Ray on this machine with `workers` CPUs
        (by default every CPU), which ends with this process; the number of actors (`workers`, by
        default one per CPU) and the CPUs each asks for."""
        import ray

        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, logging_level=logging.WARNING, log_to_driver=False)
            else:
                # "local": a Ray of this batch's own, even if RAY_ADDRESS or a `ray start` points
                # elsewhere; marked, so that it ends with the batch even after a kill -9.
                with watchdog.marked():
                    ray.init(address="local", num_cpus=self.workers or os.cpu_count() or 1, include_dashboard=False,
                             logging_level=logging.WARNING, log_to_driver=False)
        ray.data.DataContext.get_current().enable_progress_bars = False  # the command shows its own
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # after ray.data's own logging set-up
        cpus = float(ray.cluster_resources().get("CPU", 1))
        actors = self.workers or max(1, int(cpus))
        return actors, min(1.0, (cpus - READ_CPUS) / actors)

    def run(self, shards: list[Shard]) -> Iterator[tuple[str, int, list[Result]]]:
        """(shard name, the shard's number of results, some of its results) as batches finish."""
        import ray

        actors, cpus_each = self.start()
        dataset = (ray.data.from_items([{"shard": s.name, "files": s.files} for s in shards],
                                       override_num_blocks=len(shards))
                   .flat_map(_read, num_cpus=READ_CPUS / 2)
                   .map_batches(Analyser, batch_size=self.batch_size, compute=ray.data.ActorPoolStrategy(size=actors),
                                num_cpus=cpus_each, batch_format="numpy"))
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            grouped: dict[tuple[str, int], list[Result]] = defaultdict(list)
            for shard, total, item in zip(batch["shard"], batch["total"], batch["item"]):
                grouped[(str(shard), int(total))].append(pickle.loads(item))
            for (shard, total), results in grouped.items():
                yield shard, total, results
