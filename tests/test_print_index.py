"""The print edition's indexes in an edition of several volumes: 30 synthetic cables
(benchmarks/corpus.py) in volumes of 10, typeset once (volumes only).

Each volume's indexes are read back from its PDF: every page they give for an entry holds a
form of it, every page on which a mention's text stands is given, the ranges are
well-formed and persons, places and organisations stand in indexes of their own. The index
of the edition (edition-index.pdf) gives each entry's volumes with the pages that volume's
own index gives. The same checks on the seeds' single volume are in test_print.py.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.render.print import Volume
from cablegram.safexml import parse_xml
from conftest import ROOT
from test_print import (
    INDEXES,
    POPPLER,
    XML_ID,
    Entry,
    body,
    cables_in,
    expand,
    form_pattern,
    index_entries,
    index_sections,
    mentions,
    normal,
    page_ranges,
    page_texts,
    pages_not_listed,
    pages_without_the_name,
    searchable,
    volume_index,
)

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER),
    reason="Poppler utilities (pdftotext, pdffonts, pdfinfo) are not installed",
)

NAMES = ["edition-1.pdf", "edition-2.pdf", "edition-3.pdf"]


@dataclass
class Printed:
    tei: Path
    out: Path
    volume: Volume
    cables: dict[str, etree._ElementTree]
    pages: dict[str, list[str]]  # each volume's pages, as pdftotext reads them

    def cables_in(self, name: str) -> dict[str, etree._ElementTree]:
        return cables_in(self.out / name, self.cables)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    root = tmp_path_factory.mktemp("print-index")
    generate(30, root / "exports")
    shutil.copytree(ROOT / "tei" / "authority", root / "tei" / "authority")
    results = pipeline.convert([root / "exports"], root / "tei")
    assert all(r.status == "written" for r in results), [r.message for r in results]
    out = root / "pdf"
    volume = pipeline.print_edition([root / "tei"], out, per_cable=False, volume_size=10)
    trees = [parse_xml(path) for path in sorted((root / "tei").glob("*.xml"))]
    cables = {tree.getroot().get(XML_ID): tree for tree in trees}
    pages = {name: page_texts(out / name) for name in [*NAMES, "edition-index.pdf"]}
    return Printed(root / "tei", out, volume, cables, pages)


@pytest.fixture(scope="module")
def entries(printed: Printed) -> list[Entry]:
    return index_entries(printed.tei, printed.cables)


def test_the_volumes_their_pages_and_their_index(printed: Printed) -> None:
    assert list(printed.volume.volumes) == NAMES
    assert printed.volume.pdfs == [printed.out / name for name in [*NAMES, "edition-index.pdf"]]
    for name in NAMES:  # each volume's entries' pages kept beside it
        pages = json.loads((printed.out / name).with_suffix(".index.json").read_text())
        assert pages and all(numbers == sorted(set(numbers)) for numbers in pages.values())


@pytest.mark.parametrize("name", NAMES)
def test_each_volumes_indexes(printed: Printed, entries: list[Entry], name: str) -> None:
    pages = printed.pages[name]
    cables = printed.cables_in(name)
    assert len(cables) == 10
    sections = index_sections(pages)
    assert list(sections) == list(INDEXES), "persons, places and organisations apart"
    first = sections["persons"][0]
    printed_pages = volume_index(pages, entries)
    named = {ref for ref, _ in mentions(cables)}
    assert set(printed_pages) == {entry.xml_id for entry in entries} & named
    problems = pages_without_the_name(pages, printed_pages, entries, first)
    assert not problems, "index page numbers without the name:\n" + "\n".join(problems)
    problems, checked = pages_not_listed(pages, printed_pages, cables, first)
    assert not problems, "pages of a name the index does not give:\n" + "\n".join(problems)
    assert checked > 20, f"only {checked} pages could be checked"
    # the contents gives where each index begins
    contents = normal(" ".join(body(page) for page in pages[1:3]))
    for section, (start, _) in sections.items():
        assert re.search(re.escape(INDEXES[section][0]) + rf"(?: \.)* {start}(?!\d)", contents)


def test_the_index_of_the_edition(printed: Printed, entries: list[Entry]) -> None:
    """Each entry's volumes, each with the pages its own index gives ("2: 14–15; 3: 7"),
    and a form of the entry on each of those pages."""
    own = {name: volume_index(printed.pages[name], entries) for name in NAMES}
    pages = printed.pages["edition-index.pdf"]
    sections = index_sections(pages)
    assert list(sections) == list(INDEXES)
    by_id = {entry.xml_id: entry for entry in entries}
    found: dict[str, dict[int, list[int]]] = {}
    for section, (first, last) in sections.items():
        heading = INDEXES[section][0]
        text = normal("\n".join(body(page) for page in pages[first - 1 : last]))
        text = text.removeprefix(heading + " ")
        places = sorted(
            (where.start(), where.end(), entry)
            for entry in entries
            if entry.section == section
            for where in [
                re.search(r"(?:^|(?<=\d) )" + re.escape(entry.label) + r" (?=\d+:)", text)
            ]
            if where
        )
        assert places and places[0][0] == 0, text[:80]
        for (_, end, entry), following in zip(
            places, [*places[1:], (len(text), 0, None)], strict=True
        ):
            volumes = {}
            for part in text[end : following[0]].strip().split("; "):
                number, _, numbers = part.partition(": ")
                volumes[int(number)] = expand(page_ranges(numbers, entry.label))
            found[entry.xml_id] = volumes
    expected = {
        ref: {n: expand(own[name][ref]) for n, name in enumerate(NAMES, 1) if ref in own[name]}
        for ref in {ref for pages in own.values() for ref in pages}
    }
    assert found == expected
    problems = []
    for ref, volumes in found.items():
        pattern = form_pattern(by_id[ref].forms)
        for number, numbers in volumes.items():
            volume_pages = printed.pages[NAMES[number - 1]]
            for page in numbers:
                if not pattern.search(searchable(volume_pages[page - 1]).casefold()):
                    problems.append(f"{ref}: volume {number}, p. {page} has none of its forms")
    assert not problems, "\n".join(problems)
