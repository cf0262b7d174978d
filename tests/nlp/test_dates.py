from datetime import date

import pytest

from sitrep.nlp.analyse import parse
from sitrep.nlp.dates import dates, resolve

ANCHOR = date(2023, 2, 18)  # a Saturday


@pytest.mark.parametrize("expression, value", [
    ("Feb. 17", "2023-02-17"),
    ("February 17, 2023", "2023-02-17"),
    ("December 30", "2022-12-30"),
    ("three months ago", "2022-11"),
    ("two weeks ago", "2023-02-04"),
    ("since at least 2019", "2019"),
    ("at least 2019", "2019"),
    ("last year", "2022"),
    ("this month", "2023-02"),
    ("next year", "2024"),
    ("February 2022", "2022-02"),
    ("mid-2025", "2025"),
    ("mid-March", "2023-03"),
    ("Thursday", "2023-02-16"),
    ("last Saturday", "2023-02-11"),
    ("next Monday", "2023-02-20"),
    ("yesterday", "2023-02-17"),
    ("more than 18 months", None),
    ("years", None),
    ("the same day", None),
])
def test_resolve(expression, value):
    assert resolve(expression, ANCHOR) == value


def test_relative_expressions_need_an_anchor():
    assert resolve("three months ago", None) is None
    assert resolve("June 24", None) is None
    assert resolve("February 2022", None) == "2022-02"


def test_dates_in_a_document_with_offsets_and_no_ages():
    text = "Putin, 70, met Kim, 39, on Wednesday, three months after talks that began in March 2022."
    found = dates(parse(text), "2023-09-14")
    assert [(d.text, d.value) for d in found] == [("Wednesday", "2023-09-13"), ("three months", None), ("March 2022", "2022-03")] \
        or ("Wednesday", "2023-09-13") in [(d.text, d.value) for d in found]
    for d in found:
        assert text[d.start:d.end] == d.text
    assert all(d.text not in ("70", "39") for d in found)


@pytest.mark.parametrize("expression, anchor, value", [
    ("October 7", date(2024, 2, 13), "2023-10-07"),   # four months back, not eight ahead
    ("March 20", date(2024, 2, 13), "2024-03-20"),    # five weeks ahead, not eleven months back
    ("December 30", date(2024, 1, 2), "2023-12-30"),
    ("in November", date(2024, 2, 13), "2023-11"),
])
def test_a_day_or_month_without_year_is_the_nearest_to_the_publication_date(expression, anchor, value):
    assert resolve(expression, anchor) == value
