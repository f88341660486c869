"""Points and lists: numbered, lettered, dashed and bulleted points gathered into lists,
nested where the numbering changes, holding the paragraphs that run on after them.

A point is told by its label: `1.` `2)` `(3)` `a)` `б.` `(c)` `IV.` `(ii)` `（一）` `三、`, a dash
or a bullet. The kind of label (its `style`: `1.` is not `1)`, `a)` is not `(a)`) tells which
list a point belongs to: a point continues the open list whose style it shares and whose
next number it bears; a point that starts a sequence (`1`, `a`, `i`, a dash) under an
open point opens a list nested in it when that point introduces it (it ends with a colon)
or when the outer list goes on after it; otherwise it starts a list of its own.

Paragraphs between two points of one list belong to the first (a point of several
paragraphs); paragraphs after a list's last point are the body's again. The printed label
leaves the point's text: it is the item's `@n` (ENCODING.md: "@n the printed number or
letter").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from cablegram.lexicon import patterns as P
from cablegram.model import (
    AddedBlock,
    BodyPart,
    Gapped,
    ListItem,
    ListKind,
    Paragraph,
    PointList,
    SheetTurn,
    Text,
)
from cablegram.read import Block, Line

LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"  # the letters Russian points use (no ё й ъ ы ь)
ROMAN = {"i": 1, "v": 5, "x": 10}
HAN = "一二三四五六七八九十"
DASHES = "-–—"
MAX_RUN_ON = 15  # blocks a point may hold before the next point of its list


@dataclass(frozen=True)
class Reading:
    """One reading of a label: its kind of numbering and its place in that sequence
    (`i)` reads as the ninth letter or as the Roman one)."""

    style: str
    value: int

    @property
    def first(self) -> bool:
        return self.value <= 1


@dataclass(frozen=True)
class Label:
    """A point's label: `n` as printed (None for a dash or a bullet), its readings, and the
    label as it stands in the line (the spaces after it included)."""

    n: str | None
    readings: tuple[Reading, ...]
    printed: str

    @property
    def length(self) -> int:
        return len(self.printed)

    @property
    def kind(self) -> ListKind:
        style = self.readings[0].style
        return style if style in {"dash", "bullet"} else "ordered"  # type: ignore[return-value]


def _roman(text: str) -> int | None:
    """The value of a Roman numeral of I, V and X (None if it is not one)."""
    values = [ROMAN.get(c) for c in text.lower()]
    if None in values or not values:
        return None
    total = 0
    for k, value in enumerate(values):
        assert value is not None
        following = values[k + 1] if k + 1 < len(values) else 0
        total += -value if following and following > value else value
    canonical = _to_roman(total)
    return total if canonical == text.lower() else None


def _to_roman(value: int) -> str:
    out = ""
    for size, mark in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= size:
            out += mark
            value -= size
    return out


def _letter(char: str) -> int | None:
    for alphabet in (LATIN, CYRILLIC):
        if char in alphabet:
            return alphabet.index(char) + 1
    return None


def _han(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + HAN.index(text[1]) + 1
    if len(text) == 1:
        return HAN.index(text) + 1
    tens = HAN.index(text[0]) + 1
    units = HAN.index(text[2]) + 1 if len(text) == 3 else 0
    return tens * 10 + units


@functools.lru_cache(maxsize=16384)  # (a line is read by many rules)
def label_of(text: str) -> Label | None:
    """The label a line begins with (its indentation aside), if it begins with one."""
    text = text.lstrip()
    found = P.POINT_LABEL.match(text)
    if found:
        return _numbered(found)
    dash = P.DASH_POINT.match(text)
    if dash:
        style = "dash" if dash["mark"] in DASHES else "bullet"
        return Label(None, (Reading(style, 0),), dash[0])
    return None


def _numbered(found: re.Match[str]) -> Label | None:
    end = found[0]
    if found["num"]:
        n = found["num"]
        return Label(n, (Reading(f"1{found['num_sep']}", int(n)),), end)
    if found["paren"]:
        n = found["paren"]
        if n.isdigit():
            return Label(n, (Reading("(1)", int(n)),), end)
        return Label(n, _letter_readings(n, "(", ")"), end)
    if found["roman"]:
        value = _roman(found["roman"])
        return Label(found["roman"], (Reading("I.", value),), end) if value else None
    if found["lower"]:
        n = found["lower"]
        readings = _letter_readings(n, "", found["lower_sep"])
        return Label(n, readings, end) if readings else None
    n = found["han"] or found["han_comma"]
    style = "(一)" if found["han"] else "一、"
    return Label(n, (Reading(style, _han(n)),), end)


def _letter_readings(n: str, before: str, after: str) -> tuple[Reading, ...]:
    """`b)` is a letter; `ii)` a Roman numeral; `i)`, `v)`, `x)` either."""
    readings = []
    if len(n) == 1 and (value := _letter(n)):
        readings.append(Reading(f"{before}a{after}", value))
    if value := _roman(n):
        readings.append(Reading(f"{before}i{after}", value))
    return tuple(readings)


# ----------------------------------------------------------------- points inside blocks


def split_points(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A block that holds the next points of its list (on lines of their own, or run on
    after a sentence: '… etc.) f. To conduct …', '1. Regarding the budget. 2. Regarding …')
    becomes one block per point."""
    out: list[Block] = []
    for block in blocks:
        out.extend(_split_block(block))
    return tuple(out)


