"""Which TEI files edited by hand a conversion may replace, and where their edits go.

A TEI file whose seal no longer matches (edited by hand, or not cablegram's at all) is
replaced only when forced: every such file (`--force`), or only the named ones
(`--force-file`, a source or the TEI file itself). The edited bytes are first kept beside
the file as `NAME.xml.bak` (`NAME.xml.bak.1`, `.2` … when a backup is already there, so
that no earlier backup is lost); none of these names ends in `.xml`, so no step takes a
backup for a document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cablegram.errors import CablegramError
from cablegram.files import create_new, settle, write_into


@dataclass(frozen=True)
class Force:
    """The hand-edited files a run may replace: all of them, or those named (resolved
    paths of sources or of TEI files)."""

    everything: bool = False
    files: frozenset[Path] = field(default_factory=frozenset)

    @classmethod
    def of(cls, force: bool | Force) -> Force:
        """`force` as a Force: True forces every file, False none."""
        return force if isinstance(force, Force) else cls(everything=force)

    def covers(self, source: Path, target: Path) -> bool:
        """Whether the TEI file `target`, made from `source`, may be replaced."""
        if self.everything:
            return True
        return bool(self.files) and (
            source.resolve() in self.files or target.resolve() in self.files
        )


def named(files: Iterable[Path], sources: Iterable[Path], out: Path) -> Force:
    """Force the files named: each must be one of the `sources` of the run or a TEI file
    in `out` (a name that is neither, a typo most likely, is an error: forcing nothing
    while the editor believes otherwise would be worse)."""
    files = list(files)
    if not files:
        return Force()
    known = {source.resolve() for source in sources}
    directory = out.resolve()
    chosen = set()
    for path in files:
        if not path.is_file():
            raise CablegramError(f"{path}: no such file (--force-file)")
        resolved = path.resolve()
        tei = resolved.parent == directory and resolved.suffix == ".xml"
        if resolved not in known and not tei:
            raise CablegramError(
                f"{path}: neither a source of this run nor a TEI file in {out}/ (--force-file)"
            )
        chosen.add(resolved)
    return Force(files=frozenset(chosen))


def keep_backup(target: Path, data: bytes) -> Path:
    """Keep `data` (the edited file's bytes) beside `target` under the first backup name
    not taken, or under the one that already holds exactly these bytes; the backup's path.
    A backup is never replaced: its file is created only if no file has that name (a
    failed write removes what it created, and the TEI file is then not replaced)."""
    number = 0
    while True:
        candidate = target.with_name(f"{target.name}.bak" + (f".{number}" if number else ""))
        number += 1
        try:
            fd = create_new(candidate)
        except FileExistsError:
            if candidate.read_bytes() == data:
                return candidate
            continue
        try:
            write_into(fd, data)
        except BaseException:
            candidate.unlink(missing_ok=True)
            raise
        finally:
            settle(candidate)
        return candidate
