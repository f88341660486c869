"""The web edition in a real browser: Debian's Chromium driven by Playwright.

The seeds and variants are converted and rendered once, with the Pagefind index, and
served by ``http.server`` on 127.0.0.1 (a free port) for the module. Every page is opened
with a tracker that records console errors, page errors, failed requests and any request
to a host other than the local server (those are also blocked, so nothing leaves the
machine). Screenshots go to build/screenshots/ (ignored by git): index, a cable in reading
and diplomatic view, a narrow screen, search results.

Chromium is launched from /usr/bin/chromium (no ``playwright install``); without it the
module is skipped.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.render.redirects import write_redirect_pages
from cablegram.render.xslt import Styles
from conftest import ROOT
from test_web_html import MEMO, doc_type, v2_corpus
from web_sample import sample

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "build" / "screenshots"
KAIDZIO = "cable-1951-06-30-21340-mao-zedong"  # scan + translation: sic/corr, hyphens, sheet turn
GROMYKO = "cable-1951-08-25-17493-gromyko"
OLD_KAIDZIO = "cable-1951-06-30-mao-zedong"  # its id before its number was read (a redirect)
TIMEOUT = 10_000  # ms, for anything the page does by itself
NUMBER = 2  # the index's column of numbers (Date, Type, No., Parties, Summary, Languages)


# ---------------------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class Served:
    tei: Path
    out: Path
    base: str  # http://127.0.0.1:PORT/
    search: bool

    def cables(self) -> list[str]:
        return sorted(p.stem for p in self.tei.glob("*.xml"))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _server(directory: Path) -> Iterator[str]:
    """`directory` served on 127.0.0.1; its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextlib.contextmanager
def _serve(tei: Path, out: Path, **options: int) -> Iterator[Served]:
    """The web edition of `tei` rendered into `out` and served on 127.0.0.1."""
    site = pipeline.web([tei], out, search=True, **options)
    with _server(out) as base:
        yield Served(tei, out, base, site.search)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Iterator[Served]:
    """The edition, with a page at a document's old address as a build keeps it (a
    redirect: render/redirects.py)."""
    with _serve(converted_tei, tmp_path_factory.mktemp("web-browser") / "site") as site:
        redirects = {OLD_KAIDZIO: KAIDZIO}
        write_redirect_pages(site.out, redirects, site.cables(), Styles.of(None))
        yield site


@pytest.fixture(scope="module")
def sharded(served: Served) -> Iterator[Served]:
    """The same edition with its search index in shards of at most 20 pages (a large
    corpus's layout, at the size of the test corpus)."""
    with _serve(served.tei, served.out.parent / "sharded", shard_size=20) as site:
        yield site


@pytest.fixture(scope="module")
def paged(served: Served) -> Iterator[Served]:
    """The same edition with the index and the entries' cables in pages of 4 (a large
    corpus's layout, at the size of the test corpus)."""
    with _serve(served.tei, served.out.parent / "paged", page_size=4) as site:
        yield site


@contextlib.contextmanager
def launched() -> Iterator[Browser]:
    """Debian's Chromium, headless and kept off the network, for a module's tests."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched() as chromium:
        yield chromium


@dataclass
class Tracker:
    """What a page did that it should not: console errors, uncaught exceptions, failed
    requests, requests to another host."""

    base: str
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("request", self._request)
        page.on(
            "requestfailed",
            lambda request: (
                self.errors.append(f"request failed: {request.url}")
                if request.url.startswith(self.base)
                else None
            ),
        )
        page.route("**/*", self._route)

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if not request.url.startswith(("data:", "blob:", self.base)):
            self.foreign.append(request.url)

    def _route(self, route) -> None:
        if route.request.url.startswith(self.base):
            route.continue_()
        else:
            route.abort()  # nothing leaves the machine

    def clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.foreign, self.foreign


@contextlib.contextmanager
def opener(browser: Browser, served: Served) -> Iterator:
    """open_(name, width=1400) -> (page, tracker), on `served` by default; every page is
    checked at the end: no console error, no request to another host."""
    contexts = []
    trackers: list[Tracker] = []

    def open_(
        name: str, width: int = 1400, height: int = 900, site: Served = served
    ) -> tuple[Page, Tracker]:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        tracker = Tracker(site.base)
        tracker.attach(page)
        trackers.append(tracker)
        page.goto(site.base + name, wait_until="load")
        return page, tracker

    yield open_
    for context in contexts:
        context.close()
    for tracker in trackers:
        tracker.clean()


@pytest.fixture
def open_page(browser: Browser, served: Served) -> Iterator:
    """open_page(name, width=1400) -> (page, tracker): see `opener`."""
    with opener(browser, served) as open_:
        yield open_


def screenshot(page: Page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


SHOWN_ROWS = "rows => rows.filter(r => r.offsetParent !== null)"
SHOWN_DOCUMENTS = "#cables tbody tr:not(.group):visible"  # not the year and month headings


def visible_rows(page: Page) -> list[str]:
    """The cables of the index's rows on screen, in order."""
    return page.eval_on_selector_all(
        "#cables tbody tr:not(.group)",
        f"{SHOWN_ROWS}.map(r => r.querySelector('a').getAttribute('href'))",
    )


