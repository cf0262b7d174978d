import shutil
import sqlite3

import pytest

from sitrep.pipeline import process
from sitrep.schema import Document, Input, Mention, Entity, to_record
from sitrep import migrate
from sitrep.errors import StoreError
from sitrep.fulltext import fts_query
from sitrep.store import Store

STORY = ("Moldova summoned the Russian ambassador on Sunday after debris of a drone was found near the village of "
         "Ocnita, close to the border with Ukraine, the foreign ministry said. Police said no one was hurt. The "
         "ministry handed the envoy a note of protest and said such incidents endangered the lives of citizens. "
         "Officials have said that drones launched at Ukrainian ports on the Danube regularly stray into Moldovan "
         "airspace, and the country has asked the European Union for help with radar coverage.")


def doc(text, title="Moldova summons Russian envoy", origin="a.txt", **meta):
    return process(Input(origin=origin, text=text, title=title, **meta))


def test_add_then_get_round_trips_the_record(store):
    d = doc(STORY, published="2024-02-11", source="Balkan Wire", url="https://balkan.example/a")
    assert store.add(d).status == "added"
    stored = store.get(d.id)
    assert {k: v for k, v in stored.items() if k not in ("duplicate_of", "ingested_at")} == to_record(d)
    assert stored["duplicate_of"] is None


def test_extractions_are_stored_with_the_document(store):
    d = doc(STORY)
    role = {"role": "GOV", "country": "MDA", "since": "2020-12-24", "until": None}
    d.entities = [Entity(id="Q217", name="Moldova", type="GPE", wikidata="Q217",
                         mentions=[Mention(0, 7, "Moldova")], country="MDA", sector="GOV", roles=[role])]
    store.add(d)
    assert store.get(d.id)["entities"] == [
        {"id": "Q217", "name": "Moldova", "type": "GPE", "wikidata": "Q217", "mentions": [{"start": 0, "end": 7, "text": "Moldova"}],
         "country": "MDA", "sector": "GOV", "roles": [role]}]


def test_reingesting_the_same_text_is_a_no_op(store):
    first = store.add(doc(STORY, origin="a.txt"))
    again = store.add(doc(STORY, origin="copy-elsewhere.txt", title="Another headline"))
    assert (first.status, again.status) == ("added", "exists")
    assert again.id == first.id
    assert store.count() == 1
    assert store.get(first.id)["origin"] == "a.txt"


def test_near_duplicate_is_stored_and_linked_to_the_first_copy(store):
    original = store.add(doc(STORY, origin="wire.txt"))
    edited = STORY.replace("on Sunday", "on Sunday morning").replace("Police said no one was hurt.", "No one was hurt, police said.")
    syndicated = store.add(doc(edited, origin="syndicated.txt", title="Drone debris found in Moldova"))
    third = store.add(doc(edited + " The ministry will keep its partners informed.", origin="third.txt"))
    assert syndicated.status == "near_duplicate" and syndicated.duplicate_of == original.id
    assert third.duplicate_of == original.id  # linked to the first copy, not to a copy of it
    assert store.count() == 3
    unrelated = store.add(doc("Finland closed its last open border crossing with Russia on Wednesday, the interior "
                              "ministry said, citing a rise in asylum seekers arriving without visas.", origin="fi.txt"))
    assert unrelated.status == "added"


def test_a_batch_of_documents_is_stored_in_one_write_with_the_signatures_given(store, monkeypatch):
    from sitrep import dedup

    edited = STORY.replace("on Sunday", "on Sunday morning")
    items = [(doc(STORY, origin="wire.txt"), dedup.signature(STORY)), (doc(edited, origin="copy.txt"), dedup.signature(edited)),
             (doc(STORY, origin="again.txt"), dedup.signature(STORY))]
    monkeypatch.setattr(dedup, "signature", lambda text: pytest.fail("the given signature was not used"))
    added = store.add_many(items)
    assert [a.status for a in added] == ["added", "near_duplicate", "exists"]
    assert added[1].duplicate_of == added[0].id  # linked to a copy stored earlier in the same batch
    assert store.count() == 2


def test_search_ranks_matches_and_marks_them_in_snippets(store):
    store.add(doc(STORY, title="Moldova summons Russian envoy over drone"))
    store.add(doc("Finland closed its last open border crossing with Russia on Wednesday, citing a rise in asylum "
                  "seekers. A drone was not involved.", title="Finland closes border", origin="fi.txt"))
    hits = store.search("drone Moldova")
    assert [h.title for h in hits] == ["Moldova summons Russian envoy over drone"]
    assert "\x02Moldova\x03" in hits[0].snippet or "\x02drone\x03" in hits[0].snippet
    assert [h.title for h in store.search("drones")][0].startswith("Moldova")  # stemmed
    assert len(store.search("drone")) == 2
    assert store.search('"note of protest"')[0].title.startswith("Moldova")
    assert store.search("Ocn*")[0].title.startswith("Moldova")


