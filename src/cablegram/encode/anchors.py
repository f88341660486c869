"""The blocks of a document's versions and their ids: what the aligner links and a reader
cites (README, "Encoding decisions: passages and their links").

A block is a paragraph (`p`, `ab`), a heading, a turn of speech (`sp`), a note standing
alone, a point of a list (`item`, but not the items of a distribution list, which are
part of their furniture line), or a part of an opener or closer (`seg`, `dateline`,
`salute`, `signed`, `stamp`, a clerk's `note`...; not the milestones `pb`, `lb`,
`milestone`, nor a `gap`). A quoted telegram's blocks are blocks too, in a scope of
their own.

Its id is derived from its version and its position, so a rebuild gives it again:
``<version>-<scope><kind><n>``. `<version>` is the version's `@type` and `@subtype`
(``original-scan``, ``original-transcript``, ``translation``; ``-2`` for a second version
of the same kind), the same name the web edition gives the version; `<scope>` is empty,
or ``q<k>-`` inside the k-th quoted text of the version; `<kind>` is ``o`` (a part of an
opener), ``c`` (of a closer), ``p`` (a paragraph), ``i`` (a point), ``h`` (a heading),
``s`` (a turn), ``n`` (a note); `<n>` counts the blocks of that kind in the scope, from
1. So ``translation-q1-i5`` is point 5 of the telegram the translation quotes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from cablegram.encode.xml import TEI_NS, XML_ID

T = f"{{{TEI_NS}}}"
BLOCK_KIND = {f"{T}p": "p", f"{T}ab": "p", f"{T}head": "h", f"{T}sp": "s", f"{T}item": "i",
              f"{T}note": "n"}  # fmt: skip
FURNITURE_KIND = {f"{T}opener": "o", f"{T}closer": "c"}
NOT_PARTS = {f"{T}pb", f"{T}lb", f"{T}milestone", f"{T}gap", f"{T}cb"}
CONTAINERS = {f"{T}div", f"{T}body", f"{T}list", f"{T}quote", f"{T}floatingText",
              f"{T}text", f"{T}group"}  # fmt: skip


@dataclass(frozen=True)
class Block:
    """A block of a version: its element, its version's key, the id it is given, and
    where it stands (the kind letter; inside which quoted text, 0 for none)."""

    element: etree._Element
    version: str
    anchor: str
    kind: str
    quote: int


def version_key(div: etree._Element) -> str:
    """``original-scan``, ``translation``: the version's type and subtype."""
    return "-".join(v for v in (div.get("type"), div.get("subtype")) if v) or "version"


def versions(tree: etree._ElementTree | etree._Element) -> list[tuple[str, etree._Element]]:
    """The versions of a document (the `div`s of its outer body), each with its key (a
    second version of the same type and subtype gets ``-2``)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    body = root.find(f"{T}text/{T}body")
    seen: Counter[str] = Counter()
    found: list[tuple[str, etree._Element]] = []
    for div in body.iterchildren(f"{T}div") if body is not None else ():
        key = version_key(div)
        seen[key] += 1
        found.append((key if seen[key] == 1 else f"{key}-{seen[key]}", div))
    return found


def blocks(key: str, div: etree._Element) -> list[Block]:
    """The blocks of one version, in document order, with the ids derived for them."""
    found: list[Block] = []
    _walk(div, key, "", 0, Counter(), Counter(), found)
    return found


def _walk(
    parent: etree._Element,
    key: str,
    scope: str,
    quote: int,
    counts: Counter[str],
    quotes: Counter[str],
    found: list[Block],
) -> None:
    for child in parent.iterchildren(etree.Element):
        tag = child.tag
        if tag == f"{T}floatingText" or (
            tag == f"{T}quote" and child.find(f"{T}floatingText") is None and _has_blocks(child)
        ):
            quotes[scope] += 1
            inner = f"{scope}q{quotes[scope]}-"
            _walk(child, key, inner, quotes[scope], Counter(), quotes, found)
        elif tag in FURNITURE_KIND:
            kind = FURNITURE_KIND[tag]
            for part in child.iterchildren(etree.Element):
                if part.tag not in NOT_PARTS:
                    counts[kind] += 1
                    found.append(
                        Block(part, key, f"{key}-{scope}{kind}{counts[kind]}", kind, quote)
                    )
        elif tag in BLOCK_KIND and not (
            tag == f"{T}item" and child.getparent().get("type") == "distribution"
        ):
            kind = BLOCK_KIND[tag]
            counts[kind] += 1
            found.append(Block(child, key, f"{key}-{scope}{kind}{counts[kind]}", kind, quote))
        elif tag in CONTAINERS:
            _walk(child, key, scope, quote, counts, quotes, found)


def _has_blocks(quote: etree._Element) -> bool:
    """Whether a `quote` holds blocks (a quoted letter laid out in paragraphs) rather than
    words of a paragraph."""
    return any(c.tag in BLOCK_KIND or c.tag in FURNITURE_KIND for c in quote)


def document_blocks(tree: etree._ElementTree | etree._Element) -> Iterator[Block]:
    """Every block of every version of a document, version by version."""
    for key, div in versions(tree):
        yield from blocks(key, div)


def assign_ids(tree: etree._ElementTree | etree._Element) -> None:
    """Give every block without an `xml:id` the one derived for it (a block an editor gave
    an id of her own keeps it; a derived id already taken elsewhere gets ``-x``)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    taken = {element.get(XML_ID) for element in root.iter() if element.get(XML_ID)}
    for block in document_blocks(root):
        if block.element.get(XML_ID):
            continue
        anchor = block.anchor
        while anchor in taken:
            anchor += "-x"
        block.element.set(XML_ID, anchor)
        taken.add(anchor)
