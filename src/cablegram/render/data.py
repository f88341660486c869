"""Data downloads: the corpus's metadata for other tools.

- `cmif.xml`: the Correspondence Metadata Interchange Format (CMIF) of the TEI
  Correspondence SIG, which correspSearch harvests: one `correspDesc` per letter-like
  document (the types dated by their sending, `CORRESPONDENCE`), its sender and addressee
  with the authority's URI (Wikidata, VIAF, GND, GeoNames) where the entry has one. Valid
  against the vendored schema (schemas/cmif/).
- `documents.csv`, `documents.json`: one row per document, every type.
- `tei.zip`: the corpus itself, with its authority files and schemas (`archive`).
- `sitemap.xml`: every page of the site, only when the edition has a `base_url` (the
  sitemap protocol takes absolute URLs only).

`cablegram export` writes one of them; the web edition writes them all into `data/`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from lxml import etree

from cablegram.edition import Edition
from cablegram.errors import CablegramError
from cablegram.files import tei_files, write_atomic
from cablegram.render.archive import ARCHIVE, corpus_zip
from cablegram.render.corpus import TEI_NS, XML_ID
from cablegram.render.print import CORRESPONDENCE
from cablegram.render.redirects import LISTING
from cablegram.safexml import parse_xml

TEI = f"{{{TEI_NS}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FORMATS = {"cmif": "cmif.xml", "csv": "documents.csv", "json": "documents.json"}
DATA_DIR = "data"
SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# an authority file's idno/@type -> the URI its value is the last part of
AUTHORITY_URIS = {
    "wikidata": "http://www.wikidata.org/entity/",
    "viaf": "http://viaf.org/viaf/",
    "gnd": "http://d-nb.info/gnd/",
    "geonames": "http://sws.geonames.org/",
}
DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")
CSV_COLUMNS = (
    "id",
    "type",
    "title",
    "date",
    "senders",
    "addressees",
    "persons",
    "places",
    "orgs",
    "versions",
    "languages",
    "page_url",
    "tei_url",
)
UNKNOWN = "Unknown"  # CMIF's name for a correspondent the document does not name


@dataclass(frozen=True)
class Entry:
    """An authority entry: its id, its preferred name, its URI elsewhere ('' when none)."""

    id: str
    name: str
    uri: str


@dataclass(frozen=True)
class Party:
    """A sender or an addressee: the name (the authority's preferred form when the name
    points at an entry, else as written), `person` or `org`, the entry's id and URI."""

    name: str
    kind: str
    entry: str = ""
    uri: str = ""


@dataclass(frozen=True)
class Action:
    """A correspAction: who, from or at which place, when (its date attributes)."""

    parties: tuple[Party, ...] = ()
    place: Party | None = None
    dates: dict[str, str] = field(default_factory=dict)


@dataclass
class Document:
    """What the data downloads say of one TEI document."""

    id: str
    type: str
    title: str
    date: str  # ISO 8601: a day, month or year; a span as FROM/TO ('..' an open end)
    sent: Action
    received: Action
    persons: list[str]
    places: list[str]
    orgs: list[str]
    versions: list[str]
    languages: list[str]
    page_url: str
    tei_url: str

    def row(self) -> dict[str, object]:
        """The document's row (CSV and JSON alike; lists joined by '; ' in the CSV)."""
        return {
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "date": self.date,
            "senders": [p.entry or p.name for p in self.sent.parties],
            "addressees": [p.entry or p.name for p in self.received.parties],
            "persons": self.persons,
            "places": self.places,
            "orgs": self.orgs,
            "versions": self.versions,
            "languages": self.languages,
            "page_url": self.page_url,
            "tei_url": self.tei_url,
        }


class Authority:
    """The authority files' entries, by (file name, id): what a name's `@ref`
    (`authority/persons.xml#stalin`) points at."""

    def __init__(self, folder: Path) -> None:
        self.entries: dict[tuple[str, str], Entry] = {}
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.xml")):
            for element in (
                parse_xml(path).getroot().iter(f"{TEI}person", f"{TEI}place", f"{TEI}org")
            ):
                entry_id = element.get(XML_ID)
                if entry_id:
                    self.entries[(path.name, entry_id)] = Entry(
                        entry_id, _preferred(element), _uri(element)
                    )

    def find(self, ref: str) -> Entry | None:
        """The entry of the first token of `ref` that names one."""
        for token in ref.split():
            name, _, entry_id = token.rpartition("#")
            if entry := self.entries.get((name.rpartition("/")[2], entry_id)):
                return entry
        return None


