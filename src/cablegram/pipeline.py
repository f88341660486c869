"""The pipeline: the only module that knows every stage and their order.

`convert` turns sources into TEI files; `build` runs the whole job on a corpus. Files are
written atomically (temporary file, then rename), and a TEI file edited by hand since
cablegram wrote it is never replaced unless forced: each file ends with a processing
instruction holding the SHA-256 of what cablegram wrote.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from cablegram.edition import Edition
from cablegram.edition.ids import IdAssigner
from cablegram.edition.overwrite import Force, keep_backup
from cablegram.edition.scaffold import place_schemas
from cablegram.encode.tei import TEI_NS, XML_LANG, document_id, encode_document, serialise
from cablegram.entities import NameIndex, load_authority, tag_document
from cablegram.entities.candidates import Uncovered, uncovered_names
from cablegram.errors import CablegramError, OverwriteError
from cablegram.files import names_in, write_atomic
from cablegram.incremental import BuildState, code_hash, combine, file_hash, tree_hash
from cablegram.parallel import parallel_map
from cablegram.parse import parse_export
from cablegram.render import render_site
from cablegram.render.print import (
    VOLUME_SIZE,
    Volume,
    cables_printed,
    remove_cable_pdfs,
    render_print,
)
from cablegram.render.redirects import update_redirects, write_redirect_pages
from cablegram.render.search import SHARD_SIZE
from cablegram.render.summaries import PAGE_SIZE
from cablegram.render.web import Site, SummaryCache, cables_rendered, remove_cable_pages
from cablegram.render.xslt import Styles
from cablegram.safexml import parse_xml
from cablegram.validate import Issue, Report, validate_files
from cablegram.validate.schemas import schema_dir

SOURCE_SUFFIXES = (".txt", ".md")
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


@dataclass
class Withdrawn:
    """A TEI file an earlier build made from a source that is gone, or that now converts
    under another id (its date, number or sender corrected): removed when it is still what
    the build wrote, kept (and reported) when edited by hand since."""

    tei: Path
    source: str  # the source's file name
    now: str | None  # the id the source converts to now; None: the source is gone
    removed: bool


def find_sources(paths: Iterable[Path]) -> tuple[list[Path], list[Converted]]:
    """Expand directories into their export files (.txt, .md in any case; hidden files, an
    editor's backups and locks, and a README or a licence beside them are not sources);
    report paths that do not exist and directories that hold no export."""
    sources: list[Path] = []
    missing: list[Converted] = []
    for path in paths:
        if path.is_dir():
            try:
                found = sorted(p for p in path.iterdir() if is_export(p))
            except OSError as exc:
                problem = f"cannot be read ({exc.strerror})"
                missing.append(Converted(path, "failed", message=f"{path}: {problem}"))
                continue
            sources.extend(found)
            if not found:
                problem = f"no export files ({', '.join(SOURCE_SUFFIXES)}) in this directory"
                missing.append(Converted(path, "failed", message=f"{path}: {problem}"))
        elif path.exists():
            sources.append(path)
        else:
            problem = "no such file or directory"
            missing.append(Converted(path, "failed", message=f"{path}: {problem}"))
    return sources, missing


def is_export(path: Path) -> bool:
    """An export file of a directory: not hidden, not the directory's own documentation (a
    README beside the exports), which a file named on the command line may still be."""
    return (
        path.suffix.lower() in SOURCE_SUFFIXES
        and not path.name.startswith(".")
        and path.stem.upper() not in DOCUMENTATION
    )


DOCUMENTATION = {"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING"}


def convert(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    force: bool | Force = False,
    authority: Path | None = None,
    progress: Callable[[Path], None] | None = None,
    jobs: int | None = None,
    reserved: Iterable[str] = (),
    edition: Edition | None = None,
    previous: Mapping[str, tuple[str, str | None]] | None = None,
) -> list[Converted]:
    """Convert sources (files or directories of exports) into TEI files in `out_dir`.

    Names are tagged against the authority files in `authority` (default: `out_dir/authority`
    when it exists); without authority files, names are left untagged. Sources are parsed
    on `jobs` processes (default: all cores); the output does not depend on it. `force`:
    the TEI files edited by hand that may be replaced (True: all). `reserved`: ids of
    documents converted earlier and kept; `previous`: the id each source (by name) was
    given before and its base id, so that it keeps the id (an incremental build;
    edition.ids). `edition`: the edition the documents are part of (their headers name its
    editors, publisher, licence).
    """
    sources, results = find_sources(paths)
    directory = authority or out_dir / "authority"
    forced = Force.of(force)
    ids = IdAssigner(reserved, previous)
    outcomes = parallel_map(
        _encode_source,
        sources,
        jobs,
        initializer=_load_index,
        initargs=(directory, out_dir, edition),
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
                _load_index(directory, out_dir, edition)
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


def _load_index(directory: Path, out_dir: Path, edition: Edition | None = None) -> None:
    """Build the name index once per process (a worker's initializer); the edition the
    documents are encoded for."""
    _INDEX["current"] = name_index(directory, out_dir)
    _EDITION["current"] = edition


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


def name_index(directory: Path, out_dir: Path) -> NameIndex | None:
    """The name index of the authority files in `directory`, if there are any."""
    if not directory.is_dir():
        return None
    return NameIndex(load_authority(directory, relative_to=out_dir))


def uncovered(paths: Iterable[Path], authority: Path | None = None) -> list[Uncovered]:
    """Name-like words of TEI files (or directories) that no authority entry covers."""
    files = _tei_files(paths)
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
    """Render the web edition of TEI files (or directories of them) into `out`; the search
    index in shards of at most `shard_size` pages, the index and each entry's cables in
    pages of `page_size`."""
    return render_site(
        _tei_files(paths),
        out,
        search=search,
        jobs=jobs,
        shard_size=shard_size,
        page_size=page_size,
        edition=edition,
    )


def print_edition(
    paths: Iterable[Path],
    out: Path,
    *,
    per_cable: bool = True,
    volume_size: int = VOLUME_SIZE,
    jobs: int | None = None,
    edition: Edition | None = None,
) -> Volume:
    """Typeset the print edition (edition.pdf, or volumes of `volume_size` cables, and one
    PDF per cable) into `out`."""
    return render_print(
        _tei_files(paths),
        out,
        per_cable=per_cable,
        volume_size=volume_size,
        jobs=jobs,
        edition=edition,
    )


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
_UNCERTAIN = etree.XPath(".//tei:*[@cert='low']", namespaces=NS)


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
class Built:
    """What an incremental build did: per step, the files made again and those kept, and
    the seconds it took (search: the part of the web step that indexes the pages)."""

    converted: list[Converted]
    report: Report
    withdrawn: list[Withdrawn] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # pages, TEI copies, PDFs of cables gone
    redirected: dict[Path, str] = field(default_factory=dict)  # redirect pages written: to id
    site: Site | None = None
    volume: Volume | None = None
    redone: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def build(
    sources: Path,
    out: Path,
    site_dir: Path,
    print_dir: Path | None,
    *,
    force: bool | Force = False,
    jobs: int | None = None,
    state_path: Path | None = None,
    page_size: int = PAGE_SIZE,
    volume_size: int = VOLUME_SIZE,
    edition: Edition | None = None,
) -> Built:
    """The whole job, incrementally: convert, validate, web and print edition, each step
    redoing only what its inputs' hashes say has changed since the last build (no print
    edition when `print_dir` is None). `force`: the TEI files edited by hand that may be
    made again (True: all). `edition`: what the documents' headers and the pages say of
    the edition, and its own stylesheets."""
    state = BuildState.load(state_path or site_dir.parent / ".cablegram-state.json")
    code, authority = code_hash(), tree_hash(out / "authority")
    styles = Styles.of(edition)
    place_schemas(out.parent / "schemas")  # where the TEI files' xml-model points
    shas: dict[Path, str] = {}  # each TEI file's SHA-256, each file read once
    clock = _Clock()
    forced = Force.of(force)
    converted, withdrawn = _build_convert(
        state, sources, out, code, authority, forced, jobs, shas, edition
    )
    built = Built(converted, Report(), withdrawn)
    tei_files = sorted(out.glob("*.xml"))
    current = {path.stem for path in tei_files}
    moved = [(item.tei.stem, item.now) for item in withdrawn if item.removed]
    update_redirects(state.section("redirects"), moved, current)
    shas = {path: shas.get(path) or file_hash(path) for path in tei_files}
    clock.lap(built, "convert")
    built.report = _build_validate(state, out, tei_files, shas, code, authority, jobs, built)
    clock.lap(built, "validate")
    if not built.report.valid or any(r.status == "failed" for r in built.converted):
        state.save()
        return built
    rendered = cables_rendered(site_dir)
    web = _plan(
        state,
        "web",
        shas,
        authority,
        code,
        [site_dir / "index.html"],
        lambda path: path.stem in rendered,
        styles,
        f"{page_size}",
    )
    built.removed += remove_cable_pages(site_dir, [Path(name).stem for name in web.gone])
    built.site = render_site(
        tei_files,
        site_dir,
        jobs=jobs,
        changed=web.changed,
        corpus_pages=web.whole_due,
        page_size=page_size,
        edition=edition,
        summary_cache=SummaryCache(
            state.path.parent / ".cablegram-summaries.sqlite",
            {path: combine(sha, web.tool) for path, sha in shas.items()},
            combine(authority, web.tool),
        ),
    )
    redirects = state.section("redirects")
    built.redirected = write_redirect_pages(site_dir, redirects, current, styles)
    web.record(shas, built)
    clock.lap(built, "web")
    built.seconds["search"] = built.site.search_seconds
    if print_dir is None:
        state.save()
        return built
    printed = cables_printed(print_dir)
    volumes = state.section("volumes")  # each volume's file name and digest
    volume = _plan(
        state,
        "print",
        shas,
        authority,
        code,
        [print_dir / name for name in volumes] or [print_dir / "edition.pdf"],
        lambda path: path.stem in printed,
        styles,
        f"{volume_size}",
    )
    built.removed += remove_cable_pdfs(print_dir, [Path(name).stem for name in volume.gone])
    built.volume = render_print(
        tei_files,
        print_dir,
        changed=volume.changed,
        volume_due=volume.whole_due,
        volume_size=volume_size,
        made=volumes,
        context=combine(authority, volume.tool),
        jobs=jobs,
        edition=edition,
    )
    volumes.clear()
    volumes.update(built.volume.volumes)
    volume.record(shas, built)
    clock.lap(built, "print")
    state.save()
    return built


class _Clock:
    """The seconds of each step of a build, one after the other."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self, built: Built, step: str) -> None:
        now = time.perf_counter()
        built.seconds[step], self.last = now - self.last, now


