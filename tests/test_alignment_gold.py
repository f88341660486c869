"""The hand-written gold alignments of tests/alignments/ (README.md there) still fit the TEI:
every id a link names is a block of the document its source converts to, the two ids of a
link are in different versions, no link is written twice, and every bilingual source has
its gold file. A failure here means the ids moved (the converter changed how it reads a
document): re-read that document and correct its gold by hand, never by a tool.

This reads only the gold and the converter's TEI; it does not run an aligner.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
GOLD = Path(__file__).resolve().parent / "alignments"
GOLD_FILES = sorted(GOLD.glob("*.txt"))


def links(path: Path) -> list[tuple[int, str, str]]:
    """The links of a gold file: (line number, id, id); comments and blank lines skipped."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if words:
            assert len(words) == 2, f"{path.name}:{number}: a link is two ids: {line!r}"
            out.append((number, words[0], words[1]))
    return out


def block_versions(tei: Path) -> dict[str, str]:
    """Each block id of a document, with the id of the version holding it."""
    root = etree.parse(str(tei)).getroot()
    found: dict[str, str] = {}
    for index, div in enumerate(root.xpath("/tei:TEI/tei:text/tei:body/tei:div", namespaces=NS)):
        for element in div.iter():
            if element is not div and element.get(XML_ID):
                found[element.get(XML_ID)] = f"{div.get('type')}-{div.get('subtype')}-{index}"
    return found


@pytest.mark.parametrize("gold", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_links_name_blocks_of_two_versions(gold: Path, converted) -> None:
    result = converted[f"{gold.stem}.txt"]
    versions = block_versions(result.output)
    seen: set[frozenset[str]] = set()
    for number, first, second in links(gold):
        where = f"{gold.name}:{number}"
        assert first in versions, f"{where}: no block {first}"
        assert second in versions, f"{where}: no block {second}"
        assert versions[first] != versions[second], f"{where}: both in one version"
        pair = frozenset((first, second))
        assert pair not in seen, f"{where}: written twice"
        seen.add(pair)
    assert seen, f"{gold.name} has no link"


def test_every_bilingual_seed_and_variant_has_its_gold(converted) -> None:
    """The gold covers every seed and variant with two or three versions (the samples are
    not in it)."""
    bilingual = set()
    for name, result in converted.items():
        if result.source.parent.name not in ("seeds", "variants") or result.output is None:
            continue
        root = etree.parse(str(result.output)).getroot()
        if len(root.xpath("/tei:TEI/tei:text/tei:body/tei:div", namespaces=NS)) >= 2:
            bilingual.add(Path(name).stem)
    assert bilingual == {p.stem for p in GOLD_FILES}
