"""The crisis corpus (tests/fixtures/crisis: 38 articles written for the project over two weeks
of a fictional border crisis) ingested once per test session into a temporary knowledge base."""
import json
from pathlib import Path

import pytest

CRISIS = Path(__file__).parent.parent / "fixtures" / "crisis"


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
