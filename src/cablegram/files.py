"""Files: written atomically (a temporary file in the same directory, then a rename),
the names in a directory, removed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that no reader ever sees a half-written file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; these files are for reading
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
