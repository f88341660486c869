"""The structure of one version: opener, body and closer, quoted telegrams, sheet turns.

A version's blocks are first grouped (quoted telegrams spanning several blocks become one
unit, parsed recursively); then the leading run of cable furniture becomes the opener, the
trailing run of signatures, numbers, dates and clerks' notes the closer, and the rest the
body, where numbered points form lists and a paragraph cut by a sheet turn is rejoined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablegram.lexicon import patterns as P
from cablegram.model import (
    LB,
    LB_JOINED,
    PAGE_CLOSE,
    PAGE_OPEN,
    WRAP,
    WRAP_JOINED,
    ClerkNote,
    CloserLine,
    CloserPart,
    Dateline,
    Dating,
    Distribution,
    DocText,
    FormeWork,
    Furniture,
    Gap,
    Gapped,
    Inline,
    Inlines,
    LineBreak,
    ListItem,
    Name,
    Number,
    OpenerPart,
    PageBreak,
    Paragraph,
    PointList,
    QuotedText,
    SheetTurn,
    Signed,
    Stamp,
    StampBlock,
    Text,
    When,
)
from cablegram.parse.dates import (
    AT_TIME,
    DAY_MONTH,
    MILITARY_TIME,
    NUMERIC,
    TIME,
    date_value,
    time_value,
)
from cablegram.parse.inline import InlineContext, mark, parse_inline
from cablegram.parse.versions import is_gap_line
from cablegram.read import Block, Layout, Line, ends_in_bracket


@dataclass
class BodyContext:
    layout: Layout
    year: int | None
    inline: InlineContext = field(default_factory=InlineContext)
    sheets: int = 1


@dataclass(frozen=True)
class _Quoted:
    """Blocks of a telegram quoted in the text, its outer quotation marks to be ignored."""

    blocks: tuple[Block, ...]
    ignored: frozenset[tuple[int, int]]


Unit = Block | _Quoted


def parse_version(blocks: tuple[Block, ...], ctx: BodyContext) -> DocText:
    """Structure of a version's text."""
    blocks, footnotes = _take_footnotes(blocks)
    ctx.inline = InlineContext(footnotes=footnotes)
    blocks = _join_export_pages(blocks)
    return _structure(_group_quotes(_split_items(blocks), frozenset()), ctx)


# ---------------------------------------------------------------- preparation


def _take_footnotes(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], dict[str, str]]:
    """Footnote texts (``[1] The city …``, one to a block or one to a line of a block)
    leave the flow; they go to their anchors (``Kaesong.[1]``, ``two days [1].``)."""
    definitions = {
        k: _footnote_lines(block)
        for k, block in enumerate(blocks)
        if P.FOOTNOTE_DEF.match(block.text)
    }
    text = " ".join(block.text for k, block in enumerate(blocks) if k not in definitions)
    kept: list[Block] = []
    footnotes: dict[str, str] = {}
    for k, block in enumerate(blocks):
        notes = [P.FOOTNOTE_DEF.match(note) for note in definitions.get(k, [])]
        if notes and all(n and re.search(rf"\[{n['n']}\]", text) for n in notes):
            footnotes.update((n["n"], n["text"]) for n in notes if n)
        else:
            kept.append(block)
    return tuple(kept), footnotes


def _footnote_lines(block: Block) -> list[str]:
    """A block of footnote texts, one text per footnote (a footnote may run over lines)."""
    notes: list[str] = []
    for line in block.lines:
        text = line.text.strip()
        if P.FOOTNOTE_DEF.match(text) or not notes:
            notes.append(text)
        else:
            notes[-1] += " " + text
    return notes


