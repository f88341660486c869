"""The pipeline: the stages in their order, each a call (`build/` runs them incrementally).

`convert` turns sources into TEI files (read, parse, tag names, encode); `web` and
`print_edition` render them. Files are written atomically (temporary file, then rename),
and a TEI file edited by hand since cablegram wrote it is never replaced unless forced:
each file ends with a processing instruction holding the SHA-256 of what cablegram wrote.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from cablegram.align import align_document
from cablegram.edition import Edition
from cablegram.edition.ids import IdAssigner
from cablegram.edition.overwrite import Force, keep_backup
from cablegram.encode.anchors import document_blocks
from cablegram.encode.tei import TEI_NS, XML_ID, XML_LANG, document_id, encode_document, serialise
from cablegram.entities import (
    Authority,
    NameIndex,
    edition_authority,
    load_authority,
    tag_document,
)
from cablegram.entities.candidates import Uncovered, uncovered_names
from cablegram.errors import CablegramError, OverwriteError
from cablegram.files import DISK_FAULTS, tei_files, write_atomic
from cablegram.parallel import parallel_map
from cablegram.parse import parse_export
from cablegram.render import render_site
from cablegram.render.print import (
    VOLUME_SIZE,
    Volume,
    render_print,
)
from cablegram.render.search import SHARD_SIZE
from cablegram.render.summaries import PAGE_SIZE
from cablegram.render.web import Site
from cablegram.safexml import parse_xml
from cablegram.sources import find_sources

# the source a TEI file was converted from, as its provenance (the encoder's) names it
SOURCE_NAME = "tei:teiHeader/tei:revisionDesc/tei:change/tei:name[@type='file']"
SEAL = re.compile(rb'<\?cablegram sha256="(?P<hash>[0-9a-f]{64})"\?>\n?\Z')
NS = {"tei": TEI_NS}

# edited: the build found the TEI file edited by hand, its source unchanged, and kept it
Status = Literal["written", "unchanged", "edited", "failed", "kept"]


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
    warnings: list[str] = field(default_factory=list)  # the parser's diagnostics, file:line
    backup: Path | None = None  # where a forced overwrite kept the hand-edited file
    base_id: str | None = None  # its id before a suffix told it from documents sharing it

    @property
    def done(self) -> bool:
        """Whether the source's TEI file is there to validate and render."""
        return self.status in {"written", "unchanged", "edited"}


def failures(missing: Iterable[tuple[Path, str]]) -> list[Converted]:
    """The paths given that hold no source, as failed conversions."""
    return [Converted(path, "failed", message=message) for path, message in missing]


def convert(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    force: bool | Force = False,
    authority: Path | Authority | None = None,
    progress: Callable[[Path], None] | None = None,
    jobs: int | None = None,
    reserved: Iterable[str] = (),
    edition: Edition | None = None,
    previous: Mapping[str, tuple[str, str | None]] | None = None,
    align: bool = True,
) -> list[Converted]:
    """Convert sources (files or directories of exports) into TEI files in `out_dir`.

    Names are tagged against the authority files in `authority` (a folder, default
    `out_dir/authority`, or the files already read), read and checked once, here, before
    any source is parsed (`edition_authority`: an `EditionError`, nothing written, when
    they cannot be used); without an authority folder, names are left untagged. Sources
    are parsed on `jobs` processes (default: all cores); the output does not depend on it. `force`:
    the TEI files edited by hand that may be replaced (True: all). `reserved`: ids of
    documents converted earlier and kept; `previous`: the id each source (by name) was
    given before and its base id, so that it keeps the id (an incremental build;
    edition.ids). `edition`: the edition the documents are part of (their headers name its
    editors, publisher, licence). `align`: link the passages of each document's versions
    (the aligner, `align/`); without it the blocks have their ids but no links.
    """
    found = find_sources(paths)
    sources = found.sources
    results = failures(found.missing)
    if not isinstance(authority, Authority):
        authority = edition_authority(authority or out_dir / "authority", out_dir)
    forced = Force.of(force)
    ids = IdAssigner(reserved, previous)
    outcomes = parallel_map(
        _encode_source,
        sources,
        jobs,
        initializer=_load_index,
        initargs=(authority, edition, align),
    )
    # Each document is written as soon as it is encoded (memory stays flat as N grows);
    # outcomes come in source order, so ids are given in the same order whatever the jobs.
    for source, outcome in zip(sources, outcomes, strict=True):
        if isinstance(outcome, str):
            results.append(Converted(source, "failed", message=outcome))
            continue
        xml_id = ids.assign(source.name, outcome.base_id)
        if xml_id != outcome.xml_id:  # another document has its base id: encode it again
            if "current" not in _INDEX:
                _load_index(authority, edition, align)
            outcome = _encode_source(source, xml_id)
        if isinstance(outcome, str):
            results.append(Converted(source, "failed", message=outcome))
        else:
            results.append(_write(source, outcome, out_dir, forced))
        if progress:
            progress(source)
    order = {path: n for n, path in enumerate(sources)}
    results.sort(key=lambda r: order.get(r.source, -1))
    return results


