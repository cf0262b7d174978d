"""Russian temporal expressions resolved against the publication date."""
from datetime import date

import pytest

from sitrep.nlp.ru_dates import expressions, resolve

ANCHOR = date(2023, 9, 4)


@pytest.mark.parametrize("expression, value", [
    ("17 июня", "2023-06-17"), ("27 июня 2022 года", "2022-06-27"), ("в марте 2023 года", "2023-03"),
    ("в 2022 году", "2022"), ("вчера", "2023-09-03"), ("позавчера", "2023-09-02"), ("сегодня", "2023-09-04"),
    ("три дня назад", "2023-09-01"), ("в прошлом месяце", "2023-08"), ("на прошлой неделе", "2023-08-28"),
    ("в понедельник", "2023-09-04"), ("в январе", "2024-01"), ("за последние пять дней", None), ("в последние месяцы", None),
])
def test_resolved_at_the_precision_of_the_words(expression, value):
    assert resolve(expression, ANCHOR) == value


def test_without_a_publication_date_only_written_dates_resolve():
    assert resolve("17 июня 2023 года", None) == "2023-06-17" and resolve("вчера", None) is None


def test_expressions_are_found_in_sentences_and_names_are_not_dates():
    text = "Вчера Шойгу посетил Донецк, а 12 августа он был в Мелитополе. Ресторан «Март» закрылся. Мая Санду выступила."
    found = [text[s:e] for s, e in expressions(text)]
    assert found == ["Вчера", "12 августа"]
