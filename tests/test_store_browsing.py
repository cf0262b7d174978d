"""The store's browsing block: counts kept by triggers (through adds, reprocessing and the
migration of a knowledge base written before them), ranked neighbours, and the statements and
events pages with their totals. Documents are built by hand so that every count is known."""
import shutil
import sqlite3

import pytest
from sqlalchemy import func, select

from sitrep import migrate
from sitrep.schema import Document, Entity, Event, Mention, Statement
from sitrep.store import Store, entity_counts, entity_documents, mentions

TEXTS = [
    "Moldova said that Russia had flown drones over Ocnita. Romania and Moldova asked Brussels for radar help.",
    "Romania said the drone that fell near Galati was Russian. Moldova and Ukraine were told of the findings.",
    "Ukraine said Russia attacked the port of Izmail on the Danube overnight, close to the border with Romania.",
]


def entity(id_, name, type_, *spans):
    return Entity(id_, name, type_, mentions=[Mention(s, e, name) for s, e in spans])


def document(k: int, published: str, entities, statements=(), events=()) -> Document:
    return Document(origin=f"{k}.txt", text=TEXTS[k], id=f"doc{k}", published=published, source="Test Wire",
                    entities=list(entities), statements=list(statements), events=list(events))


@pytest.fixture
def kb(kb_location):
    with Store(kb_location) as opened:
        yield opened


def fill(kb: Store) -> None:
    kb.add(document(0, "2024-03-01", [
        entity("md", "Moldova", "GPE", (0, 7), (68, 75)), entity("ru", "Russia", "GPE", (18, 24)),
        entity("ro", "Romania", "GPE", (56, 63))],
        [Statement("s1", "speech", "md", "Moldova", "said", "Russia had flown drones over Ocnita. Romania", 18, 63,
                   confidence="likely")]))
    kb.add(document(1, "2024-04-02", [
        entity("ro", "Romania", "GPE", (0, 7)), entity("md", "Moldova", "GPE", (59, 66)),
        entity("ua", "Ukraine", "GPE", (71, 78))],
        [Statement("s1", "speech", "ro", "Romania", "said", "the drone that fell near Galati was Russian", 13, 56)]))
    kb.add(document(2, "2024-05-03", [
        entity("ua", "Ukraine", "GPE", (0, 7)), entity("ru", "Russia", "GPE", (13, 19)),
        entity("ro", "Romania", "GPE", (96, 103))],
        [Statement("s1", "speech", "ua", "Ukraine", "said", "Russia attacked the port of Izmail", 13, 47,
                   confidence="almost_certain")],
        [Event("ASSAULT", 13, 47, actor="ru", target="ua", date="2024-05-02", statement="s1")]))


def recounted(kb: Store) -> tuple[set, set]:
    """The kept counts, and the same counts computed from the mentions."""
    with kb.engine.connect() as conn:
        kept = set(conn.execute(select(entity_counts).where(entity_counts.c.documents > 0)).all())
        per_document = select(mentions.c.entity_id, mentions.c.document_id, func.count().label("n")) \
            .group_by(mentions.c.entity_id, mentions.c.document_id).subquery()
        fresh = set(conn.execute(select(per_document.c.entity_id, func.count(), func.sum(per_document.c.n))
                                 .group_by(per_document.c.entity_id)).all())
        pairs = set(conn.execute(select(entity_documents)).all())
        fresh_pairs = set(conn.execute(select(per_document)).all())
    assert pairs == fresh_pairs
    return kept, fresh


def test_counts_are_kept_as_documents_are_added_and_reprocessed(kb):
    fill(kb)
    kept, fresh = recounted(kb)
    assert kept == fresh and ("md", 2, 3) in kept and ("ro", 3, 3) in kept
    rows, total = kb.entity_index()
    assert total == 4 and [r["id"] for r in rows][:1] == ["ro"] and rows[0]["documents"] == 3
    changed = document(0, "2024-03-01", [entity("ru", "Russia", "GPE", (18, 24))])
    kb.add(changed, reprocess=True)  # Moldova and Romania are no longer found in the first document
    kept, fresh = recounted(kb)
    assert kept == fresh and ("md", 1, 1) in kept and ("ro", 2, 2) in kept
    assert kb.entity_index("gpe", limit=2, offset=2)[1] == 4


def test_a_knowledge_base_written_before_the_counts_gets_them_when_opened(tmp_path, fixtures):
    path = tmp_path / "old.db"
    shutil.copy(fixtures / "legacy-v1.db", path)  # `fill` by sitrep's first schema, before Alembic
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [("1",)]
    with Store(path) as migrated:
        assert migrated.version == migrate.head()
        kept, fresh = recounted(migrated)
        assert kept == fresh and len(kept) == 4
        assert migrated.entity_profile("Moldova")["document_count"] == 2


def test_neighbours_are_ranked_by_weight_capped_and_filtered(kb):
    fill(kb)
    everyone, total = kb.ranked_neighbours("ro")
    assert total == 3 and [(n["other"], n["weight"]) for n in everyone] == [("md", 3), ("ru", 2), ("ua", 2)]
    assert {r["relation"] for r in everyone[0]["relations"]} == {"co-mentioned", "spoken of by"}
    top, total = kb.ranked_neighbours("ro", limit=1)
    assert [n["other"] for n in top] == ["md"] and total == 3
    events, total = kb.ranked_neighbours("ru", {"event"})
    assert total == 1 and events[0]["relations"] == [{"relation": "event:ASSAULT", "count": 1}]
    said, _ = kb.ranked_neighbours("md", {"said"})
    assert [(n["other"], n["relations"]) for n in said] == [(other, [{"relation": "said about", "count": 1}])
                                                             for other in ("ro", "ru")]
    assert kb.ranked_neighbours("ro", set()) == ([], 0)
    recent, total = kb.ranked_neighbours("ro", {"co-mentioned"}, window=1)  # only its latest document
    assert {n["other"] for n in recent} == {"ua", "ru"} and total == 2


def test_statement_and_event_pages_filter_and_count(kb):
    fill(kb)
    rows, total = kb.statement_page()
    assert total == 3 and [r["document_id"] for r in rows] == ["doc2", "doc1", "doc0"]
    rows, total = kb.statement_page(min_confidence="likely")
    assert total == 2 and {r["source_name"] for r in rows} == {"Moldova", "Ukraine"}
    rows, total = kb.statement_page(source="ro", since="2024-04", until="2024-04-30")
    assert total == 1 and rows[0]["content"] == "the drone that fell near Galati was Russian"
    assert kb.statement_page(since="2024-06")[1] == 0
    with pytest.raises(ValueError, match="not a real date"):
        kb.statement_page(since="2024-02-30")
    rows, total = kb.event_page("ASSAULT")
    assert total == 1 and (rows[0]["actor_name"], rows[0]["target_name"], rows[0]["words"]) == (
        "Russia", "Ukraine", "Russia attacked the port of Izmail")
    assert kb.event_page("ASSAULT", until="2024-04")[1] == 0 and kb.event_types() == {"ASSAULT": 1}
    about = kb.statements_about("ru")
    assert [s["document_id"] for s in about] == ["doc2", "doc0"]
