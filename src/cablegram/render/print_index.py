"""The print edition's indexes of persons, places and organisations, with every page on
which an entry is named, in ranges ("6–9, 12").

CSS can give only the page of one element (target-counter): it cannot gather an entry's
pages, drop the repeated ones or join the pages that follow each other. So a volume is laid
out in two stages: first without its indexes, then the page of every mention (the name's
`m-…` anchor, whose `data-ref` names its entry) is read from the layout, and the indexes
(xslt/print/index.xsl) are laid out alone, their page numbers going on after the volume's
last page, and appended. The cables' pages cannot move, since the indexes come last; the
contents, laid out before the indexes' pages were known, is laid out again with every page
number given (the same lines, so the same pages) and put in place of the first one.

Each volume's pages (entry → pages) are kept beside it (`sidecar`), so that the index of an
edition of several volumes (`edition_index_html`: "2: 14–15; 3: 7") needs no layout of the
volumes kept unchanged.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import lxml.html
from lxml import etree

from cablegram import shapes
from cablegram.errors import CablegramError
from cablegram.files import write_atomic
from cablegram.render.corpus import CG_NS, authority_document
from cablegram.render.xslt import Styles

if TYPE_CHECKING:
    from weasyprint.document import Document

CG = f"{{{CG_NS}}}"
# an entry's pages: for each page on which it is named, the first mention's anchor there
Found = dict[str, dict[int, str]]


def lay_out_volume(
    html: str, authority: Path, styles: Styles, layout: Callable[[str], Document]
) -> tuple[Document, dict[str, list[int]]]:
    """The volume's paged HTML (xslt/print/volume.xsl) laid out with its indexes after it;
    and each entry's pages."""
    volume = layout(html)
    tree = lxml.html.fromstring(html)
    found = mentions(volume, tree)
    last = len(volume.pages)
    source = index_source(authority, {ref: _ranges(pages) for ref, pages in found.items()})
    index_html = str(styles.transform("print/index.xsl", source))
    index = layout(continued(index_html, last + 1)).pages
    if not any(page.anchors for page in index):  # (no entry named: no index, no blank page)
        index = []
    anchors = _anchor_pages(volume.pages) | _anchor_pages(index, last)
    start = anchors["contents"]
    laid = layout(continued(contents_html(tree, anchors), start))
    end = anchors[_first_target(tree)]  # (the part after the contents)
    if len(laid.pages) != end - start:  # (the same lines: its numbers stand in a margin)
        raise CablegramError(f"the contents took {len(laid.pages)} pages, not {end - start}")
    combined = volume.pages[: start - 1] + laid.pages + volume.pages[end - 1 :] + index
    return volume.copy(combined), {ref: sorted(pages) for ref, pages in found.items()}


def mentions(document: Document, tree: lxml.html.HtmlElement) -> Found:
    """For every entry named in the text, the pages on which its mentions stand, each with
    the first mention there (its anchor); `tree`: its paged HTML."""
    refs = {
        span.get("id", ""): span.get("data-ref", "") for span in tree.iterfind(".//span[@data-ref]")
    }
    found: Found = {}
    # (a name broken across pages is an anchor of both: it is named on the first, where it
    # begins; the next shows only its end, "ZEDONG.", no form of it)
    earlier: set[str] = set()
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            ref = refs.get(anchor)
            if ref and anchor not in earlier:
                found.setdefault(ref, {}).setdefault(number, anchor)
        earlier.update(page.anchors)
    return found


def ranges(pages: Iterable[int]) -> list[tuple[int, int]]:
    """Pages as ranges of pages that follow each other: 6, 7, 8, 9, 12 → (6, 9), (12, 12)."""
    runs: list[tuple[int, int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], page)
        else:
            runs.append((page, page))
    return runs


def _ranges(pages: Mapping[int, str]) -> list[etree._Element]:
    """An entry's pages as cg:range elements, each linked to its first page's first mention."""
    made = []
    for first, last in ranges(pages):
        made.append(
            etree.Element(f"{CG}range", first=str(first), last=str(last), anchor=pages[first])
        )
    return made


