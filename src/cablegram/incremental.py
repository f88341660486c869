"""Incremental builds: what to do again, decided from content hashes, never timestamps.

The state of the last build (build/.cablegram-state.json) records, for every source and
TEI file, the hashes its outputs were made from: the file itself, the code, the authority
files, the schemas and the stylesheets. A step is done again for a file when one of them
changed; the pages that span the corpus (index, entity pages, search, the volume) when any
document changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from cablegram import __version__
from cablegram.files import write_atomic

PACKAGE = Path(__file__).resolve().parent


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_hash(*directories: Path, pattern: str = "*") -> str:
    """One hash for every file under the directories (names and contents)."""
    digest = hashlib.sha256()
    for directory in directories:
        if not directory.exists():
            continue
        for path in sorted(p for p in directory.rglob(pattern) if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(directory)).encode())
            digest.update(file_hash(path).encode())
    return digest.hexdigest()


def code_hash() -> str:
    """The converter's own code: a new version or a changed module redoes everything."""
    return hashlib.sha256((__version__ + tree_hash(PACKAGE, pattern="*.py")).encode()).hexdigest()


def combine(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


@dataclass
class BuildState:
    path: Path
    data: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> BuildState:
        try:
            return cls(path, json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return cls(path, {})

    def section(self, name: str) -> dict:
        return self.data.setdefault(name, {})

    def save(self) -> None:
        # compact: json's C encoder writes it; with indent, its Python one (a tenth of a
        # no-change rebuild at 10,000 cables)
        data = json.dumps(self.data, sort_keys=True, separators=(",", ":"))
        write_atomic(self.path, data.encode())
