"""A table of contents printed in the document (the UN's verbatim records, a report's own):
'CONTENTS' | 'Agenda item 9:' | 'Speech by Mr. Florit (Argentina)…33' … It becomes
`list[@type='contents']`: its title and the lines before the first entry as its head, one
item per entry, its page number kept as printed (after its leader)."""

from __future__ import annotations

import re

from cablegram.model import Inline, LineBreak, ListItem, PointList
from cablegram.parse.context import BodyContext, block_inlines
from cablegram.parse.quotes import Unit
from cablegram.read import Block

CONTENTS_HEAD = re.compile(
    r"^(?:(?:table of )?contents|содержание|оглавление|inhalt(?:sverzeichnis)?|sommaire"
    r"|table des matières)\s*:?$",
    re.IGNORECASE,
)
# an entry's page after its leader: '…33', '.......... 37', '. . . 42'
PAGE_LEADER = re.compile(r"(?:…+|\.{3,}|(?:\s\.){3,})\s*\d{1,4}$")
HEAD_BLOCKS = 3  # the title and at most two lines under it ('Agenda item 9:' | 'General …')
MIN_ENTRIES = 2


def contents_list(units: list[Unit], i: int, ctx: BodyContext) -> tuple[PointList, int] | None:
    """The table of contents that begins at `units[i]`, and where the text after it begins;
    None when no such table begins there."""
    if not _title(units[i]):
        return None
    head = [units[i]]
    k = i + 1
    while (
        k < len(units)
        and len(head) < HEAD_BLOCKS
        and isinstance(units[k], Block)
        and not _entry(units[k])
    ):
        head.append(units[k])
        k += 1
    entries: list[Unit] = []
    while k < len(units) and _entry(units[k]):
        entries.append(units[k])
        k += 1
    if len(entries) < MIN_ENTRIES:
        return None
    title: list[Inline] = []
    for block in head:
        assert isinstance(block, Block)
        title += (
            [LineBreak(), *block_inlines(block, ctx)] if title else list(block_inlines(block, ctx))
        )
    items = tuple(
        ListItem(None, block_inlines(entry, ctx)) for entry in entries if isinstance(entry, Block)
    )
    return PointList(items, "contents", tuple(title)), k


def _title(unit: Unit) -> bool:
    return isinstance(unit, Block) and bool(CONTENTS_HEAD.match(unit.text.strip()))


def _entry(unit: Unit) -> bool:
    return (
        isinstance(unit, Block)
        and len(unit.lines) <= 2
        and bool(PAGE_LEADER.search(unit.text.strip()))
    )