def _build_convert(
    state: BuildState,
    sources: Path,
    out: Path,
    code: str,
    authority: str,
    force: Force,
    jobs: int | None,
    shas: dict[Path, str],
    edition: Edition | None,
) -> tuple[list[Converted], list[Withdrawn]]:
    """Convert the sources whose key changed; `shas` gets the hash of each TEI file read
    or written on the way. The TEI files of sources that are gone, or that now convert
    under another id, are withdrawn."""
    done = state.section("convert")
    code = combine(code, repr(edition.header_fields()) if edition else "")
    found, missing = find_sources([sources])
    present = names_in(out)
    todo, kept = [], []
    keys, source_shas = {}, {}
    for source in found:
        source_shas[source.name] = file_hash(source)
        keys[source.name] = combine(source_shas[source.name], code, authority)
        entry = done.get(source.name)
        if entry and f"{entry['id']}.xml" in present:
            target = out / f"{entry['id']}.xml"
            shas[target] = file_hash(target)
            same_key = entry["key"] == keys[source.name]
            if same_key and shas[target] == entry["tei"]:
                kept.append(Converted(source, "unchanged", target, entry["id"]))
                continue
            same_source = same_key or entry.get("source") == source_shas[source.name]
            forced = force.covers(source, target)
            if same_source and not forced and not is_sealed(target.read_bytes()):
                kept.append(_edited(source, target, entry["id"], same_key))
                continue
        todo.append(source)
    results = convert(
        todo,
        out,
        force=force,
        jobs=jobs,
        reserved=[c.xml_id for c in kept if c.xml_id],
        previous={
            s.name: (done[s.name]["id"], done[s.name].get("base")) for s in todo if s.name in done
        },
        edition=edition,
    )
    # Sources gone since the last build, unless the sources cannot be read or hold none
    # at all (a directory missing or not mounted is no reason to empty the edition).
    names = {source.name for source in found}
    gone = [] if missing or not found else sorted(set(done) - names)
    # (source name, its state entry, the id it converts under now: None when it is gone)
    earlier: list[tuple[str, dict, str | None]] = [(name, done.pop(name), None) for name in gone]
    for result in results:
        if result.output and result.done:
            shas[result.output] = file_hash(result.output)
            entry = done.get(result.source.name)
            if entry and entry["id"] != result.xml_id:
                earlier.append((result.source.name, entry, result.xml_id))
            done[result.source.name] = {
                "key": keys[result.source.name],
                "source": source_shas[result.source.name],
                "id": result.xml_id,
                "base": result.base_id,
                "tei": shas[result.output],
            }
    converted = missing + kept + results
    made = {c.xml_id for c in converted if c.done}
    withdrawn = [
        _withdraw(out / f"{entry['id']}.xml", entry["tei"], name, now)
        for name, entry, now in earlier
        if entry["id"] not in made and (out / f"{entry['id']}.xml").exists()
    ]
    return converted, withdrawn


