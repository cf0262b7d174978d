"""Several processes writing to one knowledge base: nothing lost, nothing stored twice, no crash."""
import json
import multiprocessing
import sqlite3
import subprocess
import sys
from pathlib import Path

from sitrep.schema import Document
from sitrep.store import Store

PLACES = ["Odesa", "Kharkiv", "Zaporizhzhia", "Mykolaiv", "Kherson", "Sumy", "Dnipro", "Poltava", "Chernihiv", "Izium"]
UNITS = ["air defence units", "border guards", "the regional governor", "the emergency service", "local officials"]


def _article(number: int) -> dict:
    place, unit = PLACES[number % len(PLACES)], UNITS[number % len(UNITS)]
    return {"title": f"Overnight attack on {place}, report {number}", "published": "2024-05-14",
            "text": f"Russian forces struck {place} overnight with {number + 3} drones and two missiles, {unit} said "
                    f"on Tuesday. Report number {number} counted {number % 7} damaged buildings and {number % 4} "
                    f"injured civilians; repair crews were sent to the district before dawn."}


def _write_jsonl(path: Path, numbers) -> Path:
    path.write_text("".join(json.dumps(_article(n)) + "\n" for n in numbers), encoding="utf-8")
    return path


def test_two_ingest_processes_with_overlapping_inputs_store_every_document_once(tmp_path):
    first = _write_jsonl(tmp_path / "first.jsonl", range(0, 24))
    second = _write_jsonl(tmp_path / "second.jsonl", range(12, 36))
    db = tmp_path / "fresh.db"  # both start on a database that does not exist yet: they race on creating it
    command = [sys.executable, "-m", "sitrep", "ingest", "--db", str(db)]
    runs = [subprocess.Popen([*command, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for path in (first, second)]
    results = [(run.returncode, stderr) for run in runs for _, stderr in [run.communicate(timeout=300)]]
    for code, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr and "locked" not in stderr
    with sqlite3.connect(db) as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM documents")]
        fts_rows = conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
    assert sorted(titles) == sorted(_article(n)["title"] for n in range(36))
    assert fts_rows == 36


def _add_all(path: str, texts: list[str], start, results) -> None:
    start.wait()
    with Store(path) as kb:
        statuses = [kb.add(Document(origin=f"doc{i}", id=f"id{i:04d}", text=text)).status for i, text in enumerate(texts)]
    results.put(statuses)


def test_processes_adding_the_same_documents_at_once_store_each_once(kb_location):
    texts = [" ".join(f"word{i}x{j}" for j in range(40)) for i in range(40)]
    db = kb_location
    # Fresh interpreters: a forked child of a test process that runs threads (servers, model pools)
    # can inherit a lock held by one of them and hang.
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=_add_all, args=(db, texts, start, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    start.set()
    statuses = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    for number in range(len(texts)):
        assert sorted(run[number] for run in statuses) == ["added", "exists", "exists", "exists"]
    with Store(db, create=False) as kb:
        assert kb.count() == len(texts)


def test_two_ingest_processes_into_postgresql_lose_nothing_and_store_nothing_twice(tmp_path, postgresql_server):
    first = _write_jsonl(tmp_path / "first.jsonl", range(0, 24))
    second = _write_jsonl(tmp_path / "second.jsonl", range(12, 36))
    db = postgresql_server()  # an empty database: both processes race on creating the schema
    command = [sys.executable, "-m", "sitrep", "ingest", "--db", db]
    runs = [subprocess.Popen([*command, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for path in (first, second)]
    results = [(run.returncode, stderr) for run in runs for _, stderr in [run.communicate(timeout=300)]]
    for code, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr
    with Store(db, create=False) as kb:
        stored = kb.documents(limit=100)
        assert sorted(d["title"] for d in stored) == sorted(_article(n)["title"] for n in range(36))
        assert len({d["id"] for d in stored}) == 36
        assert {h.title for h in kb.search("Kharkiv", limit=100)} == {_article(n)["title"] for n in range(36) if n % 10 == 1}
