"""The citation the archive gives: its parts, the archival copies, printed reprints,
provenance sentences, translators and the publisher.

After the cited title, date and the archive's name come the references: archival copies
(`APRF, f. 45, op. 1, d. 339, l. 92; AVP RF, …`, `AVPRF: fond 0100, opis 40, …`, `MOL,
XIX-J-1-j Korea, 4. doboz, …`, `National Archives of Ireland, Department of Foreign
Affairs/6/440/8/1`), a book the text was printed in (`Reprinted in A, B and C, Title (Moscow:
Publisher, 2005), pp. 116-120`, or the book cited alone), where the copy came from
(`Provided to … by …`), and who translated it.
"""

from __future__ import annotations

import re

from cablegram.model import ArchivalCopy, CitationPart, Inlines, Reprint
from cablegram.parse.dates import parse_date_line
from cablegram.parse.inline import TOKEN, parse_inline

# (a name begins where a run of its characters does: the search tries no other position,
# each of which would have read on up to the name, or the run's end)
ARCHIVE_NAME = re.compile(r"(?:^|(?<=[^\w ,.&'-]))[\w ,.&'-]*?Digital Archive", re.I)
TRANSLATOR = re.compile(
    r"(?:(?:Obtained|Edited) and translated|Translated(?: and annotated)?|Translation)"
    r"(?:\s+from\s+\w+)?(?:\s+(?:into|to)\s+\w+)?\s+(?:for\s+[\w ]+?\s+)?by\s+"
    r"(?P<name>[^.;<]+?(?:\s[A-Z]\.)*)\s*(?:\.|;|$|<?https?://)"
)
URL = re.compile(r"<?(?P<url>https?://[^\s<>]+?)>?(?=[\s.,;]*$|\s)")
QUOTED_TITLE = re.compile(r'^\s*["“”](?P<title>.+?)[,.]?["”“],?\s*')
# Archival reference parts, in the archive's several styles ('fond (f.) 45', 'F. 45',
# 'per. 25' the opis of an inventory, 'dok. 2' a file)
REF_PART = {
    key: re.compile(rf"^(?:{prefixes})(?:\.\s*|\s+)(?:\([^)]*\)\s*)?(?P<v>\S.*)$", re.I)
    for key, prefixes in (
        ("fond", "fond|f|ф"),
        ("opis", "opis|op|per|оп"),
        ("delo", "delo|dok|d|д"),
        ("papka", "papka|p|п"),
        ("locus", "listy|list|ll|l|лл|л|bl|pp|p"),
    )
}
LOCUS = re.compile(
    r"^(?:listy|list|ll|l|лл|л|bl|pp|p)\.?\s*(?:\([^)]*\)\s*)?(?P<from>[\w]+)(?:\s*[-–]\s*(?P<to>[\w]+))?$",
    re.I,
)
# A repository is an archive's acronym (APRF, AVP RF, RGASPI) or names an archive or library;
# a published source (a book of documents) cited instead is not an archival copy.
ARCHIVE_LIKE = re.compile(
    r"^[A-ZА-ЯЁ][A-Za-zА-ЯЁ]{1,}(?:\s?[A-ZА-ЯЁ]{1,4})?$|(?i:archiv|архив|library|museum)"
)
# 'PRC FMA 106-00142-03': an archive's acronym with its file number after it, no comma
ACRONYM_THEN_NUMBER = re.compile(r"^(?P<repository>[A-Z]{2,}(?:\s[A-Z]{2,}){0,2})\s+(?=\d)")
BARE_RANGE = re.compile(r"^(?P<from>\d+)\s*[-–]\s*(?P<to>\d+)$")  # '15-17': its pages
COPY_SPLIT = re.compile(r"\s*;\s*(?:and\s+)?|,?\s+and\s+(?=[A-ZА-Я]{2})")
# What ends the references: a reprint, a book, the translator, the contributor, a provenance
REFS_END = re.compile(
    r"\.?\s*(?=\b(?:Reprinted in|Published in|published in|reprinted in|Translated|Translation by"
    r"|Obtained and translated|Edited and translated|Contributed by|Provided to|Provided by"
    r"|Given by|Donated by|With permission|Courtesy of)\b)|\s*<?https?://"
)
REPRINT = re.compile(
    r"\b(?:Reprinted|reprinted|Published|published|Printed|printed)\s+in\s+(?P<text>.+?)(?=\.\s+(?:Translated|"
    r"Contributed|Provided|Obtained|Edited)|\.\s*<?https?://|\.?\s*$)"
)
BOOK = re.compile(r"\((?P<place>[^():]+):\s*(?P<publisher>[^(),]+),\s*(?P<year>\d{4})\)")
PAGES = re.compile(
    r"(?P<text>(?:pp?\.\s*)?(?P<from>\d+)\s*[-–]\s*(?P<to>\d+)|pp?\.\s*(?P<one>\d+))\s*\.?$"
)
VOLUME = re.compile(r"^(?:vol\.|volume|book|part|t\.|tom)\s", re.I)
PROVENANCE = re.compile(
    r"(?:Provided|Given|Donated|Transferred|Obtained)\s+(?:to|by)\b[^.]*\."
    r"(?:\s*With permission[^.]*\.)?"
)


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
    if publisher and (name := publisher_name(publisher)) and (at := text.find(name, taken)) >= 0:
        spans.append((at, at + len(name), "publisher"))
    urls = list(URL.finditer(text))
    # the page's own URL ends the citation (`page_url`); a URL cited before it is a reference
    if urls and (link := _link_span(text, urls[-1])):
        spans.append((*link, "url"))
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


