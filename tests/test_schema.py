import dataclasses
import json

from sitrep import record as models
from sitrep.record import validate
from sitrep.schema import DateMention, Document, Entity, Event, Mention, Statement, from_record, to_json, to_record


def test_minimal_document_is_a_valid_record():
    record = to_record(Document(origin="-", id="abc", text="Some text."))
    validate(record)
    assert list(record)[:3] == ["schema", "id", "origin"]
    assert record["entities"] == record["statements"] == record["events"] == record["dates"] == []


def test_a_record_has_the_fields_of_the_models_in_their_order():
    record = to_record(Document(origin="-", id="abc", text="x", versions={"sitrep": "0.1.0"}))
    assert tuple(record) == models.FIELD_ORDER
    assert record["versions"] == {"sitrep": "0.1.0"}


def test_the_working_dataclasses_have_the_fields_of_the_models():
    """The pipeline's light objects and the record's one definition name the same fields, in the
    same order (a field added to one and not the other fails here)."""
    pairs = [(Entity, models.Entity), (Mention, models.Span), (Statement, models.Statement),
             (Event, models.Event), (DateMention, models.DateMention)]
    for working, model in pairs:
        assert tuple(f.name for f in dataclasses.fields(working)) == models.field_names(model), working
    working_only = {"input", "parsed", "notes"}
    document = {f.name for f in dataclasses.fields(Document)} - working_only
    assert document == set(models.FIELD_ORDER) - {"schema"}


def test_json_line_keeps_non_ascii_text():
    line = to_json(Document(origin="-", id="abc", text="Лукашенко — Минск"))
    assert "\n" not in line and "Лукашенко" in line


def test_a_record_without_versions_reads_back_with_none():
    record = to_record(Document(origin="-", id="abc", text="x"))
    del record["versions"]  # optional in the contract: a record of before has none
    assert from_record(record).versions == {}


def test_a_record_read_back_is_the_same_document():
    from sitrep.pipeline import process
    from sitrep.schema import Input

    doc = process(Input(origin="m.txt", text="Moldova expels Russian diplomat\n\nMoldova ordered a Russian diplomat to "
                                            "leave within 72 hours, the foreign ministry said on Monday.\n"))
    assert doc.entities and doc.statements and doc.versions
    assert to_record(from_record(to_record(doc))) == to_record(doc)
    assert json.loads(to_json(doc))["versions"] == doc.versions
