"""A document's links: every pair of its versions aligned, the links written as `@corresp`.

Each block points with `@corresp` at the blocks of the other versions that say the same
(README, "Passages and their links"): one-to-one, or one-to-two where a translator split or
joined paragraphs; the links are symmetric, and a block found in one version only has
none. Every pair of versions is aligned on its own (scan and transcript, scan and
translation, transcript and translation), so a reader can pair any two.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from pathlib import Path

from lxml import etree

from cablegram.align.lengths import model_for
from cablegram.align.passages import Passage
from cablegram.align.sequence import align
from cablegram.encode.anchors import assign_ids, blocks, versions
from cablegram.encode.xml import XML_ID, XML_LANG
from cablegram.safexml import parse_xml

Pair = tuple[str, str]  # two block ids, the first in the earlier version


def align_document(tree: etree._ElementTree | etree._Element) -> int:
    """Give the blocks their ids (where they have none), align every pair of versions and
    write the links as `@corresp` (replacing the blocks' earlier ones); the number of links."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    assign_ids(root)
    found = document_links(root)
    targets: dict[str, list[str]] = defaultdict(list)
    for first, second in found:
        targets[first].append(second)
        targets[second].append(first)
    order: dict[str | None, int] = {}
    for _, div in versions(root):
        for block in blocks("", div):
            order[block.element.get(XML_ID)] = len(order)
            block.element.attrib.pop("corresp", None)
    for _, div in versions(root):
        for block in blocks("", div):
            anchor = block.element.get(XML_ID)
            if anchor in targets:
                pointers = sorted(targets[anchor], key=lambda t: order.get(t, 0))
                block.element.set("corresp", " ".join(f"#{t}" for t in pointers))
    return len(found)


def document_links(root: etree._Element) -> list[Pair]:
    """The links the aligner finds between the versions of a document (with block ids)."""
    sides = [(div.get(XML_LANG) or "und", _passages(key, div)) for key, div in versions(root)]
    found: list[Pair] = []
    for (lang_a, a), (lang_b, b) in combinations(sides, 2):
        for left, right in align(a, b, model_for(lang_a, lang_b)):
            found.extend((a[i].anchor, b[j].anchor) for i in left for j in right)
    return found


def _passages(key: str, div: etree._Element) -> list[Passage]:
    return [
        Passage.of(block, block.element.get(XML_ID) or block.anchor) for block in blocks(key, div)
    ]


def links_of(root: etree._Element) -> set[frozenset[str]]:
    """The links a document's blocks hold (`@corresp` between blocks), each an unordered
    pair of ids."""
    found: set[frozenset[str]] = set()
    for _, div in versions(root):
        for block in blocks("", div):
            anchor = block.element.get(XML_ID)
            for pointer in (block.element.get("corresp") or "").split():
                if anchor and pointer.startswith("#"):
                    found.add(frozenset((anchor, pointer[1:])))
    return found


def one_to_one_lengths(path: Path) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """The lengths of the passages a TEI file links one to one, by language pair (what the
    length model learns from)."""
    root = parse_xml(path).getroot()
    known: dict[str, tuple[str, str, Passage]] = {}  # id: version, language, passage
    for key, div in versions(root):
        for passage in _passages(key, div):
            known[passage.anchor] = (key, div.get(XML_LANG) or "und", passage)
    order = {anchor: n for n, anchor in enumerate(known)}
    pairs = sorted(
        tuple(sorted(link, key=order.__getitem__))
        for link in links_of(root)
        if len(link) == 2 and link <= known.keys()
    )
    degree: dict[tuple[str, str], int] = defaultdict(int)  # (id, the other version): links
    for first, second in pairs:
        degree[(first, known[second][0])] += 1
        degree[(second, known[first][0])] += 1
    found: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for first, second in pairs:
        (va, la, a), (vb, lb, b) = known[first], known[second]
        if la != lb and degree[(first, vb)] == 1 and degree[(second, va)] == 1:
            found[(la, lb)].append((a.length, b.length))
    return found
