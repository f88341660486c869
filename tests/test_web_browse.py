"""Browsing by time and name (issue 18), checked on rendered sites: the index grouped by
year and month with its facets, the chronology, each document's previous and next by
date, an entry's mentions by year with its notes, dates, ids and coordinates; and, in
Chromium (the harness of test_web_browser), the facets narrowing the rows and the narrow
screen's cards.

What a page should show is worked out from the TEI files and the authority files
themselves (each document's date as summary.xsl takes it, its parties, languages and
names), not from the store the pages are made from. Two corpora: the seeds and variants
with the v2 example (every type of document, undated ones), and a synthetic corpus of 240
cables (benchmarks/corpus.py) in pages of 100, for the grouping across pages.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.render.summaries import SummaryStore
from cablegram.render.web import SummaryCache, render_site
from conftest import ROOT
from test_web_html import NS, XML_ID, doc_date, doc_type, v2_corpus

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate

PAGE = 100  # the synthetic site's index pages
FACETS = ("type", "year", "from", "to", "person", "place", "language")


@dataclass(frozen=True)
class Corpus:
    tei: Path
    out: Path

    def documents(self) -> list[Document]:
        return [_document(path) for path in sorted(self.tei.glob("*.xml"))]

    def html(self, name: str) -> lxml.html.HtmlElement:
        return _html(self.out / name)


@dataclass(frozen=True)
class Document:
    """What the pages should show of a TEI file, read from the file."""

    id: str
    when: str  # as summary.xsl takes it: @when, else the start of the span or bounds
    number: str
    name: str  # the TEI file's name (the last key of the order)
    type: str
    senders: tuple[str, ...]
    addressees: tuple[str, ...]
    languages: tuple[str, ...]
    names: frozenset[str]  # the authority entries it mentions: "persons.xml#stalin"

    @property
    def key(self) -> tuple[bool, str, str, str]:
        """The index's order: by date, the undated last; then number, file name."""
        return (self.when == "", self.when, self.number, self.name)

    @property
    def year(self) -> str:
        return self.when[:4] or "undated"

    def facet(self, facet: str) -> set[str]:
        """Its values of a facet of the index."""
        entries = {ref.partition("#")[2]: ref.partition("#")[0] for ref in self.names}
        return {
            "type": {self.type},
            "year": {self.year},
            "from": set(self.senders),
            "to": set(self.addressees),
            "person": {e for e, file in entries.items() if file == "persons.xml"},
            "place": {e for e, file in entries.items() if file == "places.xml"},
            "language": set(self.languages),
        }[facet]


@cache
def _document(path: Path) -> Document:
    root = etree.parse(str(path)).getroot()
    date = doc_date(root)
    when = ""
    if date is not None:
        when = next(
            (date.get(a) for a in ("when", "from", "notBefore", "notAfter") if date.get(a)), ""
        )
    sent = root.find(".//tei:correspAction[@type='sent']", NS)
    received = root.find(".//tei:correspAction[@type='received']", NS)

    def parties(action: etree._Element | None) -> tuple[str, ...]:
        if action is None:
            return ()
        found = action.xpath("tei:persName | tei:orgName", namespaces=NS)
        return tuple(" ".join(p.xpath("string()").split()) for p in found)

    languages = []
    for div in root.xpath("tei:text/tei:body/tei:div", namespaces=NS):
        lang = div.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang not in languages:
            languages.append(lang)
    refs = root.xpath(
        "//*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName]/@ref",
        namespaces=NS,
    )
    return Document(
        root.get(XML_ID),
        when,
        sent.findtext("tei:idno", "", NS) if sent is not None else "",
        path.name,
        doc_type(root),
        parties(sent),
        parties(received),
        tuple(languages),
        frozenset(Path(ref.split()[0]).name for ref in refs),
    )


@cache
def _html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Corpus:
    """The seeds, the variants and the v2 example, in one site (one page of the index)."""
    root = tmp_path_factory.mktemp("browse-mixed")
    tei = v2_corpus(root / "tei", converted_tei)
    pipeline.web([tei], root / "site", search=False)
    return Corpus(tei, root / "site")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """240 synthetic cables, the index in pages of 100."""
    root = tmp_path_factory.mktemp("browse-synthetic")
    generate(240, root / "exports")
    shutil.copytree(ROOT / "tei" / "authority", root / "tei" / "authority")
    results = pipeline.convert([root / "exports"], root / "tei")
    assert all(r.status == "written" for r in results), [r.message for r in results]
    pipeline.web([root / "tei"], root / "site", search=False, page_size=PAGE)
    return Corpus(root / "tei", root / "site")


