import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import InputError
from sitrep import extract
from sitrep.pipeline import STAGES, MAX_TEXT_CHARS, assign_id, new_document, process
from sitrep.schema import Input

TEXT = ("Lithuania closes two border checkpoints\n\n14 November, 09:30 AM\n\nLithuania closed two of its six "
        "checkpoints on the border with Belarus on November 13, 2024, the interior ministry said.\n\nShare\n")


def test_stages_run_in_order_over_one_document():
    assert [name for name, _ in STAGES] == ["guard_size", "clean", "url", "language", "id", "analyse", "entities", "dates", "statements", "events", "stamp"]
    doc = process(Input(origin="lt.txt", text=TEXT))
    assert doc.title == "Lithuania closes two border checkpoints"
    assert doc.published == "2024-11-14"
    assert doc.text.startswith("Lithuania closed two of its six checkpoints")
    assert doc.removed == ["14 November, 09:30 AM", "Share"]
    assert doc.language == "en"
    assert doc.input is None


def test_id_depends_only_on_the_cleaned_text():
    a = process(Input(origin="a.txt", text=TEXT))
    b = process(Input(origin="elsewhere.txt", text=TEXT.replace("Share", "Subscribe to our newsletter")))
    assert a.id == b.id and len(a.id) == 20


def test_html_text_is_not_cleaned_line_by_line():
    item = Input(origin="p.html", text="Short line\n\nA paragraph the extractor kept.", title="T", from_html=True,
                 captions=["A caption"])
    doc = process(item)
    assert doc.text == "Short line\n\nA paragraph the extractor kept."
    assert doc.removed == [] and doc.captions == ["A caption"]


def test_oversized_text_is_refused_before_any_work():
    doc = new_document(Input(origin="big.jsonl#3", text="a " * (MAX_TEXT_CHARS // 2 + 1)))
    with pytest.raises(InputError, match="big.jsonl#3"):
        STAGES[0][1](doc)


def test_assign_id_ignores_whitespace_differences():
    a, b = new_document(Input(origin="a", text="One  two\nthree")), new_document(Input(origin="b", text="One two three"))
    assign_id(a)
    assign_id(b)
    assert a.id == b.id


RUSSIAN = ("Министр обороны заявил во вторник, что армия получит новые беспилотники до конца года. По его словам, "
           "производство на заводе в Ижевске выросло вдвое, а поставки в войска идут по графику.")


UKRAINIAN = ("Міністр оборони заявив у вівторок, що армія отримає нові безпілотники до кінця року. За його словами, "
             "виробництво на заводі зросло вдвічі.")


@pytest.mark.parametrize("text, language", [(UKRAINIAN, "uk"), ("Президент заявив, що армія отримає нові дрони.", None)])
def test_text_in_a_language_without_analysis_is_kept_but_not_analysed(text, language):
    doc = process(Input(origin="ru.txt", text=text, title="Новые беспилотники", language=language))
    assert doc.text == text and doc.id
    assert doc.entities == [] and doc.statements == [] and doc.events == [] and doc.dates == []
    assert len(doc.notes) == 1 and "not analysed" in doc.notes[0]


def test_russian_text_is_analysed_without_notes():
    doc = process(Input(origin="ru.txt", text=RUSSIAN, title="Новые беспилотники", language="ru"))
    assert doc.notes == [] and [s.cue for s in doc.statements] == ["заявил", "По словам"]
    assert any(e.name == "Izhevsk" for e in doc.entities)


def test_english_text_is_analysed_without_notes():
    doc = process(Input(origin="en.txt", text="Lithuania closed two border checkpoints with Belarus, the interior "
                                               "ministry said on Wednesday."))
    assert doc.language == "en" and doc.entities and doc.notes == []


BODY = "Moldovan border police said on Tuesday that they had detained two men carrying drone parts."
PAGE = f"<html><head><title>Two held</title></head><body><article><h1>Two held</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>"
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Border Desk</title>
<item><title>Two held at the border</title><link>JaVaScRiPt:fetch('/api/documents')</link>
<description>{BODY}</description></item></channel></rss>""".encode()


def _warc(target: str) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(target, "response", payload=io.BytesIO(PAGE.encode()),
                                                  http_headers=headers))
    return out.getvalue()


@pytest.mark.parametrize("name, content", [
    ("news.jsonl", json.dumps({"text": BODY, "url": "\tjava\nscript:alert(1)"}).encode()),
    ("pages.jsonl", json.dumps({"html": PAGE, "url": "data:text/html,<script>alert(1)</script>"}).encode()),
    ("feed.rss", RSS),
    ("crawl.warc", _warc("http:evil.example")),  # warcio reads only http targets; this one has no host
])
def test_a_url_that_is_not_http_is_dropped_with_a_note(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    [record] = extract([str(path)])
    assert record["url"] is None
    assert "url dropped: not an http(s) address" in record["removed"]


def test_an_http_url_is_kept_normalised_without_a_note():
    doc = process(Input(origin="a.jsonl#1", text=BODY, url=" HTTPS://News.Example.org/border held"))
    assert doc.url == "https://news.example.org/border%20held"
    assert doc.removed == []


def test_documents_analysed_in_one_batch_get_the_records_they_get_one_at_a_time():
    from sitrep.pipeline import analyse_documents, prepare
    from sitrep.schema import to_record

    texts = [TEXT, "Moldova expels Russian diplomat\n\nMoldova ordered a Russian diplomat to leave, the foreign ministry "
                   "said on Monday.\n", "Военные учения начались в Беларуси во вторник, сообщило министерство обороны.\n",
             "Військові навчання почалися в Білорусі у вівторок, повідомило міністерство оборони країни.\n"]
    alone = [to_record(process(Input(origin=f"{i}.txt", text=t))) for i, t in enumerate(texts)]
    together = analyse_documents([prepare(Input(origin=f"{i}.txt", text=t)) for i, t in enumerate(texts)])
    assert [to_record(doc) for doc in together] == alone
    assert together[2].entities  # Russian is analysed, in a batch as alone
    assert together[3].entities == [] and "not analysed yet" in together[3].notes[0]
