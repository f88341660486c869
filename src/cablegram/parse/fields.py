"""The archive page's header: where its fields are, in whatever order the page gives them.

The fields are the date line, the title, and `Citation:`, `Summary:`, `Credits:`,
`Original Language:`, `Contents:`. Pages label them, or (a page captured as displayed, the
archive's older site) give some without a label: a summary sentence before the date or
after the document, the citation in quotation marks, the funder's sentence under the title.
`split_fields` finds each, and where the document's text begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablegram.errors import SourceError
from cablegram.lexicon.patterns import TERMINAL
from cablegram.parse.dates import find_date, is_date_line, parse_date_line
from cablegram.read import Block, Line, strip_bullet

FIELD = re.compile(
    r"^\s*(?P<label>Citation|Summary|Credits|Original Languages?|Contents|Language)\s*:\s*"
    r"(?P<rest>.*)$",
    re.I,
)
CONTENT_ITEM = re.compile(
    r"^\s*(?:[-*+]\s+)?(?P<item>(?:Original|English|Russian|Chinese|German|Korean|French"
    r"|Hungarian|Romanian|Polish|Czech|Vietnamese|Mongolian|Spanish)?\s*"
    r"(?:Scan(?: of Original Document)?|Transcript(?:ion)?|Translation|Original)"
    r"(?:\s*[-–—]\s*\w+)?)\s*$",
    re.I,
)
CREDITS = re.compile(r"^This document was made possible with support from\b", re.I)
CITATION = re.compile(
    r"^[\"“”„'‘][^\"“”]{3,}?[,.]?[\"”“’'],?\s.*(?:Digital Archive|\b\d{4}\b)", re.S
)
URL_LINE = re.compile(r"^<?https?://\S+>?$")
# The archive's pages give their fields in this order, each once.
FIELD_ORDER = ("citation", "summary", "credits", "original language", "contents")
TITLE_MAX_WORDS = 60


@dataclass(frozen=True)
class Fields:
    """The header of an export: its date line, its title, each field's lines (labelled or
    found unlabelled), and the blocks of the document's text."""

    date: tuple[Line, ...]
    title: tuple[Line, ...]
    values: dict[str, tuple[Line, ...]] = field(default_factory=dict)
    body: tuple[Block, ...] = ()


def split_fields(blocks: tuple[Block, ...], name: str, footer: bool = False) -> Fields:
    """Find the header's fields; everything after them is the document. `footer`: the page's
    footer was there (the summary a captured page shows after the document stands last)."""
    lines = [(i, line) for i, block in enumerate(blocks) for line in block.lines]
    labels = _field_labels(lines)
    if labels:
        head = _head_blocks(blocks, lines[labels[0]][1])
        found = _head(head)
        values = dict(found.values)
        body: tuple[Block, ...] = ()
        for n, k in enumerate(labels):
            match = FIELD.match(strip_bullet(lines[k][1].text))
            assert match
            label = _canonical_label(match["label"])
            end = labels[n + 1] if n + 1 < len(labels) else len(lines)
            first = Line(lines[k][1].no, match["rest"], lines[k][1].page)
            value = [first] if match["rest"].strip() else []
            value += [line for _, line in lines[k + 1 : end]]
            if n + 1 == len(labels):
                value, body_from = _last_field(label, lines, k, value, bool(match["rest"].strip()))
                body = _from_line(blocks, lines, body_from)
            values[label] = tuple(value)
        fields = Fields(found.date, found.title, values, body)
    else:
        fields = _unlabelled(blocks)
        evidence = bool(fields.date) + bool(fields.title) + bool(fields.values)
        if evidence < 2:
            raise SourceError(
                name,
                "no recognisable metadata: no date line (e.g. 'June 30, 1951') and no "
                "'Citation:' or 'Summary:' field",
            )
    return _with_trailing_summary(fields) if footer else fields


def _head_blocks(blocks: tuple[Block, ...], label_line: Line) -> tuple[Block, ...]:
    """The blocks before the first field's label (the label's own block cut before it)."""
    head: list[Block] = []
    for block in blocks:
        if label_line in block.lines:
            before = block.lines[: block.lines.index(label_line)]
            if before:
                head.append(Block(before))
            break
        head.append(block)
    return tuple(head)


def _head(blocks: tuple[Block, ...]) -> Fields:
    """Date and title above a page's labelled fields: the title is everything there but the
    date line (a PDF sets it over several centred lines), a summary sentence before the date
    and the funder's sentence."""
    found = _unlabelled(blocks)
    if not found.body:
        return found
    rest = [line for block in found.body for line in block.lines]
    values = dict(found.values)
    if found.date and not found.title:
        return Fields(found.date, tuple(rest), values)
    return Fields(found.date, found.title + tuple(rest), values)


