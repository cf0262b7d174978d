"""Outlets as things: one outlet however its name is written or its site addressed."""
import sqlite3

import pytest

from sitrep import migrate, outlets, queries
from sitrep.pipeline import process
from sitrep.schema import Input
from sitrep.store import Store


@pytest.mark.parametrize("a, b", [("The Brenna Herald", "Brenna Herald"), ("BRENNA HERALD", "Brenna Herald"),
                                  ("Le Monde", "le monde"),
                                  ("Reuters.com", "Reuters"), ("Zürcher Zeitung", "Zurcher Zeitung")])
def test_two_spellings_of_one_outlet_share_a_key(a, b):
    assert outlets.name_key(a) == outlets.name_key(b)


@pytest.mark.parametrize("a, b", [("Brenna Herald", "Brenna Times"), ("The Times", "Times of India"),
                                  ("Northern Ledger", "Southern Ledger")])
def test_other_outlets_keep_other_keys(a, b):
    assert outlets.name_key(a) != outlets.name_key(b)


def test_a_site_is_its_host_without_the_version_prefixes():
    assert outlets.domain("https://www.example.org/a") == "example.org"
    assert outlets.domain("https://m.bbc.co.uk/news") == "bbc.co.uk"
    assert outlets.domain("https://cpa.example.org/x") == "cpa.example.org"  # another site of one domain stays apart
    assert outlets.domain("not a url") is None and outlets.domain(None) is None


def test_a_country_domain_gives_the_country_a_generic_one_does_not():
    assert outlets.country("tass.ru") == "RUS" and outlets.country("news.bbc.co.uk") == "GBR"
    assert outlets.country("example.org") is None and outlets.country("kyiv.io") is None


def _document(text, source, url=None):
    return process(Input(origin=source or "pasted", title=text[:30], published="2026-03-02", text=text, source=source, url=url))


TEXTS = ["Talmeria moved troops to the border on Sunday, officials in Brenna said, and the army was put on alert.",
         "Farmers in the Selva valley said the river fell by a third this spring, the lowest level in decades.",
         "The parliament in Brenna voted on Tuesday to extend the state of emergency in the border districts.",
         "Velmark offered on Wednesday to host talks between the two governments at a manor near its capital."]


def test_documents_of_one_outlet_share_it_however_named(store):
    store.add(_document(TEXTS[0], "The Brenna Herald"))
    store.add(_document(TEXTS[1], "Brenna Herald", "https://www.brennaherald.example.org/a"))
    store.add(_document(TEXTS[2], "brennaherald.example.org", "https://brennaherald.example.org/b"))
    store.add(_document(TEXTS[3], "Vostrel Today", "https://vostreltoday.example.org/c"))
    listed = {o["name"]: (o["domain"], o["documents"]) for o in queries.outlet_list(store)}
    assert listed == {"The Brenna Herald": ("brennaherald.example.org", 3),
                      "Vostrel Today": ("vostreltoday.example.org", 1)}
    assert store.totals()["outlets"] == 2


def test_a_knowledge_base_written_before_outlets_gets_them_when_opened(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as kb:
        for text, source in zip(TEXTS, ("The Brenna Herald", "Brenna Herald", "Vostrel Today", None)):
            kb.add(_document(text, source))
    with sqlite3.connect(path) as conn:  # as a sitrep before outlets (hand-rolled migration 6) left it
        conn.execute("UPDATE documents SET outlet_id = NULL")
        conn.execute("DROP TABLE outlets")
        conn.execute("DROP TABLE alembic_version")
        conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '5')")
    with Store(path) as migrated:
        assert migrated.version == migrate.head()
        listed = {o["name"]: o["documents"] for o in queries.outlet_list(migrated)}
        assert listed == {"The Brenna Herald": 2, "Vostrel Today": 1}
    with Store(path) as again:  # opening once more changes nothing
        assert {o["name"]: o["documents"] for o in queries.outlet_list(again)} == listed
