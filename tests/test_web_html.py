"""The web edition, read as HTML: every phenomenon of the encoding guide shows on the page.

The seeds and the test variants are converted and rendered once for the module (without
the search index), and again beside the spec's example of encoding v2
(tests/fixtures/v2-example.xml: a record of conversation holding every new element); the
tests that hold for any corpus run on both sites (fixture ``site``), those of a v2 element
on the second (``v2_site``). The assertions are XPath queries on the generated pages,
parsed with lxml.html. Where a fact can be derived from the TEI (counts, names,
languages), it is, so every cable is checked; hand-picked cables pin down the exact
rendering of each convention (``Kaidzio [sic; possibly Kaesong][?]``, ``G[roup?]``,
``[illegible signature]`` ...).

What a reader sees in a view is computed by ``shown()``: popups, screen-reader-only text and
the other view's material (class ``dipl`` or ``read``) are dropped, ``<br>`` becomes a line
break. The browser tests (test_web_browser.py) check the same views with the real CSS.
"""

from __future__ import annotations

import copy
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.render.web import render_site
from conftest import SHARED, TEI_ALL_RNG, TEI_DIR, manifest

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ENCODING_MD = SHARED / "ENCODING.md"
ENTITY_PAGES = {"persons": "persons.html", "places": "places.html", "orgs": "orgs.html"}
BREAK = "\ue000"  # stands for <br> while whitespace is collapsed

# Cables that carry a phenomenon (xml:ids written by the converter from seeds and variants).
KAIDZIO = "cable-1951-06-30-21340-mao-zedong"  # seed 000: scan + translation, everything
THREE_COPIES = "cable-1951-06-30-21336-mao-zedong"  # seed 001: three archival copies
VIA_KRASOVSKY = "cable-1951-07-04-3965-filippov"  # v02: "via Krasovsky"
ILLEGIBLE = "cable-1951-08-06-23306-mao-zedong"  # v16: G[roup?], [Zheng?], [illegible signature]
FOOTNOTE = "cable-1951-07-16-1624-razuvaev"  # v07: footnote, Ed. note, divisions [?]
ED_NOTE = "cable-1951-07-14-mao-zedong"  # v10: [Ed. note: ...] and a footnote
TRANSLATOR_NOTE = "cable-1951-08-25-17493-gromyko"  # v14: [Translator's note: ...]
BARE_SIC = "cable-1951-08-03-23220-krasovsky"  # v09: Yalou [sic], […]
TRUNCATED = "cable-1951-07-20-22510-razuvaev"  # v03: partial page, [...]
# v05, by its source (its id is the converter's: a report): German original, stamp block (ab)
GDR = "v05_markdown_german_gdr_report"
TELEGRAMS = "cable-1951-07-11-21680-mao-dong"  # seed 004: four quoted telegrams
V2_EXAMPLE = Path(__file__).parent / "fixtures" / "v2-example.xml"
MEMO = "memorandum-1949-12-16-stalin"  # its id
AUTHORITY_KINDS = {"persons": "person", "places": "place", "orgs": "org"}


# ---------------------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class Site:
    tei: Path  # the converted TEI files (and authority/)
    out: Path  # the rendered site
    sources: dict[str, str]  # source file stem -> xml:id

    def cables(self) -> list[str]:
        return sorted(p.stem for p in self.tei.glob("*.xml"))

    def pages(self) -> list[Path]:
        return sorted(self.out.glob("*.html"))


def v2_corpus(target: Path, converted_tei: Path, example: Path = V2_EXAMPLE) -> Path:
    """A TEI directory (`target`) holding the converted documents, the authority files and
    the v2 example (`example`), named by its id; the authority gets a bare entry for each
    name of the example it does not know yet (so that every link of the site resolves)."""
    shutil.copytree(converted_tei, target)
    root = etree.parse(str(example)).getroot()
    shutil.copy(example, target / f"{root.get(XML_ID)}.xml")
    for name in root.xpath("//*[@ref]"):
        file, _, entry = name.get("ref").split()[0].partition("#")
        path = target / file
        authority = etree.parse(str(path))
        if authority.xpath("//*[@xml:id=$e]", e=entry):
            continue
        kind = AUTHORITY_KINDS[path.stem]
        holder = authority.find(f".//tei:list{kind.capitalize()}", NS)
        added = etree.SubElement(holder, f"{{{NS['tei']}}}{kind}", {XML_ID: entry})
        for lang in ("en", "ru"):
            form = etree.SubElement(added, name.tag, type="preferred")
            form.set(XML_LANG, lang)
            form.text = tei_text(name)
        authority.write(str(path), encoding="UTF-8", xml_declaration=True)
    return target


@pytest.fixture(scope="module")
def seeds_site(
    tmp_path_factory: pytest.TempPathFactory,
    converted: dict[str, pipeline.Converted],
    converted_tei: Path,
) -> Site:
    out = tmp_path_factory.mktemp("web-html") / "site"
    pipeline.web([converted_tei], out, search=False)
    sources = {r.source.stem: r.xml_id for r in converted.values() if r.xml_id}
    return Site(converted_tei, out, sources)


@pytest.fixture(scope="module")
def v2_site(
    tmp_path_factory: pytest.TempPathFactory,
    converted: dict[str, pipeline.Converted],
    converted_tei: Path,
) -> Site:
    """The converted documents (v1: no text/@type) and the v2 example, in one site."""
    root = tmp_path_factory.mktemp("web-html-v2")
    tei_dir = v2_corpus(root / "tei", converted_tei)
    pipeline.web([tei_dir], root / "site", search=False)
    sources = {r.source.stem: r.xml_id for r in converted.values() if r.xml_id}
    return Site(tei_dir, root / "site", sources)


@pytest.fixture(scope="module", params=["seeds", "v2"])
def site(request: pytest.FixtureRequest) -> Site:
    """Each site in turn: what holds for any corpus is checked on both."""
    return request.getfixturevalue(f"{request.param}_site")


@cache
def _parse_html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


@cache
def _parse_tei(path: Path) -> etree._Element:
    return etree.parse(str(path)).getroot()


def page(site: Site, name: str) -> lxml.html.HtmlElement:
    """A page of the site by file name (``index.html``) or cable id."""
    return _parse_html(site.out / (name if name.endswith(".html") else f"{name}.html"))


def tei(site: Site, xml_id: str) -> etree._Element:
    return _parse_tei(site.tei / f"{xml_id}.xml")


# ---------------------------------------------------------------------------- helpers


def has_class(name: str) -> str:
    """XPath predicate: the element has class `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def one(root, path: str, **variables):
    found = root.xpath(path, **variables)
    assert len(found) == 1, f"{path}: {len(found)} matches"
    return found[0]


def text(element) -> str:
    """All the text of an element (popups included), whitespace collapsed."""
    return " ".join(element.text_content().split())


def shown(element, mode: str = "reading") -> str:
    """The text a reader sees in a view: no popups, no screen-reader-only text, no ¶ anchors
    nor "cite" links (shown on hover and focus), nothing of the other view; ``<br>`` is a
    newline."""
    clone = copy.deepcopy(element)
    other = {"reading": "dipl", "diplomatic": "read"}[mode]
    hidden = (
        f".//*[{has_class('popup')} or {has_class('sr-only')} or {has_class('anchor')}"
        f" or {has_class('cite-link')} or {has_class(other)}]"
    )
    for node in clone.xpath(hidden):
        if node.getparent() is not None:
            node.drop_tree()
    for br in clone.iter("br"):
        br.tail = BREAK + (br.tail or "")
    return (
        " ".join(clone.text_content().split())
        .replace(f" {BREAK}", BREAK)
        .replace(f"{BREAK} ", BREAK)
        .replace(BREAK, "\n")
    )


def tei_text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def version(doc, vid: str):
    return one(doc, "//section[@data-version=$v]", v=vid)


def ids(doc) -> set[str]:
    return set(doc.xpath("//@id"))


# The columns of the index, in order.
COLUMNS = ["Date", "Type", "No.", "Parties", "Summary", "Languages"]
CORRESPONDENCE = {"cable", "letter", "report", "decree"}  # dated when sent, "A → B"


def cell(row, column: str):
    """A cell of a row of the index, by its column's heading."""
    return row.xpath("td")[COLUMNS.index(column)]


def doc_type(root: etree._Element) -> str:
    """text/@type; a v1 document, without one, is a cable."""
    return root.xpath("string(tei:text/@type)", namespaces=NS) or "cable"


def doc_date(root: etree._Element) -> etree._Element | None:
    """The document's date (spec-v2): the sent date of correspondence, the date of creation
    of the other types, either one when the other is missing."""
    sent = root.find("tei:teiHeader//tei:correspAction[@type='sent']/tei:date", NS)
    created = root.find("tei:teiHeader/tei:profileDesc/tei:creation/tei:date", NS)
    first, other = (sent, created) if doc_type(root) in CORRESPONDENCE else (created, sent)
    return first if first is not None else other


# A reader's name of each document type: alone (the Type column, the filter) and in the
# plural ("44 ciphered telegrams").
TYPE_NAMES = {
    "cable": ("Ciphered telegram", "ciphered telegrams"),
    "letter": ("Letter", "letters"),
    "report": ("Report", "reports"),
    "memorandum": ("Record of conversation", "records of conversation"),
    "telcon": ("Telephone conversation", "telephone conversations"),
    "minutes": ("Minutes", "minutes"),
    "journal": ("Journal", "journals"),
    "decree": ("Decree", "decrees"),
    "statement": ("Statement", "statements"),
    "other": ("Other document", "other documents"),
}


def types_in_words(roots: list[etree._Element]) -> str:
    """What the index's introduction says of the documents' types: " (44 ciphered
    telegrams, 1 record of conversation)", the most frequent first; nothing when all are
    of one type."""
    counts = Counter(doc_type(root) for root in roots)
    if len(counts) < 2:
        return ""
    parts = []
    for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        label, plural = TYPE_NAMES[kind]
        parts.append(f"{count} {plural if count != 1 else label[0].lower() + label[1:]}")
    return f" ({', '.join(parts)})"


def date_start(date: etree._Element | None) -> str:
    """Where a date stands in time: its @when, or the start of its span or bounds ("" for
    none)."""
    if date is None:
        return ""
    return next((date.get(a) for a in ("when", "from", "notBefore", "notAfter") if date.get(a)), "")


# ---------------------------------------------------------------------------- every page


def test_site_has_one_page_per_cable_and_the_corpus_pages(site: Site) -> None:
    names = {p.name for p in site.pages()}
    assert {f"{c}.html" for c in site.cables()} <= names
    corpus = {
        "index.html",
        "chronology.html",
        "principles.html",
        "search.html",
        *ENTITY_PAGES.values(),
    }
    assert corpus <= names
    entries = {
        entity_target(ref)[0]
        for c in site.cables()
        for ref in tei(site, c).xpath("//@ref[contains(., 'authority/')]")
    }
    assert len(names) == len(site.cables()) + len(corpus) + len(entries)


