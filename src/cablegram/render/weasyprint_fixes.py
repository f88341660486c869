"""Where cablegram corrects WeasyPrint 70 (pinned in pyproject.toml: each correction was
read against its code, and a test shows each one at work).

- **Footnotes by their calls** (`keep_footnotes_by_their_calls`). When a paragraph's line
  overflows a page and breaking before it would leave fewer lines than `orphans`,
  WeasyPrint moves the page's footnotes to the next page, the last first, until the line
  fits, and leaves them there even when it does not (layout/block.py, `_linebox_layout`:
  its `report`). Those footnotes were called higher on the page, so they were set a page
  after their calls (11 of 1,922 on a 300-cable build); `footnote-policy` does not govern
  this, and only the inside of a multi-column container escapes it (at three to five times
  the layout time). With the step taken out, the paragraph breaks as orphans and widows
  say, like any other, and a footnote leaves its page only with its call's line
  (`footnote-policy: line`, print.css). The function is compiled again from WeasyPrint's
  own source with that one statement changed, in its module; the statement is looked for
  word for word, so another WeasyPrint stops the print with a message instead of going
  wrong silently.
- **Tags** (`complete_tags`): the languages of passages, notes as notes, and a quadratic
  step of tagging made linear (the function's docstring).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

from cablegram.errors import CablegramError

# the statement of `_linebox_layout` that moves a page's footnotes to fit a line
REPORT = "report = not context.in_column and can_break_now and not could_break_before"


def keep_footnotes_by_their_calls() -> None:
    """Take out of WeasyPrint's line layout the step that moves a page's footnotes to the
    next page (the module's docstring)."""
    from weasyprint.layout import block

    if getattr(block._linebox_layout, "corrected", False):
        return
    try:  # (as many lines before it as in the module: a traceback shows WeasyPrint's lines)
        lines, first = inspect.getsourcelines(block._linebox_layout)
    except (OSError, TypeError):  # (installed without its sources)
        lines, first = [], 1
    if "".join(lines).count(REPORT) != 1:
        raise CablegramError(
            "this WeasyPrint lays out footnotes otherwise than version 70, which cablegram "
            "was made for, or is installed without its sources: install weasyprint 70 "
            "(pip install 'weasyprint>=70,<71')"
        )
    padded = "\n" * (first - 1) + "".join(lines).replace(REPORT, "report = False")
    code = compile(padded, inspect.getsourcefile(block) or "weasyprint/layout/block.py", "exec")
    made: dict[str, Any] = {}
    exec(code, vars(block), made)  # (in the module's names, as the original)
    corrected = made["_linebox_layout"]
    corrected.corrected = True
    block._linebox_layout = corrected


def complete_tags() -> None:
    """Complete the structure tree WeasyPrint makes, by wrapping its builder: an element
    made of an HTML element with its own `lang` gets that language (/Lang: PDF/UA 7.2 asks
    it of a passage in another language than the page's; WeasyPrint gives none); a
    footnote is a /Note (PDF/UA 7.9, with the /ID it asks for), not a /Span."""
    import pydyf
    from weasyprint.formatting_structure import boxes
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "completed", False):
        return

    class PagesMade(pydyf.PDF):
        """A PDF whose pages are all made: their references are listed once. (pydyf lists
        them afresh on each call, and the tree builder asks once per structure element:
        on a 100-cable volume 24,000 lists of 148 pages, half the time of tagging.)"""

        @property
        def page_references(self) -> tuple[bytes, ...]:
            if (listed := self.__dict__.get("listed")) is None:
                listed = self.__dict__["listed"] = super().page_references
            return listed

    def build_completed(box: Any, parent: Any, *rest: Any) -> Iterator[Any]:
        # (the builder calls itself through the module: every level comes through here;
        # it is called once the pages are made)
        pdf, page_number = rest[0], rest[1]
        if type(pdf) is pydyf.PDF:
            pdf.__class__ = PagesMade
        own = getattr(box, "_box", box)  # an absolutely placed box's placeholder
        element = getattr(own, "element", None)
        language = note = None
        # (a page, the html and the body yield their children's elements, not their own)
        whole = isinstance(own, boxes.PageBox | boxes.MarginBox)
        if element is not None and not whole and own.element_tag not in ("html", "body"):
            language = element.get("lang")
            if "footnote" in (element.get("class") or "").split():
                note = f"{element.get('id') or id(element)}-{page_number}"
        for made in build(box, parent, *rest):
            if language and "Lang" not in made:
                made["Lang"] = pydyf.String(language)
            if note and made["S"] == "/Span":
                made["S"], made["ID"] = "/Note", pydyf.String(note)
            yield made

    build_completed.completed = True  # type: ignore[attr-defined]
    tags._build_box_tree = build_completed
