"""The remembered attribute ruler and lemmatizer give what the model's own components give."""
import pytest

from sitrep.nlp import rule_cache
from sitrep.nlp.analyse import pipeline

# Written to touch the ruler's exceptions: contractions, "gonna", "let's", "y'all", "ain't",
# expletive "there", object pronouns, auxiliaries, negation, space tokens between paragraphs.
TEXT = """Officials said there are no plans to evacuate the town, but residents aren't convinced.
"We're gonna stay. Let's see what happens," one farmer told it to the visiting reporters.

"Y'all ain't seen nothin' yet," a volunteer said, adding that he had been driving aid trucks
since March and did not intend to stop.    The governor's office has said it would keep it open.

She'd asked them whether the shelling, which was heard overnight, had damaged the bridges."""


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def _parsed_before_the_rules(nlp, text):
    with nlp.select_pipes(enable=["tok2vec", "tagger", "paragraph_sentence_starts", "parser"]):
        return nlp(text)


def _both(nlp, text):
    stock, cached = _parsed_before_the_rules(nlp, text), _parsed_before_the_rules(nlp, text)
    nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(stock))
    nlp.get_pipe(rule_cache.LEMMAS)(nlp.get_pipe(rule_cache.ATTRIBUTES)(cached))
    return _annotations(stock), _annotations(cached)


def test_the_remembered_components_replace_the_models_own():
    names = pipeline().pipe_names
    assert rule_cache.ATTRIBUTES in names and rule_cache.LEMMAS in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


@pytest.mark.parametrize("repeat", [1, 2])
def test_the_same_annotations_as_the_models_components(repeat):
    nlp = pipeline()
    for _ in range(repeat):  # the second time from what was remembered
        stock, cached = _both(nlp, TEXT)
        assert cached == stock
    lemmas = [(text, lemma) for text, _, _, _, lemma, _, _ in cached]
    for pair in [("are", "be"), ("gon", "go"), ("Let", "let"), ("'s", "us"), ("heard", "hear"), ("bridges", "bridge")]:
        assert pair in lemmas


def test_the_same_annotations_when_memory_starts_afresh(monkeypatch):
    monkeypatch.setattr(rule_cache, "MAX_REMEMBERED", 3)
    nlp = pipeline()
    stock, cached = _both(nlp, TEXT)
    assert cached == stock
    assert len(nlp.get_pipe(rule_cache.ATTRIBUTES).rules_of) <= len(stock)


def test_the_models_word_lists_are_left_as_they_are():
    tables = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert isinstance(tables["noun"], list)


def test_a_document_without_a_parse_is_left_to_the_ruler_itself():
    nlp = pipeline()
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        stock, cached = nlp(TEXT), nlp(TEXT)
    nlp.get_pipe("attribute_ruler")(stock)
    nlp.get_pipe(rule_cache.ATTRIBUTES)(cached)
    assert [(t.pos_, str(t.morph)) for t in cached] == [(t.pos_, str(t.morph)) for t in stock]
