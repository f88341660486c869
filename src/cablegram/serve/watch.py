"""Watching the edition's inputs by polling: each file's modification time (in
nanoseconds), size and inode, compared with the last look.

Polling needs nothing beyond the standard library and behaves the same on every file
system (inotify misses changes on network and container mounts, and an editor's save by
rename replaces the very file a watch was on). A look at 20,000 files costs a few
hundredths of a second.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# (st_mtime_ns, st_size, st_ino): a save by rename changes the inode even within one tick
Stamp = tuple[int, int, int]


@dataclass(frozen=True)
class Root:
    """What one group of watched files is: the files of `path` (a directory, or one file)
    that `accept` takes, down its subdirectories when `recursive`."""

    path: Path
    accept: Callable[[Path], bool] = lambda path: True
    recursive: bool = False


@dataclass
class Changes:
    """The files of each group added, modified or removed since the last look."""

    groups: dict[str, set[Path]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.groups.values())

    def __getitem__(self, group: str) -> set[Path]:
        return self.groups.get(group, set())

    def merge(self, other: Changes) -> None:
        for group, paths in other.groups.items():
            self.groups.setdefault(group, set()).update(paths)


class Watcher:
    """Groups of files, each looked at on `poll()`; the first look only records them."""

    def __init__(self, roots: dict[str, Root]) -> None:
        self.roots = roots
        self.seen = {group: dict(_stamps(root)) for group, root in roots.items()}

    def poll(self) -> Changes:
        changes = Changes()
        for group, root in self.roots.items():
            now = dict(_stamps(root))
            before = self.seen[group]
            changed = {path for path, stamp in now.items() if before.get(path) != stamp}
            changed |= before.keys() - now.keys()
            if changed:
                changes.groups[group] = changed
            self.seen[group] = now
        return changes

    def acknowledge(self, group: str, path: Path) -> None:
        """Take a file's present state as seen (the caller wrote it and deals with it)."""
        try:
            self.seen[group][path] = _stamp(path)
        except OSError:
            self.seen[group].pop(path, None)


def _stamps(root: Root) -> Iterator[tuple[Path, Stamp]]:
    if root.path.is_file():
        try:
            if root.accept(root.path):
                yield root.path, _stamp(root.path)
        except OSError:  # removed since it was found
            pass
        return
    try:
        entries = list(os.scandir(root.path))
    except OSError:  # not there (yet), or not readable: nothing to watch in it now
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.is_dir():
                if root.recursive:
                    yield from _stamps(Root(path, root.accept, recursive=True))
            elif entry.is_file() and root.accept(path):
                info = entry.stat()
                yield path, (info.st_mtime_ns, info.st_size, info.st_ino)
        except OSError:  # removed between the listing and the look: seen as removed
            continue


def _stamp(path: Path) -> Stamp:
    info = path.stat()
    return info.st_mtime_ns, info.st_size, info.st_ino
