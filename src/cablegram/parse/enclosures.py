"""A second text printed after the document's own (D7): a letter enclosed with a covering
note after the note's signature ('(A. Gromyko)' | '28 September 1950' | 'Dear Cde. …'),
or the texts a press release or a decree encloses, each under its own head ('Text of
speech made by …', 'DRAFT', 'Enclosure', 'Приложение').

The covering text keeps its closer; each enclosure is parsed as a text of its own and
stands before that closer (TEI admits no block after a `closer`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from cablegram.lexicon import furniture as F
from cablegram.parse.closer import is_closer_block
from cablegram.parse.quotes import Unit
from cablegram.read import Block

# the head of an enclosed text, standing alone
ENCLOSURE_HEAD = re.compile(
    r"^(?:text of (?:the )?(?:speech|statement|draft|certain|letter|telegram|note|resolution"
    r"|amendments?|address|reply|declaration|communiqu)\w*\b|draft(?: resolution)?$"
    r"|(?:enclosure|attachment|annex|appendix|приложение|anlage)\b(?:\s*(?:no\.|№)?\s*\d+)?\W*$"
    r"|проект$|entwurf$)",
    re.IGNORECASE,
)
HAND_LABEL = re.compile(r"^\[\s*(?:handwritten|hand-written)[^\]]*:?\s*\]$", re.IGNORECASE)
HEAD_WORDS = 40  # a head is a line, not a paragraph


@dataclass(frozen=True)
class Enclosure:
    """The units of an enclosed text and what it is."""

    units: list[Unit]
    kind: str  # "letter" (after a covering note's signature) or "enclosure" (under a head)


def split_enclosures(units: list[Unit]) -> tuple[list[Unit], list[Enclosure]]:
    """The units of the document's own text and the texts enclosed after it."""
    for k in range(1, len(units)):
        if _letter_starts(units, k):
            return units[:k], [Enclosure(units[k:], "letter")]
    heads = [k for k in range(1, len(units)) if _head(units[k])]
    if not heads:
        return units, []
    bounds = [*heads, len(units)]
    enclosures = [Enclosure(units[a:b], "enclosure") for a, b in itertools.pairwise(bounds)]
    return units[: heads[0]], enclosures


def _head(unit: Unit) -> bool:
    if not isinstance(unit, Block):
        return False
    text = unit.text.strip()
    return len(text.split()) <= HEAD_WORDS and bool(ENCLOSURE_HEAD.match(text))


def _letter_starts(units: list[Unit], k: int) -> bool:
    """A letter begins at `k` (a salutation 'Dear …', perhaps under a hand's label alone)
    right after a signed closer."""
    before, unit = units[k - 1], units[k]
    if isinstance(unit, Block) and HAND_LABEL.match(unit.text.strip()) and k + 1 < len(units):
        unit = units[k + 1]
    if not (isinstance(unit, Block) and F.SALUTATION.match(unit.text.strip())):
        return False
    return isinstance(before, Block) and is_closer_block(before)