def _preferred(entry: etree._Element) -> str:
    """An entry's preferred English name (else its first preferred, else its first)."""
    names = [child for child in entry if etree.QName(child).localname.endswith("Name")]
    ranked = sorted(names, key=lambda n: (n.get("type") != "preferred", n.get(XML_LANG) != "en"))
    return _text(ranked[0]) if ranked else entry.get(XML_ID, "")


def _uri(entry: etree._Element) -> str:
    """The entry's URI in the first authority cablegram knows it in ('' when none)."""
    for idno in entry.iterfind(f"{TEI}idno"):
        prefix = AUTHORITY_URIS.get((idno.get("type") or "").lower())
        value = (idno.text or "").strip()
        if prefix and value:
            return value if value.startswith(("http://", "https://")) else prefix + value
    return ""


def _text(element: etree._Element) -> str:
    """An element's text without its notes, its white space collapsed."""
    parts = [
        text
        for text in element.xpath(
            "descendant::text()[not(ancestor::tei:note)]", namespaces={"tei": TEI_NS}
        )
    ]
    return " ".join("".join(parts).split())


def tei_paths(paths: Iterable[Path]) -> list[Path]:
    """The TEI files of `paths` (`files.tei_files`), at least one."""
    files = tei_files(paths)
    if not files:
        raise CablegramError("no TEI files to export")
    return files


def read_documents(files: list[Path], base_url: str = "") -> list[Document]:
    """The documents of the TEI files, in the order of their ids; the authority files are
    those of authority/ beside the first file (as the web edition takes them)."""
    authority = Authority(files[0].parent / "authority")
    documents = [read_document(path, authority, base_url) for path in files]
    return sorted(documents, key=lambda d: d.id)


def read_document(path: Path, authority: Authority, base_url: str = "") -> Document:
    """One TEI document's metadata; a `CablegramError` when the file is no TEI document."""
    root = parse_xml(path).getroot()
    if root.tag != f"{TEI}TEI" or root.find(f"{TEI}teiHeader") is None:
        raise CablegramError(f"{path}: not a TEI document (its root is <{root.tag}>)")
    xml_id = root.get(XML_ID) or path.stem
    text = root.find(f"{TEI}text")
    kind = text.get("type") if text is not None else None
    if not kind:
        raise CablegramError(f"{path}: not a document of the edition (no text/@type)")
    header = root.find(f"{TEI}teiHeader")
    title = header.find(f"{TEI}fileDesc/{TEI}titleStmt/{TEI}title")
    sent = _action(header.find(f".//{TEI}correspDesc/{TEI}correspAction[@type='sent']"), authority)
    received = _action(
        header.find(f".//{TEI}correspDesc/{TEI}correspAction[@type='received']"), authority
    )
    created = header.find(f"{TEI}profileDesc/{TEI}creation/{TEI}date")
    creation = {
        a: created.get(a, "") for a in DATE_ATTRIBUTES if created is not None and created.get(a)
    }
    first, other = (sent.dates, creation) if kind in CORRESPONDENCE else (creation, sent.dates)
    versions = [div for div in root.iterfind(f"{TEI}text/{TEI}body/{TEI}div")]
    languages = list(dict.fromkeys(div.get(XML_LANG, "") for div in versions))
    return Document(
        id=xml_id,
        type=kind,
        title=_text(title) if title is not None else "",
        date=iso_date(first or other),
        sent=sent,
        received=received,
        persons=_mentions(root, "persName", authority),
        places=_mentions(root, "placeName", authority),
        orgs=_mentions(root, "orgName", authority),
        versions=[
            "-".join(filter(None, (div.get("type"), div.get("subtype")))) for div in versions
        ],
        languages=[lang for lang in languages if lang],
        page_url=f"{base_url}{xml_id}.html",
        tei_url=f"{base_url}tei/{xml_id}.xml",
    )


def iso_date(dates: dict[str, str]) -> str:
    """A date's attributes as one ISO 8601 value: `@when` (without a time), else the span
    or bounds as `FROM/TO` with `..` for an open end (ISO 8601-2); '' when undated."""
    if dates.get("when"):
        return dates["when"].partition("T")[0]
    start = dates.get("from") or dates.get("notBefore") or ""
    end = dates.get("to") or dates.get("notAfter") or ""
    if not start and not end:
        return ""
    return f"{start or '..'}/{end or '..'}"


