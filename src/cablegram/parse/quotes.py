"""Texts quoted inside a version: the blocks of a telegram or letter quoted over several
blocks, found by their quotation marks, grouped to be parsed as a text of their own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cablegram.lexicon import patterns as P
from cablegram.read import Block, Line, bracket_depth


@dataclass(frozen=True)
class Quoted:
    """Blocks of a telegram quoted in the text, its outer quotation marks to be ignored."""

    blocks: tuple[Block, ...]
    ignored: frozenset[tuple[int, int]]


Unit = Block | Quoted


QUOTE_MARK = re.compile('["“”«»„]')


def _quote_events(block: Block, ignored: frozenset[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(line index, column, +1 open / -1 close) for each quotation mark of a block; the
    marks inside an editorial bracket are the bracket's ('[handwritten: "to Cdes. …"]')."""
    events: list[tuple[int, int, int]] = []
    if not QUOTE_MARK.search(block.text):
        return events  # (most blocks quote nothing)
    depth = 0
    for li, line in enumerate(block.lines):
        text = line.text
        if not QUOTE_MARK.search(text):
            depth = bracket_depth(text, depth)
            continue
        bracketed = set()
        if depth or "[" in text:  # (most lines hold no bracket: nothing to count)
            for col, char in enumerate(text):
                depth += (char == "[") - (char == "]")
                depth = max(depth, 0)
                if depth:
                    bracketed.add(col)
        for found in QUOTE_MARK.finditer(text):
            col, char = found.start(), found.group()
            if (line.no, col) in ignored or col in bracketed:
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


def group_quotes(blocks: tuple[Block, ...], ignored: frozenset[tuple[int, int]]) -> list[Unit]:
    """Group the blocks of each telegram quoted over several blocks into a `Quoted`."""
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
        units.append(Quoted(inner, ignored | frozenset(outer)))
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
