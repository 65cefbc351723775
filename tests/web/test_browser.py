"""Browser tests: Debian's Chromium, headless, driven by Playwright.

Search, open an article, click through to an entity and see its timeline,
with a screenshot of each page in test-artifacts/.  Skipped (with the
reason) where /usr/bin/chromium or the playwright package is missing; CI
installs Chromium in .ci/run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} not found: install it with `apt-get install chromium` (CI does)"
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def test_search_article_entity_timeline(page, live_server):
    page.goto(live_server + "/")
    page.fill("input[name=q]", "Schlichtung")
    page.click("button[type=submit]")
    hits = page.locator("li.hit")
    assert hits.count() > 0
    assert page.locator("li.hit mark").first.inner_text().lower().startswith("schlicht")
    shot(page, "1-search")

    hits.first.locator("a.article").click()
    assert page.locator("article.article-text").is_visible()
    assert page.locator("a.mention.per").count() > 0
    assert page.locator("span.quote").count() > 0
    timex = page.locator("a.timex").first
    assert timex.get_attribute("title")  # the resolved value on hover
    shot(page, "2-article")

    person = page.locator("a.mention.per").first
    name = person.get_attribute("title").split(" · ", 1)[1]
    person.click()
    assert page.locator("h1.entity-name").inner_text().startswith(name)
    assert page.locator("svg.timeline-chart rect").count() > 0
    assert page.locator("#timeline li").count() > 0
    shot(page, "3-entity")


def test_network_pans_zooms_and_clicks_through(browser, live_server):
    context = browser.new_context(viewport={"width": 1100, "height": 900})  # JavaScript on
    page = context.new_page()
    page.goto(live_server + "/entities?q=Wallmeyer&type=PER")
    page.locator("table.entities a.entity").first.click()
    page.locator("a[href$='/network']").first.click()
    page.wait_for_load_state("load")  # pan-zoom.js attached before we scroll
    network = page.locator("svg#network")
    before = network.get_attribute("viewBox")
    network.hover()
    page.mouse.wheel(0, -400)
    # zoomed: poll instead of sleeping, so a busy machine only makes it slower
    page.wait_for_function(
        "before => document.getElementById('network').getAttribute('viewBox') !== before",
        arg=before,
        timeout=15000,
    )
    box = network.bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 140, box["y"] + 90, steps=5)
    page.mouse.up()
    shot(page, "6-network")
    neighbour = page.locator("svg#network a.node:not(.centre)").first
    name = neighbour.locator("text").text_content()  # SVG text: no inner_text
    page.goto(live_server + neighbour.get_attribute("href"))
    assert name in page.locator("h1").inner_text()
    context.close()


def test_quote_finder_lists_quotes_with_speakers(page, live_server):
    page.goto(live_server + "/quotes")
    page.fill("input[name=speaker]", "Rothmund")
    page.click("button[type=submit]")
    speakers = page.locator("li.quote-item .speaker")
    assert speakers.count() > 0
    assert all("Rothmund" in text for text in speakers.all_inner_texts())
    shot(page, "4-quotes")


def test_hostile_article_runs_no_script(browser, live_server):
    context = browser.new_context()  # JavaScript on: nothing in the article may run
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server + "/?q=Stadtrat+Webseite")
    page.locator("li.hit a.article").first.click()
    assert "<script>" in page.locator("article h1").inner_text()  # shown as text
    page.wait_for_timeout(300)
    assert dialogs == []
    shot(page, "5-hostile")
    context.close()
