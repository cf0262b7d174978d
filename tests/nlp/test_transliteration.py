"""Cyrillic names in the Latin spellings of the English-language press and of the field's dictionaries."""
from sitrep.nlp.transliteration import is_cyrillic, latin, spellings


def test_press_spelling():
    assert latin("Лукашенко") == "Lukashenko"
    assert latin("Юнус-Бек Евкуров") == "Yunus-Bek Yevkurov"
    assert latin("Евгений Пригожин") == "Yevgeny Prigozhin"
    assert latin("Сергей Шойгу") == "Sergei Shoygu"  # the gazetteer lists "Sergei Shoygu" as his
    assert latin("ФСБ") == "FSB"


def test_dictionary_spellings_are_tried_too():
    assert {"Aleksandr Bortnikov", "Alexander Bortnikov"} <= set(spellings("Александр Бортников"))
    assert "Evgeny Prigozhin" in spellings("Евгений Пригожин") or "Evgeniy Prigozhin" in spellings("Евгений Пригожин")


def test_latin_text_is_left_alone():
    assert latin("Leopard 2") == "Leopard 2" and not is_cyrillic("Leopard") and is_cyrillic("Минск")
