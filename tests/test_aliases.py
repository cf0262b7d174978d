import pytest

from sitrep.aliases import is_name


@pytest.mark.parametrize("text", ["ISW", "Lukashenka", "Institute for the Study of War", "Ursula von der Leyen",
                                  "Su-25", "T-72B3", "Minsk Automobile Plant"])
def test_names_are_names(text):
    assert is_name(text)


@pytest.mark.parametrize("text", ["analysts", "the analysts", "The analysts", "the Washington-based Institute",
                                  "the institute's experts", "Belarusian leader Alexander Lukashenka", "ISW's", ""])
def test_descriptions_are_not(text):
    assert not is_name(text)
