"""The corpus document: every cable and the authority files in one tree, the input of
the pages that span the corpus (index, entity pages, the print volume)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from cablegram.errors import CablegramError

CG_NS = "urn:cablegram:site"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def parse_tei(path: Path) -> etree._ElementTree:
    """A TEI file, parsed without DTDs, entities or network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.parse(str(path), parser)
    except (OSError, etree.XMLSyntaxError) as exc:
        raise CablegramError(f"{path}: cannot be read as XML ({exc})") from exc


def build_corpus(cables: list[etree._ElementTree], authority: Path) -> etree._ElementTree:
    """One document holding every cable and the authority files: the input of the pages
    that span the corpus (index, entity pages)."""
    root = etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS, None: TEI_NS})
    holder = etree.SubElement(root, f"{{{CG_NS}}}cables")
    for tree in cables:
        holder.append(tree.getroot().__copy__())
    entries = etree.SubElement(root, f"{{{CG_NS}}}authority")
    if authority.is_dir():
        for path in sorted(authority.glob("*.xml")):
            entries.append(parse_tei(path).getroot())
    return etree.ElementTree(root)