_INDEX: dict[str, NameIndex | None] = {}
_EDITION: dict[str, Edition | None] = {}
_ALIGN: dict[str, bool] = {}


def _load_index(
    authority: Authority | None, edition: Edition | None = None, align: bool = True
) -> None:
    """Build the name index of the authority files (read and checked by the main process)
    once per process (a worker's initializer); the edition the documents are encoded for,
    and whether their versions are aligned."""
    _INDEX["current"] = NameIndex(authority) if authority else None
    _EDITION["current"] = edition
    _ALIGN["current"] = align


@dataclass
class _Encoded:
    """A source parsed, tagged and encoded (on a worker): what is left is to write it."""

    base_id: str
    xml_id: str
    data: bytes
    counts: dict[str, int]
    versions: list[str]
    warnings: list[str]


def _encode_source(source: Path, xml_id: str | None = None) -> _Encoded | str:
    """Parse, tag and encode one source (as `xml_id`, default the id derived from it); a
    failure comes back as its message (never raises)."""
    index = _INDEX.get("current")
    try:
        cable = parse_export(source)
        if index:
            cable = tag_document(cable, index)
    except CablegramError as exc:
        return str(exc)
    except Exception as exc:  # a bug must not stop the batch: report it, go on
        return f"{source}: internal error while parsing ({type(exc).__name__}: {exc})"
    try:
        base = document_id(cable)
        tree = encode_document(cable, xml_id or base, _EDITION.get("current"))
        if _ALIGN.get("current", True):
            align_document(tree)
        return _Encoded(
            base_id=base,
            xml_id=xml_id or base,
            data=seal(serialise(tree)),
            counts=count_phenomena(tree),
            versions=[
                "/".join(filter(None, (div.get("type"), div.get("subtype"))))
                + f"({div.get(XML_LANG)})"
                for div in tree.getroot().iterfind("tei:text/tei:body/tei:div", NS)
            ],
            warnings=[f"{source}:{d.line}: {d.message}" for d in cable.diagnostics],
        )
    except Exception as exc:  # a bug must not stop the batch: report it, go on
        return f"{source}: internal error while encoding ({type(exc).__name__}: {exc})"


def uncovered(paths: Iterable[Path], authority: Path | None = None) -> list[Uncovered]:
    """Name-like words of TEI files (or directories) that no authority entry covers."""
    files = tei_files(paths)
    first = next(iter(files), None)
    directory = authority or (first.parent / "authority" if first else Path("tei/authority"))
    if not directory.is_dir():
        raise CablegramError(f"{directory}: no authority files here; give --authority DIR")
    return uncovered_names(files, NameIndex(load_authority(directory)))


def web(
    paths: Iterable[Path],
    out: Path,
    *,
    search: bool = True,
    jobs: int | None = None,
    shard_size: int = SHARD_SIZE,
    page_size: int = PAGE_SIZE,
    edition: Edition | None = None,
) -> Site:
    """Render the web edition of TEI files (or directories of them; those not
    `renderable` left out, each said in the site's `left_out`) into `out`; the search
    index in shards of at most `shard_size` pages, the index and each entry's cables in
    pages of `page_size`."""
    files, left_out = renderable(paths)
    site = render_site(
        files,
        out,
        search=search,
        jobs=jobs,
        shard_size=shard_size,
        page_size=page_size,
        edition=edition,
    )
    site.left_out = left_out
    return site


