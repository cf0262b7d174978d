"""The request guard: Host allow-list, origin of state-changing requests, the token, the body
limit counted as bytes arrive (against a real server, with a chunked upload)."""
import http.client
import json

import pytest
from fastapi.testclient import TestClient

from sitrep.store import Store
from sitrep.web.app import create_app
from sitrep.web.hosts import HostPolicy

BASE = "http://127.0.0.1:8000"
ARTICLE = {"text": "Latvian border guards said on Friday that they had turned back forty people at the crossing.",
           "title": "Latvia turns back forty"}


@pytest.fixture
def db(knowledge_base, tmp_path):
    path = tmp_path / "web.db"
    path.write_bytes(knowledge_base.read_bytes())
    return path


@pytest.fixture
def client(db):
    return TestClient(create_app(db, hosts=HostPolicy.for_server("127.0.0.1", 8000)), base_url=BASE)


def stored(db) -> int:
    with Store(db) as kb:
        return kb.count()


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "http://127.0.0.1:9999"},  # another server on this machine is another origin
    {"Origin": "null"},  # a sandboxed frame or a no-referrer page
    {"Referer": "http://evil.example/planted.html"},
])
def test_a_request_from_another_origin_changes_nothing(client, db, headers):
    before = stored(db)
    api = client.post("/api/ingest", json=ARTICLE, headers=headers)
    form = client.post("/ingest", data=ARTICLE, headers=headers)
    upload = client.post("/api/ingest/files", files=[("files", ("a.txt", ARTICLE["text"].encode(), "text/plain"))],
                         headers=headers)
    assert api.status_code == form.status_code == upload.status_code == 403
    assert "cross-site request refused" in api.json()["error"]["message"]
    assert stored(db) == before


def test_another_server_on_this_machine_is_another_site_whatever_the_policy(db):
    default = TestClient(create_app(db), base_url=BASE)  # loopback names on any port
    before = stored(db)
    assert default.post("/ingest", data=ARTICLE, headers={"Origin": "http://127.0.0.1:9999"}).status_code == 403
    assert default.post("/ingest", data=ARTICLE, headers={"Origin": "http://localhost:3000"}).status_code == 403
    assert stored(db) == before


def test_a_request_from_sitrep_own_pages_goes_through(client, db):
    before = stored(db)
    assert client.post("/ingest", data=ARTICLE, headers={"Origin": BASE}).status_code == 200
    assert client.post("/ingest", data={"text": ARTICLE["text"] + " Two were detained."},
                       headers={"Referer": f"{BASE}/ingest"}).status_code == 200
    assert stored(db) == before + 2


def test_a_program_with_neither_origin_nor_referer_must_send_json_or_authorization(client, db):
    form = client.post("/ingest", data=ARTICLE)  # what an old browser's cross-site form could look like
    assert form.status_code == 403 and "Origin or Referer" in form.json()["error"]["message"]
    assert client.post("/api/ingest", json=ARTICLE).status_code == 200  # curl, the Python client
    upload = client.post("/api/ingest/files", files=[("files", ("b.txt", b"Estonian officials said on Monday that "
                                                                        b"the ferry link would reopen.", "text/plain"))],
                         headers={"Authorization": "Bearer anything"})
    assert upload.status_code == 200 and upload.json()["added"]


@pytest.mark.parametrize("host, status", [
    ("127.0.0.1:8000", 200), ("localhost:8000", 200), ("[::1]:8000", 200),
    ("rebound.attacker.example:8000", 421), ("rebound.attacker.example", 421), ("127.0.0.1:8001", 421), ("", 421),
])
def test_only_the_hosts_the_server_was_started_for_are_answered(client, host, status):
    response = client.get("/api/documents", headers={"Host": host})
    assert response.status_code == status
    if status == 421:
        assert "does not answer for host" in response.json()["error"]["message"]


def test_an_extra_allowed_host_is_answered(db):
    proxied = TestClient(create_app(db, hosts=HostPolicy.for_server("127.0.0.1", 8000, ("kb.example.org",))),
                         base_url="https://kb.example.org")
    assert proxied.get("/api/documents").status_code == 200
    assert proxied.post("/api/ingest", json=ARTICLE, headers={"Origin": "https://kb.example.org"}).status_code == 200


