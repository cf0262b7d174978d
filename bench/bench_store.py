"""Ingest throughput and search latency of the store, on SQLite and on PostgreSQL.

    .venv/bin/python bench/bench_store.py [--docs 10000] [--batch 200] [--queries 60] [--postgresql URL]

Stores the same --docs generated records (bench_brief's dispatches: 6 statements, 3 events and
about 14 mentions each; no analysis, so the figures are the store's alone) into a new SQLite file
and a new PostgreSQL database, --batch documents per `Store.add_many` (what `sitrep load` does),
near-duplicate detection included; then runs --queries searches (names, words, "phrases",
prefix*) once each after one warm-up, printing documents per second and the median and 95th
percentile of the searches. Without --postgresql (an empty database's URL) a throwaway cluster
is started with Debian's binaries, as the tests do.
"""
import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import bench_brief  # noqa: E402  (the generated dispatches)


def generated(docs: int):
    """(document, signature) pairs, as the map stage of a batch hands them to `sitrep load`."""
    from sitrep import dedup

    bench_brief.DOCS = docs  # dispatches spread over the year by their number out of this
    rng = random.Random(15)
    actors = bench_brief._actors(rng)
    claims = [(rng.choice(actors[:200]), rng.choice(actors), rng.choice(bench_brief.VERBS), rng.choice(bench_brief.PLACES),
               rng.choice(bench_brief.LEVELS), "negative" if rng.random() < 0.1 else "positive") for _ in range(3000)]
    for number in range(docs):
        document = bench_brief._document(number, rng, actors, claims)
        yield document, dedup.signature(document.text)


def queries(count: int) -> list[str]:
    rng = random.Random(7)
    words = list(bench_brief.FILLER) + bench_brief.PLACES[:40] + list(bench_brief.VERBS)
    made = []
    for k in range(count):
        kind = k % 4
        if kind == 0:
            made.append(f"Actor{rng.randrange(600)}")
        elif kind == 1:
            made.append(" ".join(rng.sample(words, 2)))
        elif kind == 2:
            made.append(f'"{rng.choice(bench_brief.VERBS)} {rng.choice(bench_brief.PLACES)}"')
        else:
            made.append(rng.choice(words)[:4] + "*")
    return made


def run(location: str, docs: int, batch: int, searches: list[str]) -> dict:
    from sitrep.store import Store

    pairs = list(generated(docs))
    with Store(location) as kb:
        started = time.perf_counter()
        for first in range(0, len(pairs), batch):
            kb.add_many(pairs[first:first + batch])
        ingest = time.perf_counter() - started
        assert kb.count() == docs
        kb.search(searches[0])
        times = []
        for query in searches:
            began = time.perf_counter()
            kb.search(query)
            times.append(time.perf_counter() - began)
    times.sort()
    return {"docs_per_s": docs / ingest, "p50_ms": 1000 * statistics.median(times),
            "p95_ms": 1000 * times[max(0, round(0.95 * len(times)) - 1)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--postgresql", help="the URL of an empty PostgreSQL database (default: a throwaway cluster)")
    args = parser.parse_args()
    searches = queries(args.queries)
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        results["SQLite"] = run(str(Path(folder) / "bench.db"), args.docs, args.batch, searches)
    cluster = None
    if args.postgresql is None:
        from postgresql_cluster import PostgreSQLCluster

        cluster = PostgreSQLCluster.start()
    try:
        results["PostgreSQL"] = run(args.postgresql or cluster.new_database(), args.docs, args.batch, searches)
    finally:
        if cluster is not None:
            cluster.stop()
    print(f"{args.docs} generated documents, batches of {args.batch}, {args.queries} searches")
    print(f"{'database':<12} {'ingest docs/s':>14} {'search p50 ms':>14} {'search p95 ms':>14}")
    for name, figures in results.items():
        print(f"{name:<12} {figures['docs_per_s']:>14.0f} {figures['p50_ms']:>14.1f} {figures['p95_ms']:>14.1f}")


if __name__ == "__main__":
    main()
