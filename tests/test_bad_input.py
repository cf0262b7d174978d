"""Every kind of bad input gives one clear line naming it, and the rest of the batch goes on."""
import codecs
import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOOD = ("Kazakhstan hosts talks\n\nThe foreign ministers of Armenia and Azerbaijan met in Almaty on Friday for "
        "two days of talks hosted by Kazakhstan, diplomats said.\n")


def make_bad_inputs(tmp):
    """(file name, bytes, expected words of the reason) for each kind of bad input."""
    html = (b"<html><body><article><p>" + b"Troops withdrew from the town on Monday, the ministry said. " * 8
            + b"</p></article></body></html>")
    warc = io.BytesIO()
    writer = WARCWriter(warc, gzip=True)
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{n}", "response",
                                                      payload=io.BytesIO(html), http_headers=headers))
    huge = json.dumps({"title": "Runaway page", "text": "word " * 220_000})
    return [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"  \n\n \t\n", "empty input"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("broken-bom.txt", codecs.BOM_UTF8 + b"Valid start \xff\xfe\xfd invalid", "undecodable"),
        ("truncated.warc.gz", warc.getvalue()[: len(warc.getvalue()) - 40], "truncated"),
        ("truncated.jsonl.gz", gzip.compress((json.dumps({"text": GOOD}) + "\n").encode() * 50)[:-30], "gzip"),
        ("garbage.warc", b"WARC/1.0\r\nthis is not a header block\r\n\r\n\x00\x01garbage", "WARC"),
        ("prose.warc", b"Troops withdrew from the town on Monday, the ministry said.\n", "not a WARC file"),
        ("headless.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nabc", "cannot be parsed"),
        ("no-pages.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zz\r\n\r\nabcdefg\r\n\r\n",
         "no HTML page"),
        ("markup.html", b"<html><<<div>>><p></p><script>var a = 1;</script></html>", "no article text"),
        ("broken.rss", b"<?xml version='1.0'?><rss><channel><item><title>unclosed", "feed"),
        ("huge-record.jsonl", huge.encode() + b"\n", "over the 1,000,000 limit"),
        ("noise-only.txt", b"Subscribe\nShare\nRead more\n", "no article text"),
    ]


@pytest.fixture
def batch(tmp_path, fixtures):
    paths = []
    for name, data, _ in make_bad_inputs(tmp_path):
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    big = tmp_path / "enormous.txt"
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    return [str(fixtures / "plain-utf8.txt"), *paths, str(big), str(tmp_path / "missing.txt"), str(good)]


def test_each_bad_input_gets_one_clear_line_and_the_batch_goes_on(cli, batch, tmp_path):
    result = cli("extract", *batch)
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    titles = [r["title"] for r in records]
    assert titles[0] == "Sanctions on Belarusian potash exporter extended"
    assert titles[-1] == "Kazakhstan hosts talks"
    errors = [line for line in result.stderr.splitlines() if line.startswith("sitrep: error: ")]
    expected = {name: words for name, _, words in make_bad_inputs(tmp_path)}
    expected["enormous.txt"] = "200 MiB"
    expected["missing.txt"] = "no such file"
    for name, words in expected.items():
        lines = [line for line in errors if name in line]
        assert lines, f"no error line for {name}"
        assert any(words.lower() in line.lower() for line in lines), (name, lines)
    assert "failed" in result.stderr.splitlines()[-1]


def test_truncated_warc_keeps_the_pages_before_the_damage(cli, batch):
    warc = next(p for p in batch if p.endswith("truncated.warc.gz"))
    result = cli("extract", warc)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert "truncated gzip near record" in result.stderr


def test_huge_jsonl_line_is_skipped_without_reading_it_whole(tmp_path, monkeypatch):
    from sitrep import readers
    from sitrep.errors import InputError

    monkeypatch.setattr("sitrep.readers.jsonl.MAX_LINE_BYTES", 1000)
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": GOOD}) + "\n")
    first, second = readers.read([str(path)])
    assert isinstance(first, InputError) and "longer than" in first.reason
    assert second.text == GOOD


def test_bad_warc_reasons_name_no_python_internals(cli, batch):
    result = cli("extract", *[p for p in batch if p.endswith(".warc")])
    assert "Error:" not in result.stderr and "NoneType" not in result.stderr
    assert "WARNING" not in result.stderr  # warcio's own multi-line warning is not passed through
    assert all(line.startswith("sitrep: ") for line in result.stderr.splitlines())


@pytest.mark.parametrize("files, words", [([], "it is empty"), (["notes.pdf", "draft.docx"], "2 file(s) skipped (.docx, .pdf)")])
def test_a_folder_with_nothing_to_read_says_so(cli, tmp_path, files, words):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(b"%PDF-1.4 not an article")
    result = cli("ingest", str(folder), "--db", str(tmp_path / "kb.db"))
    assert result.exit_code == 1
    assert f"sitrep: error: {folder}: no file sitrep reads in this folder: {words}" in result.stderr
