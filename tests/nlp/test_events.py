"""PLOVER events on short reports written for these tests."""
import pytest

from sitrep.pipeline import process
from sitrep.schema import Input


def coded(text, published="2024-05-11"):
    doc = process(Input(origin="test.txt", text=text, title="Test report", published=published))
    names = {e.id: e.name for e in doc.entities}
    return doc, [(e.type, names.get(e.actor), names.get(e.target)) for e in doc.events], names


@pytest.mark.parametrize("text, expected", [
    ("Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun Bayramov met in Almaty on Friday.",
     ("CONSULT", "Ararat Mirzoyan", "Jeyhun Bayramov")),
    ("Germany delivered IRIS-T air defence systems to Ukraine last week.", ("AID", "Germany", "Ukraine")),
    ("The European Union imposed new sanctions on Belarus on Monday.", ("SANCTION", "European Union", "Belarus")),
    ("Russian forces shelled Kharkiv overnight, regional officials said.", ("ASSAULT", "Russian Armed Forces", "Kharkiv")),
    ("Georgian police arrested opposition leader Nika Melia in Tbilisi.", ("COERCE", "Police of Georgia", "Nika Melia")),
    ("Niger's junta rejected a request from ECOWAS to restore the ousted president.", ("REJECT", "Niger", "Economic Community of West African States")),
])
def test_event_types_by_the_codebook(text, expected):
    _, events, _ = coded(text)
    assert expected in events, events


def test_a_meeting_has_its_date_and_place():
    doc, events, names = coded("Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani Foreign Minister Jeyhun "
                               "Bayramov met in Almaty on Friday.")
    [meeting] = [e for e in doc.events if e.type == "CONSULT"]
    assert meeting.mode is None and meeting.date == "2024-05-10" and names[meeting.location] == "Almaty"
    assert doc.text[meeting.start:meeting.end].startswith("Armenian Foreign Minister")


@pytest.mark.parametrize("text", [
    "Russia will attack Kyiv again before the summer, Ukrainian officials warned.",
    "Moscow intends to absorb Belarusian defence plants, the analysts wrote.",
    "If Minsk had sent troops to Ukraine, the European Union would have imposed sanctions on Belarus.",
    "Russia denied deploying Iranian drones against Ukraine.",
    "Belarus did not send troops to Ukraine in 2022.",
    "Russian units used Belarusian ranges to train mobilized Russians.",
])
def test_intentions_predictions_conditions_and_denials_are_not_events(text):
    _, events, _ = coded(text)
    assert events == []


def test_an_offer_is_agree_and_a_claimed_event_points_to_its_statement():
    doc, events, names = coded("Belarusian leader Alexander Lukashenko said that Belarus was ready to produce attack "
                               "aircraft for Russia.")
    [offer] = doc.events
    assert (offer.type, names[offer.actor], names[offer.target]) == ("AGREE", "Belarus", "Russia")
    assert offer.statement == doc.statements[0].id


def test_one_meeting_told_twice_is_one_event():
    _, events, _ = coded("Kim Jong Un and Vladimir Putin met at the Vostochny Cosmodrome on Wednesday. "
                         "After a tour, Putin and Kim held talks for several hours.", published="2023-09-14")
    assert [e for e in events if e[0] == "CONSULT"] == [("CONSULT", "Kim Jong Un", "Vladimir Putin")]