def _unlabelled(blocks: tuple[Block, ...]) -> Fields:
    """The fields a page gives without labels, from its first blocks: the date line, the
    title after it, a summary sentence (before the date, or before a quoted citation), the
    citation in quotation marks, the funder's sentence; the document begins at the first
    block that is none of these."""
    date: tuple[Line, ...] = ()
    title: tuple[Line, ...] = ()
    values: dict[str, tuple[Line, ...]] = {}
    k = 0
    while k < len(blocks):
        block, text = blocks[k], blocks[k].text.strip()
        following = blocks[k + 1].text.strip() if k + 1 < len(blocks) else ""
        if not date and not title and (split := _date_then_title(block)):
            date, title = split
        elif not date and is_date_line(text):
            date = block.lines
        elif CREDITS.match(text) and "credits" not in values:
            values["credits"], rest = _credits_lines(block)
            if rest:  # the document begins right under the funder's sentence
                blocks = (*blocks[: k + 1], Block(rest), *blocks[k + 1 :])
        elif CITATION.match(text) and "citation" not in values:
            values["citation"] = block.lines
        elif URL_LINE.match(text) and "citation" in values:
            values["citation"] += block.lines
        elif (
            _is_prose(text) and "summary" not in values and (not date or CITATION.match(following))
        ):
            values["summary"] = block.lines
        elif (
            not title
            and "citation" not in values
            and _is_title(text)
            and (date or k == 0 or set(values) == {"summary"})
        ):
            title = block.lines
        else:
            break
        k += 1
    return Fields(date, title, values, blocks[k:])


FUNDER_END = re.compile(
    r"(?:Foundation|Fund|Trust|Corporation|Institute|Program|Programme|Project|Inc)\.?$|\.$"
)


def _credits_lines(block: Block) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """The funder's sentence (over one line or a few) and what follows it in its block."""
    for k, line in enumerate(block.lines):
        if FUNDER_END.search(line.text.strip()):
            return block.lines[: k + 1], block.lines[k + 1 :]
    return block.lines, ()


def _date_then_title(block: Block) -> tuple[tuple[Line, ...], tuple[Line, ...]] | None:
    """A block that begins with the date line, the title after it on the same line or the
    next ones (a page copied without a blank line between them)."""
    first = block.lines[0]
    found = find_date(first.text)
    if found is None or not first.text.lstrip(" *#").startswith(found[0]):
        return None
    cut = first.text.index(found[0]) + len(found[0])
    rest = first.text[cut:].strip(" ,")
    date = Line(first.no, first.text[:cut], first.page)
    title = ((Line(first.no, rest, first.page),) if rest else ()) + block.lines[1:]
    if not title or not _is_title(" ".join(line.text for line in title)):
        return None
    return (date,), title


def _is_title(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= TITLE_MAX_WORDS and not FIELD.match(text)


def _is_prose(text: str) -> bool:
    """A sentence or more: a summary, not a title or a furniture line."""
    words = text.split()
    return len(words) >= 8 and bool(TERMINAL.search(text) or re.search(r"[.!?]\s+[A-Z]", text))


def _with_trailing_summary(fields: Fields) -> Fields:
    """A captured page shows its summary after the document, right above the footer: with
    no summary in the header, the last block, a sentence about the document, is it."""
    if "summary" in fields.values or len(fields.body) < 2:
        return fields
    last = fields.body[-1]
    if not _is_prose(last.text) or parse_date_line(last.text.strip()) == last.text.strip():
        return fields
    values = {**fields.values, "summary": last.lines}
    return Fields(fields.date, fields.title, values, fields.body[:-1])


def _field_labels(lines: list[tuple[int, Line]]) -> list[int]:
    """Where the fields begin (indices in `lines`). A label out of the archive's order, or
    met a second time, is the document's own text ('Summary: the enemy wants…' in a draft
    agreement), and so is everything after it: the fields are over."""
    labels: list[int] = []
    last = -1
    for k, (_, line) in enumerate(lines):
        if match := FIELD.match(strip_bullet(line.text)):
            rank = FIELD_ORDER.index(_canonical_label(match["label"]))
            if rank <= last:
                break
            labels.append(k)
            last = rank
    return labels


def _canonical_label(label: str) -> str:
    label = label.lower()
    return "original language" if label.startswith(("original lang", "language")) else label


def _last_field(
    label: str, lines: list[tuple[int, Line]], k: int, value: list[Line], inline: bool
) -> tuple[list[Line], int]:
    """The last field's value, and the index (in `lines`) where the document begins;
    `inline`: the value begins on the label's line."""
    if label == "contents":
        items = value[:1] if inline else []
        if items and not CONTENT_ITEM.match(items[0].text):
            return [], k + 1
        for j in range(k + 1, len(lines)):
            if not CONTENT_ITEM.match(lines[j][1].text):
                return items, j
            items.append(lines[j][1])
        return items, len(lines)
    # Any other field: its first paragraph (only one line for a language name).
    if inline:
        start = k
    elif k + 1 < len(lines):
        start = k + 1
    else:
        return [], len(lines)
    end = start + 1
    if label != "original language" or start == k:
        while end < len(lines) and lines[end][0] == lines[start][0]:
            end += 1
        if label == "original language" and start == k:
            end = k + 1
    taken = [value[0]] if start == k else [line for _, line in lines[start:end]]
    if start == k and label != "original language":
        taken += [line for _, line in lines[k + 1 : end]]
    return taken, end


def _from_line(
    blocks: tuple[Block, ...], lines: list[tuple[int, Line]], index: int
) -> tuple[Block, ...]:
    """The blocks from the line at `index` on; a block shared with the header is cut."""
    if index >= len(lines):
        return ()
    block_index, line = lines[index]
    block = blocks[block_index]
    cut = next(n for n, ln in enumerate(block.lines) if ln is line)
    return (Block(block.lines[cut:]), *blocks[block_index + 1 :])
