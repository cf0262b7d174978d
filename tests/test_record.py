"""The record's one definition: the models generate a JSON Schema equivalent to the contract,
and validate records as the contract does."""
import copy
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pydantic
import pytest

from sitrep.record import FIELD_ORDER, json_schema, validate
from sitrep.schema import Document, to_record

CONTRACT = Path(__file__).parents[2] / "shared" / "spec" / "record.schema.json"
PACKAGE_COPY = json.loads(resources.files("sitrep.data").joinpath("record.schema.json").read_text("utf-8"))


def shape(node: dict, defs: dict) -> dict:
    """What a schema node constrains, whatever the way it is written: `$ref`s resolved, `anyOf` of
    a type and null folded into a set of types, `const` as a one-value enum, titles, descriptions
    and defaults left out; properties and required fields compared as sets."""
    if "$ref" in node:
        return shape(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in node:
        merged: dict = {"types": set()}
        for branch in (shape(b, defs) for b in node["anyOf"]):
            merged["types"] |= branch.pop("types")
            if "enum" in branch:
                merged["enum"] = merged.get("enum", set()) | branch.pop("enum")
            merged.update(branch)
        if "enum" in merged and "null" in merged["types"]:
            merged["enum"].add(None)  # anyOf [enum, null] allows what an enum with null does
        return merged
    found: dict = {}
    if "const" in node or "enum" in node:
        values = [node["const"]] if "const" in node else node["enum"]
        found["enum"] = set(values)
        found["types"] = {"null" if v is None else "string" if isinstance(v, str) else type(v).__name__ for v in values}
    else:
        declared = node.get("type", [])
        found["types"] = set(declared if isinstance(declared, list) else [declared])
    for key in ("pattern", "minLength", "minimum"):
        if key in node:
            found[key] = node[key]
    if "items" in node:
        found["items"] = shape(node["items"], defs)
    if "properties" in node:
        found["properties"] = {name: shape(child, defs) for name, child in node["properties"].items()}
        found["required"] = set(node.get("required", []))
    if isinstance(node.get("additionalProperties"), dict):
        found["additionalProperties"] = shape(node["additionalProperties"], defs)
    return found


def of_schema(schema: dict) -> dict:
    return shape(schema, schema.get("$defs", {}))


@pytest.mark.skipif(not CONTRACT.exists(), reason="../shared is not beside the repository")
def test_package_copy_of_the_schema_is_the_contract():
    assert PACKAGE_COPY == json.loads(CONTRACT.read_text())


def test_generated_schema_is_equivalent_to_the_contract():
    assert of_schema(json_schema()) == of_schema(PACKAGE_COPY)


@pytest.mark.parametrize("drift", [
    lambda s: s["$defs"]["entity"]["properties"]["type"]["enum"].append("VEHICLE"),
    lambda s: s["$defs"]["statement"]["required"].remove("polarity"),
    lambda s: s["properties"].pop("versions"),
    lambda s: s["$defs"]["event"]["properties"]["date"].update({"$ref": "#/$defs/span"}),
    lambda s: s["properties"]["published"].update({"pattern": "^\\d{4}"}),
    lambda s: s["$defs"]["span"]["properties"]["start"].pop("minimum"),
])
def test_a_drift_from_the_contract_is_seen(drift):
    changed = copy.deepcopy(PACKAGE_COPY)
    drift(changed)
    assert of_schema(json_schema()) != of_schema(changed)


def test_field_order_is_the_contracts():
    assert FIELD_ORDER == tuple(PACKAGE_COPY["properties"])


def good_record() -> dict:
    return to_record(Document(origin="a.txt", id="abc", text="Russia denied it.", published="2024-02-11",
                              versions={"sitrep": "0.1.0"}))


def statement(**changes) -> dict:
    return {"id": "s1", "kind": "reported", "source": None, "source_text": "", "cue": "denied", "content": "it",
            "start": 14, "end": 16, "via": [], "date": None, "confidence": None, "hedges": [],
            "polarity": "negative", **changes}


@pytest.mark.parametrize("change", [
    {"published": "18 February"},
    {"id": ""},
    {"statements": [statement(confidence="probable")]},
    {"statements": [statement(polarity="neutral")]},
    {"statements": [statement(start="14")]},  # a string is not a number, as in JSON Schema
    {"statements": [statement(start=-1)]},
    {"events": [{"type": "ATTACK", "start": 0, "end": 5, "mode": None, "actor": None, "target": None,
                 "date": None, "location": None, "statement": None}]},
    {"entities": [{"id": "Q159", "name": "Russia", "type": "GPE", "wikidata": "159", "mentions": []}]},
    {"dates": [{"text": "Monday", "start": 0, "end": 6, "value": "2024-2-12"}]},
    {"versions": {"sitrep": 1}},
])
def test_a_record_that_breaks_the_contract_is_refused_by_both(change):
    record = {**good_record(), **change}
    with pytest.raises(pydantic.ValidationError):
        validate(record)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, PACKAGE_COPY)


def test_a_good_record_is_accepted_by_both():
    record = {**good_record(), "statements": [statement(confidence="possible")],
              "events": [{"type": "REJECT", "start": 0, "end": 17, "mode": None, "actor": "Q159", "target": None,
                          "date": "2024-02", "location": None, "statement": "s1", "context": ["diplomatic"]}]}
    validate(record)
    jsonschema.validate(record, PACKAGE_COPY)
    without_versions = {k: v for k, v in record.items() if k != "versions"}
    validate(without_versions)
    jsonschema.validate(without_versions, PACKAGE_COPY)


def test_reading_a_knowledge_base_does_not_load_the_models():
    """The models cost pydantic's import; the read commands (over the store) start without it."""
    import subprocess
    import sys

    probe = "import sys, sitrep.cli, sitrep.store, sitrep.schema\nprint('pydantic' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip() == "False"
