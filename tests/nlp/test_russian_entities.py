"""Entities in Russian text: inflected names are one thing, linked to the ids English text gives."""
from sitrep.pipeline import process
from sitrep.schema import Input


def entities(text, language="ru"):
    doc = process(Input(origin="test.txt", text=text, title="Сводка", published="2024-03-08", language=language))
    return {e.id: e for e in doc.entities}


def test_inflected_forms_are_one_entity_with_the_english_id():
    found = entities("Путин провел встречу с Лукашенко. Путину доложили о ходе учений.\n"
                     "Позже Лукашенко заявил, что говорил с Путиным по телефону.")
    english = entities("Putin met Lukashenko in Minsk on Monday.", language="en")
    putin = found["Q7747"]
    assert [m.text for m in putin.mentions] == ["Путин", "Путину", "Путиным"] and putin.name == "Vladimir Putin"
    assert set(english) >= {"Q7747", "person:alexander-lukashenko"} and "person:alexander-lukashenko" in found


def test_an_unknown_person_is_named_as_the_english_press_spells_him():
    found = entities("Ранее Евгений Петренко заявил, что учения начнутся в мае. Позже Петренко уточнил детали.")
    english = entities("Yevgeny Petrenko said the exercises would begin in May.", language="en")
    assert "person:yevgeny-petrenko" in found and "person:yevgeny-petrenko" in english
    assert [m.text for m in found["person:yevgeny-petrenko"].mentions] == ["Евгений Петренко", "Петренко"]


def test_bodies_and_places_in_any_case():
    found = entities("Министерство обороны России сообщило об ударах по позициям ВСУ под Угледаром.\n"
                     "Российские войска продвинулись к Минску, сообщил Институт изучения войны.")
    assert {"org:ministry-of-defence-of-the-russian-federation", "armed-forces:UA", "armed-forces:RU", "Q2280",
            "org:institute-for-the-study-of-war"} <= set(found)


def test_a_quoted_name_is_a_body_not_a_place_and_a_common_abbreviation_is_no_name():
    found = entities("Подразделения группировки «Восток» отразили атаку, сообщили СМИ.")
    assert not any(e.type in ("GPE", "LOC") and "Восток" in e.name for e in found.values())
    assert not any(m.text == "СМИ" for e in found.values() for m in e.mentions)


def test_a_title_with_its_country_is_the_one_person_of_that_country():
    found = entities("Лукашенко провел совещание в Минске. Затем белорусский президент позвонил Путину.\n"
                     "Позже советники президента Беларуси подтвердили звонок.")
    mentions = [m.text for m in found["person:alexander-lukashenko"].mentions]
    assert "белорусский президент" in mentions and "президента Беларуси" in mentions
    assert not any("президент" in m.text for m in found["Q7747"].mentions)


def test_a_title_with_the_country_of_two_people_is_left_alone():
    found = entities("Владимир Путин и Сергей Лавров выступили в понедельник. Российский президент говорил первым.")
    assert not any(m.text.lower().startswith("российский") for e in found.values() for m in e.mentions)
