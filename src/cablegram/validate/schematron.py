"""The project's Schematron rules (schemas/cablegram.sch), run by lxml.isoschematron.

The compiled rules are an XSLT stylesheet; the document's file name goes in as the
`file` parameter (a top-level `sch:let`), so the rule that `/TEI/@xml:id` equals the
file name can see it. Each failed assert becomes an `Issue` whose line and column are
those of the node the SVRL report locates.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from cablegram.validate.issues import Issue
from cablegram.validate.locate import column_of
from cablegram.validate.schemas import SCH_NAME, schematron

SVRL = "http://purl.oclc.org/dsdl/svrl"
FINDINGS = f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"


# The rules read authority files with document(): local files only.
ACCESS = etree.XSLTAccessControl(
    read_network=False, write_file=False, create_dir=False, write_network=False
)


@cache
def _stylesheet(directory: Path, name: str) -> etree.XSLT:
    return etree.XSLT(schematron(directory, name).validator_xslt, access_control=ACCESS)


def run_schematron(
    tree: etree._ElementTree,
    path: Path,
    directory: Path,
    name: str = SCH_NAME,
    params: dict[str, str] | None = None,
) -> etree._ElementTree:
    """The SVRL report of a document (`params`: values of the rules' top-level lets)."""
    values = {"file": path.name, **(params or {})}
    quoted = {key: etree.XSLT.strparam(value) for key, value in values.items()}
    return _stylesheet(directory, name)(tree, **quoted)


def check_schematron(
    tree: etree._ElementTree,
    path: Path,
    directory: Path,
    source: bytes,
    name: str = SCH_NAME,
    params: dict[str, str] | None = None,
) -> tuple[list[Issue], etree._ElementTree]:
    report = run_schematron(tree, path, directory, name, params)
    issues = []
    for finding in report.getroot().iter(*FINDINGS):
        role = (finding.get("role") or "error").lower()
        severity = "warning" if role in {"warning", "warn", "info"} else "error"
        node = _locate(tree, finding.get("location", ""))
        if node is None:  # a location lxml cannot evaluate: point at the document
            node = tree.getroot()
        line = node.sourceline if node is not None and node.sourceline else 0
        column = column_of(source, node) if node is not None else 1
        text = finding.findtext(f"{{{SVRL}}}text") or ""
        rule = finding.get("id") or "schematron"
        issues.append(Issue(str(path), line, column, severity, " ".join(text.split()), rule))
    return issues, report


def _locate(tree: etree._ElementTree, location: str) -> etree._Element | None:
    """The element an SVRL location points at (its parent, for an attribute or text)."""
    if not location:
        return None
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return None
    if not found:
        return None
    node = found[0]
    if isinstance(node, etree._Element):
        return node
    parent = getattr(node, "getparent", lambda: None)()
    return parent if isinstance(parent, etree._Element) else None
