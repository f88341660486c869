"""The print edition: XSLT (xslt/print/volume.xsl) makes paged HTML, WeasyPrint the PDF.

The volume (edition.pdf; beyond VOLUME_SIZE cables, volumes edition-1.pdf, edition-2.pdf
… and edition-index.pdf, the index of them all) has a title page, contents, the editorial
principles and indexes of persons, places and organisations giving every page on which an
entry is named (laid out after the volume: render/print_index.py); each cable also gets a
PDF of its own. The parallel print
(`parallel`) sets a document's original and its translation facing each other, group by
group of linked blocks (render/facing.py), in the volumes and the cables' own PDFs alike.
WeasyPrint may fetch only the stylesheet and fonts on this machine, never the network.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from cablegram.edition import Edition
from cablegram.errors import CablegramError
from cablegram.files import names_in, remove_existing, write_atomic
from cablegram.hashes import combine
from cablegram.parallel import parallel_map
from cablegram.render import facing
from cablegram.render.archival import Keeping, write_archival
from cablegram.render.corpus import CG_NS, TEI_NS, build_corpus
from cablegram.render.messages import message
from cablegram.render.print_index import (
    edition_index_html,
    lay_out_volume,
    read_pages,
    sidecar,
    write_pages,
)
from cablegram.render.weasyprint_fixes import keep_footnotes_by_their_calls
from cablegram.render.xslt import Styles
from cablegram.safexml import parse_xml

if TYPE_CHECKING:
    from weasyprint.document import Document

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# Types dated by their sending (correspAction[@type='sent']/date); the others by their
# making (profileDesc/creation/date).
CORRESPONDENCE = {"cable", "letter", "report", "decree"}
TEI = f"{{{TEI_NS}}}"


# Cables per volume. WeasyPrint holds a volume's whole layout in memory (100 cables: about
# 460 MB and 22 s; 1,000 cables: over 2 GB and many minutes), so a larger corpus is printed
# in volumes of this many cables, in the order of the contents, each with its own title
# page, contents and index; a change makes again only the volumes it touches.
VOLUME_SIZE = 100


@dataclass
class Volume:
    """A print edition made: the PDFs written, the pages typeset in the volumes made,
    every volume's digest (what it was made from), by file name, made now or kept; why
    each file given that could not be typeset was left out."""

    out: Path
    pdfs: list[Path] = field(default_factory=list)
    pages: int = 0
    volumes: dict[str, str] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)


def _local_fetcher() -> object:
    """A WeasyPrint URL fetcher for local files and data: URLs only (no network)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def document_order(root: etree._Element) -> tuple[bool, str, str, str]:
    """A document's place in the volume: by its date (the sent date of correspondence,
    the date of creation of the other types, either one when the other is missing; a span
    or bounded date by its start), the undated last, then by its number and its id. The
    web's index (xslt/web/summary.xsl, render.summaries) orders alike."""
    sent = root.find(f"{TEI}teiHeader//{TEI}correspAction[@type='sent']")
    sent_date = sent.find(f"{TEI}date") if sent is not None else None
    created = root.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}creation/{TEI}date")
    text = root.find(f"{TEI}text")
    kind = (text.get("type") if text is not None else None) or "cable"
    first, other = (sent_date, created) if kind in CORRESPONDENCE else (created, sent_date)
    date = first if first is not None else other
    when = ""
    if date is not None:
        when = next(
            (date.get(a) for a in ("when", "from", "notBefore", "notAfter") if date.get(a)), ""
        )
    number = (sent.findtext(f"{TEI}idno") if sent is not None else None) or ""
    return not when, when, number, root.get(XML_ID, "")


def paged_html(
    cables: list,
    authority: Path,
    standalone: bool,
    label: str = "",
    styles: Styles | None = None,
    parallel: bool = False,
) -> str:
    """`label`: the volume's place in an edition of several ('Volume 2 of 5 …'). The
    cables are set in `document_order`; `parallel`: originals and translations facing."""
    styles = styles or Styles.of(None)
    cables = sorted(cables, key=lambda tree: document_order(tree.getroot()))
    corpus = build_corpus(cables, authority)
    if parallel:  # (on the corpus's copies: the trees given are left as they are)
        for root in corpus.getroot().iterfind(f"{{{CG_NS}}}cables/{TEI}TEI"):
            facing.mark(root)
    flag = "yes" if standalone else "no"
    return str(
        styles.transform(
            "print/volume.xsl",
            corpus,
            standalone=flag,
            parallel="yes" if parallel else "no",
            **{"volume-label": label},
        )
    )


