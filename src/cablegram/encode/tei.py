"""The TEI writer: a `Document` becomes a TEI P5 tree, following ENCODING.md.

`encode_document` assembles the text (`encode.text`, `encode.inline`) and the teiHeader
(`encode.header`), the id (`encode.ids`); `serialise` writes canonical bytes (structure
indented, mixed content untouched) with the `xml-model` processing instructions that point
an XML editor at the project's schemas.
"""

from __future__ import annotations

from lxml import etree

from cablegram.edition import Edition
from cablegram.encode.anchors import assign_ids
from cablegram.encode.header import header
from cablegram.encode.ids import document_id, slug
from cablegram.encode.text import version_div
from cablegram.encode.xml import TEI_NS, XML_ID, XML_LANG, Context, tei
from cablegram.model import Document, Participant

__all__ = ["TEI_NS", "XML_ID", "XML_LANG", "document_id", "encode_document", "serialise"]

STRUCTURAL = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "sourceDesc",
    "msDesc", "msIdentifier", "altIdentifier", "msContents", "msItem", "encodingDesc",
    "editorialDecl", "profileDesc", "abstract", "langUsage", "correspDesc", "correspAction",
    "revisionDesc", "seriesStmt", "availability", "text", "body", "div", "opener", "closer",
    "list", "quote", "floatingText",
    "listBibl", "history", "creation", "handNotes", "particDesc", "listPerson", "person", "sp",
}  # fmt: skip
SCHEMA_PIS = (
    'href="../schemas/cablegram.xsd" type="application/xml" '
    'schematypens="http://www.w3.org/2001/XMLSchema"',
    'href="../schemas/cablegram.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"',
)


def encode_document(
    document: Document, xml_id: str | None = None, edition: Edition | None = None
) -> etree._ElementTree:
    """The TEI document of an archive document, in `edition` (its header says who edits
    and publishes it, and under which licence)."""
    ctx = Context("#translator" if document.metadata.translators else None)
    for participant in document.metadata.participants:
        ctx.speakers.setdefault(participant.name, _person_id(participant, ctx))
    xml_id = xml_id or document_id(document)
    root = tei("TEI", xml_id=xml_id, xml_lang="en")
    text = tei("text", type=document.metadata.kind)
    body = tei("body", text)
    for version in document.versions:
        version_div(body, version, ctx)
    if not len(body):
        tei("gap", tei("div", body, type="original", xml_lang="und"), reason="truncated")
    root.append(
        header(document, ctx, edition, xml_id)
    )  # after the text: it lists the hands the text met
    root.append(text)
    assign_ids(root)
    tree = etree.ElementTree(root)
    for pi in SCHEMA_PIS:
        root.addprevious(etree.ProcessingInstruction("xml-model", pi))
    return tree


def _person_id(participant: Participant, ctx: Context) -> str:
    """`p-` and the authority's id of the person (`p-stalin`), else the name's slug; a
    second person of the same id gets `-2`."""
    known = participant.ref.rsplit("#", 1)[1] if participant.ref and "#" in participant.ref else ""
    base = f"p-{known or slug(participant.name) or 'person'}"
    xml_id, n = base, 2
    while xml_id in ctx.speakers.values():
        xml_id, n = f"{base}-{n}", n + 1
    return xml_id


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent element-only structure; leave mixed content exactly as it is."""
    if etree.QName(element).localname not in STRUCTURAL or (element.text or "").strip():
        return
    if any((child.tail or "").strip() for child in element):
        return
    pad = "\n" + "  " * (level + 1)
    if len(element):
        element.text = pad
        for child in element:
            _indent(child, level + 1)
            child.tail = pad
        element[-1].tail = "\n" + "  " * level


def serialise(tree: etree._ElementTree) -> bytes:
    """Canonical bytes of a TEI document (deterministic: no dates, fixed layout)."""
    root = tree.getroot()
    _indent(root)
    lines = [b'<?xml version="1.0" encoding="UTF-8"?>']
    sibling = root.getprevious()
    preceding = []
    while sibling is not None:
        preceding.append(etree.tostring(sibling, encoding="UTF-8"))
        sibling = sibling.getprevious()
    lines.extend(reversed(preceding))
    lines.append(etree.tostring(root, encoding="UTF-8"))
    return b"\n".join(lines) + b"\n"
