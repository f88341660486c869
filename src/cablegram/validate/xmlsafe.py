"""Hardened XML parsing: no DTD loading, no entity expansion, no network access.

A TEI file has no business declaring a DOCTYPE; one that does (an XXE or
billion-laughs attack, or a stray DTD) is refused before lxml sees it (or, in an encoding
other than UTF-8, as soon as lxml has read it). An `xi:include` is refused too: lxml does
not follow it, but jing (Xerces) would, and both validators must see the same file.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from cablegram.safexml import safe_parser
from cablegram.validate.issues import Issue

DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
DECLARATIONS = (
    "DOCTYPE and ENTITY declarations are refused (no DTD loading, no entity expansion): "
    "remove the declaration"
)
XINCLUDE = "http://www.w3.org/2001/XInclude"


def parse_safely(path: Path, data: bytes) -> tuple[etree._ElementTree | None, Issue | None]:
    """Parse a file's bytes; return the tree, or an issue saying why it cannot be parsed."""
    shown = str(path)
    if match := DOCTYPE.search(data):
        line = data.count(b"\n", 0, match.start()) + 1
        column = match.start() - (data.rfind(b"\n", 0, match.start()) + 1) + 1
        return None, Issue(shown, line, column, "error", DECLARATIONS, "xml")
    try:
        tree = etree.fromstring(data, safe_parser(), base_url=shown).getroottree()
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 0, 0)
        message = f"not well-formed XML: {exc.msg}"
        return None, Issue(shown, line or 0, column or 0, "error", message, "xml")
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        return None, Issue(shown, 1, 1, "error", DECLARATIONS, "xml")
    if (include := next(tree.iter(f"{{{XINCLUDE}}}*"), None)) is not None:
        message = "XInclude is refused (no file or URL is followed): write the text in place"
        return None, Issue(shown, include.sourceline or 0, 0, "error", message, "xml")
    return tree, None