def test_behind_a_proxy_that_rewrites_the_host_the_public_origin_is_accepted(db):
    proxied = TestClient(create_app(db, hosts=HostPolicy.for_server("127.0.0.1", 8000, ("kb.example.org",))),
                         base_url=BASE)
    assert proxied.post("/api/ingest", json=ARTICLE, headers={"Origin": "https://kb.example.org"}).status_code == 200
    assert proxied.post("/api/ingest", json=ARTICLE, headers={"Origin": "https://evil.example"}).status_code == 403
    anywhere = TestClient(create_app(db, hosts=HostPolicy.for_server("0.0.0.0", 8000)), base_url="http://kb.lan:8000")
    assert anywhere.post("/api/ingest", json=ARTICLE, headers={"Origin": "http://kb.lan:8000"}).status_code == 200
    assert anywhere.post("/api/ingest", json=ARTICLE, headers={"Origin": "http://evil.example"}).status_code == 403


def test_the_bearer_scheme_is_read_in_any_case(db):
    guarded = TestClient(create_app(db, token="s3cret"), base_url=BASE)
    for scheme in ("Bearer", "bearer", "BEARER"):
        assert guarded.get("/api/documents", headers={"Authorization": f"{scheme} s3cret"}).status_code == 200
    assert guarded.get("/api/documents", headers={"Authorization": "Basic s3cret"}).status_code == 401


def test_a_token_in_the_address_becomes_a_cookie_and_leaves_the_address(db):
    guarded = TestClient(create_app(db, token="s3cret"), base_url=BASE, follow_redirects=False)
    answer = guarded.get("/search", params={"q": "drones", "token": "s3cret"})
    assert answer.status_code == 303 and answer.headers["location"] == "/search?q=drones"
    assert "sitrep_token=s3cret" in answer.headers["set-cookie"] and "httponly" in answer.headers["set-cookie"].lower()
    assert guarded.get("/search?q=drones").status_code == 200  # with the cookie alone
    assert guarded.get("/", params={"token": "wrong"}).status_code == 401


def test_pages_forbid_inline_script_and_framing(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"


def test_api_docs_are_served_from_the_package(client):
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle-5.35.0.js" in page and "/static/docs.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
    for asset in ("/static/vendor/swagger-ui-bundle-5.35.0.js", "/static/vendor/swagger-ui-5.35.0.css", "/static/docs.js"):
        assert client.get(asset).status_code == 200


def test_a_stored_javascript_url_is_never_rendered_as_a_link(client, db):
    """A knowledge base written before the URL policy may hold any URL: the page checks it again."""
    from sitrep.pipeline import process
    from sitrep.schema import Input

    doc = process(Input(origin="old.jsonl#1", text=ARTICLE["text"], title="Old record"))
    doc.url = " JaVaScRiPt:fetch('/api/documents')"
    with Store(db) as kb:
        kb.add(doc)
    page = client.get(f"/document/{doc.id}").text
    assert "Old record" in page and "javascript" not in page.lower() and ">original</a>" not in page


def test_a_chunked_body_over_the_limit_is_refused_as_it_arrives(db, running_server):
    """No Content-Length to read: the server counts the bytes and stops at the limit."""
    limit = 2**20
    app = create_app(db, max_upload_bytes=limit)
    before = stored(db)
    with running_server(app) as url:
        connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=30)
        piece = b"Ukrainian officials said the strikes had hit a power station overnight. " * 900
        chunks = [b'{"text": "', *[piece] * 40, b'"}']  # about 2.6 MB, never announced
        connection.request("POST", "/api/ingest", body=iter(chunks), encode_chunked=True,
                           headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        answer = connection.getresponse()
        body = json.loads(answer.read())
        assert answer.status == 413 and "1 MiB limit" in body["error"]["message"]
        connection.close()
        still = http.client.HTTPConnection(url.removeprefix("http://"), timeout=10)
        still.request("GET", "/api/documents?limit=1")
        assert still.getresponse().status == 200  # the server goes on answering
    assert stored(db) == before
