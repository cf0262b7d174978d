"""The brief on the crisis corpus: outlets, claims counted once across copies, independent
sources, grades and ICD 203 labels, the disagreement, what is new; and its three renderings."""
import re

import pytest

from sitrep import queries
from sitrep.brief import build
from sitrep.brief.render import _md_cite, html, markdown, render
from sitrep.reliability import Reliability
from sitrep.store import Store


@pytest.fixture(scope="module")
def kb(crisis):
    with Store(crisis[0], create=False) as store:
        yield store


def _claim(rows, source, *words, kind="statement"):
    found = [r for r in rows if r["source_name"] == source and r["kind"] == kind and all(w in r["text"] for w in words)]
    assert len(found) == 1, [r["text"] for r in rows if r["source_name"] == source]
    return found[0]


def test_every_document_has_its_outlet_one_per_outlet(kb, expected):
    outlets = {o["name"]: o for o in queries.outlet_list(kb)}
    assert {name: o["documents"] for name, o in outlets.items()} == \
        {name: len(o["articles"]) for name, o in expected["outlets"].items()}
    assert all(outlets[name]["domain"] == o["domain"] for name, o in expected["outlets"].items())


def test_each_claim_of_a_syndicated_copy_is_its_originals(kb, crisis, expected):
    numbers = crisis[1]
    rows = queries.claim_list(kb, limit=None)
    for original, copy in expected["syndicated"]:
        for row in rows:
            cited = {d["id"] for d in row["documents"]}
            if numbers[copy] in cited:  # the copy repeats what the original said: the same claim, not another
                root = {d["duplicate_of"] or d["id"] for d in row["documents"] if d["id"] == numbers[copy]}
                assert root & cited or numbers[original] in cited, row["text"]


@pytest.mark.parametrize("source, words, independent", [
    ("Elena Morvath", ("single metre",), 3),  # a quote, a paraphrase with a partial quote, a relative clause
    ("Igor Belan", ("Talmerian unit",), 3),  # a copy (8 of 7) counts once; three outlets
    ("Ministry of Defence of Kardenia", ("shelled", "Drosk"), 2),  # Meridian (7, its copy 8, 14) and CPA (10, 15)
    ("Halden Institute", ("very likely", "Orlet"), 1),  # three outlets relaying one report: one source
])
def test_independent_sources(kb, source, words, independent):
    assert _claim(queries.claim_list(kb, limit=None), source, *words)["independent"] == independent


def test_grades_combine_the_analysts_reliability_and_corroboration(kb):
    brief = build(kb, since="2026-03-03", until="2026-03-04",
                  reliability=Reliability({"Igor Belan": "E", "Continental Press Agency": "B"}))
    rows = [c for group in brief.developments for c in group["claims"]]
    belan = _claim(rows, "Igor Belan", "Talmerian unit")
    morvath = _claim(rows, "Elena Morvath", "single metre")
    assert belan["grade"] == "B1"  # the best grade of its source and outlets; three sources, uncontradicted
    assert morvath["grade"] == "B1" and morvath["polarity"] == "negative"
    shelling = _claim(rows, "Ministry of Defence of Kardenia", "shelled", "Drosk")
    assert shelling["grade"] == "B4" and shelling["credibility_label"] == "doubtful"  # Talmeria denies it
    assert _claim(rows, "Karel Dusek", "deliberate attack")["grade"][0] == "F"  # nobody graded Meridian or Dusek


def test_assessments_carry_their_icd_203_level(kb):
    brief = build(kb, since="2026-03-05", until="2026-03-09")
    levels = {(group["assessor"], c["confidence"]) for group in brief.assessments for c in group["claims"]}
    assert ("Lidia Varga", "likely") in levels  # the service's head, who told parliament
    assert ("Kardenian Defence Intelligence Service", "very_likely") in levels
    assert ("Halden Institute", "very_likely") in levels and ("Halden Institute", "even") in levels
    text = markdown(brief)
    assert "very likely" in text and "even chance" in text


