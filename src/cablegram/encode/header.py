"""The teiHeader: title and responsibility, the source (citation, archival copies, reprints,
provenance), the document's date, abstract, hands, languages, participants and
correspondents, and the provenance of the file itself (ENCODING.md, "teiHeader")."""

from __future__ import annotations

from lxml import etree

from cablegram import __version__
from cablegram.edition import Edition
from cablegram.encode.inline import add_inlines, dating_attributes
from cablegram.encode.xml import ARCHIVE, Context, append_text, tei
from cablegram.model import (
    CORRESPONDENCE,
    ArchivalCopy,
    Document,
    Link,
    Metadata,
    Participant,
    Party,
    Reprint,
)

LANGUAGE_LABELS = {
    "ru": "Russian", "en": "English", "de": "German", "fr": "French", "zh": "Chinese",
    "ko": "Korean", "ja": "Japanese", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech",
    "it": "Italian", "es": "Spanish", "bg": "Bulgarian", "hu": "Hungarian", "ro": "Romanian",
    "vi": "Vietnamese", "mn": "Mongolian", "und": "Undetermined",
}  # fmt: skip
PARTY_ELEMENT = {"person": "persName", "org": "orgName"}
ARCHIVAL_PARTS = ("fond", "opis", "delo", "papka")


def header(
    document: Document, ctx: Context, edition: Edition | None = None, xml_id: str = ""
) -> etree._Element:
    """The teiHeader of `document` (its text encoded already: `ctx` knows the hands), in
    `edition` (its editors, publisher, licence, title and address; none without one)."""
    meta = document.metadata
    element = tei("teiHeader")
    file_desc = tei("fileDesc", element)
    _title_stmt(tei("titleStmt", file_desc), meta, ctx, edition)
    _publication_stmt(tei("publicationStmt", file_desc), edition, xml_id)
    if edition is not None and edition.titled:  # the series the document belongs to
        series = tei("seriesStmt", file_desc)
        tei("title", series, level="s").text = edition.title
        if edition.subtitle:
            tei("title", series, type="sub").text = edition.subtitle
    _source_desc(tei("sourceDesc", file_desc), meta, ctx)
    decl = tei("editorialDecl", tei("encodingDesc", element))
    if meta.contents:
        contents = tei("list", tei("p", decl), type="contents")
        for entry in meta.contents:
            tei("item", contents).text = entry
    else:
        tei("p", decl).text = "The archive's page gives no list of contents."
    _profile_desc(tei("profileDesc", element), document, ctx)
    _revision_desc(tei("revisionDesc", element), document)
    return element


def _title_stmt(
    title_stmt: etree._Element, meta: Metadata, ctx: Context, edition: Edition | None
) -> None:
    add_inlines(tei("title", title_stmt), meta.title, ctx)
    for author in meta.authors:
        _name(tei("author", title_stmt), author)
    for editor in edition.editors if edition else ():
        tei("editor", title_stmt).text = editor
    if meta.credits:
        tei("funder", title_stmt).text = meta.credits
    if meta.translators:
        resp = tei("respStmt", title_stmt, xml_id="translator")
        tei("resp", resp).text = "translation"
        for name in meta.translators:
            tei("persName", resp).text = name
    archive = tei("respStmt", title_stmt, xml_id="archive")
    tei("resp", archive).text = "source edition and editorial brackets"
    tei("orgName", archive).text = meta.publisher or "the source archive"
    encoder = tei("respStmt", title_stmt)
    tei("resp", encoder).text = "TEI encoding"
    tei("name", encoder).text = f"cablegram {__version__}"


def _publication_stmt(publication: etree._Element, edition: Edition | None, xml_id: str) -> None:
    """Who publishes the edition, its address for this document and its licence; a
    paragraph on where the text comes from when the edition says none of these."""
    if edition is None or not (edition.publisher or edition.licence or edition.base_url):
        tei("p", publication).text = (
            "Encoded by cablegram from an export of the archive's web page; "
            "see the source description for the original publication."
        )
        return
    if edition.publisher:
        tei("publisher", publication).text = edition.publisher
    else:  # TEI asks for an agency first: those answerable for the edition
        tei("authority", publication).text = "; ".join(edition.editors) or edition.title
    if edition.base_url and xml_id:
        tei("idno", publication, type="URL").text = f"{edition.base_url}{xml_id}.html"
    if edition.licence:
        licence = tei("licence", tei("availability", publication))
        licence.text = edition.licence
        if edition.licence_url:
            licence.set("target", edition.licence_url)


