"""The opener: the parts of a document's head (ENCODING.md text/body), built from the
kinds `furniture` reads: handling notes, offices, captions, addresses, the log, stamps,
copy lists, notes, sheet turns; an address or a caption that goes on over blocks is one
part."""

from __future__ import annotations

import re

from cablegram.lexicon import furniture as F
from cablegram.lexicon import patterns as P
from cablegram.model import (
    AddedBlock,
    ClerkNote,
    CopyNumber,
    Dating,
    Distribution,
    FormeWork,
    Furniture,
    Gap,
    Gapped,
    Inline,
    Inlines,
    LineBreak,
    ListItem,
    Name,
    NoteBlock,
    Number,
    NumberKind,
    OpenerPart,
    SheetTurn,
    Text,
    When,
    plain_text,
)
from cablegram.parse.closer import mark_clerk
from cablegram.parse.context import (
    BodyContext,
    block_inlines,
    marked,
    sheet_turn,
    stamp_block,
)
from cablegram.parse.dates import HOURS_MINUTES, time_value
from cablegram.parse.doctypes import kind_in
from cablegram.parse.furniture import LOG_NUMBERS, is_table, lone_place, opener_kind
from cablegram.parse.inline import mark, parse_inline
from cablegram.parse.marks import mark_dateline, mark_when
from cablegram.parse.quotes import Unit
from cablegram.read import Block


def opener_parts(units: list[Unit], count: int, ctx: BodyContext) -> tuple[OpenerPart, ...]:
    """The opener of the first `count` units (the others, the body, give the context)."""
    parts: list[OpenerPart] = []
    seen_furniture = False
    previous: str | None = None
    for i, unit in enumerate(units[:count]):
        assert isinstance(unit, Block)
        kind = opener_kind(unit, units[i + 1 : i + 3], seen_furniture, previous) or "line"
        previous = kind
        seen_furniture = seen_furniture or kind not in {"line", "folio", "gap"}
        if kind == "gap":
            parts.append(Gapped(Gap("editorial")))
        elif kind == "stamp":
            parts.append(stamp_block(unit, ctx))
        elif kind == "add":
            parts.append(AddedBlock(block_inlines(unit, ctx)))
        elif kind == "note":
            parts.append(NoteBlock(block_inlines(unit, ctx)))
        elif kind == "clerk":
            parts.append(ClerkNote(mark_clerk(block_inlines(unit, ctx), ctx)))
        elif kind == "copy":
            parts.append(AddedBlock((CopyNumber(unit.text.strip()),)))
        elif parts and _continues(parts[-1], kind, unit):
            last = parts[-1]
            assert isinstance(last, Furniture)
            more = _furniture_content(kind, unit, ctx)
            parts[-1] = Furniture(last.kind, (*last.content, LineBreak(), *more), last.rend)
        elif kind == "folio":
            parts.append(SheetTurn((FormeWork("folio", block_inlines(unit, ctx)),)))
        elif kind == "sheet":
            parts.append(sheet_turn([unit], ctx))
        elif kind == "distribution":
            items = _distribution_items(unit, ctx)
            if parts and isinstance(parts[-1], Distribution):
                parts[-1] = Distribution(parts[-1].items + items)
            else:
                parts.append(Distribution(items))
        elif kind == "series" and (to := P.SALUTE_AFTER.search(marked(unit, ctx.layout))):
            # SERIES "G" T. to Cde. FILIPPOV: the series, then the addressee
            text = marked(unit, ctx.layout)
            parts.append(Furniture("series", block_inlines(unit, ctx, text[: to.start()].rstrip())))
            parts.append(Furniture("salute", block_inlines(unit, ctx, text[to.start() :].lstrip())))
        else:
            parts.append(Furniture(kind, _furniture_content(kind, unit, ctx)))  # type: ignore[arg-type]
    return tuple(parts)


