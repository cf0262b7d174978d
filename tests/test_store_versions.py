"""What produced each stored document: kept, read back with the record, and the documents of other
versions found; the store's tables hold the record's fields."""
from sqlalchemy import inspect, text

from sitrep import migrate
from sitrep import record as models
from sitrep.schema import Document
from sitrep.store import Store

NOW = {"sitrep": "0.2.0", "model": "en_core_web_sm 3.8.0", "events.json": "sha256:bbbb"}
BEFORE = {**NOW, "sitrep": "0.1.0", "events.json": "sha256:aaaa"}


def doc(n: int, versions: dict[str, str], published: str = "2024-03-01") -> Document:
    return Document(origin=f"{n}.txt", id=f"doc{n}", text=f"Report number {n} on the shelling of the district.",
                    published=published, versions=dict(versions))


def test_versions_are_stored_and_read_back_with_the_record(store):
    store.add(doc(1, NOW))
    stored = store.get("doc1")
    assert stored["versions"] == NOW
    assert list(stored) == [*models.FIELD_ORDER, "duplicate_of", "ingested_at"]


def test_documents_share_one_row_per_set_of_versions(store):
    for n in range(3):
        store.add(doc(n, NOW))
    store.add(doc(3, {**NOW}))  # the same versions in another dict
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM version_sets")).scalar() == 1


def test_outdated_lists_documents_of_other_versions_and_of_none(store):
    store.add(doc(1, NOW))
    store.add(doc(2, BEFORE, published="2024-03-02"))
    store.add(doc(3, {}, published="2024-03-03"))  # stored before records carried versions
    rows, total = store.outdated(NOW)
    assert [(r["id"], r["versions"]) for r in rows] == [("doc3", {}), ("doc2", BEFORE)] and total == 2
    assert store.outdated(BEFORE)[0][-1]["id"] == "doc1"
    assert store.outdated({"sitrep": "never stored"})[1] == 3


def test_reprocessing_replaces_the_versions(store):
    store.add(doc(1, BEFORE))
    assert store.add(doc(1, NOW), reprocess=True).status == "reprocessed"
    assert store.get("doc1")["versions"] == NOW
    assert store.outdated(NOW) == ([], 0)


def test_a_knowledge_base_of_before_gains_versions(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as kb:
        kb.add(doc(1, {}))
        with kb.writer.begin() as conn:  # as the previous schema version left it
            conn.execute(text("DROP INDEX ix_documents_version_set"))
            conn.execute(text("ALTER TABLE documents DROP COLUMN version_set_id"))
            conn.execute(text("DROP TABLE version_sets"))
            conn.execute(text("DROP TABLE documents_trigram"))
            conn.execute(text("DROP TABLE entity_aliases"))
            conn.execute(text("UPDATE alembic_version SET version_num = '0006_outlets'"))
    with Store(path) as kb:
        assert kb.version == migrate.head() and kb.get("doc1")["versions"] == {}
        kb.add(doc(2, NOW))
        assert kb.outdated(NOW)[1] == 1


def test_the_tables_hold_the_records_fields(store):
    """The store's tables against the record's one definition: a field added to the models and
    not stored (or stored under another name) fails here."""
    columns = {t: [c["name"] for c in inspect(store.engine).get_columns(t)]
               for t in ("documents", "entities", "mentions", "statements", "events", "dates")}
    kept_as_rows = {"entities", "statements", "events", "dates", "versions", "schema"}
    assert set(models.FIELD_ORDER) - kept_as_rows <= set(columns["documents"])
    assert set(columns["entities"]) == set(models.field_names(models.Entity)) - {"mentions"}
    assert set(columns["mentions"]) == {"document_id", "entity_id", *models.field_names(models.Span)}
    assert set(columns["statements"]) == {"document_id", *models.field_names(models.Statement)}
    assert set(columns["events"]) == {"document_id", "seq", *models.field_names(models.Event)}
    assert set(columns["dates"]) == {"document_id", "seq", *models.field_names(models.DateMention)}
