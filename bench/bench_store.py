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


def search_times(kb, searches: list[str]) -> list[float]:
    """Seconds of each search, in order, after one warm-up."""
    kb.search(searches[0])
    times = []
    for query in searches:
        began = time.perf_counter()
        kb.search(query)
        times.append(time.perf_counter() - began)
    return times


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def size_bytes(kb) -> int:
    """What the knowledge base takes: the SQLite file (its WAL checkpointed into it first), or
    PostgreSQL's `pg_database_size`."""
    from sqlalchemy import text

    with kb.engine.connect() as conn:
        if kb.database.dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return Path(kb.path).stat().st_size
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()


def entity_pages(location: str, kb, count: int) -> list[float]:
    """Milliseconds of the web app's entity page (FastAPI's test client, the whole app) for the
    most mentioned entities and a random sample of the rest, once each after one warm-up."""
    from fastapi.testclient import TestClient
    from urllib.parse import quote

    from sitrep.web.app import create_app

    top = [row["id"] for row in kb.entities(top=5)]
    rest = [row["id"] for row in kb.entities(top=600)]
    chosen = (top + random.Random(3).sample([e for e in rest if e not in top], max(0, count - len(top))))[:count]
    client = TestClient(create_app(location), base_url="http://127.0.0.1:8000")
    assert client.get(f"/entity/{quote(chosen[0])}").status_code == 200
    times = []
    for entity_id in chosen:
        began = time.perf_counter()
        status = client.get(f"/entity/{quote(entity_id)}").status_code
        times.append(time.perf_counter() - began)
        assert status == 200, (entity_id, status)
    client.app.state.store.close()
    return times


def briefs(kb, runs: int) -> tuple[float, list[float], list[float]]:
    """Seconds of `claims.update` over the whole knowledge base (once: the brief reads the
    claims it stores), then of `sitrep.brief.build` + Markdown for one day and one week, --runs
    times each, the days spread over the year."""
    from datetime import timedelta

    from sitrep import claims
    from sitrep.brief import build
    from sitrep.brief.render import render

    began = time.perf_counter()
    claims.update(kb)
    update = time.perf_counter() - began
    rng = random.Random(5)
    days, weeks = [], []
    build(kb, date=bench_brief.FIRST_DAY.isoformat())  # warm-up
    for _ in range(runs):
        day = bench_brief.FIRST_DAY + timedelta(days=rng.randrange(bench_brief.DAYS - 7))
        began = time.perf_counter()
        render(build(kb, date=day.isoformat()), "md")
        days.append(time.perf_counter() - began)
        began = time.perf_counter()
        render(build(kb, since=day.isoformat(), until=(day + timedelta(days=6)).isoformat()), "md")
        weeks.append(time.perf_counter() - began)
    return update, days, weeks


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run(location: str, docs: int, batch: int, searches: list[str], pages: int, brief_runs: int) -> dict:
    from sitrep.store import Store

    pairs = list(generated(docs))
    figures = {"load_before": load()}
    with Store(location) as kb:
        started = time.perf_counter()
        for first in range(0, len(pairs), batch):
            kb.add_many(pairs[first:first + batch])
            if first and first % 10000 == 0:
                print(f"  {first} documents stored, {first / (time.perf_counter() - started):.0f} docs/s so far, "
                      f"load {load()}", file=sys.stderr, flush=True)
        ingest = time.perf_counter() - started
        figures["load_ingested"] = load()
        assert kb.count() == docs
        del pairs
        figures["bytes"] = size_bytes(kb)
        times = search_times(kb, searches)
        figures.update(docs_per_s=docs / ingest, p50_ms=1000 * statistics.median(times),
                       p95_ms=1000 * percentile(times, 0.95))
        if pages:
            times = entity_pages(location, kb, pages)
            figures.update(entity_p50_ms=1000 * statistics.median(times), entity_p95_ms=1000 * percentile(times, 0.95))
        if brief_runs:
            update, days, weeks = briefs(kb, brief_runs)
            figures.update(claims_update_s=update, day_p50_s=statistics.median(days), day_p95_s=percentile(days, 0.95),
                           week_p50_s=statistics.median(weeks), week_p95_s=percentile(weeks, 0.95))
    figures["load_after"] = load()
    print(f"  {location.split('/')[-1]}: {figures}", file=sys.stderr, flush=True)
    return figures


