"""Reading dates and times as the documents and the archive write them.

Every form ENCODING.md lists is read into a `Dating`: a day, month or year (`June 30,
1951`, `30.VI.51`, `13/5-50`, US `10/14/50`, `1st April, 1949`, `30 июня 1951 г.`, `25.
Juli 1991`, `July 1951`), bounds (`July 14-15, 1951`, `30.XII.194‸` with its digit
unread), a span (`16 February through 24 March 1960`). A document's text often gives dates
without a year (`30.6`, `30 June`): the year is then the document's own, which the caller
passes in. Impossible values give None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from cablegram.lexicon.dates import MONTH_NAMES, MONTHS, ROMAN
from cablegram.model import Dating

ORDINAL = r"(?:st|nd|rd|th)?"
MONTH = rf"(?P<month>{MONTH_NAMES})"
YEAR4 = r"(?P<year>(?:1[89]|20)\d\d)"
# 'July 14-15, 1951' / '14-15 July 1951': the day is one of two (bounds)
US_RANGE = re.compile(
    rf"\b{MONTH}\.?\s+(?P<day>\d{{1,2}})\s*[-–]\s*(?P<day2>\d{{1,2}}),?\s+{YEAR4}\b", re.I
)
DAY_RANGE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s*[-–]\s*(?P<day2>\d{{1,2}})\s+{MONTH}\.?,?\s+{YEAR4}\b", re.I
)
US_DATE = re.compile(rf"\b{MONTH}\.?\s+(?P<day>\d{{1,2}}){ORDINAL},?\s+{YEAR4}\b", re.I)
# '30 June 1951', '1st April, 1949', '13.June.1951', '25. Juli 1991', '30 июня 1951 г.'
DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}}){ORDINAL}\.?[\s.]*{MONTH}\.?,?[\s.]+{YEAR4}\b(?:\s*г\.)?", re.I
)
MONTH_YEAR = re.compile(rf"\b{MONTH}\.?,?\s+{YEAR4}\b(?:\s*г\.)?", re.I)
# '16 February through 24 March 1960', 'from 1 to 5 July 1951'
SPAN = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:\s+(?P<month>{MONTH_NAMES}))?\s+(?:through|to|until|till|-|–|—)\s+"
    rf"(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_NAMES}),?\s+{YEAR4}\b",
    re.I,
)
# '30.6.51', '30.VI.51', '01.07.51', '13/5-50', '10/14/50', '8.II.1950', '30.XII.194‸'
NUMERIC_FULL = re.compile(
    r"(?<![\w.:/])(?P<day>\d{1,2})[./](?P<month>\d{1,2}|[IVX]{1,4})[./-]"
    r"(?P<year>(?:19|20)?\d\d|(?:19)?\d[‸_?])(?![\w/]|\.\d)(?:\s*г\.)?"
)
DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}}){ORDINAL}\.?\s+{MONTH}\b\.?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
    re.I,
)
NUMERIC = re.compile(
    r"(?<![\w.])(?P<day>\d{1,2})[./](?P<month>\d{1,2}|[IVX]{1,4})"
    r"(?:[./](?P<year>\d{4}|\d{2}))?(?![\d/])(?:\s*г\.)?"
)
DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\.?\s*$")
YEAR_ONLY = re.compile(rf"^\s*{YEAR4}\s*$")
TIME = re.compile(r"(?<![\d.:])(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)(?![\d.:]\d)")
# 1550 is a time only where the context says so: before a date, before "Peking time",
# or after "at".
MILITARY_TIME = re.compile(
    rf"(?<![\d.:/])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d.:/])"
    rf"(?=\s+(?:\d{{1,2}}\s+(?:{MONTH_NAMES})\b|\d{{1,2}}\.\d{{1,2}}|\w+\s+time\b|hours?\b|h\b))",
    re.I,
)
AT_TIME = re.compile(r"(?<=\bat )(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\b")
HOURS_MINUTES = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])\s+hours?(?:\s+(?P<m>[0-5]?\d)\s+min(?:utes?|\.)?)?", re.I
)
AM_PM = re.compile(r"\b(?P<h>1[0-2]|0?\d)[:.](?P<m>[0-5]\d)\s*(?P<half>[ap])\.?\s?m\b\.?", re.I)


def iso_date(year: int | None, month: int, day: int) -> str | None:
    """An ISO date, or None when the parts are not a real date."""
    if year is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(text: str) -> int | None:
    """`June`, `июня`, `VI`, `6` → 6."""
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return ROMAN.get(text.upper()) or MONTHS.get(text.lower().rstrip("."))


ANY_DIGIT = re.compile(r"\d")


def full_year(text: str) -> int:
    """'51' → 1951 (the archive's documents are of the twentieth century)."""
    return int(text) if len(text) == 4 else 1900 + int(text)


@functools.lru_cache(maxsize=8192)  # (a line is read for its date by several rules)
def find_date(
    text: str, *, american: bool = False, numeric_first: bool = False
) -> tuple[str, Dating] | None:
    """The first date of `text` that names its year, in any of the forms the documents use:
    the words matched and their value. `american`: a numeric date is month first;
    `numeric_first`: a numeric date counts only at the start of the text (in a citation,
    `… No. 5, 01.07.51` is a reference)."""
    if not ANY_DIGIT.search(text):
        return None  # every form has its year, or its day, in figures
    found: list[tuple[int, str, Dating]] = []
    for reader in (_bounded, _spanned, _named, _numeric, _month_year):
        result = reader(text, american)
        if result and not (numeric_first and reader is _numeric and text[: result[0]].strip()):
            found.append(result)
    if not found:
        return None
    _, words, value = min(found, key=lambda item: (item[0], -len(item[1])))
    return words, value


def parse_date_line(text: str) -> tuple[str, Dating] | None:
    """A document's date as its date line or citation gives it (the words and the value);
    a year standing alone on the line counts too."""
    if found := find_date(text, numeric_first=True):
        return found
    if match := YEAR_ONLY.match(text):
        return match["year"], Dating(when=match["year"])
    return None


def is_date_line(text: str) -> bool:
    """A line that is a date and little else ('June 30, 1951', 'Beijing, 23 March 1966'
    is a dateline, not a date line)."""
    found = parse_date_line(text)
    return found is not None and len(text.strip(" ,.*#")) <= len(found[0]) + 2


def _named(text: str, american: bool) -> tuple[int, str, Dating] | None:
    best = None
    for pattern in (US_DATE, DAY_MONTH_YEAR):
        for match in pattern.finditer(text):
            month = month_number(match["month"])
            iso = iso_date(int(match["year"]), month, int(match["day"])) if month else None
            if iso:
                if best is None or match.start() < best[0]:
                    best = (match.start(), match.group(0).strip(), Dating(when=iso))
                break
    return best


def _bounded(text: str, american: bool) -> tuple[int, str, Dating] | None:
    for pattern in (US_RANGE, DAY_RANGE):
        for match in pattern.finditer(text):
            month = month_number(match["month"])
            year = int(match["year"])
            first = iso_date(year, month, int(match["day"])) if month else None
            last = iso_date(year, month, int(match["day2"])) if month else None
            if first and last and first < last:
                return match.start(), match.group(0), Dating(not_before=first, not_after=last)
    return None


def _spanned(text: str, american: bool) -> tuple[int, str, Dating] | None:
    for match in SPAN.finditer(text):
        month2 = month_number(match["month2"])
        month = month_number(match["month"]) if match["month"] else month2
        year = int(match["year"])
        start = iso_date(year, month, int(match["day"])) if month else None
        end = iso_date(year, month2, int(match["day2"])) if month2 else None
        if start and end and start < end:
            return match.start(), match.group(0), Dating(start=start, end=end)
    return None


def _numeric(text: str, american: bool) -> tuple[int, str, Dating] | None:
    for match in NUMERIC_FULL.finditer(text):
        year_text = match["year"]
        first, second = match["day"], match["month"]
        if american or (second.isdigit() and int(second) > 12 and int(first) <= 12):
            first, second = second, first  # 10/14/50: month first
        month = month_number(second)
        if month is None or not first.isdigit():
            continue
        day = int(first)
        if year_text[-1] in "‸_?":  # a digit the reader could not make out: bounds
            decade = full_year(year_text[:-1] + "0")
            low = iso_date(decade, month, day)
            high = iso_date(decade + 9, month, day)
            if low and high:
                # the bounds are certain, the digit only unread: no @cert (ENCODING.md
                # keeps it for a doubtful reading)
                bounds = Dating(not_before=low, not_after=high)
                return match.start(), match.group(0), bounds
            continue
        iso = iso_date(full_year(year_text), month, day)
        if iso:
            return match.start(), match.group(0), Dating(when=iso)
    return None


def _month_year(text: str, american: bool) -> tuple[int, str, Dating] | None:
    for match in MONTH_YEAR.finditer(text):
        month = month_number(match["month"])
        if _day_before(text, match.start()):
            continue  # '31 June 1951': a day that month has not, not a month
        if month:
            value = Dating(when=f"{match['year']}-{month:02d}")
            return match.start(), match.group(0), value
    return None


def _day_before(text: str, at: int) -> bool:
    """Whether a day's number ends right before `at` (white space between). Only the few
    characters a day can take are searched: searched from the text's start, for each month
    of a long text, reading its dates was quadratic."""
    end = at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return DAY_BEFORE.search(text, max(end - DAY_WIDTH, 0), at) is not None


DAY_WIDTH = 6  # '31st.' and the character before it (for its \b)
# the forms `find_date` reads, each beginning where its date does
FORMS = (US_RANGE, DAY_RANGE, US_DATE, DAY_MONTH_YEAR, MONTH_YEAR, SPAN, NUMERIC_FULL)


def date_runs_to(text: str, pos: int, end: int) -> bool:
    """Whether a date of a form `find_date` reads starts at `pos` (past spaces and full
    stops) and runs to `end` at least: what a text after `pos` must begin with to be a
    date and nothing else. (Cheap where no date starts; the character before `pos`, if any,
    must be white space, as it is after a comma's or a stop's spaces.)"""
    while pos < len(text) and text[pos] in " .":
        pos += 1
    return any((m := form.match(text, pos)) is not None and m.end() >= end for form in FORMS)


def month_bounds(year: int, month: int) -> tuple[str, str]:
    """The first and last day of a month."""
    last = calendar.monthrange(year, month)[1]
    return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}"


def year_of(value: Dating | None) -> int | None:
    key = value.key if value else None
    return int(key[:4]) if key else None


def date_value(match: re.Match[str], default_year: int | None) -> str | None:
    """ISO value of a `DAY_MONTH` or `NUMERIC` match, the year defaulting to the document's."""
    month = month_number(match["month"])
    year_text = match["year"]
    year: int | None = default_year
    if year_text:
        year = full_year(year_text)
        if default_year and abs(year - default_year) > 1:
            return None  # a misread year (OCR): do not assert it
    if month is None:
        return None
    return iso_date(year, month, int(match["day"]))


def time_value(match: re.Match[str]) -> str:
    hour = int(match["h"])
    half = match.groupdict().get("half")
    if half:
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    minutes = match.groupdict().get("m") or "00"
    return f"{hour:02d}:{int(minutes):02d}:00"