@pytest.mark.parametrize("query", ['Su-25 "unclosed', "NEAR(a b)", "a OR", "title:x", "'; DROP TABLE documents; --",
                                   "drone & !Moldova", "Ocnita:* <-> (envoy | x)", "Su-25*", "'note' of:A"])
def test_search_never_breaks_on_user_syntax(store, query):
    store.add(doc(STORY))
    store.search(query)
    assert store.count() == 1


def test_tsquery_operators_typed_by_a_user_are_words(store):
    store.add(doc(STORY))
    assert store.search("drone & !Moldova")  # both words required, nothing negated
    assert store.search("Moldova | Finland") == []  # '|' is no OR: Finland is required too
    assert store.search("Ocn:*")  # the prefix of 'Ocn', not tsquery syntax


@pytest.mark.parametrize("query", ["", "   ", "*", '""', "-- !"])
def test_a_query_with_no_word_is_refused_with_a_reason(store, query):
    with pytest.raises(ValueError, match="no word to search for"):
        store.search(query)


@pytest.mark.parametrize("since, until", [("2024-13", None), ("garbage", None), (None, "2024-02-30"), ("2024-05", "2024-04")])
def test_search_and_timeline_refuse_bounds_that_are_not_dates(store, since, until):
    with pytest.raises(ValueError):
        store.search("drone", since=since, until=until)
    with pytest.raises(ValueError):
        store.timeline("Q217", since=since, until=until)


def test_fts_query_quotes_every_term():
    assert fts_query('Su-25 "state residence" Lukash* OR') == '"Su-25" "state residence" "Lukash"* "OR"'
    assert fts_query("  ") == ""


