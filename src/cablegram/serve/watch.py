"""Watching the edition's inputs by polling: each file's modification time (in
nanoseconds), size and inode, compared with the last look.

Polling needs nothing beyond the standard library and behaves the same on every file
system (inotify misses changes on network mounts, and an editor's save by rename replaces
the very file a watch was on). Its cost is a `stat` per file: a look at 20,000 files
takes about 0.1 s of a core, done with strings (a `Path` per file had tripled it); the
loop spaces its looks by their cost (serve.loop).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# (st_mtime_ns, st_size, st_ino): a save by rename changes the inode even within one tick
Stamp = tuple[int, int, int]


def _any_name(name: str) -> bool:
    return True


@dataclass(frozen=True)
class Root:
    """What one group of watched files is: the files of `path` (a directory, or one file)
    whose name `accept` takes, down its subdirectories when `recursive`."""

    path: Path
    accept: Callable[[str], bool] = _any_name
    recursive: bool = False


@dataclass
class Changes:
    """The files of each group added, modified or removed since the last look."""

    groups: dict[str, set[Path]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.groups.values())

    def __getitem__(self, group: str) -> set[Path]:
        return self.groups.get(group, set())


class Watcher:
    """Groups of files, each looked at on `poll()`; the first look only records them.
    `seconds`: the processor time the last look took (not the time it lasted: on a busy
    machine that is mostly waiting for a core)."""

    def __init__(self, roots: dict[str, Root]) -> None:
        self.roots = roots
        self.seen = {group: dict(_stamps(root)) for group, root in roots.items()}
        self.seconds = 0.0

    def poll(self) -> Changes:
        started = time.thread_time()
        changes = Changes()
        for group, root in self.roots.items():
            now = dict(_stamps(root))
            before = self.seen[group]
            changed = {path for path, stamp in now.items() if before.get(path) != stamp}
            changed |= before.keys() - now.keys()
            if changed:
                changes.groups[group] = {Path(path) for path in changed}
            self.seen[group] = now
        self.seconds = time.thread_time() - started
        return changes

    def acknowledge(self, group: str, path: Path) -> None:
        """Take a file's present state as seen (the caller wrote it and deals with it)."""
        try:
            self.seen[group][str(path)] = _stamp(str(path))
        except OSError:
            self.seen[group].pop(str(path), None)


def _stamps(root: Root) -> Iterator[tuple[str, Stamp]]:
    if root.path.is_file():
        try:
            if root.accept(root.path.name):
                yield str(root.path), _stamp(str(root.path))
        except OSError:  # removed since it was found
            pass
        return
    yield from _directory(str(root.path), root.accept, root.recursive)


def _directory(
    path: str, accept: Callable[[str], bool], recursive: bool
) -> Iterator[tuple[str, Stamp]]:
    try:
        entries = list(os.scandir(path))
    except OSError:  # not there (yet), or not readable: nothing to watch in it now
        return
    for entry in entries:
        try:
            if entry.is_dir():
                if recursive:
                    yield from _directory(entry.path, accept, recursive)
            elif entry.is_file() and accept(entry.name):
                info = entry.stat()
                yield entry.path, (info.st_mtime_ns, info.st_size, info.st_ino)
        except OSError:  # removed between the listing and the look: seen as removed
            continue


def _stamp(path: str) -> Stamp:
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size, info.st_ino
