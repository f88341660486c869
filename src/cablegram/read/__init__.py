"""Reading an export, the first stage: bytes → lines → blocks.

`read_export` (a file) and `decode_export` (bytes) decode the export, tell its layout
(Markdown, plain text, `pdftotext -layout`, a one-line copy), undo that layout line by line
(`lines`, `pdf`, `oneline`), set the page's chrome aside (`chrome`: site navigation,
footers, running heads) and cut the text into blocks from what its lines are (`blocks`).
The parser reasons about blocks and lines, never about bytes.
"""

from cablegram.read.blocks import Block
from cablegram.read.export import Export, decode_export, read_export
from cablegram.read.lines import (
    Layout,
    Line,
    bracket_depth,
    ends_in_bracket,
    normalise_residue,
    strip_bullet,
)

__all__ = [
    "Block",
    "Export",
    "Layout",
    "Line",
    "bracket_depth",
    "decode_export",
    "ends_in_bracket",
    "normalise_residue",
    "read_export",
    "strip_bullet",
]
