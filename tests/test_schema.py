import json
from pathlib import Path

import jsonschema
import pytest

from sitrep.schema import CONFIDENCE, ENTITY_TYPES, Document, record_schema, to_json, to_record, validate

SHARED_SCHEMA = Path(__file__).parents[2] / "shared" / "spec" / "record.schema.json"


def test_minimal_document_is_a_valid_record():
    record = to_record(Document(origin="-", id="abc", text="Some text."))
    validate(record)
    assert list(record)[:3] == ["schema", "id", "origin"]
    assert record["entities"] == record["statements"] == record["events"] == record["dates"] == []


def test_invalid_record_is_refused():
    record = to_record(Document(origin="-", id="abc", text="x", published="18 February"))
    with pytest.raises(jsonschema.ValidationError):
        validate(record)


def test_json_line_keeps_non_ascii_text():
    line = to_json(Document(origin="-", id="abc", text="Лукашенко — Минск"))
    assert "\n" not in line and "Лукашенко" in line


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="../shared is not beside the repository")
def test_package_copy_of_the_schema_matches_the_contract():
    assert record_schema() == json.loads(SHARED_SCHEMA.read_text())


def test_entity_types_are_those_of_the_schema():
    assert list(ENTITY_TYPES) == record_schema()["$defs"]["entity"]["properties"]["type"]["enum"]


def test_confidence_levels_are_those_of_the_schema():
    levels = record_schema()["$defs"]["statement"]["properties"]["confidence"]["enum"]
    assert set(CONFIDENCE) == set(levels) - {"possible", None}


def test_a_record_read_back_is_the_same_document():
    from sitrep.pipeline import process
    from sitrep.schema import Input, from_record, to_record

    doc = process(Input(origin="m.txt", text="Moldova expels Russian diplomat\n\nMoldova ordered a Russian diplomat to "
                                            "leave within 72 hours, the foreign ministry said on Monday.\n"))
    assert doc.entities and doc.statements
    assert to_record(from_record(to_record(doc))) == to_record(doc)
