"""Raw archive export → `Cable`.

`parse_export` reads a file; `parse_bytes` does the same for bytes in memory. After
`cablegram.read` (decoding, layout, chrome, blocks): `metadata` (the page's fields), `versions`
(scan / transcript / translation, by language), `body` (opener, body, closer) and
`inline` (editorial brackets and seams).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from cablegram.errors import SourceError
from cablegram.lexicon.patterns import TERMINAL
from cablegram.model import (
    Cable,
    CableText,
    Diagnostic,
    Furniture,
    Gap,
    Number,
    NumberedList,
    Paragraph,
    Party,
    SourceInfo,
    Telegram,
    Text,
    Version,
)
from cablegram.parse.body import BodyContext, parse_version
from cablegram.parse.dates import year_of
from cablegram.parse.inline import plain_text
from cablegram.parse.metadata import parse_metadata, split_metadata
from cablegram.parse.versions import split_versions
from cablegram.read import Export, decode_export, read_export

__all__ = ["parse_bytes", "parse_export"]


def parse_export(path: Path) -> Cable:
    """Parse one export file; raise `SourceError` when it is not a usable export."""
    export = read_export(path)
    try:
        return _parse(export)
    except SourceError as exc:  # its message names the file as the user named it
        raise SourceError(str(path), exc.problem) from exc


def parse_bytes(name: str, data: bytes) -> Cable:
    """Parse an export given as bytes (`name` is its file name)."""
    return _parse(decode_export(name, data))


def _parse(export: Export) -> Cable:
    fields = split_metadata(export.blocks, export.name)
    metadata, diagnostics = parse_metadata(fields)
    parts, version_diagnostics = split_versions(
        fields.body, metadata.contents, metadata.original_language
    )
    diagnostics += version_diagnostics
    year = year_of(metadata.date)
    versions = []
    for part in parts:
        text = parse_version(part.blocks, BodyContext(layout=export.layout, year=year))
        versions.append(Version(part.kind, part.subtype, part.lang, text, part.blocks[0].no))  # type: ignore[arg-type]
    partial = bool(versions) and _stops_mid_text(versions[-1].text)
    if partial:
        versions[-1] = dataclasses.replace(versions[-1], text=_mark_truncated(versions[-1].text))
        diagnostics.append(
            Diagnostic(fields.body[-1].lines[-1].no, "warning", "the export stops mid-text")
        )
    via = list(metadata.intermediaries)
    for version in versions:
        for item in version.text.opener:
            if isinstance(item, Furniture) and item.kind == "address":
                party = _addressed(plain_text(item.content))
                if party and party.name.casefold() not in {p.name.casefold() for p in via}:
                    via.append(party)
    number = metadata.cable_number or _number_in_text(versions)
    metadata = dataclasses.replace(metadata, intermediaries=tuple(via), cable_number=number)
    source = SourceInfo(export.name, export.sha256, export.layout, partial, export.chrome)
    return Cable(source, metadata, tuple(versions), tuple(diagnostics))


def _number_in_text(versions: list[Version]) -> str | None:
    """The cable's number from its heading (``CIPHERED TELEGRAM No. 4107``)."""
    for version in versions:
        for part in version.text.opener:
            if isinstance(part, Furniture) and part.kind == "doctype":
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


def _stops_mid_text(text: CableText) -> bool:
    """True when a version (or the telegram it ends with) breaks off mid-sentence."""
    if text.closer or not text.body:
        return False
    last = text.body[-1]
    if isinstance(last, Telegram):
        return _stops_mid_text(last.text)
    if isinstance(last, Paragraph):
        content = last.content
    elif isinstance(last, NumberedList):
        content = last.items[-1].content
    else:
        return False
    if not content or not isinstance(content[-1], Text):
        return False
    ending = content[-1].text.rstrip()
    if len(ending.split()) <= 3 and any(c.isdigit() for c in ending):
        return False  # a number or a date on its own (第402/sh号, No. 3590): a closing line
    return not TERMINAL.search(ending) and not ending.endswith("]")


def _mark_truncated(text: CableText) -> CableText:
    """End the last paragraph (of the last quoted telegram) with a gap."""
    body = list(text.body)
    last = body[-1]
    if isinstance(last, Telegram):
        body[-1] = dataclasses.replace(last, text=_mark_truncated(last.text))
    elif isinstance(last, Paragraph):
        body[-1] = Paragraph((*last.content, Gap("truncated")))
    elif isinstance(last, NumberedList):
        item = last.items[-1]
        item = dataclasses.replace(item, content=(*item.content, Gap("truncated")))
        body[-1] = NumberedList((*last.items[:-1], item))
    return dataclasses.replace(text, body=tuple(body))
