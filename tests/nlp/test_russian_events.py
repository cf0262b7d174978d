"""PLOVER events from Russian sentences, by the Russian part of the events lexicon."""
from sitrep.pipeline import process
from sitrep.schema import Input


def events(text):
    doc = process(Input(origin="test.txt", text=text, title="Сводка", published="2024-03-08", language="ru"))
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, names.get(e.actor), names.get(e.target)) for e in doc.events]


def test_the_types_of_war_reporting():
    assert events("Российские войска нанесли удар по Одессе.") == [("ASSAULT", "Russian Armed Forces", "Odesa")]
    assert events("Лукашенко встретился с Путиным в Сочи.") == [("CONSULT", "Alexander Lukashenko", "Vladimir Putin")]
    assert events("Россия пригрозила Литве ответными мерами.") == [("THREATEN", "Russia", "Lithuania")]
    assert events("Евросоюз ввел санкции против Белоруссии.")[0][0] == "SANCTION"
    assert events("Вчера Кремль отверг предложение о перемирии.")[0][:2] == ("REJECT", "Kremlin")
    assert events("Киев обвинил Москву в обстреле больницы.")[0][:3] == ("ACCUSE", "Kyiv", "Moscow")


def test_acts_that_did_not_happen_are_not_events():
    assert events("Российские войска не атаковали Харьков.") == []
    assert events("Москва может атаковать Киев в ближайшие дни.") == []
    assert events("Если бы армия атаковала Херсон, город бы пал.") == []