def test_a_failure_mid_document_leaves_nothing_half_written(store, monkeypatch):
    d = doc(STORY)

    def crash(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr("sitrep.store._add_extractions", crash)
    with pytest.raises(KeyboardInterrupt):
        store.add(d)
    assert store.count() == 0
    assert store.search("Moldova") == []
    monkeypatch.undo()
    assert store.add(d).status == "added"


def test_schema_is_created_once_and_versioned(kb_location):
    with Store(kb_location) as first:
        first.add(doc(STORY))
        assert first.version == migrate.head()
    with Store(kb_location) as reopened:
        assert reopened.version == migrate.head()
        assert reopened.count() == 1


def as_before_alembic(kb: Store, schema_version: int) -> None:
    """Leave a knowledge base as sitrep's hand-rolled migrations left it at `schema_version`."""
    with kb.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
        conn.exec_driver_sql(f"INSERT INTO meta (key, value) VALUES ('schema_version', '{schema_version}')")


def test_a_version_1_database_gains_the_entity_country_sector_and_roles(tmp_path):
    path = tmp_path / "kb.db"
    with Store(path) as kb:
        with kb.engine.begin() as conn:
            for column in ("country", "sector", "roles"):
                conn.exec_driver_sql(f"ALTER TABLE entities DROP COLUMN {column}")
        as_before_alembic(kb, 1)
    with Store(path) as migrated:
        migrated.add(doc(STORY))
        stored = migrated.get(doc(STORY).id)
    assert all({"country", "sector", "roles"} <= set(e) for e in stored["entities"])


def test_database_from_a_newer_sitrep_is_refused(kb_location):
    with Store(kb_location) as kb:
        with kb.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(StoreError, match="newer sitrep"):
        Store(kb_location)


def test_database_from_a_newer_sitrep_before_alembic_is_refused(tmp_path):
    with Store(tmp_path / "kb.db") as kb:
        as_before_alembic(kb, 999)
    with pytest.raises(StoreError, match="newer sitrep"):
        Store(tmp_path / "kb.db")


def test_the_same_person_across_documents_and_spellings_is_one_entity(store):
    store.add(doc("Belarusian leader Alexander Lukashenko said on Tuesday that the Minsk Automobile Plant would "
                  "double its output of truck chassis for Russian customers this year.", origin="one.txt"))
    store.add(doc("Alyaksandr Lukashenka, who has ruled Belarus since 1994, met factory managers in Minsk, where "
                  "Lukashenka promised new state orders.", origin="two.txt", title="Lukashenka meets managers"))
    found = store.entity("Lukashenka")
    assert found["id"] == "person:alexander-lukashenko" and found["name"] == "Alexander Lukashenko"
    assert len(found["documents"]) == 2
    assert {a["text"] for a in found["aliases"]} >= {"Alexander Lukashenko", "Alyaksandr Lukashenka", "Lukashenka"}
    assert store.entity("Belarusian leader Alexander Lukashenko")["id"] == found["id"]
    top = store.entities(type_="PERSON")
    assert top[0]["id"] == found["id"] and top[0]["documents"] == 2 and top[0]["mentions"] >= 4
    assert store.entity("nobody at all") is None


def test_statements_by_source_about_a_thing_and_how_sure(store):
    store.add(process(Input(origin="isw.txt", title="ISW on Belarus", published="2023-02-18", source="Kyiv Daily", text=(
        "The Institute for the Study of War (ISW) believes that Russia will likely absorb Belarusian plants. "
        "The institute's analysts argue that Belarus may resist. ISW also noted that the talks took place in Sochi."))))
    by_isw = store.statements(source="ISW")
    assert [s["content"] for s in by_isw] == ["Russia will likely absorb Belarusian plants", "Belarus may resist",
                                             "the talks took place in Sochi"]
    about_belarus = store.statements(source="ISW", about="Belarus")
    assert [s["content"] for s in about_belarus] == ["Belarus may resist"]
    sure = store.statements(source="Institute for the Study of War", min_confidence="likely")
    assert [(s["content"], s["confidence"]) for s in sure] == [("Russia will likely absorb Belarusian plants", "likely")]
    assert sure[0]["title"] == "ISW on Belarus" and sure[0]["outlet"] == "Kyiv Daily" and sure[0]["published"] == "2023-02-18"
    assert sure[0]["date"] is None  # the text never says when
    assert store.statements(source="Nobody Known") == []


def test_reprocessing_replaces_the_extractions_of_a_stored_document(store):
    d = doc(STORY)
    stale = doc(STORY)
    stale.entities, stale.statements, stale.events, stale.dates = [], [], [], []
    assert store.add(stale).status == "added"
    assert store.get(d.id)["entities"] == []
    assert store.add(d).status == "exists" and store.get(d.id)["entities"] == []
    assert store.add(d, reprocess=True).status == "reprocessed"
    again = store.get(d.id)
    assert again["entities"] and again["statements"] == to_record(d)["statements"]
    assert store.add(d, reprocess=True).status == "reprocessed"
    assert len(store.get(d.id)["entities"]) == len(to_record(d)["entities"])  # replaced, not doubled
    assert store.count() == 1


def test_an_entity_is_found_by_the_surname_of_its_canonical_name(store):
    d = doc("Belarusian leader Alexander Lukashenka said on Friday that Minsk would host the talks. "
            "Lukashenka added that the army was ready.")
    store.add(d)
    found = store.entity("Lukashenko")
    assert found is not None and found["name"] == "Alexander Lukashenko"


def test_a_search_for_an_entity_finds_the_documents_that_use_its_other_names(store):
    store.add(doc("Belarusian leader Alexander Lukashenka said on Friday that Minsk would host the talks. "
                  "Lukashenka added that the army was ready.", origin="a.txt"))
    store.add(doc("President Alexander Lukashenko met the Russian defence minister in Minsk on Monday to discuss "
                  "joint exercises, his press service said.", title="Minsk talks", origin="b.txt"))
    assert len(store.search("Lukashenka")) == 2
    assert len(store.search("Lukashenko")) == 2
    assert len(store.search('"Lukashenka"')) == 1  # a quoted phrase is taken as written


def test_an_entity_is_found_by_a_name_only_the_gazetteer_knows(store):
    store.add(doc("The Institute for the Study of War said on Sunday that Russian forces were likely "
                  "preparing a new offensive near Kharkiv, according to its daily assessment."))
    found = store.entity("ISW")
    assert found is not None and found["name"] == "Institute for the Study of War"
    assert not any(alias["text"] == "ISW" for alias in found["aliases"])
    assert store.statements(source="ISW")


def test_a_knowledge_base_made_by_the_hand_rolled_migrations_opens_and_finds_entities_by_alias(tmp_path, fixtures):
    path = tmp_path / "old.db"
    shutil.copy(fixtures / "legacy-v6.db", path)  # made by sitrep before Alembic (schema_version 6)
    with Store(path) as kb:
        assert kb.version == migrate.head() and kb.count() == 3
        assert kb.entity("moldova")["id"] == "md"  # through the alias table, filled from the stored mentions
        assert [h.id for h in kb.search("Galati")] == ["doc1"]
        kb.add(doc(STORY))
        assert kb.count() == 4
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'schema_version'").fetchone() == (0,)
        assert conn.execute("SELECT uses FROM entity_aliases WHERE alias = 'moldova' AND entity_id = 'md'").fetchone() == (3,)


def test_aliases_follow_mentions_through_reprocessing(store):
    first = Document(origin="a.txt", text="President Maia Sandu spoke. Sandu left.", id="d1",
                     entities=[Entity("sandu", "Maia Sandu", "PERSON",
                                      mentions=[Mention(0, 20, "President Maia Sandu"), Mention(28, 33, "Sandu")])])
    store.add(first)
    assert store.entity("president maia sandu")["id"] == "sandu"
    assert store.entity("MAIA SANDU")["id"] == "sandu"  # the ending of a name it is written by
    first.entities[0].mentions = [Mention(28, 33, "Sandu")]
    store.add(first, reprocess=True)
    assert store.entity("President Maia Sandu") is None
    assert store.entity("Sandu")["id"] == "sandu"


def test_the_near_duplicate_lookup_searches_the_band_index_not_the_whole_table(tmp_path):
    """SQLite scanned every stored band for each new document when the lookup was a row-value IN,
    so adding documents slowed as the knowledge base grew."""
    import numpy as np
    from sqlalchemy import select

    from sitrep import dedup
    from sitrep.store import _band_matches, bands

    keys = dedup.band_keys(np.arange(128, dtype=np.uint64))
    with Store(tmp_path / "kb.db") as kb, kb.engine.connect() as conn:
        compiled = select(bands.c.document_id).distinct().where(_band_matches(keys)).compile(
            conn, compile_kwargs={"render_postcompile": True})
        plan = [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", tuple(compiled.positiontup
                and [compiled.params[name] for name in compiled.positiontup]))]
    assert not any(step.startswith("SCAN minhash_bands") for step in plan)
    assert any("USING INDEX ix_minhash_bands" in step for step in plan)


