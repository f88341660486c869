"""The archive page's metadata: date, title, Citation, Summary, Credits, languages, Contents.

`split_metadata` finds where the fields end and the document's versions begin;
`parse_metadata` reads the fields into a `Metadata`, including the parties named in the
title and the archival copies named in the citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cablegram.errors import SourceError
from cablegram.model import ArchivalCopy, CitationPart, Diagnostic, Inlines, Metadata, Party
from cablegram.parse.dates import MONTH_NAMES, parse_date_line
from cablegram.parse.inline import parse_inline
from cablegram.read import Block, Line, strip_bullet

FIELD = re.compile(
    r"^\s*(?P<label>Citation|Summary|Credits|Original Languages?|Contents|Language)\s*:\s*"
    r"(?P<rest>.*)$",
    re.I,
)
CONTENT_ITEM = re.compile(
    r"^\s*(?:[-*+]\s+)?(?P<item>(?:Original|English|Russian|Chinese|German|Korean|French)?\s*"
    r"(?:Scan|Transcript(?:ion)?|Translation|Original)(?:\s*[-–—]\s*\w+)?)\s*$",
    re.I,
)
ARCHIVE_NAME = re.compile(r"[\w ,.&'-]*?Digital Archive", re.I)
TRANSLATOR = re.compile(
    r"(?:(?:Obtained|Edited) and translated|Translated(?: and annotated)?|Translation)"
    r"(?:\s+from\s+\w+)?(?:\s+(?:into|to)\s+\w+)?\s+(?:for\s+[\w ]+?\s+)?by\s+"
    r"(?P<name>[^.;]+?(?:\s[A-Z]\.)*)\s*(?:\.|;|$)"
)
URL = re.compile(r"<?(?P<url>https?://[^\s<>]+?)>?(?=[\s.,;]*$|\s)")
QUOTED_TITLE = re.compile(r'^\s*["“”](?P<title>.+?)[,.]?["”“],?\s*')
# Archival reference parts, in the archive's several styles
REF_PART = {
    key: re.compile(rf"^(?:{prefixes})(?:\.\s*|\s+)(?P<v>\S.*)$", re.I)
    for key, prefixes in (
        ("fond", "fond|f|ф"),
        ("opis", "opis|op|оп"),
        ("delo", "delo|d|д"),
        ("papka", "papka|p|п"),
        ("locus", "listy|list|ll|l|лл|л"),
    )
}
# A repository is an archive's acronym (APRF, AVP RF, RGASPI) or names an archive; a
# published source (a book of documents) cited instead is not an archival copy.
ARCHIVE_LIKE = re.compile(r"^[A-ZА-ЯЁ]{2,}(?:\s?[A-ZА-ЯЁ]{1,4})?$|Archiv|Архив")
COPY_SPLIT = re.compile(r"\s*;\s*(?:and\s+)?|,?\s+and\s+(?=[A-ZА-Я])")
PARTY_PREFIX = re.compile(r"^(?:Cdes?\.|Comrades?|Tov\.|Gen(?:eral)?\.?|Marshal)\s+", re.I)
IDENTIFIED = re.compile(r"^(?P<name>.+?)\s*[\[(](?P<id>[^\])]+)[\])]\s*$")


@dataclass(frozen=True)
class Fields:
    """The raw header of an export: the lines before the fields, each field's lines, and
    the blocks of the document's text that follow them."""

    heading: tuple[Line, ...]
    values: dict[str, tuple[Line, ...]]
    body: tuple[Block, ...]


def split_metadata(blocks: tuple[Block, ...], name: str) -> Fields:
    """Find the header lines and field values; everything after is the document."""
    lines = [(i, line) for i, block in enumerate(blocks) for line in block.lines]
    labels = _field_labels(lines)
    if not labels:
        if not any(parse_date_line(line.text) for _, line in lines[:3]):
            raise SourceError(
                name,
                "no recognisable metadata: no date line (e.g. 'June 30, 1951') and no "
                "'Citation:' or 'Summary:' field",
            )
        return Fields(tuple(line for _, line in lines[:2]), {}, _from_line(blocks, lines, 2))
    heading = tuple(line for _, line in lines[: labels[0]])
    values: dict[str, tuple[Line, ...]] = {}
    body: tuple[Block, ...] = ()
    for n, k in enumerate(labels):
        match = FIELD.match(strip_bullet(lines[k][1].text))
        assert match
        label = _canonical_label(match["label"])
        end = labels[n + 1] if n + 1 < len(labels) else len(lines)
        first = Line(lines[k][1].no, match["rest"], lines[k][1].page)
        value = [first] if match["rest"].strip() else []
        value += [line for _, line in lines[k + 1 : end]]
        if n + 1 == len(labels):
            value, body_from = _last_field(label, lines, k, value)
            body = _from_line(blocks, lines, body_from)
        values[label] = tuple(value)
    return Fields(heading, values, body)


