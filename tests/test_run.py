"""The batch driver: documents already stored are not analysed again; notes reach the caller."""
import json
import subprocess
import sys

from sitrep import run

ARTICLES = [
    {"title": "Finland shuts crossings", "text": "Finland closed its last open border crossing with Russia on "
     "Wednesday, the interior ministry said, citing a rise in asylum seekers arriving without visas."},
    {"title": "Estonia summons envoy", "text": "Estonia summoned the Russian charge d'affaires on Thursday after a "
     "military helicopter crossed into its airspace near Vaindloo island, the foreign ministry said."},
]


def test_a_resumed_batch_analyses_only_what_is_not_stored(tmp_path, store, monkeypatch):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    assert [a.status for a in run.ingest([str(batch)], store)] == ["added"]
    batch.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    analysed = []
    real = run.analyse_documents
    monkeypatch.setattr(run, "analyse_documents", lambda docs: analysed.extend(d.origin for d in docs) or real(docs))
    results = list(run.ingest([str(batch)], store))
    assert [a.status for a in results] == ["exists", "added"]
    assert analysed == [f"{batch}#2"]
    assert results[0].origin == f"{batch}#1"


def test_reprocess_analyses_stored_documents_again(tmp_path, store, monkeypatch):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    list(run.ingest([str(batch)], store))
    analysed = []
    real = run.analyse_documents
    monkeypatch.setattr(run, "analyse_documents", lambda docs: analysed.extend(d.origin for d in docs) or real(docs))
    assert [a.status for a in run.ingest([str(batch)], store, reprocess=True)] == ["reprocessed"]
    assert analysed == [f"{batch}#1"]


def test_a_document_in_another_language_is_stored_searchable_with_a_note(tmp_path, store, cli):
    article = tmp_path / "uk.txt"
    article.write_text("Армія отримає нові безпілотники\n\nМіністр оборони заявив у вівторок, що армія отримає "
                       "нові безпілотники до кінця року, а виробництво на заводі зросло вдвічі.\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    result = cli("ingest", str(article), "--db", str(db))
    assert result.exit_code == 0
    assert f"sitrep: note: {article}: language 'uk' is not analysed yet" in result.stderr
    found = cli("search", "безпілотник", "--db", str(db))
    assert "Армія отримає нові безпілотники" in found.stdout


def test_extracting_imports_neither_the_store_nor_the_html_extractor():
    # Each worker process pays for its imports; `extract` of JSONL or text needs neither.
    check = ("import sys, sitrep.run; "
             "print(sorted(m for m in ('sitrep.store', 'sqlalchemy', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
