"""Running the validators over files and gathering one report."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from cablegram.files import write_atomic
from cablegram.validate.issues import Issue, Report
from cablegram.validate.jing import check_tei_all
from cablegram.validate.schemas import schema_dir, tei_all_rng
from cablegram.validate.schematron import check_schematron
from cablegram.validate.xmlsafe import parse_safely
from cablegram.validate.xsd import check_xsd


def find_tei_files(paths: Iterable[Path]) -> tuple[list[Path], list[Issue]]:
    """Expand directories into their .xml files; a path that does not exist is an issue."""
    files: list[Path] = []
    issues: list[Issue] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.xml")))
        elif path.exists():
            files.append(path)
        else:
            issues.append(Issue(str(path), 0, 0, "error", "no such file or directory", "xml"))
    return files, issues


def validate_files(
    paths: Iterable[Path],
    *,
    tei_all: bool = False,
    svrl_dir: Path | None = None,
) -> Report:
    """Validate TEI files (or directories of them) with the XSD and the Schematron rules,
    and with the official tei_all schema when asked."""
    files, issues = find_tei_files(paths)
    report = Report(files=files, issues=issues)
    directory = schema_dir()
    parsed: list[Path] = []
    for path in files:
        report.issues.extend(validate_file(path, directory, svrl_dir))
        parsed.append(path)
    if tei_all:
        report.issues.extend(check_tei_all(parsed, tei_all_rng()))
    report.issues.sort()
    return report


def validate_file(path: Path, directory: Path, svrl_dir: Path | None = None) -> list[Issue]:
    try:
        source = path.read_bytes()
    except OSError as exc:
        return [Issue(str(path), 0, 0, "error", f"cannot be read ({exc.strerror})", "xml")]
    tree, problem = parse_safely(path, source)
    if tree is None:
        return [problem] if problem else []
    issues = check_xsd(tree, str(path), directory, source)
    rule_issues, svrl = check_schematron(tree, path, directory, source)
    issues.extend(rule_issues)
    if svrl_dir is not None:
        write_atomic(svrl_dir / f"{path.stem}.svrl.xml", bytes(svrl))
    return issues
