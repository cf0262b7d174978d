"""Every export re-read by its own library and checked for content."""
import csv
import json

import networkx as nx
import stix2
from followthemoney import model

from sitrep.export import export
from sitrep.record import validate
from sitrep.store import Store


def exported(knowledge_base, tmp_path, fmt, name):
    with Store(knowledge_base) as kb:
        return export(kb, fmt, tmp_path / name), kb.count()


def test_jsonl_is_the_records(knowledge_base, tmp_path):
    path, count = exported(knowledge_base, tmp_path, "jsonl", "kb.jsonl")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == count == 10
    for record in records:
        validate(record)
    assert any(r["title"] == "Moscow criticises Chisinau" and r["statements"] for r in records)


def test_csv_tables_join_by_ids(knowledge_base, tmp_path):
    path, count = exported(knowledge_base, tmp_path, "csv", "tables")
    tables = {name: list(csv.DictReader((path / f"{name}.csv").open())) for name in
              ("documents", "entities", "mentions", "statements", "events", "dates")}
    assert len(tables["documents"]) == count
    sandu = next(e for e in tables["entities"] if e["name"] == "Maia Sandu")
    assert any(m["entity_id"] == sandu["id"] for m in tables["mentions"])
    assert any(e["type"] == "CONSULT" and sandu["id"] in (e["actor"], e["target"]) for e in tables["events"])
    assert all(isinstance(json.loads(row["via"]), list) for row in tables["statements"])


def test_graphml_opens_in_networkx(knowledge_base, tmp_path):
    path, _ = exported(knowledge_base, tmp_path, "graphml", "kb.graphml")
    graph = nx.read_graphml(path)
    labels = nx.get_node_attributes(graph, "label")
    sandu = next(n for n, label in labels.items() if label == "Maia Sandu")
    leyen = next(n for n, label in labels.items() if label == "Ursula von der Leyen")
    assert "co-mentioned" in {data["relation"] for _, _, data in graph.edges(data=True)}
    between = {**(graph.get_edge_data(sandu, leyen) or {}), **(graph.get_edge_data(leyen, sandu) or {})}
    assert any(data["relation"] == "event:CONSULT" and data["weight"] == 1 for data in between.values())
    assert graph.nodes[sandu]["type"] == "PERSON"


def test_followthemoney_entities_are_valid_and_linked(knowledge_base, tmp_path):
    path, count = exported(knowledge_base, tmp_path, "ftm", "kb.ftm.json")
    proxies = []
    for line in path.read_text().splitlines():
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)  # cleans: an invalid value would be dropped
        assert proxy.to_dict()["properties"] == data["properties"], data
        proxies.append(proxy)
    by_schema = {}
    for proxy in proxies:
        by_schema.setdefault(proxy.schema.name, []).append(proxy)
    assert len(by_schema["Article"]) == count
    sandu = next(p for p in by_schema["Person"] if p.get("name") == ["Maia Sandu"])
    articles = {p.id for p in by_schema["Article"]}
    assert any(m.get("resolved") == [sandu.id] and m.first("document") in articles for m in by_schema["Mention"])
    assert any(sandu.id in e.get("involved") for e in by_schema["Event"])
    zelenskyy = next(p for p in by_schema["Person"] if p.get("name") == ["Volodymyr Zelenskyy"])
    assert zelenskyy.get("wikidataId") == ["Q3874799"]
    assert {"Address", "Organization", "Company"} <= set(by_schema)
    assert any(c.get("name") == ["Minsk Wheeled Tractor Plant"] for c in by_schema["Company"])


