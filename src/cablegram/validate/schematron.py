"""The project's Schematron rules (schemas/cablegram.sch), run by lxml.isoschematron.

The compiled rules are an XSLT stylesheet; the document's file name goes in as the
`file` parameter (a top-level `sch:let`), so the rule that `/TEI/@xml:id` equals the
file name can see it. Each failed assert becomes an `Issue` whose line and column are
those of the node the SVRL report locates.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path

from lxml import etree

from cablegram.validate.issues import Issue, Severity
from cablegram.validate.locate import column_of
from cablegram.validate.schemas import SCH_NAME, schematron

SVRL = "http://purl.oclc.org/dsdl/svrl"
XSL = "http://www.w3.org/1999/XSL/Transform"
ACTIVE_PATTERN = f"{{{SVRL}}}active-pattern"
# the skeleton's own templates of each pattern's mode: text is skipped, the walk goes on
SKELETON_MATCHES = {"text()", "@*|node()"}
PREDICATE = re.compile(r"\[[^\[\]]*\]")  # an innermost predicate
LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")  # XPath 1.0 has no escapes within them
FINDINGS = f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"


# The rules read authority files with document(): local files only.
ACCESS = etree.XSLTAccessControl(
    read_network=False, write_file=False, create_dir=False, write_network=False
)


@cache
def _stylesheet(directory: Path, name: str) -> etree.XSLT:
    validator = streamline(schematron(directory, name).validator_xslt)
    return etree.XSLT(validator, access_control=ACCESS)


def streamline(validator: etree._ElementTree) -> etree._ElementTree:
    """The compiled rules without two walks that find nothing (a copy; the SVRL is the same).

    lxml's XSLT 1.0 skeleton walks the document twice per pattern: once in the pattern's
    mode, and once in the default mode, inside `svrl:active-pattern`, where no template
    matches and the built-in ones output nothing. The second walk is dropped. And each
    pattern's walk visits every attribute, although only a pattern with a rule on an
    attribute (`@ref | @corresp …`) has anything to do there: the others walk elements only.
    """
    validator = copy.deepcopy(validator)
    root = validator.getroot()
    for walk in list(root.iter(f"{{{XSL}}}apply-templates")):
        pattern = walk.getparent()
        if pattern is not None and pattern.tag == ACTIVE_PATTERN and not walk.attrib:
            pattern.remove(walk)
    rules: dict[str, list[str]] = {}
    for template in root.iterfind(f"{{{XSL}}}template[@mode]"):
        if template.get("match") not in SKELETON_MATCHES:
            rules.setdefault(template.get("mode", ""), []).append(template.get("match", ""))
    for mode, matches in rules.items():
        if not any(_may_match_attribute(match) for match in matches):
            for walk in root.iter(f"{{{XSL}}}apply-templates"):
                if walk.get("mode") == mode and walk.get("select") == "@*|*":
                    walk.set("select", "*")
    return validator


def _may_match_attribute(pattern: str) -> bool:
    """Whether an XSLT 1.0 pattern can match an attribute: the last step of one of its
    alternatives is on the attribute axis, string literals and predicates aside."""
    bare = LITERAL.sub("", pattern)
    while (inner := PREDICATE.sub("", bare)) != bare:
        bare = inner
    steps = (alternative.rsplit("/", 1)[-1].strip() for alternative in bare.split("|"))
    return any(step.startswith(("@", "attribute::")) for step in steps)


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
        severity: Severity = "warning" if role in {"warning", "warn", "info"} else "error"
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
