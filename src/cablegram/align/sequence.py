"""The alignment of two versions' passages: dynamic programming over the two sequences.

As in Gale and Church's aligner, the passages of both versions keep their order, and each
step of the path takes one passage of each side (1:1), one of one side alone (1:0, 0:1:
a copy list only the scan has, a note the translation adds), or one against two (1:2, 2:1:
the translator split a paragraph, or joined two). The path of the highest total score
(`scoring`) wins; the steps that pair passages are the links.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from cablegram.align.lengths import LengthModel
from cablegram.align.passages import Passage, merged
from cablegram.align.scoring import MERGE, SKIP, score

Link = tuple[tuple[int, ...], tuple[int, ...]]  # positions on each side (one or two)
NONE = float("-inf")
BAND = 30


def align(a: Sequence[Passage], b: Sequence[Passage], lengths: LengthModel) -> list[Link]:
    """The links between `a` and `b` (positions in each), in the order of both.

    The furniture of an opener or closer need not keep its order in translation (the
    translation of cable 21412 puts the salute after the receipt line, the scan before
    it), so the parts of each of `b`'s openers and closers are first put in the order of
    their likeliest counterparts in `a` (`furniture_order`: a line also finds the
    neighbour it was one line with); the path is then found through `a` and that order,
    its positions read back, and the links that cross are untangled."""
    order = furniture_order(a, b, lengths)
    links = _path(a, [b[k] for k in order], lengths)
    return untangled(
        [(left, tuple(sorted(order[j] for j in right))) for left, right in links], a, b, lengths
    )


def untangled(
    links: Sequence[Link], a: Sequence[Passage], b: Sequence[Passage], lengths: LengthModel
) -> list[Link]:
    """The links without doubtful crossings. A translation may move a line of its
    furniture (cable 21412's translation puts the series line after the salute, its scan
    before it): two crossing links stay when each joins two lines of the same role, one to
    one (a salute to a salute, a series line to a series line). Any other crossing is
    taken for a mistake, and only the stronger link of the two is kept; the views then
    show every link on a line of its own, and a group of crossing links as one row."""
    strength = {link: _link_score(link, a, b, lengths) for link in links}
    kept: list[Link] = []
    for link in sorted(links, key=lambda k: (-strength[k], k)):
        crossed = [other for other in kept if _cross(link, other)]
        if not crossed or all(_moved(x, a, b) for x in (link, *crossed)):
            kept.append(link)
    return sorted(kept)


def _moved(link: Link, a: Sequence[Passage], b: Sequence[Passage]) -> bool:
    """Whether a link may cross another: one line of furniture to one of the same role."""
    (left, *more_left), (right, *more_right) = link
    first, second = a[left], b[right]
    return not more_left and not more_right and first.zone != "body" and first.role == second.role


def _cross(first: Link, second: Link) -> bool:
    return (first[0][0] < second[0][0]) != (first[1][0] < second[1][0])


def _link_score(
    link: Link, a: Sequence[Passage], b: Sequence[Passage], lengths: LengthModel
) -> float:
    left, right = link
    first = a[left[0]] if len(left) == 1 else merged(a[left[0]], a[left[1]])
    second = b[right[0]] if len(right) == 1 else merged(b[right[0]], b[right[1]])
    return score(first, second, lengths) + (MERGE if len(left) + len(right) > 2 else 0.0)


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
    """The links of the best path through `a` and `b` (positions in each), in order.

    The path is searched within a band along the diagonal, `BAND` cells plus the
    difference of the two lengths wide on each side (a version lacking a whole opener, or
    half the text, still fits in it): two versions of 300 passages cost a fifth of the
    full table."""
    n, m = len(a), len(b)
    best = [[NONE] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    # what each step costs that does not depend on the other side
    alone_a = [0.0 if p.empty else SKIP for p in a]
    alone_b = [0.0 if p.empty else SKIP for p in b]
    single_a = [None if p.empty else p for p in a]
    single_b = [None if p.empty else p for p in b]
    pairs_a, pairs_b = _pairs(a), _pairs(b)  # each two neighbours read as one
    width = BAND + abs(n - m)
    for i in range(n + 1):
        centre = int(i * m / n) if n else 0
        row, above = best[i], best[i - 1] if i else None
        for j in range(max(0, centre - width), min(m, centre + width) + 1):
            here, move = NONE, None
            if i and above is not None and above[j] != NONE:
                here, move = above[j] + alone_a[i - 1], (1, 0)
            if j and row[j - 1] != NONE and row[j - 1] + alone_b[j - 1] > here:
                here, move = row[j - 1] + alone_b[j - 1], (0, 1)
            for di, dj, first, second in (
                (1, 1, single_a, single_b),
                (2, 1, pairs_a, single_b),
                (1, 2, single_a, pairs_b),
            ):
                if i < di or j < dj:
                    continue
                start = best[i - di][j - dj]
                x, y = first[i - 1], second[j - 1]
                if start == NONE or x is None or y is None:
                    continue
                total = start + score(x, y, lengths) + (MERGE if di + dj > 2 else 0.0)
                if total > here:
                    here, move = total, (di, dj)
            if move is not None:
                row[j], back[i][j] = here, move
    links: list[Link] = []
    i, j = n, m
    while i or j:
        move = back[i][j]
        assert move is not None  # every cell of the band is reachable by skips
        di, dj = move
        if di and dj:
            links.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    links.reverse()
    return links


def _pairs(passages: Sequence[Passage]) -> list[Passage | None]:
    """At k, passages k-1 and k read as one (None where either has no words, or where they
    stand in different zones: a translator joins paragraphs, or two lines of an opener,
    not the last line of an opener and a paragraph; a paragraph and the quoted report
    after it may be one paragraph in another version)."""
    pairs: list[Passage | None] = [None]
    for first, second in pairwise(passages):
        joinable = not (first.empty or second.empty or first.zone != second.zone)
        pairs.append(merged(first, second) if joinable else None)
    return pairs