def _action(element: etree._Element | None, authority: Authority) -> Action:
    if element is None:
        return Action()
    parties = []
    for name in element:
        local = etree.QName(name).localname
        if local in ("persName", "orgName"):
            parties.append(_party(name, "person" if local == "persName" else "org", authority))
    place = element.find(f"{TEI}placeName")
    date_element = element.find(f"{TEI}date")
    dates = {}
    if date_element is not None:
        dates = {a: date_element.get(a, "") for a in DATE_ATTRIBUTES if date_element.get(a)}
    return Action(
        tuple(parties),
        _party(place, "place", authority) if place is not None else None,
        dates,
    )


def _party(name: etree._Element, kind: str, authority: Authority) -> Party:
    entry = authority.find(name.get("ref", ""))
    if entry is None:
        return Party(_text(name), kind)
    return Party(entry.name or _text(name), kind, entry.id, entry.uri)


def _mentions(root: etree._Element, element: str, authority: Authority) -> list[str]:
    """The entries (their ids) a document names with `element`, in the header and the text,
    and the names written without an entry; each once, in the order first named."""
    found: dict[str, None] = {}
    for name in root.iter(f"{TEI}{element}"):
        if name.getparent() is not None and etree.QName(name.getparent()).localname in (
            "respStmt",
        ):
            continue  # the edition's own people (translator, encoder), not the document's
        entry = authority.find(name.get("ref", ""))
        label = entry.id if entry is not None else _text(name)
        if label:
            found[label] = None
    return list(found)


# ---- the formats


def to_csv(documents: list[Document]) -> bytes:
    """One row per document; a list's items joined by '; '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for document in documents:
        row = document.row()
        writer.writerow(
            ["; ".join(v) if isinstance(v, list) else v for v in (row[c] for c in CSV_COLUMNS)]
        )
    return buffer.getvalue().encode("utf-8")


def to_json(documents: list[Document]) -> bytes:
    """A list of rows, with the senders and addressees in full as well (name, entry, URI)."""
    rows = []
    for document in documents:
        row = document.row()
        row["correspondence"] = {
            "sent": _action_json(document.sent),
            "received": _action_json(document.received),
        }
        rows.append(row)
    return (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _action_json(action: Action) -> dict[str, object]:
    return {
        "parties": [asdict(p) for p in action.parties],
        "place": asdict(action.place) if action.place else None,
        "date": action.dates,
    }


def to_cmif(documents: list[Document], edition: Edition) -> bytes:
    """The CMIF file of the letter-like documents (`CORRESPONDENCE`): the edition in the
    header (title, editors, publisher, licence), one `correspDesc` per document pointing at
    its page, with both correspActions (CMIF requires them; a party the document does not
    name is `Unknown`, as correspSearch reads it)."""
    base = edition.base_url
    root = etree.Element(f"{TEI}TEI", nsmap={None: TEI_NS})
    header = etree.SubElement(root, f"{TEI}teiHeader")
    file_desc = etree.SubElement(header, f"{TEI}fileDesc")
    title_stmt = etree.SubElement(file_desc, f"{TEI}titleStmt")
    _sub(title_stmt, "title", f"{edition.title}: correspondence metadata (CMIF)")
    for editor in edition.editors or (edition.publisher or edition.title,):
        _sub(title_stmt, "editor", editor)
    publication = etree.SubElement(file_desc, f"{TEI}publicationStmt")
    publisher = etree.SubElement(publication, f"{TEI}publisher")
    if base:
        _sub(publisher, "ref", edition.publisher or edition.title, target=base)
    else:
        publisher.text = edition.publisher or edition.title
    _sub(publication, "idno", f"{base}{DATA_DIR}/{FORMATS['cmif']}", type="url")
    _sub(publication, "date", when=_today())
    availability = etree.SubElement(publication, f"{TEI}availability")
    if edition.licence_url:
        _sub(availability, "licence", edition.licence, target=edition.licence_url)
    else:
        _sub(availability, "p", "The edition declares no licence ([edition] licence).")
    source = etree.SubElement(file_desc, f"{TEI}sourceDesc")
    # CMIF recommends a UUID; an xml:id cannot start with a digit, so it follows a prefix
    bibl_id = "cmif-" + str(uuid.uuid5(uuid.NAMESPACE_URL, base or f"cablegram:{edition.title}"))
    bibl = _sub(
        source,
        "bibl",
        edition.title + (f". {edition.subtitle}" if edition.subtitle else "") + ". ",
        type="online" if base else "hybrid",
        **{XML_ID: bibl_id},
    )
    if base:
        _sub(bibl, "ref", base, target=base)
    profile = etree.SubElement(header, f"{TEI}profileDesc")
    for document in documents:
        if document.type not in CORRESPONDENCE:
            continue
        desc = _sub(profile, "correspDesc", ref=document.page_url, source=f"#{bibl_id}")
        _cmif_action(desc, "sent", document.sent)
        _cmif_action(desc, "received", document.received)
    body = etree.SubElement(etree.SubElement(root, f"{TEI}text"), f"{TEI}body")
    etree.SubElement(body, f"{TEI}p")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _cmif_action(desc: etree._Element, kind: str, action: Action) -> None:
    element = _sub(desc, "correspAction", type=kind)
    for party in action.parties:
        tag = "persName" if party.kind == "person" else "orgName"
        _sub(element, tag, party.name, **({"ref": party.uri} if party.uri else {}))
    if not action.parties:
        _sub(element, "persName", UNKNOWN)
    if action.place is not None:
        place = action.place
        _sub(element, "placeName", place.name, **({"ref": place.uri} if place.uri else {}))
    if action.dates:
        _sub(element, "date", **action.dates)


def _sub(parent: etree._Element, tag: str, text: str = "", **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{TEI}{tag}", attributes)
    if text:
        element.text = text
    return element


def _today() -> str:
    """The date of the file: today, or the day of SOURCE_DATE_EPOCH when it is set (a
    reproducible build)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    return date.today().isoformat()


