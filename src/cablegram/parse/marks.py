"""Numbers, dates and times marked in a line of text (a closer's, a transmission log's)."""

from __future__ import annotations

import re

from cablegram.lexicon import patterns as P
from cablegram.model import (
    Dating,
    Inlines,
    Number,
    When,
)
from cablegram.parse.dates import (
    AT_TIME,
    DAY_MONTH,
    MILITARY_TIME,
    NUMERIC,
    TIME,
    date_value,
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
