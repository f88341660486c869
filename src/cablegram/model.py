"""The document model: a cable as plain dataclasses, independent of any XML library.

The parser (`cablegram.parse`) builds these objects from a raw archive export; the TEI
encoder (`cablegram.encode`) turns them into a TEI tree. Inline content is a list of
`Inline` nodes; the block structure of each version is a `CableText` (opener, body,
closer), which nests for telegrams quoted inside a cable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

# --------------------------------------------------------------------------- inline


@dataclass(frozen=True)
class Text:
    """Characters of the source, as written."""

    text: str


@dataclass(frozen=True)
class LineBreak:
    """A line break. `hyphenated`: a word runs on (its hyphen is not kept as text).

    `edition` is ``"export"`` for a line wrap made by the export (a PDF's typesetting),
    not by the document itself.
    """

    hyphenated: bool = False
    edition: str | None = None


@dataclass(frozen=True)
class PageBreak:
    """A sheet turn of the document (edition None) or a page of the export."""

    n: str | None = None
    edition: str | None = None


# Breaks inside the strings of the model (the word a [sic] or [?] flags, the text of a
# bracket): a bracket may span a line or a page of the source, and these strings hold its
# breaks as marks from Unicode's private use area (the parser removes any from the
# source), which `with_breaks` turns into nodes.
LB = "\ue000"  # line break of the document
LB_JOINED = "\ue001"  # line break inside a hyphenated word
WRAP = "\ue002"  # line wrap of the export (PDF typesetting)
WRAP_JOINED = "\ue003"
PAGE_OPEN, PAGE_CLOSE = "\ue004", "\ue005"  # page of the export: PAGE_OPEN n PAGE_CLOSE
MARKERS = LB + LB_JOINED + WRAP + WRAP_JOINED + PAGE_OPEN + PAGE_CLOSE
LINE_MARKS = {
    LB: LineBreak(),
    LB_JOINED: LineBreak(hyphenated=True),
    WRAP: LineBreak(edition="export"),
    WRAP_JOINED: LineBreak(hyphenated=True, edition="export"),
}
BREAK_MARK = re.compile(
    f"([{LB}{LB_JOINED}{WRAP}{WRAP_JOINED}]|{PAGE_OPEN}[^{PAGE_CLOSE}]*{PAGE_CLOSE})"
)


def with_breaks(text: str) -> tuple[Text | LineBreak | PageBreak, ...]:
    """A marked string as text and break nodes."""
    pieces = BREAK_MARK.split(text)
    nodes: list[Text | LineBreak | PageBreak] = [Text(pieces[0])] if pieces[0] else []
    for mark, after in zip(pieces[1::2], pieces[2::2], strict=True):
        nodes.append(LINE_MARKS.get(mark) or PageBreak(mark[1:-1] or None, "export"))
        if after:
            nodes.append(Text(after))
    return tuple(nodes)


@dataclass(frozen=True)
class FormeWork:
    """Running matter of a sheet: catchword, continuation header, folio number."""

    kind: Literal["catch", "header", "folio"]
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Sic:
    """A reading flagged ``[sic]``; `correction` when the editors proposed one."""

    text: str
    correction: str | None = None
    correction_cert: str | None = None


@dataclass(frozen=True)
class Unclear:
    """A doubtful reading, ``word[?]``."""

    text: str


@dataclass(frozen=True)
class Supplied:
    """Words or letters the editors supplied, ``[between]``, ``c[omrade]``, ``[Zheng?]``."""

    text: str
    cert: str | None = None


@dataclass(frozen=True)
class Identification:
    """An editorial identification after a name, ``Filippov [Stalin]``; `ref` and `kind`
    once the name is found in the authority files."""

    text: str
    ref: str | None = None
    kind: Literal["person", "place", "org"] | None = None


@dataclass(frozen=True)
class Gap:
    """Something not transcribed: an editorial omission, words the archive's editors could
    not read ([illegible], `desc` keeps their words), a signature, the end of a page that
    stops mid-text."""

    reason: Literal["editorial", "illegible", "signature", "truncated"]
    desc: str | None = None


@dataclass(frozen=True)
class Note:
    """An editorial, translator's or foot note at its anchor."""

    kind: Literal["editorial", "translator", "foot"]
    content: tuple[Inline, ...]
    label: str | None = None
    n: str | None = None


@dataclass(frozen=True)
class Stamp:
    """A stamp, as described in brackets by the editors or transcribed from the scan."""

    content: tuple[Inline, ...]


@dataclass(frozen=True)
class Name:
    """A name of a person, place or organisation; `ref` points at its authority entry."""

    kind: Literal["person", "place", "org"]
    content: tuple[Inline, ...]
    ref: str | None = None


@dataclass(frozen=True)
class When:
    """A date or time in the text, with its ISO value where it could be read."""

    kind: Literal["date", "time"]
    text: str
    iso: str | None = None


@dataclass(frozen=True)
class Number:
    """A document number (the cable's own, an outgoing or registration number)."""

    kind: Literal["cable", "outgoing"]
    text: str


@dataclass(frozen=True)
class Link:
    """A URL given in the source."""

    url: str


Inline = (
    Text
    | LineBreak
    | PageBreak
    | FormeWork
    | Sic
    | Unclear
    | Supplied
    | Identification
    | Gap
    | Note
    | Stamp
    | Name
    | When
    | Number
    | Link
)
Inlines = tuple[Inline, ...]

# --------------------------------------------------------------------------- blocks

FurnitureKind = Literal[
    "office", "doctype", "handling", "received", "series", "salute", "address", "form", "line"
]


@dataclass(frozen=True)
class Furniture:
    """One element of a cable's heading (`opener`)."""

    kind: FurnitureKind
    content: Inlines


@dataclass(frozen=True)
class ListItem:
    n: str | None
    content: Inlines


@dataclass(frozen=True)
class Distribution:
    """The copy distribution list (from lines or from a tab-separated table)."""

    items: tuple[ListItem, ...]
    label: Inlines = ()


@dataclass(frozen=True)
class Paragraph:
    content: Inlines


@dataclass(frozen=True)
class NumberedList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class StampBlock:
    """A stamp standing alone between blocks."""

    content: Inlines


@dataclass(frozen=True)
class SheetTurn:
    """A sheet turn between blocks: forme work and the page break, in source order."""

    content: Inlines


@dataclass(frozen=True)
class Gapped:
    """An omission ``[...]`` standing alone between blocks."""

    gap: Gap


@dataclass(frozen=True)
class Signed:
    content: Inlines


@dataclass(frozen=True)
class Dateline:
    content: Inlines


@dataclass(frozen=True)
class ClerkNote:
    """A cipher clerk's note: deciphered, sent, printed, verified …"""

    content: Inlines


@dataclass(frozen=True)
class CloserLine:
    """Other matter at the end of a cable (an outgoing number with a date, …)."""

    content: Inlines


@dataclass(frozen=True)
class Telegram:
    """A telegram (or, inside one, another text) quoted with its own opener, body, closer."""

    text: CableText
    kind: Literal["telegram", "quotation"] = "telegram"


OpenerPart = Furniture | Distribution | StampBlock | SheetTurn | Gapped
BodyPart = Paragraph | NumberedList | StampBlock | SheetTurn | Gapped | Telegram
CloserPart = (
    Signed
    | Dateline
    | ClerkNote
    | CloserLine
    | StampBlock
    | SheetTurn
    | Furniture
    | Distribution
    | Gapped
)


@dataclass(frozen=True)
class CableText:
    """The structure of one version (or of a quoted telegram)."""

    opener: tuple[OpenerPart, ...] = ()
    body: tuple[BodyPart, ...] = ()
    closer: tuple[CloserPart, ...] = ()


VersionKind = Literal["original", "translation"]


@dataclass(frozen=True)
class Version:
    """One version of the document: the scan transcription, a transcript, a translation."""

    kind: VersionKind
    subtype: Literal["scan", "transcript"] | None
    lang: str
    text: CableText
    line: int


# --------------------------------------------------------------------------- metadata


@dataclass(frozen=True)
class ArchivalCopy:
    """One archival copy of the document, as cited (`APRF, f. 45, op. 1, d. 339, l. 92`)."""

    repository: str
    cited: str
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    papka: str | None = None
    locus: str | None = None


@dataclass(frozen=True)
class Party:
    """A sender, addressee or intermediary as named in the title or the text."""

    name: str
    identification: str | None = None
    place: str | None = None
    ref: str | None = None


CitationPart = Literal["text", "title", "date", "publisher", "url"]


@dataclass(frozen=True)
class Metadata:
    title: Inlines
    title_text: str
    date_text: str | None
    date: str | None
    doc_type: str | None
    cable_number: str | None
    origin: str | None
    senders: tuple[Party, ...]
    addressees: tuple[Party, ...]
    intermediaries: tuple[Party, ...]
    citation: tuple[tuple[CitationPart, Inlines], ...]
    url: str | None
    translators: tuple[str, ...]
    publisher: str | None
    copies: tuple[ArchivalCopy, ...]
    summary: tuple[str, ...]  # its paragraphs
    credits: str | None
    original_language: str | None
    contents: tuple[str, ...]


@dataclass(frozen=True)
class Diagnostic:
    line: int
    severity: Literal["warning", "error"]
    message: str


@dataclass(frozen=True)
class SourceInfo:
    name: str
    sha256: str
    layout: Literal["markdown", "plain", "pdftotext", "oneline"]
    partial: bool = False
    chrome: tuple[str, ...] = ()  # the page's running heads, navigation, footer: recorded once


@dataclass(frozen=True)
class Cable:
    source: SourceInfo
    metadata: Metadata
    versions: tuple[Version, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
