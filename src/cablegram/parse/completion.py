"""The header completed from the text: what the title does not say, the text often does.

The address lines and salutation name the addressee (`To the Embassy in Hungary:`,
`to Cde. I. V. STALIN`), the signature the sender (`Foreign Ministry`, `A. DOBRYNIN`), the
transmission address an intermediary (`BEIJING—TO KRASOVSKY`), the headings the kind of
document (`RECORD OF CONVERSATION`), the text the way it was sent (by diplomatic post: a
letter), and a document number its heading (`CIPHERED TELEGRAM No. 4107`).
"""

from __future__ import annotations

import dataclasses
import re

from cablegram.model import (
    CORRESPONDENCE,
    Dateline,
    DocDate,
    Furniture,
    Metadata,
    Number,
    Paragraph,
    Party,
    Signed,
    Version,
    When,
)
from cablegram.parse.doctypes import corrected_by_text, kind_from_text
from cablegram.parse.inline import plain_text
from cablegram.parse.parties import party_of

ADDRESS_TO = re.compile(r"^(?:to|for)\s+(?:the\s+)?(?P<who>.+?)[.:!]?$", re.IGNORECASE)
FIRST_PARAGRAPHS = 2


def complete(metadata: Metadata, versions: list[Version]) -> Metadata:
    """`metadata` with what the versions' text adds to it."""
    main = _main_version(versions)
    changes: dict[str, object] = {}
    via = list(metadata.intermediaries)
    for version in versions:
        for item in version.text.opener:
            if isinstance(item, Furniture) and item.kind == "address":
                party = _addressed(plain_text(item.content))
                if party and party.name.casefold() not in {p.name.casefold() for p in via}:
                    via.append(party)
    changes["intermediaries"] = tuple(via)
    changes["cable_number"] = metadata.cable_number or _number_in_text(versions)
    kind = metadata.kind
    if metadata.title_type is None and main:
        kind = kind_from_text(_headings(main)) or kind
    if main:
        kind = corrected_by_text(kind, _first_paragraphs(main))
    changes["kind"] = kind
    if metadata.date is None and (own := _own_date(versions)):
        changes["date"] = own  # no date line, no citation: the document's own dateline
    if main and kind in CORRESPONDENCE:
        if not metadata.addressees and (addressee := _addressee_in(main)):
            changes["addressees"] = (addressee,)
        if not metadata.senders and (sender := _signatory_in(main)):
            changes["senders"] = (sender,)
    return dataclasses.replace(metadata, **changes)  # type: ignore[arg-type]


def _own_date(versions: list[Version]) -> DocDate | None:
    """The date of the document's own dateline, at its head or its end."""
    for version in versions:
        text = version.text
        for part in (*text.opener, *text.closer):
            if isinstance(part, Dateline) or (
                isinstance(part, Furniture) and part.kind == "dateline"
            ):
                for node in part.content:
                    if isinstance(node, When) and node.kind == "date" and node.value:
                        return DocDate(node.text, node.value)
    return None


def _main_version(versions: list[Version]) -> Version | None:
    """The version the header is completed from: the translation where there is one (the
    archive's metadata is English), else the first."""
    for version in versions:
        if version.kind == "translation" and version.lang == "en":
            return version
    return versions[0] if versions else None


def _headings(version: Version) -> list[str]:
    return [plain_text(item.content) for item in version.text.opener if isinstance(item, Furniture)]


def _first_paragraphs(version: Version) -> list[str]:
    texts = [plain_text(p.content) for p in version.text.body if isinstance(p, Paragraph)]
    return texts[:FIRST_PARAGRAPHS]


def _addressee_in(version: Version) -> Party | None:
    """The addressee of an address line or salutation: 'To the Embassy in Hungary:'."""
    for item in version.text.opener:
        if isinstance(item, Furniture) and item.kind in {"salute", "address"}:
            match = ADDRESS_TO.match(plain_text(item.content))
            if match and (party := party_of(match["who"])):
                return party
    return None


def _signatory_in(version: Version) -> Party | None:
    """The sender a closer's signature names ('Foreign Ministry', 'A. DOBRYNIN')."""
    for item in version.text.closer:
        if isinstance(item, Signed):
            text = plain_text(item.content).strip(" ()/")
            if text and (party := party_of(text)):
                return party
    return None


def _number_in_text(versions: list[Version]) -> str | None:
    """The cable's number from its heading (``CIPHERED TELEGRAM No. 4107``) or its
    transmission log (``From Pyongyang, No. 4040.``)."""
    for version in versions:
        for part in version.text.opener:
            if (isinstance(part, Furniture) and part.kind in {"doctype", "received"}) or (
                isinstance(part, Dateline)
            ):
                for node in part.content:
                    if isinstance(node, Number) and node.kind == "cable":
                        return node.text
    return None


def _addressed(text: str) -> Party | None:
    """``BEIJING—TO KRASOVSKY`` → Krasovsky, at Beijing."""
    match = re.match(
        r"^(?P<place>[^\W\d_]{3,})\s*[—–-]+\s*(?:TO|ТОВ\.?|Т\.|ДЛЯ)\s+(?P<name>.+)$", text, re.I
    )
    return Party(match["name"].strip(" ."), place=match["place"]) if match else None
