"""An export read: its layout undone, its chrome set aside, its text cut into blocks."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cablegram.errors import SourceError
from cablegram.read.blocks import Block, Reading, cut_blocks, reading_of
from cablegram.read.chrome import drop_chrome
from cablegram.read.decode import decode_text
from cablegram.read.lines import Layout, Line, clean_line, detect_layout
from cablegram.read.oneline import oneline_lines
from cablegram.read.pdf import pdf_lines
from cablegram.safexml import NOT_XML


@dataclass(frozen=True)
class Export:
    """A decoded export: its name, hash, layout, blocks and the chrome set aside."""

    name: str
    sha256: str
    layout: Layout
    reading: Reading
    blocks: tuple[Block, ...]
    chrome: tuple[str, ...]  # the page's running heads, navigation and footer, in order
    footer: bool = False  # the site's footer was there: the page was copied to its end


def read_export(path: Path) -> Export:
    """Read and decode one export; raise `SourceError` naming the problem."""
    if not path.exists():
        if path.is_symlink():  # broken, or a loop
            raise SourceError(str(path), f"is a link to {os.readlink(path)}, which cannot be read")
        raise SourceError(str(path), "no such file or directory")
    if path.is_dir():
        raise SourceError(str(path), "is a directory, not a source file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read ({exc.strerror})") from exc
    return decode_export(readable_name(path.name), data, str(path))


def readable_name(name: str) -> str:
    """A file name as the TEI records it: bytes that are not UTF-8 (Python keeps them as
    lone surrogates) and characters XML cannot hold (control characters) become U+FFFD
    REPLACEMENT CHARACTER."""
    return NOT_XML.sub("\ufffd", os.fsencode(name).decode("utf-8", errors="replace"))


def decode_export(name: str, data: bytes, shown_as: str | None = None) -> Export:
    """Read an export given as bytes; `shown_as` names the file in error messages."""
    text = decode_text(data, shown_as or name)
    layout = detect_layout(text)
    heads: list[str] = []
    if layout == "pdftotext":
        lines, heads = pdf_lines(text.split("\n"))
    elif layout == "oneline":
        # each line the text itself tells is a block: a blank line between them
        lines = [
            line
            for piece in oneline_lines(text)
            for line in (Line(1, clean_line(piece, layout)), Line(1, ""))
        ]
    else:
        lines = [
            Line(no, clean_line(raw.replace("\f", ""), layout))
            for no, raw in enumerate(text.split("\n"), start=1)
        ]
    chrome = drop_chrome(lines)
    reading = reading_of(chrome.lines, layout)
    return Export(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        layout=layout,
        reading=reading,
        blocks=tuple(cut_blocks(chrome.lines, reading)),
        chrome=tuple(heads + chrome.dropped),
        footer=chrome.footer,
    )
