import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep
from conftest import EXAMPLES

SITREP = shutil.which("sitrep", path=str(Path(sys.executable).parent))


def test_extract_writes_the_same_records_as_the_library(cli):
    result = cli("extract", str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    from_cli = [json.loads(line) for line in result.stdout.splitlines()]
    assert from_cli == list(sitrep.extract([str(EXAMPLES)]))
    assert [r["origin"].rsplit("/", 1)[-1] for r in from_cli] == [
        "feed.xml#1", "feed.xml#2", "statements.jsonl#1", "statements.jsonl#2", "statements.jsonl#3",
        "think-tank-relay.txt", "wire-story.html"]


def test_ingest_is_idempotent_and_reports_near_duplicates(cli, tmp_path):
    db = str(tmp_path / "kb.db")
    first = cli("ingest", str(EXAMPLES), "--db", db)
    assert first.exit_code == 0, first.stderr
    assert "6 added, 1 near-duplicates linked, 0 already stored, 0 failed; 7 documents" in first.stderr
    again = cli("ingest", str(EXAMPLES), "--db", db)
    assert "0 added, 0 near-duplicates linked, 7 already stored, 0 failed; 7 documents" in again.stderr


def test_search_documents_and_show(cli, tmp_path):
    db = str(tmp_path / "kb.db")
    cli("ingest", str(EXAMPLES), "--db", db)
    found = cli("search", "Odesa grain terminal", "--db", db)
    assert found.stdout.splitlines()[0].endswith("Ukraine says it downed drones over Odesa overnight  [Frontline Wire]")
    doc_id = found.stdout.split()[0]
    shown = cli("show", doc_id, "--db", db)
    assert "title: Ukraine says it downed drones over Odesa overnight" in shown.stdout
    assert "url: https://frontline-wire.example/world/ukraine-odesa-drones-2024-05-14" in shown.stdout
    assert "Mobile fire groups worked through the night." in shown.stdout
    listing = cli("documents", "--db", db).stdout.splitlines()
    assert len(listing) == 7 and listing[0].split()[1] == "2024-05-14"
    assert sum("near-duplicate of" in line for line in listing) == 1
    assert "no document matches" in cli("search", "Antarctica", "--db", db).stderr
    assert cli("show", "zzzz", "--db", db).exit_code == 1


def test_installed_command_reads_standard_input_and_stays_quiet_when_piped(fixtures):
    text = (fixtures / "noisy-relay.txt").read_bytes()
    done = subprocess.run([SITREP, "extract", "-"], input=text, capture_output=True, check=True)
    [record] = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["origin"] == "-" and record["published"] == "2025-11-22"
    assert done.stderr == b""


def test_entities_and_entity(cli, tmp_path):
    db = str(tmp_path / "kb.db")
    cli("ingest", str(EXAMPLES), "--db", db)
    listing = cli("entities", "--type", "GPE", "--db", db).stdout.splitlines()
    assert listing and all(" GPE " in line for line in listing)
    assert any(line.split("mentions")[1].split()[1:3] == ["Moldova", "Q217"] for line in listing)
    shown = cli("entity", "Lukashenka", "--db", db).stdout
    assert shown.startswith("Alexander Lukashenko  (PERSON, person:alexander-lukashenko)")
    assert "Kremlin likely to lean on Belarusian plants" in shown
    assert cli("entity", "Atlantis", "--db", db).exit_code == 1


def test_workers_give_the_same_records_in_the_same_order(cli, tmp_path, fixtures):
    batch = [str(EXAMPLES), str(fixtures / "articles.jsonl")]
    one = cli("extract", *batch)
    two = cli("extract", "--workers", "2", *batch)
    assert one.stdout == two.stdout and one.stdout.count("\n") == 9
    assert two.exit_code == one.exit_code == 1
    assert two.stderr == one.stderr


def test_statements_command_prints_source_chain_confidence_and_citation(cli, tmp_path):
    db = str(tmp_path / "kb.db")
    cli("ingest", str(EXAMPLES), "--db", db)
    out = cli("statements", "--source", "Lukashenka", "--db", db).stdout.splitlines()
    assert out[0].startswith("2024-02  Alexander Lukashenko via Institute for the Study of War  [no estimate] said")
    assert out[1].startswith("    “Minsk was ready to assemble Shahed-136 drones")
    assert out[2] == "    — Kremlin likely to lean on Belarusian plants for drone parts – think tank, unknown outlet, 2024-03-07"
    sure = cli("statements", "--source", "ISW", "--min-confidence", "likely", "--db", db).stdout
    assert "[likely]" in sure and "[no estimate]" not in sure
    assert cli("statements", "--min-confidence", "sure-ish", "--db", db).exit_code == 2


def test_timeline_graph_and_export_commands(cli, knowledge_base, tmp_path):
    db = str(knowledge_base)
    timeline = cli("timeline", "Sandu", "--db", db).stdout.splitlines()
    assert timeline[0] == "Maia Sandu  (PERSON)"
    assert timeline[1].startswith("2024-03-04  CONSULT  ") and "Ursula von der Leyen" in timeline[1]
    assert timeline[3] == "    — Sandu meets von der Leyen in Brussels, Test Wire, 2024-03-05"
    neighbours = cli("graph", "Maia Sandu", "--depth", "1", "--db", db).stdout
    assert "—[event:CONSULT ×1]→ Ursula von der Leyen (PERSON)" in neighbours
    out = tmp_path / "kb.stix.json"
    done = cli("export", "--format", "stix", "--db", db, "--out", str(out))
    assert done.exit_code == 0 and out.exists() and f"wrote {out}" in done.stderr
    assert cli("export", "--format", "pdf", "--db", db).exit_code == 2
    assert cli("timeline", "Nobody Atall", "--db", db).exit_code == 1


def test_serve_refuses_a_public_address_without_a_token(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    refused = cli("serve", "--host", "0.0.0.0", "--db", str(tmp_path / "kb.db"))
    assert refused.exit_code == 2 and "--token" in refused.stderr


@pytest.mark.parametrize("host", ["127.1", "localhost", "::1"])
def test_serve_accepts_any_form_of_loopback_and_says_where_it_listens(cli, tmp_path, monkeypatch, host):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(options))
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    done = cli("serve", "--host", host, "--port", "8123", "--db", str(tmp_path / "kb.db"))
    assert done.exit_code == 0 and started == {"host": host, "port": 8123, "log_level": "warning"}
    assert ":8123/" in done.stderr and "serving" in done.stderr


def test_serve_answers_an_allowed_host_and_no_other(cli, tmp_path, monkeypatch):
    import uvicorn
    from fastapi.testclient import TestClient

    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.append(app))
    cli("serve", "--allowed-host", "kb.example.org", "--db", str(tmp_path / "kb.db"))
    assert TestClient(served[0], base_url="https://kb.example.org").get("/api/documents").status_code == 200
    assert TestClient(served[0], base_url="http://127.0.0.1:8000").get("/api/documents").status_code == 200
    assert TestClient(served[0], base_url="http://127.0.0.1:8001").get("/api/documents").status_code == 421


