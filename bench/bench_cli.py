"""Start-up of the command: `--help` and reading commands on a large knowledge base, against a
baseline revision in the same run.

    .venv/bin/python bench/bench_cli.py [--docs 5000] [--real 200] [--baseline e4a07fe] [--repeat 5]

Builds, for the working tree and for the baseline (a `git archive` of it, run from its own
`src`), a knowledge base of `--real` real articles from ../shared/eval/bulk/news.jsonl
ingested by that code, then copied row by row under new ids up to `--docs` documents (the
extractions come along, so queries see a realistic number of mentions and statements). Each
command runs `--repeat` times in a fresh process; the best wall time and the peak RSS are
printed for both, with their ratio.
"""
import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BULK = REPO.parent / "shared" / "eval" / "bulk" / "news.jsonl"
# The command, reporting its own peak memory on the way out.
RUN = ("import atexit, resource, sys\n"
       "atexit.register(lambda: sys.stderr.write(f'\\nPEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n"
       "from sitrep.cli import app\napp(prog_name='sitrep')")
COMMANDS = [["--help"], ["documents"], ["search", "Russia drone"], ["entities", "--top", "30"], ["entity", "Putin"],
            ["statements", "--min-confidence", "likely", "--limit", "20"]]


def ingest_real(src: Path, db: Path, articles: int, tmp: Path) -> None:
    """The first `articles` real articles ingested into `db` by the code under `src`."""
    sample = tmp / f"sample-{articles}.jsonl"
    if not sample.exists():
        with BULK.open(encoding="utf-8") as bulk, sample.open("w", encoding="utf-8") as out:
            for _, line in zip(range(articles), bulk):
                out.write(line)
    code = "import sys; from sitrep.cli import app; app(prog_name='sitrep')"
    subprocess.run([sys.executable, "-c", code, "ingest", str(sample), "--db", str(db)], env=_env(src),
                   capture_output=True, check=False)


def replicate(db: Path, docs: int) -> int:
    """Copy the stored documents and their extractions under new ids until `docs` are stored."""
    conn = sqlite3.connect(db)
    tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
              # documents are copied first; counts follow the copied mentions by trigger; claims are regrouped
              if name not in ("documents", "documents_fts", "signatures", "minhash_bands", "entity_documents",
                              "claim_reports")
              and "document_id" in [c[1] for c in conn.execute(f"PRAGMA table_info({name})")]]
    originals = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY rowid")]
    columns = [c[1] for c in conn.execute("PRAGMA table_info(documents)") if c[1] not in ("rowid", "id")]
    copy = 0
    while conn.execute("SELECT count(*) FROM documents").fetchone()[0] < docs:
        copy += 1
        for original in originals:
            new_id = f"{original[:14]}c{copy:05d}"
            cursor = conn.execute(f"INSERT INTO documents (id, {', '.join(columns)}) SELECT ?, {', '.join(columns)} "
                                  "FROM documents WHERE id = ?", (new_id, original))
            conn.execute("INSERT INTO documents_fts (rowid, title, text) SELECT ?, title, text FROM documents WHERE id = ?",
                         (cursor.lastrowid, new_id))
            for table in tables:
                other = [c[1] for c in conn.execute(f"PRAGMA table_info({table})") if c[1] != "document_id"]
                conn.execute(f"INSERT INTO {table} (document_id, {', '.join(other)}) SELECT ?, {', '.join(other)} "
                             f"FROM {table} WHERE document_id = ?", (new_id, original))
            if conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= docs:
                break
        conn.commit()
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    return total


def _env(src: Path) -> dict:
    import os

    return {**os.environ, "PYTHONPATH": str(src)}


def timed(src: Path, args: list[str], db: Path, repeat: int) -> tuple[float, float]:
    """Best wall time and peak RSS (MB) of one command, each run in a fresh process."""
    best, peak = float("inf"), 0.0
    full = args if args == ["--help"] else [*args, "--db", str(db)]
    for _ in range(repeat):
        started = time.perf_counter()
        run = subprocess.run([sys.executable, "-c", RUN, *full], env=_env(src), capture_output=True, text=True, check=False)
        best = min(best, time.perf_counter() - started)
        peaks = [line for line in run.stderr.splitlines() if line.startswith("PEAK ")]
        peak = max(peak, int(peaks[-1].split()[1]) / 1024 if peaks else 0.0)
    return best, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--real", type=int, default=200, help="real articles ingested before copying")
    parser.add_argument("--baseline", default="e4a07fe", help="git revision to compare with")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not BULK.exists():
        print(f"skipped: the bulk corpus {BULK} is not here (it lives in ../shared beside the repository)")
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        baseline = tmp / "baseline"
        baseline.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.baseline, "src"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(baseline)], input=archive.stdout, check=True)
        trees = {"baseline": baseline / "src", "now": REPO / "src"}
        dbs = {}
        for name, src in trees.items():
            dbs[name] = tmp / f"{name}.db"
            ingest_real(src, dbs[name], args.real, tmp)
            total = replicate(dbs[name], args.docs)
            print(f"{name}: knowledge base of {total} documents ({args.real} real articles ingested, then copied)",
                  flush=True)
        print(f"{'command':<44} {'baseline s':>10} {'now s':>8} {'ratio':>6} {'baseline MB':>12} {'now MB':>8}")
        for command in COMMANDS:
            (old_s, old_mb), (new_s, new_mb) = (timed(trees[n], command, dbs[n], args.repeat) for n in ("baseline", "now"))
            print(f"{'sitrep ' + ' '.join(command):<44} {old_s:>10.2f} {new_s:>8.2f} {new_s / old_s:>5.2f}x "
                  f"{old_mb:>12.0f} {new_mb:>8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
