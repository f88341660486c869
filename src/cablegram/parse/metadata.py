"""The archive page's metadata: date, title, Citation, Summary, Credits, languages, Contents.

`parse_metadata` reads the fields `cablegram.parse.fields` found into a `Metadata`: the
document's date (`dates`), what its title says of its kind and parties (`title`), and what
its citation says of its copies and reprints (`citation`).
"""

from __future__ import annotations

from cablegram.model import Diagnostic, DocDate, Metadata
from cablegram.parse.citation import (
    ARCHIVE_NAME,
    QUOTED_TITLE,
    citation_parts,
    page_url,
    parse_copies,
    parse_provenance,
    parse_reprints,
    publisher_name,
    translators,
)
from cablegram.parse.dates import find_date, parse_date_line
from cablegram.parse.fields import Fields
from cablegram.parse.inline import parse_inline
from cablegram.parse.title import read_title
from cablegram.read import Line, strip_bullet


def _paragraphs(lines: tuple[Line, ...]) -> list[list[Line]]:
    """A field's lines in paragraphs (a blank line between two lines parts them)."""
    paragraphs: list[list[Line]] = []
    for line in lines:
        if not line.text.strip():
            continue
        if not paragraphs or line.no - paragraphs[-1][-1].no > 1:
            paragraphs.append([])
        paragraphs[-1].append(line)
    return paragraphs


def joined(lines: tuple[Line, ...] | list[Line]) -> str:
    """Join wrapped lines with spaces, rejoining words hyphenated at a line end."""
    out = ""
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        hyphen = out.endswith("-") and len(out) > 1 and out[-2].isalpha()
        if hyphen and text[:1].islower():
            out = out[:-1] + text
        elif hyphen and text[:1].isupper():
            out += text  # 'Military-' | 'Political': a real hyphen, the compound whole
        else:
            out = f"{out} {text}" if out else text
    return out


def parse_metadata(fields: Fields) -> tuple[Metadata, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    citation_text = joined(fields.values.get("citation", ()))
    date_text = joined(fields.date)
    title_text = joined(fields.title)
    if not date_text and (found := find_date(title_text)) and title_text.startswith(found[0]):
        date_text, title_text = found[0], title_text[len(found[0]) :].strip(" ,")
    date = parse_date_line(date_text) if date_text else None
    cited = QUOTED_TITLE.match(citation_text)
    displayed = None
    if cited and (not title_text or title_text.casefold() == cited["title"].casefold()):
        if title_text and title_text != cited["title"]:
            displayed = title_text  # given in capitals by the page's style
        title_text = cited["title"]
    if date is None and citation_text:
        date = parse_date_line(citation_text)
    first_line = (fields.date or fields.title or (Line(1, ""),))[0].no
    if date is None:
        diagnostics.append(Diagnostic(first_line, "warning", "no date line found"))
    if not title_text:
        diagnostics.append(Diagnostic(first_line, "warning", "no title found"))
    facts = read_title(title_text)
    summary = tuple(filter(None, map(joined, _paragraphs(fields.values.get("summary", ())))))
    contents = tuple(
        strip_bullet(line.text).strip() for line in fields.values.get("contents", ()) if line.text
    )
    archive = ARCHIVE_NAME.search(citation_text)
    date_words = date[0] if date else None
    metadata = Metadata(
        title=parse_inline(title_text),
        title_text=title_text,
        date=DocDate(date[0], date[1]) if date else None,
        kind=facts.kind or "other",
        title_type=facts.type_words,
        cable_number=facts.number,
        origin=facts.origin,
        senders=facts.senders,
        addressees=facts.addressees,
        intermediaries=facts.intermediaries,
        authors=facts.authors,
        participants=facts.participants,
        citation=citation_parts(citation_text, date_words, archive.group(0) if archive else None),
        url=page_url(citation_text),
        translators=translators(citation_text),
        publisher=publisher_name(archive.group(0)) if archive else None,
        copies=parse_copies(citation_text),
        reprints=parse_reprints(citation_text),
        provenance=parse_provenance(citation_text),
        summary=summary,
        credits=joined(fields.values.get("credits", ())) or None,
        original_language=joined(fields.values.get("original language", ())) or None,
        contents=contents,
        displayed_title=displayed,
    )
    return metadata, diagnostics
