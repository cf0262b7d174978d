"""The real UI in headless Chromium (Debian's package, driven by Playwright), against the real
server on a loopback port: search, open a document, follow an entity, see its timeline, ingest
a pasted article, and check that hostile markup in an article never runs.

Then the attacks of a hostile web: a document whose URL is a script, a page on another origin
that posts a form to sitrep, and the API page, which must load nothing from outside.

Screenshots go to $SITREP_SCREENSHOTS when set (to look at them), else to a temporary folder.
"""
import json
import re
import os
import threading
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from chromium import FLAGS, require_chromium

from sitrep.pipeline import process
from sitrep.schema import Input
from sitrep.store import Store
from sitrep.web.app import create_app

CHROMIUM = require_chromium()


@pytest.fixture(scope="module")
def browser_db(knowledge_base, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "web.db"
    db.write_bytes(knowledge_base.read_bytes())
    return db


@pytest.fixture(scope="module")
def server(browser_db, running_server):
    with running_server(create_app(browser_db)) as url:
        yield url


@pytest.fixture(scope="module")
def page(server, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        yield tab
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("SITREP_SCREENSHOTS") or tmp_path_factory.mktemp("screens"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_search_document_entity_and_timeline(server, page, shots):
    page.goto(f"{server}/")
    page.fill("input[name=q]", "drones")
    page.click("form.search button")
    page.wait_for_selector("ol.hits li")
    assert "results for “drones”" in page.inner_text("h2")
    page.screenshot(path=shots / "1-search.png", full_page=True)

    page.click("text=Sandu meets von der Leyen in Brussels")
    page.wait_for_selector("div.body")
    assert page.inner_text("h1") == "Sandu meets von der Leyen in Brussels"
    assert page.locator("a.ent-PERSON", has_text="Maia Sandu").count() >= 1
    assert page.locator("span.st").count() >= 1
    page.screenshot(path=shots / "2-document.png", full_page=True)

    page.locator("a.ent-PERSON", has_text="Maia Sandu").first.click()
    page.wait_for_selector("ol.timeline li")
    assert page.inner_text("h1").startswith("Maia Sandu")
    assert page.locator("svg.chart rect").count() >= 1
    timeline = page.inner_text("ol.timeline")
    assert "2024-03-04" in timeline and "2024-03-29" in timeline and "Maria Zakharova" in timeline
    page.screenshot(path=shots / "3-entity.png", full_page=True)


def test_ingest_a_pasted_article(server, page, shots):
    page.goto(f"{server}/ingest")
    page.fill("input[name=title]", "Estonia closes border crossing")
    page.fill("textarea[name=text]", "Estonia closed the Narva border crossing with Russia on Thursday, the "
                                      "interior ministry said, citing security concerns after drones were seen nearby.")
    page.click("form.ingest button")
    page.wait_for_selector("text=Processed")
    page.screenshot(path=shots / "4-ingest.png", full_page=True)
    page.click("text=Estonia closes border crossing")
    page.wait_for_selector("div.body")
    assert page.locator("a.ent-GPE", has_text="Estonia").count() >= 1


def test_hostile_markup_never_runs(server, page):
    page.goto(f"{server}/ingest")
    page.fill("input[name=title]", '<img src=x onerror="window.pwned=1">Hostile')
    page.fill("textarea[name=text]", 'The envoy <script>window.pwned = 2</script> said that <b onmouseover="window.pwned=3">'
                                      'Moldova</b> would not be intimidated by Russian drones, officials said on Monday.')
    page.click("form.ingest button")
    page.wait_for_selector("text=Processed")
    page.locator("ul a").first.click()
    page.wait_for_selector("div.body")
    page.hover("div.body")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert "<script>" in page.inner_text("div.body")  # shown as text, not run


def test_graph_page_draws_the_network(server, page, shots):
    page.goto(f"{server}/entity/Maia%20Sandu")
    page.click("text=(graph)")
    page.wait_for_selector("#network canvas")
    page.wait_for_function("window.sitrepNetwork && window.sitrepNetwork.body.data.nodes.length > 3")
    labels = page.evaluate("window.sitrepNetwork.body.data.nodes.get().map(n => n.label)")
    assert "Maia Sandu" in labels and "Ursula von der Leyen" in labels
    page.wait_for_timeout(1500)  # let the layout settle for the picture
    page.screenshot(path=shots / "5-graph.png", full_page=True)


def test_uploading_a_file_shows_progress_and_the_result(server, page, shots, fixtures):
    page.goto(f"{server}/ingest")
    page.set_input_files("input[name=files]", str(fixtures / "feed.atom"))
    page.click("form.ingest button")
    page.wait_for_selector("text=Processed")
    assert "Niger ends military cooperation agreement with the United States" in page.inner_text("main")
    assert page.evaluate("document.getElementById('upload-progress').value") == 100
    assert page.inner_text("#upload-status") == "done"
    page.screenshot(path=shots / "6-upload.png", full_page=True)


def _store(db, title: str, text: str, url: str, bypass_policy: bool = False) -> str:
    doc = process(Input(origin=f"{title}.jsonl#1", title=title, text=text, url=url))
    if bypass_policy:  # as a knowledge base written before the URL policy may hold it
        doc.url = url
    with Store(db) as kb:
        kb.add(doc)
    return doc.id


def test_a_url_that_is_not_http_never_becomes_a_link(server, page, browser_db):
    ingested = _store(browser_db, "Script link", "Georgian police said on Sunday that they had detained a protest "
                      "organiser in Tbilisi.", "JaVaScRiPt:window.pwned=1")
    old = _store(browser_db, "Old script link", "Armenian officials said on Sunday that the border talks would "
                 "resume in Yerevan next week.", "\tjava\nscript:window.pwned=2", bypass_policy=True)
    kept = _store(browser_db, "Web link", "Azerbaijani officials said on Sunday that the ferry to Kazakhstan would "
                  "run again.", "https://news.example.org/ferry")
    for doc_id in (ingested, old):
        page.goto(f"{server}/document/{doc_id}")
        page.wait_for_selector("div.body")
        hrefs = page.evaluate("Array.from(document.querySelectorAll('[href]'), e => e.getAttribute('href'))")
        assert not [h for h in hrefs if "script" in h.lower()], hrefs
        assert page.locator("text=original").count() == 0
        for link in page.locator("p.meta a").all():
            link.click()
            page.go_back()
        assert page.evaluate("typeof window.pwned") == "undefined"
    page.goto(f"{server}/document/{ingested}")
    page.click("summary")
    assert "url dropped: not an http(s) address" in page.inner_text("details")
    page.goto(f"{server}/document/{kept}")
    assert page.get_attribute("text=original", "href") == "https://news.example.org/ferry"


PLANTED = "Officials in Riga said on Monday, according to spokesman Janis Vesterholm, that the border had closed."
ATTACK = """<!DOCTYPE html><html><body>
<form method="post" action="{sitrep}/ingest" enctype="multipart/form-data">
  <input name="title" value="Planted"><textarea name="text">{text}</textarea></form>
<script>
fetch("{sitrep}/api/ingest", {{method: "POST", mode: "no-cors", body: JSON.stringify({{text: "{text} (fetch)"}})}})
  .finally(function () {{ document.forms[0].submit(); }});
</script></body></html>"""


@pytest.fixture
def other_origin(tmp_path, server):
    """A web page on another origin (this machine, another port) that posts to sitrep as it opens."""
    (tmp_path / "attack.html").write_text(ATTACK.format(sitrep=server, text=PLANTED))
    site = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{site.server_address[1]}"
    site.shutdown()


def test_a_page_on_another_origin_cannot_ingest(server, page, other_origin):
    def total() -> int:
        with urllib.request.urlopen(f"{server}/api/documents?limit=1") as answer:
            return json.load(answer)["total"]

    before = total()
    with page.expect_navigation(url=f"{server}/ingest"):
        page.goto(f"{other_origin}/attack.html")
    assert "cross-site request refused" in page.inner_text("body")
    assert total() == before
    with urllib.request.urlopen(f"{server}/api/search?q=Vesterholm") as answer:
        assert json.load(answer)["items"] == []


def test_api_docs_render_offline(server, page, shots):
    outside = []

    def only_this_server(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context = page.context.browser.new_context()
    docs = context.new_page()
    docs.route("**/*", only_this_server)
    docs.goto(f"{server}/docs")
    docs.wait_for_selector(".opblock-summary-path[data-path='/api/documents']", timeout=15_000)
    assert "sitrep" in docs.inner_text(".info .title")
    docs.screenshot(path=shots / "7-api-docs.png")
    context.close()
    assert outside == []


def test_overview_and_the_browsers(server, page, shots):
    page.goto(f"{server}/")
    totals = page.inner_text("ul.totals")
    assert "documents" in totals and "statements" in totals and "outlets" in totals
    assert page.locator("ul.assessments li").count() >= 1 and page.locator("ol.top-entities li").count() >= 3
    page.screenshot(path=shots / "8-overview.png", full_page=True)
    with page.expect_navigation():
        page.click("header >> text=Entities")
    page.wait_for_selector("table.index")
    with page.expect_navigation():
        page.click("p.types >> text=PERSON")
    assert set(page.locator("table.index td .ent").all_inner_texts()) == {"PERSON"}
    page.screenshot(path=shots / "9-entities.png", full_page=True)
    page.goto(f"{server}/statements")
    page.fill("input[name=source]", "Zakharova")
    page.select_option("select[name=min_confidence]", "likely")
    with page.expect_navigation():
        page.click("form.search button")
    assert page.locator("ul.browse li").count() == 1 and "dragging Moldova into NATO" in page.inner_text("ul.browse")
    page.fill("input[name=since]", "2024-13")
    with page.expect_navigation():
        page.click("form.search button")
    assert "not a real date" in page.inner_text("p.warn")
    page.screenshot(path=shots / "10-statements.png", full_page=True)
    page.goto(f"{server}/events")
    page.select_option("select[name=type]", "CONSULT")
    with page.expect_navigation():
        page.click("form.search button")
    assert set(page.locator("ul.browse .badge").all_inner_texts()) == {"CONSULT"}
    page.screenshot(path=shots / "11-events.png", full_page=True)


def test_a_statement_and_its_words_mark_each_other(server, page, browser_db, shots):
    doc_id = _store(browser_db, "Grid attacked", "Officials in Kyiv said Russia attacked Ukraine's energy grid on "
                    "Sunday, and Moldova condemned the strike.", "https://news.example.org/grid")
    page.goto(f"{server}/document/{doc_id}")
    words, item = page.locator('span.st[data-statement="s1"]').first, page.locator('li[data-statement="s1"]')
    assert "marked" not in (words.get_attribute("class") or "")
    item.hover()
    assert "marked" in words.get_attribute("class")
    page.screenshot(path=shots / "12-document-hover.png", full_page=True)
    page.mouse.move(1, 1)
    assert "marked" not in words.get_attribute("class") and "marked" not in (item.get_attribute("class") or "")
    words.hover()
    assert "marked" in item.get_attribute("class")
    link = page.locator("ul.events a[data-statement]")
    assert link.inner_text().startswith("“Russia attacked Ukraine")
    link.click()
    assert page.evaluate("location.hash") == "#statement-s1"


def test_graph_legend_filter_and_expanding_a_node(server, page, shots):
    page.goto(f"{server}/graph/Maia%20Sandu")
    page.wait_for_function("window.sitrepNetwork && window.sitrepNetwork.body.data.nodes.length > 3")
    assert page.locator("ul.graph-legend li").count() >= 7
    status = page.inner_text("#graph-status")
    shown, total = map(int, re.search(r"showing (\d+) of (\d+) neighbours", status).groups())
    assert page.evaluate("window.sitrepNetwork.body.data.nodes.length") == shown + 1
    colour = page.evaluate("window.sitrepNetwork.body.data.nodes.get('Q217').color")
    assert colour == page.evaluate("getComputedStyle(document.querySelector('.swatch-GPE')).backgroundColor")
    page.wait_for_timeout(1500)
    page.evaluate("window.sitrepNetwork.stopSimulation()")
    box = page.locator("#network canvas").bounding_box()
    spot = page.evaluate("(() => { const n = window.sitrepNetwork; return n.canvasToDOM(n.getPositions(['Q217'])['Q217']); })()")
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    page.wait_for_selector("#graph-status:has-text('Moldova:')")
    assert page.evaluate("window.sitrepNetwork.body.data.nodes.length") > shown + 1
    page.screenshot(path=shots / "13-graph-expanded.png", full_page=True)
    page.uncheck("input[name=relation][value=co-mentioned]")
    with page.expect_navigation():
        page.click("form.graph-filter button")
    page.wait_for_selector("#network canvas")
    fewer = int(re.search(r"showing \d+ of (\d+) neighbours", page.inner_text("#graph-status")).group(1))
    assert fewer < total and "relation=event" in page.url and "co-mentioned" not in page.url


def test_a_missing_page_is_a_page_and_the_icon_is_served(server, page, shots):
    answer = page.goto(f"{server}/entity/Nobody%20Atall")
    assert answer.status == 404 and page.inner_text("h1") == "Not found"
    assert "no entity named 'Nobody Atall'" in page.inner_text("main")
    page.screenshot(path=shots / "14-not-found.png", full_page=True)
    icon = page.evaluate("fetch('/favicon.ico').then(r => r.status + ' ' + r.headers.get('content-type'))")
    assert icon == "200 image/svg+xml"
    page.goto(f"{server}/entity/Maia%20Sandu")
    ticks = page.locator("svg.chart text.tick").all_text_contents()
    assert ticks[0] == "0" and len(ticks) >= 2
    assert page.locator("svg.chart rect").count() == 3  # a bar for each month from March to May 2024


def test_graph_arrows_point_from_who_acted_or_spoke(server, page):
    page.goto(f"{server}/graph/Maia%20Sandu")
    page.wait_for_selector("#network canvas")
    arrows = page.evaluate("Object.fromEntries(window.sitrepNetwork.body.data.edges.get()"
                           ".map(e => [e.id.split('\\u0000').slice(1).join(' '), e.arrows]))")
    assert arrows["person:maria-zakharova spoken of by"] == "from"  # Zakharova spoke of Sandu
    assert arrows["Q217 said about"] == "to"  # Sandu spoke of Moldova
