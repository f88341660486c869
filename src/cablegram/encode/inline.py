"""Inline nodes → TEI: text, breaks, the archive's interventions, names, dates, numbers,
letter-spacing, later hands (ENCODING.md, "Editorial phenomena" and "Layout")."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from cablegram.encode.xml import ARCHIVE, NAME_ELEMENT, Context, append_text, tei
from cablegram.model import (
    Added,
    CopyNumber,
    Dating,
    Expansion,
    FormeWork,
    Gap,
    Identification,
    Inline,
    LineBreak,
    Link,
    Name,
    Note,
    Number,
    PageBreak,
    Role,
    Sic,
    Spaced,
    Stamp,
    Supplied,
    Text,
    Unclear,
    When,
    with_breaks,
)


def add_inlines(parent: etree._Element, nodes: Iterable[Inline], ctx: Context) -> None:
    for node in nodes:
        if isinstance(node, Text):
            append_text(parent, node.text)
        else:
            inline_element(parent, node, ctx)


def _add_marked(parent: etree._Element, text: str, ctx: Context) -> None:
    """A string of the model that may hold line and page breaks (a bracket spanning lines)."""
    add_inlines(parent, with_breaks(text), ctx)


def dating_attributes(value: Dating | None) -> dict[str, str | None]:
    """The TEI attributes of a date's value (@when, @from/@to, @notBefore/@notAfter, @cert)."""
    if value is None:
        return {}
    return {
        "when": value.when,
        "from_": value.start,
        "to": value.end,
        "notBefore": value.not_before,
        "notAfter": value.not_after,
        "cert": value.cert,
    }


def inline_element(parent: etree._Element, node: Inline, ctx: Context) -> None:
    """The TEI of one inline node, appended to `parent`."""
    if isinstance(node, LineBreak):
        tei("lb", parent, break_="no" if node.hyphenated else None, ed=node.edition)
    elif isinstance(node, PageBreak):
        tei("pb", parent, ed=node.edition, n=node.n)
    elif isinstance(node, FormeWork):
        add_inlines(tei("fw", parent, type=node.kind), node.content, ctx)
    elif isinstance(node, Sic | Unclear | Supplied | Expansion):
        _reading(parent, node, ctx)
    elif isinstance(node, Identification):
        note = tei("note", parent, type="identification", place="inline", resp=ARCHIVE)
        if node.ref and node.kind:
            _add_marked(tei(NAME_ELEMENT[node.kind], note, ref=node.ref), node.text, ctx)
        else:
            _add_marked(note, node.text, ctx)
    elif isinstance(node, Gap):
        resp = ARCHIVE if node.reason != "truncated" else None
        gap = tei("gap", parent, reason=node.reason, resp=resp)
        if node.desc:
            tei("desc", gap).text = node.desc
    elif isinstance(node, Note):
        _note(parent, node, ctx)
    elif isinstance(node, Stamp):
        add_inlines(tei("stamp", parent, type=node.kind), node.content, ctx)
    elif isinstance(node, Name):
        add_inlines(tei(NAME_ELEMENT[node.kind], parent, ref=node.ref), node.content, ctx)
    elif isinstance(node, Role):
        add_inlines(tei("roleName", parent), node.content, ctx)
    elif isinstance(node, When):
        tag = "date" if node.kind == "date" else "time"
        tei(tag, parent, type=node.role, **dating_attributes(node.value)).text = node.text
    elif isinstance(node, Number):
        tei("idno", parent, type=node.kind).text = node.text
    elif isinstance(node, CopyNumber):
        tei("num", parent, type="copy").text = node.text
    elif isinstance(node, Spaced):
        tei("hi", parent, rend="letterspaced").text = node.text
    elif isinstance(node, Added):
        add = tei("add", parent, place=node.place, hand=f"#{ctx.hand(node.hand)}")
        add_inlines(add, node.content, ctx)
    elif isinstance(node, Link):
        tei("ref", parent, target=node.url).text = node.url
    else:  # pragma: no cover - the model is closed
        raise TypeError(f"no TEI builder for {type(node).__name__}")


def _reading(
    parent: etree._Element, node: Sic | Unclear | Supplied | Expansion, ctx: Context
) -> None:
    """The archive's readings: flagged, corrected, doubtful, supplied or expanded words."""
    if isinstance(node, Sic) and node.correction:
        choice = tei("choice", parent)
        _add_marked(tei("sic", choice), node.text, ctx)
        corr = tei("corr", choice, resp=ARCHIVE, cert=node.correction_cert)
        if node.ref and node.kind:
            corr = tei(NAME_ELEMENT[node.kind], corr, ref=node.ref)
        _add_marked(corr, node.correction, ctx)
    elif isinstance(node, Sic):
        _add_marked(tei("sic", parent), node.text, ctx)
    elif isinstance(node, Unclear):
        _add_marked(tei("unclear", parent, cert="low", resp=ARCHIVE), node.text, ctx)
    elif isinstance(node, Supplied):
        element = tei("supplied", parent, reason="omitted", resp=ARCHIVE, cert=node.cert)
        _add_marked(element, node.text, ctx)
    else:
        choice = tei("choice", parent)
        _add_marked(tei("abbr", choice), node.abbr, ctx)
        _add_marked(tei("expan", choice, resp=ARCHIVE), node.expan, ctx)


def _note(parent: etree._Element, node: Note, ctx: Context) -> None:
    if node.kind == "authorial":  # the document's own footnote: no editor's @resp
        note = tei("note", parent, type="authorial", place="foot", n=node.n)
    elif node.kind == "translator":
        note = tei("note", parent, type="translator", resp=ctx.translator_id or ARCHIVE)
    elif node.kind == "explanation":
        note = tei("note", parent, type="editorial", place="inline", resp=ARCHIVE)
    elif node.kind == "original-wording":
        note = tei("note", parent, type="original-wording", place="inline", resp=ARCHIVE)
        note = tei("foreign", note, xml_lang=node.lang or "ru-Latn")
    else:
        note = tei("note", parent, type="editorial", resp=ARCHIVE)
    add_inlines(note, node.content, ctx)
