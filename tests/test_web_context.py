"""A document's page shows its context (issue 18): the side panel of the persons, places
and organisations it names, identified from the authority files; its PDF when the build
printed it; its page at the archive; a citation with the edition's address of the page
and the day of access; the citation's metadata in the head (Highwire citation_* tags and
Dublin Core).

What a page should show is derived from its TEI file and the authority files: the names'
@ref (the first entry of each, as the entity pages count mentions), the entries' names,
offices, notes and coordinates, the header's title, date, senders, languages, publisher
and source. The seeds and the variants are rendered without an edition (``site``), with
the v2 example; a build of the seeds with an edition that has an address and prints
(``built``) carries the PDFs, and the same build without printing carries none. The
browser tests (Debian's Chromium, as in test_web_browser.py) check the layout: the panel
beside the text on a wide screen, below the metadata on a narrow one, and no sideways
scrolling at 390 px.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.build import build
from cablegram.edition.config import load_edition
from conftest import SEEDS, TEI_DIR
from test_web_html import MEMO, NS, XML_ID, XML_LANG, doc_date, plain_title, v2_corpus

KAIDZIO = "cable-1951-06-30-21340-mao-zedong"  # seed 000: a Russian scan, its translation
FILIPPOV = "cable-1951-06-30-3917-filippov"  # seed 002: the translation only
BASE_URL = "https://edition.example.org/cables/"
KINDS = {"persons": "person", "places": "place", "orgs": "org"}  # authority file -> entry
HEADINGS = {"person": "Persons", "place": "Places", "org": "Organisations"}
NAMES = "//*[self::tei:persName or self::tei:placeName or self::tei:orgName][@ref]"
CHROMIUM = Path("/usr/bin/chromium")


# ---------------------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class Site:
    tei: Path
    out: Path

    def cables(self) -> list[str]:
        return sorted(p.stem for p in self.tei.glob("*.xml"))

    def page(self, xml_id: str) -> lxml.html.HtmlElement:
        return lxml.html.fromstring((self.out / f"{xml_id}.html").read_bytes())

    def tei_root(self, xml_id: str) -> etree._Element:
        return etree.parse(str(self.tei / f"{xml_id}.xml")).getroot()


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Site:
    out = tmp_path_factory.mktemp("context") / "site"
    pipeline.web([converted_tei], out, search=False)
    return Site(converted_tei, out)


@pytest.fixture(scope="module")
def v2_site(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Site:
    root = tmp_path_factory.mktemp("context-v2")
    tei = v2_corpus(root / "tei", converted_tei)
    pipeline.web([tei], root / "site", search=False)
    return Site(tei, root / "site")


@pytest.fixture(scope="module", params=["seeds", "v2"])
def site(request: pytest.FixtureRequest) -> Site:
    return request.getfixturevalue(f"{request.param}_site")


@dataclass(frozen=True)
class Built:
    """An edition built from the seeds with an address and its print edition; `unprinted`:
    the same, built again without printing."""

    tei: Path
    printed: Path  # the site of the build that printed
    pdfs: Path  # the print edition's folder
    unprinted: Path  # the site of the build that did not


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("context-build")
    (root / "cablegram.toml").write_text(
        f'[edition]\ntitle = "Cables"\npublisher = "The Press"\nbase_url = "{BASE_URL}"\n',
        encoding="utf-8",
    )
    edition = load_edition(root)
    tei = root / "tei"
    shutil.copytree(TEI_DIR / "authority", tei / "authority")
    printed, pdfs = root / "build" / "site", root / "build" / "print"
    result = build(SEEDS, tei, printed, pdfs, jobs=1, edition=edition)
    assert result.report.valid and result.volume is not None
    # a copy of that site, built again without printing
    unprinted = root / "again" / "site"
    shutil.copytree(root / "build", root / "again")
    build(SEEDS, tei, unprinted, None, jobs=1, edition=edition)
    return Built(tei, printed, pdfs, unprinted)


# ---------------------------------------------------------------------------- helpers


def words(node: etree._Element) -> str:
    return " ".join(node.text_content().split())


def tei_words(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def authority(tei: Path) -> dict[tuple[str, str], etree._Element]:
    """The authority entries by (kind, id)."""
    entries = {}
    for stem, kind in KINDS.items():
        root = etree.parse(str(tei / "authority" / f"{stem}.xml")).getroot()
        for entry in root.iterfind(f".//tei:{kind}", NS):
            entries[(kind, entry.get(XML_ID))] = entry
    return entries


def named(root: etree._Element, entries: dict) -> list[tuple[str, str]]:
    """The entries a document names, (kind, id), each once, in the order of its first
    mention (the first entry of each @ref)."""
    found: list[tuple[str, str]] = []
    for name in root.xpath(NAMES, namespaces=NS):
        file, _, entry = name.get("ref").split()[0].partition("#")
        key = (KINDS[Path(file).stem], entry)
        if key in entries and key not in found:
            found.append(key)
    return found


def preferred(entry: etree._Element, lang: str = "en") -> str:
    names = entry.xpath(f"tei:*[@type='preferred'][@xml:lang='{lang}']", namespaces=NS)
    return tei_words(names[0])


def coordinates(geo: str) -> str:
    """'37.97 126.55' -> '37.97° N, 126.55° E'."""
    lat, long = geo.split()
    return (
        f"{lat.lstrip('-')}° {'S' if lat.startswith('-') else 'N'}, "
        f"{long.lstrip('-')}° {'W' if long.startswith('-') else 'E'}"
    )


def panel(doc: lxml.html.HtmlElement) -> list[tuple[str, list[lxml.html.HtmlElement]]]:
    """The side panel: each kind's heading and its entries, in order."""
    asides = doc.xpath("//main//aside[contains(@class, 'context')]")
    assert len(asides) <= 1
    if not asides:
        return []
    return [(words(h3), h3.getnext().xpath("li")) for h3 in asides[0].xpath(".//h3")]


