"""The Ray engine on Ray on this machine (2 CPUs): the same output as the local engine; a batch
killed with SIGKILL leaves no Ray behind, and a rerun gives every document exactly once."""
import itertools
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import sitrep
from sitrep import batch

pytestmark = pytest.mark.ray

SRC = Path(sitrep.__file__).resolve().parents[1]  # the sitrep under test, for a subprocess and its Ray


def test_ray_engine_with_two_actors_writes_the_records_the_pipeline_makes(local_ray, tmp_path, batch_inputs, expected_records):
    summary = batch.run([str(batch_inputs)], tmp_path / "out", engine="ray", workers=2, shard_mb=0)
    rows = pq.read_table(tmp_path / "out").to_pylist()
    assert sorted(row["id"] for row in rows) == sorted(expected_records)
    assert (summary.written, summary.documents, summary.duplicates, summary.failed) == (4, 7, 1, 1)
    local = tmp_path / "local"
    batch.run([str(batch_inputs)], local, shard_mb=0)
    by_id = {row["id"]: row for row in pq.read_table(local).to_pylist()}
    for row in rows:
        assert row == by_id[row["id"]]
    assert batch.run([str(batch_inputs)], tmp_path / "out", engine="ray", workers=2, shard_mb=0).written == 0


def test_kill_9_of_a_ray_batch_leaves_no_ray_and_a_rerun_gives_every_document_exactly_once(
        local_ray, cli, carrying, descendants, tmp_path, one_document_files, expected_records):
    """A real `python -m sitrep batch --engine ray`, which starts a Ray of its own, killed with
    SIGKILL once a shard is written: no process of that Ray is left; a rerun (on the session's Ray)
    writes the missing shards only. The batch's processes are its descendants, looked at while it
    runs, and whatever inherited a token of this test in its environment: the only ones ever
    killed here."""
    out = tmp_path / "out"
    # A batch of one document: Ray Data would hand all 7 documents to one actor in one batch, and
    # the 7 shards would be written within milliseconds, too quickly to kill the batch in between.
    arguments = ["batch", str(one_document_files), "--out", str(out), "--shard-mb", "0", "--engine", "ray", "--workers", "2",
                 "--batch-size", "1"]
    token = uuid.uuid4().hex
    environment = {**os.environ, "SITREP_TEST_KILLED_BATCH": token,
                   "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    mark = f"SITREP_TEST_KILLED_BATCH={token}".encode()
    errors = tmp_path / "batch.err"
    with errors.open("w") as stderr:
        child = subprocess.Popen([sys.executable, "-m", "sitrep", *arguments], env=environment,
                                 stdout=subprocess.DEVNULL, stderr=stderr)
    batch_processes = descendants(child.pid)
    manifest = out / "_manifest.json"
    try:
        deadline = time.monotonic() + 300
        for tick in itertools.count():
            if time.monotonic() > deadline or child.poll() is not None:
                break
            if manifest.exists() and json.loads(manifest.read_text())["done"]:
                break
            if tick % 50 == 0:  # while it waits, not when the kill is due
                batch_processes.look()
            time.sleep(0.01)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        done_when_killed = len(json.loads(manifest.read_text())["done"]) if manifest.exists() else 0
        assert 0 < done_when_killed < 7, f"not killed in the middle: {done_when_killed} shards done; {errors.read_text()}"
        assert any("raylet" in command for command in batch_processes.commands.values()), batch_processes.commands
        deadline = time.monotonic() + 10
        while (left := {**batch_processes.alive(), **carrying(mark)}) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not left, f"left running 10 s after the kill: {left}"
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        batch_processes.kill()
        for pid in carrying(mark):
            os.kill(pid, signal.SIGKILL)

    rerun = cli(*arguments)
    assert rerun.exit_code == 0, rerun.stderr
    assert f"{7 - done_when_killed} shards written, {done_when_killed} done before, of 7" in rerun.stderr
    ids = [row["id"] for row in pq.read_table(out).to_pylist()]
    assert len(ids) == len(set(ids)) == 7
    assert set(ids) == set(expected_records)
    assert not list(out.glob(".*.tmp"))
