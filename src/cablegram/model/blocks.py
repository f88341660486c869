"""Blocks: the structure of a version (or of a text quoted in it) as opener, body, closer.

A `DocText` is what a version's `div` holds: the furniture at its head (`opener`), its
paragraphs, lists, turns of speech, quoted texts and sections (`body`), and what ends it
(`closer`). Quoted texts hold a `DocText` of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cablegram.model.inline import Align, Gap, Inlines

FurnitureKind = Literal[
    "office", "doctype", "heading", "subject", "reference", "handling", "received",
    "dateline", "series", "salute", "address", "form", "line",
]  # fmt: skip


@dataclass(frozen=True)
class Furniture:
    """One element of a document's head (`opener`) or end (a closing salute)."""

    kind: FurnitureKind
    content: Inlines
    rend: Align | None = None


@dataclass(frozen=True)
class ListItem:
    """A point: its number or letter as printed, its text, and (a point of several
    paragraphs, or with sub-points) the blocks that follow its first paragraph."""

    n: str | None
    content: Inlines
    blocks: tuple[BodyPart, ...] = ()


@dataclass(frozen=True)
class Distribution:
    """The copy distribution list (from lines or from a tab-separated table)."""

    items: tuple[ListItem, ...]
    label: Inlines = ()


@dataclass(frozen=True)
class Paragraph:
    content: Inlines
    rend: Align | None = None


ListKind = Literal["ordered", "dash", "bullet", "participants", "contents"]


@dataclass(frozen=True)
class PointList:
    """Numbered or lettered points, dashed or bulleted points, the list of those present at
    a meeting (with its label as `head`), or a table of contents (its title as `head`)."""

    items: tuple[ListItem, ...]
    kind: ListKind = "ordered"
    head: Inlines = ()


@dataclass(frozen=True)
class StampBlock:
    """A stamp standing alone between blocks."""

    content: Inlines
    rend: Align | None = None


@dataclass(frozen=True)
class AddedBlock:
    """A later hand's addition standing on its own between blocks."""

    content: Inlines


@dataclass(frozen=True)
class NoteBlock:
    """An editor's or translator's note standing on its own at a text's head ('[Translator’s
    note: The spelling of Chinese names cannot be verified.]'): the opener holds it."""

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
class Milestone:
    """A separator (`* * *`) or end mark (`###`): its characters as printed."""

    unit: Literal["section", "end"]
    rend: str


@dataclass(frozen=True)
class Speech:
    """A turn in a text laid out as a script: the speaker's label and what is said."""

    speaker: Inlines
    blocks: tuple[BodyPart, ...]
    who: str | None = None  # the participant's name, as the header lists it


@dataclass(frozen=True)
class Section:
    """A part of the text under a heading of its own (`I.`, `THE NATIONAL QUESTION`)."""

    head: Inlines
    blocks: tuple[BodyPart, ...]
    rend: Align | None = None


@dataclass(frozen=True)
class Signed:
    content: Inlines
    rend: Align | None = None


@dataclass(frozen=True)
class Dateline:
    content: Inlines
    rend: Align | None = None


@dataclass(frozen=True)
class ClerkNote:
    """A cipher clerk's note: deciphered, sent, printed, verified …"""

    content: Inlines


@dataclass(frozen=True)
class CloserLine:
    """Other matter at the end of a document (an outgoing number with a date, …)."""

    content: Inlines


QuotedKind = Literal["telegram", "letter", "quotation", "enclosure"]


@dataclass(frozen=True)
class QuotedText:
    """A telegram, letter or other text quoted or enclosed, with its own opener, body and
    closer."""

    text: DocText
    kind: QuotedKind = "telegram"


OpenerPart = (
    Furniture
    | Distribution
    | StampBlock
    | AddedBlock
    | NoteBlock
    | SheetTurn
    | Gapped
    | ClerkNote
    | Dateline
)
BodyPart = (
    Paragraph
    | PointList
    | StampBlock
    | AddedBlock
    | SheetTurn
    | Gapped
    | QuotedText
    | Milestone
    | Speech
    | Section
)
CloserPart = (
    Signed
    | Dateline
    | ClerkNote
    | CloserLine
    | StampBlock
    | AddedBlock
    | SheetTurn
    | Furniture
    | Distribution
    | Gapped
    | Milestone
)


@dataclass(frozen=True)
class DocText:
    """The structure of one version (or of a quoted text)."""

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
    text: DocText
    line: int