def index_source(
    authority: Path, entries: Mapping[str, list[etree._Element]]
) -> etree._ElementTree:
    """The input of xslt/print/index.xsl: the authority files, and each entry's pages (its
    cg:range or cg:volume elements)."""
    tree = authority_document(authority, {})
    holder = etree.SubElement(tree.getroot(), f"{CG}index")
    for ref, parts in sorted(entries.items()):
        entry = etree.SubElement(holder, f"{CG}entry", ref=ref)
        entry.extend(parts)
    return tree


def continued(html: str, first_page: int) -> str:
    """Paged HTML that goes on a volume's pages: its first page numbered `first_page`,
    with running head and number (print.css, `continued`)."""
    root = lxml.html.fromstring(html)
    root.set("class", "continued")
    style = etree.SubElement(root.find("head"), "style")
    style.text = f"@page :first {{ counter-reset: page {first_page}; }}"
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def contents_html(tree: lxml.html.HtmlElement, anchors: Mapping[str, int]) -> str:
    """The volume's contents alone (`tree`: the volume's paged HTML), each entry with its
    page number given (`anchors`: the page of every anchor of the volume and its indexes)."""
    root = etree.Element("html", dict(tree.attrib))
    root.append(copy.deepcopy(tree.find("head")))
    body = etree.SubElement(root, "body", dict(tree.find("body").attrib))
    nav = copy.deepcopy(tree.find(".//nav[@id='contents']"))
    body.append(nav)
    for link in nav.iterfind(".//a[@href]"):
        number = anchors.get(link.get("href", "").removeprefix("#"))
        if number is None:  # (an index of no entry: none laid out): its row goes
            row = link.xpath("ancestor::tr[1]")
            if row and row[0].getparent() is not None:
                row[0].getparent().remove(row[0])
        elif "page" in (link.get("class") or "").split():
            link.set("data-page", str(number))
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def _first_target(tree: lxml.html.HtmlElement) -> str:
    """The part that follows the contents: its first entry."""
    link = tree.find(".//nav[@id='contents']//a[@href]")
    return link.get("href", "").removeprefix("#") if link is not None else ""


def _anchor_pages(pages: list, before: int = 0) -> dict[str, int]:
    """The page number of every anchor on `pages` (numbered from `before` + 1): the first
    page of an element that runs on to others."""
    found: dict[str, int] = {}
    for number, page in enumerate(pages, before + 1):
        for anchor in page.anchors:
            found.setdefault(anchor, number)
    return found


# ---------------------------------------------------------------- an edition of volumes


def sidecar(volume: Path) -> Path:
    """The file beside a volume that keeps its entries' pages (edition-2.index.json)."""
    return volume.with_suffix(".index.json")


def write_pages(volume: Path, pages: Mapping[str, list[int]]) -> None:
    write_atomic(sidecar(volume), json.dumps(pages, sort_keys=True).encode())


# entry (its @ref) -> the pages of the volume that name it
PAGES = shapes.mapping(shapes.text, shapes.listing(shapes.integer))


def read_pages(volume: Path) -> dict[str, list[int]] | None:
    """The entries' pages kept beside a volume; None when there are none, or what is there
    is not of their shape (the volume is then laid out again)."""
    found = shapes.read_json(sidecar(volume), PAGES)
    return found if isinstance(found, dict) else None


def edition_index_html(
    authority: Path, volumes: Iterable[tuple[int, Mapping[str, list[int]]]], styles: Styles
) -> str:
    """The index of an edition of several volumes: each entry's volumes, each with its
    pages ("2: 14–15; 3: 7"); `volumes`: each volume's number and its entries' pages."""
    entries: dict[str, list[etree._Element]] = {}
    for number, pages in volumes:
        for ref, numbers in pages.items():
            volume = etree.Element(f"{CG}volume", n=str(number))
            for first, last in ranges(numbers):
                etree.SubElement(volume, f"{CG}range", first=str(first), last=str(last))
            entries.setdefault(ref, []).append(volume)
    source = index_source(authority, entries)
    return str(styles.transform("print/index.xsl", source, edition="yes"))
