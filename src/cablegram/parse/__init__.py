"""An export's blocks → a `Document`: what the page and the text say.

`parse_export` reads a file; `parse_bytes` does the same for bytes in memory. After
`cablegram.read` (decoding, layout, chrome, blocks): `fields` and `metadata` (the page's
fields, the title's kind and parties, the citation), `versions` (scan / transcript /
translation, by language), `body` with `furniture`, `closer`, `quotes` and `footnotes`
(each version's structure), `inline` and `brackets` (the archive's brackets and seams),
then `completion` and `people` (the header completed from the text: correspondents,
participants, speakers and authors).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from cablegram.errors import SourceError
from cablegram.lexicon.languages import AMERICAN_ORIGIN, ENGLISH_ORIGIN
from cablegram.lexicon.patterns import TERMINAL
from cablegram.model import (
    Diagnostic,
    DocText,
    Document,
    Gap,
    ListItem,
    Note,
    Paragraph,
    PointList,
    QuotedText,
    Section,
    SourceInfo,
    Text,
    Version,
    plain_text,
)
from cablegram.parse.body import BodyContext, parse_version
from cablegram.parse.citation import parse_references
from cablegram.parse.closer import closer_breaks_off, truncated
from cablegram.parse.completion import complete
from cablegram.parse.dates import find_date, year_of
from cablegram.parse.fields import Fields, split_fields
from cablegram.parse.language import language_code
from cablegram.parse.metadata import parse_metadata
from cablegram.parse.people import read_people
from cablegram.parse.versions import split_versions
from cablegram.read import Export, decode_export, read_export
from cablegram.read.chrome import footer_value

__all__ = ["parse_bytes", "parse_export"]

HEAD_BLOCKS = 4


def parse_export(path: Path) -> Document:
    """Parse one export file; raise `SourceError` when it is not a usable export."""
    export = read_export(path)
    try:
        return _parse(export)
    except SourceError as exc:  # its message names the file as the user named it
        raise SourceError(str(path), exc.problem) from exc


def parse_bytes(name: str, data: bytes) -> Document:
    """Parse an export given as bytes (`name` is its file name)."""
    return _parse(decode_export(name, data))


def _parse(export: Export) -> Document:
    fields = split_fields(export.blocks, export.name, export.footer)
    metadata, diagnostics = parse_metadata(fields)
    origin = f"{metadata.title_text} {' '.join(p.name for p in metadata.senders)} " + " ".join(
        line.text for line in fields.values.get("citation", ())
    )
    head = _head(fields)
    parts, version_diagnostics = split_versions(
        fields.body,
        metadata.contents,
        metadata.original_language,
        english_origin=bool(ENGLISH_ORIGIN.search(origin) or ENGLISH_ORIGIN.search(head)),
    )
    american = bool(AMERICAN_ORIGIN.search(origin) or AMERICAN_ORIGIN.search(head))
    diagnostics += version_diagnostics
    year = year_of(metadata.date.value if metadata.date else None)
    versions = []
    cut_in_note = False  # the export stops in a footnote's text, placed at its anchor
    for part in parts:
        body_ctx = BodyContext(
            export.layout,
            year,
            american=american and part.lang == "en",
            original=language_code(metadata.original_language),
        )
        text = parse_version(part.blocks, body_ctx)
        cut = body_ctx.inline.cut_footnote
        cut_in_note = bool(cut and cut in body_ctx.inline.used_footnotes)
        diagnostics += [
            Diagnostic(part.blocks[0].no, "warning", f"{problem} ({part.kind} text)")
            for problem in dict.fromkeys(body_ctx.inline.unbalanced)
        ]
        versions.append(Version(part.kind, part.subtype, part.lang, text, part.blocks[0].no))  # type: ignore[arg-type]
    mid_text = bool(versions) and (cut_in_note or _stops_mid_text(versions[-1].text))
    after_first = bool(versions) and not mid_text and _stops_after_first_part(versions[-1].text)
    partial = mid_text or after_first
    if partial:
        if not cut_in_note:  # (a footnote's text ends in its gap already)
            versions[-1] = dataclasses.replace(
                versions[-1], text=_mark_truncated(versions[-1].text)
            )
        problem = "stops after the first of its numbered parts" if after_first else "stops mid-text"
        diagnostics.append(
            Diagnostic(fields.body[-1].lines[-1].no, "warning", f"the export {problem}")
        )
    metadata = complete(metadata, versions)
    if not metadata.copies and (cited := footer_value(export.chrome, "Source")):
        metadata = dataclasses.replace(metadata, copies=parse_references(cited))
    metadata, versions = read_people(metadata, versions)
    chrome = export.chrome + ((metadata.displayed_title,) if metadata.displayed_title else ())
    source = SourceInfo(export.name, export.sha256, export.layout, partial, chrome)
    return Document(source, metadata, tuple(versions), tuple(diagnostics))


def _head(fields: Fields) -> str:
    """The first lines of the text (where an issuing office's letterhead stands)."""
    return " ".join(block.text for block in fields.body[:HEAD_BLOCKS])


def _stops_mid_text(text: DocText) -> bool:
    """True when a version (or the telegram it ends with) breaks off mid-sentence."""
    if text.closer:
        return closer_breaks_off(text.closer)
    if not text.body:
        return False
    last = _last_block(text.body[-1])
    if isinstance(last, QuotedText):
        return _stops_mid_text(last.text)
    if isinstance(last, Paragraph | ListItem):
        content = last.content
    else:
        return False
    footnote = bool(content) and isinstance(content[-1], Note)
    if footnote:
        content = content[-1].content  # type: ignore[union-attr]  # the export may stop in it
    if not content or not isinstance(content[-1], Text):
        return False
    ending = content[-1].text.rstrip()
    if len(ending.split()) <= 3 and any(c.isdigit() for c in ending):
        return False  # a number or a date on its own (第402/sh号, No. 3590): a closing line
    if isinstance(last, Paragraph) and not footnote and _closing_line(ending):
        return False
    return not TERMINAL.search(ending) and not ending.endswith("]")


FIRST_PART = re.compile(r"^\s*(?:1|I)[.)](?:\s|$)")  # '1. The Revolutionary Committee …'
NUMBERED_PART = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,5})[.)](?:\s|$)")


