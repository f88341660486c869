"""The state of the last build (build/.cablegram-state.json): for every source and TEI
file, the hashes its outputs were made from (the file itself, the code, the authority files,
the schemas and the stylesheets), by step; the ids sources were given; the redirects of ids
that changed. A step is done again for a file when one of its hashes changed.

The state is a cache: one that is not exactly of the shape the build writes (another
JSON, a section or an entry of another shape, a name with a path in it) is taken for
absent, as if it had been deleted, and the build does everything again."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cablegram import shapes
from cablegram.errors import EditionError
from cablegram.files import write_atomic

# the entry of the validate step's state for the authority files (no TEI file's name)
AUTHORITY_CHECK = "authority/"

_ISSUE = shapes.record(
    {
        "path": shapes.text,
        "line": shapes.integer,
        "column": shapes.integer,
        "severity": lambda value: value in {"error", "warning"},
        "message": shapes.text,
        "rule": shapes.text,
    }
)
_CONVERTED = shapes.record(
    {"key": shapes.text, "id": shapes.xml_id, "tei": shapes.text},
    {"source": shapes.text, "base": shapes.either(shapes.xml_id, shapes.none)},
)
_VALIDATED = shapes.record(
    {"key": shapes.text, "issues": shapes.listing(_ISSUE)},
    {"refs": shapes.listing(shapes.text)},
)
_DIGESTS = shapes.mapping(shapes.file_name, shapes.text)  # a step's file name -> digest
SECTIONS = {
    "convert": shapes.mapping(shapes.file_name, _CONVERTED),
    "validate": shapes.mapping(
        lambda name: name == AUTHORITY_CHECK or shapes.file_name(name), _VALIDATED
    ),
    "redirects": shapes.mapping(shapes.xml_id, shapes.xml_id),
    "volumes": _DIGESTS,
    "web": _DIGESTS,
    "print": _DIGESTS,
}
STATE = shapes.record({}, SECTIONS)


@dataclass
class BuildState:
    path: Path
    data: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> BuildState:
        found = shapes.read_json(path, STATE)
        return cls(path, found if isinstance(found, dict) else {})

    def section(self, name: str) -> dict:
        return self.data.setdefault(name, {})

    def save(self) -> None:
        # compact: json's C encoder writes it; with indent, its Python one (a tenth of a
        # no-change rebuild at 10,000 cables)
        data = json.dumps(self.data, sort_keys=True, separators=(",", ":"))
        write_atomic(self.path, data.encode())


@contextlib.contextmanager
def one_build_at_a_time(folder: Path) -> Iterator[None]:
    """Hold the edition's build folder (where the state is) for one build: a second build
    of the edition meanwhile (`build` while `serve` rebuilds) stops before anything is
    done, as the two would write the same files and state. The folder itself is locked
    (flock): no lock file is left, and the kernel lets go when the process ends, however
    it ends."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise EditionError(
                f"{folder}: another build of this edition is running; run this one when it ends"
            ) from None
        yield
    finally:
        os.close(handle)
