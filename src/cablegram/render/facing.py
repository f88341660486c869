"""The parallel print edition (`cablegram print --parallel`): an original and its
translation set side by side, group by group.

The aligner links the blocks of a document's versions with `@corresp` (a block's
counterparts in the other versions, ``#id`` each; symmetric). For the pair of versions
printed facing each other, a *group* is a connected component of those links between the
pair's blocks (one-to-one, or one-to-many where a translator split or joined paragraphs);
a block with no counterpart is a group of its own with an empty other side. Where links
cross (a translator moved a line) or a group's blocks enclose another's, those groups
are joined: each side of a group is a run of its version, so both versions read in their
own order. Groups come in the order of the original, a translation's unlinked block after
the group of the block before it.

The pair: the translation, and the first original linked to it, a transcript before a scan
(the reader of a print edition wants the clean text). A document without a translation, or
without links to it, is printed as in the plain edition.

`mark` writes the result onto the corpus copy of a document for volume.xsl: the pair's
version divs get ``cg:side`` (``original``, ``translation``), and every element a cell sets
(each block, and each element standing between blocks: a sheet turn, a separator) gets
``cg:group``, the number of its group, and ``cg:keep`` when the group is short enough to
be kept on one page (KEEP). An element between blocks goes with the block before
it (a sheet turn ends the passage it follows); those before a version's first block are a
group of their own, the first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from cablegram.encode.anchors import blocks, versions
from cablegram.render.corpus import CG_NS, TEI_NS

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SIDE = f"{{{CG_NS}}}side"
GROUP = f"{{{CG_NS}}}group"
KEEP_ATTR = f"{{{CG_NS}}}keep"
# A group whose longer side has at most this many characters (some 18 lines of a column,
# a third of a page) is kept on one page: a row allowed to break may have one side's
# opening lines on the next page and the other's on this one (a paragraph's orphans, a
# footnote taking its call's line along), no longer level. A longer group may break (kept
# whole, it would leave much of a page empty).
KEEP = 800
T = f"{{{TEI_NS}}}"


@dataclass
class Group:
    """The elements of a group on each side, in document order."""

    original: list[etree._Element] = field(default_factory=list)
    translation: list[etree._Element] = field(default_factory=list)


def _links(element: etree._Element) -> list[str]:
    return [ref[1:] for ref in (element.get("corresp") or "").split() if ref.startswith("#")]


def _linked(original: etree._Element, translation: etree._Element) -> bool:
    """Whether a block of `original` and one of `translation` are linked (either way)."""
    theirs = {e.get(XML_ID) for e in translation.iter() if e.get(XML_ID)}
    ours = {e.get(XML_ID) for e in original.iter() if e.get(XML_ID)}
    return any(ref in theirs for e in original.iter() for ref in _links(e)) or any(
        ref in ours for e in translation.iter() for ref in _links(e)
    )


def pair(root: etree._Element) -> tuple[str, etree._Element, str, etree._Element] | None:
    """The versions to set facing each other (their keys and divs): the first original
    linked to the translation, a transcript before a scan; None when there is none."""
    found = versions(root)
    translation = next(((k, d) for k, d in found if d.get("type") == "translation"), None)
    if translation is None:
        return None
    originals = [(k, d) for k, d in found if d.get("type") == "original"]
    linked = [(k, d) for k, d in originals if _linked(d, translation[1])]
    if not linked:
        return None
    key, div = next(((k, d) for k, d in linked if d.get("subtype") == "transcript"), linked[0])
    return key, div, translation[0], translation[1]


def _units(key: str, div: etree._Element) -> list[tuple[etree._Element, etree._Element | None]]:
    """What a cell sets of a version, in document order, each with the block whose group it
    joins: the blocks (each its own), and the elements standing between them (beside
    blocks, in the version or one of the containers of its blocks: quotes, lists, openers
    and closers, sections) with the block before them (a sheet turn ends the passage it
    follows), those before the first block with none (None: a group of their own)."""
    found = [b.element for b in blocks(key, div)]
    chosen = set(found)
    containers = {div}
    for element in found:
        containers.update(element.iterancestors())
    units: list[tuple[etree._Element, etree._Element | None]] = []
    before: etree._Element | None = None
    for element in div.iterdescendants(etree.Element):
        if element in chosen:
            before = element
            units.append((element, element))
        elif element.getparent() in containers and element not in containers:
            units.append((element, before))
    return units


def groups(
    original: tuple[str, etree._Element], translation: tuple[str, etree._Element]
) -> list[Group]:
    """The groups of a pair of versions, in order (see the module's docstring)."""
    left, right = _units(*original), _units(*translation)
    left_blocks = [b for e, b in left if e is b]
    right_blocks = [b for e, b in right if e is b]
    lead = Group(
        [e for e, b in left if b is None], [e for e, b in right if b is None]
    )  # what stands before the first block, on either side
    parent: dict[int, int] = {id(b): id(b) for b in left_blocks + right_blocks}

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    by_id = {b.get(XML_ID): b for b in left_blocks + right_blocks if b.get(XML_ID)}
    side = {id(b): 0 for b in left_blocks} | {id(b): 1 for b in right_blocks}
    for block in left_blocks + right_blocks:
        for ref in _links(block):
            other = by_id.get(ref)
            if other is not None and side[id(other)] != side[id(block)]:
                parent[find(id(block))] = find(id(other))

    _keep_order(left_blocks, right_blocks, find, parent)

    # the order: the original's; a translation's block of its own after the group of the
    # translation's block before it
    order: list[int] = []
    seen: set[int] = set()
    right_at = 0
    right_roots = [find(id(b)) for b in right_blocks]
    left_roots = {find(id(b)) for b in left_blocks}

    def take(root: int) -> None:
        if root not in seen:
            seen.add(root)
            order.append(root)

    for block in left_blocks:
        root = find(id(block))
        if root in seen:
            continue
        # the translation's blocks of their own standing before this group's first one
        first = next((i for i, r in enumerate(right_roots) if r == root), None)
        while first is not None and right_at < first:
            if right_roots[right_at] not in left_roots:
                take(right_roots[right_at])
            right_at += 1
        take(root)
    for root in right_roots:
        take(root)

    number = {root: n for n, root in enumerate(order)}
    result = [Group() for _ in order]
    for element, block in left:
        if block is not None:
            result[number[find(id(block))]].original.append(element)
    for element, block in right:
        if block is not None:
            result[number[find(id(block))]].translation.append(element)
    return [lead, *result] if lead.original or lead.translation else result


def _keep_order(
    left: list[etree._Element],
    right: list[etree._Element],
    find: Callable[[int], int],
    parent: dict[int, int],
) -> None:
    """Join the components whose blocks interleave in a version (a block standing between
    two blocks of another group) or whose order differs between the versions (links that
    cross: the translator moved a line): each side of a group is then a run of its
    version, and the groups set both versions in their own order."""
    while True:
        spans: dict[int, list[tuple[int, int] | None]] = {}
        for side, found in enumerate((left, right)):
            for position, block in enumerate(found):
                span = spans.setdefault(find(id(block)), [None, None])
                low, high = span[side] or (position, position)
                span[side] = (min(low, position), max(high, position))
        roots = list(spans)
        joined = False
        for i, one in enumerate(roots):
            for other in roots[i + 1 :]:
                if _clash(spans[one], spans[other]):
                    parent[find(other)] = find(one)
                    joined = True
        if not joined:
            return


def _clash(one: list[tuple[int, int] | None], other: list[tuple[int, int] | None]) -> bool:
    """Whether two groups' spans overlap in a version or come in opposite orders."""
    orders = set()
    for a, b in zip(one, other, strict=True):
        if a is None or b is None:
            continue
        if a[1] >= b[0] and b[1] >= a[0]:
            return True
        orders.add(a[0] < b[0])
    return len(orders) > 1


def mark(root: etree._Element) -> bool:
    """Mark a document for the parallel print (see the module's docstring); whether it is
    printed so."""
    chosen = pair(root)
    if chosen is None:
        return False
    left_key, left, right_key, right = chosen
    left.set(SIDE, "original")
    right.set(SIDE, "translation")
    for number, group in enumerate(groups((left_key, left), (right_key, right)), 1):
        short = max(_length(group.original), _length(group.translation)) <= KEEP
        for element in group.original + group.translation:
            element.set(GROUP, str(number))
            if short:
                element.set(KEEP_ATTR, "yes")
    return True


def _length(elements: list[etree._Element]) -> int:
    """The characters of a cell's text."""
    return sum(len(" ".join("".join(e.itertext()).split())) for e in elements)