def _stops_after_first_part(text: DocText) -> bool:
    """True when a text without a closer ends in the first of its numbered parts: no author
    numbers one part alone, so the export stopped there, though on a full sentence (a page
    copied as far as its first part: 'Below we present the parties …' | '1. The
    Revolutionary Committee …' | its paragraphs, and nothing after)."""
    if text.closer or not text.body or not isinstance(text.body[-1], Section):
        return False
    heads = [plain_text(part.head) for part in text.body if isinstance(part, Section)]
    numbered = [head for head in heads if NUMBERED_PART.match(head)]
    return len(numbered) == 1 and numbered[0] == heads[-1] and bool(FIRST_PART.match(heads[-1]))


def _last_block(part: object) -> object:
    """The block a body part ends with: a section's, a list's last point's (its last
    paragraph or sub-list)."""
    if isinstance(part, Section) and part.blocks:
        return _last_block(part.blocks[-1])
    if isinstance(part, PointList):
        return _last_block(part.items[-1])
    if isinstance(part, ListItem) and part.blocks:
        return _last_block(part.blocks[-1])
    return part


CLOSING_END = re.compile(
    r"(?:\d{1,2}:\d{2}|\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?|[-—–_*#=~]{2,})$"
)  # a date, a rule


DATE_REACH = 40


def _closing_line(ending: str) -> bool:
    """A last line that closes a text rather than breaking off: a short line ending in a
    name or a title ('Director, Office of Northeast Asian Affairs', 'A. SAVELYEV'), a
    date or number ('Drafted by: EUR:SOV:RHDavies 10/14/59'), a rule or an end mark."""
    last_line = ending.splitlines()[-1].strip() if ending.strip() else ""
    words = last_line.split()
    if not words:
        return False
    if CLOSING_END.search(last_line):
        return True
    dated = find_date(last_line[-DATE_REACH:])
    if dated and last_line.rstrip(" .").endswith(dated[0].rstrip(" .")):
        return True  # '… not afraid of it. Pyongyang, 27 January 1968
    last = words[-1].strip("(),")
    return len(words) <= 8 and last[:1].isupper() and len(last) >= 2


def _mark_truncated(text: DocText) -> DocText:
    """End the last paragraph (of the last quoted telegram), or the closer, with a gap."""
    if text.closer:
        return dataclasses.replace(text, closer=truncated(text.closer))
    body = list(text.body)
    body[-1] = _truncated(body[-1])
    return dataclasses.replace(text, body=tuple(body))


def _truncated(part: Any) -> Any:
    """The part with a gap after its last words (in its last section, point, paragraph)."""
    if isinstance(part, QuotedText):
        return dataclasses.replace(part, text=_mark_truncated(part.text))
    if isinstance(part, Paragraph) and part.content and isinstance(part.content[-1], Note):
        note = part.content[-1]
        note = dataclasses.replace(note, content=(*note.content, Gap("truncated")))
        return dataclasses.replace(part, content=(*part.content[:-1], note))
    if isinstance(part, Paragraph | ListItem) and not (isinstance(part, ListItem) and part.blocks):
        return dataclasses.replace(part, content=(*part.content, Gap("truncated")))
    if isinstance(part, Section | ListItem) and part.blocks:
        return dataclasses.replace(part, blocks=(*part.blocks[:-1], _truncated(part.blocks[-1])))
    if isinstance(part, PointList):
        return dataclasses.replace(part, items=(*part.items[:-1], _truncated(part.items[-1])))
    return part
