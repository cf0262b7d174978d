import pytest

from sitrep.errors import InputError
from sitrep.pipeline import STAGES, MAX_TEXT_CHARS, assign_id, new_document, process
from sitrep.schema import Input

TEXT = ("Lithuania closes two border checkpoints\n\n14 November, 09:30 AM\n\nLithuania closed two of its six "
        "checkpoints on the border with Belarus on November 13, 2024, the interior ministry said.\n\nShare\n")


def test_stages_run_in_order_over_one_document():
    assert [name for name, _ in STAGES] == ["guard_size", "clean", "language", "id", "analyse", "entities", "dates", "statements", "events"]
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


@pytest.mark.parametrize("text, language", [(RUSSIAN, "ru"), ("Президент заявив, що армія отримає нові дрони.", None)])
def test_text_in_a_language_without_analysis_is_kept_but_not_analysed(text, language):
    doc = process(Input(origin="ru.txt", text=text, title="Новые беспилотники", language=language))
    assert doc.text == text and doc.id
    assert doc.entities == [] and doc.statements == [] and doc.events == [] and doc.dates == []
    assert len(doc.notes) == 1 and "not analysed" in doc.notes[0]


def test_english_text_is_analysed_without_notes():
    doc = process(Input(origin="en.txt", text="Lithuania closed two border checkpoints with Belarus, the interior "
                                               "ministry said on Wednesday."))
    assert doc.language == "en" and doc.entities and doc.notes == []
