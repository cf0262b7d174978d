import pytest

from sitrep.periods import date_bound, period


@pytest.mark.parametrize("text", ["2024", "2024-02", "2024-02-29", " 2023-12-31 "])
def test_real_dates_at_any_precision_are_bounds(text):
    assert date_bound(text) == text.strip()


@pytest.mark.parametrize("text, words", [("2024-13", "not a real date"), ("2023-02-29", "not a real date"),
                                         ("garbage", "not a date"), ("24-03", "not a date"), ("2024/03/01", "not a date"),
                                         ("", "not a date")])
def test_impossible_or_malformed_dates_are_refused(text, words):
    with pytest.raises(ValueError, match=words):
        date_bound(text)


def test_a_period_may_be_open_but_not_reversed():
    assert period("2024-03", None) == ("2024-03", None)
    assert period("2024-03", "2024-03") == ("2024-03", "2024-03")
    assert period("2024-03-15", "2024-03") == ("2024-03-15", "2024-03")
    with pytest.raises(ValueError, match="after it ends"):
        period("2024-05", "2024-03-31")
