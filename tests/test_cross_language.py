"""An English and a Russian report about the same people, ingested together: one entity each,
listing both documents and both languages' statements (knowledge base and entity page)."""
from fastapi.testclient import TestClient

from sitrep import ingest
from sitrep.store import Store
from sitrep.web.app import create_app


def test_one_entity_page_for_both_languages(fixtures, tmp_path):
    path = tmp_path / "kb.db"
    with Store(path) as kb:
        added = list(ingest([str(fixtures / "bilingual")], kb))
        assert [a.status for a in added] == ["added", "added"]
        for name in ("Lukashenko", "Лукашенко", "Alexander Lukashenko"):
            found = kb.entity(name)
            assert found["id"] == "person:alexander-lukashenko" and len(found["documents"]) == 2
        said = kb.statements(source="Lukashenko")
        assert sorted(s["content"].split()[0] for s in said) == ["Belarus", "республика"]
        shoigu = kb.statements(source="Шойгу")
        assert {s["content"].split()[0] for s in shoigu} == {"the", "Учения"}
    client = TestClient(create_app(path), base_url="http://127.0.0.1:8000")
    page = client.get("/entity/Alexander Lukashenko", headers={"Accept": "text/html"})
    assert page.status_code == 200
    for words in ("Lukashenko says Belarus will host more Russian troops",
                  "Лукашенко пообещал разместить новые российские подразделения",
                  "ready to host additional Russian troops", "примет дополнительные российские войска"):
        assert words in page.text


def test_a_russian_document_page_links_its_names_like_an_english_one(fixtures, tmp_path):
    path = tmp_path / "kb.db"
    with Store(path) as kb:
        added = list(ingest([str(fixtures / "bilingual" / "lukashenko-ru.txt")], kb))
    page = TestClient(create_app(path), base_url="http://127.0.0.1:8000").get(
        f"/document/{added[0].id}", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert ('href="/entity/person%3Aalexander-lukashenko" title="Alexander Lukashenko (PERSON)">Александр Лукашенко</a>'
            in page.text)