# The archive's pages give their fields in this order, each once.
FIELD_ORDER = ("citation", "summary", "credits", "original language", "contents")


def _field_labels(lines: list[tuple[int, Line]]) -> list[int]:
    """Where the fields begin (indices in `lines`). A label out of the archive's order, or
    met a second time, is the document's own text ('Summary: the enemy wants…' in a draft
    agreement), and so is everything after it: the fields are over."""
    labels: list[int] = []
    last = -1
    for k, (_, line) in enumerate(lines):
        if match := FIELD.match(strip_bullet(line.text)):
            rank = FIELD_ORDER.index(_canonical_label(match["label"]))
            if rank <= last:
                break
            labels.append(k)
            last = rank
    return labels


def _canonical_label(label: str) -> str:
    label = label.lower()
    return "original language" if label.startswith(("original lang", "language")) else label


def _last_field(
    label: str, lines: list[tuple[int, Line]], k: int, value: list[Line]
) -> tuple[list[Line], int]:
    """The last field's value, and the index (in `lines`) where the document begins."""
    if label == "contents":
        items = [line for line in value[:1] if line.no == lines[k][1].no]
        if items and not CONTENT_ITEM.match(items[0].text):
            return [], k + 1
        for j in range(k + 1, len(lines)):
            if not CONTENT_ITEM.match(lines[j][1].text):
                return items, j
            items.append(lines[j][1])
        return items, len(lines)
    # Any other field: its first paragraph (only one line for a language name).
    if value and value[0].no == lines[k][1].no:
        start = k
    elif k + 1 < len(lines):
        start = k + 1
    else:
        return [], len(lines)
    end = start + 1
    if label != "original language" or start == k:
        while end < len(lines) and lines[end][0] == lines[start][0]:
            end += 1
        if label == "original language" and start == k:
            end = k + 1
    taken = [value[0]] if start == k else [line for _, line in lines[start:end]]
    if start == k and label != "original language":
        taken += [line for _, line in lines[k + 1 : end]]
    return taken, end


def _from_line(
    blocks: tuple[Block, ...], lines: list[tuple[int, Line]], index: int
) -> tuple[Block, ...]:
    """The blocks from the line at `index` on; a block shared with the header is cut."""
    if index >= len(lines):
        return ()
    block_index, line = lines[index]
    block = blocks[block_index]
    cut = next(n for n, ln in enumerate(block.lines) if ln is line)
    return (Block(block.lines[cut:]), *blocks[block_index + 1 :])


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


def _joined(lines: tuple[Line, ...] | list[Line]) -> str:
    """Join wrapped lines with spaces, rejoining words hyphenated at a line end."""
    out = ""
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[:1].islower():
            out = out[:-1] + text
        else:
            out = f"{out} {text}" if out else text
    return out


