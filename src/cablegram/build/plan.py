"""What a rendering step of a build must do again (the web edition, the print edition),
from the hashes of its inputs and what the state says it made them from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cablegram.build.state import BuildState
from cablegram.hashes import combine
from cablegram.render.xslt import Styles


@dataclass
class Plan:
    """What a rendering step must do again: the files whose output is not known to come
    from this content with these stylesheets and code, and whether the output that spans
    the corpus (the index and entity pages, the volume) is due."""

    step: str
    done: dict
    tool: str
    changed: set[Path]
    whole: str
    whole_due: bool
    gone: list[str]  # the names of TEI files made before and no longer there

    def record(self, shas: dict[Path, str]) -> tuple[int, int]:
        """Note in the state what the step made; the files made again and those kept."""
        for name in self.gone:
            del self.done[name]
        for path in self.changed:
            self.done[path.name] = combine(shas[path], self.tool)
        self.done["whole"] = self.whole
        return len(self.changed), len(shas) - len(self.changed)


def plan(
    state: BuildState,
    step: str,
    shas: dict[Path, str],
    authority: str,
    code: str,
    outputs: list[Path],
    made: Callable[[Path], bool],
    styles: Styles,
    settings: str = "",
) -> Plan:
    """`outputs`: the files that span the corpus; `made`: whether a TEI file's own output is
    there (a page or PDF deleted since is made again); `settings`: options of the step that
    change what spans the corpus (the page size)."""
    tool = combine(styles.digest(step), code)
    done = state.section(step)
    changed = {
        path
        for path, sha in shas.items()
        if done.get(path.name) != combine(sha, tool) or not made(path)
    }
    whole = combine(*sorted(shas.values()), authority, tool, settings)
    names = {path.name for path in shas}
    gone = sorted(name for name in done if name != "whole" and name not in names)
    due = done.get("whole") != whole or not all(path.exists() for path in outputs)
    return Plan(step, done, tool, changed, whole, due, gone)
