"""The print edition: XSLT (xslt/print/volume.xsl) makes paged HTML, WeasyPrint the PDF.

The volume (edition.pdf) has a title page, the editorial principles, contents and an
index with page numbers resolved by the layout engine; each cable also gets a PDF of its
own. WeasyPrint may fetch only the stylesheet and fonts on this machine, never the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cablegram.errors import CablegramError
from cablegram.files import names_in, remove_existing, write_atomic
from cablegram.render.corpus import build_corpus
from cablegram.render.xslt import transform, xslt_dir
from cablegram.safexml import parse_xml

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass
class Volume:
    out: Path
    pdfs: list[Path] = field(default_factory=list)
    pages: int = 0


def _local_fetcher() -> object:
    """A WeasyPrint URL fetcher for local files and data: URLs only (no network)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def paged_html(cables: list, authority: Path, standalone: bool) -> str:
    stylesheet = xslt_dir() / "print" / "volume.xsl"
    corpus = build_corpus(cables, authority)
    return str(transform(stylesheet, corpus, standalone="yes" if standalone else "no"))


def render_pdf(html: str, target: Path) -> int:
    """Lay out paged HTML and write the PDF atomically; the number of pages."""
    from weasyprint import HTML

    base = (xslt_dir() / "print").as_uri() + "/"
    document = HTML(string=html, base_url=base, url_fetcher=_local_fetcher()).render()
    write_atomic(target, document.write_pdf())
    return len(document.pages)


def render_print(
    tei_files: Iterable[Path],
    out: Path,
    *,
    per_cable: bool = True,
    changed: set[Path] | None = None,
    volume_due: bool = True,
) -> Volume:
    """Typeset the volume and one PDF per cable; an incremental build passes the `changed`
    files (only their PDFs are made again) and whether the volume is due."""
    files = sorted(tei_files)
    if not files:
        raise CablegramError("no TEI files to print")
    authority = files[0].parent / "authority"
    own = [path for path in files if changed is None or path in changed] if per_cable else []
    # Only what is made is read: a rebuild with nothing due reads no TEI file at all.
    cables = {path: parse_xml(path) for path in (files if volume_due else own)}
    volume = Volume(out)
    if volume_due:
        html = paged_html(list(cables.values()), authority, standalone=False)
        write_atomic(out / "edition.html", html.encode())
        volume.pages = render_pdf(html, out / "edition.pdf")
        volume.pdfs.append(out / "edition.pdf")
    for path in own:
        tree = cables[path]
        xml_id = tree.getroot().get(XML_ID)
        target = cable_pdf(out, xml_id)
        render_pdf(paged_html([tree], authority, standalone=True), target)
        volume.pdfs.append(target)
    return volume


def cable_pdf(out: Path, xml_id: str) -> Path:
    """A cable's PDF in the print edition's directory."""
    return out / f"{xml_id}.pdf"


def cables_printed(out: Path) -> set[str]:
    """The ids of the cables whose PDF is in the print edition's directory."""
    return {Path(name).stem for name in names_in(out) if name.endswith(".pdf")}


def remove_cable_pdfs(out: Path, ids: Iterable[str]) -> list[Path]:
    """Remove the PDFs of cables no longer in the corpus; the files removed."""
    return remove_existing(cable_pdf(out, xml_id) for xml_id in ids)
