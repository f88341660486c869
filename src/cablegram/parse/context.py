"""What parsing a version's blocks needs throughout: the context (layout, the
document's year, footnotes, sheet count), a block's text with its seams marked, and the
sheet turns and stamps that may stand anywhere."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from cablegram.lexicon import patterns as P
from cablegram.lexicon.hyphens import kept_hyphen
from cablegram.model import (
    LB,
    LB_JOINED,
    PAGE_CLOSE,
    PAGE_OPEN,
    WRAP,
    WRAP_JOINED,
    FormeWork,
    Inline,
    Inlines,
    LineBreak,
    PageBreak,
    SheetTurn,
    Stamp,
    StampBlock,
)
from cablegram.parse.footnotes import Footnote
from cablegram.parse.inline import InlineContext, parse_inline
from cablegram.read import Block, Layout, Line


@dataclass
class BodyContext:
    layout: Layout
    year: int | None
    inline: InlineContext = field(default_factory=InlineContext)
    sheets: int = 1
    american: bool = False  # an American office's text: numeric dates month first
    original: str | None = None  # the original's language (its words in brackets: D9)
    # footnote texts printed without an anchor, by their block's first line: they stay there
    unanchored: Mapping[int, list[Footnote]] = field(default_factory=dict)


LAST_WORD = re.compile(r"[^\W\d_]+$")
FIRST_WORD = re.compile(r"^[^\W\d_]*")


def marked(block: Block, layout: Layout) -> str:
    """A block's text with its seams marked for the inline parser. (Its pieces are joined
    once at the end: joined line by line, a block of many lines was copied at each.)"""
    pieces: list[str] = []  # the text so far, ending with the last line's
    previous: Line | None = None
    export = layout == "pdftotext"
    for line in block.lines:
        text = line.text.strip().replace("\t", " ")
        if previous is not None:
            last = pieces[-1]  # (no seam is a letter: a word before a hyphen is in it)
            page = f"{PAGE_OPEN}{line.page}{PAGE_CLOSE}" if line.page != previous.page else ""
            hyphen = (
                last.endswith("-") and len(last) > 1 and last[-2].isalpha() and text[:1].islower()
            )
            if hyphen and kept_hyphen(
                LAST_WORD.findall(last[:-1])[-1], FIRST_WORD.findall(text)[0]
            ):
                pieces += [page, WRAP_JOINED if export else LB_JOINED]  # 'anti-aircraft'
            elif hyphen:
                pieces[-1] = last[:-1]
                pieces += [page, WRAP_JOINED if export else LB_JOINED]
            elif page:
                pieces += [page, " "]
            else:
                pieces.append(WRAP if export else LB)
        pieces.append(text)
        previous = line
    return "".join(pieces)


def block_inlines(block: Block, ctx: BodyContext, text: str | None = None) -> Inlines:
    return parse_inline(text if text is not None else marked(block, ctx.layout), ctx.inline)


@functools.lru_cache(maxsize=16384)  # (a line is read by many rules)
def sheet_kind(block: Block) -> str | None:
    text = block.text.strip()
    if P.CATCHWORD.match(text):
        return "catch"
    if P.CONTINUATION.match(text) or P.SHEET_HEADER.match(text):
        return "header"
    return None


def stamp_block(block: Block, ctx: BodyContext) -> StampBlock:
    content = block_inlines(block, ctx)
    if any(isinstance(node, Stamp) for node in content):
        return StampBlock(content)
    return StampBlock((Stamp(content),))


def sheet_turn(blocks: list[Block], ctx: BodyContext) -> SheetTurn:
    """Forme work of a sheet turn, with the page break after the catchword."""
    content: list[Inline] = []
    number = next((m["n"] for b in blocks if (m := P.SHEET_NUMBER.match(b.text.strip()))), None)
    ctx.sheets += 1
    page = PageBreak(number or str(ctx.sheets))
    placed = False
    for block in blocks:
        kind = sheet_kind(block) or "folio"
        if kind != "catch" and not placed:
            content.append(page)
            placed = True
        if kind == "header" and content and isinstance(content[-1], FormeWork):
            previous = content[-1]
            if previous.kind == "header" and not P.SHEET_HEADER.match(block.text.strip()):
                content[-1] = FormeWork(
                    "header", (*previous.content, LineBreak(), *block_inlines(block, ctx))
                )
                continue
        content.append(FormeWork(kind, block_inlines(block, ctx)))  # type: ignore[arg-type]
    if not placed:
        content.append(page)
    return SheetTurn(tuple(content))
