"""The committed actor and agent data are exactly what the conversion script makes of the dictionaries."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "data" / "petrarch2"
DATA = ROOT / "src" / "sitrep" / "data"


def _script():
    spec = importlib.util.spec_from_file_location("convert_petrarch2", ROOT / "scripts" / "convert_petrarch2.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SOURCE.is_dir(), reason="the field dictionaries live in ../shared beside the repository")
def test_committed_files_are_what_the_script_writes(tmp_path):
    _script().write(SOURCE, tmp_path)
    for name in ("actors.jsonl", "agents.json"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_data_files_carry_the_mit_notice_and_attribution():
    header = json.loads((DATA / "actors.jsonl").open(encoding="utf-8").readline())
    agents = json.loads((DATA / "agents.json").read_text(encoding="utf-8"))
    for data in (header, agents):
        assert data["_licence"][0] == "The MIT License (MIT)"
        assert "openeventdata/petrarch2" in data["_source"]


def test_dictionary_phrases_read_as_names():
    script = _script()
    assert script.phrase_to_name("ALYAKSANDR_LUKASHENKA_") == "Alyaksandr Lukashenka"
    assert script.phrase_to_name("ISLAMIC_ARMY_OF_ADEN_") == "Islamic Army of Aden"
    assert script.names_of("ISLAMIC_ARMY_OF_ADEN_(IAA)_") == ["Islamic Army of Aden", "IAA"]


def test_dates_and_roles():
    script = _script()
    iso3 = frozenset({"BLR", "USA"})
    assert script.parse_role("BLRGOV >940720", iso3) == {
        "role": "GOV", "country": "BLR", "since": "1994-07-20", "until": None}
    assert script.parse_role("IGOUNO 20070101-20161231", iso3) == {
        "role": "IGOUNO", "country": None, "since": "2007-01-01", "until": "2016-12-31"}
    assert script.parse_role("KORGOVBUS 2004017-20061201", iso3) is None  # a malformed date
    assert script.sector_of({"role": "GOVBUS"}) == "GOV"
    assert script.sector_of({"role": "IGOUNO"}) == "IGO"


def test_regular_plurals_are_made_once():
    script = _script()
    assert script.plural("militia") == "militias"
    assert script.plural("secretary") == "secretaries"
    assert script.plural("boss") == "bosses"
    assert script.plural("forces") is None


def test_an_elite_with_no_dates_is_a_person_and_a_body_word_makes_a_body():
    script = _script()
    elite = [{"role": "ELI", "country": "IND", "since": None, "until": None}]
    assert script.kind_of(script.Block(names=["Ravindra Kovar"]), elite) == "person"
    assert script.kind_of(script.Block(names=["Kovar Party"]), elite) == "organisation"
    assert script.kind_of(script.Block(names=["Kovar Traders"]), [{"role": "BUS", "country": "IND", "since": None,
                                                                  "until": None}]) == "organisation"
