import os

import pytest

from sitrep import dedup
from sitrep.batch import records
from sitrep.pipeline import process
from sitrep.schema import Input, to_record

TEXT = ("Border guards detain smugglers near Chernivtsi\n\nUkrainian border guards detained three men trying to "
        "smuggle drone parts across the Romanian border, the State Border Guard Service said on Friday.\n")


def test_a_row_reads_back_as_the_same_record_with_its_signature_and_notes(tmp_path):
    doc = process(Input(origin="guards.txt", text=TEXT, source="Frontier News"))
    doc.notes.append("a note")
    path = tmp_path / "shard-00000.parquet"
    records.write(path, [records.row_of(doc, dedup.signature(doc.text))])
    [[(back, signature)]] = list(records.documents(path))
    assert to_record(back) == to_record(doc)
    assert back.notes == ["a note"]
    assert (signature == dedup.signature(doc.text)).all()
    assert records.ids(path) == [doc.id]


def test_a_shard_that_fails_while_written_leaves_no_file_under_its_name(tmp_path, monkeypatch):
    doc = process(Input(origin="guards.txt", text=TEXT))
    path = tmp_path / "shard-00000.parquet"

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        records.write(path, [records.row_of(doc, dedup.signature(doc.text))])
    assert not path.exists()


def test_the_columns_are_the_records_fields_then_the_batchs_own():
    from sitrep.record import FIELD_ORDER

    names = records.SCHEMA.names
    assert names == [*FIELD_ORDER[1:], "notes", "signature", "sitrep_version"]
    assert records.JSON_COLUMNS == ("entities", "statements", "events", "dates", "versions")
    assert str(records.SCHEMA.field("removed").type) == "list<item: string>"


def test_a_shard_written_before_records_carried_versions_reads_back(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    doc = process(Input(origin="guards.txt", text=TEXT))
    row = records.row_of(doc, dedup.signature(doc.text))
    del row["versions"]
    before = pa.schema([f for f in records.SCHEMA if f.name != "versions"])
    path = tmp_path / "shard-00000.parquet"
    pq.write_table(pa.Table.from_pylist([row], schema=before), path)
    [[(back, _)]] = list(records.documents(path))
    assert back.versions == {} and back.statements == doc.statements
