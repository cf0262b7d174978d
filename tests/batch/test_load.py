import pytest

from sitrep import batch, dedup, queries
from sitrep.store import Store


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory, batch_inputs):
    out = tmp_path_factory.mktemp("batch") / "out"
    batch.run([str(batch_inputs)], out, shard_mb=0)
    return out


def test_loading_twice_stores_each_document_once_and_links_the_syndicated_copy(cli, kb_location, batch_out, expected_records, monkeypatch):
    monkeypatch.setattr(dedup, "signature", lambda text: pytest.fail("load recomputed a signature the batch stored"))
    db = kb_location
    first = cli("load", str(batch_out), "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "6 added, 1 near-duplicates linked, 0 already stored; 7 documents" in first.stderr
    again = cli("load", str(batch_out), "--db", db)
    assert "0 added, 0 near-duplicates linked, 7 already stored; 7 documents" in again.stderr
    with Store(db) as kb:
        assert {r["id"] for r in kb.documents(limit=100)} == set(expected_records)
        original = next(i for i, r in expected_records.items() if r["origin"].endswith("01-wires.jsonl#1"))
        copy = next(i for i, r in expected_records.items() if r["origin"].endswith("02-syndicated.jsonl#1"))
        assert kb.get(copy)["duplicate_of"] == original
        assert kb.get(original)["entities"] == expected_records[original]["entities"]
        claims = queries.claim_list(kb, limit=100)
    # The governor's quotation told by both copies is one claim with two reports: claims were
    # grouped after the load.
    kiper = [c for c in claims if "food that the world needs" in c["text"]]
    assert len(kiper) == 1 and kiper[0]["reports"] == 2


def test_loading_a_folder_that_is_no_batch_says_so(cli, tmp_path):
    result = cli("load", str(tmp_path), "--db", str(tmp_path / "kb.db"))
    assert result.exit_code == 1
    assert "no _manifest.json here" in result.stderr


def test_two_concurrent_loads_into_postgresql_store_each_document_once(batch_out, expected_records, postgresql_server):
    import subprocess
    import sys

    db = postgresql_server()
    runs = [subprocess.Popen([sys.executable, "-m", "sitrep", "load", str(batch_out), "--db", db],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0 and "Traceback" not in stderr, stderr
    with Store(db, create=False) as kb:
        stored = kb.documents(limit=100)
        assert sorted(r["id"] for r in stored) == sorted(expected_records)
        assert sum(1 for r in stored if r["duplicate_of"]) == 1
