"""The pages through FastAPI's test client: error pages for browsers, the favicon, the overview,
the entity index, the statements and events browsers, the document's events, the graph's
picture. Behaviour in a browser (hovering, expanding a node) is in test_browser.py."""
import re

import pytest
from fastapi.testclient import TestClient

from sitrep.web import pages
from sitrep.web.app import create_app

BASE = "http://127.0.0.1:8000"
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
REPORTED_ATTACK = ("Officials in Kyiv said Russia attacked Ukraine's energy grid on Sunday, and Moldova condemned the "
                   "strike.")


@pytest.fixture
def client(knowledge_base, tmp_path):
    db = tmp_path / "web.db"
    db.write_bytes(knowledge_base.read_bytes())
    return TestClient(create_app(db), base_url=BASE)


@pytest.mark.parametrize("url, words", [
    ("/nowhere", "no page at /nowhere"), ("/document/unknown", "no document &#39;unknown&#39;"),
    ("/entity/Nobody%20Atall", "no entity named &#39;Nobody Atall&#39;"), ("/graph/Atlantis", "no entity named"),
    ("/graph/Maia%20Sandu?depth=5", "depth"),
])
def test_a_browser_gets_an_error_page(client, url, words):
    answer = client.get(url, headers=HTML)
    assert answer.status_code in (404, 422) and answer.headers["content-type"].startswith("text/html")
    assert words in answer.text and '<a href="/search">' in answer.text and "<nav>" in answer.text


@pytest.mark.parametrize("url", ["/api/nowhere", "/api/documents/unknown", "/api/graph/Atlantis"])
def test_the_api_answers_errors_as_json_even_to_a_browser(client, url):
    answer = client.get(url, headers=HTML)
    assert answer.status_code == 404 and answer.json()["error"]["status"] == 404


def test_a_program_gets_the_json_error_shape(client):
    assert client.get("/nowhere").json() == {"error": {"status": 404, "message": "no page at /nowhere"}}


def test_favicon(client):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"
    assert icon.text.startswith("<svg") and 'rel="icon" href="/static/favicon.svg"' in client.get("/", headers=HTML).text


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_overview_counts_latest_and_most_mentioned(client):
    page = client.get("/", headers=HTML)
    text = _text(page.text)
    totals = client.get("/api/documents").json()["total"]
    assert page.status_code == 200 and f"{totals} documents" in text
    assert re.search(r"\d+ entities \d+ statements \d+ events \d+ outlets", text)
    assert "Latest documents" in text and "Moscow criticises Chisinau" in text
    # latest assessments are statements with an ICD 203 level, the Zakharova claim among them
    assessments = page.text.split("Latest assessments")[1].split("Most mentioned")[0]
    assert "Maia Sandu was likely dragging Moldova into NATO" in assessments and "no estimate" not in assessments
    person = page.text.split('ent-PERSON">PERSON')[1].split("</ol>")[0]
    assert "Maia Sandu" in person and "documents" in person


def test_an_old_search_link_still_searches(client):
    answer = client.get("/", params={"q": "drones", "outlet": "Frontline Wire"}, headers=HTML)
    assert str(answer.url) == f"{BASE}/search?q=drones&outlet=Frontline+Wire"
    assert "1 result for “drones”" in answer.text and 'action="/search"' in answer.text


def test_entity_index_by_type_a_page_at_a_time(client, monkeypatch):
    monkeypatch.setattr(pages, "PER_PAGE", 2)
    first = client.get("/entities", params={"type": "person"}, headers=HTML).text
    second = client.get("/entities", params={"type": "PERSON", "page": 2}, headers=HTML).text
    names = [re.findall(r'<td><a href="/entity/[^"]+">([^<]+)</a>', page) for page in (first, second)]
    assert len(names[0]) == len(names[1]) == 2 and not set(names[0]) & set(names[1])
    assert set(re.findall(r'<td><span class="ent ent-(\w+)">', first + second)) == {"PERSON"}
    total = int(re.search(r"1–2 of (\d+)", first).group(1))
    assert total > 4 and f"3–4 of {total}" in second and 'rel="prev"' in second and "page=3" in second


def test_statements_by_source_confidence_and_period(client):
    found = client.get("/statements", params={"source": "Zakharova", "min_confidence": "likely"}, headers=HTML).text
    assert _text(found).count("dragging Moldova into NATO") == 1 and "1–1 of 1" in found
    everything = client.get("/statements", headers=HTML).text
    assert int(re.search(r"of (\d+)", everything).group(1)) > 1
    before = client.get("/statements", params={"source": "Zakharova", "until": "2024-04"}, headers=HTML).text
    assert "No statement matches" in before
    unknown = client.get("/statements", params={"source": "Atlantis"}, headers=HTML).text
    assert "No entity goes by “Atlantis”" in unknown