def _edited(source: Path, tei: Path, xml_id: str, current: bool) -> Converted:
    """A TEI file edited by hand whose source is as it was: the edition's text now, kept
    as it is (--force-file makes it again, the edited file kept as a backup). `current`:
    whether it was made with this code and these authority files; if not, a conversion
    now might tag or encode it otherwise."""
    kept = Converted(source, "edited", tei, xml_id)
    if not current:
        kept.warnings.append(
            f"{tei}: edited by hand, kept as it is, although the code or the authority files "
            f"changed since it was made from its source (--force-file {tei} makes it again)"
        )
    return kept


def _withdraw(tei: Path, written: str, source: str, now: str | None) -> Withdrawn:
    """Remove a TEI file no source makes any more, if it is still what was written."""
    removed = file_hash(tei) == written
    if removed:
        tei.unlink()
    return Withdrawn(tei, source, now, removed)


# the entry of the validate step's state for the authority files (no TEI file's name)
AUTHORITY_CHECK = "authority/"


def _build_validate(
    state: BuildState,
    out: Path,
    tei_files: list[Path],
    shas: dict[Path, str],
    code: str,
    authority: str,
    jobs: int | None,
    built: Built,
) -> Report:
    done = state.section("validate")
    for name in set(done) - {path.name for path in tei_files} - {AUTHORITY_CHECK}:
        del done[name]  # a TEI file no longer there
    schemas = tree_hash(schema_dir())
    todo: list[Path] = []
    cached: list[Issue] = []
    known_refs: set[str] = set()
    for path in tei_files:
        key = combine(shas[path], schemas, authority, code)
        entry = done.get(path.name)
        if entry and entry["key"] == key:
            cached.extend(Issue(**issue) for issue in entry["issues"])
            known_refs.update(entry["refs"])
        else:
            todo.append(path)
    report = validate_files(todo, jobs=jobs)
    for path in todo:
        done[path.name] = {
            "key": combine(shas[path], schemas, authority, code),
            "issues": [asdict(i) for i in report.issues if i.path == str(path)],
            "refs": report.refs.get(str(path), []),
        }
        known_refs.update(done[path.name]["refs"])
    # The authority files are checked again when they, the schemas, the code or the
    # references of the corpus (the rule on unused entries reads them) changed.
    authority_files = sorted((out / "authority").glob("*.xml"))
    key = combine(authority, schemas, code, *sorted(known_refs))
    if done.get(AUTHORITY_CHECK, {}).get("key") != key:
        checked = validate_files(authority_files, jobs=jobs, known_refs=known_refs)
        issues = [asdict(issue) for issue in checked.issues]
        done[AUTHORITY_CHECK] = {"key": key, "issues": issues}
    report.issues += [Issue(**issue) for issue in done[AUTHORITY_CHECK]["issues"]]
    report.files = tei_files + authority_files
    report.issues = sorted(report.issues + cached)
    built.redone["validate"], built.kept["validate"] = len(todo), len(tei_files) - len(todo)
    built.redone["convert"] = sum(r.status not in {"unchanged", "edited"} for r in built.converted)
    built.kept["convert"] = len(built.converted) - built.redone["convert"]
    return report


@dataclass
class _Plan:
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

    def record(self, shas: dict[Path, str], built: Built) -> None:
        for name in self.gone:
            del self.done[name]
        for path in self.changed:
            self.done[path.name] = combine(shas[path], self.tool)
        self.done["whole"] = self.whole
        built.redone[self.step] = len(self.changed)
        built.kept[self.step] = len(shas) - len(self.changed)


def _plan(
    state: BuildState,
    step: str,
    shas: dict[Path, str],
    authority: str,
    code: str,
    outputs: list[Path],
    made: Callable[[Path], bool],
    styles: Styles,
    settings: str = "",
) -> _Plan:
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
    return _Plan(step, done, tool, changed, whole, due, gone)
