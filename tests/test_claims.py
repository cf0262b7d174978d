"""Claims across documents: grouping, independent sources, grades and disagreements."""
import pytest

from sitrep import claims, ingest, queries
from sitrep.claims import Claim, Report, credibility, disagreements, group
from sitrep.reliability import Reliability


@pytest.fixture(scope="module")
def depot(tmp_path_factory, fixtures_dir=None):
    from pathlib import Path

    from sitrep.store import Store

    path = tmp_path_factory.mktemp("claims") / "kb.db"
    with Store(path) as kb:
        list(ingest([str(Path(__file__).parent / "fixtures" / "depot-strike.jsonl")], kb))
        grouped = claims.update(kb)
        stored = queries.claim_list(kb, limit=100)
    return grouped, stored


def _claim(grouped, words):
    return next(c for c in grouped if words in c.text)


def test_a_syndicated_copy_is_not_an_independent_source(depot):
    grouped, _ = depot
    strike = _claim(grouped, "enemy drones struck a fuel depot in Dovrany")
    assert len(strike.reports) == 3 and strike.independent == 2


def test_documents_relaying_one_original_are_one_source(depot):
    grouped, _ = depot
    wave = next(c for c in grouped if "second wave of strikes" in c.text and c.source == "person:ivo-brandt")
    assert len(wave.reports) == 2 and wave.independent == 1
    assert {r.channel for r in wave.reports} == {"via:org:meridian-institute"}


def test_a_denial_by_another_source_contradicts_and_lowers_the_grade(depot):
    grouped, _ = depot
    strike = _claim(grouped, "enemy drones struck a fuel depot in Dovrany")
    denial = _claim(grouped, "its drones struck the fuel depot in Dovrany")
    assert denial.polarity == "negative"
    assert (strike.credibility, denial.credibility) == (4, 5)
    pairs = [(a, b) for a, b, why in disagreements(grouped) if why == "opposite polarity"]
    assert any({a.id, b.id} == {strike.id, denial.id} for a, b in pairs)


def test_stored_claims_cite_their_documents(depot):
    _, stored = depot
    strike = next(c for c in stored if "enemy drones struck" in c["text"])
    assert strike["independent"] == 2 and strike["reports"] == 3 and strike["source_name"] == "Mirela Kostic"
    assert [d["outlet"] for d in strike["documents"]] == ["Capital Daily", "Northern Wire", "Valley Post"] or \
        sorted(d["outlet"] for d in strike["documents"]) == ["Capital Daily", "Northern Wire", "Valley Post"]


@pytest.mark.parametrize("independent, against, grade", [(3, 0, 1), (2, 0, 2), (1, 0, 3), (2, 1, 4), (1, 2, 5), (0, 0, 6)])
def test_credibility_on_the_admiralty_scale(independent, against, grade):
    assert credibility(independent, against) == grade


def _report(document, source, text, date="2025-03-04", channel=None, confidence=None, polarity="positive",
            subjects=frozenset({"geo:dovrany"})):
    return Report("statement", document, "s1", source, text, date, channel or f"outlet:{document}", confidence,
                  polarity, subjects)


def test_assessments_two_steps_apart_are_a_disagreement():
    grouped = group([
        _report("a", "org:meridian", "a renewed offensive on Dovrany before the spring is likely", confidence="likely"),
        _report("b", "org:bureau", "a renewed offensive on Dovrany before the spring is unlikely", confidence="unlikely"),
    ])
    assert [why for _, _, why in disagreements(grouped)] == ["confidence two or more steps apart"]


def test_a_denial_disagrees_with_what_any_report_of_a_claim_says():
    # The ministry's claim is first reported in a short form; a later report of the same claim
    # gives the words the denial shares with it.
    claim = [Claim("statement", "org:ministry", [
        _report("a", "org:ministry", "artillery hit Dovrany overnight", date="2025-03-04"),
        _report("b", "org:ministry", "enemy artillery shelled the border town of Dovrany overnight, killing two civilians",
                date="2025-03-04", channel="outlet:b")])]
    denial = group([_report("c", "org:enemy-ministry", "its guns had shelled the border town of Dovrany",
                            polarity="negative")])
    assert [why for _, _, why in disagreements(claim + denial)] == ["opposite polarity"]


def test_statements_weeks_apart_or_about_other_things_do_not_disagree():
    far = group([_report("a", "p:x", "troops left Dovrany"),
                 _report("b", "p:y", "troops left Dovrany", date="2025-04-20", polarity="negative")])
    other = group([_report("a", "p:x", "troops left Dovrany"),
                   _report("b", "p:y", "the harvest was poor this year", polarity="negative", subjects=frozenset({"geo:elsewhere"}))])
    assert disagreements(far) == [] and disagreements(other) == []


def test_reliability_comes_from_the_analysts_file(tmp_path):
    grades = tmp_path / "grades.json"
    grades.write_text('{"Valley Post": "B", "northern wire": "C"}')
    reliability = Reliability.load(grades)
    assert reliability.of("Mirela Kostic", "Northern Wire", "Valley Post") == "B"
    assert reliability.of("Someone Else") == "F"
    grades.write_text('{"Valley Post": "Z"}')
    with pytest.raises(ValueError, match="grades must map names"):
        Reliability.load(grades)


def test_claims_command_updates_grades_and_lists(cli, tmp_path):
    from pathlib import Path

    db = str(tmp_path / "kb.db")
    fixture = str(Path(__file__).parent / "fixtures" / "depot-strike.jsonl")
    assert cli("ingest", fixture, "--db", db).exit_code == 0  # ingest groups the claims itself
    grades = tmp_path / "grades.json"
    grades.write_text('{"Valley Post": "B"}')
    listed = cli("claims", "--db", db, "--min-sources", "2", "--reliability", str(grades))
    assert listed.exit_code == 0
    assert listed.stdout.startswith("B4  2025-03-04  Mirela Kostic  [statement; 2 independent sources, 3 reports; doubtful")
    assert cli("claims", "--db", db, "--since", "2025-02-30").exit_code == 2



def test_documents_citing_one_publication_are_one_source(depot):
    grouped, _ = depot
    brigades = _claim(grouped, "two artillery brigades")
    assert len(brigades.reports) == 2 and brigades.independent == 1
