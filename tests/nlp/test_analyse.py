"""The parse of a whole document: pieces, offsets and sentence starts at line breaks."""
import pytest

from sitrep.nlp.analyse import parse, pieces


@pytest.mark.parametrize("text", [
    "Mayor Ihor Terekhov said the city was calm\nRussian drones struck a depot in the north overnight, the air force said.",
    "Rescue teams worked through the night in Dnipro\nthe regional governor said three people were injured.",
    "“We will rebuild,” the mayor told reporters\nResidents said the power had been cut since Sunday.",
])
def test_a_line_break_always_ends_a_sentence(text):
    doc = parse(text)
    second_line = text.index("\n") + 1
    assert any(s.start_char == second_line for s in doc.sents)
    assert all(not (s.start_char < second_line - 1 and s.end_char > second_line) for s in doc.sents)


def test_sentences_inside_a_paragraph_are_left_to_the_parser():
    doc = parse("The convoy left Kherson at dawn. It reached the river by noon, the police said.")
    assert [s.text.strip() for s in doc.sents] == ["The convoy left Kherson at dawn.",
                                                   "It reached the river by noon, the police said."]


def test_pieces_join_back_to_the_text():
    text = ("A paragraph of reporting on the front line.\n\n" * 40).strip()
    assert "".join(pieces(text, limit=300)) == text
    assert parse(text).user_data["text"] == text


def test_several_texts_parsed_together_keep_their_own_offsets_and_the_model_sees_bounded_batches(monkeypatch):
    from sitrep.nlp import analyse

    short = "The convoy left Kherson at dawn and reached the river by noon, the regional police said on Tuesday."
    long = ("Drones struck a depot near Sumy overnight.\n\n" * 30).strip()
    texts = [short, short.replace("Kherson", "Mykolaiv"), long, "Kyiv"]
    seen = []
    real_pipe = analyse.pipeline().pipe
    monkeypatch.setattr(type(analyse.pipeline()), "pipe",
                        lambda self, group, batch_size: seen.append([len(t) for t in group]) or real_pipe(group, batch_size=batch_size))
    docs = analyse.parse_many(texts, batch_chars=400)
    # Short texts share a batch up to the limit; a longer one goes alone.
    assert seen == [[len(texts[0]), len(texts[1])], [len(long)], [4]]
    assert [doc.text for doc in docs] == texts
    monkeypatch.undo()
    assert [t.text for t in docs[1]] == [t.text for t in parse(texts[1])]
    assert docs[2].ents and all(long[e.start_char:e.end_char] == e.text for e in docs[2].ents)


def test_the_platform_x_ends_its_sentence():
    doc = parse("The commission said on X. However, a former commissioner told reporters it should have done more.")
    assert [s.text for s in doc.sents][0] == "The commission said on X."