def meta(doc: lxml.html.HtmlElement, name: str) -> list[str]:
    return doc.xpath("//head/meta[@name=$n]/@content", n=name)


# ---------------------------------------------------------------------------- the panel


def test_the_panel_lists_every_entry_the_document_names_once_by_kind(site: Site) -> None:
    entries = authority(site.tei)
    problems = []
    for xml_id in site.cables():
        doc, root = site.page(xml_id), site.tei_root(xml_id)
        want = named(root, entries)
        got = panel(doc)
        # the kinds in their order (persons, places, organisations), those named only
        expected = [
            (HEADINGS[kind], [entry for k, entry in want if k == kind])
            for kind in ("person", "place", "org")
            if any(k == kind for k, _ in want)
        ]
        shown = [(heading, [li.get("data-entry") for li in items]) for heading, items in got]
        if shown != expected:
            problems.append(f"{xml_id}: {shown} != {expected}")
            continue
        for _, items in got:
            for li in items:
                href = li.xpath("a[@class='context-name']/@href")
                kind = href[0].split("-")[0] if href else ""
                if href != [f"{kind}-{li.get('data-entry')}.html"]:
                    problems.append(f"{xml_id}: {href}")
                elif not (site.out / href[0]).is_file():
                    problems.append(f"{xml_id}: {href[0]} is not in the site")
    assert not problems, problems[:10]


def test_each_entry_is_identified_from_the_authority_file(site: Site) -> None:
    """The preferred English name, the person's office, the place's coordinates, the note:
    each as the authority file says it."""
    entries = authority(site.tei)
    problems = []
    checked = {"occupation": 0, "geo": 0, "note": 0}
    for xml_id in site.cables():
        for heading, items in panel(site.page(xml_id)):
            kind = next(k for k, h in HEADINGS.items() if h == heading)
            for li in items:
                entry = entries[(kind, li.get("data-entry"))]
                shown = {
                    "name": words(li.xpath("a")[0]),
                    "occupation": [words(s) for s in li.xpath("span[@class='context-role']")],
                    "geo": [words(s) for s in li.xpath("span[@class='context-geo']")],
                    "note": [words(s) for s in li.xpath("span[@class='context-note']")],
                }
                want = {
                    "name": preferred(entry),
                    "occupation": [tei_words(o) for o in entry.findall("tei:occupation", NS)][:1],
                    "geo": [coordinates(g.text) for g in entry.findall(".//tei:geo", NS)][:1],
                    "note": [tei_words(n) for n in entry.findall("tei:note", NS)][:1],
                }
                if shown != want:
                    problems.append(f"{xml_id} {li.get('data-entry')}: {shown} != {want}")
                for key in checked:
                    checked[key] += len(want[key])
    assert not problems, problems[:5]
    assert all(checked.values()), checked  # every kind of identification was seen