def test_every_page_is_html5_with_lang_and_landmarks(site: Site) -> None:
    problems = []
    for path in site.pages():
        doc = page(site, path.name)
        checks = {
            "HTML5 doctype": path.read_text(encoding="utf-8")
            .lstrip()
            .startswith("<!DOCTYPE html>"),
            "<html lang>": bool((doc.get("lang") or "").strip()),
            "one <title>": len(doc.xpath("/html/head/title[normalize-space()]")) == 1,
            "charset": bool(doc.xpath("//meta[@charset or @http-equiv='Content-Type']")),
            "viewport": bool(doc.xpath("//meta[@name='viewport']")),
            "one <main>": len(doc.xpath("//main")) == 1,
            "<header>": len(doc.xpath("//body/header")) == 1,
            "<nav>": len(doc.xpath("//header//nav[@aria-label]")) == 1,
            "<footer>": len(doc.xpath("//body/footer")) == 1,
            "one <h1> in main": len(doc.xpath("//main//h1")) == 1,
            "skip link to main": bool(doc.xpath("//a[@href=concat('#', //main/@id)]")),
        }
        problems += [f"{path.name}: {name}" for name, ok in checks.items() if not ok]
        duplicates = {i for i in doc.xpath("//@id") if len(doc.xpath("//*[@id=$i]", i=i)) > 1}
        if duplicates:
            problems.append(f"{path.name}: duplicate ids {sorted(duplicates)}")
    assert not problems, problems


def test_navigation_marks_the_current_page(site: Site) -> None:
    for name in ["index.html", "persons.html", "principles.html", "search.html"]:
        current = page(site, name).xpath("//nav//a[@aria-current='page']/@href")
        assert current == [name], name


def source_urls(site: Site) -> set[str]:
    urls = set()
    for xml_id in site.cables():
        urls |= set(
            tei(site, xml_id).xpath("//tei:sourceDesc//tei:idno[@type='URL']", namespaces=NS)
        )
    return {u.text.strip() for u in urls}


EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def authority_urls(site: Site) -> set[str]:
    """The addresses an entry's ids and coordinates make: Wikidata, VIAF, OpenStreetMap."""
    urls = set()
    for path in sorted((site.tei / "authority").glob("*.xml")):
        doc = etree.parse(str(path))
        for qid in doc.xpath("//tei:idno[@type='wikidata']/text()", namespaces=NS):
            urls.add(f"https://www.wikidata.org/wiki/{qid.strip()}")
        for viaf in doc.xpath("//tei:idno[@type='VIAF' or @type='viaf']/text()", namespaces=NS):
            urls.add(f"https://viaf.org/viaf/{viaf.strip()}")
        for geo in doc.xpath("//tei:location/tei:geo/text()", namespaces=NS):
            lat, lon = (str(float(n)).removesuffix(".0") for n in geo.split())
            urls.add(f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=10/{lat}/{lon}")
    return urls


def test_no_reference_to_another_host(site: Site) -> None:
    """Only <a href> to the archive's own page of a cable, and to an authority entry's
    Wikidata, VIAF and OpenStreetMap pages, may point off the site; and what no browser
    fetches: the head's metadata (<meta content>: the archive's page in DC.source) and the
    name of the Dublin Core schema (<link rel="schema.DC">)."""
    allowed = source_urls(site) | authority_urls(site)
    problems = []
    for path in site.pages():
        doc = page(site, path.name)
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute, value in element.attrib.items():
                if not EXTERNAL.match(value) and not re.search(
                    r"url\(\s*['\"]?(https?:)?//", value
                ):
                    continue
                if element.tag == "a" and attribute == "href" and value in allowed:
                    continue
                if element.tag == "meta" and attribute == "content":
                    continue
                if element.tag == "link" and element.get("rel") == "schema.DC":
                    continue
                problems.append(f"{path.name}: <{element.tag} {attribute}={value!r}>")
        for element in doc.xpath(
            "//link[@href][not(@rel = 'schema.DC')] | //script[@src] | //img | //iframe | //object"
        ):
            value = element.get("href") or element.get("src") or element.get("data") or ""
            if value.startswith(("http:", "https:", "//")) or element.tag in ("iframe", "object"):
                problems.append(f"{path.name}: <{element.tag}> {value!r}")
        for style in doc.xpath("//style/text()"):
            if re.search(r"(https?:)?//", style):
                problems.append(f"{path.name}: <style> refers to a URL")
    for asset in (site.out / "assets").rglob("*"):
        if asset.suffix in (".css", ".js"):
            content = asset.read_text(encoding="utf-8")
            if re.search(r"url\(\s*['\"]?(https?:)?//|@import|https?://", content):
                problems.append(f"assets/{asset.name} refers to a URL")
    assert not problems, problems


def test_every_internal_link_resolves(site: Site) -> None:
    """Names, passages, footnotes, anchors, navigation, downloads: file and #id exist."""
    problems = []
    for path in site.pages():
        doc = page(site, path.name)
        for href in doc.xpath("//a/@href | //link/@href | //script/@src"):
            if EXTERNAL.match(href) or href.startswith(("data:", "mailto:")):
                continue
            parts = urlsplit(href)
            target = (site.out / unquote(parts.path)) if parts.path else path
            if not target.is_file():
                problems.append(f"{path.name}: {href} (no such file)")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and parts.fragment not in ids(page(site, target.name))
            ):
                problems.append(f"{path.name}: {href} (no such id)")
    assert not problems, problems[:20]


# ---------------------------------------------------------------------------- metadata panel


ARCHIVE = "The document at the archive"  # the label of the row of the archive's page


def metadata(doc) -> dict[str, object]:
    """The metadata panel as {label: dd element}."""
    panel = one(doc, "//main//section[" + has_class("metadata") + "]")
    return {" ".join(dt.text_content().split()): dt.getnext() for dt in panel.xpath(".//dl/dt")}


def plain_title(element: etree._Element) -> str:
    """A TEI title with identifications and supplied words in brackets, as the archive
    writes it."""
    parts = [element.text or ""]
    for child in element:
        local = etree.QName(child).localname
        if local == "note" and child.get("type") == "identification":
            parts.append(f" [{tei_text(child)}]")
        elif local == "supplied":
            parts.append(f"[{tei_text(child)}{'?' if child.get('cert') == 'low' else ''}]")
        else:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split()).replace(" ]", "]")


def test_metadata_panel_of_every_cable(site: Site) -> None:
    problems: list[str] = []
    for xml_id in site.cables():
        doc, root = page(site, xml_id), tei(site, xml_id)
        header = root.find("tei:teiHeader", NS)
        panel = metadata(doc)

        def check(label: str, ok: bool, detail: object = "", xml_id: str = xml_id) -> None:
            if not ok:
                problems.append(f"{xml_id}: {label} {detail}")

        title = plain_title(header.find("tei:fileDesc/tei:titleStmt/tei:title", NS))
        check("h1", shown(one(doc, "//main//h1")) == title, (shown(doc.xpath("//h1")[0]), title))
        check("<title>", title in doc.findtext(".//title"), doc.findtext(".//title"))
        date = doc_date(root)
        if date is not None and date.get("when"):
            check(
                "Date",
                panel.get("Date") is not None
                and panel["Date"].xpath(".//time/@datetime") == [date.get("when")],
            )
        elif date is not None:
            check("Date", tei_text(date) in shown(panel["Date"]), shown(panel["Date"]))
        else:
            check("Date", shown(panel["Date"]) == "Undated", shown(panel["Date"]))
        number = header.findtext(".//tei:correspAction[@type='sent']/tei:idno", namespaces=NS)
        if number:
            check("Number", "Number" in panel and text(panel["Number"]) == number)
        for label, kind in [("From", "sent"), ("To", "received"), ("Via", "transmitted")]:
            actions = header.findall(f".//tei:correspAction[@type='{kind}']", NS)
            names = [n for a in actions for n in a.xpath("tei:persName|tei:orgName", namespaces=NS)]
            check(label, (label in panel) == bool(names), "present" if label in panel else "absent")
            if label in panel:
                shown_text = shown(panel[label])
                for name in names:
                    check(label, tei_text(name) in shown_text, (tei_text(name), shown_text))
                    if name.get("ref"):
                        target, entity = entity_target(name.get("ref"))
                        check(
                            f"{label} link",
                            bool(panel[label].xpath(".//a[@href=$h]", h=target)),
                            entity,
                        )
                for note in [n for a in actions for n in a.findall("tei:note", NS)]:
                    check(label, f"[{tei_text(note)}]" in shown_text, shown_text)
        copies = header.xpath(".//tei:msIdentifier | .//tei:altIdentifier", namespaces=NS)
        if copies:
            lines = (
                panel["Archival references"].xpath(".//li")
                if "Archival references" in panel
                else []
            )
            check(
                "one line per archival copy", len(lines) == len(copies), (len(lines), len(copies))
            )
            for line, copy_ in zip(lines, copies, strict=False):
                repository = copy_.findtext("tei:repository", namespaces=NS)
                check("repository", text(line).startswith(repository), (text(line), repository))
        url = header.findtext(".//tei:sourceDesc/tei:bibl/tei:idno[@type='URL']", namespaces=NS)
        if url:
            check("archive", ARCHIVE in panel and panel[ARCHIVE].xpath(".//a/@href") == [url])
        else:
            check("no archive page", ARCHIVE not in panel)
        translator = header.xpath(
            ".//tei:titleStmt/tei:respStmt[@xml:id='translator']/tei:persName", namespaces=NS
        )
        if translator:
            names = [tei_text(name) for name in translator]
            who = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
            check("Translator", "Translator" in panel and text(panel["Translator"]) == who)
        funder = header.find(".//tei:titleStmt/tei:funder", NS)
        if funder is not None:
            check("Credits", "Credits" in panel and text(panel["Credits"]) == tei_text(funder))
        abstract = " ".join(header.xpath("string(.//tei:abstract)", namespaces=NS).split())
        summary = doc.xpath(
            "//section[" + has_class("metadata") + "]//*[" + has_class("summary") + "]"
        )
        if abstract:
            shown_summary = " ".join(text(s) for s in summary)
            check("Summary", shown_summary == abstract, shown_summary)
        else:
            check("no empty Summary", not [s for s in summary if not text(s)])
    assert not problems, problems


def test_metadata_panel_exact_rendering(site: Site) -> None:
    panel = metadata(page(site, KAIDZIO))
    assert text(panel["Date"]) == "June 30, 1951"
    assert text(panel["Number"]) == "21340"
    assert shown(panel["From"]) == "Mao Zedong"
    assert shown(panel["To"]) == "Filippov [Stalin]"
    assert panel["To"].xpath(".//a/@href") == ["person-stalin.html"]
    assert text(panel["Translator"]) == "Gary Goldberg"
    assert "Leon Levy Foundation" in text(panel["Credits"])
    assert panel[ARCHIVE].xpath(".//a/@href") == [
        "https://wilson-center.drivingcreative.com/document/119390"
    ]
    copies = [
        text(li) for li in metadata(page(site, THREE_COPIES))["Archival references"].xpath(".//li")
    ]
    assert copies == [
        "APRF, f. 45, op. 1, d. 339, l. 92",
        "AVP RF, f. 059a, op. 5a, d. 4, p. 11, l. 11",
        "RGASPI, f. 558, op. 11, d. 339, ll. 0092",
    ]
    via = metadata(page(site, VIA_KRASOVSKY))
    assert shown(via["Via"]) == "Krasovsky"
    assert via["Via"].xpath(".//a/@href") == ["person-krasovsky.html"]