def _split_block(block: Block) -> list[Block]:
    label = label_of(block.lines[0].text)
    if label is None or label.n is None:
        return [block]
    pieces: list[Block] = []
    current = block
    while True:
        cut = _next_point(current, label)
        if cut is None:
            pieces.append(current)
            return pieces
        (li, col), label = cut
        pieces.append(_before(current, li, col))
        current = _from(current, li, col)


def _next_point(block: Block, label: Label) -> tuple[tuple[int, int], Label] | None:
    """Where the point after `label` begins in the block (line, column), with its label."""
    wanted = {(r.style, r.value + 1) for r in label.readings}
    for li, line in enumerate(block.lines):
        text = line.text
        start = len(text) - len(text.lstrip()) + label.length if li == 0 else 0
        if li and (found := label_of(text.lstrip())) and found.n is not None:
            before = block.lines[li - 1].text.rstrip()  # a point may end with a comma
            if _continues(found, wanted) and (P.TERMINAL.search(before) or before.endswith(",")):
                return (li, len(text) - len(text.lstrip())), found
        for match in RUN_ON_POINT.finditer(text, start):
            found = label_of(text[match.end() :])
            if found and found.n is not None and _continues(found, wanted):
                return (li, match.end()), found
    return None


# a point run on after a sentence: '… for 1950. 2. Regarding', '… etc.) f. To conduct'
RUN_ON_POINT = re.compile(r"(?<=[.;:!?)”\"»])\s+(?=\(?\w{1,3}[.)]\)?\s+[\"“«(]?[A-ZА-ЯЁ])")


def _continues(label: Label, wanted: set[tuple[str, int]]) -> bool:
    return any((r.style, r.value) in wanted for r in label.readings)


def _before(block: Block, li: int, col: int) -> Block:
    line = block.lines[li]
    head = line.text[:col].rstrip()
    lines = [*block.lines[:li], *([Line(line.no, head, line.page, line.indent)] if head else [])]
    return Block(tuple(lines))


def _from(block: Block, li: int, col: int) -> Block:
    line = block.lines[li]
    rest = Line(line.no, line.text[col:].lstrip(), line.page)
    return Block((rest, *block.lines[li + 1 :]))


# ----------------------------------------------------------------- lists


@dataclass(frozen=True)
class Point:
    """A point as the body reads it, before it is placed in its list."""

    label: Label
    item: ListItem

    @property
    def paragraph(self) -> Paragraph:
        """The point as a paragraph, its label kept as text (a point that fits no list)."""
        content = self.item.content
        if content and isinstance(content[0], Text):
            return Paragraph((Text(self.label.printed + content[0].text), *content[1:]))
        return Paragraph((Text(self.label.printed), *content))


RunOn = Paragraph | Gapped | SheetTurn | AddedBlock  # what a point may hold after its text


@dataclass
class _Item:
    n: str | None
    item: ListItem
    blocks: list[BodyPart | _List] = field(default_factory=list)

    def build(self) -> ListItem:
        blocks = tuple(b.build() if isinstance(b, _List) else b for b in self.blocks)
        return ListItem(self.n, self.item.content, blocks)


@dataclass
class _List:
    style: str
    kind: ListKind
    last: int
    items: list[_Item] = field(default_factory=list)

    def build(self) -> PointList:
        return PointList(tuple(item.build() for item in self.items), self.kind)