def _continues(part: OpenerPart, kind: str, unit: Block) -> bool:
    """An address or a caption that goes on over another block, a log's times on a line of
    their own."""
    if not (isinstance(part, Furniture) and part.kind == kind):
        return False
    if kind == "heading":
        return True
    if kind == "dateline":  # its place, its date, its time on lines of their own
        text, before = unit.text.strip(), plain_text(part.content).strip()
        return bool(F.TIME_ALONE.match(text) or lone_place(text) or lone_place(before))
    if kind == "address":  # a line that is no address by itself ('Generalissimo J. V. STALIN')
        return opener_kind(unit, [], True, None) != "address"
    return kind == "received" and bool(LOG_NUMBERS.match(unit.text.strip()))


def _furniture_content(kind: str, block: Block, ctx: BodyContext) -> Inlines:
    content = block_inlines(block, ctx)
    if kind == "doctype":  # a cable's own number, or another document's ('Resolution No. 17')
        found = kind_in(block.text)
        number_kind: NumberKind = "cable" if found is None or found[0] == "cable" else "document"
        content = _mark_cable_number(content, kind=number_kind)
    elif kind == "dateline":
        content = mark_dateline(content, ctx.year, american=ctx.american)
    elif kind == "received":  # 'From Pyongyang, No. 4040. 10 hours 10 minutes. 8.II.1950'
        content = mark(content, P.RECEIVED_PLACE, lambda m: Name("place", (Text(m.group(0)),)))
        content = _mark_cable_number(content, P.LOG_NUMBER)
        content = mark(
            content, HOURS_MINUTES, lambda m: When("time", m[0], Dating(when=time_value(m)))
        )
        content = mark_when(content, ctx.year)
    return content


def _mark_cable_number(
    content: Inlines, pattern: re.Pattern[str] = P.CABLE_NUMBER, kind: NumberKind = "cable"
) -> Inlines:
    """Wrap the cable's number (the digits after ``№``) in a `Number` (of `kind`)."""
    out: list[Inline] = []
    done = False
    for node in content:
        if not done and isinstance(node, Text) and (m := pattern.search(node.text)):
            a, b = m.span("number")
            out.extend([Text(node.text[:a]), Number(kind, m["number"])])
            if node.text[b:]:
                out.append(Text(node.text[b:]))
            done = True
        else:
            out.append(node)
    return tuple(n for n in out if not (isinstance(n, Text) and not n.text))


def _distribution_items(block: Block, ctx: BodyContext) -> tuple[ListItem, ...]:
    if is_table(block):
        return _table_items(block, ctx)
    items = []
    for line in block.lines:
        pieces = [p for p in P.COPY_ITEM.split(line.text.strip()) if p.strip()]
        for piece in pieces:
            number = re.search(r"(?:№|N[°ºo]|Copy\s+N[°ºo.]*)\s*(\d+)", piece)
            items.append(
                ListItem(
                    number.group(1) if number else None, parse_inline(piece.strip(), ctx.inline)
                )
            )
    return tuple(items)


def _table_items(block: Block, ctx: BodyContext) -> tuple[ListItem, ...]:
    """A tab-separated copy table, read column by column into numbered items."""
    rows = [line.text.split("\t") for line in block.lines]
    width = max(len(row) for row in rows)
    items: list[tuple[int, int, ListItem]] = []
    for row_no, row in enumerate(rows):
        cells = [c.strip() for c in row] + [""] * (width - len(row))
        col = 0
        while col < width:
            cell = cells[col]
            number = re.search(r"№\s*(\d+)", cell)
            if not number:
                col += 1
                continue
            text = cell
            if col + 1 < width and cells[col + 1] and "№" not in cells[col + 1]:
                text = f"{cell} {cells[col + 1]}"
                col += 1
            items.append((col, row_no, ListItem(number.group(1), parse_inline(text, ctx.inline))))
            col += 1
    items.sort(key=lambda item: int(item[2].n or 0))
    return tuple(item for _, _, item in items)