def _search_plan(kb: Store, query: str, **filters) -> list[tuple[int, int, str]]:
    """SQLite's plan of the statement `kb.search` runs: (id, parent, step) rows."""
    from sqlalchemy import event

    seen = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if "bm25" in statement:
            seen.append((statement, parameters))

    event.listen(kb.engine, "before_cursor_execute", keep)
    try:
        kb.search(query, **filters)
    finally:
        event.remove(kb.engine, "before_cursor_execute", keep)
    (statement, parameters), = seen
    with kb.engine.connect() as conn:
        return [tuple(row[:2]) + (row[-1],) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]


@pytest.mark.parametrize("filters", [{}, {"since": "2020-01-01"}])
def test_search_ranks_first_and_reads_documents_and_snippets_for_the_page_alone(tmp_path, filters):
    """The snippets were made in the ranking query, and SQLite computes a row's columns before
    it sorts: a search for a common word made a snippet of every match to show 20, so its time
    grew with the knowledge base."""
    with Store(tmp_path / "kb.db") as kb:
        kb.add(doc(STORY, published="2024-05-01"))
        plan = _search_plan(kb, "drone Moldova", **filters)
    steps = [step for _, _, step in plan]
    materialized = {node for node, _, step in plan if step.startswith("MATERIALIZE")}
    assert materialized, steps  # the ranking is a query of its own
    after = [step for node, parent, step in plan if parent not in materialized and node not in materialized]
    assert any(step.startswith("SEARCH top") for step in after), steps
    reads = [k for k, step in enumerate(after) if step.startswith("SEARCH d ")]
    assert reads and all(any(s.startswith("SEARCH top") for s in after[:k]) for k in reads), steps


def test_the_word_index_has_prefix_indexes_also_after_migrating(tmp_path):
    """A short prefix* merged the lists of every word it begins, for every search."""
    path = tmp_path / "kb.db"

    def created() -> str:
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]

    with Store(path) as kb:
        kb.add(doc(STORY))
    assert "prefix='2 3 4'" in created()
    with sqlite3.connect(path) as conn:  # the index as sitrep made it before
        conn.execute("DROP TABLE documents_fts")
        conn.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, "
                     "tokenize='porter unicode61 remove_diacritics 2')")
        conn.execute("UPDATE alembic_version SET version_num = '0009_entity_aliases'")
    with Store(path) as kb:
        assert kb.version == migrate.head()
        assert [h.title for h in kb.search("Ocn*")] == ["Moldova summons Russian envoy"]
        assert [h.title for h in kb.search("Ocnita")] == ["Moldova summons Russian envoy"]
    assert "prefix='2 3 4'" in created()