def test_the_exact_panel_of_a_cable(seeds_site: Site) -> None:
    (persons, people), (places, where), (orgs, bodies) = panel(seeds_site.page(FILIPPOV))
    assert (persons, places, orgs) == ("Persons", "Places", "Organisations")
    # the sender, the addressee and the intermediary first, then as the text names them
    assert [li.get("data-entry") for li in people] == [
        "stalin",
        "mao-zedong",
        "krasovsky",
        "ridgway",
        "kim-il-sung",
        "peng-dehuai",
    ]
    assert words(people[0].xpath("a")[0]) == "Joseph Stalin"
    assert words(where[1]).startswith("Wonsan 39.15° N, 127.44° E Port on the east coast")
    assert [li.get("data-entry") for li in bodies] == ["kpa", "cpv", "un-command"]


def test_a_document_that_names_no_one_has_no_panel(seeds_site: Site, tmp_path: Path) -> None:
    tei = tmp_path / "tei"
    shutil.copytree(TEI_DIR / "authority", tei / "authority")
    root = seeds_site.tei_root(FILIPPOV)
    for name in root.xpath(NAMES, namespaces=NS):
        del name.attrib["ref"]
    etree.ElementTree(root).write(str(tei / f"{FILIPPOV}.xml"), encoding="UTF-8")
    pipeline.web([tei], tmp_path / "site", search=False)
    doc = lxml.html.fromstring((tmp_path / "site" / f"{FILIPPOV}.html").read_bytes())
    assert panel(doc) == []


def test_dates_and_names_in_the_interface_language(tmp_path: Path) -> None:
    """A person's years of birth and death, as the authority gives them (a year, a date,
    one of the two), and the names in Russian in a Russian interface."""
    tei = tmp_path / "tei"
    shutil.copytree(TEI_DIR, tei)
    persons = tei / "authority" / "persons.xml"
    tree = etree.parse(str(persons))
    lives = {"stalin": ("1878-12-18", "1953-03-05"), "mao-zedong": ("1893", None)}
    for entry_id, (born, died) in lives.items():
        entry = tree.xpath("//tei:person[@xml:id = $e]", namespaces=NS, e=entry_id)[0]
        at = entry.index(entry.find("tei:occupation", NS))
        for offset, (tag, when) in enumerate((("birth", born), ("death", died))):
            if when:
                entry.insert(at + offset, etree.Element(f"{{{NS['tei']}}}{tag}", when=when))
    tree.write(str(persons), encoding="UTF-8", xml_declaration=True)
    (tmp_path / "cablegram.toml").write_text('[edition]\nlanguage = "ru"\n', encoding="utf-8")
    pipeline.web([tei], tmp_path / "site", search=False, edition=load_edition(tmp_path))
    doc = lxml.html.fromstring((tmp_path / "site" / f"{FILIPPOV}.html").read_bytes())
    assert words(doc.xpath("//aside[@class='context']//h2")[0]) == "Упомянуты в документе"
    (persons_h, people), *_ = panel(doc)
    assert persons_h == "Лица"
    stalin, mao = people[:2]
    assert words(stalin.xpath("a")[0]) == "Иосиф Сталин"
    assert words(stalin.xpath("span[@class='context-dates']")[0]) == "(1878–1953)"
    assert words(mao.xpath("a")[0]) == "Мао Цзэдун"
    assert words(mao.xpath("span[@class='context-dates']")[0]) == "(род. 1893)"
    # the authority's own words keep their language
    assert stalin.xpath("span[@class='context-role']/@lang") == ["en"]
    # an entry without a Russian name: its English one, marked so
    english = [a for a in doc.xpath("//aside//a[@lang]")]
    assert all(a.get("lang") == "en" for a in english)


# ---------------------------------------------------------------------------- the archive


