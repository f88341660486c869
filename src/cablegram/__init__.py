"""cablegram: archival diplomatic cables → a TEI P5 scholarly edition.

The package follows the pipeline, one stage per subpackage, data flowing one way::

    seeds/*.txt ──parse──▶ model ──encode──▶ TEI (lxml) ──▶ tei/*.xml

- `cablegram.model`: the document model, plain dataclasses (no XML);
- `cablegram.parse`: a raw archive export → `Cable` (layout, metadata, versions, body,
  editorial brackets, languages);
- `cablegram.encode`: `Cable` → TEI tree, canonical serialisation;
- `cablegram.pipeline`: the only module that orders the stages (convert, build);
- `cablegram.cli`: the `cablegram` command, a thin shell over `pipeline`.

`parse_export` is loaded when first asked for: importing the package stays light, so that
the command can take over Ctrl-C before its heavy modules load (`__main__`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from cablegram.errors import CablegramError, OverwriteError, SourceError

if TYPE_CHECKING:
    from cablegram.parse import parse_export

__all__ = ["CablegramError", "OverwriteError", "SourceError", "__version__", "parse_export"]


def __getattr__(name: str) -> object:
    if name == "parse_export":
        from cablegram.parse import parse_export

        return parse_export
    raise AttributeError(f"module 'cablegram' has no attribute {name!r}")
