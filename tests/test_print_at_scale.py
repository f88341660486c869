"""The print edition at scale: 300 documents (the converted seeds, variants and samples,
copied round to 300 with ids of their own: benchmarks/corpus.py `copies`) printed as a
build prints them, in three volumes of 100, tagged, with the index of the edition.

Each volume is checked on the very layout written to its PDF (the writer is wrapped for the
test, to look at the document before writing it): no page holds only a closer, every
footnote sits on the page of its call. And on its PDF's text (pdftotext): every page its
indexes give for an entry holds a form of the entry, and every page on which a mention's
text stands is given for it.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.render import print as print_edition
from cablegram.render.archival import Keeping
from cablegram.safexml import parse_xml
from conftest import ROOT
from print_checks import OffPage, footnote_pages, off_their_page, pages_with_only_a_closer
from test_print import (
    POPPLER,
    XML_ID,
    Entry,
    cables_in,
    index_entries,
    index_sections,
    page_texts,
    pages_not_listed,
    pages_without_the_name,
    volume_index,
)
from test_print_archival import attachments, section_languages

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import copies

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER),
    reason="Poppler utilities (pdftotext, pdffonts, pdfinfo) are not installed",
)

DOCUMENTS = 300
VOLUMES = ["edition-1.pdf", "edition-2.pdf", "edition-3.pdf"]


@dataclass(frozen=True)
class Laid:
    """What a volume's layout showed before it was written."""

    pages: int
    footnotes: int  # the footnotes called in it
    off_their_page: list[OffPage]
    only_a_closer: list[int]


@dataclass
class Printed:
    out: Path
    cables: dict[str, etree._ElementTree]
    laid: dict[str, Laid]
    pages: dict[str, list[str]]  # each volume's pages, as pdftotext reads them

    def cables_in(self, name: str) -> dict[str, etree._ElementTree]:
        return cables_in(self.out / name, self.cables)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Printed:
    root = tmp_path_factory.mktemp("print-at-scale")
    files = copies(sorted(converted_tei.glob("*.xml")), DOCUMENTS, root / "tei")
    laid: dict[str, Laid] = {}
    write = print_edition.write_archival

    def checked(document: Any, target: Path, keeping: Keeping) -> None:
        calls, bodies = footnote_pages(document)
        off, alone = off_their_page(calls, bodies), pages_with_only_a_closer(document)
        laid[target.name] = Laid(len(document.pages), len(calls), off, alone)
        write(document, target, keeping)

    out = root / "print"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(print_edition, "write_archival", checked)
        volume = pipeline.print_edition([root / "tei"], out, per_cable=False)
    assert list(volume.volumes) == VOLUMES
    assert volume.pdfs == [out / name for name in [*VOLUMES, "edition-index.pdf"]]
    trees = [parse_xml(path) for path in files]
    cables = {tree.getroot().get(XML_ID): tree for tree in trees}
    pages = {name: page_texts(out / name) for name in VOLUMES}
    return Printed(out, cables, laid, pages)


@pytest.fixture(scope="module")
def entries(printed: Printed, converted_tei: Path) -> list[Entry]:
    return index_entries(converted_tei, printed.cables)


def test_the_volumes_hold_the_300_documents(printed: Printed) -> None:
    held = [set(printed.cables_in(name)) for name in VOLUMES]
    assert [len(ids) for ids in held] == [100, 100, 100]
    assert set().union(*held) == set(printed.cables)
    for name in VOLUMES:
        assert printed.laid[name].pages == len(printed.pages[name])


def test_no_page_holds_only_a_closer(printed: Printed) -> None:
    found = {name: printed.laid[name].only_a_closer for name in VOLUMES}
    assert not any(found.values()), f"pages holding only a closer: {found}"


def test_every_footnote_sits_on_the_page_of_its_call(printed: Printed) -> None:
    for name in VOLUMES:
        laid = printed.laid[name]
        # (the corpus has the footnotes of real documents: over a hundred per volume)
        assert laid.footnotes > 100, f"{name}: only {laid.footnotes} footnotes"
        assert not laid.off_their_page, f"{name}:\n" + "\n".join(map(str, laid.off_their_page))


@pytest.mark.parametrize("name", VOLUMES)
def test_every_index_page_holds_a_form_of_its_entry(
    printed: Printed, entries: list[Entry], name: str
) -> None:
    pages = printed.pages[name]
    first = index_sections(pages)["persons"][0]
    listed = volume_index(pages, entries)
    assert len(listed) > 20, f"{name}: only {len(listed)} entries in its indexes"
    problems = pages_without_the_name(pages, listed, entries, first)
    assert not problems, "index page numbers without the name:\n" + "\n".join(problems)
    problems, checked = pages_not_listed(pages, listed, printed.cables_in(name), first)
    assert not problems, "pages of a name the index does not give:\n" + "\n".join(problems)
    assert checked > 50, f"only {checked} pages could be checked"


def test_each_volume_is_archival_with_its_documents_tei(printed: Printed) -> None:
    """Beyond the seeds: every volume of real documents of many kinds declares PDF/A-3b,
    carries the TEI files of its own documents byte for byte, and tags its passages with
    their languages (the samples hold Russian and German originals)."""
    files = {path.stem: path for path in (printed.out.parent / "tei").glob("*.xml")}
    languages: set[str] = set()
    for name in VOLUMES:
        with pikepdf.open(printed.out / name) as pdf:
            assert pdf.open_metadata().pdfa_status == "3B", name
        expected = {
            f"{xml_id}.xml": files[xml_id].read_bytes() for xml_id in printed.cables_in(name)
        }
        assert attachments(printed.out / name) == expected, name
        languages.update(section_languages(printed.out / name))
    assert {"en", "ru", "de"} <= languages
