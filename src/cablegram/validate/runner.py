"""Running the validators over files and gathering one report.

Cables are checked with cablegram.xsd and cablegram.sch; authority files (a `listPerson`,
`listPlace` or `listOrg`) with authority.xsd and authority.sch, after the cables, so that
the rule on unused entries knows which entries the cables of this run point at.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from cablegram.files import name_not_utf8, write_atomic
from cablegram.parallel import parallel_map
from cablegram.validate.issues import Issue, Report
from cablegram.validate.jing import jing_issues
from cablegram.validate.schemas import (
    AUTHORITY_SCH,
    AUTHORITY_XSD,
    SCH_NAME,
    XSD_NAME,
    schema_dir,
    tei_all_rng,
)
from cablegram.validate.schematron import check_schematron
from cablegram.validate.xmlsafe import parse_safely
from cablegram.validate.xsd import check_xsd

TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}
# an authority file: its list, or (no entry yet) its id
AUTHORITY_BODY = (
    "tei:text/tei:body/tei:listPerson | tei:text/tei:body/tei:listPlace | "
    "tei:text/tei:body/tei:listOrg | self::tei:TEI[@xml:id = 'persons' or @xml:id = 'places' "
    "or @xml:id = 'orgs'][tei:text/tei:body/tei:p]"
)


def find_tei_files(paths: Iterable[Path]) -> tuple[list[Path], list[Issue]]:
    """Expand directories into their .xml files (authority files included); a path that
    does not exist, or a directory without TEI files, is an issue."""
    files: list[Path] = []
    issues: list[Issue] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.xml")) + sorted(path.glob("authority/*.xml"))
            files.extend(found)
            if not found:
                issues.append(
                    Issue(str(path), 0, 0, "error", "no .xml files in this directory", "xml")
                )
        elif path.exists():
            files.append(path)
        else:
            issues.append(Issue(str(path), 0, 0, "error", "no such file or directory", "xml"))
    readable = []
    for file in files:
        if problem := name_not_utf8(file):
            shown, message = problem.split(": ", 1)
            issues.append(Issue(shown, 0, 0, "error", message, "xml"))
        else:
            readable.append(file)
    return readable, issues


def validate_files(
    paths: Iterable[Path],
    *,
    tei_all: bool = False,
    svrl_dir: Path | None = None,
    jobs: int | None = None,
    known_refs: set[str] | None = None,
) -> Report:
    """Validate TEI files (or directories of them) with the project's XSD and Schematron
    rules, and with the official tei_all schema when asked; cables on `jobs` processes.
    `known_refs`: references of cables not validated in this run (an incremental build),
    so that the authority files' rule on unused entries still sees them."""
    files, issues = find_tei_files(paths)
    report = Report(files=files, issues=issues)
    directory = schema_dir()
    used: set[str] = {ref.split("#", 1)[1] for ref in known_refs or set() if "#" in ref}
    authority: list[Path] = []
    outcomes = parallel_map(
        _validate_cable, files, jobs, initializer=_setup, initargs=(directory, svrl_dir)
    )
    for path, (found, refs, is_authority) in zip(files, outcomes, strict=True):
        if is_authority:
            authority.append(path)
            continue
        report.issues.extend(found)
        report.refs[str(path)] = sorted(refs)
        used.update(ref.split("#", 1)[1] for ref in refs)
    params = {"used": " ".join(sorted(used))}
    for path in authority:
        source = path.read_bytes()
        tree, _ = parse_safely(path, source)
        if tree is not None:
            report.issues.extend(
                _check(
                    tree, path, source, directory, AUTHORITY_XSD, AUTHORITY_SCH, params, svrl_dir
                )
            )
    if tei_all:
        # jing reads only what the hardened parser accepted (an "xml" issue: it refused)
        refused = {issue.path for issue in report.issues if issue.rule == "xml"}
        accepted = [path for path in files if str(path) not in refused]
        report.issues.extend(jing_issues(accepted, tei_all_rng()))
    report.issues.sort()
    return report


_SETUP: dict[str, Path | None] = {}
# the entry ids of each authority file, by its path as the documents write it
_ENTRIES: dict[Path, set[str]] = {}


def forget_authority() -> None:
    """Forget the authority entries read so far: a process that lives on (`serve`) calls
    it when the authority files changed, or it would judge references by the old ones."""
    _ENTRIES.clear()


def _setup(directory: Path, svrl_dir: Path | None) -> None:
    """A worker's initializer: where the schemas are and where SVRL reports go."""
    _SETUP["directory"], _SETUP["svrl"] = directory, svrl_dir


def _validate_cable(path: Path) -> tuple[list[Issue], set[str], bool]:
    """Issues and name references of one file; authority files are left for later."""
    try:
        source = path.read_bytes()
    except OSError as exc:
        issue = Issue(str(path), 0, 0, "error", f"cannot be read ({exc.strerror})", "xml")
        return [issue], set(), False
    tree, problem = parse_safely(path, source)
    if tree is None:
        return ([problem] if problem else []), set(), False
    if tree.getroot().xpath(AUTHORITY_BODY, namespaces=TEI_NS):
        return [], set(), True
    directory = _SETUP["directory"]
    assert directory is not None
    refs = _references(tree)
    params = {"entries": _known_entries(path, refs, _ENTRIES)} if refs else {}
    found = _check(tree, path, source, directory, XSD_NAME, SCH_NAME, params, _SETUP["svrl"])
    return found, refs, False


def _check(
    tree: etree._ElementTree,
    path: Path,
    source: bytes,
    directory: Path,
    xsd: str,
    sch: str,
    params: dict[str, str],
    svrl_dir: Path | None,
) -> list[Issue]:
    issues = check_xsd(tree, str(path), directory, source, xsd)
    rule_issues, svrl = check_schematron(tree, path, directory, source, sch, params)
    issues.extend(rule_issues)
    if svrl_dir is not None:
        write_atomic(svrl_dir / f"{path.stem}.svrl.xml", bytes(svrl))
    return issues


def _references(tree: etree._ElementTree) -> set[str]:
    """The FILE#ID references of a document's names. (One walk over the elements: libxml2
    answers a union of paths by merging their results, checking each for duplicates, in
    time quadratic in how many: 12 s for the names of one paragraph of 6 MB.)"""
    names = (f"{{{TEI_NS['tei']}}}{name}" for name in ("persName", "placeName", "orgName"))
    refs = (e.get("ref") for e in tree.getroot().iter(*names))
    return {token for ref in refs if ref for token in ref.split() if "#" in token}


def _known_entries(path: Path, refs: set[str], cache: dict[Path, set[str]]) -> str:
    """The document's FILE#ID references that exist among the authority files (the rule
    needs no others: a smaller value, and no list of every entry made per document)."""
    known = []
    for ref in sorted(refs):
        file_part, entry = ref.split("#", 1)
        authority_file = path.parent / file_part
        if authority_file not in cache:
            cache[authority_file] = _entry_ids(authority_file.resolve())
        if entry in cache[authority_file]:
            known.append(ref)
    return " ".join(known) or "#none"  # none resolves (no authority file at all)


def _entry_ids(path: Path) -> set[str]:
    try:
        tree, _ = parse_safely(path, path.read_bytes())
    except OSError:
        return set()
    if tree is None:
        return set()
    return set(tree.getroot().xpath("//tei:text//@xml:id", namespaces=TEI_NS))
