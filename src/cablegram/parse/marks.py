"""Numbers, dates and times marked in a line of text (a closer's, a transmission log's).

A number's kind is read from its words (ENCODING.md Numbers): `Incoming No. 2114`,
`Вх. № 2114` are incoming, `Special No. 62` special, `Issuing No. 8600` issuing; a bare
`No. 1154/sh.` at a document's end is its outgoing number. A copy's number (`Copy Nº 2`,
`экз. № 3-4`, and `Nº 3 and 4` in a note counting copies) is never a document's number.
"""

from __future__ import annotations

import dataclasses
import re

from cablegram.lexicon import patterns as P
from cablegram.model import (
    Added,
    AddedBlock,
    CopyNumber,
    Dateline,
    Dating,
    Distribution,
    Furniture,
    Gap,
    Inline,
    Inlines,
    Number,
    NumberKind,
    OpenerPart,
    Stamp,
    StampBlock,
    Text,
    When,
    plain_text,
)
from cablegram.parse.dates import (
    AM_PM,
    AT_TIME,
    DAY_MONTH,
    MILITARY_TIME,
    NUMERIC,
    TIME,
    date_value,
    find_date,
    time_value,
)
from cablegram.parse.inline import mark

DIGIT = re.compile(r"\d")
BARE_NUMBER = re.compile(r"(?<![\w/])\d[\w/.-]*[\w/]|(?<![\w/])\d(?![\w/])")


def mark_numbers(content: Inlines, year: int | None, kind: NumberKind = "outgoing") -> Inlines:
    """Copy numbers, numbers labelled with their kind, other numbers as `kind`, then dates
    and times."""
    content = mark_copies(content)
    content = mark(content, P.LABELLED_NUMBER, _labelled)
    content = mark(content, P.OUTGOING, lambda m: Number(kind, m.group(0)))
    return mark_when(content, year)


def mark_copies(content: Inlines) -> Inlines:
    """`Copy Nº 2`, `экз. № 3-4`; in a note that counts copies, `Nº 3 and 4` too."""
    content = mark(content, P.COPY_NUMBER, lambda m: CopyNumber(m.group(0)))
    if P.COUNTS_COPIES.search(plain_text(content)):
        content = mark(content, P.COPIES_KEPT, lambda m: CopyNumber(m.group(0)))
    return content


def number_in_hand(content: Inlines, kind: NumberKind) -> Inlines:
    """A number written in by a later hand after its sign (`Nº [handwritten: 328/ag]`):
    the number inside the addition."""
    out = []
    for node in content:
        if isinstance(node, Added) and not any(isinstance(n, Number) for n in node.content):
            marked = mark(node.content, BARE_NUMBER, lambda m: Number(kind, m.group(0)))
            node = dataclasses.replace(node, content=marked)
        out.append(node)
    return tuple(out)


def furniture_numbers(parts: tuple[OpenerPart, ...], year: int | None) -> tuple[OpenerPart, ...]:
    """The numbers in a document's head read by their kind: copy numbers (`TOP SECRET,
    Copy Nº 2`, the number heading a distribution list's item), numbers labelled with their
    kind (`Special No. 62`, `Вх. № 2114`), the cable's number in its transmission log
    (`From Pyongyang, No. 4040.`), and the numbers and dates of its stamps."""
    out: list[OpenerPart] = []
    for part in parts:
        if isinstance(part, Furniture):
            content = _kinds_of_numbers(part.content, year)
            if part.kind == "received":
                content = mark(content, P.OUTGOING, lambda m: Number("cable", m.group(0)))
            elif part.kind == "doctype" and not TELEGRAM.search(
                P.for_matching(plain_text(content))
            ):
                content = tuple(  # 'No. 17', 'RESOLUTION No. 2187-912ss': no cable's number
                    Number("document", n.text) if isinstance(n, Number) and n.kind == "cable" else n
                    for n in content
                )
            part = dataclasses.replace(part, content=content)
        elif isinstance(part, Dateline | StampBlock | AddedBlock):
            part = dataclasses.replace(part, content=_kinds_of_numbers(part.content, year))
        elif isinstance(part, Distribution):
            items = tuple(
                dataclasses.replace(item, content=_copy_heading(item.content))
                for item in part.items
            )
            part = dataclasses.replace(part, items=items)
        out.append(part)
    return tuple(out)


def _kinds_of_numbers(content: Inlines, year: int | None) -> Inlines:
    """Copy numbers and labelled numbers; inside a stamp, its dates too."""
    out: list[Inline] = []
    for node in content:
        if isinstance(node, Stamp):
            inner = mark_when(_kinds_of_numbers(node.content, year), year)
            node = dataclasses.replace(node, content=inner)
        elif isinstance(node, Added):
            node = dataclasses.replace(node, content=_kinds_of_numbers(node.content, year))
        out.append(node)
    return mark(mark_copies(tuple(out)), P.LABELLED_NUMBER, _labelled)


