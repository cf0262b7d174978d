"""ICD 203 confidence and polarity of a statement's content, on sentences written for these tests."""
import pytest

from sitrep.nlp.analyse import parse
from sitrep.nlp.estimative import estimate


def judged(sentence):
    return estimate(parse(sentence)[:])


@pytest.mark.parametrize("sentence, confidence, polarity", [
    ("The town could fall within days.", "possible", "positive"),
    ("Moscow may turn to Pyongyang for shells.", "possible", "positive"),
    ("Iran is not likely to test a weapon this year.", "unlikely", "positive"),
    ("Russian plants are likely not able to double their output.", "likely", "negative"),
    ("The brigade almost certainly lost two tanks.", "almost_certain", "positive"),
])
def test_estimative_words_and_polarity(sentence, confidence, polarity):
    result = judged(sentence)
    assert (result.confidence, result.polarity) == (confidence, polarity)


@pytest.mark.parametrize("sentence", [
    "The shelling could have been avoided.",
    "Talks should resume as soon as possible.",
    "Reuters could not independently verify the report.",
    "The agency cannot confirm the number of casualties.",
    "The talks in May ended without a deal.",
])
def test_modal_words_that_estimate_nothing(sentence):
    assert judged(sentence).confidence is None


@pytest.mark.parametrize("sentence", [
    "The rhetoric was \"not helpful.\"",
    "There is no information about casualties.",
    "The army did not withdraw from the town.",
])
def test_negated_main_clauses_are_negative(sentence):
    assert judged(sentence).polarity == "negative"


def test_a_quotation_of_several_sentences_has_the_polarity_of_its_first():
    assert judged("Units are moving so they are not mistaken for the enemy. We did not expect it.").polarity == "positive"
