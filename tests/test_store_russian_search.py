"""Full-text search on Russian text: a word finds its other forms (trigrams of its stem), and a
knowledge base made before the trigram index gets it when opened."""
from sqlalchemy import text

from sitrep import migrate
from sitrep import store as store_module
from sitrep.pipeline import prepare
from sitrep.schema import Input
from sitrep.store import Store

REPORTS = [
    ("night.txt", "Ночные удары по Одессе", "Ночью российские войска нанесли удары по порту Одессы, сообщили в администрации."),
    ("week.txt", "Итоги недели", "За неделю армия отразила десять ударов беспилотников по энергосистеме, заявили военные."),
    ("talks.txt", "Переговоры в Минске", "Делегации провели переговоры в Минске, обсуждались поставки зерна и гуманитарные вопросы."),
    ("english.txt", "Strikes on Odesa", "Russian forces launched a drone strike on the port of Odesa overnight, officials said."),
]


def fill(kb):
    for origin, title, body in REPORTS:
        kb.add(prepare(Input(origin=origin, text=body, title=title, published="2024-03-08")))


def titles(hits):
    return sorted(hit.title for hit in hits)


def test_a_russian_word_finds_its_other_forms(store):
    fill(store)
    assert titles(store.search("удар")) == ["Итоги недели", "Ночные удары по Одессе"]
    assert titles(store.search("ударов")) == ["Итоги недели", "Ночные удары по Одессе"]
    assert titles(store.search("переговорах")) == ["Переговоры в Минске"]
    assert titles(store.search("удар Одессы")) == ["Ночные удары по Одессе"]


def test_english_search_is_unchanged(store):
    fill(store)
    assert titles(store.search("strike")) == ["Strikes on Odesa"]
    assert titles(store.search("зерно")) == ["Переговоры в Минске"]
    assert titles(store.search("Odesa")) == ["Strikes on Odesa"]


def test_a_knowledge_base_made_before_the_trigram_index_gets_it(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as kb:
        fill(kb)
        with kb.writer.begin() as conn:  # as a sitrep before the trigram index left it
            conn.exec_driver_sql("DROP TABLE documents_trigram")
            conn.exec_driver_sql("DROP TABLE entity_aliases")
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0007_record_versions'")
    with Store(path) as migrated:
        assert migrated.version == migrate.head()
        assert titles(migrated.search("ударов")) == ["Итоги недели", "Ночные удары по Одессе"]
        with migrated.writer.begin() as conn:  # run again, it builds the same index
            store_module._cyrillic_search(conn)
            assert conn.execute(text("SELECT count(*) FROM documents_trigram")).scalar() == 3