def searches_on(location: str, searches: list[str]) -> None:
    """The searches alone, on a knowledge base built before, with each kind of query apart."""
    from sitrep.store import Store

    started = time.perf_counter()
    with Store(location) as kb:
        opened = time.perf_counter() - started
        times = search_times(kb, searches)
        total = kb.count()
    print(f"{total} documents in {location.split('/')[-1]} (opened and migrated in {opened:.0f} s), "
          f"{len(searches)} searches, load {load()}")
    print(f"{'queries':<14} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for label, kind in (("all", None), ("names", 0), ("two words", 1), ('"phrases"', 2), ("prefix*", 3)):
        chosen = [t for k, t in enumerate(times) if kind is None or k % 4 == kind]
        print(f"{label:<14} {1000 * statistics.median(chosen):>8.1f} {1000 * percentile(chosen, 0.95):>8.1f} "
              f"{1000 * max(chosen):>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--entity-pages", type=int, default=20, help="entity pages to time (0: none)")
    parser.add_argument("--brief-runs", type=int, default=5, help="days and weeks to brief (0: no brief)")
    parser.add_argument("--databases", default="sqlite,postgresql", help="which to measure, of sqlite,postgresql")
    parser.add_argument("--postgresql", help="the URL of an empty PostgreSQL database (default: a throwaway cluster)")
    parser.add_argument("--kb", help="time the searches alone on this knowledge base (a path or URL) built before; "
                                     "it is migrated when it opens")
    args = parser.parse_args()
    if args.kb:
        return searches_on(args.kb, queries(args.queries))
    chosen = set(args.databases.split(","))
    searches = queries(args.queries)
    measured = dict(pages=args.entity_pages, brief_runs=args.brief_runs)
    results = {}
    if "sqlite" in chosen:
        with tempfile.TemporaryDirectory() as folder:
            results["SQLite"] = run(str(Path(folder) / "bench.db"), args.docs, args.batch, searches, **measured)
    cluster = None
    if "postgresql" in chosen and args.postgresql is None:
        from postgresql_cluster import PostgreSQLCluster

        cluster = PostgreSQLCluster.start()
    try:
        if "postgresql" in chosen:
            results["PostgreSQL"] = run(args.postgresql or cluster.new_database(), args.docs, args.batch, searches,
                                        **measured)
    finally:
        if cluster is not None:
            cluster.stop()
    print(f"{args.docs} generated documents, batches of {args.batch}, {args.queries} searches, "
          f"{args.entity_pages} entity pages, {args.brief_runs} briefs of a day and of a week")
    print(f"{'database':<12} {'ingest docs/s':>14} {'search p50 ms':>14} {'search p95 ms':>14} {'size MB':>8} "
          f"{'KB/doc':>7}  load (1, 5, 15 min) after ingest")
    for name, figures in results.items():
        print(f"{name:<12} {figures['docs_per_s']:>14.0f} {figures['p50_ms']:>14.1f} {figures['p95_ms']:>14.1f} "
              f"{figures['bytes'] / 1e6:>8.0f} {figures['bytes'] / 1000 / args.docs:>7.1f}  {figures['load_ingested']}")
    if args.entity_pages:
        print(f"{'database':<12} {'entity page p50 ms':>19} {'entity page p95 ms':>19}")
        for name, figures in results.items():
            print(f"{name:<12} {figures['entity_p50_ms']:>19.1f} {figures['entity_p95_ms']:>19.1f}")
    if args.brief_runs:
        print(f"{'database':<12} {'claims.update s':>16} {'day brief p50 s':>16} {'p95 s':>7} {'week brief p50 s':>17} "
              f"{'p95 s':>7}")
        for name, f in results.items():
            print(f"{name:<12} {f['claims_update_s']:>16.1f} {f['day_p50_s']:>16.2f} {f['day_p95_s']:>7.2f} "
                  f"{f['week_p50_s']:>17.2f} {f['week_p95_s']:>7.2f}")


if __name__ == "__main__":
    main()
