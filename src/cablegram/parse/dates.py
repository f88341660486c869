"""Reading dates and times as the cables and the archive write them.

Cables give dates without a year (``30.6``, ``30 June``); the year is then taken from
the document's own date, which the caller passes in. Impossible values give None.
"""

from __future__ import annotations

import datetime as dt
import re

from cablegram.lexicon.dates import MONTH_NAMES, MONTHS, ROMAN

US_DATE = re.compile(
    rf"\b(?P<month>{MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.I
)
DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.?\s+(?P<month>{MONTH_NAMES})\b\.?(?:\s+(?P<year>(?:19|20)\d\d)\b)?",
    re.I,
)
NUMERIC = re.compile(
    r"(?<![\w.])(?P<day>\d{1,2})[./](?P<month>\d{1,2}|[IVX]{1,4})"
    r"(?:[./](?P<year>\d{4}|\d{2}))?(?![\d/])(?:\s*г\.)?"
)
TIME = re.compile(r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)(?![\d.:]\d)")
# 1550 is a time only where the context says so: before a date, before "Peking time",
# or after "at".
MILITARY_TIME = re.compile(
    rf"(?<![\d.:/])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d.:/])"
    rf"(?=\s+(?:\d{{1,2}}\s+(?:{MONTH_NAMES})\b|\d{{1,2}}\.\d{{1,2}}|\w+\s+time\b|hours?\b|h\b))",
    re.I,
)
AT_TIME = re.compile(r"(?<=\bat )(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\b")


def iso_date(year: int | None, month: int, day: int) -> str | None:
    """An ISO date, or None when the parts are not a real date."""
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_us_date(text: str) -> tuple[str, str] | None:
    """``June 30, 1951`` → (the matched text, ``1951-06-30``)."""
    match = US_DATE.search(text)
    if not match:
        return None
    iso = iso_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    return (match.group(0), iso) if iso else None


DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_NAMES})\.?,?\s+(?P<year>\d{{4}})\b", re.I
)
NUMERIC_DATE = re.compile(r"^\s*(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})\b")


def parse_date_line(text: str) -> tuple[str, str] | None:
    """A document's date as its date line or citation gives it: ``June 30, 1951``, also
    ``30 June 1951`` and, at the start of the line, ``30.06.51`` (the matched text and the
    ISO date)."""
    if found := parse_us_date(text):
        return found
    for pattern in (DAY_MONTH_YEAR, NUMERIC_DATE):
        if (match := pattern.search(text)) and (iso := date_value(match, None)):
            return match.group(0).strip(), iso
    return None


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


def date_value(match: re.Match[str], default_year: int | None) -> str | None:
    """ISO value of a `DAY_MONTH` or `NUMERIC` match, the year defaulting to the cable's."""
    month_text = match["month"]
    if month_text.isdigit():
        month = int(month_text)
    elif month_text.upper() in ROMAN:
        month = ROMAN[month_text.upper()]
    else:
        month = MONTHS[month_text.lower()]
    year_text = match["year"]
    year: int | None = default_year
    if year_text:
        year = int(year_text) if len(year_text) == 4 else 1900 + int(year_text)
        if default_year and abs(year - default_year) > 1:
            return None  # a misread year (OCR): do not assert it
    if not 1 <= month <= 12:
        return None
    return iso_date(year, month, int(match["day"]))


def time_value(match: re.Match[str]) -> str:
    return f"{int(match['h']):02d}:{match['m']}:00"
