"""The corpus document: every cable and the authority files in one tree, the input of
the pages that span the corpus (index, entity pages, the print volume)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from cablegram.safexml import parse_xml

CG_NS = "urn:cablegram:site"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def build_corpus(
    cables: Iterable[etree._ElementTree], authority: Path, *, full_text: bool = False
) -> etree._ElementTree:
    """One document holding every cable and the authority files: the input of the pages
    that span the corpus (index, entity pages: outlines; the print volume: full text)."""
    root = etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS, None: TEI_NS})
    holder = etree.SubElement(root, f"{{{CG_NS}}}cables")
    for tree in cables:
        holder.append(tree.getroot().__copy__() if full_text else outline(tree.getroot()))
    entries = etree.SubElement(root, f"{{{CG_NS}}}authority")
    if authority.is_dir():
        for path in sorted(authority.glob("*.xml")):
            entries.append(parse_xml(path).getroot())
    return etree.ElementTree(root)


NAMES = {f"{{{TEI_NS}}}{n}" for n in ("persName", "placeName", "orgName")}


def outline(tei: etree._Element) -> etree._Element:
    """A copy of a cable for the pages spanning the corpus: the header whole, and of the
    text only what those pages read, the names and the blocks they sit in (the blocks
    keep their order and nesting, so their anchors are numbered as on the cable page).
    Most of a cable is running text: leaving it out keeps the corpus small at 10,000."""
    copy = etree.Element(tei.tag, attrib=dict(tei.attrib), nsmap=tei.nsmap)
    for child in tei:
        if etree.QName(child).localname == "teiHeader":
            copy.append(child.__copy__())
        elif etree.QName(child).localname == "text":
            copy.append(_outline_text(child))
    return copy


def _outline_text(text: etree._Element) -> etree._Element:
    keep: set[etree._Element] = set()
    for element in text.iter(f"{{{TEI_NS}}}*"):
        if element.tag in NAMES or _is_block(element):
            keep.add(element)
            for ancestor in element.iterancestors():
                if ancestor in keep:
                    break  # its ancestors are in already
                keep.add(ancestor)
    return _copy_kept(text, keep)


def _copy_kept(element: etree._Element, keep: set[etree._Element]) -> etree._Element:
    copy = etree.Element(element.tag, attrib=dict(element.attrib))
    for child in element:
        if child not in keep:
            continue
        if child.tag in NAMES:
            name = etree.SubElement(copy, child.tag, attrib=dict(child.attrib))
            name.text = "".join(child.itertext())
        else:
            copy.append(_copy_kept(child, keep))
    return copy


def _is_block(element: etree._Element) -> bool:
    local = etree.QName(element).localname
    if local in {"p", "ab", "opener", "closer"}:
        return True
    parent = element.getparent()
    return local == "item" and parent is not None and parent.get("type") == "ordered"
