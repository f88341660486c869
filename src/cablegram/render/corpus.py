"""The corpus documents: the input of the pages that span the corpus.

The print volume reads every cable whole (`build_corpus`); the web edition's index and
entity pages read one small summary per cable (`summary_corpus`, the output of
xslt/web/summary.xsl), so that their memory stays small as the corpus grows. Both hold the
authority files after the cables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from sys import intern
from typing import NamedTuple

from lxml import etree

from cablegram.safexml import parse_xml, safe_parser

CG_NS = "urn:cablegram:site"
TEI_NS = "http://www.tei-c.org/ns/1.0"
MENTION = f"{{{CG_NS}}}mention"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def build_corpus(cables: Iterable[etree._ElementTree], authority: Path) -> etree._ElementTree:
    """One document holding every cable whole, and the authority files."""
    root, holder = _site()
    for tree in cables:
        holder.append(tree.getroot().__copy__())
    _add_authority(root, authority)
    return etree.ElementTree(root)


class Mention(NamedTuple):
    """A cable's name pointing at an authority entry: where it stands and how it reads."""

    cable: int  # the summary's position among the corpus's cables
    anchor: str
    lang: str
    text: str


@dataclass
class SummaryCorpus:
    """The corpus for the web edition's index and entity pages: a document of the cables'
    summaries (without their names) and the authority files, each entry with how many
    cables and passages mention it (cg:cables, cg:passages); and the names by entry, kept
    as small tuples rather than elements (320 MB as elements at 10,000 cables, 60 MB so)."""

    tree: etree._ElementTree
    cables: list[etree._Element]
    mentions: dict[str, list[Mention]]

    def entry_document(self, entry: etree._Element) -> etree._ElementTree:
        """The input of an entry's page: the entry, and the summaries of the cables that
        mention it with those mentions only."""
        root = etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS})
        holder = etree.SubElement(root, f"{{{CG_NS}}}cables")
        current, at = None, -1
        for mention in self.mentions.get(entry.get(XML_ID, ""), []):
            if mention.cable != at:  # the mentions of one cable come together
                at, summary = mention.cable, self.cables[mention.cable]
                current = etree.SubElement(holder, summary.tag, attrib=dict(summary.attrib))
                current.append(summary.find(f"{{{CG_NS}}}title").__copy__())
            name = etree.SubElement(current, MENTION, anchor=mention.anchor, lang=mention.lang)
            name.text = mention.text
        etree.SubElement(root, f"{{{CG_NS}}}authority").append(entry.__copy__())
        return etree.ElementTree(root)


def summary_corpus(summaries: Iterable[bytes], authority: Path) -> SummaryCorpus:
    """The corpus of the cables' summaries (xslt/web/summary.xsl) and the authority files."""
    root, holder = _site()
    parser = safe_parser()
    cables: list[etree._Element] = []
    mentions: dict[str, list[Mention]] = {}
    for summary in summaries:
        cable = etree.fromstring(summary, parser)
        for name in cable.findall(MENTION):
            entry = intern(name.get("entry", ""))
            found = Mention(
                len(cables),
                intern(name.get("anchor", "")),
                intern(name.get("lang", "")),
                intern(name.text or ""),
            )
            mentions.setdefault(entry, []).append(found)
            cable.remove(name)
        holder.append(cable)
        cables.append(cable)
    _add_authority(root, authority)
    for entry in root.iterfind(f"{{{CG_NS}}}authority//*[@{XML_ID}]"):
        found = mentions.get(entry.get(XML_ID, ""), [])
        if found:
            entry.set(f"{{{CG_NS}}}cables", str(len({m.cable for m in found})))
            entry.set(f"{{{CG_NS}}}passages", str(len(found)))
    return SummaryCorpus(etree.ElementTree(root), cables, mentions)


def _site() -> tuple[etree._Element, etree._Element]:
    root = etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS, None: TEI_NS})
    return root, etree.SubElement(root, f"{{{CG_NS}}}cables")


def _add_authority(root: etree._Element, authority: Path) -> None:
    entries = etree.SubElement(root, f"{{{CG_NS}}}authority")
    if authority.is_dir():
        for path in sorted(authority.glob("*.xml")):
            entries.append(parse_xml(path).getroot())