def renderable(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """The TEI files of `paths` (files, or directories of them) that can be rendered or
    exported, and a message for each of the others: a file that is not XML or not a TEI
    document is left out, so that one bad file does not stop the rest (`validate` says
    everything else that is wrong with a file)."""
    files, problems = [], []
    for path in tei_files(paths):
        problem = _why_not_renderable(path)
        if problem:
            problems.append(f"{path}: {problem}; left out")
        else:
            files.append(path)
    return files, problems


def _why_not_renderable(path: Path) -> str | None:
    try:
        root = parse_xml(path).getroot()
    except CablegramError as exc:
        return str(exc).removeprefix(f"{path}: ")
    if root.tag != f"{{{TEI_NS}}}TEI":
        return f"not a TEI document (its root is <{root.tag}>)"
    for part in ("teiHeader", "text"):
        if root.find(f"tei:{part}", NS) is None:
            return f"not a TEI document (it has no <{part}>)"
    return None


def print_edition(
    paths: Iterable[Path],
    out: Path,
    *,
    per_cable: bool = True,
    volume_size: int = VOLUME_SIZE,
    jobs: int | None = None,
    edition: Edition | None = None,
    parallel: bool = False,
    tagged: bool = True,
) -> Volume:
    """Typeset the print edition of TEI files (or directories of them; those not
    `renderable` left out, each said in the volume's `left_out`): edition.pdf, or volumes
    of `volume_size` cables, and one PDF per cable, into `out`; `parallel`: each original
    facing its translation; `tagged`: tagged PDF (structure and languages)."""
    files, left_out = renderable(paths)
    volume = render_print(
        files,
        out,
        per_cable=per_cable,
        volume_size=volume_size,
        jobs=jobs,
        edition=edition,
        parallel=parallel,
        tagged=tagged,
    )
    volume.left_out = left_out
    return volume


def _write(source: Path, encoded: _Encoded, out_dir: Path, force: Force) -> Converted:
    """Write a document's TEI file, unless one edited by hand is there and not forced (a
    forced one is first kept as a backup beside it)."""
    target = out_dir / f"{encoded.xml_id}.xml"
    result = Converted(source, "written", target, encoded.xml_id, base_id=encoded.base_id)
    result.counts, result.versions = encoded.counts, encoded.versions
    result.warnings = encoded.warnings
    try:
        if target.exists():
            existing = target.read_bytes()
            if existing == encoded.data:
                result.status = "unchanged"
                return result
            if not is_sealed(existing):
                if not force.covers(source, target):
                    raise OverwriteError(str(target))
                result.backup = keep_backup(target, existing)
        write_atomic(target, encoded.data)
    except OverwriteError as exc:
        result.status, result.message = "kept", str(exc)
    except OSError as exc:
        if exc.errno in DISK_FAULTS:  # no other document can be written either: stop
            raise
        result.status, result.message = "failed", f"{target}: cannot write ({exc.strerror})"
    return result


def flag_earlier_conversions(results: list[Converted], out_dir: Path, before: set[str]) -> None:
    """Warn, on each document written under a file name `out_dir` did not hold (`before`:
    its names then), of the TEI files there made from a source of the same name: most
    likely an earlier conversion of it under another id (its date, number or sender
    corrected since), which `convert`, knowing no history, leaves in place (`build`
    withdraws it). Reads the files only when a new file name appeared."""
    new = {
        r.source.name: r
        for r in results
        if r.status == "written" and r.output and r.output.name not in before
    }
    if not new:
        return
    for name in sorted(before):
        path = out_dir / name
        if path.suffix != ".xml" or not path.is_file():
            continue
        try:
            made_from = parse_xml(path).findtext(SOURCE_NAME, namespaces=NS)
        except CablegramError:  # not XML (any more): not ours to judge
            continue
        result = new.get(made_from or "")
        if result is not None and result.output is not None and result.output != path:
            result.warnings.append(
                f"{path}: made earlier from {result.source.name} too, under another id; "
                f"remove it if {result.output.name} supersedes it"
            )


def seal(data: bytes) -> bytes:
    """Append the processing instruction that lets cablegram recognise its own output."""
    digest = hashlib.sha256(data).hexdigest()
    return data + f'<?cablegram sha256="{digest}"?>\n'.encode()


def is_sealed(data: bytes) -> bool:
    """True when `data` is exactly what cablegram wrote (no hand edits since)."""
    match = SEAL.search(data)
    return (
        match is not None
        and hashlib.sha256(data[: match.start()]).hexdigest() == match["hash"].decode()
    )


PHENOMENA = ("stamps", "signatures", "sic", "unclear", "supplied", "notes", "clerk",
             "telegrams", "pages")  # fmt: skip
_TAGGED = {f"{{{TEI_NS}}}{tag}": name for tag, name in [
    ("stamp", "stamps"), ("signed", "signatures"), ("sic", "sic"), ("unclear", "unclear"),
    ("supplied", "supplied"), ("note", "notes"), ("floatingText", "telegrams"), ("pb", "pages"),
]}  # fmt: skip


_OUTER_TEXTS = etree.XPath("//tei:text[not(ancestor::tei:text)]", namespaces=NS)
# (descendant::, not .//: libxml2 merges the children's results of './/x[…]' one by one,
# in time quadratic in how many it finds: 23 s for 8,000 in one paragraph)
_UNCERTAIN = etree.XPath("descendant::tei:*[@cert='low']", namespaces=NS)


def count_phenomena(tree: etree._ElementTree) -> dict[str, int]:
    """How many of each editorial phenomenon the text of a TEI document marks (its header
    aside): one walk over the elements of these names, not a search per phenomenon."""
    counts = dict.fromkeys(PHENOMENA, 0)
    for text in _OUTER_TEXTS(tree):
        for element in text.iterdescendants(*_TAGGED):
            name = _TAGGED[element.tag]
            if name == "telegrams" and element.get("type") != "telegram":
                continue
            if name == "pages" and element.get("ed") is not None:
                continue
            if name == "notes" and element.get("type") == "clerk":
                counts["clerk"] += 1
            if name != "unclear" or element.get("cert") != "low":  # counted just below
                counts[name] += 1
        counts["unclear"] += len(_UNCERTAIN(text))
    return counts


@dataclass
class Realigned:
    """What `realign` did to one TEI file."""

    path: Path
    status: Literal["aligned", "unchanged", "failed"]
    links: int = 0
    message: str | None = None
    backup: Path | None = None  # where the hand-edited file was kept before its links changed


def realign(paths: Iterable[Path]) -> list[Realigned]:
    """(Re)align the versions of TEI files (or directories of them) on request: ids for
    the blocks that have none, every pair of versions aligned again, the links written as
    @corresp in place of the blocks' earlier ones; the rest of each file as it was. A file
    cablegram wrote keeps its seal; a file edited by hand is first kept as NAME.xml.bak,
    as its links (perhaps the editor's) are replaced."""
    results: list[Realigned] = []
    for path in tei_files(paths):
        try:
            data = path.read_bytes()
            tree = parse_xml(path, data)
        except (OSError, CablegramError) as exc:
            message = str(exc) if isinstance(exc, CablegramError) else f"{path}: {exc.strerror}"
            results.append(Realigned(path, "failed", message=message))
            continue
        if tree.getroot().tag != f"{{{TEI_NS}}}TEI":
            problem = "not a TEI document (its root is not TEI)"
            results.append(Realigned(path, "failed", message=f"{path}: {problem}"))
            continue
        before = _anchors_and_links(tree)
        links = align_document(tree)
        result = Realigned(path, "aligned", links)
        if _anchors_and_links(tree) == before:
            result.status = "unchanged"
            results.append(result)
            continue
        sealed = is_sealed(data)
        new = seal(serialise(tree)) if sealed else _as_edited(tree)
        try:
            if result.status == "aligned":
                if not sealed:
                    result.backup = keep_backup(path, data)
                write_atomic(path, new)
        except OSError as exc:
            if exc.errno in DISK_FAULTS:
                raise
            result.status, result.message = "failed", f"{path}: cannot write ({exc.strerror})"
        results.append(result)
    return results


def _anchors_and_links(tree: etree._ElementTree) -> list[tuple[str | None, str | None]]:
    """The id of each of a document's blocks and where it points."""
    return [(b.element.get(XML_ID), b.element.get("corresp")) for b in document_blocks(tree)]


def _as_edited(tree: etree._ElementTree) -> bytes:
    """A hand-edited document's bytes, its layout as the editor left it: the processing
    instructions and comments around the root each on a line of their own."""
    root = tree.getroot()
    before = list(root.itersiblings(preceding=True))[::-1]
    after = list(root.itersiblings())
    parts = [b'<?xml version="1.0" encoding="UTF-8"?>']
    parts += [etree.tostring(node, encoding="UTF-8", with_tail=False) for node in before]
    parts.append(etree.tostring(root, encoding="UTF-8", with_tail=False))
    parts += [etree.tostring(node, encoding="UTF-8", with_tail=False) for node in after]
    return b"\n".join(parts) + b"\n"