def render_pdf(
    html: str, target: Path, styles: Styles | None = None, keeping: Keeping | None = None
) -> int:
    """Lay out paged HTML and write it as an archival PDF (render/archival.py), atomically;
    the number of pages."""
    document = lay_out(html, styles)
    write_archival(document, target, keeping or Keeping())
    return len(document.pages)


def lay_out(html: str, styles: Styles | None = None) -> Document:
    """WeasyPrint's layout of paged HTML (its stylesheet and fonts found beside print.css),
    every footnote on its call's page (render/weasyprint_fixes.py)."""
    from weasyprint import HTML

    keep_footnotes_by_their_calls()
    base = (styles or Styles.of(None)).path("print").as_uri() + "/"
    return HTML(string=html, base_url=base, url_fetcher=_local_fetcher()).render()


def text_languages(trees: Iterable[etree._ElementTree]) -> list[str]:
    """The languages of the documents' texts (their versions' and passages' xml:lang), in
    the order they first appear."""
    found: dict[str, None] = {}
    for tree in trees:
        for text in tree.getroot().iterfind(f"{TEI}text"):
            for language in text.xpath(".//@xml:lang"):
                found.setdefault(str(language), None)
    return list(found)


def render_volume(
    html: str, authority: Path, target: Path, styles: Styles, keeping: Keeping
) -> int:
    """Lay out a volume with its indexes (render/print_index.py), write the PDF and beside
    it its entries' pages; the number of pages."""
    document, pages = lay_out_volume(html, authority, styles, lambda page: lay_out(page, styles))
    write_archival(document, target, keeping)
    write_pages(target, pages)
    return len(document.pages)


def render_print(
    tei_files: Iterable[Path],
    out: Path,
    *,
    per_cable: bool = True,
    changed: set[Path] | None = None,
    volume_due: bool = True,
    volume_size: int = VOLUME_SIZE,
    made: dict[str, str] | None = None,
    context: str = "",
    jobs: int | None = None,
    edition: Edition | None = None,
    parallel: bool = False,
    tagged: bool = True,
) -> Volume:
    """Typeset the volumes and one PDF per cable (on `jobs` processes); `parallel`: each
    original facing its translation (the module's docstring); `tagged`: tagged PDF
    (render/archival.py). An incremental
    build passes the `changed` files (only their PDFs are made again), whether the volumes
    may be due, the digests of the volumes it `made` before (a volume whose digest holds
    and whose file is there is kept) and the `context` of the digests (the authority files,
    the stylesheets, the code)."""
    files = sorted(tei_files)
    if not files:
        raise CablegramError("no TEI files to print")
    if volume_size < 1:
        raise CablegramError(f"a volume holds at least one cable, not {volume_size}")
    authority = files[0].parent / "authority"
    styles = Styles.of(edition)
    setting = Setting(styles, Keeping.of(edition, tagged), parallel)
    volume = Volume(out, volumes=dict(made or {}))
    if volume_due:  # only then is every TEI file read (to put the cables in order)
        volume.volumes = _volumes(
            files, authority, out, volume_size, made or {}, context, volume, setting
        )
    own = [path for path in files if changed is None or path in changed] if per_cable else []
    tasks = [(path, authority, out, setting) for path in own]
    volume.pdfs += parallel_map(_cable_pdf, tasks, jobs)
    return volume