def _join_export_pages(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Rejoin a paragraph that an export page break cut in two (it goes on in lowercase,
    or a bracket is still open: 'Kaidzio [sic; possibly' | 'Kaesong].')."""
    out: list[Block] = []
    for block in blocks:
        if (
            out
            and block.lines[0].page != out[-1].lines[-1].page
            and not P.TERMINAL.search(out[-1].text)
            and (block.text[:1].islower() or ends_in_bracket(out[-1].text))
        ):
            out[-1] = Block(out[-1].lines + block.lines)
        else:
            out.append(block)
    return tuple(out)


def _split_items(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A block of several numbered lines becomes one block per point."""
    out: list[Block] = []
    for block in blocks:
        starts = [i for i, line in enumerate(block.lines) if P.NUMBERED.match(line.text)]
        if len(starts) < 2 or starts[0] != 0:
            out.append(block)
            continue
        for a, b in zip(starts, [*starts[1:], len(block.lines)], strict=True):
            out.append(Block(block.lines[a:b]))
    return tuple(out)


# ---------------------------------------------------------------- quotations


QUOTE_MARK = re.compile('["“”«»„]')


def _quote_events(block: Block, ignored: frozenset[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(line index, column, +1 open / -1 close) for each quotation mark of a block."""
    events = []
    for li, line in enumerate(block.lines):
        text = line.text
        for found in QUOTE_MARK.finditer(text):
            col, char = found.start(), found.group()
            if (line.no, col) in ignored:
                continue
            if char in "“«„":
                kind = 1
            elif char in "”»":
                kind = -1
            else:
                before = text[col - 1] if col else " "
                after = text[col + 1] if col + 1 < len(text) else " "
                opens = (before.isspace() or before in "([:—–-") and not after.isspace()
                kind = 1 if opens else -1
            events.append((li, col, kind))
    if P.QUOTED_SALUTE.match(block.text) and events:
        events = events[:1]  # «Товарищ МАО!» opens a telegram closed much later
    return events


def _ends_with_close(block: Block, events: list[tuple[int, int, int]]) -> bool:
    if not events or events[-1][2] != -1:
        return False
    li, col, _ = events[-1]
    tail = block.lines[li].text[col + 1 :]
    return li == len(block.lines) - 1 and not re.search(r"\w", tail)


def _group_quotes(blocks: tuple[Block, ...], ignored: frozenset[tuple[int, int]]) -> list[Unit]:
    """Group the blocks of each telegram quoted over several blocks into a `_Quoted`."""
    units: list[Unit] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        events = _quote_events(block, ignored)
        depth, opening = 0, None
        for event in events:
            if event[2] == 1:
                if depth == 0:
                    opening = event
                depth += 1
            else:
                depth = max(0, depth - 1)
        if depth == 0 or opening is None:
            units.append(block)
            i += 1
            continue
        end = _closing_block(blocks, i, depth, ignored)
        if end is None and P.QUOTED_START.match(block.lines[opening[0]].text[opening[1] :]):
            end = len(blocks) - 1  # a letter cut off by the end of the page
        if end is None or end == i:
            units.append(block)
            i += 1
            continue
        lead, first = _split_block(block, opening[0], opening[1])
        if lead is not None:
            units.append(lead)
        inner = (first, *blocks[i + 1 : end + 1])
        outer = {(first.lines[0].no, 0)}
        last_events = _quote_events(inner[-1], ignored)
        if _ends_with_close(inner[-1], last_events):
            li, col, _ = last_events[-1]
            outer.add((inner[-1].lines[li].no, col))
        units.append(_Quoted(inner, ignored | frozenset(outer)))
        i = end + 1
    return units


def _closing_block(
    blocks: tuple[Block, ...], start: int, depth: int, ignored: frozenset[tuple[int, int]]
) -> int | None:
    """Index of the block closing a quotation opened in `blocks[start]`."""
    last_closing = None
    for j in range(start + 1, len(blocks)):
        events = _quote_events(blocks[j], ignored)
        for event in events:
            depth += event[2]
            depth = max(depth, 0)
        if _ends_with_close(blocks[j], events):
            last_closing = j
            if depth == 0:
                return j
    return last_closing


def _split_block(block: Block, li: int, col: int) -> tuple[Block | None, Block]:
    """Cut a block before the character at (line `li`, column `col`)."""
    line = block.lines[li]
    before_text, after_text = line.text[:col].rstrip(), line.text[col:]
    before_lines = list(block.lines[:li])
    if before_text.strip():
        before_lines.append(Line(line.no, before_text, line.page))
    after = Block((Line(line.no, after_text, line.page), *block.lines[li + 1 :]))
    if not any(ln.text.strip() for ln in before_lines):
        return None, after
    return Block(tuple(before_lines)), after


# ---------------------------------------------------------------- structure


def _structure(units: list[Unit], ctx: BodyContext, depth: int = 0) -> DocText:
    n = len(units)
    start = 0
    seen_furniture = False
    while start < n:
        unit = units[start]
        if not isinstance(unit, Block):
            break
        kind = _opener_kind(unit, units[start + 1 : start + 3], seen_furniture)
        if kind is None:
            break
        seen_furniture = seen_furniture or kind not in {"line", "folio", "gap"}
        start += 1
    end = n
    while end > start:
        unit = units[end - 1]
        if not isinstance(unit, Block) or not _is_closer_block(unit):
            break
        end -= 1
    opener = _opener(units[:start], ctx)
    body = _body(units[start:end], ctx, depth)
    closer = _closer(units[end:], ctx)
    return DocText(opener=opener, body=body, closer=closer)


def _marked(block: Block, layout: Layout) -> str:
    """A block's text with its seams marked for the inline parser."""
    out = ""
    previous: Line | None = None
    export = layout == "pdftotext"
    for line in block.lines:
        text = line.text.strip().replace("\t", " ")
        if previous is None:
            out = text
        else:
            page = f"{PAGE_OPEN}{line.page}{PAGE_CLOSE}" if line.page != previous.page else ""
            hyphen = out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[:1].islower()
            if hyphen:
                out = out[:-1] + page + (WRAP_JOINED if export else LB_JOINED) + text
            elif page:
                out = out + page + " " + text
            else:
                out = out + (WRAP if export else LB) + text
        previous = line
    return out


def _inline(block: Block, ctx: BodyContext, text: str | None = None) -> Inlines:
    return parse_inline(text if text is not None else _marked(block, ctx.layout), ctx.inline)


def _sheet_kind(block: Block) -> str | None:
    text = block.text.strip()
    if P.CATCHWORD.match(text):
        return "catch"
    if P.CONTINUATION.match(text) or P.SHEET_HEADER.match(text):
        return "header"
    return None


def _opener_kind(block: Block, following: list[Unit], seen_furniture: bool) -> str | None:
    text = P.for_matching(block.text.strip())
    if is_gap_line(block):
        return "gap"
    if P.STAMP_BRACKET.match(text) or P.STAMP_BLOCK.match(text):
        return "stamp"
    if P.FOLIO_MARK.match(text) and not seen_furniture:
        return "folio"
    if _sheet_kind(block):
        return "sheet"
    if _is_table(block) or P.DISTRIBUTION.match(text):
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
        if upcoming and _opener_kind(upcoming[0], [], True) in {"address", "salute"}:
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
        if any(_opener_kind(u, [], False) not in {None, "line"} for u in upcoming):
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


def _is_table(block: Block) -> bool:
    return sum(1 for line in block.lines if "\t" in line.text and "№" in line.text) >= 1


def _opener(units: list[Unit], ctx: BodyContext) -> tuple[OpenerPart, ...]:
    parts: list[OpenerPart] = []
    seen_furniture = False
    for i, unit in enumerate(units):
        assert isinstance(unit, Block)
        kind = _opener_kind(unit, units[i + 1 : i + 3], seen_furniture) or "line"
        seen_furniture = seen_furniture or kind not in {"line", "folio", "gap"}
        if kind == "gap":
            parts.append(Gapped(Gap("editorial")))
        elif kind == "stamp":
            parts.append(_stamp_block(unit, ctx))
        elif kind == "folio":
            parts.append(SheetTurn((FormeWork("folio", _inline(unit, ctx)),)))
        elif kind == "sheet":
            parts.append(_sheet_turn([unit], ctx))
        elif kind == "distribution":
            items = _distribution_items(unit, ctx)
            if parts and isinstance(parts[-1], Distribution):
                parts[-1] = Distribution(parts[-1].items + items)
            else:
                parts.append(Distribution(items))
        elif kind == "series" and (to := P.SALUTE_AFTER.search(_marked(unit, ctx.layout))):
            # SERIES "G" T. to Cde. FILIPPOV: the series, then the addressee
            marked = _marked(unit, ctx.layout)
            parts.append(Furniture("series", _inline(unit, ctx, marked[: to.start()].rstrip())))
            parts.append(Furniture("salute", _inline(unit, ctx, marked[to.start() :].lstrip())))
        else:
            parts.append(Furniture(kind, _furniture_content(kind, unit, ctx)))  # type: ignore[arg-type]
    return tuple(parts)


def _furniture_content(kind: str, block: Block, ctx: BodyContext) -> Inlines:
    content = _inline(block, ctx)
    if kind == "doctype":
        content = _mark_cable_number(content)
    elif kind == "received":
        content = mark(content, P.RECEIVED_PLACE, lambda m: Name("place", (Text(m.group(0)),)))
        content = _mark_when(content, ctx)
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
    if _is_table(block):
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


def _stamp_block(block: Block, ctx: BodyContext) -> StampBlock:
    content = _inline(block, ctx)
    if any(isinstance(node, Stamp) for node in content):
        return StampBlock(content)
    return StampBlock((Stamp(content),))


def _sheet_turn(blocks: list[Block], ctx: BodyContext) -> SheetTurn:
    """Forme work of a sheet turn, with the page break after the catchword."""
    content: list[Inline] = []
    number = next((m["n"] for b in blocks if (m := P.SHEET_NUMBER.match(b.text.strip()))), None)
    ctx.sheets += 1
    page = PageBreak(number or str(ctx.sheets))
    placed = False
    for block in blocks:
        kind = _sheet_kind(block) or "folio"
        if kind != "catch" and not placed:
            content.append(page)
            placed = True
        if kind == "header" and content and isinstance(content[-1], FormeWork):
            previous = content[-1]
            if previous.kind == "header" and not P.SHEET_HEADER.match(block.text.strip()):
                content[-1] = FormeWork(
                    "header", (*previous.content, LineBreak(), *_inline(block, ctx))
                )
                continue
        content.append(FormeWork(kind, _inline(block, ctx)))  # type: ignore[arg-type]
    if not placed:
        content.append(page)
    return SheetTurn(tuple(content))


# ---------------------------------------------------------------- body


def _body(units: list[Unit], ctx: BodyContext, depth: int) -> tuple:
    parts: list = []
    i = 0
    while i < len(units):
        unit = units[i]
        if isinstance(unit, _Quoted):
            inner = _structure(_group_quotes(unit.blocks, unit.ignored), ctx, depth + 1)
            parts.append(QuotedText(inner, "telegram" if depth == 0 else "quotation"))
            i += 1
            continue
        if _sheet_kind(unit) or (
            P.LONE_NUMBER.match(unit.text.strip()) and _next_is_sheet(units, i)
        ):
            run = [unit]
            i += 1
            while i < len(units) and isinstance(units[i], Block):
                nxt = units[i]
                assert isinstance(nxt, Block)
                if _sheet_kind(nxt) or P.LONE_NUMBER.match(nxt.text.strip()):
                    run.append(nxt)
                    i += 1
                else:
                    break
            parts.append(_sheet_turn(run, ctx))
            continue
        parts.append(_body_part(unit, ctx))
        i += 1
    return tuple(_lists(_rejoin(parts)))


def _next_is_sheet(units: list[Unit], i: int) -> bool:
    following = units[i + 1] if i + 1 < len(units) else None
    return isinstance(following, Block) and bool(_sheet_kind(following))


def _body_part(block: Block, ctx: BodyContext):
    text = block.text.strip()
    if is_gap_line(block):
        return Gapped(Gap("editorial"))
    if P.STAMP_BRACKET.match(text) or P.STAMP_BLOCK.match(text):
        return _stamp_block(block, ctx)
    numbered = P.NUMBERED.match(block.lines[0].text)
    if numbered:
        marked = P.BULLET.sub("", _marked(block, ctx.layout), count=1)
        return ListItem(numbered["n"] or numbered["letter"], _inline(block, ctx, marked))
    return Paragraph(_inline(block, ctx))


def _lists(parts: list) -> list:
    out: list = []
    for part in parts:
        if isinstance(part, ListItem):
            if out and isinstance(out[-1], PointList):
                out[-1] = PointList((*out[-1].items, part))
            else:
                out.append(PointList((part,)))
        else:
            out.append(part)
    return out


def _rejoin(parts: list) -> list:
    """A paragraph or point cut by a sheet turn continues after it (lowercase start)."""
    out: list = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if (
            isinstance(part, SheetTurn)
            and out
            and i + 1 < len(parts)
            and isinstance(parts[i + 1], Paragraph)
            and isinstance(out[-1], Paragraph | ListItem)
            and _unfinished(out[-1].content)
            and _starts_lowercase(parts[i + 1].content)
        ):
            continued = (*out[-1].content, *part.content, *parts[i + 1].content)
            if isinstance(out[-1], Paragraph):
                out[-1] = Paragraph(continued)
            else:
                out[-1] = ListItem(out[-1].n, continued)
            i += 2
            continue
        out.append(part)
        i += 1
    return out


def _unfinished(content: Inlines) -> bool:
    last = next((n for n in reversed(content) if isinstance(n, Text)), None)
    return last is not None and not P.TERMINAL.search(last.text)


def _starts_lowercase(content: Inlines) -> bool:
    first = next((n for n in content if isinstance(n, Text)), None)
    return first is not None and first.text.lstrip()[:1].islower()


# ---------------------------------------------------------------- closer


def _closer_line_kind(text: str) -> str | None:
    text = P.for_matching(text.strip())
    if not text:
        return None
    if P.CLERK.match(text):
        return "clerk"
    if P.CLOSING_SALUTE.match(text):
        return "salute"
    if P.SIGNATURE_LINE.search(text):
        return "signature"
    if P.ROLE.match(text) and len(text.split()) <= 12 and not text.endswith("."):
        return "role"
    if P.NUMBER_LINE.match(text):
        return "number"
    if P.DATE_LINE.match(text) and len(text) <= 60:
        return "date"
    if _signatory(text):
        return "name"
    return None


def _is_closer_block(block: Block) -> bool:
    if is_gap_line(block) or _sheet_kind(block) or P.STAMP_BRACKET.match(block.text.strip()):
        return True
    if P.CLOSER_DISTRIBUTION.match(block.text):
        return True
    return all(_closer_line_kind(line.text) for line in block.lines)


def _signatory(text: str) -> tuple[str, str] | None:
    """Split ``MAO ZEDONG Nº: 3444 11 July`` into the name and the rest."""
    matched = P.for_matching(text)  # same length: its positions are the text's
    tokens = matched.split()
    if not tokens:
        return None
    stripped = [t.strip("\"“”«»'’,;:.") or t for t in tokens]
    lowercase_name = all(re.fullmatch(r"[а-яё-]+", t) for t in stripped[:3]) and "-" in text
    k = 0
    while k < len(tokens) and k < 5:
        token = stripped[k]
        if P.REST_TOKEN.match(token):
            break
        if P.NAME_TOKEN.match(token) or (lowercase_name and re.fullmatch(r"[а-яё-]+", token)):
            k += 1
        else:
            break
    if k == 0 or k > 4:
        return None
    if not all(P.REST_TOKEN.match(t) for t in stripped[k:] if t):
        return None
    # the words of the name as written (an initial keeps its full stop: A. VYSHINSKY)
    name_words = [t.strip("\"“”«»'’,;:") for t in tokens[:k] if not t.startswith(("[", "("))]
    if not name_words or any(len(w.strip(".")) < 2 and not w.endswith(".") for w in name_words):
        return None
    cut = matched.index(tokens[k - 1]) + len(tokens[k - 1]) if k else 0
    return text[:cut], text[cut:]


def _closer(units: list[Unit], ctx: BodyContext) -> tuple[CloserPart, ...]:
    parts: list = []
    open_signature = False  # the last Signed may go on (rank → name → /name/)
    clerk_seen = False
    for unit in units:
        assert isinstance(unit, Block)
        if is_gap_line(unit):
            parts.append(Gapped(Gap("editorial")))
            continue
        if _sheet_kind(unit):
            parts.append(_sheet_turn([unit], ctx))
            continue
        if P.STAMP_BRACKET.match(unit.text.strip()):
            parts.append(_stamp_block(unit, ctx))
            continue
        if label := P.CLOSER_DISTRIBUTION.match(unit.text):
            parts.append(_closing_distribution(unit, label.group(0), ctx))
            continue
        for line in unit.lines:
            for piece in _clerk_pieces(line.text):
                kind = _closer_line_kind(piece)
                content = parse_inline(piece.strip(), ctx.inline)
                if kind == "clerk":
                    clerk_seen = True
                    note, signature = _verified_split(piece)
                    parts.append(ClerkNote(_mark_clerk(parse_inline(note, ctx.inline), ctx)))
                    if signature:
                        parts.append(Signed(_mark_signer(parse_inline(signature, ctx.inline))))
                        open_signature = True
                    continue
                if kind == "salute":
                    parts.append(Furniture("salute", content))
                    open_signature = False
                    continue
                if kind in {"signature", "role"}:
                    content = _mark_signer(content)
                    if open_signature and isinstance(parts[-1], Signed):
                        parts[-1] = Signed((*parts[-1].content, LineBreak(), *content))
                    else:
                        parts.append(Signed(content))
                    open_signature = True
                elif kind == "name":
                    split = _signatory(piece.strip())
                    assert split
                    name, rest = split
                    signed = _mark_signatory(parse_inline(name, ctx.inline))
                    if open_signature and parts and isinstance(parts[-1], Signed):
                        parts[-1] = Signed((*parts[-1].content, LineBreak(), *signed))
                    else:
                        parts.append(Signed(signed))
                    open_signature = False
                    if rest.strip():
                        marked = _mark_numbers(parse_inline(rest.strip(), ctx.inline), ctx)
                        if any(isinstance(node, Number) for node in marked):
                            parts.append(CloserLine(marked))
                        else:
                            parts.append(Dateline(marked))
                elif kind == "number" and clerk_seen:
                    parts.append(ClerkNote(_mark_numbers(content, ctx)))
                    open_signature = False
                elif kind == "number":
                    parts.append(CloserLine(_mark_numbers(content, ctx)))
                    open_signature = False
                elif kind == "date":
                    parts.append(Dateline(_mark_when(content, ctx)))
                    open_signature = False
                else:
                    parts.append(CloserLine(_mark_numbers(content, ctx)))
                    open_signature = False
    return tuple(parts)


def _closing_distribution(block: Block, label: str, ctx: BodyContext) -> Distribution:
    """``Verteiler:`` followed by one recipient a line."""
    first = block.lines[0].text.strip()[len(label) :].strip()
    lines = ([first] if first else []) + [line.text.strip() for line in block.lines[1:]]
    items = tuple(ListItem(None, parse_inline(line, ctx.inline)) for line in lines if line)
    return Distribution(items, parse_inline(label, ctx.inline))


def _clerk_pieces(text: str) -> list[str]:
    if not P.CLERK.match(text.strip()):
        return [text]
    return [p for p in P.CLERK_SPLIT.split(text.strip()) if p.strip()]


def _verified_split(text: str) -> tuple[str, str | None]:
    """``Verified: MAJOR [signature] (RUDAKOV)`` → the note and the signature."""
    if not re.match(r"^\s*(?:Verified|Checked|Провер|провер)", text):
        return text.strip(), None
    ranks = list(P.RANK_WORD.finditer(text))
    if not ranks:
        return text.strip(), None
    cut = ranks[-1].start()
    return text[:cut].strip(), text[cut:].strip()


def _mark_signer(content: Inlines) -> Inlines:
    return mark(content, P.SIGNER_NAME, lambda m: Name("person", (Text(m.group(0)),)))


SIGNATORY_TEXT = re.compile(r"^(?P<lead>[\s\"“«„]*)(?P<name>.*?)(?P<trail>[\s.,\"“”»]*)$", re.S)


def _mark_signatory(content: Inlines) -> Inlines:
    """The whole name of a signatory line is a person's name (its identification kept)."""
    out: list[Inline] = []
    for node in content:
        match = SIGNATORY_TEXT.match(node.text) if isinstance(node, Text) else None
        if match and match["name"]:
            if match["lead"]:
                out.append(Text(match["lead"]))
            out.append(Name("person", (Text(match["name"]),)))
            if match["trail"]:
                out.append(Text(match["trail"]))
        else:
            out.append(node)
    return tuple(out)


def _mark_clerk(content: Inlines, ctx: BodyContext) -> Inlines:
    content = mark(content, P.CLERK_PERSON, lambda m: Name("person", (Text(m["name"]),)))
    return _mark_numbers(content, ctx)


def _mark_numbers(content: Inlines, ctx: BodyContext) -> Inlines:
    content = mark(content, P.OUTGOING, lambda m: Number("outgoing", m.group(0)))
    return _mark_when(content, ctx)


def _mark_when(content: Inlines, ctx: BodyContext) -> Inlines:
    def timed(m: re.Match[str]) -> When:
        return When("time", m.group(0), Dating(when=time_value(m)))

    for pattern in (TIME, AT_TIME, MILITARY_TIME):
        content = mark(content, pattern, timed)
    content = mark(content, DAY_MONTH, lambda m: _dated(m.group(0), date_value(m, ctx.year)))
    return mark(
        content,
        NUMERIC,
        lambda m: _dated(m.group(0), iso) if (iso := date_value(m, ctx.year)) else None,
    )


def _dated(text: str, iso: str | None) -> When:
    return When("date", text, Dating(when=iso) if iso else None)
