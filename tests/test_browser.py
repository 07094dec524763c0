"""The built site in a real browser: headless Chromium driven by Playwright.

The site is served by a plain static server under a sub-path
(http://127.0.0.1:PORT/some/prefix/) and also opened from disk. Every test
records requests to any other origin (there must be none) and console
errors (there must be none). axe-core, from the axe-playwright-python
package, checks accessibility. Screenshots go to test-artifacts/.

Skipped, with the reason, when /usr/bin/chromium or playwright is missing.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path

import pytest

from conftest import PROJECT

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PREFIX = "/some/prefix/"
ARTIFACTS = PROJECT / "test-artifacts"
RAID_PATH = "events/2023-06-20-albanian-national-police-executed-a-special.html"


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder under PREFIX only; everything else is 404."""

    def translate_path(self, path: str) -> str:
        plain = path.split("?", 1)[0].split("#", 1)[0]
        if not plain.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path("/" + plain[len(PREFIX):])

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def base_url(built_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_PrefixHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class _Watch:
    """What a page did that it should not: requests leaving the site, console errors."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []


def _open(browser, allowed: str, **options):
    context = browser.new_context(**options)
    watch = _Watch()

    def route(route):
        url = route.request.url
        if url.startswith(allowed):
            route.continue_()
        else:
            watch.outside.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and watch.errors.append(message.text))
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    return context, page, watch


@pytest.fixture()
def site(browser, base_url):
    context, page, watch = _open(browser, base_url, viewport={"width": 1280, "height": 900})
    yield page, watch
    context.close()
    assert watch.outside == [], f"requests outside the site: {watch.outside}"
    assert watch.errors == [], f"console errors: {watch.errors}"


def _axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


def _visible_events(page) -> int:
    return page.locator("li.event[data-event]:visible").count()


def test_index_shows_the_whole_timeline_and_filters_it(site, base_url):
    page, _ = site
    page.goto(base_url)
    assert page.title() == "The Manëz raid: a timeline"
    assert _visible_events(page) == 13
    assert page.locator(".axis svg a.mark").count() == 13
    assert page.locator("#f-count").inner_text() == "Showing all 13 events."
    raid = page.locator("li.event.disputed")
    assert raid.locator(".event-when").inner_text().startswith("13 about 20 June 2023, 06:38 EST (13:38 local time)")
    assert "≈ approx." in raid.inner_text() and "2 sources" in raid.inner_text()
    assert "Disputed: injured, killed" in raid.inner_text()
    assert "1986" in page.locator("li.event", has_text="Paris expelled MEK").inner_text()

    page.select_option("#f-actor", "paris")
    assert page.locator("#f-count").inner_text() == "Showing 1 of 13 events."
    assert page.locator("li.event[data-event]:visible h4").inner_text() == "Paris expelled MEK"
    assert page.url.endswith("#actor=paris")
    assert page.locator(".axis a.mark.dim").count() == 12
    assert page.locator(".period[data-period='incident-day']").is_hidden()

    page.click("button[type=reset]")
    # The filter runs once the form has reset, after the click's event: wait for it.
    sync_api.expect(page.locator("#f-count")).to_have_text("Showing all 13 events.")
    assert _visible_events(page) == 13
    page.select_option("#f-kind", "disputed")
    assert _visible_events(page) == 1
    page.select_option("#f-kind", "")
    page.select_option("#f-source", "atlas-news-mek-camp-raid")
    sources_count = page.locator("#f-count").inner_text()
    page.fill("#f-text", "blacklist")
    assert page.locator("#f-count").inner_text() == "Showing 0 of 13 events."
    assert page.locator("#f-none").is_visible()
    page.select_option("#f-source", "")
    assert page.locator("#f-count").inner_text() == "Showing 1 of 13 events."
    assert re.fullmatch(r"Showing \d+ of 13 events\.", sources_count)


def test_filter_state_is_read_from_the_url(site, base_url):
    page, _ = site
    page.goto(base_url + "index.html#kind=background")
    assert page.locator("#f-kind").input_value() == "background"
    assert _visible_events(page) == 12


def test_search_finds_actors_events_and_quotes(site, base_url):
    page, _ = site
    page.goto(base_url + "search.html")
    page.fill("#q", "paris")
    results = page.locator("#search-results li")
    assert results.count() >= 3
    assert page.locator("#search-count").inner_text().endswith("for “paris”.")
    assert results.first.locator("a").inner_text() == "Paris"  # the actor's name matches best
    page.get_by_role("link", name="Paris expelled MEK", exact=True).click()
    page.wait_for_url(base_url + "events/1986-paris-expelled-mek.html")
    assert page.locator("h1").inner_text() == "Paris expelled MEK"


def test_event_to_quote_to_source_anchor(site, base_url):
    page, _ = site
    page.goto(base_url)
    page.locator("li.event.disputed h4 a").click()
    page.wait_for_url(base_url + RAID_PATH)
    assert "reported by 2 sources: The Atlas News, Unknown publisher" in page.locator(".event-meta").inner_text()
    assert page.locator(".disputes h3").all_inner_texts() == ["Injured", "Killed"]
    killed = page.locator("table", has_text="Killed: the figure")
    assert killed.locator("th[scope=row]").all_inner_texts() == ["1", "at least 1", "2"]
    assert page.locator(".chart svg").count() == 2
    assert page.locator("h2").all_inner_texts()[:2] == ["Where sources disagree", "What each source says"]

    quote = page.locator("blockquote", has_text="Albanian officials claimed by 1200 EST").first.inner_text()
    page.locator("li", has_text="Albanian officials claimed by 1200 EST").locator("a.in-context").click()
    anchor = r"sources/atlas-news-mek-camp-raid\.html#atlas-news-mek-camp-raid-c\d+$"
    page.wait_for_url(re.compile(re.escape(base_url) + anchor))
    target = page.locator("mark.claim:target")
    assert target.count() == 1 and target.is_visible()
    assert target.inner_text() == quote
    assert target.locator("time").first.get_attribute("datetime") == "2023-06-20T12:00-05:00"

    page.go_back()
    page.wait_for_url(base_url + RAID_PATH)
    page.locator("a[rel=prev]").click()
    page.wait_for_url(re.compile(re.escape(base_url) + r"events/(?!2023-06-20).+\.html$"))


def test_actor_page_and_back_to_its_events(site, base_url):
    page, _ = site
    page.goto(base_url)
    page.locator("#actors a", has_text="Paris").click()
    page.wait_for_url(base_url + "actors/paris.html")
    assert page.locator("h1").inner_text() == "Paris"
    assert "Place" in page.locator("dl.meta").inner_text()
    page.locator("a", has_text="Paris expelled MEK").click()
    page.wait_for_url(base_url + "events/1986-paris-expelled-mek.html")
    assert page.locator(".event-when").first.inner_text() == "1986"
    page.goto(base_url + "actors/national-council-of-resistance-of-iran.html")
    assert page.locator("#claims-heading").inner_text() == "Claims made by National Council of Resistance of Iran (3)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(browser, base_url, scheme):
    context, page, watch = _open(browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    pages = ["index.html", RAID_PATH, "events/1986-paris-expelled-mek.html", "actors/paris.html",
             "sources/atlas-news-mek-camp-raid.html", "sources/deadly-clash-durres-raid.html", "disputes.html",
             "about.html", "search.html"]
    found = {}
    for path in pages:
        page.goto(base_url + path)
        if path == "search.html":
            page.fill("#q", "police")
        if path == "index.html":
            page.select_option("#f-actor", "paris")
        violations = _axe(page)
        if violations:
            found[path] = violations
    context.close()
    assert found == {}
    assert watch.outside == [] and watch.errors == []


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_and_no_sideways_scroll(browser, base_url, width, scheme):
    context, page, watch = _open(browser, base_url, viewport={"width": width, "height": 900}, color_scheme=scheme)
    ARTIFACTS.mkdir(exist_ok=True)
    pages = (("index", "index.html"), ("event", RAID_PATH), ("source", "sources/atlas-news-mek-camp-raid.html"))
    for name, path in pages:
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=True)
    context.close()
    assert watch.outside == [] and watch.errors == []


def test_works_from_disk(browser, built_site, tmp_path):
    copy = tmp_path / "site copy"  # a space in the path, as on many desktops
    shutil.copytree(built_site, copy)
    root = copy.as_uri() + "/"
    context, page, watch = _open(browser, root)
    page.goto(root + "index.html")
    assert _visible_events(page) == 13
    page.fill("#f-text", "expelled")
    assert page.locator("#f-count").inner_text() == "Showing 1 of 13 events."
    page.locator("a", has_text="Search").first.click()
    page.fill("#q", "blacklist")
    page.locator("#search-results a").first.click()
    page.wait_for_url(root + "events/2012-the-united-states-removed-it-from.html")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"  # CSS loaded
    context.close()
    assert watch.outside == [] and watch.errors == []


def test_without_javascript_everything_is_listed(browser, base_url):
    context, page, watch = _open(browser, base_url, java_script_enabled=False)
    page.goto(base_url)
    assert _visible_events(page) == 13
    assert page.locator("#filters").is_hidden()
    assert page.locator("#actors a[href='actors/paris.html']").is_visible()
    assert page.locator("#sources a[href='sources/deadly-clash-durres-raid.html']").is_visible()
    page.goto(base_url + "search.html")
    assert "Search needs JavaScript" in page.locator("main").inner_text()
    context.close()
    assert watch.outside == []


def test_keyboard_skip_link_and_axis_marks(site, base_url):
    page, _ = site
    page.goto(base_url)
    page.bring_to_front()  # keys go to the page only once it has the focus (a loaded machine was seen to lose one)
    page.keyboard.press("Tab")
    page.wait_for_function("document.activeElement && document.activeElement.textContent === 'Skip to content'",
                           timeout=5_000)
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "#main")
    page.locator(".axis a.mark").first.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == \
        "1. 1965: The MEK was initially established"
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "events/1965-the-mek-was-initially-established.html")
