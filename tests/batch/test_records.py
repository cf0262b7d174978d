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
