"""Blocks → TEI: each version's `div` with its opener, body (paragraphs, lists, turns of
speech, quoted texts, sections) and closer (ENCODING.md, "text/body")."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from cablegram.encode.inline import add_inlines, inline_element
from cablegram.encode.xml import Context, tei
from cablegram.model import (
    AddedBlock,
    ClerkNote,
    CloserLine,
    Dateline,
    Distribution,
    DocText,
    Furniture,
    Gapped,
    ListItem,
    Milestone,
    Note,
    NoteBlock,
    Paragraph,
    PointList,
    QuotedText,
    Section,
    SheetTurn,
    Signed,
    Speech,
    StampBlock,
    Version,
)

FURNITURE_ELEMENT = {"received": "dateline", "dateline": "dateline", "salute": "salute"}


def version_div(body: etree._Element, version: Version, ctx: Context) -> None:
    div = tei("div", body, type=version.kind, subtype=version.subtype, xml_lang=version.lang)
    doc_text(div, version.text, ctx)
    if not len(div) and not (div.text or "").strip():
        tei("gap", div, reason="truncated")


def doc_text(parent: etree._Element, text: DocText, ctx: Context) -> None:
    """A version's, or a quoted text's, opener, body and closer."""
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


def _opener_part(opener: etree._Element, part: object, ctx: Context) -> None:
    if isinstance(part, Furniture):
        tag = FURNITURE_ELEMENT.get(part.kind, "seg")
        kind = part.kind if tag == "seg" else None
        add_inlines(tei(tag, opener, type=kind, rend=part.rend), part.content, ctx)
    elif isinstance(part, Dateline):
        add_inlines(tei("dateline", opener, rend=part.rend), part.content, ctx)
    elif isinstance(part, ClerkNote):
        add_inlines(tei("note", opener, type="clerk"), part.content, ctx)
    elif isinstance(part, Distribution):
        _distribution(opener, part, ctx)
    elif isinstance(part, StampBlock | SheetTurn | AddedBlock | NoteBlock):
        add_inlines(opener, part.content, ctx)
    elif isinstance(part, Gapped):
        inline_element(opener, part.gap, ctx)
    else:  # pragma: no cover
        raise TypeError(f"unexpected opener part {type(part).__name__}")


def _distribution(parent: etree._Element, part: Distribution, ctx: Context) -> None:
    seg = tei("seg", parent, type="distribution")
    add_inlines(seg, part.label, ctx)
    if part.items:  # a label whose list the parser did not find: no empty list (invalid)
        _items(tei("list", seg, type="distribution"), part.items, ctx)


def _items(list_element: etree._Element, items: Iterable[ListItem], ctx: Context) -> None:
    for item in items:
        element = tei("item", list_element, n=item.n)
        paragraphs = [b for b in item.blocks if isinstance(b, Paragraph | AddedBlock)]
        if paragraphs:  # a point of several paragraphs: each a p (a sheet turn stays inline)
            add_inlines(tei("p", element), item.content, ctx)
            for block in item.blocks:
                _body_part(element, block, ctx)
        else:
            add_inlines(element, item.content, ctx)
            for block in item.blocks:
                _body_part(element, block, ctx)


def _point_list(parent: etree._Element, part: PointList, ctx: Context) -> None:
    if part.kind == "ordered":
        element = tei("list", parent, type="ordered")
    elif part.kind in {"participants", "contents"}:
        element = tei("list", parent, type=part.kind)
        if part.head:
            add_inlines(tei("head", element), part.head, ctx)
    else:
        element = tei("list", parent, rend=part.kind)
    _items(element, part.items, ctx)


def _body_part(div: etree._Element, part: object, ctx: Context) -> None:
    if isinstance(part, Paragraph) and len(part.content) == 1 and isinstance(part.content[0], Note):
        inline_element(div, part.content[0], ctx)  # a note standing alone between paragraphs
    elif isinstance(part, Paragraph):
        add_inlines(tei("p", div, rend=part.rend), part.content, ctx)
    elif isinstance(part, PointList):
        _point_list(div, part, ctx)
    elif isinstance(part, StampBlock):
        add_inlines(tei("ab", div, type="stamp", rend=part.rend), part.content, ctx)
    elif isinstance(part, AddedBlock):
        add_inlines(tei("p", div), part.content, ctx)
    elif isinstance(part, SheetTurn):
        add_inlines(div, part.content, ctx)
    elif isinstance(part, Gapped):
        inline_element(div, part.gap, ctx)
    elif isinstance(part, QuotedText):
        quote = tei("quote", div)
        floating = tei("floatingText", quote, type=part.kind)
        doc_text(tei("body", floating), part.text, ctx)
    elif isinstance(part, Milestone):
        tei("milestone", div, unit=part.unit, rend=part.rend)
    elif isinstance(part, Speech):
        who = ctx.speakers.get(part.who) if part.who else None
        sp = tei("sp", div, who=f"#{who}" if who else None)
        add_inlines(tei("speaker", sp), part.speaker, ctx)
        for block in part.blocks:
            _body_part(sp, block, ctx)
    elif isinstance(part, Section):
        section = tei("div", div, type="section")
        add_inlines(tei("head", section, rend=part.rend), part.head, ctx)
        for block in part.blocks:
            _body_part(section, block, ctx)
    else:  # pragma: no cover
        raise TypeError(f"unexpected body part {type(part).__name__}")


def _closer_part(closer: etree._Element, part: object, ctx: Context) -> None:
    if isinstance(part, Signed):
        add_inlines(tei("signed", closer, rend=part.rend), part.content, ctx)
    elif isinstance(part, Dateline):
        add_inlines(tei("dateline", closer, rend=part.rend), part.content, ctx)
    elif isinstance(part, ClerkNote):
        add_inlines(tei("note", closer, type="clerk"), part.content, ctx)
    elif isinstance(part, CloserLine):
        add_inlines(tei("seg", closer, type="number"), part.content, ctx)
    elif isinstance(part, Furniture):
        add_inlines(tei("salute", closer, rend=part.rend), part.content, ctx)
    elif isinstance(part, Distribution):
        _distribution(closer, part, ctx)
    elif isinstance(part, StampBlock | SheetTurn | AddedBlock):
        add_inlines(closer, part.content, ctx)
    elif isinstance(part, Gapped):
        inline_element(closer, part.gap, ctx)
    elif isinstance(part, Milestone):
        tei("milestone", closer, unit=part.unit, rend=part.rend)
    else:  # pragma: no cover
        raise TypeError(f"unexpected closer part {type(part).__name__}")