def test_serve_refuses_an_invalid_host_in_one_line(cli, tmp_path):
    refused = cli("serve", "--host", "127.0.0.300", "--token", "t", "--db", str(tmp_path / "kb.db"))
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1 and "127.0.0.300" in refused.stderr


def test_ingest_reprocess(cli, tmp_path):
    db = str(tmp_path / "kb.db")
    cli("ingest", str(EXAMPLES), "--db", db)
    again = cli("ingest", str(EXAMPLES), "--db", db, "--reprocess")
    assert "0 added, 0 near-duplicates linked, 0 already stored, 7 reprocessed, 0 failed; 7 documents" in again.stderr


READ_COMMANDS = [["documents"], ["search", "drone"], ["entities"], ["entity", "Moldova"], ["statements"],
                 ["timeline", "Moldova"], ["graph", "Moldova"], ["show", "abc"], ["export", "--format", "jsonl", "--out", "/dev/null"]]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_commands_refuse_a_knowledge_base_that_does_not_exist(cli, tmp_path, command):
    db = tmp_path / "typo.db"
    result = cli(*command, "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"sitrep: error: {db}: no knowledge base here (sitrep ingest creates one)"
    assert not db.exists()


def test_ingest_into_a_folder_that_does_not_exist_is_one_line(cli, tmp_path):
    result = cli("ingest", str(EXAMPLES), "--db", "/no/such/dir/x.db")
    assert result.exit_code == 1
    assert result.stderr.strip() == "sitrep: error: /no/such/dir/x.db: cannot create a knowledge base: no directory '/no/such/dir'"


def test_a_file_that_is_not_a_knowledge_base_is_one_line(cli, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("meeting notes, not a database\n" * 100)
    result = cli("documents", "--db", str(notes))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"sitrep: error: {notes}: not a usable knowledge base: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert notes.read_text().startswith("meeting notes")


@pytest.mark.parametrize("args, words", [
    (["search", ""], "has no word to search for"),
    (["search", "*"], "has no word to search for"),
    (["timeline", "Moldova", "--since", "2024-13"], "'2024-13' is not a real date"),
    (["timeline", "Moldova", "--since", "2024-05", "--until", "2024-04"], "after it ends"),
])
def test_requests_that_make_no_sense_are_refused(cli, knowledge_base, args, words):
    result = cli(*args, "--db", str(knowledge_base))
    assert result.exit_code == 2
    assert words in result.stderr


@pytest.mark.parametrize("args", [["entities", "--type", "PEOPLE"], ["statements", "--min-confidence", "sure"],
                                  ["export", "--format", "pdf"]])
def test_choices_are_checked_and_listed(cli, knowledge_base, args):
    result = cli(*args, "--db", str(knowledge_base))
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr


def test_entity_type_is_case_insensitive(cli, knowledge_base):
    result = cli("entities", "--type", "gpe", "--db", str(knowledge_base))
    assert result.exit_code == 0 and "GPE" in result.stdout and "PERSON" not in result.stdout


def test_version_and_help_start_without_the_heavy_libraries():
    assert subprocess.run([SITREP, "--version"], capture_output=True, text=True).stdout.strip() == f"sitrep {sitrep.__version__}"
    probe = ("import sys, sitrep.cli\n"
             "heavy = [m for m in ('spacy', 'sqlalchemy', 'stix2', 'followthemoney', 'datasketch', 'networkx', 'trafilatura')"
             " if m in sys.modules]\nprint(heavy)")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip() == "[]"


def test_show_prints_entities_statements_and_events(cli, knowledge_base):
    db = str(knowledge_base)
    doc_id = cli("search", "Zakharova", "--db", db).stdout.split()[0]
    shown = cli("show", doc_id, "--db", db).stdout
    assert "Entities (" in shown and "PERSON    Maria Zakharova" in shown
    assert "Statements (1)" in shown and "Maria Zakharova  [likely] claimed" in shown
    assert "“Maia Sandu was likely dragging Moldova into NATO”" in shown
    assert "source: Test Wire" in shown


def test_an_outlet_unknown_is_said_the_same_way_everywhere(cli, knowledge_base):
    db = str(knowledge_base)
    listed = [line for line in cli("documents", "--db", db).stdout.splitlines() if "Kremlin likely to lean" in line]
    assert listed and listed[0].endswith("[unknown outlet]")
    found = cli("search", "Belarusian plants", "--db", db).stdout.splitlines()[0]
    assert found.endswith("[unknown outlet]")


def test_timeline_lists_what_near_duplicates_repeat_once(cli, knowledge_base):
    timeline = cli("timeline", "Moldova", "--db", str(knowledge_base)).stdout
    assert timeline.count("Moldova summoned the Russian ambassador and handed him a note of protest") == 1
    assert "(and 1 near-duplicate copy)" in timeline


def test_graph_keeps_the_strongest_neighbours_of_the_kinds_asked(cli, knowledge_base):
    db = str(knowledge_base)
    capped = cli("graph", "Moldova", "--depth", "2", "--limit", "2", "--db", db)
    first_level = [line for line in capped.stdout.splitlines() if line.startswith("  —")]
    assert len({line.rsplit("→ ", 1)[1] for line in first_level}) == 2
    assert "showing " in capped.stderr and "(the 2 most related per entity" in capped.stderr
    said = cli("graph", "Moldova", "--relation", "said", "--db", db).stdout.splitlines()[1:]
    assert said and all("said about" in line or "spoken of by" in line for line in said)
    assert cli("graph", "Moldova", "--relation", "gossip", "--db", db).exit_code == 2


def test_export_to_standard_output_keeps_near_duplicate_links(cli, knowledge_base):
    result = cli("export", "--format", "jsonl", "--out", "-", "--db", str(knowledge_base))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 10 and "wrote" not in result.stderr
    assert sum(1 for r in records if r["duplicate_of"]) == 1
    assert cli("export", "--format", "csv", "--out", "-", "--db", str(knowledge_base)).exit_code == 2


def test_a_batch_of_many_near_duplicates_names_a_few_and_counts_the_rest(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("sitrep.cli.NEAR_DUPLICATES_SHOWN", 0)
    db = str(tmp_path / "kb.db")
    result = cli("ingest", str(EXAMPLES), "--db", db)
    assert "near-duplicate of" not in result.stderr
    assert "… and 1 more near-duplicates (sitrep documents marks them)" in result.stderr


def test_entities_lists_named_things_not_groups_of_people(cli, knowledge_base):
    listed = cli("entities", "--top", "200", "--db", str(knowledge_base)).stdout
    assert "actor:" not in listed
    for word in ("Debris", "protesters", "ministers"):
        assert f" {word}  " not in listed


def test_documents_outdated_lists_what_another_sitrep_made(cli, tmp_path):
    from sitrep import versions
    from sitrep.schema import Document
    from sitrep.store import Store

    db = tmp_path / "kb.db"
    cli("ingest", str(EXAMPLES / "think-tank-relay.txt"), "--db", str(db))
    older = {**versions.current(), "events.json": "sha256:0000000000000000"}
    with Store(db) as kb:
        kb.add(Document(origin="old.txt", id="old1", text="An older report.", title="Older report", versions=older))
        kb.add(Document(origin="older.txt", id="old2", text="An oldest report.", title="Oldest report"))
    listed = cli("documents", "--outdated", "--db", str(db))
    assert listed.exit_code == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 2
    assert any("Older report" in line and line.endswith("changed: events.json") for line in lines)
    assert any("Oldest report" in line and line.endswith("made before records carried versions") for line in lines)
    assert "2 of 3 documents made by other versions" in listed.stderr
    shown = cli("show", "old1", "--db", str(db))
    assert f"made by: sitrep {sitrep.__version__}, {older['model']}" in shown.stdout
