"""`data/tei.zip`: the corpus to take away, as the site publishes it.

Every TEI file (`tei/NAME.xml`), the authority files their names point at
(`tei/authority/`), and the schemas their `xml-model` instructions name (`schemas/`), at
the paths they have in the site: unzipped anywhere, each file opens in an XML editor that
validates it as it does in the edition. The archive is deterministic (members sorted,
every date 1980-01-01, the earliest a zip can hold): an unchanged corpus gives the same
bytes, so a build writes it again only when something in it changed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ARCHIVE = "data/tei.zip"
EPOCH = (1980, 1, 1, 0, 0, 0)


def corpus_members(files: list[Path], site: Path) -> list[tuple[str, Path]]:
    """What the archive holds: (its name in the archive, the file), sorted by name."""
    members = [(f"tei/{path.name}", path) for path in files]
    if files:
        authority = files[0].parent / "authority"
        members += [(f"tei/authority/{p.name}", p) for p in sorted(authority.glob("*.xml"))]
    schemas = site / "schemas"
    members += [(f"schemas/{p.name}", p) for p in sorted(schemas.iterdir()) if p.is_file()]
    return sorted(members)


def corpus_zip(files: list[Path], site: Path) -> bytes:
    """The archive's bytes (deflated; the same corpus, the same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in corpus_members(files, site):
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()
