"""Reading an export and undoing its layout: Markdown, plain text or `pdftotext -layout`.

The result is a list of `Block`s (runs of non-blank lines) whose lines carry their line
number in the source file, so every later diagnostic can point at the source.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from cablegram.errors import SourceError
from cablegram.model import MARKERS

Layout = Literal["markdown", "plain", "pdftotext"]

# A block's lines are joined into one text with marks for the seams (model.LB …): the
# inline parser turns them into <lb/> and <pb/>, so brackets may span lines.

PAGE_NUMBER_INDENT = 20  # spaces before a page number pdftotext -layout sets at a page's foot
PDF_PAGE_HEADER = re.compile(
    r"^\s*(Digital Archive|International History Declassified|Wilson Center Digital Archive"
    r"|(https?://)?digitalarchive\.[\w.]+\S*)(\s{2,}.*)?$",
    re.IGNORECASE,
)
# Control characters (Unicode category Cc) but the white space a text export may hold; and
# the same with the seam markers, which a source must not bring in.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
CONTROLS_AND_MARKERS = re.compile(f"[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f-\\x9f{MARKERS}]")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s+|$)")
MD_BOLD = re.compile(r"\*\*|__")
MD_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")  # *fully*
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+.!-])")
MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")


@dataclass(frozen=True)
class Line:
    no: int
    text: str
    page: int = 1
    indent: int = 0  # leading spaces in a pdftotext export (they mark paragraphs there)
    width: int = 0  # length of the raw line, indentation included


@dataclass(frozen=True)
class Block:
    lines: tuple[Line, ...]

    @property
    def no(self) -> int:
        return self.lines[0].no

    @cached_property
    def text(self) -> str:
        """The block's text with its lines joined by spaces (for classification)."""
        return " ".join(line.text.strip() for line in self.lines)


@dataclass(frozen=True)
class Export:
    """A decoded export: its name, hash, layout and blocks."""

    name: str
    sha256: str
    layout: Layout
    blocks: tuple[Block, ...]
    page_header: str | None


def read_export(path: Path) -> Export:
    """Read and decode one export; raise `SourceError` naming the problem."""
    if not path.exists():
        raise SourceError(str(path), "no such file or directory")
    if path.is_dir():
        raise SourceError(str(path), "is a directory, not a source file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read ({exc.strerror})") from exc
    return decode_export(path.name, data, str(path))


