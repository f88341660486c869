"""Inline content: the characters of the source and the markup within a line of text.

A block's content is a tuple of `Inline` nodes: the source's text, its line and page breaks,
the archive's editorial interventions (brackets become nodes), names, dates and numbers the
parser recognised, and the typography it keeps (letter-spacing, later hands).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Align = Literal["center", "right"]
Cert = Literal["low", "medium", "high"]


@dataclass(frozen=True)
class Dating:
    """The normalised value of a date as written: a day, a month or a year (`when`), a span
    (`start`, `end`), or bounds it lies within (`not_before`, `not_after`), with `cert`
    where the reading is doubtful. Values are ISO: YYYY, YYYY-MM, YYYY-MM-DD."""

    when: str | None = None
    start: str | None = None
    end: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    cert: Cert | None = None

    @property
    def key(self) -> str | None:
        """The value a document is dated and sorted by (its earliest reading)."""
        return self.when or self.start or self.not_before or self.not_after


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
    """A reading flagged ``[sic]``; `correction` when the editors proposed one, with `ref`
    and `kind` once the correction is found a name in the authority files (``Xinxibo [sic,
    should be Xibaipo]``)."""

    text: str
    correction: str | None = None
    correction_cert: str | None = None
    ref: str | None = None
    kind: Literal["person", "place", "org"] | None = None


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
    not read ([illegible], `desc` keeps their words), words missing from the source ([one
    word missing]), a signature, the end of a page that stops mid-text."""

    reason: Literal["editorial", "illegible", "missing", "signature", "truncated"]
    desc: str | None = None


NoteKind = Literal["editorial", "explanation", "translator", "authorial", "original-wording"]


@dataclass(frozen=True)
class Note:
    """A note at its anchor: the archive's (`[Ed. note: …]`, an explanation in brackets,
    `[literally, "…"]`), the translator's, the document's own footnote (`authorial`, with
    its number), or the original's wording given in brackets (`[oblast']`, in `lang`: by
    default Russian in Latin letters)."""

    kind: NoteKind
    content: tuple[Inline, ...]
    label: str | None = None
    n: str | None = None
    lang: str | None = None


StampKind = Literal["incoming", "declassification", "return", "classification", "registration"]


@dataclass(frozen=True)
class Stamp:
    """A stamp, as described in brackets by the editors or transcribed from the scan."""

    content: tuple[Inline, ...]
    kind: StampKind | None = None


@dataclass(frozen=True)
class Name:
    """A name of a person, place or organisation; `ref` points at its authority entry (None:
    a name the authority does not know, tagged on strong evidence)."""

    kind: Literal["person", "place", "org"]
    content: tuple[Inline, ...]
    ref: str | None = None


@dataclass(frozen=True)
class Role:
    """A role or title beside a name (`Soviet Ambassador`, `Chief of the Section`)."""

    content: tuple[Inline, ...]


WhenRole = Literal["sent", "received", "arrived", "deciphered", "dispatched"]


@dataclass(frozen=True)
class When:
    """A date or time in the text, with its value where it could be read, and its part in a
    transmission log (`role`: sent, received …) where it has one."""

    kind: Literal["date", "time"]
    text: str
    value: Dating | None = None
    role: WhenRole | None = None

    @property
    def iso(self) -> str | None:
        return self.value.when if self.value else None


NumberKind = Literal[
    "cable", "outgoing", "incoming", "special", "issuing", "registration", "document"
]


@dataclass(frozen=True)
class Number:
    """A document number: the cable's own, an outgoing, incoming, special, issuing,
    registration or document number."""

    kind: NumberKind
    text: str


@dataclass(frozen=True)
class CopyNumber:
    """The number of a copy (`Copy Nº 2`, `экз. № 3-4`): never a document's number."""

    text: str


@dataclass(frozen=True)
class Spaced:
    """A letter-spaced word (`S H T Y K O V`), kept as its letters without the spaces."""

    text: str


AddPlace = Literal["above", "below", "margin", "top", "bottom", "inline"]


@dataclass(frozen=True)
class Added:
    """Words added by a later hand (`[handwritten above the form: …]`); `hand` describes
    it as the source does ("handwritten", "handwritten by Stalin")."""

    content: tuple[Inline, ...]
    place: AddPlace | None = None
    hand: str = "handwritten"


@dataclass(frozen=True)
class Expansion:
    """An abbreviation the editors expanded: `VTsSPS [The All-Union … Trade Unions]`."""

    abbr: str
    expan: str


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
    | Role
    | When
    | Number
    | CopyNumber
    | Spaced
    | Added
    | Expansion
    | Link
)
Inlines = tuple[Inline, ...]


def plain_text(nodes: Inlines) -> str:
    """The reading text of inline nodes (no notes, no seams): for matching and ids."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("" if node.hyphenated else " ")
        elif isinstance(node, Sic | Unclear | Supplied):  # their text may hold breaks
            parts.append(plain_text(with_breaks(node.text)))
        elif isinstance(node, When | Number | CopyNumber | Spaced):
            parts.append(node.text)
        elif isinstance(node, Name):
            parts.append(plain_text(node.content))
    return " ".join("".join(parts).split())