def test_the_withdrawal_dispute_is_shown_side_by_side(kb):
    brief = build(kb, date="2026-03-13")
    talmerian = {"Igor Belan", "Ministry of Defence of Talmeria"}
    kardenian = {"Karel Dusek", "Ministry of Defence of Kardenia"}
    pairs = [(d["a"], d["b"]) for d in brief.disagreements if d["reason"] == "opposite polarity"]
    assert any({a["source_name"], b["source_name"]} & talmerian and {a["source_name"], b["source_name"]} & kardenian
               and "withdr" in (a["text"] + b["text"]).lower() for a, b in pairs)
    page = html(brief)
    assert page.count('class="side"') == 2 * len(brief.disagreements)


def test_what_is_new_in_the_second_week(kb, expected):
    brief = build(kb, since="2026-03-08", until="2026-03-15")
    new = {e["name"] for e in brief.new_entities}
    assert {"Vyr-7", "Orlet Machine Works", "Anton Reshetar"} <= new
    assert {e["name"] for e in expected["new_entities"]} <= new  # the new command and the observers' head too
    firsts = {e["name"]: e["first_published"] for e in brief.new_entities}
    assert all(firsts[e["name"]] == e["first_date"] for e in expected["new_entities"])
    first_week = {e["name"] for e in build(kb, since="2026-03-01", until="2026-03-07").new_entities}
    assert "Vyr-7" not in first_week and "Elena Morvath" in first_week
    assert not new & set(expected["not_new_after_first_week"])
    vyr = next(e for e in brief.new_entities if e["name"] == "Vyr-7")
    assert vyr["first_published"] == "2026-03-08" and vyr["document"]["outlet"]
    assert all(c["first_reported"] >= "2026-03-08" for c in brief.new_claims)


def test_about_narrows_the_brief_and_an_unknown_name_is_refused(kb):
    whole = build(kb, since="2026-03-01", until="2026-03-15")
    narrow = build(kb, since="2026-03-01", until="2026-03-15", about=["Vyr-7"])
    texts = [c["text"] for g in narrow.developments for c in g["claims"]]
    assert 0 < narrow.claim_count < whole.claim_count / 3
    assert any("Vyr-7" in text for text in texts)  # what names the weapon is kept...
    assert not any("single metre" in text for text in texts)  # ...what does not is left out
    with pytest.raises(ValueError, match="no entity named"):
        build(kb, about=["Nobody Anywhere"])
    with pytest.raises(ValueError, match="not a real date"):
        build(kb, date="2026-02-30")


def test_every_line_cites_its_documents(kb):
    text = markdown(build(kb, date="2026-03-04"))
    claims = [line for line in text.splitlines() if line.startswith("- **")]
    assert claims
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("- **"):
            assert lines[i + 1].startswith("    - [") and "example.org" in lines[i + 1]


def test_markdown_and_html_escape_what_documents_say():
    hostile = {"title": "Click [here](javascript:alert(1)) <b>now</b>", "outlet": "*Wire*", "published": "2026-03-04",
               "url": "javascript:alert(1)"}
    cited = _md_cite(hostile)
    assert "](javascript" not in cited and "\\[here\\]" in cited and "\\<b\\>" in cited
    assert _md_cite({**hostile, "url": "https://a.example.org/x>y"}).count("(<https://a.example.org/x%3Ey>)") == 1


def test_the_cli_writes_each_format(cli, crisis, tmp_path):
    db = str(crisis[0])
    shown = cli("brief", "--db", db, "--date", "2026-03-13")
    assert shown.exit_code == 0 and shown.stdout.startswith("# Brief: 2026-03-13")
    for fmt in ("html", "pdf"):
        out = tmp_path / f"brief.{fmt}"
        assert cli("brief", "--db", db, "--since", "2026-03-12", "--until", "2026-03-13", "--format", fmt,
                   "--out", str(out)).exit_code == 0
        assert out.stat().st_size > 10_000
    assert out.read_bytes().startswith(b"%PDF")
    assert cli("brief", "--db", db, "--date", "2026-03-13", "--since", "2026-03-01").exit_code == 2
    assert cli("brief", "--db", str(tmp_path / "none.db")).exit_code == 1