@pytest.mark.parametrize("stem", sorted(manifest()))
def test_parties_of_each_variant_as_the_manifest_says(site: Site, stem: str) -> None:
    """Sender, addressee and intermediaries in the panel and the index: names only (the
    subject of a title, "on the Armistice Negotiations", is not an addressee)."""
    facts = manifest()[stem]
    xml_id = site.sources[stem]
    panel = metadata(page(site, xml_id))
    persons = f".//*[{has_class('name')}][not({has_class('placeName')})]"
    assert [shown(n) for n in panel["From"].xpath(persons)] == [facts["sender"]]
    assert [shown(n) for n in panel["To"].xpath(persons)] == [facts["addressee"]]
    for intermediary in facts["intermediaries"]:
        assert intermediary.lower() in shown(panel["Via"]).lower()
    row = one(page(site, "index.html"), "//tbody/tr[.//a[@href=$h]]", h=f"{xml_id}.html")
    parties = " ".join(re.sub(r"\[[^\]]*\]", "", shown(cell(row, "Parties"))).split())
    assert parties == f"{facts['sender']} → {facts['addressee']}"


# ---------------------------------------------------------------------------- versions


def test_versions_side_by_side_each_with_its_language(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        doc = page(site, xml_id)
        divs = tei(site, xml_id).xpath("/tei:TEI/tei:text/tei:body/tei:div", namespaces=NS)
        sections = doc.xpath("//main//div[" + has_class("versions") + "]/section")
        got = [(s.get("lang"), s.get("data-version"), s.get("class")) for s in sections]
        want = [
            (d.get(XML_LANG), "-".join(filter(None, [d.get("type"), d.get("subtype")])))
            for d in divs
        ]
        if [(lang, vid) for lang, vid, _ in got] != want:
            problems.append(f"{xml_id}: {got} != {want}")
            continue
        for section, div in zip(sections, divs, strict=True):
            if (
                div.get("type") not in section.get("class").split()
                or "version" not in section.get("class").split()
            ):
                problems.append(f"{xml_id}: class {section.get('class')}")
            if section.get("id") != section.get("data-version"):
                problems.append(f"{xml_id}: id {section.get('id')}")
            heading = section.xpath("h2")
            if not heading or heading[0].get("lang") != "en" or not text(heading[0]):
                problems.append(f"{xml_id}: no English heading in {section.get('id')}")
        radios = doc.xpath("//input[@name='show']/@value")
        if radios != (["all", *[vid for _, vid in want]] if len(want) > 1 else []):
            problems.append(f"{xml_id}: version control {radios}")
        modes = doc.xpath("//input[@name='mode']/@value")
        if modes != ["reading", "diplomatic"]:
            problems.append(f"{xml_id}: view control {modes}")
    assert not problems, problems


def test_language_of_the_versions(site: Site) -> None:
    assert [s.get("lang") for s in page(site, KAIDZIO).xpath("//section[@data-version]")] == [
        "ru",
        "en",
    ]
    assert [
        s.get("lang") for s in page(site, site.sources[GDR]).xpath("//section[@data-version]")
    ] == [
        "de",
        "en",
    ]


# ---------------------------------------------------------------------------- structure


def count_pairs(site: Site) -> dict[str, tuple[str, str]]:
    """Each phenomenon: its TEI elements in the text, and their renderings in the versions
    (not in the title or the metadata panel, which the header's own markup fills)."""
    cls = has_class
    versions = "//section[@data-version]"
    return {
        "opener": ("//tei:text//tei:opener", f"//main//div[{cls('opener')}]"),
        "closer": ("//tei:text//tei:closer", f"//main//div[{cls('closer')}]"),
        "distribution": (
            "//tei:text//tei:list[@type='distribution']",
            "//ul[" + cls("distribution") + "]",
        ),
        "received line": (
            "//tei:text//tei:opener/tei:dateline",
            f"//div[{cls('opener')}]/*[{cls('dateline')}]",
        ),
        "series": ("//tei:text//tei:seg[@type='series']", f"//*[{cls('series')}]"),
        "salute": ("//tei:text//tei:salute", f"//*[{cls('salute')}]"),
        "paragraph": ("//tei:text//tei:p", "//section[@data-version]//p"),
        "numbered point": (
            "//tei:text//tei:list[not(@type='distribution' or @type='participants'"
            " or @type='contents' or @rend='dash' or @rend='bullet')]/tei:item",
            f"//ol[{cls('points')}]/li",
        ),
        "contents entry": (
            "//tei:text//tei:list[@type='contents']/tei:item",
            f"//ul[{cls('contents')}]/li",
        ),
        "dashed point": (
            "//tei:text//tei:list[@rend='dash' or @rend='bullet']/tei:item",
            f"//ul[{cls('points')} and ({cls('dash')} or {cls('bullet')})]/li",
        ),
        "participant in the text": (
            "//tei:text//tei:list[@type='participants']/tei:item",
            f"//section[@data-version]//ul[{cls('participants')}]/li",
        ),
        "list label": ("//tei:text//tei:list/tei:head", f"//*[{cls('list-head')}]"),
        "section heading": (
            "//tei:text//tei:div[@type='section']/tei:head",
            f"//section[{cls('section')}]/*[{cls('head')}]",
        ),
        "speaker": ("//tei:text//tei:sp/tei:speaker", f"//*[{cls('sp')}]/*[{cls('speaker')}]"),
        "letter-spacing": (
            "//tei:text//tei:hi[@rend='letterspaced']",
            f"//*[{cls('letterspaced')}]",
        ),
        "separator or end mark": (
            "//tei:text//tei:milestone",
            f"//*[{cls('milestone')}][@role='separator']",
        ),
        "later hand": ("//tei:text//tei:add", f"//*[{cls('intervention')} and {cls('add')}]"),
        "expansion": (
            "//tei:text//tei:choice[tei:abbr and tei:expan]",
            f"//*[{cls('intervention')} and {cls('expansion')}]",
        ),
        "original wording": (
            "//tei:text//tei:note[@type='original-wording']",
            f"//*[{cls('intervention')} and {cls('original-wording')}]",
        ),
        "explanation": (
            "//tei:text//tei:note[@type='editorial'][@place='inline']",
            f"//*[{cls('intervention')} and {cls('explanation')}]",
        ),
        "typed stamp": ("//tei:text//tei:stamp[@type]", f"//*[{cls('stamp-type')}]"),
        "copy number": (
            "//tei:text//tei:num[@type='copy']",
            f"//*[{cls('number')} and {cls('copy')}]",
        ),
        "telegram": (
            "//tei:text//tei:quote[tei:floatingText]",
            "//section[@data-version]//blockquote",
        ),
        "signed": ("//tei:text//tei:signed", f"//*[{cls('signed')}]"),
        "clerk note": ("//tei:text//tei:note[@type='clerk']", f"//*[{cls('clerk')}]"),
        "stamp": ("//tei:text//tei:stamp", f"//*[{cls('stamp')}]"),
        "sic and corr": (
            "//tei:text//tei:choice[tei:sic and tei:corr]",
            f"{versions}//*[{cls('intervention')} and {cls('correction')}]",
        ),
        "sic": (
            "//tei:text//tei:sic[not(parent::tei:choice)]",
            f"{versions}//*[{cls('intervention')} and {cls('sic')}]",
        ),
        "unclear": (
            "//tei:text//tei:unclear",
            f"{versions}//*[{cls('intervention')} and {cls('unclear')}]",
        ),
        "supplied": (
            "//tei:text//tei:supplied",
            f"{versions}//*[{cls('intervention')} and {cls('supplied')}]",
        ),
        "identification": (
            "//tei:text//tei:note[@type='identification']",
            f"//section[@data-version]//*[{cls('intervention')} and {cls('identification')}]",
        ),
        "gap": ("//tei:text//tei:gap", f"{versions}//*[{cls('intervention')} and {cls('gap')}]"),
        "note": (
            "//tei:text//tei:note[@type='editorial' or @type='translator']"
            "[not(@place='foot' or @place='inline')]",
            f"//*[{cls('note')}]",
        ),
        "footnote": ("//tei:text//tei:note[@place='foot']", f"//aside[{cls('footnotes')}]//li"),
        "sheet turn": ("//tei:text//tei:pb", f"//*[{cls('pb')}]"),
        "forme work": ("//tei:text//tei:fw", f"//*[{cls('fw')}]"),
        "hyphenated line end": (
            "//tei:text//tei:lb[@break='no'][not(@ed)]",
            f"//*[{cls('hyphen')}]",
        ),
    }


def test_every_encoded_phenomenon_is_rendered_once(site: Site) -> None:
    """For each cable and each phenomenon, as many HTML renderings as TEI elements."""
    problems = []
    pairs = count_pairs(site)
    for xml_id in site.cables():
        root, doc = tei(site, xml_id), page(site, xml_id)
        for name, (tei_path, html_path) in pairs.items():
            want, got = len(root.xpath(tei_path, namespaces=NS)), len(doc.xpath(html_path))
            if want != got:
                problems.append(f"{xml_id}: {name}: {got} in the HTML, {want} in the TEI")
    assert not problems, problems


def test_every_phenomenon_occurs_in_the_test_corpus(v2_site: Site) -> None:
    """Guard: the rendering tests above are not vacuous."""
    site = v2_site
    pairs = count_pairs(site)
    missing = [
        name
        for name, (tei_path, _) in pairs.items()
        if not any(tei(site, c).xpath(tei_path, namespaces=NS) for c in site.cables())
    ]
    assert not missing


def test_opener_furniture(site: Site) -> None:
    scan = version(page(site, KAIDZIO), "original-scan")
    opener = one(scan, "./div[" + has_class("opener") + "]")
    assert shown(one(opener, "./*[" + has_class("office") + "]")) == (
        "ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ ГЕНШТАБА СОВЕТСКОЙ АРМИИ"
    )
    assert shown(one(opener, "./*[" + has_class("doctype") + "]")) == "ШИФРТЕЛЕГРАММА № 21340"
    handling = [shown(h) for h in opener.xpath("./*[" + has_class("handling") + "]")]
    assert "НЕ СЕКРЕТНО" in handling
    distribution = [shown(li) for li in opener.xpath(".//ul[" + has_class("distribution") + "]/li")]
    assert len(distribution) == 18 and distribution[0] == "Экз. № 1 Тов. Сталину"
    assert "получена" in shown(one(opener, "./*[" + has_class("dateline") + "]"))
    assert shown(one(opener, "./*[" + has_class("series") + "]")) == 'ОБРИН "Г"'
    assert shown(one(opener, "./*[" + has_class("salute") + "]")) == "Товарищу ФИЛИПОВУ"

    opener = one(version(page(site, KAIDZIO), "translation"), "./div[" + has_class("opener") + "]")
    assert [shown(li) for li in opener.xpath(".//ul[" + has_class("distribution") + "]/li")] == [
        "Copy N° 1 to Cde. Stalin",
        "Copy N° 2 to Cde. Stalin",
    ]
    assert shown(one(opener, "./*[" + has_class("series") + "]")) == "SERIES G"
    assert shown(one(opener, "./*[" + has_class("salute") + "]")) == "to Cde. FILIPPOV [Stalin]"


def test_paragraphs_and_points_have_ids_and_anchors(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        doc = page(site, xml_id)
        blocks = doc.xpath("//section[@data-version]//p | //ol[" + has_class("points") + "]/li")
        for block in blocks:
            if block.xpath("ancestor::aside"):
                continue
            bid = block.get("id")
            anchors = block.xpath("./a[" + has_class("anchor") + "]/@href")
            if not bid or anchors != [f"#{bid}"]:
                problems.append(f"{xml_id}: {bid} anchors {anchors}")
    assert not problems, problems[:20]
    translation = version(page(site, KAIDZIO), "translation")
    # ('Considering that Wonsan …' goes on point 2 across the sheet turn: its second p)
    # each block's id is its TEI xml:id (encode/anchors.py); a paragraph inside a point,
    # not a block of its own, is numbered in its version as before
    assert [p.get("id") for p in translation.xpath("./p")] == [
        "translation-p1",
        "translation-p2",
        "translation-p3",
    ]
    second = translation.xpath(".//ol[" + has_class("points") + "]/li")[1]
    assert [p.get("id") for p in second.xpath("./p")] == ["translation-b7", "translation-b8"]


def test_numbered_points_keep_their_numbers(site: Site) -> None:
    points = version(page(site, KAIDZIO), "translation").xpath(
        ".//ol[" + has_class("points") + "]/li"
    )
    assert [li.get("value") for li in points] == ["1", "2", "3", "4"]
    assert shown(points[0]).startswith("1. Cde. Kim Il Sung presumably should give a reply")


def test_embedded_telegrams_are_blockquotes(site: Site) -> None:
    translation = version(page(site, TELEGRAMS), "translation")
    quotes = translation.xpath(".//blockquote")
    assert len(quotes) == 4
    assert all(q.xpath(".//p | .//div | .//li") for q in quotes)
    quoted = version(page(site, THREE_COPIES), "translation").xpath(".//blockquote")
    assert quoted and "Comrade Mao Zedong!" in shown(quoted[0])


def test_closer_signed_and_clerk_notes(site: Site) -> None:
    closer = one(version(page(site, KAIDZIO), "translation"), "./div[" + has_class("closer") + "]")
    signed = [shown(s) for s in closer.xpath("./*[" + has_class("signed") + "]")]
    assert signed == ["MAO ZEDONG"]  # the verifier signs inside his note (ENCODING v2)
    assert shown(one(closer, "./*[" + has_class("number") + "]")) == "N° 3267"
    clerks = [shown(c) for c in closer.xpath("./*[" + has_class("clerk") + "]")]
    assert clerks == [
        "Deciphered by Yelezov at 1550 30 June",
        "Sent by Konyushina at 1600 30 June N° 1408",
        "Four copies printed. Copies 3 and 4 - to file",
        "Verified: Chief of the Section COLONEL [signature] (Makarov)",
    ]
    scan_closer = one(
        version(page(site, KAIDZIO), "original-scan"), "./div[" + has_class("closer") + "]"
    )
    assert (
        shown(scan_closer.xpath("./*[" + has_class("clerk") + "]")[0]) == "расп. Елезов 15.50 30.6"
    )


# ------------------------------------------------------------------------ the archive's brackets


def test_stamps_are_drawn_as_stamps(site: Site) -> None:
    translation = version(page(site, KAIDZIO), "translation")
    stamp = one(translation, ".//*[" + has_class("stamp") + "]")
    assert shown(stamp) == "Incoming N° 2212/sh of 30 June 1951"
    assert text(stamp) == "[stamp: Incoming N° 2212/sh of 30 June 1951]"  # for screen readers
    scan_stamp = one(
        version(page(site, KAIDZIO), "original-scan"), ".//*[" + has_class("stamp") + "]"
    )
    assert shown(scan_stamp, "diplomatic").startswith("ПОДЛЕЖИТ ВОЗВРАТУ\n")
    # the stamp block stands among the opener's furniture or alone between blocks
    block = version(page(site, site.sources[GDR]), "translation").xpath(
        ".//*[" + has_class("stamp-block") + "][.//*[" + has_class("stamp") + "]]"
    )
    assert block and "Received 27 Aug 1951" in shown(block[0])


def test_signatures(site: Site) -> None:
    gaps = version(page(site, KAIDZIO), "translation").xpath(
        ".//*[" + has_class("gap-signature") + "]"
    )
    assert [shown(g) for g in gaps] == ["[signature]"]
    illegible = page(site, ILLEGIBLE).xpath("//*[" + has_class("gap-signature") + "]")
    assert [shown(g) for g in illegible] == ["[illegible signature]"]
    assert illegible[0].xpath("ancestor::*[" + has_class("clerk") + "]")  # the verifier's


def test_sic_with_correction_in_both_views(site: Site) -> None:
    translation = version(page(site, KAIDZIO), "translation")
    choice = one(
        translation, ".//*[" + has_class("intervention") + " and " + has_class("correction") + "]"
    )
    assert [text(s) for s in choice.xpath(".//*[" + has_class("dipl") + "]")] == [
        "Kaidzio",
        "[sic; possibly Kaesong][?]",
    ]
    assert [text(s) for s in choice.xpath(".//*[" + has_class("read") + "]")] == ["Kaesong"]
    assert "[sic; possibly Kaesong][?]" in text(choice)
    # the reading text reads the correction (the pop-up says what the source reads); the
    # bracket, which repeats the correction, belongs beside the source's reading only
    assert shown(choice, "reading") == "Kaesong"
    assert shown(choice, "diplomatic") == "Kaidzio [sic; possibly Kaesong][?]"
    paragraph = one(translation, ".//p[@id='translation-b8']")  # point 2's second p now
    assert "perhaps Kaesong." in shown(paragraph, "reading")
    assert "perhaps Kaidzio [sic; possibly Kaesong][?]." in shown(paragraph, "diplomatic")


def test_bare_sic(site: Site) -> None:
    sic = one(
        page(site, BARE_SIC), "//*[" + has_class("intervention") + " and " + has_class("sic") + "]"
    )
    assert shown(sic) == "Yalou [sic]"
    assert shown(sic, "diplomatic") == "Yalou [sic]"


def test_unclear(site: Site) -> None:
    unclear = one(
        page(site, FOOTNOTE),
        "//*[" + has_class("intervention") + " and " + has_class("unclear") + "]",
    )
    assert shown(unclear) == "divisions [?]"


def test_supplied(site: Site) -> None:
    translation = version(page(site, KAIDZIO), "translation")
    supplied = one(translation, ".//*[" + has_class("supplied") + "]")
    assert shown(supplied) == "[between]"
    assert "negotiations [between] representatives" in shown(supplied.getparent())
    guesses = page(site, ILLEGIBLE).xpath("//*[" + has_class("supplied") + "]")
    shown_ = [shown(s) for s in guesses]
    assert "[Zheng?]" in shown_ and "[roup?]" in shown_
    group = next(s for s in guesses if shown(s) == "[roup?]")
    # the supplied letters stand in the name they complete, and the name in its sentence
    assert shown(group.getparent()) == "19th Army G[roup?]"
    assert "19th Army G[roup?] in the western sector" in shown(group.xpath("ancestor::p[1]")[0])


def test_identification(site: Site) -> None:
    salute = one(version(page(site, KAIDZIO), "translation"), ".//*[" + has_class("salute") + "]")
    identification = one(salute, ".//*[" + has_class("identification") + "]")
    assert shown(identification) == "[Stalin]"
    assert "FILIPPOV [Stalin]" in shown(salute)
    assert one(page(site, KAIDZIO), "//h1").xpath(".//*[" + has_class("identification") + "]")


def test_editorial_gap(site: Site) -> None:
    gaps = page(site, TRUNCATED).xpath("//*[" + has_class("gap-editorial") + "]")
    assert [shown(g) for g in gaps] == ["[...]"]
    assert [
        shown(g) for g in page(site, BARE_SIC).xpath("//*[" + has_class("gap-editorial") + "]")
    ] == ["[...]"]


def test_editorial_and_translator_notes(site: Site) -> None:
    note = one(
        page(site, ED_NOTE), "//*[" + has_class("note") + " and " + has_class("editorial") + "]"
    )
    assert shown(note).startswith("[Ed. note: The draft of this telegram was written by Mao Zedong")
    assert shown(note).endswith("]")
    note = one(
        page(site, TRANSLATOR_NOTE),
        "//*[" + has_class("note") + " and " + has_class("translator") + "]",
    )
    assert shown(note).startswith('[Translator\'s note: "instantsiya", i.e., the highest authority')


def test_footnotes_link_both_ways(site: Site) -> None:
    """The call keeps its mark: the document's own footnote (authorial) as the document
    prints it, the archive's in its bracket."""
    doc = page(site, FOOTNOTE)
    refs = doc.xpath("//section[@data-version]//*[" + has_class("footnote-ref") + "]//a")
    notes = tei(site, FOOTNOTE).xpath("//tei:text//tei:note[@place='foot']", namespaces=NS)
    assert [n.get("n") for n in notes] == ["1"]
    marks = [n.get("n") if n.get("type") == "authorial" else f"[{n.get('n')}]" for n in notes]
    assert [text(r) for r in refs] == marks
    note = one(doc, "//*[@id=$i]", i=refs[0].get("href")[1:])
    assert note.tag == "li" and note.xpath("ancestor::aside")
    assert shown(note).startswith("Kaesong, an ancient capital of Korea")
    assert note.xpath(".//a[@href=$h]", h=f"#{refs[0].get('id')}")


def test_sheet_turns_and_forme_work_only_in_the_diplomatic_view(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        doc = page(site, xml_id)
        for node in doc.xpath(f"//*[{has_class('pb')} or {has_class('fw')}]"):
            if not node.xpath(f"ancestor-or-self::*[{has_class('dipl')}]"):
                problems.append(f"{xml_id}: {lxml.html.tostring(node, encoding='unicode')[:80]}")
    assert not problems, problems
    scan = version(page(site, KAIDZIO), "original-scan")
    reading, diplomatic = shown(scan, "reading"), shown(scan, "diplomatic")
    for mark in ["/см. ол. лист/", "Продолжение шифртелеграммы №", "sheet 2", "№ 137, I 218"]:
        assert mark not in reading and mark in diplomatic


def test_hyphenated_words_are_joined_in_the_reading_view(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        for node in page(site, xml_id).xpath(f"//*[{has_class('hyphen')}]"):
            if not node.xpath(f"ancestor-or-self::*[{has_class('dipl')}]"):
                problems.append(xml_id)
    assert not problems
    point = one(version(page(site, KAIDZIO), "original-scan"), ".//li[@id='original-scan-i1']")
    assert "В этом ответе он должен выразить" in shown(point, "reading")
    assert "дол-" not in shown(point, "reading") and "\n" not in shown(point, "reading")
    assert "В этом ответе он дол-\nжен выразить" in shown(point, "diplomatic")
    assert "военных дейст-\nвий" in shown(point, "diplomatic")
    assert "3 июля\nдолжен" in shown(point, "diplomatic")  # a plain line end


def test_truncated_export(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        truncated = tei(site, xml_id).xpath("//tei:gap[@reason='truncated']", namespaces=NS)
        marks = page(site, xml_id).xpath(f"//*[{has_class('gap-truncated')}]")
        if len(marks) != len(truncated):
            problems.append(xml_id)
        for mark in marks:
            notes = mark.xpath("ancestor::aside//li")
            if notes:  # the export stops inside its footnotes: in the last one
                last = mark.xpath("ancestor::aside")[0].xpath(".//li")[-1]
                if last not in mark.iterancestors():
                    problems.append(f"{xml_id}: {shown(mark)!r} is not in the last footnote")
                continue
            section = mark.xpath("ancestor::section[@data-version]")[0]
            words = section.xpath(
                ".//text()[normalize-space()][not(ancestor::aside)]"
                f"[not(ancestor::*[{has_class('popup')} or {has_class('anchor')}"
                f" or {has_class('cite-link')}])]"
            )
            if not words or (
                mark not in words[-1].getparent().iterancestors()
                and (words[-1].getparent() is not mark)
            ):
                problems.append(f"{xml_id}: {shown(mark)!r} is not the end of its version")
    assert not problems, problems
    assert page(site, TRUNCATED).xpath(f"//*[{has_class('gap-truncated')}]")


# ---------------------------------------------------------------------------- popups and names


def test_every_intervention_has_a_tooltip(site: Site) -> None:
    problems = []
    total = 0
    for path in site.pages():
        doc = page(site, path.name)
        for node in doc.xpath(f"//*[{has_class('intervention')}]"):
            total += 1
            label = f"{path.name}: {text(node)[:40]!r}"
            target = node.get("aria-describedby")
            tips = doc.xpath("//*[@id=$i]", i=target or "")
            if len(tips) != 1:
                problems.append(f"{label}: aria-describedby={target!r}")
                continue
            tip = tips[0]
            if tip.get("role") != "tooltip" or not text(tip):
                problems.append(f"{label}: tooltip role {tip.get('role')!r}")
            if node.get("tabindex") != "0":
                problems.append(f"{label}: not focusable")
            if tip.getparent() is not node:
                problems.append(f"{label}: the tooltip is not inside the intervention")
    assert total > 100
    assert not problems, problems[:20]


ENTRY_PAGE_PREFIX = {"persons": "person", "places": "place", "orgs": "org"}


def entity_target(ref: str) -> tuple[str, str]:
    """authority/persons.xml#stalin -> (person-stalin.html, stalin): the entry's page."""
    file, _, entity = ref.split()[0].partition("#")
    return f"{ENTRY_PAGE_PREFIX[Path(file).stem]}-{entity}.html", entity


def test_names_link_to_the_entity_pages(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        doc = page(site, xml_id)
        links = doc.xpath("//section[@data-version]//a[" + has_class("name") + "]")
        # a name inside an editorial intervention is no link: the intervention is a button
        # (its click opens the explanation), and a link inside it would be a control no
        # screen reader reaches; the name is still drawn, as a name
        inert = doc.xpath(
            "//section[@data-version]//*[" + has_class("intervention") + "]"
            "//span[" + has_class("name") + "]/@data-link"
        )
        names = tei(site, xml_id).xpath(
            "//tei:text//*[self::tei:persName or self::tei:placeName or self::tei:orgName]"
            "[@ref][not(ancestor::tei:sic)]",  # the source's reading: its correction names it
            namespaces=NS,
        )
        want = Counter(entity_target(n.get("ref"))[0] for n in names)
        got = Counter(link.get("href") for link in links) + Counter(inert)
        if got != want:
            problems.append(f"{xml_id}: names {got - want} extra, {want - got} missing")
        if doc.xpath("//*[" + has_class("intervention") + "]//a"):
            problems.append(f"{xml_id}: a link inside an intervention")
        kinds = {"person": "persName", "place": "placeName", "org": "orgName"}
        for link in links:
            if kinds.get(link.get("href").split("-")[0]) not in link.get("class").split():
                problems.append(f"{xml_id}: {link.get('href')} has class {link.get('class')}")
        for href in doc.xpath("//a[" + has_class("name") + "]/@href"):
            entity = href.removesuffix(".html").split("-", 1)[-1]
            if not (site.out / href).is_file() or entity not in ids(page(site, href)):
                problems.append(f"{xml_id}: {href}")
    assert not problems, problems[:20]


def authority_entries(site: Site) -> dict[str, list[etree._Element]]:
    entries = {}
    for stem, name in ENTITY_PAGES.items():
        root = etree.parse(str(site.tei / "authority" / f"{stem}.xml")).getroot()
        entries[name] = root.xpath(
            "//*[@xml:id][tei:persName|tei:placeName|tei:orgName]", namespaces=NS
        )
    return entries


def test_entity_pages_list_every_entry_with_its_spellings(site: Site) -> None:
    problems = []
    for name, entries in authority_entries(site).items():
        doc = page(site, name)
        for entry in entries:
            entity = entry.get(XML_ID)
            section = doc.xpath("//main//section[@id=$i]", i=entity)
            if not section:
                problems.append(f"{name}: no section #{entity}")
                continue
            heading = text(section[0].xpath(".//h2")[0])
            forms = (
                heading
                + " | "
                + " | ".join(text(f) for f in section[0].xpath(".//*[" + has_class("forms") + "]"))
            )
            for form in entry.xpath("*[@type='preferred']", namespaces=NS):
                if tei_text(form) not in forms:  # e.g. the German "Peking" of the GDR report
                    problems.append(
                        f"{name}#{entity}: {tei_text(form)!r} ({form.get(XML_LANG)}) not shown"
                    )
            names = entry.xpath(
                "tei:persName | tei:placeName | tei:orgName", namespaces=NS
            )  # every spelling; an idno (Wikidata) is not one
            spellings = {(tei_text(n), n.get(XML_LANG)) for n in names}
            variants = [n for n in names if n.get("type") != "preferred"]
            listed = section[0].xpath(".//*[" + has_class("form") + "]")
            got = [(text(f), f.get("lang")) for f in listed]
            if not set(got) <= spellings:
                problems.append(f"{name}#{entity}: not spellings {sorted(set(got) - spellings)}")
            missing = [(tei_text(v), v.get(XML_LANG)) for v in variants]
            missing = [form for form in missing if form not in got]
            if missing:
                problems.append(f"{name}#{entity}: spellings missing {missing}")
            for form in listed:
                variant = [
                    v
                    for v in variants
                    if (tei_text(v), v.get(XML_LANG)) == (text(form), form.get("lang"))
                ]
                kind = variant[0].get("type") if variant else None
                if kind in ("codename", "ocr"):
                    label = {"codename": "(code name)", "ocr": "(OCR)"}[kind]
                    if not (form.tail or "").strip().startswith(label):
                        problems.append(f"{name}#{entity}: {text(form)} not labelled {label}")
    assert not problems, problems[:20]


def test_entity_pages_link_to_cables_and_passages(site: Site) -> None:
    """Each mentioned entry has a page listing every cable and passage naming it; the list
    pages link to it with the right counts; entries no cable names have no page."""
    problems = []
    expected: dict[tuple[str, str], set[str]] = {}
    for xml_id in site.cables():
        for ref in tei(site, xml_id).xpath("//@ref[contains(., 'authority/')]"):
            expected.setdefault(entity_target(ref), set()).add(xml_id)
    for (name, entity), cables in sorted(expected.items()):
        if not (site.out / name).is_file():
            problems.append(f"{name}: missing")
            continue
        section = page(site, name).xpath("//main//section[@id=$i]", i=entity)
        linked = {
            h[: -len(".html")]
            for h in section[0].xpath(".//a[not(" + has_class("passage") + ")]/@href")
            if h.endswith(".html") and h[: -len(".html")] in site.cables()
        }
        if linked != cables:
            problems.append(f"{name}#{entity}: cables {sorted(linked)} != {sorted(cables)}")
        total = 0
        for cable in cables:
            mentions = tei(site, cable).xpath(
                "//*[self::tei:persName or self::tei:placeName or self::tei:orgName]"
                "[substring-after(substring-before(concat(normalize-space(@ref), ' '), ' '), '#')"
                " = $e]",
                namespaces=NS,
                e=entity,
            )
            total += len(mentions)
            passages = section[0].xpath(
                ".//a[" + has_class("passage") + "][starts-with(@href, $c)]/@href",
                c=f"{cable}.html#",
            )
            if len(passages) != len(mentions):
                problems.append(
                    f"{name}#{entity}: {len(passages)} passages of {cable}, {len(mentions)} names"
                )
            for href in passages:
                fragment = href.partition("#")[2]
                if fragment not in ids(page(site, cable)):
                    problems.append(f"{name}#{entity}: {href} (no such id)")
        listing = [p for p in ENTITY_PAGES.values() if page(site, p).xpath("//a[@href=$h]", h=name)]
        counted = page(site, listing[0]).xpath("//a[@href=$h]", h=name) if listing else []
        s = "s" if len(cables) != 1 else ""
        p = "s" if total != 1 else ""
        if [text(a) for a in counted] != [
            f"Mentioned in {len(cables)} cable{s} ({total} passage{p})"
        ]:
            problems.append(f"{name}: listed as {[text(a) for a in counted]}")
    unmentioned = [
        (f"{ENTRY_PAGE_PREFIX[stem]}-{entry.get(XML_ID)}.html", entry.get(XML_ID), stem)
        for stem, name in ENTITY_PAGES.items()
        for entry in authority_entries(site)[name]
        if (f"{ENTRY_PAGE_PREFIX[stem]}-{entry.get(XML_ID)}.html", entry.get(XML_ID))
        not in expected
    ]
    assert unmentioned
    for name, entity, stem in unmentioned:
        if (site.out / name).exists():
            problems.append(f"{name}: a page for an entity no cable names")
        section = page(site, ENTITY_PAGES[stem]).xpath("//main//section[@id=$i]", i=entity)
        if section and not section[0].xpath(".//*[" + has_class("none") + "]"):
            problems.append(f"{ENTITY_PAGES[stem]}#{entity}: not said to be unmentioned")
    assert not problems, problems[:20]


def test_entity_passages_belong_to_their_own_cable(site: Site, tmp_path: Path) -> None:
    """Two cables with the same text under two ids (a copy kept in two archives, say): the
    entity pages list each cable's own passages, once."""
    directory = tmp_path / "tei"
    shutil.copytree(site.tei / "authority", directory / "authority")
    original = (site.tei / f"{KAIDZIO}.xml").read_bytes()
    twin = f"{KAIDZIO}-twin"
    (directory / f"{KAIDZIO}.xml").write_bytes(original)
    (directory / f"{twin}.xml").write_bytes(
        original.replace(f'xml:id="{KAIDZIO}"'.encode(), f'xml:id="{twin}"'.encode(), 1)
    )
    pipeline.web([directory], tmp_path / "site", search=False)
    persons = lxml.html.fromstring((tmp_path / "site" / "person-ridgway.html").read_bytes())
    names = tei(site, KAIDZIO).xpath("//tei:persName[contains(@ref, '#ridgway')]", namespaces=NS)
    assert len(names) == 6
    for cable in (KAIDZIO, twin):
        item = one(persons, "//section[@id='ridgway']//li[a[@href=$h]]", h=f"{cable}.html")
        passages = item.xpath(f"a[{has_class('passage')}]/@href")
        assert len(passages) == len(names), (cable, passages)
        assert all(p.startswith(f"{cable}.html#") for p in passages)


# ---------------------------------------------------------------------------- download, citation


def test_every_cable_has_its_tei_download_and_a_citation(site: Site) -> None:
    problems = []
    for xml_id in site.cables():
        doc = page(site, xml_id)
        links = doc.xpath("//a[@download]")
        if [(a.get("href"), a.get("download")) for a in links] != [
            (f"tei/{xml_id}.xml", f"{xml_id}.xml")
        ]:
            problems.append(f"{xml_id}: download {[a.attrib for a in links]}")
        download = site.out / "tei" / f"{xml_id}.xml"
        if (
            not download.is_file()
            or download.read_bytes() != (site.tei / f"{xml_id}.xml").read_bytes()
        ):
            problems.append(f"{xml_id}: tei/{xml_id}.xml missing or not the TEI file")
        citation = doc.xpath("//*[@id='citation']")
        root = tei(site, xml_id)
        title = plain_title(root.find(".//tei:titleStmt/tei:title", NS))
        url = root.findtext(".//tei:sourceDesc/tei:bibl/tei:idno[@type='URL']", namespaces=NS)
        if not citation:
            problems.append(f"{xml_id}: no citation")
            continue
        cited = text(citation[0])
        for part in [
            title,
            xml_id,
            root.findtext(".//tei:sourceDesc/tei:bibl/tei:date", namespaces=NS),
            url,
        ]:
            if part and part not in cited:
                problems.append(f"{xml_id}: citation lacks {part!r}")
    assert not problems, problems


# ---------------------------------------------------------------------------- the index


def test_index_lists_every_cable(site: Site) -> None:
    doc = page(site, "index.html")
    rows = doc.xpath("//table[@id='cables']/tbody/tr[not(@class)]")
    assert len(rows) == len(site.cables())
    headers = [text(th) for th in doc.xpath("//table[@id='cables']/thead//th")]
    assert headers == COLUMNS
    dates = []
    problems = []
    for row in rows:
        href = cell(row, "Parties").xpath(".//a/@href")
        xml_id = href[0][: -len(".html")] if href else "?"
        if xml_id not in site.cables():
            problems.append(f"row links {href}")
            continue
        root = tei(site, xml_id)
        date = doc_date(root)
        when = "" if date is None else date.get("when", "")
        dates.append(date_start(date) or "~")  # the undated last
        if when and cell(row, "Date").xpath(".//time/@datetime") != [when]:
            problems.append(f"{xml_id}: date")
        if cell(row, "Date").get("data-value") != (date_start(date) or "undated"):
            problems.append(f"{xml_id}: date sorted as {cell(row, 'Date').get('data-value')!r}")
        if date is not None and tei_text(date) not in text(cell(row, "Date")):
            problems.append(f"{xml_id}: date {text(cell(row, 'Date'))!r}")
        if cell(row, "Type").get("data-type") != doc_type(root):
            problems.append(f"{xml_id}: type {cell(row, 'Type').get('data-type')!r}")
        number = root.findtext(".//tei:correspAction[@type='sent']/tei:idno", "", NS)
        if text(cell(row, "No.")) != number:
            problems.append(f"{xml_id}: number {text(cell(row, 'No.'))!r}")
        named = root.xpath(
            ".//tei:correspAction[@type='sent' or @type='received']/*"
            "[self::tei:persName or self::tei:orgName]",
            namespaces=NS,
        )  # (an unsigned report to no one named is listed by its title)
        if doc_type(root) in CORRESPONDENCE and named and "→" not in text(cell(row, "Parties")):
            problems.append(f"{xml_id}: no sender → addressee")
        abstract = " ".join(root.xpath("string(.//tei:abstract)", namespaces=NS).split())
        if text(cell(row, "Summary")) != abstract:
            problems.append(f"{xml_id}: summary {text(cell(row, 'Summary'))[:40]!r}")
        languages = {
            root.findtext(
                f".//tei:langUsage/tei:language[@ident='{d.get(XML_LANG)}']", namespaces=NS
            )
            for d in root.xpath("/tei:TEI/tei:text/tei:body/tei:div", namespaces=NS)
        }
        found = text(cell(row, "Languages"))
        if {x.strip() for x in found.split(",")} != languages:
            problems.append(f"{xml_id}: languages {found!r} != {languages}")
    assert not problems, problems
    assert dates == sorted(dates)
    assert one(doc, "//input[@data-filter='cables']").get("id") == "filter"
    assert doc.xpath("//label[@for='filter']")
    assert len(doc.xpath("//table[@id='cables']//button[@data-sort]")) >= 3


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Path:
    """The same corpus with lists of at most 4 cables a page (1,000 by default)."""
    out = tmp_path_factory.mktemp("web-paged") / "site"
    render_site(sorted(converted_tei.glob("*.xml")), out, search=False, page_size=4)
    return out


def _rows(doc: lxml.html.HtmlElement) -> list[tuple[str, str, str]]:
    """(date, number, cable id) of each row of an index page: the date where it stands in
    time (the start of a span or bounds; "undated"), which the index sorts by."""
    return [
        (
            cell(row, "Date").get("data-value"),
            text(cell(row, "No.")),
            cell(row, "Parties").xpath("string(.//a/@href)").removesuffix(".html"),
        )
        for row in doc.xpath("//table[@id='cables']/tbody/tr[not(@class)]")
    ]


def _pager(doc: lxml.html.HtmlElement) -> tuple[list[str], str]:
    """The pages a page's pager links (the current one as ``*``) and what it says of it."""
    nav = one(doc, "//nav[" + has_class("pager") + "]")
    items = []
    for item in nav.xpath(".//li"):
        link = item.xpath("a/@href")
        items.append(link[0] if link else "*")
    return items, text(one(nav, ".//*[@aria-current='page']"))


def test_long_lists_are_paged_in_date_order(seeds_site: Site, paged: Path) -> None:
    """The index in pages of 4 cables: together they list every cable once, in date order;
    each page says which part it is and links every page, with their dates; the list on
    one page (the default size here) has no pager."""
    site = seeds_site
    cables = site.cables()
    count = -(-len(cables) // 4)
    names = ["index.html"] + [f"index-p{n}.html" for n in range(2, count + 1)]
    assert sorted(p.name for p in paged.glob("index*.html")) == sorted(names)
    rows = []
    for number, name in enumerate(names, 1):
        doc = lxml.html.fromstring((paged / name).read_bytes())
        found = _rows(doc)
        assert 0 < len(found) <= 4
        first, last = len(rows) + 1, len(rows) + len(found)
        rows.extend(found)
        intro = text(one(doc, "//p[" + has_class("intro") + "]"))
        total = len(cables)
        types = types_in_words([tei(site, c) for c in cables])
        assert intro == (
            f"{total} documents{types}, in date order; this page: {first}–{last} of {total}."
        )
        links, current = _pager(doc)
        assert links == [n if i != number else "*" for i, n in enumerate(names, 1)]
        # the pager gives each page's dates as the documents write them (the cell's first
        # element: its normalised value, "(between … and …)", stays in the table)
        dates = [text(cell[0]) for cell in doc.xpath("//tbody/tr[not(@class)]/td[1]")]
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"
        assert current == f"Page {number} {span}"
        assert doc.xpath("//a[@rel='next']/@href") == names[number : number + 1]
        assert doc.xpath("//a[@rel='prev']/@href") == names[max(0, number - 2) : number - 1]
    assert sorted(cable for _, _, cable in rows) == cables
    assert [(d, n) for d, n, _ in rows] == sorted((d, n) for d, n, _ in rows)
    assert [r[2] for r in rows] == [r[2] for r in _rows(page(site, "index.html"))]
    assert not page(site, "index.html").xpath("//nav[" + has_class("pager") + "]")


def test_an_entry_mentioned_often_has_its_cables_in_pages(seeds_site: Site, paged: Path) -> None:
    """An entry's cables in pages of 4: together the pages hold exactly the cables and
    passages of the one-page list, each page says the total."""
    site = seeds_site
    checked = 0
    for whole in sorted(site.out.glob("*-*.html")):
        if not whole.name.startswith(("person-", "place-", "org-")):
            continue
        items = page(site, whole.name).xpath("//ul[" + has_class("mentions") + "]/li")
        heading = text(one(page(site, whole.name), "//main//h2"))
        assert heading.startswith(f"Mentioned in {len(items)} cable")
        count = -(-len(items) // 4)
        stem = whole.name.removesuffix(".html")
        names = [whole.name] + [f"{stem}-p{n}.html" for n in range(2, count + 1)]
        parts = []
        for name in names:
            doc = lxml.html.fromstring((paged / name).read_bytes())
            assert text(one(doc, "//main//h2")) == heading
            found = doc.xpath("//ul[" + has_class("mentions") + "]/li")
            assert 0 < len(found) <= 4
            parts.extend(etree.tostring(li) for li in found)
            if count > 1:
                assert [n for n in _pager(doc)[0] if n != "*"] == [n for n in names if n != name]
        assert parts == [etree.tostring(li) for li in items], whole.name
        assert not (paged / f"{stem}-p{count + 1}.html").exists()
        checked += count > 1
    assert checked >= 3  # several entries of the test corpus fill more than one page


def test_pages_of_a_shorter_list_are_removed(
    seeds_site: Site, converted_tei: Path, tmp_path: Path
) -> None:
    """Rendering again with longer pages leaves no page of the old, longer lists."""
    out = tmp_path / "site"
    files = sorted(converted_tei.glob("*.xml"))
    render_site(files, out, search=False, page_size=2)
    assert list(out.glob("index-p*.html")) and list(out.glob("person-*-p2.html"))
    render_site(files, out, search=False, changed=set())
    assert not list(out.glob("index-p*.html")) and not list(out.glob("*-p2.html"))
    for name in ("index.html", "person-stalin.html"):
        assert (out / name).read_bytes() == (seeds_site.out / name).read_bytes()


def test_index_row_exact_rendering(site: Site) -> None:
    row = one(page(site, "index.html"), "//tbody/tr[.//a[@href=$h]]", h=f"{KAIDZIO}.html")
    assert [shown(td) for td in row.xpath("td")] == [
        "June 30, 1951",
        "Ciphered telegram",  # a v1 document has no text/@type: a cable
        "21340",
        "Mao Zedong → Filippov [Stalin]",
        " ".join(tei(site, KAIDZIO).xpath("string(//tei:abstract)", namespaces=NS).split()),
        "Russian, English",
    ]


# ---------------------------------------------------------------------------- principles


def encoding_guide_elements() -> set[str]:
    """The TEI element names in backticks in the TEI column of the guide's table of
    editorial phenomena (attribute values, examples and source strings left out)."""
    if not ENCODING_MD.is_file() or not TEI_ALL_RNG.is_file():
        pytest.skip("the encoding guide or tei_all.rng is not in ../shared")
    rng = etree.parse(str(TEI_ALL_RNG))
    tei_elements = {
        e.get("name")
        for e in rng.iter("{http://relaxng.org/ns/structure/1.0}element")
        if e.get("name")
    }
    section = ENCODING_MD.read_text(encoding="utf-8").split("## Editorial phenomena", 1)[1]
    section = section.split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    names = set()
    for row in rows:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        for token in re.findall(r"`([^`]+)`", cells[-1]):
            for match in re.finditer(r"(?:^|/|<)([A-Za-z][A-Za-z0-9]*)(?=$|[\[/ >])", token):
                if match.group(1) in tei_elements:
                    names.add(match.group(1))
    assert len(rows) >= 10 and len(names) >= 10, (rows, names)
    return names


def test_principles_cover_every_element_of_the_encoding_guide(site: Site) -> None:
    doc = page(site, "principles.html")
    documented = {name for value in doc.xpath("//tr/@data-tei") for name in value.split()}
    missing = sorted(encoding_guide_elements() - documented)
    assert not missing, f"principles.html has no row with data-tei naming {missing}"


def test_principles_show_each_convention_with_a_rendered_example(site: Site) -> None:
    doc = page(site, "principles.html")
    rows = doc.xpath("//tr[@data-tei]")
    assert len(rows) >= 10
    examples = " | ".join(shown(row) for row in rows)
    # a correction: the reading view reads it, the diplomatic view gives the bracket
    assert "perhaps Kaidzio [sic; possibly Kaesong][?]." in shown(rows[0], "diplomatic")
    for convention in [
        "perhaps Kaesong.",
        "[sic]",
        "[?]",
        "[between]",
        "G[roup?]",
        "[Stalin]",
        "[...]",
        "[signature]",
        "[Translator's note:",
    ]:
        assert convention in examples, convention
    lb = one(doc, "//tr[contains(concat(' ', @data-tei, ' '), ' lb ')]")
    assert "должен" in shown(lb) and "дол-\nжен" in shown(lb, "diplomatic")


# ---------------------------------------------------------------------------- escaping

ESCAPING_SOURCE = """

September 1, 1951 Ciphered Telegram No. 99901, Mao Zedong to Filippov [Stalin]

Citation:

"Ciphered Telegram No. 99901, Mao Zedong to Filippov [Stalin]", September 1, 1951, \
Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 340, l. 1. Translated by Gary Goldberg. \
https://wilson-center.drivingcreative.com/document/999901

Summary:

A test cable whose summary holds <b>markup</b> & "quotes" & 'apostrophes'.

Original Language:

Russian

Contents:

Translation - English

SECOND MAIN DIRECTORATE OF THE GENERAL STAFF OF THE SOVIET ARMY

CIPHERED TELEGRAM No. 99901

From BEIJING Received 11:30 1.9.1951

SERIES "G"

To Comrade FILIPPOV [Stalin]

The enemy printed <script>alert(1)</script> on the leaflet.

They said "cease fire" and 'at once' & nothing more </p> was added <img src=x onerror=alert(2)>.

MAO ZEDONG

No. 4001 1.9
"""


@pytest.fixture(scope="module")
def escaped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("web-escaping")
    (root / "src").mkdir()
    (root / "src" / "900_escaping.txt").write_text(ESCAPING_SOURCE, encoding="utf-8")
    shutil.copytree(TEI_DIR / "authority", root / "tei" / "authority")
    results = pipeline.convert([root / "src"], root / "tei")
    assert [r.status for r in results] == ["written"], [r.message for r in results]
    pipeline.web([root / "tei"], root / "site", search=False)
    return root / "site"


def test_text_that_looks_like_markup_is_escaped(escaped: Path) -> None:
    cables = sorted(escaped.glob("cable-*.html"))
    assert len(cables) == 1
    doc = lxml.html.fromstring(cables[0].read_bytes())
    paragraphs = [shown(p) for p in doc.xpath("//section[@data-version='translation']/p")]
    assert paragraphs == [
        "The enemy printed <script>alert(1)</script> on the leaflet.",
        "They said \"cease fire\" and 'at once' & nothing more </p> was added "
        "<img src=x onerror=alert(2)>.",
    ]
    summary = "A test cable whose summary holds <b>markup</b> & \"quotes\" & 'apostrophes'."
    assert shown(one(doc, "//*[@class='summary']")) == summary
    for path in escaped.glob("*.html"):
        page_ = lxml.html.fromstring(path.read_bytes())
        scripts = page_.xpath("//script")
        assert all(s.get("src", "").startswith(("assets/", "pagefind/")) for s in scripts), path
        assert not any(s.text and s.text.strip() for s in scripts), path
        assert not page_.xpath("//img | //b | //@onerror"), path
        assert b"<script>alert" not in path.read_bytes(), path
    index = lxml.html.fromstring((escaped / "index.html").read_bytes())
    assert shown(cell(index.xpath("//tbody/tr[not(@class)]")[0], "Summary")) == summary


def test_explanations_are_marked_english_inside_a_russian_version(site: Site) -> None:
    """A screen reader reads a pop-up's English in an English voice, also inside a version
    in Russian."""
    popups = [
        popup
        for cable in site.cables()
        for popup in page(site, cable).xpath(f"//section[@lang='ru']//*[{has_class('popup')}]")
    ]
    assert popups and all(p.get("lang") == "en" for p in popups)


def test_the_list_of_persons_is_in_the_order_of_surnames(site: Site) -> None:
    """'Stalin, Joseph' under S, 'Mao Zedong' under M: the surname the authority file marks
    in a preferred name leads the order (names without one sort as they are)."""
    authority = _parse_tei(site.tei / "authority" / "persons.xml")
    keys = {}
    for person in authority.iterfind(".//tei:person", NS):
        name = next(
            n
            for n in person.iterfind("tei:persName[@type='preferred']", NS)
            if n.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        )
        full = " ".join("".join(name.itertext()).split())
        keys[person.get(XML_ID)] = f"{name.findtext('tei:surname', '', NS)} {full}".strip()
    shown = [s.get("id") for s in page(site, "persons.html").xpath("//section[@class='entry']")]
    assert shown == sorted(keys, key=lambda entry: keys[entry])
    assert shown.index("stalin") > shown.index("ridgway") > shown.index("mao-zedong")


def test_the_languages_named_are_those_of_the_versions_given(site: Site) -> None:
    """A cable given in translation only is in English, its original in Russian: the page
    said 'Russian, English (original: Russian)', while the index said 'English'."""
    for cable in site.cables():
        root = tei(site, cable)
        given = [
            root.findtext(f".//tei:langUsage/tei:language[@ident='{lang}']", namespaces=NS)
            for lang in dict.fromkeys(
                root.xpath("tei:text/tei:body/tei:div/@xml:lang", namespaces=NS)
            )
        ]
        panel = metadata(page(site, cable))
        assert text(panel["Languages"]).split(" (original")[0] == ", ".join(given), cable


def test_a_choice_of_versions_only_where_there_are_several(site: Site) -> None:
    for cable in site.cables():
        versions = len(tei(site, cable).xpath("tei:text/tei:body/tei:div", namespaces=NS))
        choices = page(site, cable).xpath("//input[@name='show']")
        assert len(choices) == (versions + 1 if versions > 1 else 0), cable


def test_the_search_index_leaves_out_the_pages_labels(site: Site) -> None:
    """Pagefind's excerpts quoted 'About this document … Date … Versions' with the text."""
    doc = page(site, KAIDZIO)
    labels = doc.xpath("//dt | //h2[@id='metadata-h'] | //*[contains(@class, 'controls')]")
    assert labels and all(e.get("data-pagefind-ignore") == "all" for e in labels)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_focus_ring_stands_out_from_the_paper(site: Site) -> None:
    """WCAG 2.2 (1.4.11): a focus indicator needs 3:1 against what surrounds it."""
    css = (site.out / "assets" / "edition.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--(focus|paper):\s*(#[0-9a-fA-F]{6})", css))
    lighter, darker = sorted(map(_luminance, colours.values()), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3


# ---------------------------------------------------------------------------- encoding v2


def memo_text(site: Site):
    return version(page(site, MEMO), "translation")


def test_v2_metadata_panel(v2_site: Site) -> None:
    """The header of a record of conversation as a reader sees it."""
    panel = metadata(page(v2_site, MEMO))
    assert list(panel)[:2] == ["Type", "Date"]
    assert shown(panel["Type"]) == "Record of conversation"
    # a memorandum's date is its creation date, not the sent date of its correspDesc
    assert shown(panel["Date"]) == "16 December 1949"
    assert panel["Date"].xpath(".//time/@datetime") == ["1949-12-16"]
    assert shown(panel["Place"]) == "Moscow"
    assert shown(panel["Author"]) == "Fedorenko"
    assert [shown(li) for li in panel["Participants"].xpath(".//li")] == [
        "I.V. Stalin (host)",
        "Mao Zedong, Chairman of the Central People's Government of the People's Republic of "
        "China (interlocutor)",
        "Fedorenko (recorder)",
    ]
    # speakers can point at their participant
    assert panel["Participants"].xpath(".//li/@id") == ["p-stalin", "p-mao-zedong", "p-fedorenko"]
    # several parties, their roles and offices; a bounded date as written and normalised
    assert shown(panel["From"]) == (
        "Dobrynin (Soviet Ambassador to the USA), Embassy in Hungary, Washington, "
        "July 14-15, 1951 (between 1951-07-14 and 1951-07-15, uncertain)"
    )
    assert shown(panel["To"]) == "USSR Foreign Ministry, Filippov [Stalin], 13.9., 13:15"
    assert panel["To"].xpath(".//time/@datetime") == ["1950-09-13", "13:15:00"]
    assert shown(panel["Via"]) == "Krasovsky"
    assert [shown(li) for li in panel["Later hands"].xpath(".//li")] == [
        "handwritten",
        "handwritten, by Stalin",
    ]
    assert len(panel["Archival references"].xpath(".//li")) == 2
    assert shown(panel["Provenance"]).startswith("Given by the Russian government")
    assert shown(panel["Reprinted in"]) == (
        "Andrei Ledovskii, Sovetsko-Kitaiskie Otnosheniia (Moscow, 2005), pp. 116-120"
    )


def test_a_v1_document_is_a_ciphered_telegram(v2_site: Site) -> None:
    assert shown(metadata(page(v2_site, KAIDZIO))["Type"]) == "Ciphered telegram"


def test_partial_and_undated_documents(v2_site: Site, tmp_path: Path) -> None:
    """A partial date is shown as written with its value, in the panel and the index; an
    undated document says so and comes last."""
    root = etree.parse(str(V2_EXAMPLE)).getroot()
    partial, undated = copy.deepcopy(root), copy.deepcopy(root)
    for tree, xml_id in [(partial, "memorandum-1949-12-stalin"), (undated, "minutes-undated")]:
        tree.set(XML_ID, xml_id)
    date = partial.find(".//tei:creation/tei:date", NS)
    date.attrib.clear()
    date.set("when", "1949-12")
    date.text = "December 1949"
    undated.find(".//tei:creation", NS).remove(undated.find(".//tei:creation/tei:date", NS))
    undated.find(".//tei:correspAction[@type='sent']", NS).remove(
        undated.find(".//tei:correspAction[@type='sent']/tei:date", NS)
    )
    undated.find("tei:text", NS).set("type", "minutes")
    tei_dir = tmp_path / "tei"
    shutil.copytree(v2_site.tei, tei_dir)
    for tree in (partial, undated):
        etree.ElementTree(tree).write(str(tei_dir / f"{tree.get(XML_ID)}.xml"), encoding="UTF-8")
    out = tmp_path / "site"
    render_site(sorted(tei_dir.glob("*.xml")), out, search=False)
    doc = lxml.html.fromstring((out / "memorandum-1949-12-stalin.html").read_bytes())
    assert shown(metadata(doc)["Date"]) == "December 1949 (1949-12)"
    doc = lxml.html.fromstring((out / "minutes-undated.html").read_bytes())
    assert shown(metadata(doc)["Date"]) == "Undated"
    assert shown(metadata(doc)["Type"]) == "Minutes"
    index = lxml.html.fromstring((out / "index.html").read_bytes())
    rows = index.xpath("//table[@id='cables']/tbody/tr[not(@class)]")
    dates = {
        cell(row, "Parties").xpath("string(.//a/@href)"): shown(cell(row, "Date")) for row in rows
    }
    assert dates["memorandum-1949-12-stalin.html"] == "December 1949 (1949-12)"
    assert dates[f"{MEMO}.html"] == "16 December 1949"
    assert cell(rows[-1], "Parties").xpath("string(.//a/@href)") == "minutes-undated.html"
    assert shown(cell(rows[-1], "Date")) == "undated"
    assert shown(cell(rows[-1], "Type")) == "Minutes"
    intro = shown(one(index, "//p[" + has_class("intro") + "]"))
    types = types_in_words([_parse_tei(path) for path in sorted(tei_dir.glob("*.xml"))])
    assert intro == f"{len(rows)} documents{types}, in date order."


def test_v2_opener_furniture(v2_site: Site) -> None:
    opener = one(memo_text(v2_site), "./div[" + has_class("opener") + "]")

    def furniture(kind: str):
        return one(opener, f"./*[{has_class(kind)}]")

    assert shown(furniture("heading")).startswith("RECORD OF CONVERSATION BETWEEN")
    assert "rend-center" in furniture("heading").get("class").split()
    assert "rend-right" in furniture("handling").get("class").split()
    assert shown(furniture("subject")) == "Betr.: Telefongespräch des Herrn Bundeskanzlers"
    assert shown(furniture("reference")) == "F.N.33."
    # a clerk's note in the opener, after the transmission log
    kinds = [element.get("class").split()[-1] for element in opener]
    assert kinds.index("clerk") == kinds.index("dateline") + 1
    # typed dates and times of the log say what they are
    log = opener.xpath(f"./*[{has_class('dateline')}]")[0]
    assert log.xpath(".//time/@title") == [
        "sent: 1950-09-13",
        "received: 1950-09-13",
        "received: 13:15:00",
    ]
    stamp = one(opener, f".//*[{has_class('stamp')}]")
    assert shown(stamp) == "incoming stamp Incoming No. 2114"
    assert text(stamp) == "[incoming stamp: Incoming No. 2114]"  # for screen readers
    assert shown(one(opener, f"./*[{has_class('copy')}]")) == "Copy Nº 3"
    assert one(opener, f".//*[{has_class('number')} and {has_class('copy')}]").get("title") == (
        "copy number"
    )


@pytest.mark.parametrize("mode", ["reading", "diplomatic"])
def test_v2_brackets_in_both_views(v2_site: Site, mode: str) -> None:
    """The archive's bracket conventions of v2, each with its explanation."""
    paragraph = memo_text(v2_site).xpath("./p")[0]
    assert shown(paragraph, mode) == (
        "After an exchange of greetings SHTYKOV the VTsSPS [The All-Union Central Council of "
        'Trade Unions] district [oblast\'] [literally, "to take a walk"] comprador1 '
        "[one word missing] [handwritten, by Stalin, in the margin: Yes.] Ambassador "
        "Dobrynin October [5?]" + (" page break" if mode == "diplomatic" else "")
    )

    def intervention(kind: str):
        return one(paragraph, f".//*[{has_class('intervention')} and {has_class(kind)}]")

    def popup(kind: str) -> str:
        return text(one(intervention(kind), f"./*[{has_class('popup')}]"))

    assert popup("expansion") == "An abbreviation, expanded by the archive's editors."
    assert intervention("expansion").xpath("./abbr/text()") == ["VTsSPS"]
    assert popup("original-wording") == "The original's wording, given by the archive's editors."
    assert one(intervention("original-wording"), ".//i").get("lang") == "ru-Latn"
    assert popup("explanation") == "An explanation by the archive's editors."
    assert popup("gap-missing") == "Words missing from the source, as the archive's editors note."
    assert popup("add") == (
        "A later addition to the document (handwritten, by Stalin), written in the margin, "
        "as the archive's editors describe it."
    )
    assert intervention("add").xpath(f".//*[{has_class('added')}]/text()") == ["Yes."]
    # a letter-spaced word is one word in the text: a search finds SHTYKOV
    assert paragraph.xpath(f".//*[{has_class('letterspaced')}]/text()") == ["SHTYKOV"]
    opener = one(memo_text(v2_site), "./div[" + has_class("opener") + "]")
    later = one(opener, f".//*[{has_class('intervention')} and {has_class('add')}]")
    assert shown(later, mode) == "[handwritten above: 328/ag]"


def test_v2_styles_for_the_new_conventions(v2_site: Site) -> None:
    css = (v2_site.out / "assets" / "edition.css").read_text(encoding="utf-8")
    for rule in [
        r"\.letterspaced \{[^}]*letter-spacing: \.3em",
        r"\.milestone \{[^}]*text-align: center",
        r"\.intervention\.add \.added \{[^}]*font-style: italic",
        r"\.intervention\.original-wording \.foreign \{[^}]*font-style: italic",
        r"\.rend-right \{ text-align: right",
        r"\.rend-center \{ text-align: center",
        r'ul\.points\.dash \{ list-style-type: "– "',
    ]:
        assert re.search(rule, css), rule


def test_v2_authorial_footnote_at_the_foot_of_its_version(v2_site: Site) -> None:
    """The document's own footnote: its mark at the anchor, its text after the closer and
    the end mark, under a heading of its own; nothing says it is the archive's."""
    translation = memo_text(v2_site)
    call = one(translation, f".//sup[{has_class('footnote-ref')} and {has_class('authorial')}]")
    assert shown(call) == "1"
    assert "comprador1 [one word missing]" in shown(call.getparent())
    note = one(page(v2_site, MEMO), "//*[@id=$i]", i=call.xpath("a/@href")[0][1:])
    aside = note.getparent().getparent()
    assert aside.tag == "aside" and aside.getparent() is translation
    assert translation.xpath("./*")[-1] is aside  # at the foot of the version
    assert aside.getprevious().xpath(f"self::div[{has_class('between')}]//*[@role='separator']")
    assert shown(one(aside, "./h3")) == "Footnotes of the document"
    assert shown(note).startswith("The footnote's text.")
    assert note.get("value") == "1"
    assert note.xpath(".//a/@href") == [f"#{call.xpath('a/@id')[0]}"]
    assert "editors" not in text(aside) and not call.xpath(f".//*[{has_class('popup')}]")


def test_v2_script_layout(v2_site: Site) -> None:
    turn = one(memo_text(v2_site), f"./div[{has_class('sp')}]")
    assert turn.get("data-who") == "p-stalin"
    assert shown(one(turn, f"./*[{has_class('speaker')}]")) == "Comrade Stalin:"
    speech = one(turn, f"./*[{has_class('speech')}]")
    assert [shown(p) for p in speech.xpath("./p")] == [
        "In China a war for peace is taking place.",
        "Peace will depend on our efforts.",
    ]


def test_v2_lists(v2_site: Site) -> None:
    translation = memo_text(v2_site)
    attendance = one(translation, f"./div[{has_class('participants')}]")
    assert shown(one(attendance, f"./*[{has_class('list-head')}]")) == "In attendance: Comrades"
    assert [shown(li) for li in attendance.xpath("./ul/li")] == [
        "Andropov, Iu.V.;",
        "Gromyko, A.A.",
    ]
    points = one(translation, f"./ol[{has_class('points')}]")
    assert [li.get("value") for li in points.xpath("./li")] == ["1", "3"]
    assert shown(points.xpath("./li")[0]) == "1. Gave an appraisal."
    third = points.xpath("./li")[1]
    assert [shown(p) for p in third.xpath("./p")] == ["On the loan.", "More."]
    assert [shown(li) for li in third.xpath(f"./ol[{has_class('points')}]/li")] == [
        "а) first",
        "б) second",
    ]
    assert shown(one(third, f"./*[{has_class('item-n')}]")) == "3."
    dashed = one(translation, f"./ul[{has_class('dash')}]")
    assert [shown(li) for li in dashed.xpath("./li")] == ["continuous tension,"]


def test_v2_sections_separators_quotes_and_closer(v2_site: Site) -> None:
    translation = memo_text(v2_site)
    separators = translation.xpath(f".//*[{has_class('milestone')}]")
    assert [(shown(m), m.get("aria-label")) for m in separators] == [
        ("* * *", "section break"),
        ("###", "end mark"),
    ]
    section = one(translation, f"./section[{has_class('section')}]")
    head = one(section, "./h3")
    assert shown(head) == "I." and "rend-center" in head.get("class").split()
    letter = one(section, "./blockquote")
    assert "letter" in letter.get("class").split()
    assert shown(one(letter, f"./*[{has_class('quote-label')}]")) == "Letter quoted in the document"
    assert shown(one(letter, f".//*[{has_class('signed')}]")) == "Kim Il Sung"
    stamp = one(section, f".//*[{has_class('stamp')}]")
    assert shown(stamp).startswith("classification stamp Classification level blacked out")
    closer = one(translation, f"./div[{has_class('closer')}]")
    signed = one(closer, f"./*[{has_class('signed')}]")
    assert shown(signed) == "USSR AMBASSADOR PUZANOV [Chinese signature]"
    assert "rend-right" in signed.get("class").split()
    assert shown(one(closer, f"./*[{has_class('clerk')}]")) == (
        "Verified: Chief of the Section COLONEL [signature] (Makarov)"
    )


def test_v2_names_link_to_their_passages(v2_site: Site) -> None:
    """A name in a list of participants, a script or a section links to its passage."""
    doc = page(v2_site, "person-andropov.html")
    passages = doc.xpath(f"//a[{has_class('passage')}][starts-with(@href, $m)]/@href", m=MEMO)
    assert passages == [f"{MEMO}.html#translation-b3"]
    assert shown(one(page(v2_site, MEMO), "//*[@id='translation-b3']")) == "Andropov, Iu.V.;"


def test_index_type_column_and_filter(v2_site: Site) -> None:
    doc = page(v2_site, "index.html")
    rows = doc.xpath("//table[@id='cables']/tbody/tr[not(@class)]")
    memo = one(doc, "//tbody/tr[.//a[@href=$h]]", h=f"{MEMO}.html")
    assert shown(cell(memo, "Type")) == "Record of conversation"
    assert cell(memo, "Type").get("data-type") == "memorandum"
    assert shown(cell(memo, "Parties")) == "I.V. Stalin, Mao Zedong, Fedorenko"
    assert shown(cell(memo, "Date")) == "16 December 1949"
    # in its place in time by its date of creation (it has no sent date)
    starts = [cell(row, "Date").get("data-value") for row in rows]
    position = rows.index(memo)
    assert starts[position] == "1949-12-16"
    assert all(start <= "1949-12-16" for start in starts[:position])
    assert all(start >= "1949-12-16" for start in starts[position + 1 :])  # "undated" too
    roots = [tei(v2_site, c) for c in v2_site.cables()]
    counts = Counter(doc_type(root) for root in roots)
    for kind, count in counts.items():
        typed = [row for row in rows if cell(row, "Type").get("data-type") == kind]
        assert len(typed) == count, kind
        assert {shown(cell(row, "Type")) for row in typed} == {TYPE_NAMES[kind][0]}
    select = one(doc, "//select[@id='type-filter']")
    assert one(doc, "//label[@for='type-filter']") is not None
    assert [(o.get("value"), shown(o)) for o in select.xpath("option")] == [
        ("", f"All types ({len(rows)})"),
        *[(kind, f"{TYPE_NAMES[kind][0]} ({counts[kind]})") for kind in sorted(counts)],
    ]
    intro = shown(one(doc, "//p[" + has_class("intro") + "]"))
    assert intro == f"{len(rows)} documents{types_in_words(roots)}, in date order."


def test_a_footnote_whose_text_the_export_lacks_says_so(site: Site) -> None:
    """A footnote call whose text is not in the export (an empty authorial note, D8) is
    listed with a word saying so, not as an empty footnote."""
    said = "[the footnote's text is not in the export]"
    found = 0
    for xml_id in site.cables():
        empty = tei(site, xml_id).xpath("//tei:note[@type='authorial'][not(node())]", namespaces=NS)
        items = page(site, xml_id).xpath(f"//aside[{has_class('footnotes')}]//li")
        saying = [li for li in items if said in text(li)]
        assert len(saying) == len(empty), xml_id
        found += len(empty)
    assert found  # the samples have such calls (247's 'Uhr[1]', 254's [1]-[4])
