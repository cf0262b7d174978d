"""The benchmark suite: every figure of docs/performance.md from one command, printed as one table.

    .venv/bin/python bench/run_all.py [--docs 200] [--kb-docs 10000] [--runs 20] [--long-chars 950000]

Each measurement runs in a fresh process, so that its peak memory and its start-up are its own:

  - extract: the bare spaCy model (`nlp.pipe`) and `sitrep extract` over the same --docs real
    articles (../shared/eval/bulk/news.jsonl, repeated with a marker; bench_extract.py);
  - batch: `sitrep batch` over the same articles cut into shards of 10, on the local engine
    and on Ray on this machine, each with 1 and 2 workers; documents/s counted from the first
    shard written to the last (start-up and model loading left out) and over the whole run;
  - store: the batch's records into a new SQLite knowledge base, one transaction per document
    (`Store.add`, what `ingest` does) and 200 per transaction (`sitrep load`);
  - search and entity page: a knowledge base of --kb-docs documents (the analysed articles,
    then copies of their records under new ids, dates and outlets, each copy with a signature
    of its own so that it is not linked as a near-duplicate), built once and reused; p50 and
    p95 of --runs requests of each query through the library and through the web app;
  - the largest document: --long-chars characters (the limit is 1,000,000) through the whole
    pipeline (bench_long_document.py), seconds and peak memory.

The machine's other work shows in every figure: run it on a quiet machine, and twice.
"""
import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_extract import BULK, build_corpus, measure  # noqa: E402

SHARD_DOCS = 10
PARTS = ("extract", "batch", "store", "latency", "long")
SEARCHES = ["drone strike", "ukraine", "ceasefire talks", "sanctions russia", "air defence"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def split_corpus(corpus: Path, folder: Path) -> int:
    """The corpus as files of SHARD_DOCS documents each (one shard each with --shard-mb 0)."""
    folder.mkdir()
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    for start in range(0, len(lines), SHARD_DOCS):
        (folder / f"part-{start // SHARD_DOCS:05d}.jsonl").write_text("".join(lines[start:start + SHARD_DOCS]), encoding="utf-8")
    return len(lines)


def child_batch(engine: str, workers: int, inputs: str, out: str) -> dict:
    """One `sitrep batch` run in this (fresh) process, timed from the first shard written."""
    from sitrep import batch

    started = time.perf_counter()
    first: dict = {}
    written = {"docs": 0}

    def shard_done(name: str, documents: int, done: int, shards: int) -> None:
        written["docs"] += documents
        if not first:
            first.update(at=time.perf_counter(), docs=written["docs"])

    summary = batch.run([inputs], out, engine=engine, workers=workers, shard_mb=0, on_shard=shard_done)
    ended = time.perf_counter()
    steady = (written["docs"] - first["docs"]) / (ended - first["at"]) if ended > first["at"] else 0.0
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"docs": summary.documents, "seconds": ended - started, "steady": steady,
            "peak_mb": peak_mb() + children.ru_maxrss / 1024,
            "cpu_seconds": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime}


def child_store(out: str, db_folder: str) -> dict:
    """The batch's documents into two new knowledge bases: one transaction each, then 200 each."""
    from sitrep import batch
    from sitrep.batch import records
    from sitrep.batch.load import load
    from sitrep.store import Store

    items = [pair for path in batch.shard_files(out) for chunk in records.documents(path) for pair in chunk]
    with Store(Path(db_folder) / "one-by-one.db") as kb:
        started = time.perf_counter()
        for doc, signature in items:
            kb.add(doc, hashvalues=signature)
        one_by_one = time.perf_counter() - started
    with Store(Path(db_folder) / "loaded.db") as kb:
        started = time.perf_counter()
        loaded = sum(1 for _ in load(out, kb))
        batched = time.perf_counter() - started
    parquet = sum(path.stat().st_size for path in batch.shard_files(out))
    database = sum(path.stat().st_size for path in Path(db_folder).glob("loaded.db*"))
    return {"docs": len(items), "add": one_by_one, "load": batched, "loaded": loaded,
            "parquet_bytes": parquet, "sqlite_bytes": database}