def column(page: Page, index: int) -> list[str]:
    """The texts of a column of the index's rows on screen, in order."""
    return page.eval_on_selector_all(
        "#cables tbody tr:not(.group)", f"{SHOWN_ROWS}.map(r => r.cells[{index}].innerText.trim())"
    )


# ---------------------------------------------------------------------------- the index


def test_index_lists_every_cable(open_page, served: Served) -> None:
    page, _ = open_page("index.html")
    rows = page.locator("#cables tbody tr:not(.group)")
    expect(rows).to_have_count(len(served.cables()))
    assert sorted(visible_rows(page)) == sorted(f"{c}.html" for c in served.cables())
    expect(page.locator("#filter")).to_be_visible()  # edition.js shows the filter
    screenshot(page, "index")


@pytest.mark.parametrize("width", [1400, 390])
def test_index_columns_never_break_inside_a_word(open_page, width: int) -> None:
    """A column as narrow as one letter ('Ju/ne/30', 'Langu/ages'): every word of the
    header and of the date and number columns fits on a line of its cell."""
    page, _ = open_page("index.html", width=width)
    broken = page.eval_on_selector_all(
        "#cables th, #cables td:nth-child(1), #cables td:nth-child(2)",
        """cells => cells.filter(cell => {
            const range = document.createRange();
            return [...cell.querySelectorAll('*'), cell]
              .some(node => [...node.childNodes].some(text => {
                if (text.nodeType !== 3) return false;
                return text.textContent.split(/\\s+/).filter(Boolean).some(word => {
                  const at = text.textContent.indexOf(word);
                  range.setStart(text, at); range.setEnd(text, at + word.length);
                  return range.getClientRects().length > 1;
                });
              }));
        }).map(cell => cell.innerText)""",
    )
    assert broken == []


def leading_numbers(numbers: list[str]) -> list[int]:
    """The value of each number as printed ("21340", "2187-912ss", "600428/sh") by its
    leading digits, which a numeric sort orders first."""
    return [int(found.group()) for n in numbers if (found := re.match(r"\d+", n))]


def index_rows(served: Served, word: str = "") -> list[str]:
    """The pages of the index's rows (of the HTML, without the browser) that hold `word`."""
    index = lxml.html.fromstring((served.out / "index.html").read_bytes())
    return [
        row.xpath("string(.//a/@href)")
        for row in index.xpath("//table[@id='cables']/tbody/tr[not(@class)]")
        if word.lower() in row.text_content().lower()
    ]


def test_index_sorts_by_a_column(open_page) -> None:
    page, _ = open_page("index.html")
    dates = column(page, 0)
    numbers = column(page, NUMBER)
    page.get_by_role("button", name="No.").click()
    expect(page.locator("th", has=page.get_by_role("button", name="No."))).to_have_attribute(
        "aria-sort", "ascending"
    )
    ascending = column(page, NUMBER)
    assert ascending != numbers and sorted(ascending) == sorted(numbers)
    numeric = leading_numbers(ascending)
    assert numeric == sorted(numeric) and len(set(numeric)) > 10
    page.get_by_role("button", name="No.").click()
    descending = leading_numbers(column(page, NUMBER))
    assert descending == sorted(numeric, reverse=True)
    page.get_by_role("button", name="Date").click()
    assert column(page, 0) == dates  # back to date order


