"""Time and peak memory of one long document through the whole pipeline, at growing lengths.

    .venv/bin/python bench/bench_long_document.py [--sizes 50000,200000,950000]

A document just under the 1,000,000-character limit (a page gone long, a transcript, a
report) must not need memory in proportion to its length: the parser sees it in pieces of
at most 20,000 characters. For each length, a text is built from distinct paragraphs of
the real articles in ../shared/eval/bulk/news.jsonl, handed to the pipeline as an extracted
page would be (no line cleaning), and measured in a fresh process against the bare spaCy
model parsing the same pieces in that process. Prints seconds, characters/s and peak RSS.
"""
import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

BULK = Path(__file__).resolve().parents[2] / "shared" / "eval" / "bulk" / "news.jsonl"


def long_text(chars: int) -> str:
    """Distinct paragraphs of real articles, joined with blank lines, up to `chars` characters."""
    seen, paragraphs, size = set(), [], 0
    for line in BULK.open(encoding="utf-8"):
        for paragraph in json.loads(line)["text"].split("\n"):
            paragraph = paragraph.strip()
            if len(paragraph) > 80 and paragraph not in seen:
                seen.add(paragraph)
                paragraphs.append(paragraph)
                size += len(paragraph) + 2
                if size >= chars:
                    return "\n\n".join(paragraphs)[:chars]
    raise SystemExit(f"the bulk corpus holds fewer than {chars:,} characters of distinct paragraphs")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(chars: int) -> dict:
    """Both measurements for one length, in this (fresh) process: the bare parse first."""
    from sitrep.nlp.analyse import pieces
    from sitrep.nlp.model import load
    from sitrep.pipeline import process
    from sitrep.schema import Input

    text = long_text(chars)
    nlp = load()
    nlp("Warm-up sentence for the model.")
    loaded = peak_mb()
    started = time.perf_counter()
    for piece in pieces(text):
        nlp(piece)
    bare = {"seconds": time.perf_counter() - started, "peak_mb": peak_mb()}
    started = time.perf_counter()
    doc = process(Input(origin="long", text=text, title="Long document", from_html=True))
    full = {"seconds": time.perf_counter() - started, "peak_mb": peak_mb()}
    return {"chars": len(text), "loaded_mb": loaded, "bare": bare, "sitrep": full, "entities": len(doc.entities),
            "statements": len(doc.statements)}


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(child(int(sys.argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,200000,950000", help="document lengths in characters")
    args = parser.parse_args()
    if not BULK.exists():
        print(f"skipped: the bulk corpus {BULK} is not here (it lives in ../shared beside the repository)")
        return 0
    print(f"{'characters':>10} {'bare s':>8} {'sitrep s':>9} {'ratio':>6} {'sitrep chars/s':>15} "
          f"{'model MB':>9} {'bare peak MB':>13} {'sitrep peak MB':>15} {'entities':>9} {'statements':>11}")
    for chars in (int(size) for size in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--child", str(chars)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        bare, full = r["bare"], r["sitrep"]
        print(f"{r['chars']:>10,} {bare['seconds']:>8.1f} {full['seconds']:>9.1f} {full['seconds'] / bare['seconds']:>5.2f}x "
              f"{r['chars'] / full['seconds']:>15,.0f} {r['loaded_mb']:>9.0f} {bare['peak_mb']:>13.0f} "
              f"{full['peak_mb']:>15.0f} {r['entities']:>9} {r['statements']:>11}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
