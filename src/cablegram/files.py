"""Files: written atomically (a temporary file in the same directory, then a rename),
the names in a directory, removed; the TEI files a command is given."""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from cablegram.errors import CablegramError

# what stops every write, not just one file's: a full disk, a quota used up, a file system
# read-only or failing
DISK_FAULTS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})

# the temporary files being written in this process: a signal can stop the writer between
# creating one and the `try` that removes it; the command's end removes what is left
_PENDING: set[Path] = set()


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that no reader ever sees a half-written file, and no
    failure (a full disk, Ctrl-C) leaves a temporary file or an empty one."""
    try:
        fd, tmp = _new_file_beside(target)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _new_file_beside(target)
    try:
        write_into(fd, data)
        os.replace(tmp, target)
    except OSError as exc:  # a failed write names no file: say which
        tmp.unlink(missing_ok=True)
        if exc.filename is None:
            raise type(exc)(exc.errno, exc.strerror, str(target)) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        settle(tmp)


def write_into(fd: int, data: bytes) -> None:
    """Write `data` into the open file `fd` and close it (the one place cablegram writes a
    file's bytes: where the tests make the disk full or the user press Ctrl-C)."""
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def discard_pending() -> None:
    """Remove the temporary files that writers stopped by a signal could not remove."""
    while _PENDING:
        _PENDING.pop().unlink(missing_ok=True)


def _new_file_beside(target: Path) -> tuple[int, Path]:
    """A new file, open for writing, of a name no other writer picks, in the directory of
    `target`. Created with mode 0666, so that the kernel applies the umask as for any
    published file (mkstemp's 0600 needed a chmod after it, and reading the umask meant
    setting it: process-wide, a race with any other thread creating files)."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}")
        try:
            return create_new(tmp), tmp
        except FileExistsError:
            continue


def create_new(path: Path) -> int:
    """Create `path` (which must not exist) for writing; until `settle(path)`, it counts as
    unfinished, and the command's end removes it if its writer was stopped."""
    _PENDING.add(path)  # before it exists: a signal may come as soon as it does
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except FileExistsError:
        _PENDING.discard(path)  # another's file: not ours to remove
        raise
    except BaseException:
        _PENDING.discard(path)
        path.unlink(missing_ok=True)
        raise


def settle(path: Path) -> None:
    """`path` is written whole (or removed): no longer the command's to clean up."""
    _PENDING.discard(path)


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
    missing path, or a file name that is not UTF-8, is an error."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise CablegramError(f"{path}: no such file or directory")
        files.extend(sorted(path.glob("*.xml")) if path.is_dir() else [path])
    for file in files:
        if not_utf8 := name_not_utf8(file):
            raise CablegramError(not_utf8)
    return files


def name_not_utf8(path: Path) -> str | None:
    """What is wrong with a TEI file's name that is not UTF-8 text (XML tools and the pages'
    links take no other), or None."""
    shown = os.fsencode(path).decode("utf-8", errors="replace")
    if shown == str(path):
        return None
    return f"{shown}: the file name is not UTF-8 text; rename it as its xml:id says"
