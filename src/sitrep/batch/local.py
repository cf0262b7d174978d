"""The local engine: the map stage in this process, or in N worker processes on this machine.

A shard is read and prepared here; its documents go to the workers a batch at a time (a bounded
window of batches in flight, so memory stays flat), and come back in order.
"""
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from sitrep.batch.plan import Shard
from sitrep.batch.work import Result, analyse_batch, read_shard


class LocalEngine:
    def __init__(self, workers: int = 1, batch_size: int = 16):
        self.workers = workers
        self.batch_size = batch_size

    def run(self, shards: list[Shard]) -> Iterator[tuple[str, int, list[Result]]]:
        """(shard name, the shard's number of results, some of its results) as batches finish."""
        if self.workers == 1:
            for shard, total, batch in self._batches(shards):
                yield shard, total, analyse_batch(batch)
            return
        window: deque[tuple[str, int, Future]] = deque()
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            for shard, total, batch in self._batches(shards):
                window.append((shard, total, pool.submit(analyse_batch, batch)))
                if len(window) >= 2 * self.workers:
                    name, count, future = window.popleft()
                    yield name, count, future.result()
            while window:
                name, count, future = window.popleft()
                yield name, count, future.result()

    def _batches(self, shards: list[Shard]) -> Iterator[tuple[str, int, list[Result]]]:
        for shard in shards:
            items = read_shard(shard.files)
            for start in range(0, len(items), self.batch_size):
                yield shard.name, len(items), items[start:start + self.batch_size]
