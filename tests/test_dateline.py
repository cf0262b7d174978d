from datetime import date

import pytest

from sitrep.dateline import PartialDate, full_dates, infer_year, iso_date, parse_dateline


@pytest.mark.parametrize("line, expected", [
    ("18 February, 03:41 PM", PartialDate(None, 2, 18)),
    ("September 14, 2023 9:14 am", PartialDate(2023, 9, 14)),
    ("Updated: Mon, 4 March 2024 | 10:31", PartialDate(2024, 3, 4)),
    ("2024-05-14T07:30:00Z", PartialDate(2024, 5, 14)),
    ("14.05.2024", PartialDate(2024, 5, 14)),
    ("Feb. 17", PartialDate(None, 2, 17)),
])
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize("line", ["Ukraine Today", "May the talks succeed", "February 31, 2023",
                                  "Putin met Lukashenko on February 17, 2023 in Moscow."])
def test_not_datelines(line):
    assert parse_dateline(line) is None


def test_full_dates_in_text():
    assert full_dates("met on February 17, 2023 and 3 March 2024; filed 2022-11-17") == [
        date(2023, 2, 17), date(2024, 3, 3), date(2022, 11, 17)]


def test_infer_year_prefers_on_or_after_the_evidence():
    assert infer_year(PartialDate(None, 2, 18), [date(2023, 2, 17)]) == date(2023, 2, 18)
    assert infer_year(PartialDate(None, 2, 18), []) is None


def test_iso_date_from_metadata():
    assert iso_date("2023-02-18T15:41:00+02:00") == "2023-02-18"
    assert iso_date("Sat, 18 Feb 2023 13:41:00 GMT") == "2023-02-18"
    assert iso_date("yesterday") is None
    assert iso_date(None) is None
