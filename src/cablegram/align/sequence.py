"""The alignment of two versions' passages: dynamic programming over the two sequences.

As in Gale and Church's aligner, the passages of both versions keep their order, and each
step of the path takes one passage of each side (1:1), one of one side alone (1:0, 0:1:
a copy list only the scan has, a note the translation adds), or one against two (1:2, 2:1:
the translator split a paragraph, or joined two). The path of the highest total score
(`scoring`) wins; the steps that pair passages are the links.
"""

from __future__ import annotations

from collections.abc import Sequence

from cablegram.align.lengths import LengthModel
from cablegram.align.passages import Passage, merged
from cablegram.align.scoring import MERGE, SKIP, score

Link = tuple[tuple[int, ...], tuple[int, ...]]  # positions on each side (one or two)
NONE = float("-inf")


def align(a: Sequence[Passage], b: Sequence[Passage], lengths: LengthModel) -> list[Link]:
    """The links of the best path through `a` and `b` (positions in each), in order."""
    n, m = len(a), len(b)
    best = [[NONE] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            for di, dj in ((1, 0), (0, 1), (1, 1), (2, 1), (1, 2)):
                if i < di or j < dj or best[i - di][j - dj] == NONE:
                    continue
                step = _step(a[i - di : i], b[j - dj : j], lengths)
                if step == NONE:
                    continue
                total = best[i - di][j - dj] + step
                if total > best[i][j]:
                    best[i][j], back[i][j] = total, (di, dj)
    links: list[Link] = []
    i, j = n, m
    while i or j:
        move = back[i][j]
        assert move is not None  # every cell is reachable by skips
        di, dj = move
        if di and dj:
            links.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    links.reverse()
    return links


def _step(a: Sequence[Passage], b: Sequence[Passage], lengths: LengthModel) -> float:
    """The score of one step of the path: a passage left alone, or passages paired."""
    if not a or not b:
        alone = a or b
        return 0.0 if alone[0].empty else SKIP
    if any(p.empty for p in (*a, *b)):
        return NONE  # nothing to pair an empty block with
    first = a[0] if len(a) == 1 else merged(a[0], a[1])
    second = b[0] if len(b) == 1 else merged(b[0], b[1])
    extra = MERGE if len(a) + len(b) > 2 else 0.0
    return score(first, second, lengths) + extra
