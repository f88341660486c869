"""The document: its metadata (title, type, date, parties, sources), versions and source.

`Metadata` holds what the archive's page says about the document and what the title and
the text tell of it: its kind (`DocType`), its date (`DocDate`), its correspondents
(`Party`) or participants (`Participant`), its archival copies and printed reprints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from cablegram.model.blocks import Version
from cablegram.model.inline import Dating, Inlines

DocType = Literal[
    "cable", "letter", "report", "memorandum", "telcon", "minutes", "journal", "decree",
    "statement", "other",
]  # fmt: skip
# The kinds of document that are sent to someone: dated by their sending (correspAction),
# the others by their making (creation).
CORRESPONDENCE: frozenset[str] = frozenset({"cable", "letter", "report", "decree"})


@dataclass(frozen=True)
class DocDate:
    """The document's date as the page or the text writes it, and its value."""

    text: str
    value: Dating


@dataclass(frozen=True)
class ArchivalCopy:
    """One archival copy of the document, as cited (`APRF, f. 45, op. 1, d. 339, l. 92`):
    its signature as given (`f. 45, op. 1, d. 339`, `B 136/59748`), the parts of a Russian
    one (fond, opis, delo, papka), and the sheets (`locus`)."""

    repository: str
    cited: str
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    papka: str | None = None
    shelfmark: str | None = None
    locus: str | None = None
    locus_from: str | None = None
    locus_to: str | None = None


@dataclass(frozen=True)
class Reprint:
    """A printed edition the citation names (`Reprinted in …, pp. 116-120`): not a copy."""

    cited: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    place: str | None = None
    publisher: str | None = None
    year: str | None = None
    pages: str | None = None  # as cited, 'pp. 116-120'
    page_from: str | None = None
    page_to: str | None = None


PartyKind = Literal["person", "org"]


@dataclass(frozen=True)
class Party:
    """A sender, addressee, intermediary or author as named in the title or the text: a
    person or an office, with the role the source gives beside the name."""

    name: str
    identification: str | None = None
    place: str | None = None
    ref: str | None = None
    kind: PartyKind = "person"
    role: str | None = None


ParticipantRole = Literal["host", "interlocutor", "interpreter", "recorder"]


@dataclass(frozen=True)
class Participant:
    """A person present at a conversation, meeting or call."""

    name: str
    role: ParticipantRole | None = None
    occupation: str | None = None
    identification: str | None = None
    ref: str | None = None


CitationPart = Literal["text", "title", "date", "publisher", "url"]


@dataclass(frozen=True)
class Metadata:
    title: Inlines
    title_text: str
    date: DocDate | None
    kind: DocType
    title_type: str | None  # the title's words for the kind ('Ciphered Telegram')
    cable_number: str | None
    origin: str | None
    senders: tuple[Party, ...]
    addressees: tuple[Party, ...]
    intermediaries: tuple[Party, ...]
    authors: tuple[Party, ...]
    participants: tuple[Participant, ...]
    citation: tuple[tuple[CitationPart, Inlines], ...]
    url: str | None
    translators: tuple[str, ...]
    publisher: str | None
    copies: tuple[ArchivalCopy, ...]
    reprints: tuple[Reprint, ...]
    provenance: str | None
    summary: tuple[str, ...]  # its paragraphs
    credits: str | None
    original_language: str | None
    contents: tuple[str, ...]
    document_number: str | None = None  # another document's own ('Resolution No. 17')
    place: str | None = None  # where a record was made ('Beijing, 23 March 1966')
    # the title as the page displays it, when only its letter case differs from the
    # archive's title (a site's capitals): the page's styling, kept with its chrome
    displayed_title: str | None = None


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
class Document:
    """A document of the archive, as one export gives it."""

    source: SourceInfo
    metadata: Metadata
    versions: tuple[Version, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())