def parse_metadata(fields: Fields) -> tuple[Metadata, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    heading = _joined(fields.heading)
    citation_text = _joined(fields.values.get("citation", ()))
    date = parse_date_line(heading) or parse_date_line(citation_text)
    date_text, date_iso = date if date else (None, None)
    title_text = heading
    if date_text and heading.startswith(date_text):
        title_text = heading[len(date_text) :].strip(" ,")
    elif date_text and date_text in heading:
        title_text = heading.replace(date_text, "", 1).strip(" ,")
    if not title_text:
        quoted = QUOTED_TITLE.match(citation_text)
        title_text = quoted["title"] if quoted else ""
    first_line = fields.heading[0].no if fields.heading else 1
    if not date_iso:
        diagnostics.append(Diagnostic(first_line, "warning", "no date line found"))
    if not title_text:
        diagnostics.append(Diagnostic(first_line, "warning", "no title found"))
    doc_type, number, origin, senders, addressees, via = parse_title(title_text)
    url_match = URL.search(citation_text)
    url = url_match["url"] if url_match else None
    summary = tuple(filter(None, map(_joined, _paragraphs(fields.values.get("summary", ())))))
    credits = _joined(fields.values.get("credits", ())) or None
    language = _joined(fields.values.get("original language", ())) or None
    contents = tuple(
        strip_bullet(line.text).strip() for line in fields.values.get("contents", ()) if line.text
    )
    translators = tuple(
        name
        for found in TRANSLATOR.finditer(citation_text)
        for name in re.split(r"\s*(?:,|\band\b|&)\s*", found["name"].strip())
        if name
    )
    publisher = ARCHIVE_NAME.search(citation_text)
    metadata = Metadata(
        title=parse_inline(title_text),
        title_text=title_text,
        date_text=date_text,
        date=date_iso,
        doc_type=doc_type,
        cable_number=number,
        origin=origin,
        senders=senders,
        addressees=addressees,
        intermediaries=via,
        citation=citation_parts(
            citation_text, date_text, publisher.group(0) if publisher else None
        ),
        url=url,
        translators=translators,
        publisher=_publisher(publisher.group(0)) if publisher else None,
        copies=parse_copies(citation_text),
        summary=summary,
        credits=credits,
        original_language=language,
        contents=contents,
    )
    return metadata, diagnostics


def citation_parts(
    text: str, date_text: str | None, publisher: str | None
) -> tuple[tuple[CitationPart, Inlines], ...]:
    """Cut the citation into its cited title, date, archive and URL, keeping every character."""
    spans: list[tuple[int, int, CitationPart]] = []
    if quoted := QUOTED_TITLE.match(text):
        spans.append((*quoted.span("title"), "title"))
    taken = spans[-1][1] if spans else 0
    if date_text and (at := text.find(date_text, taken)) >= 0:
        spans.append((at, at + len(date_text), "date"))
        taken = at + len(date_text)
    if publisher and (name := _publisher(publisher)) and (at := text.find(name, taken)) >= 0:
        spans.append((at, at + len(name), "publisher"))
    for match in URL.finditer(text):
        spans.append((match.start(), match.end(), "url"))
    parts: list[tuple[CitationPart, Inlines]] = []
    pos = 0
    for start, end, kind in sorted(spans):
        if start < pos:
            continue
        if text[pos:start]:
            parts.append(("text", parse_inline(text[pos:start])))
        inner = text[start:end].strip("<>") if kind == "url" else text[start:end]
        parts.append((kind, parse_inline(inner)))
        pos = end
    if text[pos:]:
        parts.append(("text", parse_inline(text[pos:])))
    return tuple(parts)


def _publisher(text: str) -> str:
    """The archive's name as cited, without the citation's date before it."""
    text = text.strip(" ,.")
    date = parse_date_line(text)
    if date:
        text = text.split(date[0], 1)[1].strip(" ,.")
    return text.rsplit('",', 1)[-1].rsplit("”", 1)[-1].strip(" ,.")


TITLE = re.compile(
    r"^(?P<type>[^,]*?)(?:\s+(?:No\.|N[°º]|№|Nr\.)\s*(?P<number>[\w/-]+))?"
    r"(?:\s+from\s+(?P<origin>[A-Z][\w ]+?))?\s*,\s*(?P<parties>.+)$"
)
NUMBERED_TYPE = re.compile(r"(?P<type>.*?)\s+(?:No\.|N[°º]|№|Nr\.)\s*(?P<number>[\w/-]+)")
TO = re.compile(r"\s+to\s+")  # between sender and addressee
FROM_TO = re.compile(r"^(?:(?P<type>.*?)\s+)?from\s+(?P<parties>.+\s+to\s+.+)$", re.I)


def parse_title(
    title: str,
) -> tuple[
    str | None, str | None, str | None, tuple[Party, ...], tuple[Party, ...], tuple[Party, ...]
]:
    """Document type, number, origin, senders, addressees and intermediaries of a title."""
    doc_type = number = origin = None
    parties = ""
    match = TITLE.match(title)
    if match and match["origin"] and TO.search(match["origin"]):
        match = None  # 'Telegram from X to Y, Conveying …': parties, not a place of origin
    if match:
        doc_type = match["type"].strip() or None
        number, origin, parties = match["number"], match["origin"], match["parties"]
    elif match := FROM_TO.match(title):
        doc_type = (match["type"] or "").strip() or None
        parties = match["parties"]
    if not doc_type and (typed := NUMBERED_TYPE.match(title)):
        doc_type, number = typed["type"], typed["number"]
    elif doc_type and not number and (typed := NUMBERED_TYPE.fullmatch(doc_type)):
        doc_type, number = typed["type"], typed["number"]  # 'Cable No. 22481 from X to Y'
    parties = VIA_BRACKETED.sub(r" \1", parties)  # '… to Filippov [Stalin] (via Krasovsky)'
    parties = TRAILING_DATE.sub("", parties)  # '…, Zhou Enlai to Kim Il Sung, 1 July 1951'
    via: tuple[Party, ...] = ()
    forwarded = FOR_ADDRESSEE.search(parties)
    if forwarded and TO.search(parties[: forwarded.start()]):
        # 'Filippov [Stalin] to Krasovsky, for Mao Zedong': Krasovsky passes it on
        sender, channel = TO.split(parties[: forwarded.start()], maxsplit=1)
        parties, via = f"{sender} to {forwarded['addressee']}", _parties(channel)
    if " via " in parties:
        parties, via_text = parties.split(" via ", 1)
        via = _parties(via_text)
    if TO.search(parties):
        sender_text, addressee_text = TO.split(parties, maxsplit=1)
        return (
            doc_type,
            number,
            origin,
            _parties(sender_text),
            _parties(addressee_text),
            via,
        )
    return doc_type, number, origin, (), (), via


# A title's subject after the parties: ', on …', ' on the Draft …', ' Conveying a Message …'
SUBJECT = re.compile(
    r"(?:,\s+|\s+)(?:on|about|regarding|concerning|re:|with|conveying|transmitting"
    r"|forwarding|reporting|enclosing|containing)\s.*$",
    re.I,
)
TRAILING_DATE = re.compile(
    rf",?\s+(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\.?(?:\s+\d{{1,2}},?)?\s+\d{{4}}\s*$", re.I
)
FOR_ADDRESSEE = re.compile(r",\s+for\s+(?P<addressee>[A-ZА-ЯЁ].*)$")
VIA_BRACKETED = re.compile(r"\s*\((via\s+[^)]+)\)")


def _parties(text: str) -> tuple[Party, ...]:
    """Names in a title's sender or addressee part (its subject clause, ", on …", left out)."""
    text = SUBJECT.sub("", text)
    parties = []
    for part in re.split(r"\s*(?:,|\band\b|&)\s*", text.strip()):
        part = PARTY_PREFIX.sub("", part.strip())
        if not part:
            continue
        identified = IDENTIFIED.match(part)
        if identified:
            parties.append(Party(identified["name"].strip(), identified["id"].strip()))
        else:
            parties.append(Party(part))
    return tuple(parties)


def parse_copies(citation: str) -> tuple[ArchivalCopy, ...]:
    """The archival copies a citation names, one per repository."""
    text = URL.sub("", citation)
    text = TRANSLATOR.sub("", text)
    archive = ARCHIVE_NAME.search(text)
    if not archive:
        return ()
    refs = text[archive.end() :].strip(" ,.")
    if not refs:
        return ()
    copies = []
    for cited in COPY_SPLIT.split(refs):
        cited = cited.strip(" ,.;")
        if not cited:
            continue
        repository, _, rest = [*re.split(r"(\s*[,:]\s*)", cited, maxsplit=1), "", ""][:3]
        parts = _ref_parts(rest)
        repository = repository.strip()
        if parts or ARCHIVE_LIKE.search(repository):
            copies.append(ArchivalCopy(repository=repository, cited=cited, **parts))
    return tuple(copies)


def _ref_parts(rest: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in re.split(r"\s*,\s*", rest.strip()):
        for key, pattern in REF_PART.items():
            match = pattern.match(part.strip())
            if match and key not in found:
                found[key] = part.strip() if key == "locus" else match["v"].strip()
                break
    return found
