"""Offsets in inline content: a paragraph read as one text, and its nodes cut at offsets.

Lists of those present and turns of speech are recognised after the inline parser has
made nodes of a paragraph (brackets, breaks, numbers). To find a label or a name, the
nodes are read as one text (`Reading`): the source's characters, a line or page break as a
newline, while the archive's bracketed words (supplied, identified, noted) take no room,
since a label or a name is read without them (`Kovalev I[van]. V.` is `Kovalev I. V.`).
`between` gives back the nodes between two offsets of that text, a text node cut where an
offset falls inside it; a node without width goes with the stretch that starts at it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from cablegram.model import (
    BREAK_MARK,
    CopyNumber,
    Expansion,
    Inline,
    Inlines,
    LineBreak,
    Name,
    Number,
    PageBreak,
    Role,
    Sic,
    Spaced,
    Text,
    Unclear,
    When,
)


def _width_text(node: Inline) -> str:
    """What a node stands for in the reading text ('' for the archive's own words)."""
    if isinstance(node, Text):
        return node.text
    if isinstance(node, LineBreak):
        return "" if node.hyphenated else "\n"
    if isinstance(node, PageBreak):
        return "\n"
    if isinstance(node, Sic | Unclear):  # the source's reading, its breaks as spaces
        return BREAK_MARK.sub(" ", node.text)
    if isinstance(node, Spaced | When | Number | CopyNumber):
        return node.text
    if isinstance(node, Expansion):
        return node.abbr
    if isinstance(node, Name | Role):
        return Reading.of(node.content).text
    return ""


@dataclass(frozen=True)
class Reading:
    """Inline nodes read as one text, with the offset at which each node starts."""

    nodes: Inlines
    starts: tuple[int, ...]
    text: str

    @classmethod
    def of(cls, nodes: Inlines) -> Reading:
        widths = [_width_text(node) for node in nodes]
        starts = tuple(accumulate((len(width) for width in widths), initial=0))
        return cls(nodes, starts[:-1], "".join(widths))

    def between(self, start: int, end: int) -> Inlines:
        """The nodes between two offsets of the text (`end` may be the text's length).
        Only the nodes from the one holding `start` to the one at `end` are looked at
        (found by bisection: a paragraph is cut at each of its labels, and going through
        all its nodes for each made a long one quadratic)."""
        out: list[Inline] = []
        size = len(self.text)
        first = max(bisect_left(self.starts, start) - 1, 0)  # (the node before may hold it)
        last = bisect_right(self.starts, end)
        for k in range(first, last):
            node, at = self.nodes[k], self.starts[k]
            width = (self.starts[k + 1] if k + 1 < len(self.starts) else size) - at
            if isinstance(node, Text):
                a, b = max(start, at), min(end, at + width)
                if a < b:
                    whole = a == at and b == at + width
                    out.append(node if whole else Text(node.text[a - at : b - at]))
            elif start <= at < end or (width == 0 and at == end == size):
                out.append(node)
        return tuple(out)


def trimmed(nodes: Inlines) -> Inlines:
    """The nodes without the white space and line breaks at their two ends."""
    out = list(nodes)
    while out and (isinstance(out[0], LineBreak) or _blank(out[0])):
        out.pop(0)
    while out and (isinstance(out[-1], LineBreak) or _blank(out[-1])):
        out.pop()
    if out and isinstance(out[0], Text) and out[0].text != out[0].text.lstrip():
        out[0] = Text(out[0].text.lstrip())
    if out and isinstance(out[-1], Text) and out[-1].text != out[-1].text.rstrip():
        out[-1] = Text(out[-1].text.rstrip())
    return tuple(out)


def _blank(node: Inline) -> bool:
    return isinstance(node, Text) and not node.text.strip()