def render(documents: list[Document], fmt: str, edition: Edition) -> bytes:
    """One data download's bytes (`fmt`: a key of FORMATS)."""
    if fmt == "cmif":
        return to_cmif(documents, edition)
    if fmt == "csv":
        return to_csv(documents)
    if fmt == "json":
        return to_json(documents)
    raise CablegramError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


def file_name(fmt: str) -> str:
    """The file a format is written to (`cmif` → cmif.xml); an unknown format is an error."""
    if fmt not in FORMATS:
        raise CablegramError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    return FORMATS[fmt]


def export(paths: Iterable[Path], fmt: str, out: Path, edition: Edition) -> int:
    """Write one data download of the TEI files of `paths` to `out` (atomically: on any
    error nothing is written); the number of documents."""
    file_name(fmt)
    documents = read_documents(tei_paths(paths), edition.base_url)
    write_atomic(out, render(documents, fmt, edition))
    return len(documents)


def write_site_data(files: list[Path], site: Path, edition: Edition | None) -> list[Path]:
    """The site's data/ (every format, and the corpus as tei.zip) and, with a base_url,
    its sitemap.xml; the files written or changed. A sitemap there from a base_url since
    removed is removed."""
    edition = edition or Edition(root=Path.cwd())
    documents = read_documents(files, edition.base_url)
    written = []
    for fmt, name in FORMATS.items():
        target = site / DATA_DIR / name
        if _changed(target, render(documents, fmt, edition)):
            written.append(target)
    if _changed(site / ARCHIVE, corpus_zip(files, site)):
        written.append(site / ARCHIVE)
    target = site / SITEMAP
    if not edition.base_url:
        target.unlink(missing_ok=True)
    elif _changed(target, sitemap(site, edition.base_url)):
        written.append(target)
    return written


def site_data_files(site: Path, edition: Edition | None) -> list[Path]:
    """The files `write_site_data` writes into `site` for `edition`."""
    made = [site / DATA_DIR / name for name in FORMATS.values()] + [site / ARCHIVE]
    return made + ([site / SITEMAP] if edition is not None and edition.base_url else [])


def _changed(target: Path, data: bytes) -> bool:
    """Write `data` unless `target` holds it already; whether it was written."""
    if target.is_file() and target.read_bytes() == data:
        return False
    write_atomic(target, data)
    return True


def site_pages(site: Path) -> list[str]:
    """The site's pages (names relative to it), sorted, without the pages that only
    redirect to a document's new id (listed in redirects.json)."""
    redirects: set[str] = set()
    listing = site / LISTING
    if listing.is_file():
        try:
            redirects = {f"{old}.html" for old in json.loads(listing.read_text("utf-8"))}
        except (OSError, ValueError) as exc:
            raise CablegramError(f"{listing}: cannot be read ({exc})") from exc
    return [page.name for page in sorted(site.glob("*.html")) if page.name not in redirects]


def sitemap(site: Path, base_url: str) -> bytes:
    """A sitemap (sitemaps.org 0.9) of the site's pages, at absolute URLs under `base_url`."""
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})
    for name in site_pages(site):
        url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = base_url + (
            "" if name == "index.html" else name
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
