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
from cablegram.lexicon import patterns as P
from cablegram.parse.closer import is_closer_block, page_break_line
from cablegram.parse.quotes import Quoted, Unit
from cablegram.read import Block

# the head of an enclosed text, standing alone
ENCLOSURE_HEAD = re.compile(
    r"^(?:text of (?:the )?(?:[\w-]+ ){0,3}?(?:speech|statement|draft|letter|telegram|note"
    r"|resolution|amendments?|address|reply|declaration|communiqu)\w*\b|draft(?: resolution)?$"
    r"|(?:enclosure|attachment|annex|appendix|приложение|anlage)\b(?:\s*(?:no\.|№)?\s*\d+)?\W*$"
    r"|проект$|entwurf$|(?:excerpt|extract)s? from\b|выписка из\b|auszug aus\b)",
    re.IGNORECASE,
)
# an appended excerpt of another document: a quotation, not a text the document encloses
EXCERPT = re.compile(r"^(?:excerpt|extract)s? from\b|^выписка из\b|^auszug aus\b", re.IGNORECASE)
HAND_LABEL = re.compile(r"^\[\s*(?:handwritten|hand-written)[^\]]*:?\s*\]$", re.IGNORECASE)
HEAD_WORDS = 40  # a head is a line, not a paragraph


@dataclass(frozen=True)
class Enclosure:
    """The units of an enclosed text and what it is."""

    units: list[Unit]
    kind: str  # "letter" (after a covering note's signature) or "enclosure" (under a head)
    headed: bool = False  # its first unit is its head ('Text of speech made by …')


def split_enclosures(units: list[Unit]) -> tuple[list[Unit], list[Enclosure]]:
    """The units of the document's own text and the texts enclosed after it."""
    for k in range(1, len(units)):
        if _letter_starts(units, k):
            return units[:k], [Enclosure(units[k:], "letter")]
    heads = [k for k in range(1, len(units)) if _head(units[k])]
    if not heads:
        return units, []
    heads += _unheaded(units, heads)
    bounds = [*heads, len(units)]
    enclosures = [
        Enclosure(units[a:b], _kind(units[a]), headed=_head(units[a]) and b - a > 1)
        for a, b in itertools.pairwise(bounds)
    ]
    return units[: heads[0]], enclosures


LISTED_ENCLOSURE = re.compile(r"^\s*\d{1,2}\.\s*text of\b", re.IGNORECASE)


def _unheaded(units: list[Unit], heads: list[int]) -> list[int]:
    """Where the enclosures that the covering text announces (a numbered list of 'Text of
    …') but that stand under no head of their own begin: on a new page, under a body's
    letterhead ('[page break]' | 'UNITED NATIONS GENERAL ASSEMBLY'), after the last head."""
    announced = sum(
        1
        for unit in units[: heads[0]]
        if isinstance(unit, Block) and LISTED_ENCLOSURE.match(unit.text)
    )
    starts = [
        k
        for k in range(heads[-1] + 2, len(units))
        if page_break_line(units[k - 1]) and _letterhead(units[k])
    ]
    return starts[: max(0, announced - len(heads))]


def _letterhead(unit: Unit) -> bool:
    text = unit.text.strip() if isinstance(unit, Block) else ""
    return text.isupper() and len(text.split()) <= HEAD_WORDS and bool(P.OFFICE.search(text))


def _kind(head: Unit) -> str:
    return (
        "quotation" if isinstance(head, Block) and EXCERPT.match(head.text.strip()) else "enclosure"
    )


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


# the words that announce a text given in full: '… the text of his letter of 8 March 1960:'
ANNOUNCED = re.compile(
    r"\b(?:letter|telegram|cable|message|text|note|reply|answer|письм\w*|телеграмм\w*|текст\w*"
    r"|ответ\w*|brief\w*|schreiben)\b[^:]*:\s*$",
    re.IGNORECASE,
)
SIGNATORY_WORDS = 8  # a signature's line: a name, perhaps with a title


def embed_letters(units: list[Unit]) -> list[Unit]:
    """A letter given in full within the text without quotation marks: announced by a
    paragraph ending in a colon ('… the text of his letter …:'), opening with a salutation
    ('Dear Comrade …'), ending with its closing formula and signature; one quoted unit,
    the text going on after it."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        unit = units[k]
        end = _letter_end(units, k + 1) if _announces(unit, units, k) else None
        out.append(unit)
        if end is None:
            k += 1
            continue
        blocks = tuple(u for u in units[k + 1 : end] if isinstance(u, Block))
        out.append(Quoted(blocks, frozenset()))
        k = end
    return out


def _announces(unit: Unit, units: list[Unit], k: int) -> bool:
    following = units[k + 1] if k + 1 < len(units) else None
    return (
        isinstance(unit, Block)
        and unit.text.rstrip().endswith(":")
        and bool(ANNOUNCED.search(unit.text))
        and isinstance(following, Block)
        and bool(F.SALUTATION.match(following.text.strip()))
    )


def _letter_end(units: list[Unit], start: int) -> int | None:
    """Where the letter beginning at `start` ends: after its closing formula and the
    signature under it (None: it closes nowhere, it is no letter given in full)."""
    for k in range(start + 1, len(units)):
        unit = units[k]
        if not isinstance(unit, Block):
            return None
        if F.CLOSING.match(unit.text.strip()):
            signed = units[k + 1] if k + 1 < len(units) else None
            if isinstance(signed, Block) and len(signed.text.split()) <= SIGNATORY_WORDS:
                return k + 2
            return k + 1
    return None