@pytest.fixture(scope="module", params=["mixed", "synthetic"])
def corpus(request: pytest.FixtureRequest) -> Corpus:
    return request.getfixturevalue(request.param)


def in_order(corpus: Corpus) -> list[Document]:
    return sorted(corpus.documents(), key=lambda d: d.key)


def index_pages(corpus: Corpus) -> list[str]:
    names = sorted(p.name for p in corpus.out.glob("index*.html"))
    return sorted(names, key=lambda n: int(re.sub(r"\D", "", n) or 1))


def rows(page: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return page.xpath("//table[@id='cables']/tbody/tr")


def month_name(when: str) -> str:
    months = "January February March April May June July August September October November December"
    return months.split()[int(when[5:7]) - 1] if len(when) >= 7 else "month not given"


# ---------------------------------------------------------------------------- the index


def test_index_rows_are_the_documents_in_order_under_their_year_and_month(
    corpus: Corpus,
) -> None:
    """Every page's rows, in order, are the documents in the index's order; each stands
    under the heading of its year and of its month; a heading comes once, where its year
    or month begins; the jump list leads to every heading of the page and no other."""
    seen: list[str] = []
    headings: list[str] = []
    for name in index_pages(corpus):
        page = corpus.html(name)
        year = month = None
        page_headings = []
        for row in rows(page):
            if "group" in row.classes:
                heading = row.xpath(".//h2 | .//h3")[0]
                page_headings.append(heading.get("id"))
                text = heading.text_content().strip()
                if heading.tag == "h2":
                    year, month = text, None
                else:
                    month = text
                continue
            document = _document(corpus.tei / f"{row.get('data-id')}.xml")
            seen.append(document.id)
            if document.when:
                assert year == document.when[:4], document.id
                expected = month_name(document.when)
                if len(document.when) >= 7:
                    expected += f" {document.when[:4]}"
                assert month == expected, document.id
            else:
                assert (year, month) == ("Undated", None), document.id
        jumps = [a.get("href")[1:] for a in page.xpath("//nav[@class='jump']//a")]
        assert sorted(jumps) == sorted(h for h in page_headings), name
        headings += page_headings
    assert seen == [d.id for d in in_order(corpus)]
    # a heading that spans two pages is repeated on the second, and only there
    whole = [h for i, h in enumerate(headings) if i == 0 or headings[i - 1] != h]
    assert len(set(headings)) <= len(whole)
    years = {d.when[:4] for d in corpus.documents() if d.when}
    assert {h[1:] for h in headings if h.startswith("y")} == years


def test_synthetic_index_is_paged_and_grouped(synthetic: Corpus) -> None:
    """240 documents in pages of 100: three pages, each with the headings of its own
    months, the pager as before."""
    pages = index_pages(synthetic)
    assert pages == ["index.html", "index-p2.html", "index-p3.html"]
    counts = [len([r for r in rows(synthetic.html(p)) if "group" not in r.classes]) for p in pages]
    assert counts == [100, 100, 40]
    months = {d.when[:7] for d in synthetic.documents()}
    assert len(months) > 2  # the corpus spans several months
    ids = {h for p in pages for h in synthetic.html(p).xpath("//tbody//h3/@id")}
    assert ids == {f"m{m}" for m in months}


def test_each_facet_offers_the_values_of_the_documents(corpus: Corpus) -> None:
    """Each facet's options on a page are the values of that page's documents, each with
    how many of them have it; every row carries its own values."""
    for name in index_pages(corpus):
        page = corpus.html(name)
        documents = [
            _document(corpus.tei / f"{row.get('data-id')}.xml")
            for row in rows(page)
            if "group" not in row.classes
        ]
        for facet in FACETS:
            select = page.xpath("//select[@data-facet=$f]", f=facet)[0]
            options = {o.get("value"): o.text_content() for o in select.xpath("option")}
            assert options.pop("").endswith(f"({len(documents)})")
            counts = Counter(v for d in documents for v in d.facet(facet))
            assert set(options) == set(counts), (name, facet)
            for value, label in options.items():
                assert label.endswith(f"({counts[value]})"), (facet, value, label)
        for row in rows(page):
            if "group" in row.classes:
                continue
            document = _document(corpus.tei / f"{row.get('data-id')}.xml")
            for facet in FACETS:
                values = set(filter(None, row.get(f"data-{facet}").split("|")))
                assert values == document.facet(facet), (document.id, facet)


# ---------------------------------------------------------------------------- chronology


def test_chronology_counts_each_year_and_month_and_leads_into_the_index(corpus: Corpus) -> None:
    page = corpus.html("chronology.html")
    assert page.xpath("//header//nav//a[@href='chronology.html']/@aria-current") == ["page"]
    documents = corpus.documents()
    by_year = Counter(d.when[:4] for d in documents)
    by_month = Counter(d.when[:7] for d in documents if len(d.when) >= 7)
    shown_years = {}
    for section in page.xpath("//section[@class='year']"):
        year = "" if section.get("id") == "undated" else section.get("id")[1:]
        count = section.xpath("string(h2/span[@class='count'])")
        shown_years[year] = int(re.match(r"\d+", count).group())
        link = section.xpath("h2/a/@href")[0]
        target, _, anchor = link.partition("#")
        assert corpus.html(target).xpath("//*[@id=$a]", a=anchor), link
    assert shown_years == dict(by_year)
    shown_months = {}
    for item in page.xpath("//ul[@class='months']/li"):
        shown_months[item.get("data-month")] = int(item.xpath("string(span[@class='count'])"))
        target, _, anchor = item.xpath("a/@href")[0].partition("#")
        # the month's heading, on the page of the index where the month begins
        first = next(d for d in in_order(corpus) if d.when[:7] == item.get("data-month"))
        assert corpus.html(target).xpath("//h3[@id=$a]", a=anchor)
        assert corpus.html(target).xpath("//tr[@data-id=$i]", i=first.id)
    assert shown_months == dict(by_month)
    most = max(by_month.values())
    for item in page.xpath("//ul[@class='months']/li"):
        share = float(item.xpath("string(span[@class='bar']/@style)").split(":")[1])
        assert share == pytest.approx(by_month[item.get("data-month")] / most, abs=0.001)
    assert len((corpus.out / "chronology.html").read_bytes()) < 40_000  # an overview


# ---------------------------------------------------------------------------- prev / next


def test_previous_and_next_walk_the_whole_chronology(corpus: Corpus) -> None:
    """From the first document (no rel=prev) rel=next leads through every document in the
    index's order to the last (no rel=next), and rel=prev back; the visible links are the
    head's."""
    order = [d.id for d in in_order(corpus)]
    firsts = [
        d.id
        for d in corpus.documents()
        if not corpus.html(f"{d.id}.html").xpath("//link[@rel='prev']")
    ]
    assert firsts == [order[0]]
    walked = [order[0]]
    while True:
        page = corpus.html(f"{walked[-1]}.html")
        head = page.xpath("//head/link[@rel='next']/@href")
        shown = page.xpath("//nav[@class='neighbours']/a[@rel='next']/@href")
        assert head == shown
        if not head:
            break
        walked.append(head[0].removesuffix(".html"))
        assert len(walked) <= len(order)
    assert walked == order
    back = [walked[-1]]
    while prev := corpus.html(f"{back[-1]}.html").xpath("//head/link[@rel='prev']/@href"):
        assert prev == corpus.html(f"{back[-1]}.html").xpath(
            "//nav[@class='neighbours']/a[@rel='prev']/@href"
        )
        back.append(prev[0].removesuffix(".html"))
    assert back == order[::-1]


def test_neighbours_are_rendered_again_only_when_they_change(
    synthetic: Corpus, tmp_path: Path
) -> None:
    """A rebuild with nothing changed renders no page; a document withdrawn re-renders
    its two neighbours only, which then point at each other."""
    files = sorted(synthetic.tei.glob("*.xml"))
    cache = SummaryCache(tmp_path / "summaries.sqlite", {p: p.name for p in files}, "c")
    out = tmp_path / "site"
    first = render_site(files, out, search=False, jobs=2, summary_cache=cache, data=False)
    assert len([p for p in first.pages if p.stem.startswith("cable-")]) == len(files)
    again = render_site(
        files, out, search=False, jobs=2, summary_cache=cache, changed=set(), data=False
    )
    assert again.pages == [] or all(not p.stem.startswith("cable-") for p in again.pages)
    order = [d.id for d in in_order(synthetic)]
    gone = order[50]
    kept = [p for p in files if p.stem != gone]
    cache = SummaryCache(cache.database, {p: p.name for p in kept}, "c")
    after = render_site(
        kept, out, search=False, jobs=2, summary_cache=cache, changed=set(), data=False
    )
    assert sorted(p.stem for p in after.pages if p.stem.startswith("cable-")) == sorted(
        [order[49], order[51]]
    )
    before, following = (
        lxml.html.fromstring((out / f"{order[i]}.html").read_bytes()) for i in (49, 51)
    )
    assert before.xpath("//link[@rel='next']/@href") == [f"{order[51]}.html"]
    assert following.xpath("//link[@rel='prev']/@href") == [f"{order[49]}.html"]
    with SummaryStore(cache.database) as store:
        assert set(store.neighbours_seen()) == {p.name for p in kept}


# ---------------------------------------------------------------------------- entries


def _authority(corpus: Corpus) -> dict[str, etree._Element]:
    entries = {}
    for path in sorted((corpus.tei / "authority").glob("*.xml")):
        for entry in etree.parse(str(path)).getroot().xpath("//*[@xml:id]"):
            if etree.QName(entry).localname in ("person", "place", "org"):
                entries[f"{path.name}#{entry.get(XML_ID)}"] = entry
    return entries


def test_an_entry_page_lists_its_mentions_by_year_with_the_authority(mixed: Corpus) -> None:
    documents = mixed.documents()
    checked = several = 0
    for ref, entry in _authority(mixed).items():
        kind = etree.QName(entry).localname
        path = mixed.out / f"{kind}-{entry.get(XML_ID)}.html"
        mentioning = [d for d in documents if ref in d.names]
        if not mentioning:
            assert not path.exists()
            continue
        page = mixed.html(path.name)
        checked += 1
        years = [h.text_content().strip() for h in page.xpath("//h3[@class='mentions-year']")]
        expected = sorted({d.when[:4] for d in mentioning if d.when})
        expected += ["Undated"] if any(not d.when for d in mentioning) else []
        assert years == expected, ref
        jump = [a.text_content() for a in page.xpath("//nav[@class='jump']//a")]
        assert jump == (years if len(years) > 1 else []), ref
        several += len(years) > 1
        for heading in page.xpath("//h3[@class='mentions-year']"):
            listed = heading.xpath("following-sibling::ul[1]/li/a[1]/@href")
            year = heading.text_content().strip()
            assert sorted(listed) == sorted(
                f"{d.id}.html" for d in mentioning if (d.when[:4] or "Undated") == year
            )
        notes = [" ".join(n.xpath("string()").split()) for n in entry.findall("tei:note", NS)]
        assert [n.text_content() for n in page.xpath("//p[@class='note']")] == [
            n for n in notes if n
        ]
        wikidata = entry.findtext("tei:idno[@type='wikidata']", None, NS)
        links = page.xpath("//p[contains(@class, 'wikidata')]/a/@href")
        assert links == ([f"https://www.wikidata.org/wiki/{wikidata}"] if wikidata else [])
        geo = entry.findtext("tei:location/tei:geo", None, NS)
        osm = page.xpath("//p[@class='coordinates']/a/@href")
        if geo:
            lat, lon = geo.split()
            assert page.xpath("string(//p[@class='coordinates']/span[@class='geo'])") == geo
            assert len(osm) == 1 and f"mlat={float(lat):g}&mlon={float(lon):g}" in osm[0]
        else:
            assert osm == []
    assert checked > 50 and several > 10


def test_an_entry_with_dates_and_viaf_shows_them(tmp_path: Path, converted_tei: Path) -> None:
    """Birth, death and a VIAF id, where the authority gives them (the seeds' have none):
    shown, the VIAF id a link; an id that is not one stays text, never a URL."""
    tei = tmp_path / "tei"
    shutil.copytree(converted_tei, tei)
    path = tei / "authority" / "persons.xml"
    authority = etree.parse(str(path))
    stalin = authority.xpath("//tei:person[@xml:id='stalin']", namespaces=NS)[0]
    for tag, when in (("birth", "1878-12-18"), ("death", "1953-03-05")):
        etree.SubElement(stalin, f"{{{NS['tei']}}}{tag}", when=when)
    etree.SubElement(stalin, f"{{{NS['tei']}}}idno", type="VIAF").text = "101787139"
    mao = authority.xpath("//tei:person[@xml:id='mao-zedong']", namespaces=NS)[0]
    etree.SubElement(mao, f"{{{NS['tei']}}}idno", type="VIAF").text = "javascript:alert(1)"
    authority.write(str(path), encoding="UTF-8")
    pipeline.web([tei], tmp_path / "site", search=False)
    page = lxml.html.fromstring((tmp_path / "site" / "person-stalin.html").read_bytes())
    assert page.xpath("string(//p[@class='dates'])") == "born 1878-12-18; died 1953-03-05"
    assert page.xpath("//p[contains(@class, 'viaf')]/a/@href") == [
        "https://viaf.org/viaf/101787139"
    ]
    mao_page = lxml.html.fromstring((tmp_path / "site" / "person-mao-zedong.html").read_bytes())
    assert mao_page.xpath("//p[contains(@class, 'viaf')]/a") == []


# ---------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser_site(mixed: Corpus) -> Iterator[tuple[object, str]]:
    """A Chromium (Debian's) and the mixed site served on 127.0.0.1."""
    from test_web_browser import _server, launched  # skips without Chromium

    with _server(mixed.out) as base, launched() as browser:
        yield browser, base


VISIBLE = (
    "rows => rows.filter(r => r.offsetParent !== null && !r.classList.contains('group'))"
    ".map(r => r.dataset.id)"
)


def test_choosing_a_facet_shows_exactly_its_documents(
    browser_site: tuple[object, str], mixed: Corpus
) -> None:
    browser, base = browser_site
    page = browser.new_page(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page.goto(base + "index.html")
    documents = mixed.documents()
    for facet in FACETS:
        values = page.eval_on_selector(
            f"select[data-facet='{facet}']", "s => Array.from(s.options).map(o => o.value)"
        )
        assert values[0] == ""
        for value in values[1:4] + values[-1:]:
            page.select_option(f"select[data-facet='{facet}']", value)
            shown = page.eval_on_selector_all("#cables tbody tr", VISIBLE)
            expected = {d.id for d in documents if value in d.facet(facet)}
            assert sorted(shown) == sorted(expected), (facet, value)
            # the headings left are those of the months shown
            groups = page.eval_on_selector_all(
                "#cables tbody tr.group",
                "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.group)",
            )
            wanted = {
                f"{prefix}{d.when[:n]}" if d.when else "undated"
                for d in documents
                if d.id in expected
                for prefix, n in (("y", 4), ("m", 7))
            }
            assert set(groups) == wanted, (facet, value)
        page.select_option(f"select[data-facet='{facet}']", "")
    # two facets at once: both must hold
    page.select_option("select[data-facet='person']", "stalin")
    page.select_option("select[data-facet='language']", "ru")
    shown = page.eval_on_selector_all("#cables tbody tr", VISIBLE)
    assert sorted(shown) == sorted(
        d.id for d in documents if "stalin" in d.facet("person") and "ru" in d.languages
    )
    # a facet's value in the address opens the index filtered by it
    page.goto(base + "index.html?place=kaesong")
    assert page.input_value("select[data-facet='place']") == "kaesong"
    shown = page.eval_on_selector_all("#cables tbody tr", VISIBLE)
    assert sorted(shown) == sorted(d.id for d in documents if "kaesong" in d.facet("place"))
    page.close()


def test_a_narrow_screen_shows_cards_and_never_scrolls_sideways(
    browser_site: tuple[object, str], mixed: Corpus
) -> None:
    browser, base = browser_site
    page = browser.new_page(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    first = in_order(mixed)[0].id
    for name in (
        "index.html",
        "chronology.html",
        "persons.html",
        "place-kaesong.html",
        "person-stalin.html",
        f"{first}.html",
        "cable-1951-06-30-21340-mao-zedong.html",
    ):
        page.goto(base + name)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (name, width)
    page.goto(base + "index.html")
    assert page.eval_on_selector("#cables thead", "t => t.getBoundingClientRect().height") <= 1
    cards = page.eval_on_selector_all(
        "#cables tbody tr:not(.group)",
        "rows => rows.map(r => [getComputedStyle(r).display, r.getBoundingClientRect().width])",
    )
    assert cards and all(display == "block" and w <= 390 for display, w in cards)
    page.close()


def test_a_lost_store_makes_every_page_again_with_its_neighbours(
    synthetic: Corpus, tmp_path: Path
) -> None:
    """The corpus pages not due but no summary kept (a store lost): which neighbours the
    pages were made with is unknown, so each is made again, with its neighbours."""
    files = sorted(synthetic.tei.glob("*.xml"))
    order = [d.id for d in in_order(synthetic)]
    one = synthetic.tei / f"{order[10]}.xml"
    site = render_site(
        files, tmp_path / "site", search=False, changed={one}, corpus_pages=False, data=False
    )
    assert sorted(site.pages) == sorted(tmp_path / "site" / f"{name}.html" for name in order)
    page = lxml.html.fromstring((tmp_path / "site" / f"{order[10]}.html").read_bytes())
    assert page.xpath("//link[@rel='prev']/@href") == [f"{order[9]}.html"]
    assert page.xpath("//link[@rel='next']/@href") == [f"{order[11]}.html"]