def test_index_filters_by_a_word(open_page, served: Served) -> None:
    page, _ = open_page("index.html")
    gromyko = index_rows(served, "Gromyko")
    assert f"{GROMYKO}.html" in gromyko
    page.fill("#filter", "Gromyko")
    expect(page.locator(SHOWN_DOCUMENTS)).to_have_count(len(gromyko))
    assert visible_rows(page) == gromyko
    razuvaev = index_rows(served, "razuvaev")
    page.fill("#filter", "razuvaev")
    expect(page.locator(SHOWN_DOCUMENTS)).to_have_count(len(razuvaev))
    assert visible_rows(page) == razuvaev
    assert 1 < len(razuvaev) < len(served.cables())
    page.fill("#filter", "")
    expect(page.locator(SHOWN_DOCUMENTS)).to_have_count(len(served.cables()))


def test_the_pager_leads_through_a_long_index(open_page, paged: Served) -> None:
    """Pages of 4 cables: the pager names each page by its dates, marks this one, leads to
    the next; the filter works on the page; every cable is on exactly one page."""
    page, _ = open_page("index.html", site=paged)
    pager = page.get_by_role("navigation", name="Pages of the list of cables")
    expect(pager.locator("[aria-current=page]")).to_have_text(re.compile(r"^Page 1\b"))
    expect(page.locator("#filter")).to_be_visible()
    expect(page.get_by_label("Filter this page")).to_be_visible()
    seen = list(visible_rows(page))
    count = -(-len(paged.cables()) // 4)
    for number in range(2, count + 1):
        pager.get_by_role("link", name=re.compile(rf"^Page {number}\b")).click()
        page.wait_for_url(f"**/index-p{number}.html")
        pager = page.get_by_role("navigation", name="Pages of the list of cables")
        expect(pager.locator("[aria-current=page]")).to_have_text(re.compile(rf"^Page {number}\b"))
        seen.extend(visible_rows(page))
    assert sorted(seen) == sorted(f"{c}.html" for c in paged.cables())
    first = visible_rows(page)[0]
    page.fill("#filter", first.removesuffix(".html").rsplit("-", 1)[-1])
    expect(page.locator(SHOWN_DOCUMENTS)).not_to_have_count(0)
    assert first in visible_rows(page)
    screenshot(page, "index-paged")


@pytest.mark.parametrize("name", ["index-p2.html", "person-stalin-p2.html"])
def test_paged_lists_fit_a_narrow_screen(open_page, paged: Served, name: str) -> None:
    page, _ = open_page(name, width=400, height=800, site=paged)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"{name} is {width}px wide at 400px"


# ---------------------------------------------------------------------------- a cable


def _box(page, selector: str) -> dict:
    box = page.locator(selector).bounding_box()
    assert box, selector
    return box


def test_versions_side_by_side_on_a_wide_screen(open_page) -> None:
    """The pair's columns (their headings stand over them) share the width, left to right."""
    page, _ = open_page(f"{KAIDZIO}.html", width=1400)
    scan, translation = _box(page, "#original-scan-h"), _box(page, "#translation-h")
    assert abs(scan["y"] - translation["y"]) < 2
    assert scan["x"] + scan["width"] <= translation["x"]
    assert translation["width"] > 400
    screenshot(page, "cable-reading")


def test_three_versions_a_pair_side_by_side(open_page) -> None:
    """The scan's transcription, the transcript and the translation: side by side shows a
    pair, the scan with the translation first (two wide columns: with three, each was a
    third of the page), and the reader pairs the transcript with the translation instead."""
    page, _ = open_page("cable-1951-07-03-21404-mao-zedong.html", width=1400)
    scan, translation = _box(page, "#original-scan-h"), _box(page, "#translation-h")
    assert abs(scan["y"] - translation["y"]) < 2 and scan["width"] > 450
    assert scan["x"] + scan["width"] <= translation["x"]
    expect(page.locator("#original-transcript-h")).to_be_hidden()
    screenshot(page, "cable-three-versions", full_page=False)
    page.locator("select[name='left']").select_option("original-transcript")
    expect(page.locator("#original-transcript-h")).to_be_visible()
    expect(page.locator("#original-scan-h")).to_be_hidden()
    transcript, translation = _box(page, "#original-transcript-h"), _box(page, "#translation-h")
    assert abs(transcript["y"] - translation["y"]) < 2
    assert transcript["x"] + transcript["width"] <= translation["x"]


def test_versions_follow_each_other_passage_by_passage_on_a_narrow_screen(open_page) -> None:
    """At 400 px the pair is not squeezed into two columns: each passage of the original
    stands over its translation, the whole width."""
    page, _ = open_page(f"{KAIDZIO}.html", width=400, height=800)
    screenshot(page, "cable-narrow", full_page=False)
    page.locator("#translation-p1").scroll_into_view_if_needed()
    screenshot(page, "cable-narrow-translation", full_page=False)
    original, translation = _box(page, "#original-scan-p1"), _box(page, "#translation-p1")
    assert translation["y"] >= original["y"] + original["height"] - 1
    assert abs(original["x"] - translation["x"]) < 30 and translation["width"] > 300
    following = _box(page, "#original-scan-p2")
    assert following["y"] >= translation["y"] + translation["height"] - 1


@pytest.mark.parametrize(
    "name",
    [f"{KAIDZIO}.html", "index.html", "principles.html", "persons.html", "person-mao-zedong.html"],
)
def test_no_sideways_scrolling_on_a_narrow_screen(open_page, name: str) -> None:
    page, _ = open_page(name, width=400, height=800)
    wide = page.evaluate(
        """() => Array.from(document.querySelectorAll('main *'))
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                           && !e.closest('[hidden]'))
              .map(e => `${e.tagName.toLowerCase()}.${e.className}`).slice(0, 5)"""
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"{name} is {width}px wide at 400px: {wide}"


def test_version_control_shows_one_version(open_page) -> None:
    page, _ = open_page(f"{KAIDZIO}.html")
    controls = page.locator(".controls")
    expect(controls).to_be_visible()
    controls.locator("input[name='show'][value='translation']").check()
    expect(page.locator("#translation")).to_be_visible()
    expect(page.locator("#original-scan")).to_be_hidden()
    controls.locator("input[name='show'][value='original-scan']").check()
    expect(page.locator("#original-scan")).to_be_visible()
    expect(page.locator("#translation")).to_be_hidden()
    controls.locator("input[name='show'][value='all']").check()
    expect(page.locator("#original-scan")).to_be_visible()
    expect(page.locator("#translation")).to_be_visible()


def test_reading_and_diplomatic_views(open_page) -> None:
    page, _ = open_page(f"{KAIDZIO}.html")
    kaesong = page.locator("#translation-b8")  # point 2's second paragraph (no block: no id)
    point = page.locator("#original-scan-i1")
    sheet = page.locator("#original-scan .pb")
    # reading (the default)
    assert "perhaps Kaesong." in kaesong.inner_text()
    assert "Kaidzio" not in kaesong.inner_text() and "[sic" not in kaesong.inner_text()
    assert "он должен выразить" in point.inner_text()
    assert "дол-" not in point.inner_text()
    expect(sheet).to_be_hidden()
    # diplomatic
    page.locator("input[name='mode'][value='diplomatic']").check()
    expect(page.locator("body")).to_have_class(re.compile(r"\bmode-diplomatic\b"))
    assert "perhaps Kaidzio [sic; possibly Kaesong][?]" in kaesong.inner_text()
    assert "Kaesong [sic" not in kaesong.inner_text()
    assert "он дол-\nжен выразить" in point.inner_text()
    expect(sheet).to_be_visible()
    page.locator("#original-scan-p2").scroll_into_view_if_needed()
    screenshot(page, "cable-diplomatic")
    # and back
    page.locator("input[name='mode'][value='reading']").check()
    assert "perhaps Kaesong." in kaesong.inner_text()
    assert "дол-" not in point.inner_text()


def test_popup_opens_and_closes_from_the_keyboard(open_page) -> None:
    page, _ = open_page(f"{KAIDZIO}.html")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('intervention')"):
            break
    else:
        pytest.fail("no intervention reachable with Tab")
    tooltip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    tooltip = page.locator(f"#{tooltip_id}")
    expect(tooltip).to_have_attribute("role", "tooltip")
    page.keyboard.press("Enter")
    expect(tooltip).to_be_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    assert "Stalin" in tooltip.inner_text()
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    expect(tooltip).to_be_hidden()  # dismissed, although the focus stays (WCAG 1.4.13)


def test_popup_opens_on_click(open_page) -> None:
    page, _ = open_page(f"{KAIDZIO}.html")
    correction = page.locator("#translation-b8 .intervention.correction")
    tooltip = correction.locator("[role='tooltip']")
    expect(tooltip).to_be_hidden()
    correction.click()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Kaidzio")
    screenshot(page, "cable-popup", full_page=False)


def test_popups_open_inside_a_narrow_window(open_page, served: Served) -> None:
    """At 390 px, every intervention's explanation opens inside the window (moved back from
    its edge), and the page never scrolls sideways."""
    page, _ = open_page(f"{KAIDZIO}.html", width=390)
    nodes = page.locator(".intervention")
    opened = 0
    for k in range(nodes.count()):
        node = nodes.nth(k)
        if not node.is_visible():
            continue
        node.focus()
        box = node.locator(":scope > .popup").bounding_box()
        assert box is not None, k
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (k, box)
        opened += 1
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390, k
    assert opened >= 3


def test_the_view_controls_stay_at_hand_while_the_text_scrolls(open_page, served: Served) -> None:
    page, _ = open_page(f"{KAIDZIO}.html", width=1400, height=700)
    controls = page.locator(".controls")
    expect(controls).to_be_visible()
    page.mouse.wheel(0, 2500)
    page.wait_for_function("window.scrollY > 1000")
    box = controls.bounding_box()
    assert box is not None and abs(box["y"]) < 1, box
    expect(controls).to_be_in_viewport()


# ---------------------------------------------------------------------------- search


RESULT_LINK = ".search-result h2 a"
PASSAGE_LINK = ".search-passages a"


def search(page: Page, words: str, ranked: bool = False, pages: int = 1000) -> list[str]:
    """Type into the search page's field, wait until the search is done and every result
    is on the page ("More results" clicked until there is none, or `pages` are shown),
    return the result pages (sorted by name, or as ranked)."""
    page.locator("#search-words").fill(words)
    return results(page, ranked, pages)


def results(page: Page, ranked: bool = False, pages: int = 1000) -> list[str]:
    """The result pages of the search the page has run (see `search`), of its first
    `pages` pages of results."""
    form = page.locator("#search")
    expect(form).to_have_attribute("data-state", "done", timeout=20000)
    more = page.locator("button.search-more")
    for _ in range(pages - 1):
        if not more.is_visible():
            break
        more.click()
        expect(form).to_have_attribute("data-state", "done", timeout=20000)
    hrefs = page.locator(RESULT_LINK).evaluate_all("links => links.map(a => a.href)")
    names = [h.split("#")[0].split("?")[0].rsplit("/", 1)[-1] for h in hrefs]
    return list(dict.fromkeys(names)) if ranked else sorted(set(names))


def test_search_finds_a_russian_and_an_english_word(open_page, served: Served) -> None:
    assert served.search, "the site was built without its search index"
    page, _ = open_page("search.html")
    expect(page.locator("#search-words")).to_be_visible()
    # (other cables name Wonsan too: a variant's translator joins and splits its paragraphs)
    for word in ("Гензан", "соглашаться", "Wonsan"):  # согла-/шаться in the scan
        found = search(page, word)
        assert f"{KAIDZIO}.html" in found and len(found) < len(served.cables()), (word, found)
    screenshot(page, "search-results")
    page.locator(RESULT_LINK, has_text="21340").first.click()
    expect(page).to_have_url(re.compile(re.escape(KAIDZIO)))


def test_search_indexes_the_text_not_the_explanations(open_page, served: Served) -> None:
    """Result titles are the documents' titles; the popups' explanations and the ¶ anchors
    are not indexed, and the source's reading and the correction stay two words."""
    assert served.search
    page, _ = open_page("search.html")
    assert f"{KAIDZIO}.html" in search(page, "Kaidzio")
    titles = {" ".join(t.split()) for t in page.locator(RESULT_LINK).all_inner_texts()}
    excerpts = " ".join(page.locator(".search-passages").all_inner_texts())
    assert "Cable No. 21340, Mao Zedong to Filippov [Stalin]" in titles, titles
    assert "The source reads" not in excerpts, excerpts  # a popup
    assert "¶" not in excerpts, excerpts  # the passage anchors
    assert "KaidzioKaesong" not in excerpts, excerpts  # sic and corr glued into one word


def test_search_in_shards_finds_what_one_index_finds(open_page, served: Served, sharded) -> None:
    """A corpus indexed in shards (a bundle per language in each) is searched as one: the
    search page asks every bundle and drops a shard's near matches (a shard that lacks the
    word), so every word finds the documents one index finds, and only those."""
    shards = json.loads((sharded.out / "search-shards.json").read_text(encoding="utf-8"))
    assert len(shards) == -(-len(sharded.cables()) // 20)  # a page per document, 20 a shard
    one, _ = open_page("search.html")
    several, _ = open_page("search.html", site=sharded)
    for words in ("Wonsan", "Гензан", "Kaesong", "Ridgway", "armistice"):
        found = search(one, words)
        assert found, words
        assert search(several, words) == found, words


def test_search_works_from_a_subdirectory(open_page, sharded: Served) -> None:
    """The site served under a path (https://host/edition/): results, from every shard,
    link into that path."""
    with _server(sharded.out.parent) as root:
        below = Served(sharded.tei, sharded.out, f"{root}{sharded.out.name}/", sharded.search)
        page, _ = open_page("search.html", site=below)
        found = search(page, "Wonsan")
        assert f"{KAIDZIO}.html" in found
        hrefs = page.locator(RESULT_LINK).evaluate_all("ls => ls.map(a => a.href)")
        pages = {f"{below.base}{c}.html" for c in below.cables()}
        assert hrefs and all(h.split("#")[0].split("?")[0] in pages for h in hrefs), hrefs
        page.locator(RESULT_LINK).first.click()
        expect(page).to_have_url(re.compile(re.escape(hrefs[0].split("?")[0])))
        expect(page.locator("article.cable")).to_be_visible()


# ---------------------------------------------------------------------------- every page


def test_no_console_error_and_no_foreign_request_on_any_kind_of_page(
    open_page, served: Served
) -> None:
    """Every kind of page, in a sample of the site's pages chosen by a rule over them
    (tests/web_sample.py): the first and last page of each kind, the first of each set of
    scripts, form controls and version layouts, and pages until every element class the
    site uses is on one. Some 50 of the 650 pages: opening every page took six of CI's 30
    minutes, and pages of one kind with the same features run the same scripts on the same
    kinds of elements. The redirect page is in the sample by its refresh."""
    names = sorted(p.name for p in served.out.glob("*.html"))
    entries = [n for n in names if n.startswith(("person-", "place-", "org-"))]
    assert len(entries) > 20  # a page per entry a cable mentions
    # index, chronology, persons, places, orgs, principles, search; the redirect
    assert len(names) == len(served.cables()) + 7 + len(entries) + 1
    pages = sample(served.out)
    assert f"{OLD_KAIDZIO}.html" in pages and len(pages) < len(names) / 5
    page, tracker = open_page("index.html")
    for name in pages:
        page.goto(served.base + name, wait_until="load")
        page.wait_for_load_state("networkidle")
    assert all(url.startswith(served.base) for url in tracker.requests)
    assert any(url.endswith("assets/edition.js") for url in tracker.requests)
    tracker.clean()


# ---------------------------------------------------------------------------- encoding v2


@pytest.fixture(scope="module")
def v2_served(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Iterator[Served]:
    """The converted cables and the spec's v2 example (a record of conversation), served
    (without a search index)."""
    root = tmp_path_factory.mktemp("web-browser-v2")
    tei = v2_corpus(root / "tei", converted_tei)
    site = pipeline.web([tei], root / "site", search=False)
    with _server(root / "site") as base:
        yield Served(tei, root / "site", base, site.search)


def test_index_filters_by_type(open_page, v2_served: Served) -> None:
    """The type filter shows the documents of one type, with the word filter too, says how
    many it shows, and can be chosen by the address (index.html?type=memorandum)."""
    page, _ = open_page("index.html", site=v2_served)
    total = len(v2_served.cables())
    types = {
        f"{c}.html": doc_type(etree.parse(str(v2_served.tei / f"{c}.xml")).getroot())
        for c in v2_served.cables()
    }

    def of_type(kind: str, word: str = "") -> list[str]:
        """The index's rows of one type that hold `word`, in their order."""
        return [row for row in index_rows(v2_served, word) if types[row] == kind]

    memoranda = of_type("memorandum")
    assert f"{MEMO}.html" in memoranda and len(memoranda) < total
    expect(page.locator("#type-filter")).to_be_visible()
    page.select_option("#type-filter", "memorandum")
    expect(page.locator(SHOWN_DOCUMENTS)).to_have_count(len(memoranda))
    assert visible_rows(page) == memoranda
    assert set(column(page, 1)) == {"Record of conversation"}
    expect(page.locator(".filter-count")).to_have_text(f"{len(memoranda)} of {total} shown")
    screenshot(page, "index-type-filter")
    page.select_option("#type-filter", "cable")
    expect(page.locator(SHOWN_DOCUMENTS)).to_have_count(len(of_type("cable")))
    assert set(column(page, 1)) == {"Ciphered telegram"}
    page.fill("#filter", "Gromyko")  # both filters at once
    cables = of_type("cable", "Gromyko")
    assert f"{GROMYKO}.html" in cables and len(cables) < len(index_rows(v2_served, "Gromyko"))
    expect(page.locator(SHOWN_DOCUMENTS)).to_have_count(len(cables))
    assert visible_rows(page) == cables
    page.select_option("#type-filter", "memorandum")
    memoranda = of_type("memorandum", "Gromyko")
    expect(page.locator(SHOWN_DOCUMENTS)).to_have_count(len(memoranda))
    assert visible_rows(page) == memoranda
    page.fill("#filter", "")
    page.select_option("#type-filter", "")
    expect(page.locator(SHOWN_DOCUMENTS)).to_have_count(total)
    expect(page.locator(".filter-count")).to_have_text("")
    linked, _ = open_page("index.html?type=memorandum", site=v2_served)
    expect(linked.locator(SHOWN_DOCUMENTS)).to_have_count(len(of_type("memorandum")))
    expect(linked.locator("#type-filter")).to_have_value("memorandum")


@pytest.mark.parametrize("width", [1400, 390])
def test_a_record_of_conversation_on_a_wide_and_a_narrow_screen(
    open_page, v2_served: Served, width: int
) -> None:
    """The script's speaker beside the speech on a wide screen, above it on a narrow one;
    letter-spaced words spaced; a later hand's pop-up opens from the keyboard; no
    sideways scrolling."""
    page, _ = open_page(f"{MEMO}.html", width=width, site=v2_served)
    speaker = page.locator(".sp .speaker").bounding_box()
    speech = page.locator(".sp .speech").bounding_box()
    assert speaker and speech
    if width > 1000:
        assert speech["x"] > speaker["x"] + speaker["width"] - 1  # beside
        assert abs(speech["y"] - speaker["y"]) < 8
    else:
        assert speech["y"] >= speaker["y"] + speaker["height"] - 1  # above
    spacing = page.eval_on_selector(".letterspaced", "e => getComputedStyle(e).letterSpacing")
    assert spacing not in ("normal", "0px")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    later = page.locator(".intervention.add").nth(1)
    later.focus()
    page.keyboard.press("Enter")
    expect(later.locator(".popup")).to_be_visible()
    expect(later.locator(".popup")).to_contain_text("handwritten, by Stalin")
    screenshot(page, f"v2-memorandum-{width}")
    page.check("input[value=diplomatic]")
    expect(page.locator(".intervention.expansion")).to_have_text(
        re.compile(r"^VTsSPS \[The All-Union Central Council of Trade Unions\]")
    )
    screenshot(page, f"v2-memorandum-{width}-diplomatic")
