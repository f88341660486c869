"""The reader's edition at archive scale, in a real browser: 1,000 synthetic cables
(benchmarks/corpus.py) and the seeds, converted with the edition's authority files,
rendered with the search index, served on 127.0.0.1 and driven with Debian's Chromium.

Search: an inflected Russian form finds its cables and opens at the passage, marked; a
word of one letter finds nothing, and neither does a word of no document (no near
matches); a name written one way finds the documents that write it another; each facet
narrows the results to the documents it names. Every page type: no sideways scroll at
390 px, and axe-core (from npm, fetched by ./dev test) finds no serious or critical
violation at 1400 and 390 px.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.entities.authority import load_authority
from conftest import ROOT, SEEDS, TEI_DIR, repo_edition
from test_web_browser import (
    PASSAGE_LINK,
    RESULT_LINK,
    Browser,
    Page,
    Served,
    _server,
    expect,
    launched,
    opener,
    results,
    search,
)

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate

CABLES = 1000
TEI = "{http://www.tei-c.org/ns/1.0}"
AXE = sorted((ROOT / ".venv").glob("axe-core-*/axe.min.js"))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("at-scale")
    sources = root / "sources"
    generate(CABLES, sources)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, sources / seed.name)
    tei = root / "tei"
    shutil.copytree(TEI_DIR / "authority", tei / "authority")
    converted = pipeline.convert([sources], tei, edition=repo_edition())
    assert not [c.message for c in converted if c.status == "failed"]
    out = root / "site"
    site = pipeline.web([tei], out, search=True)
    with _server(out) as base:
        yield Served(tei, out, base, site.search)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with launched() as browser:
        yield browser


@pytest.fixture
def open_page(chromium: Browser, served: Served) -> Iterator:
    """open_page(name, width=1400) -> (page, tracker), on the site at scale."""
    with opener(chromium, served) as open_:
        yield open_


def versions_holding(tei: Path, pattern: str) -> dict[str, set[str]]:
    """Each document's page -> the languages of its versions whose words match `pattern`
    (a document's versions in one language are one text of the search index)."""
    found: dict[str, set[str]] = {}
    for path in sorted(tei.glob("*.xml")):
        for version in etree.parse(str(path)).iterfind(f"{TEI}text/{TEI}body/{TEI}div"):
            words = " ".join(" ".join(version.itertext()).split())
            if re.search(pattern, words, re.IGNORECASE):
                found.setdefault(f"{path.stem}.html", set()).add(version.get(XML_LANG, ""))
    return found


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def status(page: Page) -> str:
    return page.locator(".search-status").inner_text()


def count(page: Page) -> int:
    """The number of texts the last search found (0: nothing)."""
    found = re.search(r"Texts found: (\d+)", status(page))
    return int(found.group(1)) if found else 0


# ---------------------------------------------------------------------------- search


def test_an_inflected_russian_form_finds_its_cables_and_opens_at_the_passage(
    open_page, served: Served
) -> None:
    """Пхеньяна (genitive) is written nowhere; the Russian stemmer finds Пхеньяне and
    пхеньянскому, in Russian texts only, and a result opens at its passage, marked."""
    holding = versions_holding(served.tei, "пхеньян")
    russian = {name for name, languages in holding.items() if "ru" in languages}
    assert len(russian) > 50
    page, _ = open_page("search.html")
    page.locator("#search-language").select_option("ru")
    found = search(page, "Пхеньяна", pages=2)
    assert count(page) == len(russian)  # a text per document: its Russian versions
    assert len(found) == 40 and set(found) <= russian
    marks = page.locator(f"{PASSAGE_LINK} mark").all_inner_texts()
    assert marks and all(m.lower().startswith("пхеньян") for m in marks), marks
    link = page.locator(PASSAGE_LINK).first
    href = link.get_attribute("href") or ""
    passage = href.split("#", 1)[1]
    link.click()
    expect(page).to_have_url(re.compile(re.escape(f"#{passage}") + "$"))
    target = page.locator(f"[id='{passage}']")
    expect(target).to_have_class(re.compile(r"\bpassage-current\b"))
    expect(target.locator("mark.hit").first).to_be_visible()
    assert target.locator("mark.hit").first.inner_text().lower().startswith("пхеньян")
    expect(target).to_be_in_viewport()


def test_a_word_of_one_letter_and_a_word_of_no_document_find_nothing(
    open_page, served: Served
) -> None:
    """The preposition в alone finds nothing (it is not searched: as a prefix it matches
    nearly every document); beside another word it changes nothing; a word no document
    holds finds nothing, not the documents of its longest indexed prefix."""
    page, _ = open_page("search.html")
    assert search(page, "в") == []
    assert "one letter" in status(page)
    alone = search(page, "Пхеньяне", ranked=True, pages=2)
    texts_found = count(page)
    assert alone and search(page, "в Пхеньяне", ranked=True, pages=2) == alone
    assert count(page) == texts_found
    for word in ("Пхеньюнг", "Wonsunk", "Гкзщ"):  # near Пхеньян, Wonsan; and nothing
        assert search(page, word) == [], word
        assert status(page).startswith("Nothing found"), word


def test_a_name_in_one_spelling_finds_the_documents_with_the_others(
    open_page, served: Served
) -> None:
    """The synthetic cables write Гензане (the Japanese name) in Russian and Wonsan in
    English, none of them Вонсан: searched as Вонсан, the place is found in all of them,
    and only there."""
    assert not versions_holding(served.tei, "Вонсан")
    holding = versions_holding(served.tei, "Гензан|Wonsan|Gensan")
    assert len(holding) > 100
    page, _ = open_page("search.html")
    found = search(page, "Вонсан", pages=3)
    assert count(page) == sum(len(languages) for languages in holding.values())
    assert len(found) > 20 and set(found) <= set(holding)
    assert "Also searched as:" in status(page) and "Гензан" in status(page)


FACETS = ["type", "year", "sender", "addressee", "person", "place", "organisation"]


def test_each_facet_narrows_the_results_to_the_documents_it_names(
    open_page, served: Served
) -> None:
    """For each facet with more than one value: a value chosen, fewer texts are found, and
    each result shown is one the value describes (checked against the TEI)."""
    authority = load_authority(served.tei / "authority")
    by_label = {entry.preferred("en"): entry_id for entry_id, entry in authority.entries.items()}
    page, _ = open_page("search.html?q=Filippov")
    results(page, pages=1)
    total = count(page)
    assert total > 500
    narrowed = []
    for facet in FACETS:
        select = page.locator(f"select[data-facet='{facet}']")
        values = [v for v in select.locator("option").all_inner_texts() if v != "Any"]
        if len(values) < 2:
            continue
        value = values[-1]
        select.select_option(value)
        found = results(page, pages=1)
        assert found and count(page) < total, (facet, value)
        if facet == "type":  # the label is the interface's: each result card shows it
            about = page.locator(".search-about").all_inner_texts()
            assert all(f" · {value} · " in line for line in about), (value, about)
        for name in found:
            assert _described(served.tei / name.replace(".html", ".xml"), facet, value, by_label)
        narrowed.append(facet)
        select.select_option("")
        results(page, pages=1)
    assert {"sender", "person", "place"} <= set(narrowed), narrowed


def _described(path: Path, facet: str, value: str, by_label: dict[str, str]) -> bool:
    """Whether the TEI file is described by a facet's value."""
    tei = etree.parse(str(path))
    header = tei.find(f"{TEI}teiHeader")
    if facet == "year":
        return any(d.startswith(value) for d in tei.xpath("//@when | //@from | //@notBefore"))
    if facet in ("sender", "addressee"):
        side = "sent" if facet == "sender" else "received"
        action = header.find(f".//{TEI}correspAction[@type='{side}']")
        return action is not None and value in " ".join(" ".join(action.itertext()).split())
    if facet == "type":
        return True  # checked on the page (the label is the interface's)
    entry = by_label[value]
    return any(ref.endswith(f"#{entry}") for ref in tei.xpath("//tei:text//@ref", namespaces=NS))


NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def test_results_in_date_order(open_page, served: Served) -> None:
    """Sorted by date, the results' dates never go back; latest first, never forward (the
    first three pages of each)."""
    ordered = {}
    for sort in ("asc", "desc"):
        page, _ = open_page(f"search.html?q=Kaesong&sort={sort}")
        results(page, pages=3)
        ordered[sort] = _when_of(served, page.locator(RESULT_LINK).evaluate_all(HREFS))
    assert len(ordered["asc"]) > 20
    assert ordered["asc"] == sorted(ordered["asc"])
    assert ordered["desc"] == sorted(ordered["desc"], reverse=True)


HREFS = "ls => ls.map(a => a.getAttribute('href'))"


def _when_of(served: Served, hrefs: list[str]) -> list[str]:
    """The ISO date each result's document is filed under (its summary's @when)."""
    whens = []
    for href in hrefs:
        name = href.split("?")[0].split("#")[0].rsplit("/", 1)[-1]
        tei = etree.parse(str(served.tei / name.replace(".html", ".xml")))
        sent = tei.xpath("//tei:correspAction[@type='sent']/tei:date/@when", namespaces=NS)
        created = tei.xpath("//tei:creation/tei:date/@when", namespaces=NS)
        whens.append((sent or created or ["9999"])[0])
    return whens


# ---------------------------------------------------------------------------- chronology


def test_previous_and_next_walk_the_whole_chronology(open_page, served: Served) -> None:
    """From the first document, rel=next reaches every document once, never going back in
    time, and rel=prev walks the same way back; in the browser, Next and Previous follow
    that walk."""
    pages = {p.name for p in served.out.glob("*.html")}
    documents = {f"{p.stem}.html" for p in served.tei.glob("*.xml")}
    assert len(documents) == CABLES + 5
    first = [name for name in documents if _link(served.out / name, "prev") is None]
    assert len(first) == 1
    walk = first
    while (following := _link(served.out / walk[-1], "next")) is not None:
        assert following in pages and following not in walk[-1:]
        walk.append(following)
    assert sorted(walk) == sorted(documents)
    whens = [w for w in _when_of(served, walk) if w != "9999"]
    assert whens == sorted(whens)
    back = [walk[-1]]
    while (preceding := _link(served.out / back[-1], "prev")) is not None:
        back.append(preceding)
    assert back == walk[::-1]
    page, _ = open_page(walk[0])
    for name in walk[1:6]:
        page.locator("nav.neighbours a.next").click()
        expect(page).to_have_url(served.base + name)
    for name in reversed(walk[:5]):
        page.locator("nav.neighbours a.prev").click()
        expect(page).to_have_url(served.base + name)


def _link(page: Path, rel: str) -> str | None:
    """Where a page's <link rel=…> in its head points (None: it has none)."""
    found = lxml.html.fromstring(page.read_bytes()).xpath(f"//head/link[@rel='{rel}']/@href")
    return found[0] if found else None


# ---------------------------------------------------------------------------- every page type


def page_types(served: Served) -> dict[str, str]:
    """A page of each type: the index, a cable of one version and one of two aligned, an
    entity list and an entity, the principles, the search page with results."""
    names = sorted(p.name for p in served.out.glob("*.html"))
    seed = "cable-1951-06-30-21340-mao-zedong.html"  # scan + translation, aligned
    single = next(n for n in names if n.startswith("cable-") and _versions(served, n) == 1)
    return {
        "index": "index.html",
        "cable": single,
        "aligned": seed,
        "persons": "persons.html",
        "person": next(n for n in names if n.startswith("person-")),
        "place": next(n for n in names if n.startswith("place-")),
        "places": "places.html",
        "org": next(n for n in names if n.startswith("org-")),
        "principles": "principles.html",
        "chronology": "chronology.html",
        "search": "search.html?q=Kaesong",
    }


def _versions(served: Served, name: str) -> int:
    page = (served.out / name).read_text(encoding="utf-8")
    return page.count('class="version ')


@pytest.mark.parametrize("width", [1400, 390])
def test_no_page_scrolls_sideways_and_axe_finds_nothing_serious(
    open_page, served: Served, width: int
) -> None:
    assert AXE, "axe-core is not there: ./dev test fetches it from npm into .venv/"
    axe = AXE[-1].read_text(encoding="utf-8")
    problems = []
    for kind, name in page_types(served).items():
        page, _ = open_page(name, width=width)
        page.wait_for_load_state("networkidle")
        if kind == "search":
            results(page, pages=1)
        wide = page.evaluate("document.scrollingElement.scrollWidth")
        if wide > width:
            problems.append(f"{kind} ({name}): {wide} px wide at {width}")
        page.add_script_tag(content=axe)
        found = page.evaluate(AXE_RUN)
        problems += [f"{kind} ({name}) at {width}: {v}" for v in found]
    assert not problems, "\n".join(problems)


# the violations of impact serious or critical, with where they are
AXE_RUN = """async () => {
  const found = await axe.run(document, { resultTypes: ["violations"] });
  return found.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map((n) => n.target.join(" ")));
}"""


def test_the_search_page_keeps_its_state_in_the_address(open_page, served: Served) -> None:
    """A search can be linked to: the words, language, facets and order are in the
    address, and the address gives the same results: as many texts found, the same first
    three pages in the same order (each further page is one more click on the same
    merged list; loading every page of the hundreds found, twice, took two minutes)."""
    page, _ = open_page("search.html")
    page.locator("#search-language").select_option("en")
    results(page)
    found = search(page, "Kaesong", ranked=True, pages=3)
    assert count(page) > len(found) > 40
    params = dict(p.split("=", 1) for p in page.url.split("?", 1)[1].split("&"))
    assert params == {"q": "Kaesong", "lang": "en"}
    again, _ = open_page(page.url.removeprefix(served.base))
    assert results(again, ranked=True, pages=3) == found
    assert status(again) == status(page)
    assert json.loads((served.out / "search.json").read_text(encoding="utf-8"))["languages"]
