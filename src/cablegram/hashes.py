"""Content hashes: of a file, of the files under folders, of cablegram's own code, and of
several hashes at once. Builds decide what to do again from them, never from timestamps."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cablegram import __version__

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
