"""The document's own footnotes: their texts leave the flow and go to their anchors."""

from __future__ import annotations

import re

from cablegram.lexicon import patterns as P
from cablegram.read import Block


def take_footnotes(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], dict[str, str]]:
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
