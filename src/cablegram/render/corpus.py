"""The corpus documents: the input of the pages that span the corpus.

The print volume reads every cable whole (`build_corpus`); the web edition's index and
entity pages read one small summary per cable (`summary_corpus`, the output of
xslt/web/summary.xsl), so that their memory stays small as the corpus grows. Both hold the
authority files after the cables.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from cablegram.safexml import parse_xml, safe_parser

CG_NS = "urn:cablegram:site"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def build_corpus(cables: Iterable[etree._ElementTree], authority: Path) -> etree._ElementTree:
    """One document holding every cable whole, and the authority files."""
    root, holder = _site()
    for tree in cables:
        holder.append(tree.getroot().__copy__())
    _add_authority(root, authority)
    return etree.ElementTree(root)


def summary_corpus(summaries: Iterable[bytes], authority: Path) -> etree._ElementTree:
    """One document holding the summary of every cable, and the authority files."""
    root, holder = _site()
    parser = safe_parser()
    for summary in summaries:
        holder.append(etree.fromstring(summary, parser))
    _add_authority(root, authority)
    return etree.ElementTree(root)


def _site() -> tuple[etree._Element, etree._Element]:
    root = etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS, None: TEI_NS})
    return root, etree.SubElement(root, f"{{{CG_NS}}}cables")


def _add_authority(root: etree._Element, authority: Path) -> None:
    entries = etree.SubElement(root, f"{{{CG_NS}}}authority")
    if authority.is_dir():
        for path in sorted(authority.glob("*.xml")):
            entries.append(parse_xml(path).getroot())