def test_the_pdf_renders_to_pages_with_pictures(kb, tmp_path):
    import os

    import pypdfium2

    data = render(build(kb, since="2026-03-08", until="2026-03-14"), "pdf")
    pdf = pypdfium2.PdfDocument(data)
    assert len(pdf) >= 2
    folder = os.environ.get("SITREP_SCREENSHOTS") or str(tmp_path)
    pages = []
    for number in (0, len(pdf) - 1):  # the first page (text) and the last (the pictures)
        image = pdf[number].render(scale=1.2).to_pil().convert("L")
        image.save(os.path.join(folder, f"brief-page-{number + 1}.png"))
        pages.append(image)
    first, last = pages
    assert first.size[0] > 600 and first.getextrema() == (0, 255) or first.getextrema()[0] < 60  # ink on paper
    dark = sum(1 for value in last.get_flattened_data() if value < 200)
    assert dark > 5_000  # the timeline and graph drew something
    text = pdf[0].get_textpage().get_text_range()
    assert re.search(r"Brief: 2026-03-08 to 2026-03-14", text) and "Key developments" in text


def test_without_the_pdf_renderer_the_command_says_so_in_one_line(cli, crisis, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as on a machine where it cannot load
    result = cli("brief", "--db", str(crisis[0]), "--date", "2026-03-13", "--format", "pdf", "--out",
                 str(tmp_path / "b.pdf"))
    assert result.exit_code == 1 and not (tmp_path / "b.pdf").exists()
    assert result.stderr.count("\n") == 1 and "cannot write PDF here" in result.stderr


def test_claims_updated_batch_by_batch_are_those_of_a_whole_pass(kb, crisis, tmp_path):
    """Ingesting the corpus in three batches, each followed by the update for its documents
    only, gives the claims (reports, sources, grades) a pass over the whole corpus gives."""
    from pathlib import Path

    from sitrep import claims, ingest

    lines = (Path(__file__).parent.parent / "fixtures" / "crisis" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    with Store(tmp_path / "batches.db") as batches:
        for k, part in enumerate((lines[:12], lines[12:30], lines[30:])):
            batch = tmp_path / f"batch{k}.jsonl"
            batch.write_text("\n".join(part) + "\n", encoding="utf-8")
            added = [a.id for a in ingest([str(batch)], batches)]
            claims.update(batches, added)
        stepwise = {(r["id"], r["independent"], r["credibility"], frozenset(d["id"] for d in r["documents"]))
                    for r in queries.claim_list(batches, limit=None)}
    whole = {(r["id"], r["independent"], r["credibility"], frozenset(d["id"] for d in r["documents"]))
             for r in queries.claim_list(kb, limit=None)}
    assert stepwise == whole and len(whole) > 100


def test_the_command_offers_the_formats_the_renderer_writes():
    from sitrep.brief.render import FORMATS
    from sitrep.cli import BriefFormat

    assert [choice.value for choice in BriefFormat] == list(FORMATS)


def test_the_html_document_keeps_its_style_sheet_intact(kb):
    page = html(build(kb, date="2026-03-13"))
    style = page[page.index("<style>"):page.index("</style>")]
    assert '"DejaVu Sans"' in style and "&#34;" not in style  # a style sheet is not text to escape


def test_key_developments_open_with_the_best_corroborated(kb):
    brief = build(kb, since="2026-03-03", until="2026-03-04")
    best = [max(c["independent"] for c in group["claims"]) for group in brief.developments]
    assert best == sorted(best, reverse=True) and best[0] == 3
