"""The Russian analysis: natasha's parse as a spaCy Doc of the kind the rules read, on sentences
written for these tests."""
import subprocess
import sys

from sitrep.nlp.analyse import language_of, parse
from sitrep.nlp.russian import normal_form

TEXT = ("Министр обороны Сергей Шойгу заявил, что армия не отступит.\n"
        "По словам Евгения Пригожина, бойцы покинули Ростов.")


def test_offsets_words_and_sentences_follow_the_text():
    doc = parse(TEXT, "ru")
    assert language_of(doc) == "ru" and doc.text == TEXT
    assert all(TEXT[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    starts = [s.start_char for s in doc.sents]
    assert TEXT.index("По словам") in starts  # a line break always ends a sentence


def test_relations_are_those_the_rules_read():
    doc = parse(TEXT, "ru")
    word = {t.text: t for t in doc}
    assert (word["заявил"].dep_, word["заявил"].lemma_) == ("ROOT", "заявить")
    assert word["Министр"].dep_ == "nsubj" and word["Шойгу"].dep_ == "appos"
    assert word["Сергей"].dep_ == "compound" and word["Сергей"].head.text == "Шойгу"  # the last word heads a name
    assert word["отступит"].dep_ == "ccomp" and word["что"].dep_ == "mark"
    assert word["не"].dep_ == "neg"
    assert word["словам"].dep_ == "pobj" and word["словам"].head.text == "По"  # the preposition heads its noun
    assert word["Пригожина"].dep_ == "poss" and word["Пригожина"].head.text == "словам"


def test_names_with_their_normal_forms():
    doc = parse(TEXT, "ru")
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert [e.text for e in people] == ["Сергей Шойгу", "Евгения Пригожина"]
    assert normal_form(people[1]) == "Евгений Пригожин"
    assert doc.user_data["normal_forms"][(people[1].start_char, people[1].end_char)] == "Евгений Пригожин"


def test_a_gerund_is_tagged_as_the_rules_expect_and_numbers_are_numbers():
    doc = parse("Армия отразила атаку, уничтожив 12 танков.", "ru")
    word = {t.text: t for t in doc}
    assert word["уничтожив"].tag_ == "VBG" and word["12"].tag_ == "CD"


def test_natasha_is_loaded_only_for_russian_text():
    code = ("import sys; import sitrep.cli, sitrep.pipeline, sitrep.nlp.analyse, sitrep.nlp.entities;"
            "assert not {'natasha', 'slovnet', 'pymorphy3', 'sitrep.nlp.russian'} & set(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_foreign_name_that_does_not_decline_keeps_its_form():
    doc = parse("Генсек НАТО Марк Рютте отметил, что альянс усилит восточный фланг.", "ru")
    person = next(e for e in doc.ents if e.label_ == "PERSON")
    assert normal_form(person) == "Марк Рютте"
