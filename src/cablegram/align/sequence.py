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
    """The links between `a` and `b` (positions in each), in the order of `a`.

    The furniture of an opener or closer need not keep its order in translation (the
    translation of cable 21412 puts the salute after the receipt line, the scan before
    it), so the parts of each of `b`'s openers and closers are first put in the order of
    their likeliest counterparts in `a` (`furniture_order`); the path is then found through
    `a` and that order, and its positions read back."""
    order = furniture_order(a, b, lengths)
    links = _path(a, [b[k] for k in order], lengths)
    return [(left, tuple(sorted(order[j] for j in right))) for left, right in links]


def furniture_order(a: Sequence[Passage], b: Sequence[Passage], lengths: LengthModel) -> list[int]:
    """The positions of `b`, each opener's and closer's parts sorted by the position of
    their best counterpart in `a` (among the parts of the same zone and quoted text); a
    part with no counterpart worth a link keeps its place after the part before it."""
    order = list(range(len(b)))
    groups: dict[tuple[str, str], list[int]] = {}
    for j, passage in enumerate(b):
        if passage.zone != "body":
            groups.setdefault((passage.quote, passage.zone), []).append(j)
    for (quote, zone), members in groups.items():
        candidates = [i for i, p in enumerate(a) if p.zone == zone and p.quote == quote]
        key: dict[int, float] = {}
        last = -1.0
        for n, j in enumerate(members):
            neighbours = [b[k] for k in members[max(n - 1, 0) : n + 2] if k != j]
            best, at = _best_counterpart(b[j], neighbours, [(i, a[i]) for i in candidates], lengths)
            if best > 2 * SKIP:
                last = float(at)
            key[j] = last + j / (len(b) + 1)  # the unmatched follow, in their order
        for slot, j in zip(members, sorted(members, key=key.__getitem__), strict=True):
            order[slot] = j
    return order


def _best_counterpart(
    passage: Passage,
    neighbours: Sequence[Passage],
    candidates: Sequence[tuple[int, Passage]],
    lengths: LengthModel,
) -> tuple[float, int]:
    """The best score of `passage` against the candidates (alone, or read as one with a
    neighbour: "From BEIJING" and "Received 12:10" are one line of the scan), and the
    position of the candidate that gives it."""
    if passage.empty:
        return NONE, -1
    best, at = NONE, -1
    for i, candidate in candidates:
        if candidate.empty:
            continue
        scores = [score(candidate, passage, lengths)]
        scores += [
            score(candidate, merged(passage, other), lengths) + MERGE
            for other in neighbours
            if not other.empty
        ]
        if max(scores) > best:
            best, at = max(scores), i
    return best, at


def _path(a: Sequence[Passage], b: Sequence[Passage], lengths: LengthModel) -> list[Link]:
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
