"""The corpus documents: the input of the pages that span the corpus.

The print volume reads every cable whole (`build_corpus`), with the authority files after
the cables; the web edition's entity lists read the authority files with how often each
entry is mentioned (`authority_document`; the counts come from render.summaries).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from cablegram.safexml import parse_xml

CG_NS = "urn:cablegram:site"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def build_corpus(cables: Iterable[etree._ElementTree], authority: Path) -> etree._ElementTree:
    """One document holding every cable whole, and the authority files."""
    root = _site()
    holder = etree.SubElement(root, f"{{{CG_NS}}}cables")
    for tree in cables:
        holder.append(tree.getroot().__copy__())
    _add_authority(root, authority)
    return etree.ElementTree(root)


def authority_document(authority: Path, counts: dict[str, tuple[int, int]]) -> etree._ElementTree:
    """The authority files, each entry with how many cables and passages mention it
    (cg:cables, cg:passages; `counts`: entry id → both)."""
    root = _site()
    _add_authority(root, authority)
    for entry in root.iterfind(f"{{{CG_NS}}}authority//*[@{XML_ID}]"):
        found = counts.get(entry.get(XML_ID, ""))
        if found:
            entry.set(f"{{{CG_NS}}}cables", str(found[0]))
            entry.set(f"{{{CG_NS}}}passages", str(found[1]))
    return etree.ElementTree(root)


def _site() -> etree._Element:
    return etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS, None: TEI_NS})


def _add_authority(root: etree._Element, authority: Path) -> None:
    entries = etree.SubElement(root, f"{{{CG_NS}}}authority")
    if authority.is_dir():
        for path in sorted(authority.glob("*.xml")):
            entries.append(parse_xml(path).getroot())