def page_url(text: str) -> str | None:
    """The archive page's own URL, which ends its citation (the link alone)."""
    urls = list(URL.finditer(text))
    link = _link_span(text, urls[-1]) if urls else None
    return text[link[0] : link[1]].strip("<>") if link else None


def _link_span(text: str, url: re.Match[str]) -> tuple[int, int] | None:
    """Where the link of a URL found in a citation is, as the inline parser reads it (its
    angle brackets with it): only that is the citation's URL. What `URL` took after it (a
    quote, an attribute-like tail: `…/123"title="x"`) stays the citation's text, every
    character of it."""
    for start in dict.fromkeys((url.start(), url.start("url"))):
        found = TOKEN.match(text, start)
        if found and (found["anglelink"] or found["link"]):
            return found.span()
    return None


def publisher_name(text: str) -> str:
    """The archive's name as cited, without the citation's date before it."""
    text = text.strip(" ,.")
    date = parse_date_line(text)
    if date:
        text = text.split(date[0], 1)[1].strip(" ,.")
    return text.rsplit('",', 1)[-1].rsplit("”", 1)[-1].strip(" ,.")


def translators(citation: str) -> tuple[str, ...]:
    return tuple(
        name
        for found in TRANSLATOR.finditer(citation)
        for name in re.split(r"\s*(?:,|\band\b|&)\s*", found["name"].strip())
        if name
    )


def _references(citation: str) -> str:
    """The citation's references: after the archive's name, before a reprint, translator,
    provenance or URL."""
    archive = ARCHIVE_NAME.search(citation)
    if not archive:
        return ""
    refs = citation[archive.end() :]
    end = REFS_END.search(refs)
    return (refs[: end.start()] if end else refs).strip(" ,.")


def parse_copies(citation: str) -> tuple[ArchivalCopy, ...]:
    """The archival copies a citation names, one per repository."""
    return parse_references(_references(citation))


def parse_references(refs: str) -> tuple[ArchivalCopy, ...]:
    """The archival copies of a list of references ('APRF, f. 45, …; AVPRF, …'), as a
    citation gives them or a page's 'Source' field."""
    if not refs or BOOK.search(refs):
        return ()  # nothing cited, or a book of documents cited instead of an archive
    copies = []
    for cited in COPY_SPLIT.split(refs):
        cited = cited.strip(" ,.;")
        if cited:
            copy = _copy(cited)
            if copy:
                copies.append(copy)
    return tuple(copies)


