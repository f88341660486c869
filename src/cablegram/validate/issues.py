"""One issue type for all validators, and the report over a corpus."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from cablegram.errors import one_line

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Issue:
    """A problem at a place in a file, as compilers and jing report them."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    rule: str  # a Schematron assert id, "xsd", "tei_all" or "xml"

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}:{self.column}"
        return f"{place}: {self.severity}: {one_line(self.message)} [{self.rule}]"


@dataclass
class Report:
    """Issues found in a set of files."""

    files: list[Path] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    refs: dict[str, list[str]] = field(default_factory=dict)  # authority refs per cable

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        wrong = {i.path for i in self.errors}
        invalid = sum(str(path) in wrong for path in self.files)
        valid = len(self.files) - invalid
        return (
            f"{len(self.files)} files checked: {valid} valid, {invalid} invalid "
            f"({len(self.errors)} errors, {len(self.warnings)} warnings)"
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "files": [str(f) for f in self.files],
                "valid": self.valid,
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "issues": [asdict(i) for i in sorted(self.issues)],
            },
            ensure_ascii=False,
            indent=2,
        )
