"""The project's XSD (schemas/cablegram.xsd).

libxml2 gives the verdict fast; for a document it rejects, xmlschema explains each error
(reason and path), which is what an editor needs to fix it.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from cablegram.validate.issues import Issue
from cablegram.validate.locate import column_of
from cablegram.validate.schemas import XSD_NAME, lxml_xsd, xmlschema_xsd


def check_xsd(
    tree: etree._ElementTree, path: str, directory: Path, source: bytes, name: str = XSD_NAME
) -> list[Issue]:
    if lxml_xsd(directory, name).validate(tree):
        return []
    issues = []
    for error in xmlschema_xsd(directory, name).iter_errors(tree):
        element = error.elem if isinstance(error.elem, etree._Element) else None
        line = error.sourceline or (element.sourceline if element is not None else 0) or 0
        column = column_of(source, element) if element is not None else 1
        where = f" (at {error.path})" if error.path else ""
        reason = " ".join(str(error.reason or error.message).split())
        issues.append(Issue(path, line, column, "error", f"{reason}{where}", "xsd"))
    if not issues:  # libxml2 and xmlschema disagree: report libxml2's own words
        for entry in lxml_xsd(directory, name).error_log:
            issues.append(Issue(path, entry.line, entry.column, "error", entry.message, "xsd"))
    return issues
