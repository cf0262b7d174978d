"""Every input format, read for real from small fixture files."""
import gzip
import io
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep import readers
from sitrep.errors import InputError
from sitrep.schema import Input

ARTICLE_HTML = (b"<html lang='en'><head><title>Moldova summons envoy</title></head><body><article>"
                b"<h1>Moldova summons envoy</h1><p>Moldova's foreign ministry summoned the Russian ambassador on "
                b"Monday after drone debris was found near the border with Ukraine, officials said.</p>"
                b"<p>The ministry handed the envoy a note of protest and called the incident unacceptable for a "
                b"neutral country.</p></article></body></html>")


def read_all(*names, stdin=None):
    return list(readers.read([str(n) for n in names], stdin=stdin))


def only_inputs(results):
    assert all(isinstance(r, Input) for r in results), [r for r in results if isinstance(r, InputError)]
    return results


def write_warc(path, pages, gzip_it=True):
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip_it)
        for url, body, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)


@pytest.mark.parametrize("name, expected", [
    ("plain-utf8.txt", "The European Union extended sanctions"),
    ("bom-utf8.txt", "The European Union extended sanctions"),
    ("cyrillic-cp1251.txt", "Президент Беларуси заявил"),
    ("latin1.txt", "Owners of cafés and bistros in Liège"),
])
def test_text_in_any_encoding(fixtures, name, expected):
    [item] = only_inputs(read_all(fixtures / name))
    assert expected in item.text
    assert not item.text.startswith("\ufeff")


def test_html_page_with_metadata(fixtures):
    [item] = only_inputs(read_all(fixtures / "page.html"))
    assert item.from_html
    assert item.title == "Poland to build new air defence base near Rzeszow"
    assert item.published == "2024-04-09"
    assert item.source == "Vistula News"
    assert item.url == "https://vistula.example/poland-air-defence-base"
    assert item.language == "en"
    assert item.text.startswith("Poland will build a new air defence base")
    assert "Patriot batteries" in item.text
    assert "Log in" not in item.text and "Cookie" not in item.text
    assert item.captions == ["A Patriot launcher at an airfield near Rzeszow (Photo: Vistula News)"]


def test_jsonl_records_and_their_errors(fixtures):
    results = read_all(fixtures / "articles.jsonl")
    first, second, bad_json, no_body = results
    assert first.origin.endswith("articles.jsonl#1")
    assert first.title == "Finland closes last border crossing with Russia"
    assert first.published == "2023-11-29" and first.source == "Nordic Report"
    assert second.from_html and second.text.startswith("Estonia's foreign ministry said")
    assert second.source == "Baltic Daily" and second.published == "2024-01-16"
    assert isinstance(bad_json, InputError) and bad_json.origin.endswith("#3") and "not valid JSON" in bad_json.reason
    assert isinstance(no_body, InputError) and "no `text` or `html`" in no_body.reason


def test_gzipped_jsonl(fixtures, tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress((fixtures / "articles.jsonl").read_bytes()))
    assert [type(r).__name__ for r in read_all(path)] == ["Input", "Input", "InputError", "InputError"]


def test_rss_feed_one_document_per_entry():
    from pathlib import Path
    examples = Path(__file__).parents[2] / "examples"
    entries = only_inputs(read_all(examples / "feed.xml"))
    assert [e.origin.rsplit("#", 1)[1] for e in entries] == ["1", "2"]
    assert entries[0].title == "Armenia and Azerbaijan foreign ministers meet in Almaty"
    assert entries[0].published == "2024-05-11" and entries[0].source == "Caucasus Monitor"
    assert entries[0].language == "en"
    assert entries[0].text.split("\n\n")[1].startswith('"We have agreed to continue negotiations')


def test_atom_feed(fixtures):
    [entry] = only_inputs(read_all(fixtures / "feed.atom"))
    assert entry.title.startswith("Niger ends military cooperation")
    assert entry.url == "https://sahel-watch.example/niger-us"
    assert entry.published == "2024-03-17"
    assert "<p>" not in entry.text and "A government spokesman said" in entry.text


def test_warc_yields_html_responses_only(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
                      ("https://news.example/a", ARTICLE_HTML, "text/html; charset=utf-8")])
    [page] = only_inputs(read_all(path))
    assert page.origin == f"{path}#2"
    assert page.url == "https://news.example/a"
    assert page.text.startswith("Moldova's foreign ministry summoned")


def test_folder_is_read_recursively_in_sorted_order(tmp_path, fixtures):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_bytes((fixtures / "latin1.txt").read_bytes())
    (tmp_path / "a.txt").write_bytes((fixtures / "plain-utf8.txt").read_bytes())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 ignored: not a format we read")
    origins = [r.origin for r in only_inputs(read_all(tmp_path))]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_standard_input_is_sniffed():
    [item] = only_inputs(read_all("-", stdin=io.BytesIO(ARTICLE_HTML)))
    assert item.origin == "-" and item.from_html
    [item] = only_inputs(read_all("-", stdin=io.BytesIO("Plain words from a pipe, enough of them.".encode())))
    assert item.text.startswith("Plain words")


@pytest.fixture
def http_server(tmp_path):
    (tmp_path / "article.html").write_bytes(ARTICLE_HTML)
    (tmp_path / "big.txt").write_bytes(b"x" * 1024)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_is_fetched_and_read_by_content_type(http_server):
    [page] = only_inputs(read_all(f"{http_server}/article.html"))
    assert page.origin == f"{http_server}/article.html" and page.url == page.origin
    assert page.text.startswith("Moldova's foreign ministry summoned")


def test_url_errors_are_clear(http_server, monkeypatch):
    [missing] = read_all(f"{http_server}/nothing-here.html")
    assert isinstance(missing, InputError) and "HTTP 404" in missing.reason
    monkeypatch.setattr("sitrep.readers.url.MAX_BYTES", 100)
    [too_big] = read_all(f"{http_server}/big.txt")
    assert isinstance(too_big, InputError) and "limit" in too_big.reason
    [refused] = read_all("http://127.0.0.1:9/closed")
    assert isinstance(refused, InputError) and "could not fetch" in refused.reason