def build_lists(parts: list[BodyPart | Point]) -> list[BodyPart]:
    """The body's parts with its points gathered into (nested) lists."""
    out: list[BodyPart | _List] = []
    stack: list[_List] = []
    for i, part in enumerate(parts):
        if isinstance(part, Point):
            placed = _place(part, parts, i, stack)
            if placed is not None:
                if placed is stack[0] and len(placed.items) == 1:
                    out.append(placed)  # a new list (not one nested in an open point)
                continue
            part = part.paragraph  # a point that fits no list: its text is a paragraph
        if stack and isinstance(part, RunOn):
            level = _continued_level(parts, i + 1, stack)
            if level is not None:
                del stack[level + 1 :]
                stack[-1].items[-1].blocks.append(part)
                continue
        stack.clear()
        out.append(part)
    return [p.build() if isinstance(p, _List) else p for p in out]


def _place(point: Point, parts: list, i: int, stack: list[_List]) -> _List | None:
    """Put the point in its list (an open one, a new nested one, a new one); the list it
    went into, or None when it fits no list."""
    for depth in range(len(stack) - 1, -1, -1):
        level = stack[depth]
        reading = _reading_for(point.label, level.style, level.last + 1)
        if reading is not None:
            del stack[depth + 1 :]
            _append(level, point, reading)
            return level
    first = next((r for r in point.label.readings if r.first), None)
    if stack and first is not None and _opens_sublist(parts, i, stack, first.style):
        sub = _List(first.style, point.label.kind, first.value)
        stack[-1].items[-1].blocks.append(sub)
        stack.append(sub)
        _append(sub, point, first)
        return sub
    starts = first or next((r for r in point.label.readings if r.style in NUMBERS), None)
    if starts is None or (starts.style in DASH_STYLES and not _dashed_list(parts, i)):
        return None
    stack.clear()
    new = _List(starts.style, point.label.kind, starts.value)
    stack.append(new)
    _append(new, point, starts)
    return new


def _dashed_list(parts: list, i: int) -> bool:
    """A dash opens a list after a line that introduces it, or when another dashed point
    follows; a lone dash is a line of dialogue, or a paragraph's own dash."""
    before = parts[i - 1] if i else None
    after = parts[i + 1] if i + 1 < len(parts) else None
    if isinstance(before, Paragraph):
        text = next((n.text for n in reversed(before.content) if isinstance(n, Text)), "")
        if text.rstrip().endswith(":"):
            return True
    style = parts[i].label.readings[0].style
    return isinstance(after, Point) and after.label.readings[0].style == style


def _reading_for(label: Label, style: str, value: int) -> Reading | None:
    for reading in label.readings:
        if reading.style == style and (reading.value == value or reading.style in DASH_STYLES):
            return reading
    return None


DASH_STYLES = {"dash", "bullet"}
NUMBERS = {"1.", "1)", "(1)"}  # a list of numbered points may start anywhere ('72.')


def _append(level: _List, point: Point, reading: Reading) -> None:
    level.items.append(_Item(point.label.n, point.item))
    level.last = reading.value


def _opens_sublist(parts: list, i: int, stack: list[_List], style: str) -> bool:
    """A point starting a sequence under an open point is nested in it when that point
    introduces it (its text ends with a colon), when an earlier point of the list held
    points of its kind, or when an open list goes on later."""
    if _introduces(stack[-1].items[-1]):
        return True
    if any(
        isinstance(b, _List) and b.style == style
        for item in stack[-1].items[:-1]
        for b in item.blocks
    ):
        return True
    return _continued_level(parts, i + 1, stack) is not None


def _introduces(item: _Item) -> bool:
    last = item.blocks[-1] if item.blocks else item.item
    content = last.content if isinstance(last, Paragraph | ListItem) else ()
    text = next((node.text for node in reversed(content) if isinstance(node, Text)), "")
    return text.rstrip().endswith(":")


def _continued_level(parts: list, start: int, stack: list[_List]) -> int | None:
    """The innermost open list whose next point comes later (within a few blocks, and not
    as the natural next point of a sequence restarted in between), or None."""
    for depth in range(len(stack) - 1, -1, -1):
        if _comes_later(parts, start, stack[depth]):
            return depth
    return None


def _comes_later(parts: list, start: int, level: _List) -> bool:
    wanted = level.last + 1
    restarted: int | None = None
    run_on = 0
    for part in parts[start:]:
        if not isinstance(part, Point):
            if not isinstance(part, RunOn):
                return False
            run_on += 1
            if run_on > MAX_RUN_ON:
                return False
            continue
        reading = next((r for r in part.label.readings if r.style == level.style), None)
        if reading is None:
            continue
        if level.style in DASH_STYLES:
            return True
        if reading.value == wanted and restarted != wanted - 1:
            return True
        if reading.value == 1:
            restarted = 1
        elif restarted is not None and reading.value == restarted + 1:
            restarted += 1
    return False
