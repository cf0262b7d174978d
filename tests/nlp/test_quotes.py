"""Quotation spans in every house style, written for these tests."""
import pytest

from sitrep.nlp.quotes import find_quotes


def spans(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text", [
    'The governor said: "The bridge is closed to all traffic."',
    "The governor said: “The bridge is closed to all traffic.”",
    "The governor said: ‘The bridge is closed to all traffic.’",
    "The governor said: 'The bridge is closed to all traffic.'",
    "The governor said: ''The bridge is closed to all traffic.''",
    "The governor said: „The bridge is closed to all traffic.“",
    "The governor said: „The bridge is closed to all traffic.”",
    "The governor said: «The bridge is closed to all traffic.»",
])
def test_every_house_style_of_quotation_marks(text):
    assert spans(text) == ["The bridge is closed to all traffic"]


@pytest.mark.parametrize("text", [
    "The region's governor didn't say when the convoy's trucks would leave.",
    "The soldiers’ families have waited since the brigade’s withdrawal.",
    "Jazz was banned in the '80s, the ministry's archive shows.",
])
def test_apostrophes_are_not_quotations(text):
    assert spans(text) == []


def test_an_apostrophe_inside_a_single_quotation_does_not_close_it():
    text = "‘We can’t hold Avdiivka’s northern flank much longer,’ the commander said."
    assert spans(text) == ["We can’t hold Avdiivka’s northern flank much longer"]


def test_a_quotation_over_paragraphs_reopened_at_each_paragraph():
    text = "The mayor said: “The shelling began at dawn.\n“It lasted until noon.”\nThe army was silent."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["The shelling began at dawn", "It lasted until noon"]
    assert [q.continues for q in quotes] == [False, True]
    assert quotes[0].group == quotes[1].group


def test_a_quotation_over_paragraphs_not_reopened_runs_to_its_closing_mark():
    text = ("“Our units held the village through the night.\n"
            "By morning the enemy had pulled back to the forest,” the officer explained.\n"
            "Another “short phrase here” follows.")
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["Our units held the village through the night",
                                                     "By morning the enemy had pulled back to the forest",
                                                     "short phrase here"]
    assert quotes[0].group == quotes[1].group != quotes[2].group


def test_a_paragraph_without_a_closing_mark_after_a_closed_quotation_is_not_a_quotation():
    text = "“We are ready,” he said.\nThe talks resumed on Monday."
    assert spans(text) == ["We are ready"]


def test_copy_that_mixes_straight_and_curly_doubles():
    text = ('The envoy wrote: “We welcome the deal."\n'
            '"It opens a new chapter.” The talks went on.\n'
            'He added, "We will meet again."')
    assert spans(text) == ["We welcome the deal", "It opens a new chapter", "We will meet again"]


def test_a_double_quotation_opening_right_after_a_sentence_whose_space_was_lost():
    text = 'He played at the 1972 Games."He was a true gentleman on and off the field," a teammate said.'
    assert spans(text) == ["He was a true gentleman on and off the field"]
    closing = '"We will be back next year."The team left on Monday.'
    assert spans(closing) == ["We will be back next year"]


def test_a_quotation_left_open_and_reopened_on_one_flattened_line_is_two_parts_of_one():
    text = ('"We cannot rule on that today," the judge said. "The file is incomplete.  "Come back with the '
            'contracts and we will look again." The hearing was adjourned.')
    parts = find_quotes(text)
    assert [text[q.start:q.end] for q in parts] == [
        "We cannot rule on that today", "The file is incomplete",
        "Come back with the contracts and we will look again"]
    assert parts[1].group == parts[2].group and parts[2].continues


def test_a_mark_after_a_space_inside_a_sentence_does_not_reopen():
    text = 'The envoy said "the talks were over" and "nothing was agreed" after midnight.'
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["the talks were over", "nothing was agreed"]


def test_a_stray_straight_mark_does_not_pair_with_the_opening_of_an_introduced_quotation():
    text = ('The court has not ruled yet. "He spoke about the ruling on Monday and said the council had '
            'misled the public. He stated, "Elections were held in the region even during the war." '
            'He also said the fight would go on.')
    assert spans(text) == ["Elections were held in the region even during the war"]


def test_a_closing_mark_before_a_comma_and_a_cue_still_closes():
    text = '"The bridge is closed," he said, "and it will stay closed."'
    assert spans(text) == ["The bridge is closed", "and it will stay closed"]


def test_a_stray_single_mark_does_not_swallow_the_quotations_after_it():
    filler = "The talks went on for hours and nothing was decided that day. " * 20
    text = ("Officials called it a ‘’critical breakthrough” in relations. " + filler +
            "The minister said: “We will meet again in March.” The forum was called ‘Crossing the Mountains’ this year.")
    assert "We will meet again in March" in spans(text)
