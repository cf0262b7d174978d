"""The HTTP API and pages, through FastAPI's test client over a real knowledge base."""
import json

import pytest
from fastapi.testclient import TestClient

from sitrep.store import Store
from sitrep.web.app import create_app

BASE = "http://127.0.0.1:8000"
HOSTILE = ('Hostile page <script>window.pwned = 1</script>\n\n'
           'The envoy <img src=x onerror="window.pwned=2"> said that <b onmouseover="alert(1)">Moldova</b> '
           'would not be intimidated by Russian drones, officials in Chisinau reported on Monday.')


@pytest.fixture
def client(knowledge_base, tmp_path):
    db = tmp_path / "web.db"
    db.write_bytes(knowledge_base.read_bytes())
    return TestClient(create_app(db, max_upload_bytes=200_000), base_url=BASE)


def test_documents_are_paginated(client):
    first = client.get("/api/documents", params={"limit": 3}).json()
    second = client.get("/api/documents", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == 10 and len(first["items"]) == 3
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    doc = client.get(f"/api/documents/{first['items'][0]['id']}").json()
    assert doc["schema"] == "sitrep/1" and doc["text"]


def test_documents_say_what_made_them_and_which_another_sitrep_made(client):
    from sitrep import versions

    first = client.get("/api/documents", params={"limit": 1}).json()["items"][0]
    assert client.get(f"/api/documents/{first['id']}").json()["versions"] == versions.current()
    assert client.get("/api/documents", params={"outdated": "true"}).json()["total"] == 0
    with Store(client.app.state.db) as kb:
        with kb.writer.begin() as conn:  # as if an older lexicon had made it
            conn.exec_driver_sql("UPDATE documents SET version_set_id = NULL WHERE id = ?", (first["id"],))
    outdated = client.get("/api/documents", params={"outdated": "true"}).json()
    assert outdated["total"] == 1 and outdated["items"][0]["id"] == first["id"]
    assert outdated["items"][0]["versions"] == {} and outdated["current"] == versions.current()


def test_entities_statements_events_and_search(client):
    entities = client.get("/api/entities", params={"type": "PERSON", "limit": 5}).json()["items"]
    assert entities and all(e["type"] == "PERSON" for e in entities)
    sandu = client.get("/api/entities/Sandu").json()
    assert sandu["name"] == "Maia Sandu" and sandu["timeline"] and sandu["neighbours"]
    claims = client.get("/api/statements", params={"source": "Zakharova", "min_confidence": "likely"}).json()["items"]
    assert [c["content"] for c in claims] == ["Maia Sandu was likely dragging Moldova into NATO"]
    events = client.get("/api/events", params={"entity": "Maia Sandu"}).json()["items"]
    assert [e["date"] for e in events] == ["2024-03-04", "2024-03-29"]
    hits = client.get("/api/search", params={"q": "drones", "outlet": "Frontline Wire"}).json()["items"]
    assert [h["title"] for h in hits] == ["Ukraine says it downed drones over Odesa overnight"]
    with_sandu = client.get("/api/search", params={"q": "drones", "entity": "Sandu"}).json()["items"]
    assert [h["title"] for h in with_sandu] == ["Sandu meets von der Leyen in Brussels"]
    assert client.get("/api/search", params={"q": "drones", "entity": "Atlantis"}).status_code == 404


@pytest.mark.parametrize("url, status", [
    ("/api/documents/unknown", 404), ("/api/entities/Nobody%20Atall", 404), ("/api/documents?limit=0", 422),
    ("/api/documents?limit=abc", 422), ("/api/search", 422), ("/api/statements?min_confidence=sure", 422),
    ("/api/events?entity=Nobody", 404), ("/document/unknown", 404),
])
def test_errors_have_one_shape(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]


def test_ingest_pasted_text_and_files(client, fixtures):
    pasted = client.post("/api/ingest", json={"text": "Finnish border guards closed two more crossings with Russia "
                                                      "on Thursday, the interior ministry said.", "title": "Border"})
    assert pasted.status_code == 200 and pasted.json()["added"][0]["status"] == "added"
    files = [("files", ("page.html", (fixtures / "page.html").read_bytes(), "text/html")),
             ("files", ("broken.txt", b"\x00\x01\x02binary", "text/plain"))]
    result = client.post("/api/ingest/files", files=files, headers={"Origin": BASE}).json()
    assert [a["title"] for a in result["added"]] == ["Poland to build new air defence base near Rzeszow"]
    assert result["errors"] == [{"input": "broken.txt", "reason": "binary data, not text"}]
    assert client.post("/api/ingest", json={"title": "no text"}).status_code == 422


def test_upload_limit(client):
    big = [("files", ("big.txt", b"word " * 100_000, "text/plain"))]
    response = client.post("/api/ingest/files", files=big, headers={"Origin": BASE})
    assert response.status_code == 413 and "limit" in response.json()["error"]["message"]


def test_untrusted_text_is_escaped_in_every_page(client):
    added = client.post("/api/ingest", json={"text": HOSTILE, "title": '<script>alert("title")</script>',
                                             "url": "javascript:alert(1)"}).json()["added"][0]
    page = client.get(f"/document/{added['id']}").text
    assert "<script>" not in page and "onerror=" not in page.replace("onerror=&#34;", "") and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=" in page
    search = client.get("/", params={"q": "envoy"}).text
    assert "<script>alert" not in search and "&lt;script&gt;alert" in search


def test_token_is_checked_on_every_request(knowledge_base):
    client = TestClient(create_app(knowledge_base, token="s3cret"), base_url=BASE)
    assert client.get("/api/documents").status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/?token=s3cret").status_code == 200
    assert client.get("/api/documents").status_code == 200  # the cookie set by ?token=


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/documents", "/api/entities", "/api/statements", "/api/events", "/api/search", "/api/ingest"} <= set(spec["paths"])


def test_graph_api(client):
    network = client.get("/api/graph/Maia Sandu", params={"depth": 2}).json()
    labels = {n["label"] for n in network["nodes"]}
    assert {"Maia Sandu", "Ursula von der Leyen", "Moldova"} <= labels
    assert any(e["relation"] == "event:CONSULT" for e in network["edges"])
    assert client.get("/api/graph/Maia Sandu", params={"depth": 3}).status_code == 422
    assert client.get("/api/graph/Atlantis").status_code == 404


def test_entities_and_statements_are_paginated(client):
    first = client.get("/api/entities", params={"limit": 4}).json()["items"]
    second = client.get("/api/entities", params={"limit": 4, "offset": 4}).json()["items"]
    assert len(first) == len(second) == 4 and not {e["id"] for e in first} & {e["id"] for e in second}
    everything = client.get("/api/statements", params={"limit": 200}).json()["items"]
    page = client.get("/api/statements", params={"limit": 2, "offset": 2}).json()["items"]
    assert [s["content"] for s in page] == [s["content"] for s in everything[2:4]]


def test_pasted_text_that_is_only_page_noise_is_an_error_naming_it(client):
    result = client.post("/api/ingest", json={"text": "Subscribe\nShare\nRead more"}).json()
    assert result == {"added": [], "errors": [{"input": "pasted text", "reason": "no article text left after cleaning"}]}


@pytest.mark.parametrize("params, words", [
    ({"q": "drone", "since": "garbage"}, "not a date"),
    ({"q": "drone", "until": "2024-13"}, "not a real date"),
    ({"q": "drone", "since": "2024-05", "until": "2024-04"}, "after it ends"),
    ({"q": "***"}, "no word to search for"),
])
def test_search_refuses_what_makes_no_sense_in_the_api_and_the_page(client, params, words):
    api = client.get("/api/search", params=params)
    assert api.status_code == 422 and words in api.json()["error"]["message"]
    page = client.get("/", params=params)
    assert page.status_code == 400 and words in page.text and "<form" in page.text


def test_events_refuse_bounds_that_are_not_dates(client):
    answer = client.get("/api/events", params={"entity": "Maia Sandu", "since": "2024-02-30"})
    assert answer.status_code == 422 and "not a real date" in answer.json()["error"]["message"]


def test_an_entity_page_shows_its_country_sector_and_dated_roles(client):
    page = client.get("/entity/Alexander Lukashenko")
    assert page.status_code == 200
    assert "country BLR" in page.text and "sector GOV" in page.text
    assert '<span class="role">GOV of BLR since 1994-07-20</span>' in page.text


def test_one_store_serves_every_request_and_thread(client, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    opened = []
    original = Store.__init__

    def counting(self, *args, **kwargs):
        opened.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "__init__", counting)
    paths = ["/api/documents", "/api/entities", "/api/search?q=Moldova", "/api/entities/Sandu"] * 6
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(lambda path: client.get(path).status_code, paths))
    assert statuses == [200] * len(paths)
    assert len(opened) == 1  # one Store, one engine and its pool, for the whole app
    assert client.app.state.store.engine.pool.checkedout() == 0
