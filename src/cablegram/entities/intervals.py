"""Spans of a text asked about by position, each question in O(log n).

The tagger asks, for every candidate name of a text, whether it overlaps a name already
found or a supplied word; asking each span of the text in turn made tagging quadratic in
the size of a block (a paragraph of 400 KB took 15 s). The spans are sorted by their
start, with the greatest end reached so far beside each: any set of spans, overlapping
or not, answers exactly what a scan of them all would.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

Span = tuple[int, int]


class Intervals:
    """A set of spans (start, end), for questions of overlap and containment."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda span: span[0])  # (stable: the first stays first)
        self.starts = [start for start, _ in self.spans]
        self.reach = list(accumulate((end for _, end in self.spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end) (shares a character with it)."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start

    def contains(self, pos: int) -> bool:
        """Whether a span holds the character at `pos`."""
        k = bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos

    def inside(self, pos: int) -> bool:
        """Whether `pos` falls strictly inside a span (between two of its characters)."""
        k = bisect_left(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos

    def starting_at(self, pos: int) -> Span | None:
        """The first span that starts at `pos`, if one does."""
        k = bisect_left(self.starts, pos)
        return self.spans[k] if k < len(self.spans) and self.starts[k] == pos else None
