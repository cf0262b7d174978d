import json
import os
import signal
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest

from sitrep import batch, dedup
from sitrep.batch import records
from sitrep.schema import to_record


def written(out) -> list[dict]:
    """Every row of every shard file in the output folder (what a Parquet reader sees)."""
    return pq.read_table(out).to_pylist()


def test_local_batch_writes_every_document_once_with_its_record_and_signature(tmp_path, batch_inputs, expected_records):
    failed = []
    summary = batch.run([str(batch_inputs)], tmp_path / "out", shard_mb=0, on_error=failed.append)
    rows = written(tmp_path / "out")
    assert sorted(row["id"] for row in rows) == sorted(expected_records)
    assert (summary.shards, summary.written, summary.documents, summary.duplicates, summary.failed) == (4, 4, 7, 1, 1)
    assert [error.origin for error in failed] == [f"{batch_inputs}/04-broken.jsonl#2"]
    for path in batch.shard_files(tmp_path / "out"):
        for doc, signature in (pair for chunk in records.documents(path) for pair in chunk):
            assert to_record(doc) == expected_records[doc.id]
            assert (signature == dedup.signature(doc.text)).all()
    manifest = json.loads((tmp_path / "out" / "_manifest.json").read_text())
    assert manifest["done"]["shard-00003"]["errors"] == [[f"{batch_inputs}/04-broken.jsonl#2", failed[0].reason]]


def test_worker_processes_give_the_same_records(tmp_path, batch_inputs, expected_records):
    batch.run([str(batch_inputs)], tmp_path / "out", workers=2, shard_mb=0)
    assert {row["id"]: row["entities"] for row in written(tmp_path / "out")} == {
        doc_id: json.dumps(record["entities"], ensure_ascii=False) for doc_id, record in expected_records.items()}


def test_a_rerun_skips_finished_shards_and_another_batch_is_refused(tmp_path, batch_inputs, monkeypatch):
    batch.run([str(batch_inputs)], tmp_path / "out", shard_mb=0)
    before = {path.name: path.stat().st_mtime_ns for path in (tmp_path / "out").glob("*.parquet")}
    monkeypatch.setattr(batch.work, "analyse_batch", lambda items: pytest.fail("a finished shard was analysed again"))
    summary = batch.run([str(batch_inputs)], tmp_path / "out", shard_mb=0)
    assert (summary.done_before, summary.written) == (4, 0)
    assert {path.name: path.stat().st_mtime_ns for path in (tmp_path / "out").glob("*.parquet")} == before
    with pytest.raises(batch.ManifestError, match="other inputs"):
        batch.run([str(batch_inputs / "01-wires.jsonl")], tmp_path / "out", shard_mb=0)


def test_kill_9_in_the_middle_then_a_rerun_gives_every_document_exactly_once(cli, tmp_path, one_document_files, expected_records):
    """A real `python -m sitrep batch` killed with SIGKILL once a shard is written, then run again."""
    out = tmp_path / "out"
    arguments = ["batch", str(one_document_files), "--out", str(out), "--shard-mb", "0"]
    child = subprocess.Popen([sys.executable, "-m", "sitrep", *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / "_manifest.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        if manifest.exists() and json.loads(manifest.read_text())["done"]:
            break
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    done_when_killed = len(json.loads(manifest.read_text())["done"])
    assert 0 < done_when_killed < 7, "the batch was not killed in the middle"

    rerun = cli(*arguments)
    assert rerun.exit_code == 0, rerun.stderr
    assert f"{7 - done_when_killed} shards written, {done_when_killed} done before, of 7" in rerun.stderr
    ids = [row["id"] for row in written(out)]
    assert len(ids) == len(set(ids)) == 7
    assert set(ids) == set(expected_records)
    assert not list(out.glob(".*.tmp"))


def test_the_command_prints_what_it_did_and_fails_on_a_bad_input(cli, tmp_path, batch_inputs):
    result = cli("batch", str(batch_inputs), "--out", str(tmp_path / "out"), "--shard-mb", "0")
    assert result.exit_code == 1
    assert "04-broken.jsonl#2: not valid JSON" in result.stderr
    assert "4 shards written, 0 done before, of 4; 7 documents written, 1 exact copies dropped, 1 failed" in result.stderr
    refused = cli("batch", str(batch_inputs), "--out", str(tmp_path / "out"), "--address", "ray://head:10001")
    assert refused.exit_code == 2
