"""The state of the last build (build/.cablegram-state.json): for every source and TEI
file, the hashes its outputs were made from (the file itself, the code, the authority files,
the schemas and the stylesheets), by step; the ids sources were given; the redirects of ids
that changed. A step is done again for a file when one of its hashes changed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from cablegram.files import write_atomic


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
