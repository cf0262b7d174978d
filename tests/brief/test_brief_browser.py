"""The brief in headless Chromium (Debian's package, driven by Playwright): the HTML document
`sitrep brief --format html` writes, and the brief page of `sitrep serve` with its date picker,
under the server's Content-Security-Policy. Pictures must load, nothing may be blocked.

Screenshots go to $SITREP_SCREENSHOTS when set (to look at them), else to a temporary folder."""
import os
from pathlib import Path

import pytest
from chromium import FLAGS, require_chromium

from sitrep.web.app import create_app

CHROMIUM = require_chromium()


@pytest.fixture(scope="module")
def tab(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
        page.set_default_timeout(15_000)
        problems: list[str] = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.problems = problems
        yield page
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("SITREP_SCREENSHOTS") or tmp_path_factory.mktemp("screens"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pictures_loaded(tab) -> list[int]:
    return tab.evaluate("[...document.querySelectorAll('img.plot')].map(i => i.complete ? i.naturalWidth : 0)")


def test_the_html_brief_opens_with_its_pictures(cli, crisis, tab, shots, tmp_path):
    out = tmp_path / "brief.html"
    assert cli("brief", "--db", str(crisis[0]), "--since", "2026-03-08", "--until", "2026-03-14", "--format", "html",
               "--out", str(out)).exit_code == 0
    tab.problems.clear()
    tab.goto(out.as_uri())
    assert tab.inner_text("h1") == "Brief: 2026-03-08 to 2026-03-14"
    assert [h for h in tab.locator("h2").all_inner_texts()] == [
        "Key developments", "Assessments", "Disagreements", "What is new", "Pictures"]
    widths = _pictures_loaded(tab)
    assert len(widths) == 2 and all(w > 300 for w in widths)
    assert "Vyr-7" in tab.inner_text("ul.new")
    assert tab.locator("span.grade").count() > 10
    tab.screenshot(path=shots / "brief-document.png", full_page=True)
    assert tab.problems == []


def test_the_brief_page_and_its_date_picker(crisis, tab, shots, running_server):
    with running_server(create_app(crisis[0])) as server:
        tab.problems.clear()
        tab.goto(f"{server}/brief")
        assert tab.inner_text("h1") == "Brief: 2026-03-15"  # the latest day with documents
        tab.fill("input[name=date]", "2026-03-13")
        tab.click("form.search button")
        tab.wait_for_url("**/brief?date=2026-03-13**")
        assert tab.inner_text("h1") == "Brief: 2026-03-13"
        sides = tab.locator("div.pair").all_inner_texts()
        assert any("withdrawal" in side for side in sides)
        assert all(w > 300 for w in _pictures_loaded(tab))
        tab.screenshot(path=shots / "brief-page.png", full_page=True)
        tab.goto(f"{server}/brief?date=2026-02-30")
        assert "not a real date" in tab.inner_text("p.warn")
    assert tab.problems == [] or all("400" in p for p in tab.problems)  # the refused date's status, nothing blocked