def test_stix_bundle_parses_and_carries_confidence(knowledge_base, tmp_path):
    path, count = exported(knowledge_base, tmp_path, "stix", "kb.stix.json")
    bundle = stix2.parse(path.read_text(), allow_custom=False)
    objects = bundle.objects
    kinds = {}
    for item in objects:
        kinds.setdefault(item.type, []).append(item)
    assert len(kinds["report"]) == count
    sandu = next(i for i in kinds["identity"] if i.name == "Maia Sandu")
    assert sandu.identity_class == "individual"
    assert any(r.relationship_type == "consult" and sandu.id in (r.source_ref, r.target_ref) for r in kinds["relationship"])
    claim = next(n for n in kinds["note"] if "dragging Moldova into NATO" in n.content)
    assert claim.authors == ["Maria Zakharova"] and claim.confidence == 70  # "likely" on the DNI scale
    moldova = next(i for i in kinds["location"] if i.name == "Moldova")
    assert moldova.country == "MD"
    assert all(ref in {o.id for o in objects} for r in kinds["report"] for ref in r.object_refs)


def test_stix_exports_undated_documents_dated_by_ingestion(tmp_path):
    from sitrep.pipeline import process
    from sitrep.schema import Input

    with Store(tmp_path / "kb.db") as kb:
        kb.add(process(Input(origin="undated.txt", title="Drones over Odesa",
                             text="Ukrainian officials said on Monday that Russia launched drones at Odesa overnight, "
                                  "damaging port infrastructure.")))
        kb.add(process(Input(origin="second.txt", title="Drone crash in Moldova",
                             text="Moldova's foreign ministry said a drone crashed near the border with Ukraine.")))
        path = export(kb, "stix", tmp_path / "undated.stix.json")
        ingested = kb.get(kb.documents()[0]["id"])["ingested_at"]
    bundle = stix2.parse(path.read_text(), allow_custom=False)
    reports = [o for o in bundle.objects if o.type == "report"]
    assert len(reports) == 2
    assert {r.published.date().isoformat() for r in reports} == {ingested[:10]}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch):
    import pytest

    def broken(store, out):
        out.write_text("half a bundle")
        raise RuntimeError("disk full")

    monkeypatch.setattr("sitrep.export.stix.write", broken)
    with Store(tmp_path / "kb.db") as kb, pytest.raises(RuntimeError):
        export(kb, "stix", tmp_path / "out.stix.json")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("kb.db")) == []


def test_followthemoney_aliases_places_and_parties(knowledge_base, tmp_path):
    path, _ = exported(knowledge_base, tmp_path, "ftm", "kb.ftm.json")
    proxies = [model.get_proxy(json.loads(line)) for line in path.read_text().splitlines()]
    by_id = {p.id: p for p in proxies}
    isw = next(p for p in proxies if p.get("name") == ["Institute for the Study of War"])
    assert "ISW" in isw.get("alias")
    assert not [a for p in proxies for a in p.get("alias", quiet=True) if a[0].islower() or a.split()[0] in ("The", "the")]
    moldova = next(p for p in proxies if p.schema.name == "Address" and p.get("full") == ["Moldova"])
    assert moldova.get("country") == ["md"]
    events = [p for p in proxies if p.schema.name == "Event"]
    assert events
    for event in events:
        assert all(by_id[party].schema.is_a("LegalEntity") for party in event.get("involved"))
    assert any(by_id[party].schema.name == "PublicBody" for event in events for party in event.get("involved"))


def test_csv_columns_are_the_records_fields(knowledge_base, tmp_path):
    from sitrep.record import Event, field_names

    path, _ = exported(knowledge_base, tmp_path, "csv", "tables")
    with (path / "events.csv").open() as f:
        header = next(csv.reader(f))
    assert header == ["document_id", *field_names(Event)]
    with (path / "documents.csv").open() as f:
        assert next(csv.reader(f)) == ["id", "origin", "title", "published", "source", "url", "language", "text"]
    entities = list(csv.DictReader((path / "entities.csv").open()))
    moldova = next(e for e in entities if e["name"] == "Moldova")
    assert moldova["country"] == "MDA" and isinstance(json.loads(moldova["roles"]), list)
    assert all(isinstance(json.loads(row["context"]), list) for row in csv.DictReader((path / "events.csv").open()))
