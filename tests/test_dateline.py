from datetime import date

import pytest

from sitrep.dateline import (PartialDate, bare_dateline, full_dates, header_date, infer_year, iso_date, opening_dateline,
                              parse_dateline)


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


@pytest.mark.parametrize("line, expected", [
    ("Publish Date: 9March 2024 - 14:05", PartialDate(2024, 3, 9)),            # a label, a day glued to its month
    ("• March 2, 2024", PartialDate(2024, 3, 2)),                               # a bullet
    ("Posted 2024-03-02", PartialDate(2024, 3, 2)),
    ("KHARKIV, December 25, 2023", PartialDate(2023, 12, 25)),                  # a dateline on its own line
    ("Odesa, Ukraine, 4 May 2024 (AFP)", PartialDate(2024, 5, 4)),
])
def test_labelled_bulleted_and_placed_datelines(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("WORLD 14.05.202309:30 3 comments", PartialDate(2023, 5, 14)),             # a date glued to its time
    ("REUTERS21-11-2024", PartialDate(2024, 11, 21)),                           # glued to the outlet
    ("Defence | 07.02.2024 | 18:45", PartialDate(2024, 2, 7)),
])
def test_dates_glued_to_labels_and_times(line, expected):
    assert header_date(line) == expected


@pytest.mark.parametrize("line", [
    "Officials met on 14.05.2023 in Minsk to discuss the border, the ministry said after the talks.",
    "Ukraine Today", "Flight 1402-2023 delayed",
])
def test_no_header_date_in_prose_or_numbers(line):
    assert header_date(line) is None


@pytest.mark.parametrize("paragraph, expected, rest", [
    ("ABUJA, Nigeria, March 2 (Reuters) - Gunmen abducted 20 villagers overnight, police said.",
     PartialDate(None, 3, 2), "Gunmen abducted 20 villagers overnight, police said."),
    ("Busan, April 9 (Yonhap) -- The navy fired warning shots at a fishing boat on Tuesday.",
     PartialDate(None, 4, 9), "The navy fired warning shots at a fishing boat on Tuesday."),
    ("KYIV, Feb 3, 2024 — Air defences shot down eleven drones overnight, the air force said.",
     PartialDate(2024, 2, 3), "Air defences shot down eleven drones overnight, the air force said."),
])
def test_a_dateline_opening_the_first_paragraph(paragraph, expected, rest):
    assert opening_dateline(paragraph) == (expected, rest)


@pytest.mark.parametrize("paragraph", [
    "Kyiv, the capital, was hit again on March 2 by drones, officials said.",
    "March 2 was the day the talks collapsed, diplomats said.",
])
def test_no_opening_dateline_in_ordinary_sentences(paragraph):
    assert opening_dateline(paragraph) is None


def test_russian_datelines_and_dates():
    from sitrep.dateline import full_dates, opening_dateline, parse_dateline

    found, rest = opening_dateline("СОЧИ, 4 сен - РИА Новости. Министр обороны заявил, что потери большие.")
    assert (found.month, found.day, found.year) == (9, 4, None) and rest.startswith("Министр обороны")
    assert parse_dateline("4 сентября 2023 года, 12:00").year == 2023
    assert [d.isoformat() for d in full_dates("Это произошло 17 июня 2023 года под Минском.")] == ["2023-06-17"]
    # a sentence opening with a place and a dash is not a dateline: the words after the dash stay
    assert opening_dateline("KYIV, Feb 17 - Russian forces attacked the city.")[1] == "Russian forces attacked the city."


@pytest.mark.parametrize("paragraph, rest", [
    ("VOSTREL - The Ministry of Defence said no unit had fired.", "The Ministry of Defence said no unit had fired."),
    ("BRENNA (CPA) - Talmeria has moved troops.", "Talmeria has moved troops."),
    ("DROSK, Kardenia - Shells fell overnight.", "Shells fell overnight."),
    ('KYIV — "We will hold," the mayor said.', '"We will hold," the mayor said.'),
])
def test_a_dateline_without_a_date_is_found(paragraph, rest):
    assert bare_dateline(paragraph) == rest


@pytest.mark.parametrize("paragraph", ["NATO - the alliance met on Friday.", "Kyiv - the capital - was quiet.",
                                       "The ministry - not the army - said so."])
def test_a_paragraph_that_only_has_a_dash_has_no_dateline(paragraph):
    assert bare_dateline(paragraph) is None
