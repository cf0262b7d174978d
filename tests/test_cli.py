import json
import shutil
import subprocess
import sys
from pathlib import Path

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


def test_ingest_reprocess(cli, tmp_path):
    db = str(tmp_path / "kb.db")
    cli("ingest", str(EXAMPLES), "--db", db)
    again = cli("ingest", str(EXAMPLES), "--db", db, "--reprocess")
    assert "0 added, 0 near-duplicates linked, 0 already stored, 7 reprocessed, 0 failed; 7 documents" in again.stderr
