"""Checks of the print edition's page layout, on WeasyPrint's own laid-out pages
(`document.pages[i]._page_box`, the boxes of weasyprint/formatting_structure/boxes.py):
footnotes set on another page than their call, pages holding nothing but a closing
signature, the footnote area against the text block, the running heads. Each returns what
it found, so a test asserts emptiness and shows the cases; the test modules of the print
edition and of its builds at scale share them.

A footnote's call and its body are boxes of the same element (the span.footnote of
xslt/print/volume.xsl, whose id is fn-…): the call a `::footnote-call` text box in the
page's body, the body a child of the page's FootnoteAreaBox.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# The classes xslt/print/volume.xsl gives a document's closing and signature
# (tei:closer, tei:signed): a page that holds only boxes of these holds only a closer.
CLOSER_CLASSES = {"closer", "signed"}


def walk(box: Any) -> Iterator[Any]:
    """`box` and every box under it, depth first."""
    yield box
    for child in getattr(box, "children", None) or []:
        yield from walk(child)


@dataclass(frozen=True)
class OffPage:
    """A footnote (its id, fn-…) whose body is not on the page of its call (1-based
    pages; an empty list: nowhere)."""

    key: str
    calls: tuple[int, ...]
    bodies: tuple[int, ...]

    def __str__(self) -> str:
        return f"{self.key}: call on p. {list(self.calls)}, footnote on p. {list(self.bodies)}"


def footnote_pages(document: Any) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """For every footnote id: the pages of its call, the pages of its body."""
    from weasyprint.formatting_structure import boxes

    calls: dict[str, list[int]] = {}
    bodies: dict[str, list[int]] = {}
    for number, page in enumerate(document.pages, 1):
        for box in walk(page._page_box):
            tag = box.element_tag or ""
            if tag.endswith("::footnote-call") and isinstance(box, boxes.TextBox):
                calls.setdefault(box.element.get("id"), []).append(number)
            elif isinstance(box, boxes.FootnoteAreaBox):
                for child in box.children:
                    bodies.setdefault(child.element.get("id"), []).append(number)
    return calls, bodies


def footnotes_off_their_page(document: Any) -> list[OffPage]:
    """The footnotes whose body is not on the one page of their call (or is missing)."""
    return off_their_page(*footnote_pages(document))


def off_their_page(calls: dict[str, list[int]], bodies: dict[str, list[int]]) -> list[OffPage]:
    """Of the pages of footnotes' calls and bodies (`footnote_pages`: a walk through every
    box of the layout, made once), the footnotes off the one page of their call."""
    return [
        OffPage(key, tuple(calls.get(key, [])), tuple(bodies.get(key, [])))
        for key in sorted(set(calls) | set(bodies))
        if len(calls.get(key, [])) != 1 or calls.get(key) != bodies.get(key)
    ]


def _classes(box: Any) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def _printed(box: Any, inside: bool, found: list[bool]) -> None:
    """Append, for every text box with visible text under `box` (the page's body),
    whether it stands inside a closer or signature."""
    from weasyprint.formatting_structure import boxes

    inside = inside or bool(_classes(box) & CLOSER_CLASSES)
    if isinstance(box, boxes.TextBox):
        if box.text.strip() and not (box.element_tag or "").endswith("::footnote-call"):
            found.append(inside)
        return
    for child in getattr(box, "children", None) or []:
        _printed(child, inside, found)


def page_body(page_box: Any) -> list[Any]:
    """The boxes of a page's body: neither its margin boxes (running head, page number)
    nor its footnote area."""
    from weasyprint.formatting_structure import boxes

    return [
        box
        for box in page_box.children
        if not isinstance(box, boxes.MarginBox | boxes.FootnoteAreaBox)
    ]


def pages_with_only_a_closer(document: Any) -> list[int]:
    """The pages (1-based) whose body holds text only inside a closer or signature."""
    pages = []
    for number, page in enumerate(document.pages, 1):
        found: list[bool] = []
        for box in page_body(page._page_box):
            _printed(box, False, found)
        if found and all(found):
            pages.append(number)
    return pages


def margin_texts(document: Any, at: str = "top-center") -> list[str]:
    """The text of each page's margin box `at` (the running head: top-center), '' where
    the page has none."""
    from weasyprint.formatting_structure import boxes

    texts = []
    for page in document.pages:
        text = ""
        for box in page._page_box.children:
            if isinstance(box, boxes.MarginBox) and box.at_keyword == f"@{at}":
                text = "".join(b.text for b in walk(box) if isinstance(b, boxes.TextBox))
        texts.append(" ".join(text.split()))
    return texts


def footnote_area_misfits(document: Any, tolerance: float = 0.5) -> list[str]:
    """The pages whose footnote area's border box is not as wide as the page's content
    box (the text block), or does not start at its left edge (CSS px)."""
    from weasyprint.formatting_structure import boxes

    problems = []
    for number, page in enumerate(document.pages, 1):
        page_box = page._page_box
        left, width = page_box.content_box_x(), page_box.width
        for box in page_box.children:
            if not isinstance(box, boxes.FootnoteAreaBox) or not box.children:
                continue
            x, wide = box.border_box_x(), box.border_width()
            if abs(x - left) > tolerance or abs(wide - width) > tolerance:
                problems.append(
                    f"p. {number}: footnote area x={x:.1f} width {wide:.1f}, "
                    f"text block x={left:.1f} width {width:.1f}"
                )
    return problems
