"""The print edition's PDFs as archives keep them: PDF/A-3b, described, carrying their TEI,
tagged.

- **PDF/A-3b** (ISO 19005-3, WeasyPrint's `pdf_variant`): fonts embedded, an sRGB output
  intent, XMP metadata. PDF/A-3 is the part that allows attached files of any type, so the
  archival PDF carries its own source: a cable's PDF its TEI file, a volume the TEI files
  of its cables, each attached with the relationship "Source" (the authority files are
  not attached: one of them serves the whole edition, and every cable's PDF would carry
  it). The attachment's dates are the TEI file's modification time, so a PDF made again
  from the same files is the same bytes.
- **XMP** from the edition's configuration: WeasyPrint writes the title, the editors (as one
  creator: PDF/A wants the document information's Author to equal dc:creator's first
  item), the subtitle and the producer; this module adds the licence (dc:rights,
  xmpRights), the publisher, the languages of the text, the edition's date and version
  (xmpMM:VersionID), all in
  schemas PDF/A predefines (a property of another schema would need an extension schema).
- **Tagged** (`tagged`): WeasyPrint 70 builds the structure tree (headings, paragraphs,
  lists, links, tables) but gives no element a language, and makes a footnote a /Span. A
  passage in another language than the page's must carry one (PDF/UA, 7.2), and a note is
  a /Note (7.9), so the tree builder is wrapped: an element made from an HTML element with
  its own `lang` gets it as /Lang, a footnote becomes a /Note (render/weasyprint_fixes.py;
  a test reads them back).

Tagging costs: every line of text becomes a structure element of its own (a /Span holding
one marked-content sequence), and every text run is bracketed in the page's content
stream; on the 100-cable volume that is some 21,000 elements (12,000 of them such /Span),
about 1.8 times the untagged file. `tagged=False` (`--untagged`) leaves them out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from cablegram.edition import Edition
from cablegram.files import write_atomic
from cablegram.render.weasyprint_fixes import complete_tags

VARIANT = "pdf/a-3b"
TEI_MEDIA_TYPE = "/application#2ftei+xml"  # a PDF name: '/' written #2f
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
XMP_MM = "http://ns.adobe.com/xap/1.0/mm/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Keeping:
    """What an archival PDF says of itself beyond its pages and carries with it: the
    edition's licence, publisher, date and version, the languages of its text, its TEI sources,
    and whether it is tagged."""

    licence: str = ""
    licence_url: str = ""
    publisher: str = ""
    date: str = ""
    version: str = ""
    languages: tuple[str, ...] = ()
    sources: tuple[Path, ...] = ()
    tagged: bool = True

    @classmethod
    def of(cls, edition: Edition | None, tagged: bool = True) -> Keeping:
        """What the edition's configuration says (nothing, without one)."""
        if edition is None:
            return cls(tagged=tagged)
        return cls(
            licence=edition.licence,
            licence_url=edition.licence_url,
            publisher=edition.publisher,
            date=edition.date,
            version=edition.version,
            tagged=tagged,
        )

    def carrying(self, sources: list[Path], languages: list[str]) -> Keeping:
        """The same, for a PDF of these TEI files, whose text is in these languages."""
        return replace(self, sources=tuple(sources), languages=tuple(dict.fromkeys(languages)))


def write_archival(document: Any, target: Path, keeping: Keeping) -> None:
    """Write a laid-out WeasyPrint document as a PDF/A-3b file (atomically): its XMP
    completed from `keeping`, its TEI sources attached, tagged if `keeping.tagged`."""
    from weasyprint import Attachment

    from cablegram import __version__

    document.metadata.generator = f"cablegram {__version__}"
    if keeping.tagged:
        complete_tags()
    _complete_xmp(document.metadata, keeping)
    attachments = [
        Attachment(
            filename=str(path),
            name=path.name,
            description=f"TEI P5 source of {target.name}",
            created=(when := _modified(path)),
            modified=when,
            relationship="Source",
        )
        for path in keeping.sources
    ]
    data = document.write_pdf(
        pdf_variant=VARIANT,
        pdf_tags=keeping.tagged,
        attachments=attachments,
        finisher=_finish,
    )
    write_atomic(target, data)


def _finish(document: Any, pdf: Any) -> None:
    """Give the attached files TEI's own media type (RFC 6129; WeasyPrint guesses text/xml
    from the name) and list each once among the document's associated files (WeasyPrint 70
    adds one to /AF from the embedded-files name tree and again as a file specification)."""
    for made in pdf.objects:
        extra = getattr(made, "extra", None)
        if isinstance(extra, dict) and extra.get("Type") == "/EmbeddedFile":
            extra["Subtype"] = TEI_MEDIA_TYPE
    if "AF" in pdf.catalog:
        pdf.catalog["AF"][:] = list(dict.fromkeys(pdf.catalog["AF"]))


def _modified(path: Path) -> datetime:
    return datetime.fromtimestamp(os.stat(path).st_mtime, UTC)


def _complete_xmp(metadata: Any, keeping: Keeping) -> None:
    """Add the edition's licence, publisher, date and the text's languages to the XMP that
    WeasyPrint makes of the document's metadata (its own rdf:RDF, extended in place: one
    packet, one RDF element, as XMP wants)."""
    made = metadata.generate_rdf_metadata

    def generate(*args: Any) -> bytes:
        rdf = ElementTree.fromstring(made(*args))
        about = ElementTree.SubElement(rdf, f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""})
        if keeping.licence:
            rights = f"{keeping.licence} {keeping.licence_url}".strip()
            _container(about, f"{{{DC}}}rights", "Alt", [rights], default_language=True)
            ElementTree.SubElement(about, f"{{{XMP_RIGHTS}}}Marked").text = "True"
            if keeping.licence_url:
                statement = ElementTree.SubElement(about, f"{{{XMP_RIGHTS}}}WebStatement")
                statement.text = keeping.licence_url
        if keeping.publisher:
            _container(about, f"{{{DC}}}publisher", "Bag", [keeping.publisher])
        if keeping.languages:
            _container(about, f"{{{DC}}}language", "Bag", list(keeping.languages))
        if keeping.date:
            _container(about, f"{{{DC}}}date", "Seq", [keeping.date])
        if keeping.version:
            ElementTree.SubElement(about, f"{{{XMP_MM}}}VersionID").text = keeping.version
        return ElementTree.tostring(rdf, encoding="utf-8")

    metadata.generate_rdf_metadata = generate


def _container(
    parent: ElementTree.Element,
    name: str,
    kind: str,
    values: list[str],
    default_language: bool = False,
) -> None:
    """An XMP array property (rdf:Bag, rdf:Seq, or rdf:Alt of languages) of `values`."""
    array = ElementTree.SubElement(ElementTree.SubElement(parent, name), f"{{{RDF}}}{kind}")
    for value in values:
        item = ElementTree.SubElement(array, f"{{{RDF}}}li")
        if default_language:
            item.set(XML_LANG, "x-default")
        item.text = value
