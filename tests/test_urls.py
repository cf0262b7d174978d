"""The URL policy: only absolute http(s) addresses survive, normalised; every trick a browser
would still read as a script, a data document or a link back into sitrep is refused."""
import pytest

from sitrep.urls import web_address


@pytest.mark.parametrize("raw, kept", [
    ("https://www.example.org/news/drones", "https://www.example.org/news/drones"),
    ("HTTPS://News.Example.ORG/a", "https://news.example.org/a"),
    ("  https://example.org/x \n", "https://example.org/x"),
    ("https://example.org/news/border closure?id=4 5#top", "https://example.org/news/border%20closure?id=4%205#top"),
    ("https://example.org/новости", "https://example.org/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"),
    ("https://example.org/a%20b", "https://example.org/a%20b"),
    ("https://example.org/?a=1&amp;b=2", "https://example.org/?a=1&b=2"),
    ("http://example.org:8080/p", "http://example.org:8080/p"),
    ("http://[2001:db8::1]/p", "http://[2001:db8::1]/p"),
    ("ht\ttp://example.org/", "http://example.org/"),
    ("http:\\\\example.org\\p", "http://example.org/p"),
])
def test_web_addresses_are_kept_normalised(raw, kept):
    assert web_address(raw) == kept


@pytest.mark.parametrize("raw", [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " \x00javascript:alert(1)",
    "\tjava\nscript:alert(1)",
    "java\rscript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/file",
    "//evil.example/steal",
    "/api/documents",
    "example.org/news",
    "http:example.org",
    "https://",
    "http:///path",
    "https://:443/",
    "https://example.org:99999/",
    "https://exa mple.org/",
    "https://example.org/\x00x",
    "",
    None,
])
def test_everything_else_is_refused(raw):
    assert web_address(raw) is None
