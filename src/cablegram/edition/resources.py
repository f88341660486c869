"""The files the package carries besides its code, found through `importlib.resources`:
the stylesheets (`xslt/`, with the web assets), the project's schemas (`schemas/`) and the
official TEI P5 `tei_all` RELAX NG schema vendored with its licence (`schemas/tei/`).

Nothing is looked up relative to the source tree or outside it: an installed wheel and a
clone of the repository find the same files (the repository's top-level `xslt/` and
`schemas/` are links to these).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from cablegram.errors import CablegramError


def packaged(name: str) -> Path:
    """A directory or file the package carries (a wheel installs it as a plain file)."""
    path = Path(str(files("cablegram") / name))
    if not path.exists():
        raise CablegramError(f"{path}: missing from the installed cablegram; reinstall it")
    return path


def stylesheets() -> Path:
    return packaged("xslt")


def schemas() -> Path:
    return packaged("schemas")


def tei_all_rng() -> Path:
    return packaged("schemas/tei/tei_all.rng")
