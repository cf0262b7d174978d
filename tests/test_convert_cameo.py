"""The committed CAMEO-derived event lexicon is exactly what the conversion script writes."""
import importlib.util
import json
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
SHARED = REPOSITORY.parent / "shared" / "data"
COMMITTED = REPOSITORY / "src" / "sitrep" / "data" / "event_lexicon.json"


def _script():
    spec = importlib.util.spec_from_file_location("convert_cameo", REPOSITORY / "scripts" / "convert_cameo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "petrarch2" / "CAMEO.2.0.txt").exists(), reason="needs ../shared/data")
def test_the_committed_lexicon_is_reproduced_byte_for_byte():
    assert _script().build(SHARED) == COMMITTED.read_text("utf-8")


def test_the_lexicon_carries_its_licence_and_attribution():
    lexicon = json.loads(COMMITTED.read_text("utf-8"))
    assert lexicon["_licence"].startswith("CC BY-SA 4.0")
    assert "PETRARCH2" in lexicon["_attribution"] and "PLOVER" in lexicon["_attribution"]


def test_a_pattern_line_becomes_object_particles_and_prepositions():
    script = _script()
    assert script.pattern("- * OFF {PEACE TALKS} (WITH &NEGOTIATOR)   [164]  # CALL") == {
        "code": "164", "object": "peace talks", "with": ["off"], "prepositions": [["with", "&NEGOTIATOR"]]}
    assert script.pattern("- * (BEFORE COURT)   [:173]  # APPEAR") == {
        "code": "173", "reverse": True, "prepositions": [["before", "court"]]}


def test_plover_drops_cameo_comments_and_appeals():
    codes = json.loads(COMMITTED.read_text("utf-8"))["codes"]
    assert codes["010"] is None and codes["020"] is None
    assert codes["0871"] == ["RETREAT", "ceasefire", ["military"]]
    assert codes["163"][0] == "COERCE"  # the editors' table, as it stands
