"""How long every page of the web UI takes on a large knowledge base.

    .venv/bin/python bench/bench_web.py [--docs 5000] [--db /tmp/sitrep-bench-web.db] [--runs 5]

Builds the knowledge base once (reused when it holds at least --docs documents): the 232 real
articles of ../shared/eval/bulk/news.jsonl go through the whole pipeline (`sitrep.ingest`, a
few minutes), then each stored record is stored again under new ids until there are --docs
documents, with publication dates spread over two years and outlets spread over eight names,
so that months, outlets and entities grow as in a real collection. Copies go through
`Store.add` (near-duplicate detection included), which is much cheaper than analysing again.

Then times each page through FastAPI's test client (the whole app, guard included, no
network): one warm-up request, then --runs requests; prints the median and the slowest.
"""
import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

BULK = Path(__file__).resolve().parents[2] / "shared" / "eval" / "bulk" / "news.jsonl"
OUTLETS = [f"Bench Wire {k}" for k in range(8)]
FIRST_DAY = date(2023, 1, 1)


def build(db: Path, docs: int) -> None:
    """Ingest the real articles, then store copies of their records until there are `docs`."""
    import sitrep
    from sitrep.store import Store

    with Store(db) as kb:
        if kb.count() == 0:
            started = time.perf_counter()
            with tempfile.TemporaryDirectory() as folder:
                corpus = Path(folder) / "news.jsonl"
                rows = [json.loads(line) for line in BULK.open(encoding="utf-8") if line.strip()]
                with corpus.open("w", encoding="utf-8") as out:
                    for k, row in enumerate(rows):
                        row["published"] = (FIRST_DAY + timedelta(days=(k * 37) % 730)).isoformat()
                        row["source"] = OUTLETS[k % len(OUTLETS)]
                        out.write(json.dumps(row) + "\n")
                list(sitrep.ingest([str(corpus)], kb, on_error=lambda error: None))
            print(f"ingested {kb.count()} real articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        originals = [kb.get(doc_id) for doc_id in _ids(kb)]
        started, copy = time.perf_counter(), 1
        while kb.count() < docs:
            for record in originals:
                if kb.count() >= docs:
                    break
                kb.add(_copy(record, copy))
            copy += 1
        print(f"{kb.count()} documents ({time.perf_counter() - started:.0f} s copying)", file=sys.stderr)


def _ids(kb) -> list[str]:
    return [d["id"] for d in kb.documents(limit=100_000) if not d["id"].startswith("copy")]


def _copy(record: dict, copy: int):
    """The record as a new document: another id, another outlet, its dates moved by whole weeks."""
    from sitrep.schema import DateMention, Document, Entity, Event, Mention, Statement

    weeks = copy * 5

    def moved(value: str | None) -> str | None:
        if not value or len(value) != 10:
            return value
        day = date.fromisoformat(value) - timedelta(weeks=weeks)
        return day.isoformat()

    digest = hashlib.sha1(f"{record['id']}/{copy}".encode()).hexdigest()[:16]
    return Document(
        origin=f"{record['origin']}#copy{copy}", text=record["text"], id=f"copy{digest}", title=record["title"],
        published=moved(record["published"]), source=OUTLETS[(copy + len(record["id"])) % len(OUTLETS)],
        url=record["url"], language=record["language"], removed=record["removed"], captions=record["captions"],
        entities=[Entity(e["id"], e["name"], e["type"], e["wikidata"], [Mention(**m) for m in e["mentions"]])
                  for e in record["entities"]],
        statements=[Statement(**{**s, "date": moved(s["date"])}) for s in record["statements"]],
        events=[Event(**{**e, "date": moved(e["date"])}) for e in record["events"]],
        dates=[DateMention(**d) for d in record["dates"]])


def pages(kb) -> list[str]:
    """One URL of each page, on the knowledge base's most mentioned things."""
    top = kb.entities(top=1)[0]["id"]
    person = kb.entities("PERSON", top=1)[0]["id"]
    doc = kb.documents(limit=1)[0]["id"]
    said = kb.statements(limit=1)[0]["source"] or person
    return [
        "/", "/search?q=drone+strike", "/search?q=ukraine&since=2024-01&until=2024-06", f"/document/{doc}",
        f"/entity/{quote(top)}", f"/entity/{quote(person)}", f"/graph/{quote(top)}", f"/graph/{quote(top)}?depth=2",
        f"/graph/{quote(person)}?depth=2&relation=said", "/entities", "/entities?type=PERSON&page=3",
        "/statements", f"/statements?source={quote(said)}", "/statements?min_confidence=likely&since=2024-01",
        "/events", "/events?type=ATTACK&since=2023-06&until=2024-06", f"/api/graph/{quote(top)}?depth=2",
        "/ingest", "/nowhere",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "sitrep-bench-web.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from sitrep.store import Store
    from sitrep.web.app import create_app

    build(args.db, args.docs)
    with Store(args.db, create=False) as kb:
        urls, total = pages(kb), kb.count()
    client = TestClient(create_app(args.db), base_url="http://127.0.0.1:8000")
    print(f"{total} documents in {args.db}; {args.runs} runs per page after one warm-up\n")
    print(f"{'page':64} {'status':>6} {'median ms':>10} {'max ms':>8}")
    for url in urls:
        client.get(url, headers={"Accept": "text/html"})
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            status = client.get(url, headers={"Accept": "text/html"}).status_code
            times.append(1000 * (time.perf_counter() - started))
        print(f"{url[:64]:64} {status:>6} {statistics.median(times):>10.1f} {max(times):>8.1f}")


if __name__ == "__main__":
    main()
