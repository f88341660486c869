"""Undoing `pdftotext -layout`: pages, running heads, page numbers, alignment, wide gaps.

pdftotext keeps a PDF's geometry in spaces: the archive's running head on every page (with
or without a form feed before it), the page number at a page's foot, a date set at the right
margin, a heading centred, two columns on one line far apart. The page's furniture is set
aside (the running heads are recorded once, as the export's chrome); the geometry becomes
properties of the line (`align`) or a cut (a wide gap between a left and a right part).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

from cablegram.read.lines import PDF_PAGE_HEADER, Line, clean_line

PAGE_NUMBER_INDENT = 20  # spaces before a page number pdftotext -layout sets at a page's foot
PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?P<n>\d{1,4})(?:\s*[-–—])?$")
WIDE_GAP = re.compile(r"(?<=\S) {6,}(?=\S)")
COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
CENTRE_INDENT = 12  # more than a paragraph's first-line indent
GOES_ON = re.compile(r"(?:,|\b(?:den|le|the|of|am|vom|от))\s*$")  # a line going on after a gap


def pdf_lines(raw_lines: list[str]) -> tuple[list[Line], list[str]]:
    """The lines of a pdftotext export (page furniture removed) and its running heads."""
    lines: list[Line] = []
    heads: list[str] = []
    page, at_top = 1, True
    for no, raw in enumerate(raw_lines, start=1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
            at_top = True
        if not raw.strip():
            lines.append(Line(no, "", page))
            continue
        if PDF_PAGE_HEADER.match(raw):
            # the running head; met away from a page's top (no form feed before it, as in a
            # PDF printed to text page by page), it starts the next page of the export
            if not at_top and any(line.text for line in lines):
                page += 1
                at_top = True
            cleaned = " ".join(raw.split())
            if cleaned not in heads:
                heads.append(cleaned)
            continue
        at_top = False
        indent = len(raw) - len(raw.lstrip(" "))
        lines.extend(_split_wide_gap(no, raw, page, indent))
    lines = _without_page_numbers(lines)
    return _aligned(lines), heads


def _split_wide_gap(no: int, raw: str, page: int, indent: int) -> list[Line]:
    """A line of two parts far apart (`Referatsleiter 211        Bonn, 25. Juli`) is two
    lines, the second set at the right; a line of three or more (a copy table) keeps its
    columns, tab-separated."""
    body = raw.rstrip()
    parts = COLUMN_GAP.split(body.strip())
    if len(parts) >= 3:
        text = clean_line("\t".join(parts), "pdftotext")
        return [Line(no, text, page, indent, len(body))]
    gap = WIDE_GAP.search(body, indent)
    if gap and GOES_ON.search(body[: gap.start()]):
        # 'Beijing,          3 September 1966': one line whose words were set apart
        text = clean_line(body[: gap.start()] + " " + body[gap.end() :], "pdftotext")
        return [Line(no, text, page, indent, len(body))]
    if gap and len(body[: gap.start()].split()) <= 8:
        left = Line(no, clean_line(body[: gap.start()], "pdftotext"), page, indent, gap.start())
        right_indent = gap.end()
        right = Line(no, clean_line(body[gap.end() :], "pdftotext"), page, right_indent, len(body))
        return [left, right]
    return [Line(no, clean_line(body, "pdftotext"), page, indent, len(body))]


def _without_page_numbers(lines: list[Line]) -> list[Line]:
    """Drop the number a PDF prints at the foot of each page (the last line of a page, set
    far from the margin, that is the page's number): the page break of the export carries
    it (pb[@ed='export'][@n]); left in, it stood in the text and kept a word hyphenated
    over the page turn apart."""
    last: dict[int, int] = {}
    for k, line in enumerate(lines):
        if line.text:
            last[line.page] = k
    folios = set()
    for page, k in last.items():
        found = PAGE_NUMBER.match(lines[k].text)
        if found and abs(int(found["n"]) - page) <= 1 and lines[k].indent >= PAGE_NUMBER_INDENT:
            folios.add(k)
    return [line for k, line in enumerate(lines) if k not in folios]


def _aligned(lines: list[Line]) -> list[Line]:
    """Mark the lines set at the right margin or centred between the margins."""
    widths = sorted(line.width for line in lines if line.text and line.indent < 4)
    if len(widths) < 5:
        return lines
    right = widths[int(0.9 * (len(widths) - 1))]  # the right margin, read off full lines
    margin = statistics.median_low([line.indent for line in lines if line.text] or [0])
    margin = min(margin, 2)
    out = []
    for line in lines:
        if not line.text or line.indent < CENTRE_INDENT:
            out.append(line)
            continue
        length = line.width - line.indent
        left_space = line.indent - margin
        right_space = right - line.width
        if line.width >= right - 8 and line.indent >= 0.4 * right:
            out.append(replace(line, align="right"))
        elif length <= 0.75 * right and abs(left_space - right_space) <= max(6, 0.12 * right):
            out.append(replace(line, align="center"))
        else:
            out.append(line)
    return out
