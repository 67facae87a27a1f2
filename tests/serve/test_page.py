"""The page in a real browser: Python playwright driving Debian's chromium (never a downloaded browser), against
``dateline serve``'s app on loopback, with every request to anywhere else refused and recorded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
# As root and on a machine with no network: no sandbox, and none of Chromium's own background connections.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"browser tests need Debian's chromium at {CHROMIUM}: apt-get install chromium "
                    "(`make test` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


class Visit:
    """One page, offline: requests leaving 127.0.0.1 are aborted and kept, as are console errors."""

    def __init__(self, browser, server, width=1366, height=860, bypass_csp=False):
        self.context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.server = server

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.server.url) or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, fragment: str = ""):
        self.page.goto(f"{self.server.url}/{fragment}")
        self.page.wait_for_selector("body[data-ready=true]", timeout=30_000)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    visits = []

    def make(**kw) -> Visit:
        v = Visit(browser, server, **kw)
        visits.append(v)
        return v

    yield make
    for v in visits:
        assert not v.outside, f"the page reached outside loopback: {v.outside}"
        v.close()


def wait_until(page, expression: str, timeout: float = 20.0) -> None:
    """Poll a page expression (``wait_for_function`` compiles its predicate with eval, which our CSP forbids)."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(100)


def events_on_map(page) -> int:
    return int(page.get_attribute("#map", "data-events"))


def show_markers(page) -> None:
    """Open clusters until single event markers are drawn (identical coordinates are spiderfied)."""
    for _ in range(6):
        if page.locator("path.event-marker").count():
            return
        page.locator(".event-cluster").first.dispatch_event("click")
        page.wait_for_timeout(700)
    assert page.locator("path.event-marker").count(), "no single event marker could be shown"


def test_the_page_loads_offline_with_markers_for_the_demo_data(visit):
    v = visit()
    page = v.open()
    assert events_on_map(page) >= 3  # the seed's two Bakhmut events and the hostile article's shelling
    assert page.locator(".event-cluster, path.event-marker").count() >= 1
    assert page.locator("path.place-marker").count() >= 3
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the vendored world outline
    assert page.locator("#events-list li").count() >= 3
    assert v.errors == []


def test_clicking_a_marker_shows_its_evidence_and_opens_it_in_the_article(visit):
    page = visit().open()
    show_markers(page)
    page.locator("path.event-marker").first.click(force=True)
    popup = page.locator(".event-popup")
    popup.wait_for()
    evidence = popup.locator(".evidence").inner_text().strip("“”")
    assert len(evidence) > 20
    popup.locator("button.open-evidence").click()
    page.wait_for_selector("#article-text .hl.flash")
    flashed = " ".join(page.locator("#article-text .hl.flash").all_inner_texts())
    assert flashed and flashed.split()[0] in evidence


def test_the_timeline_filters_the_map_and_lists(visit):
    page = visit().open()
    before = events_on_map(page)
    bar = page.locator('#timeline-svg g.bar[data-bucket="2023-03-01"] rect').last
    bar.wait_for()
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.up()
    wait_until(page, "document.getElementById('f-since').value === '2023-03-01'")
    wait_until(page, f"Number(document.getElementById('map').dataset.events) < {before}")
    assert events_on_map(page) == 2  # the seed's two events, dated by its publication
    assert page.input_value("#f-until") == "2023-03-01"
    dates = page.locator("#events-list .meta").all_inner_texts()
    assert dates and all(d.startswith("2023-03-01") for d in dates)
    page.click("#f-clear")
    wait_until(page, f"Number(document.getElementById('map').dataset.events) === {before}")


def test_search_finds_a_quote_and_opens_it_highlighted(visit):
    page = visit().open()
    page.fill("#q", "Cossack")
    page.click("#search button")
    item = page.locator("#search-quotes li").first
    item.wait_for()
    assert "Cossack" in item.inner_text() and "Valery" in item.inner_text()
    item.click()
    page.wait_for_selector("#article-text .hl.quote.flash")
    assert "Cossack" in " ".join(page.locator("#article-text .hl.flash").all_inner_texts())