def _source_desc(source: etree._Element, meta: Metadata, ctx: Context) -> None:
    bibl = tei("bibl", source)
    for kind, content in meta.citation:
        if kind == "text":
            add_inlines(bibl, content, ctx)
        elif kind == "title":
            add_inlines(tei("title", bibl), content, ctx)
        elif kind == "date":
            value = meta.date.value if meta.date else None
            add_inlines(tei("date", bibl, **dating_attributes(value)), content, ctx)
        elif kind == "publisher":
            add_inlines(tei("publisher", bibl), content, ctx)
        elif kind == "url" and len(content) == 1 and isinstance(content[0], Link):
            tei("ptr", bibl, target=content[0].url)
            tei("idno", bibl, type="URL").text = content[0].url
        else:  # (a URL part is one link; anything else is kept as the citation's text)
            add_inlines(bibl, content, ctx)
    if meta.original_language:
        code = language_code(meta.original_language)
        tei("textLang", bibl, mainLang=code).text = meta.original_language
    if meta.reprints:
        listing = tei("listBibl", source)
        for reprint in meta.reprints:
            _reprint(tei("bibl", listing, type="reprint"), reprint)
    if meta.copies:
        _ms_desc(tei("msDesc", source), meta.copies, meta.provenance)


def language_code(name: str) -> str | None:
    """`Russian` → `ru` (the language a page names)."""
    for code, label in LANGUAGE_LABELS.items():
        if name.strip().lower().startswith(label.lower()):
            return code
    return None


def _reprint(bibl: etree._Element, reprint: Reprint) -> None:
    """The reprint as cited, its parts marked where the citation gives them."""
    rest = reprint.cited
    marks: list[tuple[str, str, dict[str, str | None]]] = [
        *(("author", author, {}) for author in reprint.authors),
        ("title", reprint.title or "", {}),
        ("pubPlace", reprint.place or "", {}),
        ("publisher", reprint.publisher or "", {}),
        ("date", reprint.year or "", {"when": reprint.year}),
        ("biblScope", reprint.pages or "", {
            "unit": "page", "from_": reprint.page_from, "to": reprint.page_to,
        }),
    ]  # fmt: skip
    for tag, words, attrs in marks:
        at = rest.find(words) if words else -1
        if at < 0:
            continue
        append_text(bibl, rest[:at])
        tei(tag, bibl, **attrs).text = words
        rest = rest[at + len(words) :]
    append_text(bibl, rest)


def _ms_desc(
    ms_desc: etree._Element, copies: tuple[ArchivalCopy, ...], provenance: str | None
) -> None:
    """One msIdentifier (the first copy), an altIdentifier for each further copy. A Russian
    reference is given by its parts (fond, opis, delo, papka); in an altIdentifier, which
    tei_all allows one idno, the parts are marked inside the signature as given."""
    identifier = None
    for n, copy in enumerate(copies, start=1):
        if identifier is None:
            identifier = tei("msIdentifier", ms_desc, xml_id=f"copy{n}")
            tei("repository", identifier).text = copy.repository
            parts = [(key, getattr(copy, key)) for key in ARCHIVAL_PARTS if getattr(copy, key)]
            for key, value in parts:
                tei("idno", identifier, type=key).text = value
            if copy.shelfmark and not parts:
                tei("idno", identifier, type="shelfmark").text = copy.shelfmark
        elif copy.shelfmark:  # tei_all: an altIdentifier holds one idno
            target = tei("altIdentifier", identifier, xml_id=f"copy{n}", type="copy")
            tei("repository", target).text = copy.repository
            _marked_shelfmark(tei("idno", target, type="shelfmark"), copy)
    contents = tei("msContents", ms_desc)
    for n, copy in enumerate(copies, start=1):
        if n > 1 and not copy.shelfmark:
            continue  # a further repository cited without a signature: in the citation only
        item = tei("msItem", contents, corresp=f"#copy{n}")
        if copy.locus:
            locus = tei("locus", item, from_=copy.locus_from, to=copy.locus_to or copy.locus_from)
            locus.text = copy.locus
        tei("bibl", item, type="cited").text = copy.cited
    if provenance:
        tei("provenance", tei("history", ms_desc)).text = provenance


def _marked_shelfmark(idno: etree._Element, copy: ArchivalCopy) -> None:
    """The signature as given, its fond, opis, delo and papka marked where they stand."""
    rest = copy.shelfmark or ""
    for key in ARCHIVAL_PARTS:
        value = getattr(copy, key)
        at = rest.find(value) if value else -1
        if at < 0:
            continue
        append_text(idno, rest[:at])
        tei("idno", idno, type=key).text = value
        rest = rest[at + len(value) :]
    append_text(idno, rest)


