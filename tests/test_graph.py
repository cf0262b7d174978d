import pytest

from sitrep import graph
from sitrep.store import Store


@pytest.fixture
def kb(knowledge_base):
    with Store(knowledge_base) as store:
        yield store


def test_timeline_of_a_person_across_three_documents(kb):
    found = graph.timeline(kb, "Sandu")
    assert found["entity"]["name"] == "Maia Sandu"
    items = [(i["date"], i["kind"], i["what"]) for i in found["items"]]
    assert items == [
        ("2024-03-04", "event", "CONSULT"),      # "on Monday", in a report of Tuesday 5 March
        ("2024-03-04", "statement", "said"),
        ("2024-03-29", "event", "CONSULT"),      # "two weeks ago", in a report of 12 April
        ("2024-05-17", "statement", "claimed"),  # "on Friday", said about her by Zakharova
    ]
    meeting = found["items"][0]
    assert {meeting["actor_name"], meeting["target_name"]} == {"Maia Sandu", "Ursula von der Leyen"}
    assert meeting["title"] == "Sandu meets von der Leyen in Brussels" and meeting["outlet"] == "Test Wire"
    assert found["items"][3]["source_name"] == "Maria Zakharova"
    assert [i["date"] for i in graph.timeline(kb, "Maia Sandu", since="2024-03-10", until="2024-04")["items"]] == ["2024-03-29"]


def test_neighbours_with_relations_and_counts(kb):
    found = graph.neighbours(kb, "Maia Sandu", depth=1)
    relations = {(e["name"], e["relation"]) for e in found["layers"][0]}
    assert ("Ursula von der Leyen", "event:CONSULT") in relations
    assert ("Maria Zakharova", "spoken of by") in relations
    assert ("Moldova", "co-mentioned") in relations
    deeper = graph.neighbours(kb, "Maia Sandu", depth=2)
    assert len(deeper["layers"]) == 2 and any(e["from"] != found["entity"]["id"] for e in deeper["layers"][1])


def test_unknown_entity(kb):
    with pytest.raises(graph.UnknownEntity):
        graph.timeline(kb, "Nobody Atall")
