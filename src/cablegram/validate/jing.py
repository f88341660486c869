"""The official TEI P5 `tei_all` schema through Debian's jing: one call for many files."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from cablegram.errors import CablegramError
from cablegram.validate.issues import Issue, Severity

JING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<kind>\w+): (?P<msg>.*)$")


def check_tei_all(paths: list[Path], rng: Path) -> list[Issue]:
    if not shutil.which("jing"):
        raise CablegramError(
            "jing is not installed; install it with: sudo apt-get install jing (or ./dev build)"
        )
    if not paths:
        return []
    run = subprocess.run(
        ["jing", str(rng), *map(str, paths)], capture_output=True, text=True, check=False
    )
    issues = []
    for line in run.stdout.splitlines():
        if match := JING_LINE.match(line):
            severity: Severity = "warning" if match["kind"] == "warning" else "error"
            issues.append(
                Issue(
                    match["path"],
                    int(match["line"]),
                    int(match["col"]),
                    severity,
                    match["msg"],
                    "tei_all",
                )
            )
    if run.returncode and not issues:
        raise CablegramError(f"jing failed: {run.stderr.strip() or run.stdout.strip()}")
    return issues