def _profile_desc(profile: etree._Element, document: Document, ctx: Context) -> None:
    meta = document.metadata
    dated_by_sending = meta.kind in CORRESPONDENCE
    if meta.date and not dated_by_sending:
        creation = tei("creation", profile)
        if meta.place:
            tei("placeName", creation).text = meta.place
            append_text(creation, ", ")
        tei("date", creation, **dating_attributes(meta.date.value)).text = meta.date.text
    if meta.summary:
        abstract = tei("abstract", profile)
        for paragraph in meta.summary:
            tei("p", abstract).text = paragraph
    if ctx.hands:
        hand_notes = tei("handNotes", profile)
        for description, xml_id in ctx.hands.items():
            tei("handNote", hand_notes, xml_id=xml_id).text = description
    _lang_usage(tei("langUsage", profile), document)
    if meta.participants:
        persons = tei("listPerson", tei("particDesc", profile))
        for participant in meta.participants:
            _participant(persons, participant, ctx)
    if meta.senders or meta.addressees or meta.intermediaries or (meta.date and dated_by_sending):
        _corresp_desc(tei("correspDesc", profile), meta, dated_by_sending)


def _participant(persons: etree._Element, participant: Participant, ctx: Context) -> None:
    xml_id = ctx.speakers.get(participant.name)
    person = tei("person", persons, xml_id=xml_id, role=participant.role)
    tei("persName", person, ref=participant.ref).text = participant.name
    if participant.identification:
        note = tei("note", person, type="identification", place="inline", resp=ARCHIVE)
        note.text = participant.identification
    if participant.occupation:
        tei("occupation", person).text = participant.occupation


def _lang_usage(lang_usage: etree._Element, document: Document) -> None:
    """Exactly the languages of the versions present (ENCODING.md: no other)."""
    seen: list[str] = []
    for version in document.versions:
        if version.lang not in seen:
            seen.append(version.lang)
    if not document.versions:
        seen.append("und")  # the page has no text: its one division is undetermined
    for code in seen:
        tei("language", lang_usage, ident=code).text = LANGUAGE_LABELS.get(code, code)


def _corresp_desc(corresp: etree._Element, meta: Metadata, dated_by_sending: bool) -> None:
    date = meta.date if dated_by_sending else None
    if meta.senders or meta.origin or date or meta.cable_number:
        sent = tei("correspAction", corresp, type="sent")
        _parties(sent, meta.senders, meta.origin)
        if date:
            tei("date", sent, **dating_attributes(date.value)).text = date.text
        if meta.cable_number:
            tei("idno", sent, type="cable").text = meta.cable_number
    if meta.addressees:
        _parties(tei("correspAction", corresp, type="received"), meta.addressees, None)
    for party in meta.intermediaries:
        _parties(tei("correspAction", corresp, type="transmitted"), (party,), None)


def _parties(action: etree._Element, parties: tuple[Party, ...], origin: str | None) -> None:
    """Correspondents: each name with its role beside it and the archive's identification,
    then the one place they sent from or received at."""
    for party in parties:
        _name(action, party)
        if party.role:
            tei("roleName", action).text = party.role
        if party.identification:
            note = tei("note", action, type="identification", place="inline", resp=ARCHIVE)
            note.text = party.identification
    place = origin or next((p.place for p in parties if p.place), None)
    if place:
        tei("placeName", action).text = place


def _name(parent: etree._Element, party: Party) -> None:
    tei(PARTY_ELEMENT[party.kind], parent, ref=party.ref).text = party.name


def _revision_desc(revision: etree._Element, document: Document) -> None:
    source = document.source
    change = tei("change", revision, type="conversion")
    change.text = f"Converted by cablegram {__version__} from "
    tei("name", change, type="file").text = source.name
    append_text(change, " (SHA-256 ")
    tei("idno", change, type="SHA-256").text = source.sha256
    layout = f"), a {source.layout} export"
    append_text(
        change, layout + (" that stops before the document's end." if source.partial else ".")
    )
    if source.chrome:
        chrome = tei("change", revision, type="chrome")
        chrome.text = (
            "The export's page chrome was left out (running heads, the site's navigation "
            "and footer):"
        )
        items = tei("list", chrome)
        for text in source.chrome:
            tei("item", items).text = text
