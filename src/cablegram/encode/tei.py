"""The TEI writer: a `Cable` becomes a TEI P5 tree, following ENCODING.md.

One builder per kind of node; `encode_cable` assembles the teiHeader and the text, and
`serialise` writes canonical bytes (structure indented, mixed content untouched) with the
`xml-model` processing instructions that point an XML editor at the project's schemas.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lxml import etree

from cablegram import __version__
from cablegram.model import (
    ArchivalCopy,
    Cable,
    CableText,
    ClerkNote,
    CloserLine,
    Dateline,
    Distribution,
    FormeWork,
    Furniture,
    Gap,
    Gapped,
    Identification,
    Inline,
    LineBreak,
    Link,
    Name,
    Note,
    Number,
    NumberedList,
    PageBreak,
    Paragraph,
    Party,
    SheetTurn,
    Sic,
    Signed,
    Stamp,
    StampBlock,
    Supplied,
    Telegram,
    Text,
    Unclear,
    Version,
    When,
    with_breaks,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
ARCHIVE = "#archive"  # the archive's editors, declared in the titleStmt
LANGUAGE_LABELS = {
    "ru": "Russian", "en": "English", "de": "German", "fr": "French", "zh": "Chinese",
    "ko": "Korean", "ja": "Japanese", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech",
    "it": "Italian", "es": "Spanish", "bg": "Bulgarian", "hu": "Hungarian", "ro": "Romanian",
    "und": "Undetermined",
}  # fmt: skip
NAME_ELEMENT = {"person": "persName", "place": "placeName", "org": "orgName"}
FURNITURE_ELEMENT = {"received": ("dateline", None), "salute": ("salute", None)}
STRUCTURAL = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt", "sourceDesc",
    "msDesc", "msIdentifier", "altIdentifier", "msContents", "msItem", "encodingDesc",
    "editorialDecl", "profileDesc", "abstract", "langUsage", "correspDesc", "correspAction",
    "revisionDesc", "text", "body", "div", "opener", "closer", "list", "quote", "floatingText",
}  # fmt: skip
SCHEMA_PIS = (
    'href="../schemas/cablegram.xsd" type="application/xml" '
    'schematypens="http://www.w3.org/2001/XMLSchema"',
    'href="../schemas/cablegram.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"',
)


def tei(tag: str, parent: etree._Element | None = None, **attrs: str | None) -> etree._Element:
    """A TEI element (``xml_id``/``xml_lang`` keywords give the xml: attributes)."""
    name = f"{{{TEI_NS}}}{tag}"
    if parent is None:
        element = etree.Element(name, nsmap={None: TEI_NS})
    else:
        element = etree.SubElement(parent, name)
    for key, value in attrs.items():
        if value is None:
            continue
        if key == "xml_id":
            element.set(XML_ID, value)
        elif key == "xml_lang":
            element.set(XML_LANG, value)
        else:
            element.set(key.rstrip("_"), value)
    return element


def document_id(cable: Cable) -> str:
    """``cable-1951-06-30-21340-mao-zedong``: date, number and sender of the document."""
    meta = cable.metadata
    parts = ["cable", meta.date or "undated"]
    if meta.cable_number:
        parts.append(meta.cable_number)
    sender = meta.senders[0].name if meta.senders else ""
    parts.append(_slug(sender) or "unknown")
    return _slug("-".join(parts))


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# ---------------------------------------------------------------- inline


def add_inlines(parent: etree._Element, nodes: Iterable[Inline], ctx: _Ctx) -> None:
    for node in nodes:
        if isinstance(node, Text):
            _append_text(parent, node.text)
        else:
            _inline_element(parent, node, ctx)


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _add_marked(parent: etree._Element, text: str, ctx: _Ctx) -> None:
    """A string of the model that may hold line and page breaks (a bracket spanning lines)."""
    add_inlines(parent, with_breaks(text), ctx)


class _Ctx:
    """What the builders need to know about the document being encoded."""

    def __init__(self, translator_id: str | None) -> None:
        self.translator_id = translator_id


def _inline_element(parent: etree._Element, node: Inline, ctx: _Ctx) -> None:
    if isinstance(node, LineBreak):
        tei("lb", parent, break_="no" if node.hyphenated else None, ed=node.edition)
    elif isinstance(node, PageBreak):
        tei("pb", parent, ed=node.edition, n=node.n)
    elif isinstance(node, FormeWork):
        add_inlines(tei("fw", parent, type=node.kind), node.content, ctx)
    elif isinstance(node, Sic):
        if node.correction:
            choice = tei("choice", parent)
            _add_marked(tei("sic", choice), node.text, ctx)
            corr = tei("corr", choice, resp=ARCHIVE, cert=node.correction_cert)
            _add_marked(corr, node.correction, ctx)
        else:
            _add_marked(tei("sic", parent), node.text, ctx)
    elif isinstance(node, Unclear):
        _add_marked(tei("unclear", parent, cert="low", resp=ARCHIVE), node.text, ctx)
    elif isinstance(node, Supplied):
        element = tei("supplied", parent, reason="omitted", resp=ARCHIVE, cert=node.cert)
        _add_marked(element, node.text, ctx)
    elif isinstance(node, Identification):
        note = tei("note", parent, type="identification", place="inline", resp=ARCHIVE)
        if node.ref and node.kind:
            _add_marked(tei(NAME_ELEMENT[node.kind], note, ref=node.ref), node.text, ctx)
        else:
            _add_marked(note, node.text, ctx)
    elif isinstance(node, Gap):
        gap = tei(
            "gap", parent, reason=node.reason, resp=ARCHIVE if node.reason != "truncated" else None
        )
        if node.desc:
            tei("desc", gap).text = node.desc
    elif isinstance(node, Note):
        if node.kind == "foot":
            note = tei("note", parent, type="footnote", place="foot", n=node.n, resp=ARCHIVE)
        elif node.kind == "translator":
            note = tei("note", parent, type="translator", resp=ctx.translator_id or ARCHIVE)
        else:
            note = tei("note", parent, type="editorial", resp=ARCHIVE)
        add_inlines(note, node.content, ctx)
    elif isinstance(node, Stamp):
        add_inlines(tei("stamp", parent), node.content, ctx)
    elif isinstance(node, Name):
        add_inlines(tei(NAME_ELEMENT[node.kind], parent, ref=node.ref), node.content, ctx)
    elif isinstance(node, When):
        if node.kind == "date":
            tei("date", parent, when=node.iso).text = node.text
        else:
            tei("time", parent, when=node.iso).text = node.text
    elif isinstance(node, Number):
        tei("idno", parent, type=node.kind).text = node.text
    elif isinstance(node, Link):
        tei("ref", parent, target=node.url).text = node.url
    else:  # pragma: no cover - the model is closed
        raise TypeError(f"no TEI builder for {type(node).__name__}")


# ---------------------------------------------------------------- blocks


def _cable_text(parent: etree._Element, text: CableText, ctx: _Ctx) -> None:
    if text.opener:
        opener = tei("opener", parent)
        for item in text.opener:
            _opener_part(opener, item, ctx)
    for block in text.body:
        _body_part(parent, block, ctx)
    if text.closer and not text.body:
        tei("p", parent)  # TEI admits a closer only after a block; the text has none here
    if text.closer:
        closer = tei("closer", parent)
        for line in text.closer:
            _closer_part(closer, line, ctx)


def _opener_part(opener: etree._Element, part: object, ctx: _Ctx) -> None:
    if isinstance(part, Furniture):
        tag, kind = FURNITURE_ELEMENT.get(part.kind, ("seg", part.kind))
        add_inlines(tei(tag, opener, type=kind), part.content, ctx)
    elif isinstance(part, Distribution):
        _distribution(opener, part, ctx)
    elif isinstance(part, StampBlock | SheetTurn):
        add_inlines(opener, part.content, ctx)
    elif isinstance(part, Gapped):
        _inline_element(opener, part.gap, ctx)
    else:  # pragma: no cover
        raise TypeError(f"unexpected opener part {type(part).__name__}")


def _distribution(parent: etree._Element, part: Distribution, ctx: _Ctx) -> None:
    seg = tei("seg", parent, type="distribution")
    add_inlines(seg, part.label, ctx)
    if part.items:  # a label whose list the parser did not find: no empty list (invalid)
        _items(tei("list", seg, type="distribution"), part.items, ctx)


def _items(list_element: etree._Element, items: Iterable, ctx: _Ctx) -> None:
    for item in items:
        add_inlines(tei("item", list_element, n=item.n), item.content, ctx)


def _body_part(div: etree._Element, part: object, ctx: _Ctx) -> None:
    if isinstance(part, Paragraph) and len(part.content) == 1 and isinstance(part.content[0], Note):
        _inline_element(div, part.content[0], ctx)  # a note standing alone between paragraphs
    elif isinstance(part, Paragraph):
        add_inlines(tei("p", div), part.content, ctx)
    elif isinstance(part, NumberedList):
        _items(tei("list", div, type="ordered"), part.items, ctx)
    elif isinstance(part, StampBlock):
        add_inlines(tei("ab", div, type="stamp"), part.content, ctx)
    elif isinstance(part, SheetTurn):
        add_inlines(div, part.content, ctx)
    elif isinstance(part, Gapped):
        _inline_element(div, part.gap, ctx)
    elif isinstance(part, Telegram):
        quote = tei("quote", div)
        floating = tei("floatingText", quote, type=part.kind)
        _cable_text(tei("body", floating), part.text, ctx)
    else:  # pragma: no cover
        raise TypeError(f"unexpected body part {type(part).__name__}")


def _closer_part(closer: etree._Element, part: object, ctx: _Ctx) -> None:
    if isinstance(part, Signed):
        add_inlines(tei("signed", closer), part.content, ctx)
    elif isinstance(part, Dateline):
        add_inlines(tei("dateline", closer), part.content, ctx)
    elif isinstance(part, ClerkNote):
        add_inlines(tei("note", closer, type="clerk"), part.content, ctx)
    elif isinstance(part, CloserLine):
        add_inlines(tei("seg", closer, type="number"), part.content, ctx)
    elif isinstance(part, Furniture):
        add_inlines(tei("salute", closer), part.content, ctx)
    elif isinstance(part, Distribution):
        _distribution(closer, part, ctx)
    elif isinstance(part, StampBlock | SheetTurn):
        add_inlines(closer, part.content, ctx)
    elif isinstance(part, Gapped):
        _inline_element(closer, part.gap, ctx)
    else:  # pragma: no cover
        raise TypeError(f"unexpected closer part {type(part).__name__}")


def _version(body: etree._Element, version: Version, ctx: _Ctx) -> None:
    div = tei("div", body, type=version.kind, subtype=version.subtype, xml_lang=version.lang)
    _cable_text(div, version.text, ctx)
    if not len(div) and not (div.text or "").strip():
        tei("gap", div, reason="truncated")


# ---------------------------------------------------------------- header


def _header(root: etree._Element, cable: Cable, ctx: _Ctx) -> None:
    meta = cable.metadata
    header = tei("teiHeader", root)
    file_desc = tei("fileDesc", header)
    title_stmt = tei("titleStmt", file_desc)
    add_inlines(tei("title", title_stmt), meta.title, ctx)
    if meta.credits:
        tei("funder", title_stmt).text = meta.credits
    if meta.translators:
        resp = tei("respStmt", title_stmt, xml_id="translator")
        tei("resp", resp).text = "translation"
        for name in meta.translators:
            tei("persName", resp).text = name
    archive = tei("respStmt", title_stmt, xml_id="archive")
    tei("resp", archive).text = "source edition and editorial brackets"
    tei("orgName", archive).text = meta.publisher or "the source archive"
    encoder = tei("respStmt", title_stmt)
    tei("resp", encoder).text = "TEI encoding"
    tei("name", encoder).text = f"cablegram {__version__}"

    publication = tei("publicationStmt", file_desc)
    tei("p", publication).text = (
        "Encoded by cablegram from an export of the archive's web page; "
        "see the source description for the original publication."
    )
    _source_desc(tei("sourceDesc", file_desc), cable, ctx)

    encoding = tei("encodingDesc", header)
    decl = tei("editorialDecl", encoding)
    if meta.contents:
        p = tei("p", decl)
        contents = tei("list", p, type="contents")
        for entry in meta.contents:
            tei("item", contents).text = entry
    else:
        tei("p", decl).text = "The archive's page gives no list of contents."

    profile = tei("profileDesc", header)
    if meta.summary:
        abstract = tei("abstract", profile)
        for paragraph in meta.summary:
            tei("p", abstract).text = paragraph
    _lang_usage(tei("langUsage", profile), cable)
    _corresp_desc(tei("correspDesc", profile), cable, ctx)

    revision = tei("revisionDesc", header)
    change = tei("change", revision, type="conversion")
    change.text = f"Converted by cablegram {__version__} from "
    tei("name", change, type="file").text = cable.source.name
    _append_text(change, " (SHA-256 ")
    tei("idno", change, type="SHA-256").text = cable.source.sha256
    layout = f"), a {cable.source.layout} export"
    _append_text(change, layout + (" that stops mid-text." if cable.source.partial else "."))
    if cable.source.chrome:
        dropped = "; ".join(f"“{text}”" for text in cable.source.chrome)
        _append_text(change, f" Its page chrome was left out: {dropped}.")


def _source_desc(source: etree._Element, cable: Cable, ctx: _Ctx) -> None:
    meta = cable.metadata
    bibl = tei("bibl", source)
    for kind, content in meta.citation:
        if kind == "text":
            add_inlines(bibl, content, ctx)
        elif kind == "title":
            add_inlines(tei("title", bibl), content, ctx)
        elif kind == "date":
            add_inlines(tei("date", bibl, when=meta.date), content, ctx)
        elif kind == "publisher":
            add_inlines(tei("publisher", bibl), content, ctx)
        elif kind == "url":
            url = "".join(n.url for n in content if isinstance(n, Link))
            tei("ptr", bibl, target=url)
            tei("idno", bibl, type="URL").text = url
    if meta.original_language:
        from_code = _original_code(meta.original_language)
        tei("textLang", bibl, mainLang=from_code).text = meta.original_language
    if meta.copies:
        _ms_desc(tei("msDesc", source), meta.copies)


def _original_code(name: str) -> str | None:
    for code, label in LANGUAGE_LABELS.items():
        if name.strip().lower().startswith(label.lower()):
            return code
    return None


def _ms_desc(ms_desc: etree._Element, copies: tuple[ArchivalCopy, ...]) -> None:
    identifier = None
    for n, copy in enumerate(copies, start=1):
        if identifier is None:
            identifier = tei("msIdentifier", ms_desc, xml_id=f"copy{n}")
            target = identifier
        else:
            target = tei("altIdentifier", identifier, xml_id=f"copy{n}", type="copy")
        tei("repository", target).text = copy.repository
        shelfmark = tei("idno", target, type="shelfmark")
        for key in ("fond", "opis", "delo", "papka"):
            value = getattr(copy, key)
            if value:
                tei("idno", shelfmark, type=key).text = value
    contents = tei("msContents", ms_desc)
    for n, copy in enumerate(copies, start=1):
        item = tei("msItem", contents, corresp=f"#copy{n}")
        if copy.locus:
            tei("locus", item).text = copy.locus
        tei("bibl", item, type="cited").text = copy.cited


def _lang_usage(lang_usage: etree._Element, cable: Cable) -> None:
    seen: list[str] = []
    for version in cable.versions:
        if version.lang not in seen:
            seen.append(version.lang)
    original = _original_code(cable.metadata.original_language or "")
    if original and original not in seen:
        seen.insert(0, original)
    if not cable.versions:
        seen.append("und")  # the page has no text: its one division is undetermined
    for code in seen:
        tei("language", lang_usage, ident=code).text = LANGUAGE_LABELS.get(code, code)


def _corresp_desc(corresp: etree._Element, cable: Cable, ctx: _Ctx) -> None:
    meta = cable.metadata
    sent = tei("correspAction", corresp, type="sent")
    for party in meta.senders:
        _party(sent, party, "persName")
    if meta.origin:
        tei("placeName", sent).text = meta.origin
    if meta.date:
        tei("date", sent, when=meta.date).text = meta.date_text
    if meta.cable_number:
        tei("idno", sent, type="cable").text = meta.cable_number
    if not len(sent):
        tei("p", sent)
    if meta.addressees:
        received = tei("correspAction", corresp, type="received")
        for party in meta.addressees:
            _party(received, party, "persName")
    for party in meta.intermediaries:
        transmitted = tei("correspAction", corresp, type="transmitted")
        _party(transmitted, party, "persName")


def _party(parent: etree._Element, party: Party, tag: str) -> None:
    if party.place:
        tei("placeName", parent).text = party.place
    tei(tag, parent, ref=party.ref).text = party.name
    if party.identification:
        note = tei("note", parent, type="identification", place="inline", resp=ARCHIVE)
        note.text = party.identification


# ---------------------------------------------------------------- document


def encode_cable(cable: Cable, xml_id: str | None = None) -> etree._ElementTree:
    """The TEI document of a cable."""
    ctx = _Ctx("#translator" if cable.metadata.translators else None)
    root = tei("TEI", xml_id=xml_id or document_id(cable), xml_lang="en")
    _header(root, cable, ctx)
    body = tei("body", tei("text", root))
    for version in cable.versions:
        _version(body, version, ctx)
    if not len(body):
        tei("gap", tei("div", body, type="original", xml_lang="und"), reason="truncated")
    tree = etree.ElementTree(root)
    for pi in SCHEMA_PIS:
        root.addprevious(etree.ProcessingInstruction("xml-model", pi))
    return tree


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
