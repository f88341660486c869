"""The opener: the furniture at the head of a document (ENCODING.md text/body), its kinds
read by their form and words."""

from __future__ import annotations

import re

from cablegram.lexicon import patterns as P
from cablegram.model import (
    Distribution,
    FormeWork,
    Furniture,
    Gap,
    Gapped,
    Inline,
    Inlines,
    ListItem,
    Name,
    Number,
    OpenerPart,
    SheetTurn,
    Text,
)
from cablegram.parse.context import (
    BodyContext,
    block_inlines,
    marked,
    sheet_kind,
    sheet_turn,
    stamp_block,
)
from cablegram.parse.inline import mark, parse_inline
from cablegram.parse.marks import mark_when
from cablegram.parse.quotes import Unit
from cablegram.parse.versions import is_gap_line
from cablegram.read import Block


def opener_kind(block: Block, following: list[Unit], seen_furniture: bool) -> str | None:
    text = P.for_matching(block.text.strip())
    if is_gap_line(block):
        return "gap"
    if P.STAMP_BRACKET.match(text) or P.STAMP_BLOCK.match(text):
        return "stamp"
    if P.FOLIO_MARK.match(text) and not seen_furniture:
        return "folio"
    if sheet_kind(block):
        return "sheet"
    if is_table(block) or P.DISTRIBUTION.match(text):
        return "distribution"
    for kind, pattern in (
        ("doctype", P.DOCTYPE),
        ("handling", P.HANDLING),
        ("series", P.SERIES),
        ("address", P.ADDRESS),
        ("address", P.ADDRESS_BARE),
        ("form", P.FORM),
    ):
        if pattern.search(text):
            return kind
    if seen_furniture and P.DESTINATION.match(text):
        upcoming = [u for u in following[:1] if isinstance(u, Block)]
        if upcoming and opener_kind(upcoming[0], [], True) in {"address", "salute"}:
            return "address"
    words = len(text.split())
    if P.OFFICE.search(text) and words <= 14 and not P.TERMINAL.search(text.rstrip(".")):
        return "office"
    if P.RECEIVED.search(text) and words <= 20:
        return "received"
    if P.SALUTE.match(text) and words <= 16 and _addresses_only(text):
        return "salute"
    if len(text) <= 2:
        return "line"
    if not seen_furniture and words <= 4 and len(text) <= 40:
        upcoming = [u for u in following if isinstance(u, Block)]
        if any(opener_kind(u, [], False) not in {None, "line"} for u in upcoming):
            return "line"
    return None


SALUTE_WORDS = {"to", "for", "and", "и", "dear", "comrade", "comrades", "cde.", "cdes.",
                "товарищу", "товарищам", "товарищ", "тов.", "an", "den", "genossen"}  # fmt: skip


def _addresses_only(text: str) -> bool:
    """A salute names whom it addresses: 'To Cde. FILIPPOV [Stalin]', 'Товарищам Мао
    Цзэ-дуну и Ким Ир Сену'; 'Cde. Mao Zedong asked that the following be conveyed to
    you:' is the text's first sentence."""
    words = re.sub(r"\[[^\]]*\]", " ", text).split()
    lowercase = [
        w for w in words if w[:1].islower() and w.lower().strip('"“«,:!') not in SALUTE_WORDS
    ]
    return len(lowercase) <= 1


def is_table(block: Block) -> bool:
    return sum(1 for line in block.lines if "\t" in line.text and "№" in line.text) >= 1


def opener_parts(units: list[Unit], ctx: BodyContext) -> tuple[OpenerPart, ...]:
    parts: list[OpenerPart] = []
    seen_furniture = False
    for i, unit in enumerate(units):
        assert isinstance(unit, Block)
        kind = opener_kind(unit, units[i + 1 : i + 3], seen_furniture) or "line"
        seen_furniture = seen_furniture or kind not in {"line", "folio", "gap"}
        if kind == "gap":
            parts.append(Gapped(Gap("editorial")))
        elif kind == "stamp":
            parts.append(stamp_block(unit, ctx))
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


def _furniture_content(kind: str, block: Block, ctx: BodyContext) -> Inlines:
    content = block_inlines(block, ctx)
    if kind == "doctype":
        content = _mark_cable_number(content)
    elif kind == "received":
        content = mark(content, P.RECEIVED_PLACE, lambda m: Name("place", (Text(m.group(0)),)))
        content = mark_when(content, ctx.year)
    return content


def _mark_cable_number(content: Inlines) -> Inlines:
    """Wrap the cable's number (the digits after ``№``) in a `Number`."""
    out: list[Inline] = []
    done = False
    for node in content:
        if not done and isinstance(node, Text) and (m := P.CABLE_NUMBER.search(node.text)):
            a, b = m.span("number")
            out.extend([Text(node.text[:a]), Number("cable", m["number"])])
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