TELEGRAM = re.compile(r"шифр|телегр|cipher|cabl|telegra|chiffr|депеш", re.I)
COPY_HEADING = re.compile(r"^\s*(?:N[°ºo]\.?|№)\s*\d+(?!\w)")


def _copy_heading(content: Inlines) -> Inlines:
    """A distribution list's item: the copy's number that heads it (`Экз. № 1 Тов. Сталину`,
    `№ 2 Тов. Сталину`, `Copy N° 1 to Cde. Stalin`)."""
    content = mark_copies(content)
    first = content[0] if content else None
    if isinstance(first, Text) and (found := COPY_HEADING.match(first.text)):
        rest = first.text[found.end() :]
        return (CopyNumber(found.group(0)), *([Text(rest)] if rest else []), *content[1:])
    return content


def _labelled(match: re.Match[str]) -> Number:
    kind = P.NUMBER_KINDS.get(match["label"].lower(), "registration")
    return Number(kind, match.group(0))  # type: ignore[arg-type]


def mark_when(content: Inlines, year: int | None) -> Inlines:
    """The dates and times of a text (each of their forms holds a figure: a text without
    one is left as it is, unread by each of them)."""
    if not any(isinstance(node, Text) and DIGIT.search(node.text) for node in content):
        return content

    def timed(m: re.Match[str]) -> When:
        return When("time", m.group(0), Dating(when=time_value(m)))

    content = mark(content, P.DATE_AFTER_TIME, lambda m: dated(m.group(0), date_value(m, year)))
    content = mark(content, P.NUMERIC_YEAR_APART, lambda m: dated(m.group(0), date_value(m, year)))
    for pattern in (AM_PM, TIME, AT_TIME, MILITARY_TIME):  # ('4.45 p.m.' is 16:45)
        content = mark(content, pattern, timed)
    content = mark(content, DAY_MONTH, lambda m: dated(m.group(0), date_value(m, year)))
    return mark(
        content,
        NUMERIC,
        lambda m: dated(m.group(0), iso) if (iso := date_value(m, year)) else None,
    )


def dated(text: str, iso: str | None) -> When:
    return When("date", text, Dating(when=iso) if iso else None)


def mark_date(content: Inlines, *, american: bool = False) -> Inlines:
    """Mark the first full date of a dateline in any of the documents' forms ('Date:
    10/9/50', '13/5-50', 'Решение от 30 июня 1951 г.'), where a date is not marked yet."""
    if any(isinstance(node, When) and node.kind == "date" for node in content):
        return content
    out: list[Inline] = []
    done = False
    for node in content:
        found = find_date(node.text, american=american) if isinstance(node, Text) else None
        if done or found is None or not isinstance(node, Text):
            out.append(node)
            continue
        words, value = found
        at = node.text.index(words)
        before, after = node.text[:at], node.text[at + len(words) :]
        out.extend(n for n in (Text(before), When("date", words, value), Text(after)) if n.text)
        done = True
    return tuple(out)


def mark_dateline(content: Inlines, year: int | None, *, american: bool = False) -> Inlines:
    """A dateline's dates and times: its date in any form ('13/5-50', '30.XII.194‸', and
    '30.XII.194[illegible]'), a military time before it ('1200 10 July 1951'); an American
    office's numeric date is read month first before anything else can read it day first."""
    content = _year_cut_short(content)
    if american:
        return mark_when(mark_date(content, american=True), year)
    return mark_date(mark_when(content, year))


# a numeric date whose year's last digit the archive marks unread ('30.XII.194‸'), or
# whose last digit follows as an illegible gap ('30.XII.194[illegible]')
YEAR_MARKED = re.compile(r"(?<![\w.:/])\d{1,2}[./](?:\d{1,2}|[IVX]{1,4})[./-](?:19)?\d[‸_?]")
YEAR_CUT_SHORT = re.compile(r"(?<![\w.:/])\d{1,2}[./](?:\d{1,2}|[IVX]{1,4})[./-](?:19)?\d$")


def _year_cut_short(content: Inlines) -> Inlines:
    """A date whose year the archive's editors could not read to its last digit is known
    within bounds (the decade), as the archive's '‸' gives it: the date holds the figures
    read, the gap follows it."""
    out: list[Inline] = []
    for k, node in enumerate(content):
        after = content[k + 1] if k + 1 < len(content) else None
        text = node.text if isinstance(node, Text) else ""
        cut = YEAR_CUT_SHORT.search(text) if isinstance(after, Gap) else None
        found = find_date(cut.group(0) + "‸") if cut else None
        if cut and found and isinstance(after, Gap) and after.reason == "illegible":
            before = text[: cut.start()]
            out.extend([Text(before)] if before else [])
            out.append(When("date", cut.group(0), found[1]))
            continue
        out.append(node)
    return mark(tuple(out), YEAR_MARKED, _marked_year)


def _marked_year(match: re.Match[str]) -> When | None:
    found = find_date(match[0])
    return When("date", match[0], found[1]) if found else None
