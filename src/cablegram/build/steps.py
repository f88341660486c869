"""A build: the whole job on an edition, incrementally. Convert, validate, the web and the
print edition, each step redoing only what its inputs' hashes say has changed since the
last build; sources gone or now converting under another id withdraw their TEI files (kept
when edited by hand), and the site keeps a redirect at the address of an id that changed.
`cablegram build` and `cablegram serve` run it.

The PDFs in the site. The web step runs before the print step (the pages are what a
reader waits for; the PDFs take far longer), so a page cannot look for its PDF: it is told
instead whether this build prints (`pdfs`), and the print step then copies each cable's
PDF into the site, at pdf/<id>.pdf, where the page links to it. Whether the build prints
is part of what the pages are made from (as if the code had changed), so a build that
stops printing, or starts to, makes every page again, with the link or without it; one
that does not print removes the site's PDFs, so that no page links to a PDF that is not
there and the site carries none that is out of date. `cablegram web` and `cablegram print`
alone leave the site's PDFs as they are and link to none."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from cablegram.build.plan import plan
from cablegram.build.state import AUTHORITY_CHECK, BuildState, one_build_at_a_time
from cablegram.edition import Edition
from cablegram.edition.overwrite import Force
from cablegram.edition.scaffold import place_schemas
from cablegram.entities import Authority, edition_authority
from cablegram.files import names_in, remove_existing, write_atomic
from cablegram.hashes import code_hash, combine, file_hash, tree_hash
from cablegram.pipeline import Converted, convert, failures, is_sealed
from cablegram.render import render_site
from cablegram.render.data import site_data_files, write_site_data
from cablegram.render.print import (
    EDITION_INDEX,
    VOLUME_SIZE,
    Volume,
    cable_pdf,
    cables_printed,
    remove_cable_pdfs,
    render_print,
)
from cablegram.render.redirects import update_redirects, write_redirect_pages
from cablegram.render.summaries import PAGE_SIZE
from cablegram.render.web import Site, SummaryCache, cables_rendered, remove_cable_pages
from cablegram.render.xslt import Styles
from cablegram.sources import find_sources
from cablegram.validate import Issue, Report, validate_files
from cablegram.validate.schemas import schema_dir


@dataclass
class Withdrawn:
    """A TEI file an earlier build made from a source that is gone, or that now converts
    under another id (its date, number or sender corrected): removed when it is still what
    the build wrote, kept (and reported) when edited by hand since."""

    tei: Path
    source: str  # the source's file name
    now: str | None  # the id the source converts to now; None: the source is gone
    removed: bool


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
    parallel: bool | None = None,
    tagged: bool | None = None,
) -> Built:
    """The whole job, incrementally: convert, validate, web and print edition, each step
    redoing only what its inputs' hashes say has changed since the last build (no print
    edition when `print_dir` is None). `force`: the TEI files edited by hand that may be
    made again (True: all). `edition`: what the documents' headers and the pages say of
    the edition, and its own stylesheets. `parallel`: whether the print edition sets the
    originals facing their translations, `tagged` whether its PDFs are tagged (None: as
    the edition's [print] parallel and tagged say). One build of an edition at a time:
    another one running, this one stops with an `EditionError`."""
    state_file = state_path or site_dir.parent / ".cablegram-state.json"
    with one_build_at_a_time(state_file.parent):
        return _build(
            sources,
            out,
            site_dir,
            print_dir,
            force=force,
            jobs=jobs,
            state_path=state_file,
            page_size=page_size,
            volume_size=volume_size,
            edition=edition,
            parallel=parallel,
            tagged=tagged,
        )


def _build(
    sources: Path,
    out: Path,
    site_dir: Path,
    print_dir: Path | None,
    *,
    force: bool | Force,
    jobs: int | None,
    state_path: Path,
    page_size: int,
    volume_size: int,
    edition: Edition | None,
    parallel: bool | None,
    tagged: bool | None,
) -> Built:
    if parallel is None:
        parallel = edition.parallel if edition else False
    if tagged is None:
        tagged = edition.tagged if edition else True
    # read and checked before anything is written: unusable, they stop the build
    names = edition_authority(out / "authority", out)
    state = BuildState.load(state_path)
    code, authority = code_hash(), tree_hash(out / "authority")
    styles = Styles.of(edition)
    place_schemas(out.parent / "schemas")  # where the TEI files' xml-model points
    shas: dict[Path, str] = {}  # each TEI file's SHA-256, each file read once
    clock = _Clock()
    forced = Force.of(force)
    converted, withdrawn = _build_convert(
        state, sources, out, (code, authority), names, forced, jobs, shas, edition
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
    pdfs = print_dir is not None  # each page links to its PDF (the module's docstring)
    # each rendering step planned from the same hashes, state and stylesheets
    planned = partial(plan, state, shas=shas, authority=authority, code=code, styles=styles)
    web = planned(
        "web",
        outputs=[site_dir / "index.html"],
        made=lambda path: path.stem in rendered,
        settings=f"{page_size}",
        # a page shows the authority entries its cable names, and its PDF or none
        code=combine(code, authority, *(["pdf"] if pdfs else [])),
    )
    gone = [Path(name).stem for name in web.gone]
    built.removed += remove_cable_pages(site_dir, gone)
    built.removed += remove_cable_pdfs(site_dir / SITE_PDFS, gone)
    built.site = render_site(
        tei_files,
        site_dir,
        jobs=jobs,
        changed=web.changed,
        corpus_pages=web.whole_due,
        page_size=page_size,
        edition=edition,
        data=False,
        pdfs=pdfs,
        summary_cache=SummaryCache(
            state.path.parent / ".cablegram-summaries.sqlite",
            {path: combine(sha, web.tool) for path, sha in shas.items()},
            combine(authority, web.tool),
        ),
    )
    redirects = state.section("redirects")
    built.redirected = write_redirect_pages(site_dir, redirects, current, styles)
    # every document is read for them (1 ms each): only when what they say may have changed
    if web.whole_due or web.changed or web.gone or _missing(site_data_files(site_dir, edition)):
        write_site_data(tei_files, site_dir, edition)
    built.redone["web"], built.kept["web"] = web.record(shas)
    clock.lap(built, "web")
    built.seconds["search"] = built.site.search_seconds
    if print_dir is None:
        remove_existing((site_dir / SITE_PDFS).glob("*.pdf"))  # no page links to them now
        state.save()
        return built
    printed = cables_printed(print_dir)
    volumes = state.section("volumes")  # each volume's file name and digest
    outputs = [print_dir / name for name in volumes] or [print_dir / "edition.pdf"]
    if len(volumes) > 1:  # (of several volumes, their index too)
        outputs.append(print_dir / EDITION_INDEX)
    volume = planned(
        "print",
        outputs=outputs,
        made=lambda path: path.stem in printed,
        settings=f"{volume_size}",
        # (facing or not, tagged or not, every PDF is another: as if the code had changed)
        code=combine(code, *(["parallel"] if parallel else []), *([] if tagged else ["untagged"])),
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
        parallel=parallel,
        tagged=tagged,
    )
    volumes.clear()
    volumes.update(built.volume.volumes)
    _publish_pdfs(print_dir, site_dir / SITE_PDFS, current, set(built.volume.pdfs))
    built.redone["print"], built.kept["print"] = volume.record(shas)
    clock.lap(built, "print")
    state.save()
    return built


SITE_PDFS = "pdf"  # the site's folder of the cables' PDFs


def _publish_pdfs(print_dir: Path, target: Path, ids: set[str], made: set[Path]) -> None:
    """Copy into the site (`target`) the PDF of each cable (`ids`) made now, or missing
    there."""
    present = names_in(target)
    for xml_id in sorted(ids):
        source = cable_pdf(print_dir, xml_id)
        if source in made or f"{xml_id}.pdf" not in present:
            write_atomic(cable_pdf(target, xml_id), source.read_bytes())


def _missing(paths: list[Path]) -> bool:
    return not all(path.is_file() for path in paths)


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
    hashes: tuple[str, str],
    entries: Authority | None,
    force: Force,
    jobs: int | None,
    shas: dict[Path, str],
    edition: Edition | None,
) -> tuple[list[Converted], list[Withdrawn]]:
    """Convert the sources whose key changed (`hashes`: of the code and of the authority
    files, `entries`); `shas` gets the hash of each TEI file read or written on the way. The
    TEI files of sources that are gone, or that now convert under another id, are
    withdrawn."""
    code, authority = hashes
    done = state.section("convert")
    code = combine(code, repr(edition.header_fields()) if edition else "")
    listed = find_sources([sources])
    found, missing = listed.sources, listed.missing
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
        authority=entries,
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
    converted = failures(missing) + kept + results
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