def _volumes(
    files: list[Path],
    authority: Path,
    out: Path,
    size: int,
    made: dict[str, str],
    context: str,
    volume: Volume,
    setting: Setting,
) -> dict[str, str]:
    """Typeset the volumes whose cables (or context) changed, one after the other (each
    holds a volume's layout), and of several volumes their index when one was made again
    (from the pages kept beside each: the others are not laid out again); remove those of
    an earlier, longer edition; every volume's digest."""
    cables = sorted(_placed(path) for path in files)  # (order, sha, path), each read once
    parts = [cables[i : i + size] for i in range(0, len(cables), size)]
    names = volume_names(len(parts))
    digests = {}
    language = setting.language
    # (a plain, tagged volume's digest as before)
    layout = [
        *(["parallel"] if setting.parallel else []),
        *([] if setting.keeping.tagged else ["untagged"]),
    ]
    for number, (name, part) in enumerate(zip(names, parts, strict=True), 1):
        digests[name] = combine(
            name, str(len(parts)), context, *layout, *(sha for _, sha, _ in part)
        )
        kept = (out / name).exists() and read_pages(out / name) is not None
        if made.get(name) == digests[name] and kept:
            continue
        first = size * (number - 1) + 1
        label = _label(number, len(parts), first, first + len(part) - 1, len(cables), language)
        paths = [path for *_, path in part]
        trees = [parse_xml(path) for path in paths]
        html = paged_html(trees, authority, False, label, setting.styles, setting.parallel)
        write_atomic((out / name).with_suffix(".html"), html.encode())
        keeping = setting.keeping.carrying(paths, [language, *text_languages(trees)])
        volume.pages += render_volume(html, authority, out / name, setting.styles, keeping)
        volume.pdfs.append(out / name)
    index = out / EDITION_INDEX
    remade = any(pdf.name in digests for pdf in volume.pdfs)
    if len(parts) > 1 and (remade or not index.exists()):
        # (each volume's pages are there: kept with it, or written with it just now)
        numbered = [(n, read_pages(out / name) or {}) for n, name in enumerate(names, 1)]
        html = edition_index_html(authority, numbered, setting.styles)
        keeping = setting.keeping.carrying([], [language])
        volume.pages += render_pdf(html, index, setting.styles, keeping)
        volume.pdfs.append(index)
    for stale in out.glob("edition*.pdf"):
        if stale.name not in digests and (stale != index or len(parts) == 1):
            remove_existing([stale, stale.with_suffix(".html"), sidecar(stale)])
    return digests


# The index of an edition of several volumes: each entry's volumes and pages
EDITION_INDEX = "edition-index.pdf"


def volume_names(count: int) -> list[str]:
    """The file names of an edition in `count` volumes."""
    return ["edition.pdf"] if count == 1 else [f"edition-{n}.pdf" for n in range(1, count + 1)]


def _placed(path: Path) -> tuple[tuple[bool, str, str, str], str, Path]:
    """A cable's place in the volumes (`document_order`) and the hash of its file, from
    one reading."""
    data = path.read_bytes()
    order = document_order(parse_xml(path, data).getroot())
    return order, hashlib.sha256(data).hexdigest(), path


def _label(number: int, count: int, first: int, last: int, total: int, language: str = "en") -> str:
    """'Volume 2 of 5: documents 101–200 of 480', in the interface language; '' for an
    edition of one volume."""
    if count == 1:
        return ""
    return message("print.volume", language, number, count, first, last, total)


@dataclass(frozen=True)
class Setting:
    """How the print edition is set: its stylesheets, what its PDFs keep (archival.py),
    and whether originals face their translations."""

    styles: Styles
    keeping: Keeping
    parallel: bool = False

    @property
    def language(self) -> str:
        """The interface language the stylesheets are given (the PDFs' own)."""
        return dict(self.styles.params).get("edition-language", "en")


def _cable_pdf(task: tuple[Path, Path, Path, Setting]) -> Path:
    """One cable's own PDF."""
    path, authority, out, setting = task
    tree = parse_xml(path)
    target = cable_pdf(out, tree.getroot().get(XML_ID))
    html = paged_html([tree], authority, True, styles=setting.styles, parallel=setting.parallel)
    keeping = setting.keeping.carrying([path], [setting.language, *text_languages([tree])])
    render_pdf(html, target, setting.styles, keeping)
    return target


def cable_pdf(out: Path, xml_id: str) -> Path:
    """A cable's PDF in the print edition's directory."""
    return out / f"{xml_id}.pdf"


def cables_printed(out: Path) -> set[str]:
    """The ids of the cables whose PDF is in the print edition's directory."""
    names = names_in(out)
    return {Path(n).stem for n in names if n.endswith(".pdf") and not n.startswith("edition")}


def remove_cable_pdfs(out: Path, ids: Iterable[str]) -> list[Path]:
    """Remove the PDFs of cables no longer in the corpus; the files removed."""
    return remove_existing(cable_pdf(out, xml_id) for xml_id in ids)
