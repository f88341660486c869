"""The pipeline: the only module that knows every stage and their order.

`convert` turns sources into TEI files; `build` runs the whole job on a corpus. Files are
written atomically (temporary file, then rename), and a TEI file edited by hand since
cablegram wrote it is never replaced unless forced: each file ends with a processing
instruction holding the SHA-256 of what cablegram wrote.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from cablegram.encode.tei import TEI_NS, document_id, encode_cable, serialise
from cablegram.entities import NameIndex, load_authority, tag_cable
from cablegram.entities.candidates import Uncovered, uncovered_names
from cablegram.errors import CablegramError, OverwriteError
from cablegram.files import write_atomic
from cablegram.model import Cable
from cablegram.parallel import parallel_map
from cablegram.parse import parse_export
from cablegram.render import render_site
from cablegram.render.print import Volume, render_print
from cablegram.render.web import Site

SOURCE_SUFFIXES = (".txt", ".md")
SEAL = re.compile(rb'<\?cablegram sha256="(?P<hash>[0-9a-f]{64})"\?>\n?\Z')
NS = {"tei": TEI_NS}

Status = Literal["written", "unchanged", "failed", "kept"]


@dataclass
class Converted:
    """What became of one source."""

    source: Path
    status: Status
    output: Path | None = None
    xml_id: str | None = None
    message: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    versions: list[str] = field(default_factory=list)


def find_sources(paths: Iterable[Path]) -> tuple[list[Path], list[Converted]]:
    """Expand directories into their export files; report paths that do not exist."""
    sources: list[Path] = []
    missing: list[Converted] = []
    for path in paths:
        if path.is_dir():
            try:
                sources.extend(sorted(p for p in path.iterdir() if p.suffix in SOURCE_SUFFIXES))
            except OSError as exc:
                problem = f"cannot be read ({exc.strerror})"
                missing.append(Converted(path, "failed", message=f"{path}: {problem}"))
        elif path.exists():
            sources.append(path)
        else:
            problem = "no such file or directory"
            missing.append(Converted(path, "failed", message=f"{path}: {problem}"))
    return sources, missing


def convert(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    force: bool = False,
    authority: Path | None = None,
    progress: Callable[[Path], None] | None = None,
    jobs: int | None = None,
) -> list[Converted]:
    """Convert sources (files or directories of exports) into TEI files in `out_dir`.

    Names are tagged against the authority files in `authority` (default: `out_dir/authority`
    when it exists); without authority files, names are left untagged. Sources are parsed
    on `jobs` processes (default: all cores); the output does not depend on it.
    """
    sources, results = find_sources(paths)
    directory = authority or out_dir / "authority"
    parsed: list[tuple[Path, Cable]] = []
    outcomes = parallel_map(
        _parse_source, sources, jobs, initializer=_load_index, initargs=(directory, out_dir)
    )
    for source, outcome in zip(sources, outcomes, strict=True):
        if isinstance(outcome, str):
            results.append(Converted(source, "failed", message=outcome))
        else:
            parsed.append((source, outcome))
        if progress:
            progress(source)
    taken: dict[str, int] = {}
    for source, cable in parsed:
        results.append(_write(source, cable, out_dir, taken, force))
    order = {path: n for n, path in enumerate(sources)}
    results.sort(key=lambda r: order.get(r.source, -1))
    return results


_INDEX: dict[str, NameIndex | None] = {}


def _load_index(directory: Path, out_dir: Path) -> None:
    """Build the name index once per process (a worker's initializer)."""
    _INDEX["current"] = name_index(directory, out_dir)


def _parse_source(source: Path) -> Cable | str:
    """Parse and tag one source; a failure comes back as its message (never raises)."""
    index = _INDEX.get("current")
    try:
        cable = parse_export(source)
        return tag_cable(cable, index) if index else cable
    except CablegramError as exc:
        return str(exc)
    except Exception as exc:  # a bug must not stop the batch: report it, go on
        return f"{source}: internal error while parsing ({type(exc).__name__}: {exc})"


def name_index(directory: Path, out_dir: Path) -> NameIndex | None:
    """The name index of the authority files in `directory`, if there are any."""
    if not directory.is_dir():
        return None
    return NameIndex(load_authority(directory, relative_to=out_dir))


def uncovered(paths: Iterable[Path], authority: Path | None = None) -> list[Uncovered]:
    """Name-like words of TEI files (or directories) that no authority entry covers."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise CablegramError(f"{path}: no such file or directory")
        files.extend(sorted(path.glob("*.xml")) if path.is_dir() else [path])
    first = next(iter(files), None)
    directory = authority or (first.parent / "authority" if first else Path("tei/authority"))
    if not directory.is_dir():
        raise CablegramError(f"{directory}: no authority files here; give --authority DIR")
    return uncovered_names(files, NameIndex(load_authority(directory)))


def _tei_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise CablegramError(f"{path}: no such file or directory")
        files.extend(sorted(path.glob("*.xml")) if path.is_dir() else [path])
    return files


def web(paths: Iterable[Path], out: Path, *, search: bool = True, jobs: int | None = None) -> Site:
    """Render the web edition of TEI files (or directories of them) into `out`."""
    return render_site(_tei_files(paths), out, search=search, jobs=jobs)


def print_edition(paths: Iterable[Path], out: Path, *, per_cable: bool = True) -> Volume:
    """Typeset the print edition (edition.pdf, and one PDF per cable) into `out`."""
    return render_print(_tei_files(paths), out, per_cable=per_cable)


def _write(
    source: Path, cable: Cable, out_dir: Path, taken: dict[str, int], force: bool
) -> Converted:
    try:
        base = document_id(cable)
        taken[base] = taken.get(base, 0) + 1
        xml_id = base if taken[base] == 1 else f"{base}-{taken[base]}"
        tree = encode_cable(cable, xml_id)
        data = seal(serialise(tree))
        target = out_dir / f"{xml_id}.xml"
        result = Converted(source, "written", target, xml_id)
        result.counts = count_phenomena(tree)
        result.versions = [
            "/".join(filter(None, (div.get("type"), div.get("subtype"))))
            + f"({div.get('{http://www.w3.org/XML/1998/namespace}lang')})"
            for div in tree.getroot().iterfind("tei:text/tei:body/tei:div", NS)
        ]
    except Exception as exc:  # a bug must not stop the batch: report it, go on
        message = f"{source}: internal error while encoding ({type(exc).__name__}: {exc})"
        return Converted(source, "failed", message=message)
    try:
        if target.exists():
            existing = target.read_bytes()
            if existing == data:
                result.status = "unchanged"
                return result
            if not force and not is_sealed(existing):
                raise OverwriteError(str(target))
        write_atomic(target, data)
    except OverwriteError as exc:
        result.status, result.message = "kept", str(exc)
    except OSError as exc:
        result.status, result.message = "failed", f"{target}: cannot write ({exc.strerror})"
    return result


def seal(data: bytes) -> bytes:
    """Append the processing instruction that lets cablegram recognise its own output."""
    digest = hashlib.sha256(data).hexdigest()
    return data + f'<?cablegram sha256="{digest}"?>\n'.encode()


def is_sealed(data: bytes) -> bool:
    """True when `data` is exactly what cablegram wrote (no hand edits since)."""
    match = SEAL.search(data)
    return (
        bool(match) and hashlib.sha256(data[: match.start()]).hexdigest() == match["hash"].decode()
    )


COUNTED = {
    "stamps": "//tei:text//tei:stamp",
    "signatures": "//tei:text//tei:signed",
    "sic": "//tei:text//tei:sic",
    "unclear": "//tei:text//tei:unclear | //tei:text//tei:*[@cert='low']",
    "supplied": "//tei:text//tei:supplied",
    "notes": "//tei:text//tei:note",
    "clerk": "//tei:text//tei:note[@type='clerk']",
    "telegrams": "//tei:text//tei:floatingText[@type='telegram']",
    "pages": "//tei:text//tei:pb[not(@ed)]",
}


def count_phenomena(tree: etree._ElementTree) -> dict[str, int]:
    """How many of each editorial phenomenon the TEI document marks."""
    root = tree.getroot()
    counts = {}
    for name, xpath in COUNTED.items():
        counts[name] = len(set(root.xpath(xpath, namespaces=NS)))
    return counts
