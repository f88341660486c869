"""How much two passages of different versions look like one passage: the score of a pairing.

The score adds what both sides share and takes off what sets them apart, in rough units of
log-odds: the same entity (`@ref`) in both languages is the strongest evidence there is;
the same point number, date or figure comes next; the role (a salute answers a salute, a
paragraph a paragraph, an opener's part another opener part) and the quoted text the two
stand in say where in the document they are; their lengths, weighed by the language pair's
length model (`lengths`), say whether one can be the other's translation. A pairing that
scores above `2 · SKIP` is worth more than leaving both passages alone.
"""

from __future__ import annotations

from cablegram.align.lengths import LengthModel
from cablegram.align.passages import Passage

SKIP = -1.0  # leaving a passage without a counterpart (1:0, 0:1)
UNPAIRED = 2 * SKIP  # a pairing scoring less is worth less than leaving both alone
MERGE = -1.5  # reading two passages of one side as one (1:2, 2:1), on top of their score
LENGTH_WEIGHT = 0.45
LENGTH_CAP = 5.0
# beyond this many standard deviations the length cost is at its cap (0.45 · -log P(|δ|>4.5)
# is above 5): most pairings of a table are that far apart, and need no erfc and log
CAPPED_DELTA = 4.5
REF_SHARED = 2.5
REF_ALONE = 0.3
REFS_COUNTED = 4
NUMBER_SHARED = 1.0
NUMBER_ALONE = 0.4
NUMBERS_COUNTED = 4
DATE_SHARED = 1.5
POINT_SAME = 2.5
POINT_OTHER = -4.0
ROLE_SAME = 1.5
ROLE_OTHER_FURNITURE = -2.5
SEG_OTHER = -0.8  # two lines of furniture of different types: typed from their words
ZONE_OTHER = -2.5
QUOTE_OTHER = -3.0


def score(a: Passage, b: Passage, lengths: LengthModel) -> float:
    """The score of pairing `a` (first version) with `b` (second version)."""
    total = _place(a, b)
    if a.point and b.point:
        total += POINT_SAME if a.point == b.point else POINT_OTHER
    if a.refs and b.refs:
        total += REF_SHARED * min(len(a.refs & b.refs), REFS_COUNTED)
    if a.numbers and b.numbers:
        total += NUMBER_SHARED * min(len(a.numbers & b.numbers), NUMBERS_COUNTED)
    if a.dates and b.dates:
        total += DATE_SHARED * len(a.dates & b.dates)
    if total < UNPAIRED:  # what follows only takes off: no path will pair these two
        return total
    total -= REF_ALONE * min(len(a.refs ^ b.refs), REFS_COUNTED)
    total -= NUMBER_ALONE * min(len(a.numbers ^ b.numbers), NUMBERS_COUNTED)
    if abs(lengths.delta(a.length, b.length)) > CAPPED_DELTA:
        total -= LENGTH_CAP
    else:
        total -= min(LENGTH_WEIGHT * lengths.cost(a.length, b.length), LENGTH_CAP)
    return total


def _place(a: Passage, b: Passage) -> float:
    """What the two passages' zone, role and quoted text say."""
    total = 0.0
    if a.quote != b.quote:
        total += QUOTE_OTHER
    if a.zone != b.zone:
        return total + ZONE_OTHER
    if a.zone == "body":  # a paragraph may render a point, a point a paragraph
        return total + (ROLE_SAME if a.role == b.role else 0.0)
    if a.role == b.role:
        return total + ROLE_SAME
    if a.role.startswith("seg:") and b.role.startswith("seg:"):
        return total + SEG_OTHER  # a line named an office in one language, a heading in another
    return total + ROLE_OTHER_FURNITURE
