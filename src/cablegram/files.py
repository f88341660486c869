"""Files: written atomically (a temporary file in the same directory, then a rename),
the names in a directory, removed; the TEI files a command is given."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from cablegram.errors import CablegramError


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that no reader ever sees a half-written file."""
    try:
        fd, tmp = _new_file_beside(target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _new_file_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _new_file_beside(target: Path) -> tuple[int, Path]:
    """A new file, open for writing, of a name no other writer picks, in the directory of
    `target`. Created with mode 0666, so that the kernel applies the umask as for any
    published file (mkstemp's 0600 needed a chmod after it, and reading the umask meant
    setting it: process-wide, a race with any other thread creating files)."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), tmp
        except FileExistsError:
            continue


def names_in(directory: Path) -> set[str]:
    """The names of the entries of a directory (none when it does not exist), in one
    listing: at 10,000 files, cheaper than asking whether each one exists."""
    return {entry.name for entry in os.scandir(directory)} if directory.is_dir() else set()


def remove_existing(paths: Iterable[Path]) -> list[Path]:
    """Remove those of `paths` that are files; the ones removed."""
    removed = []
    for path in paths:
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def tei_files(paths: Iterable[Path]) -> list[Path]:
    """The TEI files of `paths` (files, or directories of them, their *.xml sorted); a
    missing path is an error."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise CablegramError(f"{path}: no such file or directory")
        files.extend(sorted(path.glob("*.xml")) if path.is_dir() else [path])
    return files
