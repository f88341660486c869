"""Lines of an export: its layout told, each line stripped of that layout's markup.

A `Line` keeps its number in the source file (every later diagnostic points there), the
page of the export it stands on, and, for a `pdftotext -layout` export, its indentation and
where it ends, from which `cablegram.read.pdf` tells a centred or right-aligned line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

Layout = Literal["markdown", "plain", "pdftotext", "oneline"]
Align = Literal["center", "right"]

# The header the archive prints on every page of its PDFs (and a copied page's banner).
PDF_PAGE_HEADER = re.compile(
    r"^\s*(Digital Archive|International History Declassified|Wilson Center Digital Archive"
    r"|(https?://)?digitalarchive\.[\w.]+/?)(\s{2,}.*)?$",
    re.IGNORECASE,
)
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s+|$)")
MD_HEADING_TEXT = re.compile(r"^\s{0,3}#{1,6}\s+\S")  # a heading (not an end mark '###')
MD_BOLD = re.compile(r"\*\*|__")
MD_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")  # *fully*
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+.!-])")
MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
HTML_ENTITY = re.compile(r"&(?:amp|nbsp|lt|gt|quot|apos|mdash|ndash|#\d{1,5}|#x[0-9a-fA-F]{1,4});")
# a line of a separator's or an end mark's characters ('* * *', '***', '——————', '###')
SEPARATOR_LINE = re.compile(r"^\s*(?:[*#~=_—–-]\s*){3,}$")
MD_RULES = {"#", "##", "###", "####", "#####", "######", "---", "***"}
MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()]+)\)")
RESIDUE = (
    (re.compile(r"\s*\$\s*\^\s*\{\s*\\(?:rm|mathrm)\s*\{?\s*o\s*\}?\s*\}\s*\$"), "º"),
    (re.compile(r"\s*\^\s*\{\s*o\s*\}"), "º"),
)
# A copy whose white space was collapsed: the whole page on a line or two.
ONELINE_MIN = 1500
ONELINE_SHORT = 200  # shorter, it is a one-line copy if it holds a page's field or banner
ONELINE_FIELDS = re.compile(r"\b(?:Citation|Summary|Original Language|Contents):\s")


@dataclass(frozen=True)
class Line:
    """One line of the export, stripped of its layout."""

    no: int
    text: str
    page: int = 1
    indent: int = 0  # leading spaces in a pdftotext export (they mark paragraphs there)
    width: int = 0  # where the raw line ends, indentation included
    align: Align | None = None  # a centred or right-aligned line of a pdftotext export


def detect_layout(text: str) -> Layout:
    """Tell the export layouts apart from tell-tale signs."""
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and len(lines) <= 3:
        longest = max(lines, key=len)
        page_like = ONELINE_FIELDS.search(longest) or PDF_PAGE_HEADER.match(longest)
        if len(longest) >= ONELINE_MIN or (len(longest) >= ONELINE_SHORT and page_like):
            return "oneline"
    head = text.splitlines()[:60]
    if "\f" in text or sum(1 for line in head if PDF_PAGE_HEADER.match(line)) >= 2:
        return "pdftotext"
    if any(MD_HEADING_TEXT.match(line) for line in head):
        return "markdown"
    indented = sum(1 for line in head if re.match(r"^ {6,}\S", line))
    if indented >= 3:
        return "pdftotext"
    return "plain"


def clean_line(raw: str, layout: Layout) -> str:
    """Strip a line of its layout: trailing spaces, indentation, Markdown markup, residue."""
    line = raw.rstrip()
    if layout == "pdftotext":
        line = line.strip()
    if not line.strip(" \u00a0\u200b\t"):  # a line of no-break spaces is a blank line
        return ""
    if layout != "markdown" and SEPARATOR_LINE.match(line):
        return line.strip()  # '***', '###': a separator or end mark, not Markdown
    if layout == "markdown":
        line = MD_QUOTE.sub("", line)  # '> "Comrade Nam Il!': the page's quotation markup
    if layout == "markdown" or MD_BOLD.search(line):
        line = MD_HEADING.sub("", line)
        line = MD_BOLD.sub("", line)
        line = MD_ESCAPE.sub(r"\1", line)
    if layout == "markdown" and "*" in line:
        line = MD_EMPHASIS.sub(r"\1", line)
    if layout == "markdown" and line.strip() in MD_RULES:
        return ""  # an empty heading's marks, a rule of the page (a document's own
        # separator in a text or PDF export stays: ENCODING.md, milestone)
    return normalise_residue(line)


def normalise_residue(text: str) -> str:
    """Replace the residue of the page the export was copied from: LaTeX (``N $^{\\rm o}$``,
    ``N^{o}`` → ``Nº``), HTML entities (``&amp;`` → ``&``) and Markdown links
    (``[Cable No. 21843](https://…)`` → ``Cable No. 21843 (https://…)``, whose brackets
    were read as the archive's)."""
    if "^" in text:  # the LaTeX patterns need one, and almost no line has one
        for pattern, replacement in RESIDUE:
            text = pattern.sub(replacement, text)
    if "&" in text:
        text = HTML_ENTITY.sub(lambda m: html.unescape(m[0]), text)
    if "](" in text:
        text = MD_LINK.sub(r"\1 (\2)", text)
    return text


def strip_bullet(text: str) -> str:
    """Remove a Markdown list bullet (``- Original Scan``)."""
    return MD_BULLET.sub("", text, count=1)


def ends_in_bracket(text: str) -> bool:
    """Whether `text` ends inside a bracket opened in it (brackets nest: '[handwritten:
    "to Cdes. [[N. P. Varnov?]] and …' is still open)."""
    return bracket_depth(text) > 0


def bracket_depth(text: str, depth: int = 0) -> int:
    """How many brackets are open after `text`, `depth` of them open before it (a ']'
    that closes none is no bracket's)."""
    if "[" not in text and not (depth and "]" in text):
        return depth
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
    return depth