def test_the_archive_page_is_named_so(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        doc, root = site.page(xml_id), site.tei_root(xml_id)
        url = root.findtext(".//tei:sourceDesc/tei:bibl/tei:idno[@type='URL']", namespaces=NS)
        rows = doc.xpath("//section[@class='metadata']//dt[. = 'The document at the archive']")
        if not url:
            if rows:
                problems.append(f"{xml_id}: an archive page row without an address")
            continue
        dd = rows[0].getnext() if rows else None
        if dd is None or dd.xpath("a/@href") != [url.strip()]:
            problems.append(f"{xml_id}: no link to {url}")
            continue
        publisher = root.findtext(".//tei:sourceDesc/tei:bibl/tei:publisher", namespaces=NS)
        if publisher and not words(dd).startswith(f"{' '.join(publisher.split())}: "):
            problems.append(f"{xml_id}: {words(dd)!r} does not name {publisher!r}")
    assert not problems, problems


# ---------------------------------------------------------------------------- the head


def header_values(root: etree._Element) -> dict[str, list[str]]:
    """What the head's metadata should say, from the TEI header."""
    header = root.find("tei:teiHeader", NS)
    sent = "tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']"
    creators = header.xpath(
        f"{sent}/tei:persName | {sent}/tei:orgName | tei:fileDesc/tei:titleStmt/tei:author",
        namespaces=NS,
    )
    when = doc_date(root)
    day = ""
    if when is not None:
        day = next(
            (when.get(a) for a in ("when", "from", "notBefore", "notAfter") if when.get(a)),
            tei_words(when),
        )
    languages: list[str] = []
    for div in root.iterfind("tei:text/tei:body/tei:div", NS):
        if div.get(XML_LANG) not in languages:
            languages.append(div.get(XML_LANG))
    publisher = header.findtext(
        "tei:fileDesc/tei:publicationStmt/tei:publisher", namespaces=NS
    ) or header.findtext("tei:fileDesc/tei:sourceDesc/tei:bibl/tei:publisher", namespaces=NS)
    source = header.findtext("tei:fileDesc/tei:sourceDesc/tei:bibl/tei:idno[@type='URL']", "", NS)
    return {
        "title": [plain_title(header.find("tei:fileDesc/tei:titleStmt/tei:title", NS))],
        "creators": [tei_words(c) for c in creators],
        "date": [day] if day else [],
        "languages": languages,
        "publisher": [" ".join(publisher.split())] if publisher else [],
        "source": [source.strip()] if source.strip() else [],
    }


def test_the_head_carries_the_citation_metadata_of_the_header(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        doc, want = site.page(xml_id), header_values(site.tei_root(xml_id))
        got = {
            "title": meta(doc, "citation_title"),
            "creators": meta(doc, "citation_author"),
            "date": meta(doc, "citation_date"),
            "languages": meta(doc, "citation_language"),
            "publisher": meta(doc, "citation_publisher"),
            "source": meta(doc, "DC.source"),
        }
        dublin_core = {
            "title": meta(doc, "DC.title"),
            "creators": meta(doc, "DC.creator"),
            "date": meta(doc, "DC.date"),
            "languages": meta(doc, "DC.language"),
            "publisher": meta(doc, "DC.publisher"),
            "source": meta(doc, "DC.source"),
        }
        for label, values in (("citation_*", got), ("DC.*", dublin_core)):
            if values != want:
                problems.append(f"{xml_id} {label}: {values} != {want}")
        if meta(doc, "DC.identifier") != [xml_id] or meta(doc, "DC.type") != ["Text"]:
            problems.append(f"{xml_id}: DC.identifier {meta(doc, 'DC.identifier')}")
        if meta(doc, "DC.relation.isPartOf") != ["Untitled edition"]:
            problems.append(f"{xml_id}: DC.relation.isPartOf {meta(doc, 'DC.relation.isPartOf')}")
        if doc.xpath("//head/link[@rel='schema.DC']/@href") != ["http://purl.org/dc/elements/1.1/"]:
            problems.append(f"{xml_id}: no schema.DC")
        # no address of the edition, no PDF: nothing that would point nowhere
        for name in ("citation_public_url", "citation_fulltext_html_url", "citation_pdf_url"):
            if meta(doc, name):
                problems.append(f"{xml_id}: {name} {meta(doc, name)}")
        if doc.xpath("//a[@class='download-pdf']"):
            problems.append(f"{xml_id}: a link to a PDF the site does not carry")
    assert not problems, problems[:5]


def test_the_exact_head_of_a_cable(seeds_site: Site) -> None:
    doc = seeds_site.page(FILIPPOV)
    assert meta(doc, "citation_title") == ["Ciphered telegram, Filippov (Stalin) to Mao Zedong"]
    assert meta(doc, "citation_author") == ["Filippov"]
    assert meta(doc, "citation_date") == ["1951-06-30"]
    assert meta(doc, "citation_language") == ["en"]
    assert meta(doc, "citation_publisher") == ["History and Public Policy Program Digital Archive"]


def test_a_record_of_conversation_is_dated_by_its_making(v2_site: Site) -> None:
    doc = v2_site.page(MEMO)
    assert meta(doc, "citation_date") == ["1949-12-16"]
    assert meta(doc, "DC.date") == ["1949-12-16"]


# ---------------------------------------------------------------------------- the build


def test_the_pdf_is_linked_when_the_build_printed_it(built: Built) -> None:
    ids = sorted(p.stem for p in built.tei.glob("*.xml"))
    assert len(ids) == 5
    for xml_id in ids:
        doc = lxml.html.fromstring((built.printed / f"{xml_id}.html").read_bytes())
        assert doc.xpath("//a[@class='download-pdf']/@href") == [f"pdf/{xml_id}.pdf"]
        copy = built.printed / "pdf" / f"{xml_id}.pdf"
        assert copy.read_bytes() == (built.pdfs / f"{xml_id}.pdf").read_bytes()
        assert copy.read_bytes().startswith(b"%PDF")
        assert meta(doc, "citation_pdf_url") == [f"{BASE_URL}pdf/{xml_id}.pdf"]


def test_no_pdf_link_when_the_build_did_not_print(built: Built) -> None:
    assert not list((built.unprinted / "pdf").glob("*.pdf"))
    for page in sorted(built.unprinted.glob("cable-*.html")):
        doc = lxml.html.fromstring(page.read_bytes())
        assert not doc.xpath("//a[@class='download-pdf']"), page.name
        assert not meta(doc, "citation_pdf_url"), page.name


def test_the_citation_gives_the_page_address_of_the_edition(built: Built) -> None:
    for tei in sorted(built.tei.glob("*.xml")):
        xml_id = tei.stem
        url = f"{BASE_URL}{xml_id}.html"
        doc = lxml.html.fromstring((built.printed / f"{xml_id}.html").read_bytes())
        citation = doc.xpath("//p[@id='citation']")[0]
        assert words(citation.xpath("span[@class='cite-url']")[0]) == f". {url}"
        assert f"{xml_id}. {url}." in words(citation)
        assert meta(doc, "citation_public_url") == [url]
        assert meta(doc, "citation_fulltext_html_url") == [url]
        assert meta(doc, "DC.identifier") == [xml_id, url]
        assert meta(doc, "citation_publisher") == ["The Press"]  # the edition's, in its header
        assert meta(doc, "DC.relation.isPartOf") == ["Cables"]
        # the day of access: written when the page is read (edition.js), in its language
        accessed = citation.xpath("span[@class='accessed']")[0]
        assert accessed.get("hidden") is not None and accessed.get("data-template") == (
            "accessed {1}"
        )
        passage = doc.xpath("//div[@id='cite-passage']/@data-page-url")
        assert passage in ([], [url])


def test_an_edited_authority_entry_reaches_the_pages_at_the_next_build(tmp_path: Path) -> None:
    """The panel shows the authority files as they are: a build after a note was edited
    makes the pages again, though no document changed."""
    tei, site = tmp_path / "tei", tmp_path / "site"
    shutil.copytree(TEI_DIR / "authority", tei / "authority")
    build(SEEDS, tei, site, None, jobs=1)
    persons = tei / "authority" / "persons.xml"
    tree = etree.parse(str(persons))
    note = tree.xpath("//tei:person[@xml:id = 'stalin']/tei:note", namespaces=NS)[0]
    note.text = "A note edited since the last build."
    tree.write(str(persons), encoding="UTF-8", xml_declaration=True)
    build(SEEDS, tei, site, None, jobs=1)
    doc = lxml.html.fromstring((site / f"{FILIPPOV}.html").read_bytes())
    stalin = doc.xpath("//aside//li[@data-entry = 'stalin']")[0]
    assert words(stalin.xpath("span[@class='context-note']")[0]) == note.text


# ---------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium (/usr/bin/chromium) is not installed")
    from test_web_browser import launched

    with launched() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def served(built: Built) -> Iterator[str]:
    from test_web_browser import _server

    with _server(built.printed) as base:
        yield base


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    return page, errors


@pytest.mark.parametrize("name", [KAIDZIO, FILIPPOV, "cable-1951-07-03-21404-mao-zedong"])
def test_no_sideways_scrolling_at_390_px(browser, served: str, name: str) -> None:
    page, errors = _open(browser, f"{served}{name}.html", 390)
    assert page.locator("aside.context").is_visible()
    wide = page.evaluate("document.scrollingElement.scrollWidth")
    assert wide <= 390, f"{name} is {wide}px wide at 390px"
    # below the metadata, above the text
    metadata = page.locator("section.metadata").bounding_box()
    aside = page.locator("aside.context").bounding_box()
    versions = page.locator("div.versions").bounding_box()
    assert metadata and aside and versions
    assert aside["y"] >= metadata["y"] + metadata["height"] - 1
    assert versions["y"] >= aside["y"] + aside["height"] - 1
    # closed there (edition.js), its heading opens it
    assert not page.evaluate("document.querySelector('aside.context details').open")
    page.locator("aside.context summary").click()
    assert page.evaluate("document.querySelector('aside.context details').open")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert not errors, errors
    page.close()


def test_the_panel_stands_beside_the_text_on_a_wide_screen(browser, served: str) -> None:
    page, errors = _open(browser, f"{served}{KAIDZIO}.html", 1400)
    aside = page.locator("aside.context").bounding_box()
    versions = page.locator("div.versions").bounding_box()
    title = page.locator("article.cable h1").bounding_box()
    assert aside and versions and title
    assert aside["x"] >= versions["x"] + versions["width"]  # beside, on the right
    assert aside["y"] < versions["y"]  # from the top of the document
    assert versions["width"] > 900  # the text keeps the most of the width
    assert page.evaluate("document.querySelector('aside.context details').open")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 1400
    assert not errors, errors
    page.close()


def test_the_citation_says_when_it_was_accessed(browser, served: str) -> None:
    """Today, in the page's language; a passage's citation gives the passage's address."""
    page, errors = _open(browser, f"{served}{KAIDZIO}.html#translation-p2", 1400)
    today = page.evaluate(
        "new Date().toLocaleDateString('en', {year: 'numeric', month: 'long', day: 'numeric'})"
    )
    assert str(date.today().year) in today
    citation = " ".join(page.locator("#citation").inner_text().split())
    url = f"{BASE_URL}{KAIDZIO}.html"
    assert f"{KAIDZIO}. {url}, accessed {today}." in citation
    passage = " ".join(page.locator("#passage-citation").inner_text().split())
    assert re.search(
        rf"{KAIDZIO}\. Passage translation-p2: {re.escape(url)}#translation-p2, "
        rf"accessed {re.escape(today)}\. https?://",
        passage,
    ), passage
    assert passage.startswith(citation.split(f"{KAIDZIO}.")[0])
    assert not errors, errors
    page.close()


def test_the_day_of_access_in_a_russian_interface(browser, tmp_path: Path) -> None:
    from test_web_browser import _server

    tei = tmp_path / "tei"
    shutil.copytree(TEI_DIR, tei)
    (tmp_path / "cablegram.toml").write_text('[edition]\nlanguage = "ru"\n', encoding="utf-8")
    pipeline.web([tei], tmp_path / "site", search=False, edition=load_edition(tmp_path))
    with _server(tmp_path / "site") as base:
        page, errors = _open(browser, f"{base}{FILIPPOV}.html", 1400)
        today = page.evaluate(
            "new Date().toLocaleDateString('ru', {year: 'numeric', month: 'long', day: 'numeric'})"
        )
        citation = " ".join(page.locator("#citation").inner_text().split())
        assert f"{FILIPPOV}, дата обращения: {today.removesuffix('.')}." in citation
        assert ".." not in citation
        assert not errors, errors
        page.close()