@pytest.mark.parametrize("url", ["/statements", "/events"])
@pytest.mark.parametrize("params, words", [
    ({"since": "2024-13"}, "not a real date"), ({"since": "2024-05", "until": "2024-04"}, "after it ends"),
    ({"until": "soon"}, "not a date"),
])
def test_browsers_warn_of_dates_that_make_no_sense(client, url, params, words):
    answer = client.get(url, params=params, headers=HTML)
    assert answer.status_code == 400 and words in answer.text and 'class="warn"' in answer.text and "<form" in answer.text


def test_events_by_type_and_period(client):
    consult = client.get("/events", params={"type": "CONSULT"}, headers=HTML).text
    assert set(re.findall(r'<span class="badge">(\w+)</span>', consult)) == {"CONSULT"}
    assert "Maia Sandu" in consult and "Ursula von der Leyen" in consult
    assert '<option value="CONSULT" selected>' in consult
    later = client.get("/events", params={"type": "CONSULT", "since": "2024-06"}, headers=HTML).text
    assert "No event matches" in later


def test_a_documents_event_links_the_statement_that_reports_it(client):
    added = client.post("/api/ingest", json={"text": REPORTED_ATTACK, "title": "Grid attacked"}).json()["added"][0]
    page = client.get(f"/document/{added['id']}", headers=HTML).text
    event = page.split('<ul class="events">')[1].split("</ul>")[0]
    assert '<a href="#statement-s1" data-statement="s1">“Russia attacked Ukraine&#39;s energy grid on Sunday”</a>' in event
    assert "claimed in s1" not in event
    assert '<li id="statement-s1" data-statement="s1"' in page and 'span class="st" data-statement="s1"' in page
    assert '<script src="/static/document.js"></script>' in page


def test_graph_ranks_caps_and_filters_neighbours(client):
    everything = client.get("/api/graph/Maia Sandu").json()
    assert everything["shown"] == len(everything["nodes"]) - 1 <= everything["total"]
    capped = client.get("/api/graph/Maia Sandu", params={"limit": 2}).json()
    assert capped["shown"] == 2 and capped["total"] == everything["total"] > 2
    weights = [n["weight"] for n in everything["nodes"][1:]]
    assert weights == sorted(weights, reverse=True)
    assert {n["id"] for n in capped["nodes"][1:]} == {n["id"] for n in everything["nodes"][1:3]}
    events = client.get("/api/graph/Maia Sandu", params={"relation": "event"}).json()
    assert events["edges"] and all(e["relation"].startswith("event:") for e in events["edges"])
    assert events["total"] < everything["total"] and events["relations"] == ["event"]
    said = client.get("/api/graph/Maria Zakharova", params={"relation": "said,event"}).json()
    assert {e["relation"] for e in said["edges"]} <= {"said about", "spoken of by"} | {
        e["relation"] for e in said["edges"] if e["relation"].startswith("event:")}
    assert "Maia Sandu" in {n["label"] for n in said["nodes"]}
    assert client.get("/api/graph/Maia Sandu", params={"relation": "friends"}).status_code == 422


def test_graph_at_depth_two_stays_readable(client):
    deep = client.get("/api/graph/Maia Sandu", params={"depth": 2}).json()
    second = [n for n in deep["nodes"] if n["level"] == 2]
    assert second and len(deep["nodes"]) <= 1 + 25 + 5 * 6 and deep["expanded"] == 5
    parents = {e["from"] for e in deep["edges"] if e["to"] in {n["id"] for n in second}}
    assert len(parents) <= 5 and deep["entity"] not in parents


def test_graph_page_says_how_many_it_shows_with_a_legend_and_a_filter(client):
    page = client.get("/graph/Maia%20Sandu", params={"relation": "event"}, headers=HTML).text
    total = client.get("/api/graph/Maia Sandu", params={"relation": "event"}).json()["total"]
    assert re.search(rf"showing \d+ of {total} neighbours", page)
    assert page.count('data-type-colour="') == 7 and 'data-type-colour="PERSON"' in page
    assert '<input type="checkbox" name="relation" value="event" checked>' in page
    assert '<input type="checkbox" name="relation" value="said" >' in page


def test_the_entities_api_says_how_many_there_are(client):
    people = client.get("/api/entities", params={"type": "PERSON", "limit": 2}).json()
    assert len(people["items"]) == 2 and people["total"] > 2
    assert [e["documents"] for e in people["items"]] == sorted((e["documents"] for e in people["items"]), reverse=True)
