"""The Ray engine on Ray on this machine (2 CPUs): the same output as the local engine."""
import pyarrow.parquet as pq
import pytest

from sitrep import batch

pytestmark = pytest.mark.ray


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
