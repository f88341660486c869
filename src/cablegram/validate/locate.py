"""Columns for elements: lxml gives a node's line; an editor also wants the column."""

from __future__ import annotations

from lxml import etree


def column_of(source: bytes, element: etree._Element) -> int:
    """1-based column of the element's start tag on its line (1 when it cannot be found)."""
    line_no = element.sourceline
    if not line_no:
        return 1
    lines = source.split(b"\n")
    if line_no > len(lines):
        return 1
    text = lines[line_no - 1].decode("utf-8", "replace")
    name = etree.QName(element).localname
    found = text.find(f"<{name}")
    if found < 0:
        prefixed = text.find(f":{name}")
        found = text.rfind("<", 0, prefixed) if prefixed >= 0 else -1
    return found + 1 if found >= 0 else 1