def decode_export(name: str, data: bytes, shown_as: str | None = None) -> Export:
    """Decode bytes of an export; `shown_as` names the file in error messages."""
    where = shown_as or name
    if not data.strip():
        raise SourceError(where, "is empty")
    if wide := _wide_encoding(data):
        raise SourceError(
            where, f"is {wide}, not UTF-8: save it as UTF-8 (iconv -f {wide} -t UTF-8)"
        )
    if b"\x00" in data:
        raise SourceError(where, "is a binary file, not a text export")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            where, f"is not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    if len(CONTROLS.findall(text)) > max(3, len(text) // 100):
        raise SourceError(where, "is a binary file, not a text export")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROLS_AND_MARKERS.sub("", text)
    layout = detect_layout(text)
    lines, header = _lines(text, layout)
    return Export(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        layout=layout,
        blocks=tuple(_blocks(lines, layout)),
        page_header=header,
    )


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32, by its byte order mark or (UTF-16 without one) by the zero bytes
    that every character of the Latin alphabet has beside it."""
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32")):
        if data.startswith(bom):
            return name
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[: 2000 - 2000 % 2]
    for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(sample) >= 8 and zeros.count(0) > len(zeros) // 2:
            try:
                text = sample.decode(codec)
            except UnicodeDecodeError:
                continue
            if sum(c.isprintable() or c.isspace() for c in text) > 0.95 * len(text):
                return codec.upper().replace("-LE", "LE").replace("-BE", "BE")  # UTF-16LE
    return None


def detect_layout(text: str) -> Layout:
    """Tell the three export layouts apart from tell-tale signs."""
    head = text.splitlines()[:60]
    if "\f" in text or sum(1 for line in head if PDF_PAGE_HEADER.match(line)) >= 2:
        return "pdftotext"
    if any(MD_HEADING.match(line) for line in head):
        return "markdown"
    indented = sum(1 for line in head if re.match(r"^ {6,}\S", line))
    if indented >= 3:
        return "pdftotext"
    return "plain"


def _lines(text: str, layout: Layout) -> tuple[list[Line], str | None]:
    lines: list[Line] = []
    header: list[str] = []
    page, at_top = 1, True
    for no, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            page += raw.count("\f")
            raw = raw.replace("\f", "")
            at_top = True
        if layout == "pdftotext" and at_top and raw.strip():
            if PDF_PAGE_HEADER.match(raw):
                cleaned = " ".join(raw.split())
                if cleaned not in header:
                    header.append(cleaned)
                continue
            at_top = False
        indent = len(raw) - len(raw.lstrip(" ")) if raw.strip() else 0
        lines.append(Line(no, _clean(raw, layout), page, indent, len(raw.rstrip())))
    if layout == "pdftotext":
        lines = _without_page_numbers(lines)
    return lines, (" · ".join(header) or None)


def _without_page_numbers(lines: list[Line]) -> list[Line]:
    """Drop the number a PDF prints at the foot of each page (the last line of a page, set
    far from the margin, that is the page's number): the page break of the export carries
    it (pb[@ed='export'][@n]); left in, it stood in the text and kept a word hyphenated
    over the page turn apart."""
    last: dict[int, int] = {}
    for k, line in enumerate(lines):
        if line.text:
            last[line.page] = k
    folios = {
        k
        for page, k in last.items()
        if lines[k].text == str(page) and lines[k].indent >= PAGE_NUMBER_INDENT
    }
    return [line for k, line in enumerate(lines) if k not in folios]


def _clean(raw: str, layout: Layout) -> str:
    """Strip a line of its layout: trailing spaces, indentation, Markdown markup."""
    line = raw.rstrip()
    if layout == "pdftotext":
        line = line.strip()
    if layout == "markdown":
        line = MD_QUOTE.sub("", line)  # '> "Comrade Nam Il!': the page's quotation markup
    if layout == "markdown" or MD_BOLD.search(line):
        line = MD_HEADING.sub("", line)
        line = MD_BOLD.sub("", line)
        line = MD_ESCAPE.sub(r"\1", line)
    if layout == "markdown" and "*" in line:
        line = MD_EMPHASIS.sub(r"\1", line)
    if line.strip() in {"#", "##", "###", "####", "#####", "######", "---", "***"}:
        return ""
    return normalise_residue(line)


HTML_ENTITY = re.compile(r"&(?:amp|nbsp|lt|gt|quot|apos|mdash|ndash|#\d{1,5}|#x[0-9a-fA-F]{1,4});")
MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()]+)\)")
RESIDUE = (
    (re.compile(r"\s*\$\s*\^\s*\{\s*\\(?:rm|mathrm)\s*\{?\s*o\s*\}?\s*\}\s*\$"), "º"),
    (re.compile(r"\s*\^\s*\{\s*o\s*\}"), "º"),
)


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


def ends_in_bracket(text: str) -> bool:
    """Whether `text` ends inside a bracket opened in it."""
    return text.rfind("[") > text.rfind("]")


def _blocks(lines: list[Line], layout: Layout) -> list[Block]:
    """Runs of non-blank lines; in a PDF export also cut where a paragraph visibly begins."""
    width = max((line.width for line in lines), default=0)
    blocks: list[Block] = []
    current: list[Line] = []
    for line in lines:
        if not line.text.strip():
            if current:
                blocks.append(Block(tuple(current)))
            current = []
            continue
        if (
            current
            and layout == "pdftotext"
            and _starts_paragraph(current[-1], line, width)
            and not ends_in_bracket(" ".join(line.text for line in current))  # '[Ed.' | 'note:']
        ):
            blocks.append(Block(tuple(current)))
            current = []
        current.append(line)
    if current:
        blocks.append(Block(tuple(current)))
    return blocks


def _starts_paragraph(previous: Line, line: Line, width: int) -> bool:
    """pdftotext runs paragraphs together: an indented line, a centred or right-aligned
    line, or a line after a short one (a line that did not wrap) begins a new one."""
    if re.search(r"[^\W\d_]-$", previous.text.rstrip()) and line.indent < 3:
        return False
    if line.indent >= 15 or previous.indent >= 15:
        return not (line.indent == previous.indent and line.indent >= 15)
    if line.indent >= 3:
        return True
    return previous.width < 0.6 * width


def strip_bullet(text: str) -> str:
    """Remove a Markdown list bullet (``- Original Scan``)."""
    return MD_BULLET.sub("", text, count=1)