def _copy(cited: str) -> ArchivalCopy | None:
    pieces = [p.strip() for p in re.split(r"\s*,\s*|\s*:\s+", cited) if p.strip()]
    first_ref = next(
        (
            k
            for k, piece in enumerate(pieces)
            if k and any(p.match(piece) for p in REF_PART.values())
        ),
        None,
    )
    russian = any(
        REF_PART[key].match(piece) for piece in pieces for key in ("fond", "opis", "delo")
    )
    if first_ref is not None and russian:
        repository = _repository_before(cited, pieces[first_ref])
        parts = _ref_parts(pieces[first_ref:])
        signature = cited[len(repository) :].strip(" ,:")
        if "locus" in parts:
            signature = signature[: signature.rfind(parts["locus"])].strip(" ,")
        return ArchivalCopy(repository=repository, cited=cited, shelfmark=signature, **parts)
    if glued := ACRONYM_THEN_NUMBER.match(pieces[0]):
        pieces = [glued["repository"], pieces[0][glued.end() :], *pieces[1:]]
    repository, *rest = pieces
    if not ARCHIVE_LIKE.search(repository) and not rest:
        return None
    if not ARCHIVE_LIKE.search(repository):
        return None
    locus = None
    if rest and (LOCUS.match(rest[-1]) or (len(rest) > 1 and BARE_RANGE.match(rest[-1]))):
        locus = rest.pop()
    shelfmark = cited[len(repository) :].strip(" ,:") if rest else None
    if shelfmark and locus:
        shelfmark = shelfmark[: shelfmark.rfind(locus)].strip(" ,")
    copy = ArchivalCopy(repository=repository, cited=cited, shelfmark=shelfmark or None)
    return _with_locus(copy, locus) if locus else copy


def _repository_before(cited: str, first_ref: str) -> str:
    """The repository's name as cited: everything before the first reference part ('Archive
    of the President, Russian Federation (APRF)')."""
    return cited[: cited.index(first_ref)].strip(" ,:")


def _ref_parts(pieces: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in pieces:
        for key, pattern in REF_PART.items():
            match = pattern.match(part.strip())
            if match and key not in found:
                found[key] = part.strip() if key == "locus" else match["v"].strip()
                break
    if "locus" in found and (locus := LOCUS.match(found["locus"])):
        found["locus_from"] = locus["from"]
        if locus["to"]:
            found["locus_to"] = locus["to"]
    return found


def _with_locus(copy: ArchivalCopy, locus: str) -> ArchivalCopy:
    found = LOCUS.match(locus) or BARE_RANGE.match(locus)
    assert found
    return ArchivalCopy(
        **{**copy.__dict__, "locus": locus, "locus_from": found["from"], "locus_to": found["to"]}
    )


def parse_reprints(citation: str) -> tuple[Reprint, ...]:
    """The printed editions a citation names: after 'Reprinted in', or a book of documents
    cited in place of an archive."""
    found = [m["text"].strip(" ,.") for m in REPRINT.finditer(citation)]
    if not found and (refs := _references(citation)) and BOOK.search(refs):
        found = [refs]
    return tuple(_reprint(text) for text in found)


def _reprint(text: str) -> Reprint:
    """`A, B and C, Title, Vol. 5 (Moscow: Publisher, 2005), pp. 116-120`."""
    book = BOOK.search(text)
    head = text[: book.start()] if book else text
    pages = PAGES.search(text[book.end() :] if book else "")
    authors: tuple[str, ...] = ()
    title = head.strip(" ,")
    quoted = re.search(r"[\"“](?P<t>[^\"”]+?)[,.]?[\"”]", head)
    if quoted:
        title = quoted["t"]
    elif book:
        # 'A, B and C, Title, Vol. 5, Book 2': the title stands before its volume, the
        # authors (or an editing institution, 'ed.') before the title
        parts = [p.strip() for p in re.split(r",\s*", head.strip(" ,"))]
        volume = next((k for k, p in enumerate(parts) if VOLUME.match(p)), len(parts))
        at = max(volume - 1, 0)
        names = [p for p in parts[:at] if p not in {"ed.", "eds."}]
        if all(_is_name_list(n) for n in names):
            authors = tuple(a.strip() for n in names for a in re.split(r"\s+and\s+", n))
            title = ", ".join(parts[at:])
    return Reprint(
        cited=text,
        title=title or None,
        authors=authors,
        place=book["place"].strip() if book else None,
        publisher=book["publisher"].strip() if book else None,
        year=book["year"] if book else None,
        pages=pages["text"] if pages else None,
        page_from=(pages["from"] or pages["one"]) if pages else None,
        page_to=pages["to"] if pages else None,
    )


def _is_name_list(text: str) -> bool:
    """'Andrei Ledovskii', 'Raisa Mirovitskaia and Vladimir Miasnikov', an institution
    editor ('Zhonggong zhongyang wenxian yanjiushi')."""
    names = re.split(r"\s+and\s+", text)
    return all(
        2 <= len(n.split()) <= 4 and n.split()[0][:1].isupper() and not re.search(r"\d", n)
        for n in names
    )


def parse_provenance(citation: str) -> str | None:
    found = PROVENANCE.search(citation)
    return found.group(0).strip() if found else None
