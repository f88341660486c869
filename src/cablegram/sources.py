"""The sources of a run: the export files among the paths given (directories expanded),
and what is wrong with the others. Only regular files are read: a named pipe would block
for ever, a device (a link to /dev/zero) never end."""

from __future__ import annotations

import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SOURCE_SUFFIXES = (".txt", ".md")
SPECIAL_FILES = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass
class Found:
    """The sources of a run: the export files to read; a failure for each path given that
    does not exist or holds no export; a warning for each file that is not a regular file
    (a named pipe, a device, a socket: reading one can block for ever or never end)."""

    sources: list[Path]
    missing: list[tuple[Path, str]]  # a path and why it holds no source
    skipped: list[str]


def find_sources(paths: Iterable[Path]) -> Found:
    """Expand directories into their export files (.txt, .md in any case; hidden files, an
    editor's backups and locks, and a README or a licence beside them are not sources);
    report paths that do not exist and directories that hold no export. Only regular files
    (or links to them) are read: another in a directory is skipped with a warning, and
    one named is a failure."""
    found = Found([], [], [])
    for path in paths:
        if path.is_dir():
            try:
                exports = sorted(p for p in path.iterdir() if is_export(p))
            except OSError as exc:
                problem = f"cannot be read ({exc.strerror})"
                found.missing.append((path, f"{path}: {problem}"))
                continue
            regular = [p for p in exports if _readable(p, found.skipped)]
            found.sources.extend(regular)
            if not exports:
                problem = f"no export files ({', '.join(SOURCE_SUFFIXES)}) in this directory"
                found.missing.append((path, f"{path}: {problem}"))
        elif path.exists():  # named by the user: not a regular file is a failure
            problems: list[str] = []
            if _readable(path, problems):
                found.sources.append(path)
            else:
                found.missing.append((path, problems[0]))
        else:
            problem = "no such file or directory"
            found.missing.append((path, f"{path}: {problem}"))
    return found


def _readable(path: Path, skipped: list[str]) -> bool:
    """Whether `path` may be read as a source: not a named pipe, a device or a socket
    (reading one can block for ever or never end); if it is one, a warning says so. A
    directory or a broken link is read, and fails with its own message."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    kind = next((name for test, name in SPECIAL_FILES if test(mode)), None)
    if kind:
        skipped.append(f"{path}: {kind}, not a regular file: not read (only regular files are)")
    return kind is None


def is_export(path: Path) -> bool:
    """An export file of a directory: not hidden, not the directory's own documentation (a
    README beside the exports), which a file named on the command line may still be."""
    return (
        path.suffix.lower() in SOURCE_SUFFIXES
        and not path.name.startswith(".")
        and path.stem.upper() not in DOCUMENTATION
    )


DOCUMENTATION = {"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING"}
