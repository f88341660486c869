"""Numbers, dates and times marked in a line of text (a closer's, a transmission log's)."""

from __future__ import annotations

import re

from cablegram.lexicon import patterns as P
from cablegram.model import (
    Dating,
    Inline,
    Inlines,
    Number,
    Text,
    When,
)
from cablegram.parse.dates import (
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


def mark_numbers(content: Inlines, year: int | None) -> Inlines:
    content = mark(content, P.OUTGOING, lambda m: Number("outgoing", m.group(0)))
    return mark_when(content, year)


def mark_when(content: Inlines, year: int | None) -> Inlines:
    def timed(m: re.Match[str]) -> When:
        return When("time", m.group(0), Dating(when=time_value(m)))

    for pattern in (TIME, AT_TIME, MILITARY_TIME):
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