def build_kb(db: Path, out: str, docs: int) -> dict:
    """A knowledge base of `docs` documents from the batch's analysed records and copies of them."""
    import numpy as np

    from bench_web import _copy
    from sitrep import batch
    from sitrep.batch import records
    from sitrep.schema import to_record
    from sitrep.store import Store

    started = time.perf_counter()
    with Store(db) as kb:
        if kb.count() >= docs:
            return {"docs": kb.count(), "seconds": 0.0, "reused": True}
        if kb.count():  # growing a knowledge base built before: its documents are copied again
            originals = [kb.get(row["id"]) for row in kb.documents(limit=250)]
        else:
            articles: dict[str, dict] = {}  # one record per article (the corpus repeats them with a marker)
            for path in batch.shard_files(out):
                for chunk in records.documents(path):
                    for doc, _ in chunk:
                        articles.setdefault(doc.text.rsplit("\n\nCopy ", 1)[0], to_record(doc))
            originals = list(articles.values())
        rng = np.random.default_rng(7)
        copy = kb.count() // len(originals) + 1
        while kb.count() < docs:
            chunk = [(_copy(record, copy), rng.integers(0, 2**32, 128, dtype=np.uint64)) for record in originals]
            kb.add_many(chunk[:docs - kb.count()])
            copy += 1
            print(f"  knowledge base: {kb.count()} documents, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        return {"docs": kb.count(), "seconds": time.perf_counter() - started, "reused": False}


def child_latency(db: str, runs: int) -> dict:
    """p50 and p95 of searches and entity pages: the library call and the web page."""
    from fastapi.testclient import TestClient

    from sitrep.store import Store
    from sitrep.web.app import create_app

    def timed(call) -> list[float]:
        call()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            call()
            times.append(1000 * (time.perf_counter() - started))
        return times

    client = TestClient(create_app(db), base_url="http://127.0.0.1:8000")
    with Store(db, create=False) as kb:
        top = [row["id"] for row in kb.entities(top=3)]
        search = [t for q in SEARCHES for t in timed(lambda q=q: kb.search(q))]
    pages = {
        "search": [t for q in SEARCHES for t in timed(lambda q=q: client.get("/search", params={"q": q}))],
        "entity": [t for e in top for t in timed(lambda e=e: client.get(f"/entity/{e}"))],
    }
    return {"library_search": search, **pages, "entities": top}


def child_long(chars: int) -> dict:
    out = subprocess.run([sys.executable, str(HERE / "bench_long_document.py"), "--child", str(chars)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def in_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine_load() -> str:
    """The machine's load average over the last minute: how much else was running."""
    return f"load {Path('/proc/loadavg').read_text().split()[0]}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def line(measure_name: str, value: str, notes: str = "") -> str:
    return f"{measure_name:<44} {value:>22}   {notes}"


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, *rest = sys.argv[2:]
        result = {"batch": lambda: child_batch(rest[0], int(rest[1]), rest[2], rest[3]),
                  "store": lambda: child_store(rest[0], rest[1]),
                  "kb": lambda: build_kb(Path(rest[0]), rest[1], int(rest[2])),
                  "latency": lambda: child_latency(rest[0], int(rest[1]))}[kind]()
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="articles for extract, batch and store")
    parser.add_argument("--kb-docs", type=int, default=10_000, help="documents of the knowledge base for latency (the target is 100000)")
    parser.add_argument("--kb", type=Path, default=Path(tempfile.gettempdir()) / "sitrep-bench-suite.db",
                        help="the knowledge base for latency, built once and reused")
    parser.add_argument("--runs", type=int, default=20, help="requests of each query")
    parser.add_argument("--long-chars", type=int, default=950_000, help="length of the largest document")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help="what to measure, of " + ",".join(PARTS) + " (latency alone needs a --kb built before)")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    if not BULK.exists():
        print(f"skipped: the bulk corpus {BULK} is not here (it lives in ../shared beside the repository)")
        return 0

    rows = []

    def report(*row: str) -> None:
        rows.append(line(*row))
        print(rows[-1], file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        total = build_corpus(corpus, args.docs)
        batch_out = work / "out-local-1"
        if "extract" in parts:
            bare = measure("bare", corpus, total)
            bare_rate = bare["docs"] / bare["seconds"]
            report("extract: bare spaCy (nlp.pipe)", f"{bare_rate:.2f} docs/s",
                   f"{bare['docs']} docs, peak {bare['peak_mb']:.0f} MB; {machine_load()}")
            full = measure("sitrep", corpus, total)
            rate = full["docs"] / full["seconds"]
            report("extract: sitrep extract", f"{rate:.2f} docs/s",
                   f"{rate / bare_rate:.2f}x bare spaCy, peak {full['peak_mb']:.0f} MB; {machine_load()}")
        if parts & {"batch", "store"} or ("latency" in parts and not args.kb.exists()):
            inputs = work / "shards"
            split_corpus(corpus, inputs)
            engines = [("local", 1), ("local", 2), ("ray", 1), ("ray", 2)] if "batch" in parts else [("local", 1)]
            steady = {}
            for engine, workers in engines:
                figures = in_child("batch", engine, str(workers), str(inputs), str(work / f"out-{engine}-{workers}"))
                steady[(engine, workers)] = figures["steady"]
                # Ray's actors are not this process's children: their memory and CPU time are not counted.
                memory = (f", peak {figures['peak_mb']:.0f} MB (driver and pool), "
                          f"{figures['docs'] / figures['cpu_seconds']:.2f} docs per CPU-second" if engine == "local" else "")
                report(f"batch --engine {engine} --workers {workers}", f"{figures['steady']:.2f} docs/s",
                       f"{figures['docs']} docs in {figures['seconds']:.0f} s with start-up "
                       f"({figures['docs'] / figures['seconds']:.2f} docs/s){memory}; {machine_load()}")
                if workers == 2:
                    report(f"batch --engine {engine}: 2 workers / 1", f"{steady[(engine, 2)] / steady[(engine, 1)]:.2f}x",
                           "target 1.7x")
        if "store" in parts:
            stored = in_child("store", str(batch_out), str(work))
            report("SQLite: Store.add, a transaction each", f"{stored['docs'] / stored['add']:.1f} docs/s", f"{stored['docs']} docs")
            report("SQLite: sitrep load, 200 a transaction", f"{stored['loaded'] / stored['load']:.1f} docs/s", f"{stored['loaded']} docs")
            report("storage: Parquet (zstd) per document", f"{stored['parquet_bytes'] / stored['docs'] / 1024:.1f} KB",
                   "the batch's shards")
            report("storage: SQLite per document", f"{stored['sqlite_bytes'] / stored['loaded'] / 1024:.1f} KB",
                   "after sitrep load: record, extractions, FTS5 index, signatures, counts")
        if "latency" in parts:
            built = in_child("kb", str(args.kb), str(batch_out), str(args.kb_docs))
            size_mb = args.kb.stat().st_size / 2**20
            report("knowledge base for latency", f"{built['docs']:,} docs",
                   ("reused" if built["reused"] else f"grown in {built['seconds']:.0f} s") + f", {size_mb:,.0f} MB file")
            latency = in_child("latency", str(args.kb), str(args.runs))
            for name, label in (("library_search", "search, Store.search"), ("search", "search, /search page"),
                                ("entity", "entity page, /entity/ID")):
                times = latency[name]
                report(f"{label} (p50 / p95)", f"{statistics.median(times):.1f} / {percentile(times, 0.95):.1f} ms",
                       f"{len(times)} requests" + (f" on {', '.join(latency['entities'])}" if name == "entity" else "")
                       + f"; {machine_load()}")

    if "long" in parts:
        long_doc = child_long(args.long_chars)
        report(f"largest document ({long_doc['chars']:,} chars)", f"{long_doc['sitrep']['peak_mb']:.0f} MB peak",
               f"{long_doc['sitrep']['seconds']:.0f} s; bare spaCy on its pieces {long_doc['bare']['seconds']:.0f} s, "
               f"{long_doc['bare']['peak_mb']:.0f} MB; {machine_load()}")

    print(f"\n{'measure':<44} {'figure':>22}   notes")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