def test_the_article_view_highlights_quotes_places_names_and_evidence(visit, ids):
    page = visit().open(f"#article={ids['seed']}")
    page.wait_for_selector("#article-text")
    quotes = {k for keys in page.locator("#article-text .hl.quote").evaluate_all(
        "nodes => nodes.map(n => n.dataset.spans)") for k in keys.split() if k.startswith("q-")}
    assert len(quotes) == 7
    assert "Bakhmout" in page.locator("#article-text .hl.place").all_inner_texts()
    assert "Valery" in page.locator("#article-text .hl.entity").all_inner_texts()
    assert page.locator("#article-text .hl.evidence").count() >= 1
    page.locator("#article-text .hl.place", has_text="Bakhmout").first.click()  # text → map
    page.wait_for_selector(".leaflet-popup-content h4")
    assert "Bakhmut" in page.locator(".leaflet-popup-content h4").inner_text()
    page.click(".place-popup button.place-articles")  # map → the articles naming the place
    page.locator("#place-articles li").first.wait_for()
    assert page.locator("#place-articles li").count() == 1
    page.goto(f"{page.url.split('#')[0]}#article={ids['seed']}")
    page.wait_for_selector("#article-text")
    page.locator(".article-event").first.click()  # event list → its evidence in the text and on the map
    page.wait_for_selector("#article-text .hl.evidence.flash")


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "page-alone"])
def test_a_hostile_article_stays_text(visit, ids, bypass_csp):
    """Nothing in the article runs: with the server's CSP, and with the CSP switched off (the page alone)."""
    v = visit(bypass_csp=bypass_csp)
    page = v.open()
    page.fill("#q", "rebuild")
    page.click("#search button")
    page.locator("#search-articles li").first.wait_for()
    assert "<script>" in page.locator("#search-articles li").first.inner_text()  # shown, as text
    page.locator("#search-quotes li").first.click()
    page.wait_for_selector("#article-title")
    assert page.inner_text("#article-title").startswith("<script>")
    assert "<img src=x onerror" in page.inner_text("#article-text")
    page.click('#tabs button[data-tab="events"]')
    page.locator("#events-list li").first.wait_for()
    show_markers(page)
    for marker in page.locator("path.event-marker").all():
        marker.click(force=True)
        page.wait_for_timeout(100)
    page.click('#tabs button[data-tab="articles"]')
    page.locator("#articles-list li").first.wait_for()
    page.goto(f"{v.server.url}/#article={ids['hostile']}")
    page.wait_for_selector("#article-text")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0 and page.locator("#panel script, #panel a[href^='javascript']").count() == 0
    assert page.locator("a.source-link").count() == 0  # a javascript: URL is never made a link
    assert "javascript:" in page.inner_text("#panel")  # …but the reader can still see what it was
    assert v.errors == []


def test_the_page_fits_a_phone(visit):
    page = visit(width=390, height=844).open()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 392
    assert page.locator("#map").bounding_box()["width"] > 350
    assert page.locator("#panel").is_visible()


def test_api_docs_render_offline(visit):
    v = visit()
    v.page.goto(f"{v.server.url}/docs")
    v.page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert v.page.locator(".opblock-summary-path").count() >= 10


def test_screenshot_for_the_readme(visit, ids, tmp_path):
    """Writes the README's picture (to $DATELINE_SCREENSHOT when set, else a temporary file)."""
    page = visit(width=1366, height=800).open(f"#article={ids['seed']}&focus=q-3")
    page.wait_for_selector("#article-text .hl.flash")
    page.wait_for_timeout(500)
    target = os.environ.get("DATELINE_SCREENSHOT") or str(tmp_path / "page.png")
    page.screenshot(path=target)
    assert Path(target).stat().st_size > 20_000
