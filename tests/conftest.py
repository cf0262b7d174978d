"""Shared fixtures: the fixture folder, the examples, a fresh knowledge base, the CLI, a running
server, the crisis corpus (tests/fixtures/crisis: 38 articles written for the project over two
weeks of a fictional border crisis) ingested once per test session, the batch fixture folder (and
its documents one per file) and Ray on this machine (2 CPUs, started once per session)."""
import contextlib
import json
import logging
import os
import select
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from typer.testing import CliRunner

from postgresql_cluster import PostgreSQLCluster
from sitrep.cli import app
from sitrep.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def postgresql_server():
    """A throwaway PostgreSQL cluster (Debian's binaries) for the session, as a function that
    makes a fresh database and returns its URL; skipped when PostgreSQL is not installed."""
    cluster = PostgreSQLCluster.start()
    yield cluster.new_database
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def kb_location(request, tmp_path) -> str:
    """Where a fresh knowledge base goes: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("postgresql_server")()


@pytest.fixture
def store(kb_location):
    """A fresh knowledge base, on each database sitrep stores in."""
    with Store(kb_location) as kb:
        yield kb


@pytest.fixture
def cli():
    """Run the `sitrep` command in-process; returns typer's Result (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def invoke(*args: str, stdin: bytes | None = None):
        return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)

    return invoke


SANDU_REPORTS = [
    ("sandu-brussels.txt", "Sandu meets von der Leyen in Brussels", "2024-03-05",
     "Moldovan President Maia Sandu met European Commission President Ursula von der Leyen in Brussels on Monday. "
     "Sandu said that Moldova would not be intimidated by Russian drones."),
    ("sandu-kyiv.txt", "Sandu's visit to Kyiv", "2024-04-12",
     "Two weeks ago, Maia Sandu visited Kyiv, where the two presidents discussed energy security. "
     "Ukrainian President Volodymyr Zelenskyy praised Moldova's support."),
    ("zakharova.txt", "Moscow criticises Chisinau", "2024-05-20",
     "Russian Foreign Ministry spokeswoman Maria Zakharova claimed on Friday that Maia Sandu was likely dragging "
     "Moldova into NATO."),
]


@pytest.fixture(scope="session")
def knowledge_base(tmp_path_factory):
    """A knowledge base with the examples and three reports about one person, built once."""
    from sitrep import ingest
    from sitrep.schema import Input
    from sitrep.pipeline import process

    path = tmp_path_factory.mktemp("kb") / "kb.db"
    with Store(path) as kb:
        list(ingest([str(EXAMPLES)], kb))
        for origin, title, published, text in SANDU_REPORTS:
            kb.add(process(Input(origin=origin, title=title, published=published, text=text, source="Test Wire")))
    return path


def free_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running(app, port: int | None = None) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 for the duration of the block; yields its base URL."""
    port = port or free_port()
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def running_server():
    """`with running_server(app) as url:` serves `app` on a loopback port for the block."""
    return running


CRISIS = FIXTURES / "crisis"


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((CRISIS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def crisis(tmp_path_factory):
    """(path of the knowledge base, {article number: document id}), claims grouped as `ingest` does."""
    from sitrep import claims, ingest
    from sitrep.store import Store

    path = tmp_path_factory.mktemp("crisis") / "crisis.db"
    articles = [json.loads(line) for line in (CRISIS / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    with Store(path) as kb:
        added = list(ingest([str(CRISIS / "articles.jsonl")], kb))
        claims.update(kb)
        numbers = {}
        for number, article in enumerate(articles, 1):
            numbers[number] = next(d["id"] for d in kb.documents(limit=100)
                                   if d["title"] == article["title"] and d["source"] == article["source"])
    assert len(added) == len(articles)
    return path, numbers


BATCH = FIXTURES / "batch"


@pytest.fixture(scope="session")
def batch_inputs() -> Path:
    return BATCH


@pytest.fixture(scope="session")
def expected_records() -> dict[str, dict]:
    """The fixture folder's records as `sitrep extract` makes them, by id (the exact copy once)."""
    from sitrep import extract

    records: dict[str, dict] = {}
    for record in extract([str(BATCH)], on_error=lambda error: None):
        records.setdefault(record["id"], record)
    return records


@pytest.fixture
def one_document_files(tmp_path, expected_records) -> Path:
    """A folder of one JSON Lines file per document of the batch fixture folder (with shard_mb=0,
    one shard per document: enough shards to kill a batch in the middle of)."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    for number, record in enumerate(expected_records.values()):
        line = {"title": record["title"], "text": record["text"], "source": record["source"]}
        (folder / f"{number:02d}.jsonl").write_text(json.dumps(line) + "\n")
    return folder


def _carrying(entry: bytes) -> dict[int, str]:
    found = {}
    for process in Path("/proc").iterdir():
        try:
            if process.name.isdigit() and entry in (process / "environ").read_bytes().split(b"\0"):
                found[int(process.name)] = (process / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except OSError:  # gone, or not ours to read
            pass
    return found


@pytest.fixture(scope="session")
def carrying():
    """`carrying(b"NAME=value")`: {pid: command} of the live processes (Linux) whose environment
    holds that entry, i.e. of the descendants of a process started with it, however deep and
    wherever they were moved since (to init, once their parent died)."""
    return _carrying


class Descendants:
    """The processes `root` starts, however deep (Linux), each held by a pidfd once seen
    (`look`): still known after their parent dies and they move to init, and never confused
    with a later process that takes the same number. What is looked at is /proc/PID/stat, not
    the environment, which a process title may write over (Ray's agents do)."""

    def __init__(self, root: int):
        self.root = root
        self.handles: dict[int, int] = {}
        self.commands: dict[int, str] = {}

    def look(self) -> None:
        children: dict[int, list[int]] = {}
        for process in Path("/proc").iterdir():
            try:
                if process.name.isdigit():
                    parent = int((process / "stat").read_text().rsplit(")", 1)[1].split()[1])
                    children.setdefault(parent, []).append(int(process.name))
            except OSError:  # gone
                pass
        pending = [self.root, *self.handles]
        while pending:
            for pid in children.get(pending.pop(), []):
                if pid not in self.handles:
                    with contextlib.suppress(OSError):
                        self.handles[pid] = os.pidfd_open(pid)
                        self.commands[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
                        pending.append(pid)

    def alive(self) -> dict[int, str]:
        """{pid: command} of those seen that have not ended (a zombie has ended)."""
        return {pid: self.commands[pid] for pid, handle in self.handles.items()
                if not select.select([handle], [], [], 0)[0]}

    def kill(self) -> None:
        for pid in self.alive():
            with contextlib.suppress(OSError):
                signal.pidfd_send_signal(self.handles[pid], signal.SIGKILL)


@pytest.fixture
def descendants():
    """`descendants(pid)`: a Descendants of that process; whatever of them is still alive at the
    end of the test is killed (those, by their pidfds, and no other process)."""
    made: list[Descendants] = []

    def make(root: int) -> Descendants:
        made.append(Descendants(root))
        return made[-1]

    yield make
    for tracked in made:
        tracked.kill()
        for handle in tracked.handles.values():
            os.close(handle)


@pytest.fixture(scope="session")
def local_ray():
    """Ray on this machine with 2 CPUs and no dashboard, for every Ray test of the session."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    yield ray
    ray.shutdown()
