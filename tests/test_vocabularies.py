"""Each vocabulary of the record lives in data/vocabularies.json, and everything that lists its
values reads it from there (or is held to it here)."""
import ast
import json
import re
import sys
from importlib import resources
from pathlib import Path

import pytest
from stix2.confidence.scales import dni_to_value

from sitrep import vocabularies
from sitrep.vocabularies import (CONFIDENCE, CONFIDENCE_LABELS, CONFIDENCE_VALUES, DNI_TERMS, ENTITY_TYPES, EVENT_TYPES,
                                 HEDGE, POLARITIES, STATEMENT_KINDS)

PACKAGE = Path(vocabularies.__file__).parent
CONTRACT = json.loads(resources.files("sitrep.data").joinpath("record.schema.json").read_text("utf-8"))


def contract_enum(definition: str, field: str) -> list:
    return CONTRACT["$defs"][definition]["properties"][field]["enum"]


def test_the_vocabularies_are_the_contracts():
    assert list(ENTITY_TYPES) == contract_enum("entity", "type")
    assert list(EVENT_TYPES) == contract_enum("event", "type")
    assert list(STATEMENT_KINDS) == contract_enum("statement", "kind")
    assert list(POLARITIES) == contract_enum("statement", "polarity")
    assert set(CONFIDENCE_VALUES) == set(contract_enum("statement", "confidence")) - {None}


def test_the_icd_203_scale_runs_from_least_to_most_likely_without_the_hedge():
    assert CONFIDENCE[0] == "remote" and CONFIDENCE[-1] == "almost_certain" and CONFIDENCE.index("even") == 3
    assert HEDGE == "possible" and HEDGE not in CONFIDENCE


def test_every_level_has_its_words_and_stix_knows_its_dni_term():
    assert set(CONFIDENCE_LABELS) == set(CONFIDENCE_VALUES)
    values = [dni_to_value(DNI_TERMS[level]) for level in CONFIDENCE]
    assert values == sorted(values) and len(set(values)) == len(values)  # the scale's order, as STIX has it


def test_the_estimative_lexicon_uses_the_scales_levels():
    lexicon = json.loads((PACKAGE / "data" / "estimative.json").read_text("utf-8"))
    assert {level for _, level in lexicon["phrases"]} <= set(CONFIDENCE_VALUES)


def test_the_event_lexicons_code_only_plover_types():
    events = json.loads((PACKAGE / "data" / "events.json").read_text("utf-8"))
    coded = {entry[0] for part in ("verbs", "nouns") for entry in events[part].values() if entry}
    cameo = json.loads((PACKAGE / "data" / "event_lexicon.json").read_text("utf-8"))
    coded |= {entry[0] for entry in cameo["codes"].values() if entry}
    assert coded and coded <= set(EVENT_TYPES)


def test_the_commands_choices_are_the_vocabularies():
    from sitrep import cli

    assert [m.value for m in cli.EntityType] == list(ENTITY_TYPES)
    assert [m.value for m in cli.Confidence] == list(CONFIDENCE)


def test_every_entity_type_has_its_colours():
    from sitrep.brief.plots import TYPE_COLOURS

    assert set(TYPE_COLOURS) == set(ENTITY_TYPES)
    css = (PACKAGE / "web" / "static" / "style.css").read_text("utf-8")
    for type_ in ENTITY_TYPES:
        assert f".ent-{type_} " in css and f".swatch-{type_} " in css, type_


def full_lists(values: tuple[str, ...]) -> list[str]:
    """The literal lists, tuples and sets in the package's code, and the lists in its templates,
    that hold every one of `values`: copies of a vocabulary."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                strings = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                if set(values) <= strings:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    for path in PACKAGE.rglob("*.html"):
        for literal in re.findall(r"\[[^\]]*\]", path.read_text("utf-8")):
            if all(f'"{v}"' in literal for v in values):
                found.append(str(path.relative_to(PACKAGE)))
    return found


@pytest.mark.parametrize("values", [ENTITY_TYPES, EVENT_TYPES, CONFIDENCE], ids=["entity types", "PLOVER", "ICD 203"])
def test_no_module_or_template_copies_a_vocabulary(values):
    """A list of every value written out again is a copy that will drift; the one ordering of
    every entity type the rules need (which kind of thing a pronoun prefers) is held to the
    vocabulary instead."""
    from sitrep.nlp.references import TYPE_PREFERENCE

    assert sorted(TYPE_PREFERENCE) == sorted(ENTITY_TYPES)
    allowed = {"nlp/references.py"} if values is ENTITY_TYPES else set()
    assert [place for place in full_lists(values) if place.split(":")[0] not in allowed] == []


def test_a_copied_vocabulary_is_found(tmp_path, monkeypatch):
    copy = tmp_path / "copy.py"
    copy.write_text(f"LEVELS = {CONFIDENCE!r}\n", "utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path)
    assert full_lists(CONFIDENCE) == ["copy.py:1"]
