"""Events keep their PLOVER context in the knowledge base, and older knowledge bases gain it."""
from sitrep.pipeline import process
from sitrep.schema import Input
from sitrep import migrate
from sitrep.store import Store

REPORT = "Russia and Belarus held joint military exercises near the Polish border on Monday."


def test_an_events_context_is_stored_and_read_back(kb_location):
    document = process(Input(origin="drill.txt", text=REPORT, title="Joint drills", published="2024-05-13"))
    assert "military" in document.events[0].context
    with Store(kb_location) as kb:
        kb.add(document)
        assert kb.get(document.id)["events"][0]["context"] == document.events[0].context


def test_a_knowledge_base_made_before_event_contexts_is_migrated(tmp_path):
    path = tmp_path / "kb.db"
    with Store(path) as kb:
        with kb.engine.begin() as conn:  # the first schema, as an older sitrep left it
            conn.exec_driver_sql("ALTER TABLE events DROP COLUMN context")
            conn.exec_driver_sql("DROP TABLE alembic_version")  # migrated by hand-rolled steps, to the second
            conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('schema_version', '2')")
    with Store(path) as kb:
        document = process(Input(origin="drill.txt", text=REPORT, title="Joint drills", published="2024-05-13"))
        kb.add(document)
        assert kb.version == migrate.head()
        assert kb.get(document.id)["events"][0]["context"] == document.events[0].context
