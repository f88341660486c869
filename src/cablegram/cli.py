"""The `cablegram` command: a thin shell over `cablegram.pipeline`.

Exit codes (`cablegram.exits`): 0 everything done; 1 some document failed, was invalid or
was kept (the rest done); 2 a usage or edition error (nothing done); 3 the system failed
(a full disk …); 4 a bug; 130 interrupted (Ctrl-C), 143 stopped (SIGTERM).
"""

from __future__ import annotations

import contextlib
import csv
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import click

from cablegram import __version__, pipeline
from cablegram.build import Withdrawn
from cablegram.build import build as build_edition
from cablegram.edition import Edition, load_edition
from cablegram.edition.overwrite import Force, named
from cablegram.edition.scaffold import init_edition
from cablegram.errors import CablegramError, EditionError, one_line
from cablegram.exits import Shell, fail
from cablegram.files import names_in
from cablegram.render import data
from cablegram.render.print import EDITION_INDEX
from cablegram.serve.loop import Project, serve_edition
from cablegram.sources import find_sources
from cablegram.validate import Issue, Report, validate_files

PROGRESS_THRESHOLD = 20  # show a progress bar from this many sources on
F = TypeVar("F", bound=Callable[..., object])

jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to use (default: all cores); the output is the same for any number.",
)
page_size_option = click.option(
    "--page-size",
    type=click.IntRange(min=1),
    default=pipeline.PAGE_SIZE,
    show_default=True,
    help="Cables on one page of the index and of an entry's list.",
)
volume_size_option = click.option(
    "--volume-size",
    type=click.IntRange(min=1),
    default=pipeline.VOLUME_SIZE,
    show_default=True,
    help="Cables in one volume of the print edition; a larger corpus is printed in volumes "
    "(edition-1.pdf, edition-2.pdf … and edition-index.pdf, the index of them all).",
)
parallel_option = click.option(
    "--parallel/--no-parallel",
    default=None,
    help="Set each original facing its translation, passage by passage (by the links "
    "between their blocks; a document without them as usual). Default: the edition's "
    "[print] parallel.",
)
tagged_option = click.option(
    "--tagged/--untagged",
    default=None,
    help="Tag the PDFs' structure and languages for screen readers (tagged PDF/A-3b); "
    "--untagged is faster and smaller (benchmarks/RESULTS.md). Default: the edition's "
    "[print] tagged, which is true.",
)
tei_out_option = click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory for the TEI files (default: the edition's, tei/).",
)
force_option = click.option(
    "--force",
    is_flag=True,
    help="Replace every TEI file edited by hand (each first kept as NAME.xml.bak).",
)
force_file_option = click.option(
    "--force-file",
    "force_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    help="Replace this TEI file even if edited by hand, and no other: FILE is the TEI file "
    "or its source. Repeatable. The edited file is first kept as NAME.xml.bak (.bak.1, "
    ".bak.2 … when a backup is there).",
)


def forced(force: bool, files: tuple[Path, ...], sources: list[Path], out: Path) -> Force:
    """What --force and --force-file allow to replace; a --force-file naming neither a
    source of the run nor a TEI file in `out` ends the command (exit 2)."""
    if force:
        return Force(everything=True)
    with reported(2):
        return named(files, sources, out)


def directory_option(*names: str, help: str) -> Callable[[F], F]:
    """An option naming an output directory (not a file); its default is the edition's."""
    return click.option(*names, type=click.Path(path_type=Path, file_okay=False), help=help)


def _edition() -> Edition:
    """The edition of the current folder (its cablegram.toml here or above; the defaults
    without one); a bad configuration ends the command with every bad key named."""
    with reported(2):
        return load_edition()


@contextmanager
def reported(status: int) -> Iterator[None]:
    """A `CablegramError` ends the command as one line on stderr and exit `status` (2 for
    an `EditionError`: nothing was written)."""
    try:
        yield
    except CablegramError as exc:
        fail(exc, 2 if isinstance(exc, EditionError) else status)


@click.group(cls=Shell, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cablegram")
def main() -> None:
    """Turn archive exports of diplomatic cables into a TEI P5 edition."""


def _convert(
    sources: tuple[Path, ...],
    out: Path,
    force: Force,
    edition: Edition,
    jobs: int | None = None,
    align: bool = True,
) -> int:
    paths = list(sources) or [edition.sources]
    found = find_sources(paths).sources
    before = names_in(out)
    if len(found) >= PROGRESS_THRESHOLD:
        with click.progressbar(length=len(found), label="converting", file=sys.stderr) as bar:
            results = pipeline.convert(
                paths,
                out,
                force=force,
                jobs=jobs,
                progress=lambda _: bar.update(1),
                edition=edition,
                align=align,
            )
    else:
        results = pipeline.convert(paths, out, force=force, jobs=jobs, edition=edition, align=align)
    pipeline.flag_earlier_conversions(results, out, before)
    return _report_conversion(results, out)


def _report_skipped(skipped: list[str]) -> None:
    for warning in skipped:
        click.echo(f"warning: {one_line(warning)}", err=True)


STATE_SHOWN = {"written": "", "unchanged": " (unchanged)", "edited": " (edited by hand, kept)"}


def _report_conversion(results: list[pipeline.Converted], out: Path) -> int:
    """One line per document, then a summary; 1 when any document failed."""
    for result in results:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        if result.backup:
            click.echo(
                f"{result.output}: edited by hand; the edited file is kept as {result.backup}"
            )
        if result.done:
            counts = " ".join(f"{k}={v}" for k, v in result.counts.items())
            state = STATE_SHOWN[result.status]
            # a build's kept documents were not parsed: no versions to show
            versions = f"  [{', '.join(result.versions)}]" if result.versions else ""
            click.echo(f"{result.xml_id}{state}{versions}  {counts}".rstrip())
        else:
            click.echo(f"error: {one_line(result.message or '')}", err=True)
    done = sum(r.done for r in results)
    failed = len(results) - done
    written = sum(r.status == "written" for r in results)
    click.echo(
        f"{done} of {len(results)} documents converted into {out}/ "
        f"({written} written, {done - written} unchanged, {failed} failed)"
    )
    return 1 if failed else 0


@main.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--title", help="The edition's title (default: the folder's name).")
def init(folder: Path, title: str | None) -> None:
    """Start a new edition in FOLDER: cablegram.toml, sources/, tei/ with empty authority
    files, the schemas an XML editor checks the TEI with, a README, a .gitignore and a
    workflow that publishes the site on GitHub Pages. Nothing there is overwritten.

    Example: cablegram init my-edition --title "Letters from Pyongyang, 1950"
    """
    with reported(2):
        written = init_edition(folder, title or folder.resolve().name, __version__)
    click.echo(f"{len(written)} files written into {folder}/; next:")
    click.echo(f"  cd {folder}, put archive exports into sources/, then: cablegram build")


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@tei_out_option
@force_option
@force_file_option
@jobs_option
@click.option(
    "--no-align",
    is_flag=True,
    help="Do not link the passages of the versions (each block still gets its id).",
)
def convert(
    sources: tuple[Path, ...],
    out: Path | None,
    force: bool,
    force_files: tuple[Path, ...],
    jobs: int | None,
    no_align: bool,
) -> None:
    """Convert archive exports (files or directories; default: the edition's sources/)
    into TEI.

    A TEI file edited by hand since cablegram wrote it is kept, unless --force-file names
    it (or its source), or --force is given: it is then made again, the edited file first
    kept beside it as NAME.xml.bak, and a line says so. Authority files that cannot be
    used (one of the three missing, one malformed, or the folder gone while TEI files name
    its entries) stop it before anything is written (exit 2); with no authority folder
    and no names in the TEI files, names are left untagged.

    \b
    Example: cablegram convert sources/ --out tei/
    Example: cablegram convert --force-file tei/cable-1951-06-30-21340-mao-zedong.xml
    """
    edition = _edition()
    out = out or edition.tei
    paths = list(sources) or [edition.sources]
    listed = find_sources(paths)
    _report_skipped(listed.skipped)
    allowed = forced(force, force_files, listed.sources, out)
    with reported(2):
        status = _convert(sources, out, allowed, edition, jobs, align=not no_align)
    sys.exit(status)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def align(paths: tuple[Path, ...]) -> None:
    """(Re)align the versions of TEI files (or directories; default: the edition's tei/):
    link each passage to the passages of the other versions that say the same (@corresp).

    `convert` aligns every document it writes; use this after editing a file's text, or
    to replace the links of a file. A file edited by hand is first kept beside it as
    NAME.xml.bak, and a line says so.

    \b
    Example: cablegram align tei/cable-1951-07-03-21404-mao-zedong.xml
    """
    with reported(2):
        results = pipeline.realign(list(paths) or [_edition().tei])
    for result in results:
        if result.status == "failed":
            click.echo(f"error: {one_line(result.message or '')}", err=True)
            continue
        state = " (unchanged)" if result.status == "unchanged" else ""
        click.echo(f"{result.path}: {result.links} links{state}")
        if result.backup:
            click.echo(f"{result.path}: edited by hand; the file before is kept as {result.backup}")
    failed = sum(r.status == "failed" for r in results)
    click.echo(f"{len(results) - failed} of {len(results)} files aligned")
    sys.exit(1 if failed else 0)


def _validate(
    paths: list[Path], tei_all: bool, fmt: str, svrl: Path | None, jobs: int | None = None
) -> Report:
    with reported(2):
        report = validate_files(paths, tei_all=tei_all, svrl_dir=svrl, jobs=jobs)
    if fmt == "json":
        click.echo(report.to_json())
    else:
        for issue in report.issues:
            click.echo(str(issue))
        click.echo(report.summary())
    return report


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--tei-all", is_flag=True, help="Also validate against the official tei_all (jing).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--svrl",
    type=click.Path(path_type=Path, file_okay=False),
    help="Write each file's Schematron SVRL report into this directory.",
)
@jobs_option
def validate(
    paths: tuple[Path, ...], tei_all: bool, fmt: str, svrl: Path | None, jobs: int | None
) -> None:
    """Validate TEI files (default: the edition's tei/) against the project's XSD and
    Schematron rules.

    One line per problem, `path:line:col: severity: message [rule]`, then a summary.
    Exit 0 when everything is valid, 1 when anything is invalid, 2 when validation
    cannot run (a schema or jing is missing).

    Example: cablegram validate tei/ --tei-all
    """
    report = _validate(list(paths) or [_edition().tei], tei_all, fmt, svrl, jobs)
    sys.exit(0 if report.valid else 1)


@main.command()
@click.option(
    "--sources",
    type=click.Path(path_type=Path),
    default=None,
    help="Directory of archive exports (default: the edition's, sources/).",
)
@tei_out_option
@force_option
@force_file_option
@directory_option(
    "--site", "site_dir", help="Directory of the web edition (default: the edition's build/site)."
)
@directory_option(
    "--print-out",
    "print_dir",
    help="Directory of the print edition (default: the edition's build/print).",
)
@click.option("--no-print", is_flag=True, help="Skip the print edition.")
@parallel_option
@tagged_option
@page_size_option
@volume_size_option
def build(
    sources: Path | None,
    out: Path | None,
    force: bool,
    force_files: tuple[Path, ...],
    site_dir: Path | None,
    print_dir: Path | None,
    no_print: bool,
    parallel: bool | None,
    tagged: bool | None,
    page_size: int,
    volume_size: int,
) -> None:
    """Run the whole job: convert the exports into TEI, validate, render the editions.

    Incremental: each step redoes only what changed since the last build (content hashes
    of the sources, TEI, code, schemas, stylesheets and authority files). Stops with exit 1
    when a source fails or the corpus is invalid; with exit 2, before anything is written,
    when the authority files (tei/authority/) cannot be used: one of the three missing,
    one malformed, or the folder gone while the TEI files name its entries. A TEI file
    edited by hand is the edition's text, kept, unless --force-file names it (or its
    source) or --force is given (the edited file is then kept as NAME.xml.bak). A
    document whose id changed leaves a page at its old address that redirects to the new
    one.

    \b
    Example: cablegram build
    Example: cablegram build --force-file tei/cable-1951-06-30-21340-mao-zedong.xml
    """
    edition = _edition()
    sources, out = sources or edition.sources, out or edition.tei
    site_dir, print_dir = site_dir or edition.site, print_dir or edition.print_dir
    listed = find_sources([sources])
    _report_skipped(listed.skipped)
    allowed = forced(force, force_files, listed.sources, out)
    with reported(1):
        built = build_edition(
            sources,
            out,
            site_dir,
            None if no_print else print_dir,
            force=allowed,
            page_size=page_size,
            volume_size=volume_size,
            edition=edition,
            parallel=parallel,
            tagged=tagged,
        )
    _report_conversion(built.converted, out)
    _report_withdrawn(built.withdrawn)
    for line in _build_issue_lines(built.report.issues, out):
        click.echo(line)
    click.echo(built.report.summary())
    if built.site is None:
        sys.exit(1)
    click.echo(f"{len(built.site.pages)} pages written into {site_dir}/")
    if built.removed:
        click.echo(
            f"{len(built.removed)} files of cables no longer in the corpus removed "
            "(pages, downloadable TEI, PDFs)"
        )
    for page, new in built.redirected.items():
        click.echo(f"{page}: redirects to {new}.html (the document's id changed)")
    if built.volume is not None:
        click.echo(_volumes_line(print_dir, built.volume))
    steps = ", ".join(
        f"{k} {built.redone[k]} redone/{built.kept.get(k, 0)} kept" for k in built.redone
    )
    click.echo(f"incremental: {steps}", err=True)
    click.echo(f"seconds: {_seconds(built.seconds)}", err=True)
    failed = not all(r.done for r in built.converted)
    sys.exit(1 if failed or not built.report.valid else 0)


def _report_withdrawn(withdrawn: list[Withdrawn]) -> None:
    """A line for each TEI file whose source is gone or now converts under another id."""
    for item in withdrawn:
        why = f"now converts to {item.now}" if item.now else "is gone"
        if item.removed:
            click.echo(f"removed {item.tei}: its source {item.source} {why}")
        else:
            click.echo(
                f"warning: {item.tei} was made from {item.source}, which {why}; it was "
                "edited by hand since, so it is kept: remove it if the edition should not "
                "hold it",
                err=True,
            )


def _seconds(seconds: dict[str, float]) -> str:
    """`convert 1.2, validate 0.4, web 2.0 (search 0.9)`: search is part of the web step."""
    shown = []
    for step, value in seconds.items():
        if step == "web" and "search" in seconds:
            shown.append(f"web {value:.1f} (search {seconds['search']:.1f})")
        elif step != "search":
            shown.append(f"{step} {value:.1f}")
    return ", ".join(shown)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--authority",
    type=click.Path(path_type=Path, file_okay=False),
    help="Directory of persons.xml, places.xml, orgs.xml (default: authority/ beside the TEI).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def entities(paths: tuple[Path, ...], authority: Path | None, fmt: str) -> None:
    """List capitalised words and name-like sequences that no authority entry covers.

    One line per term (language, number of occurrences, where they occur), most frequent
    first, so that an editor can extend the authority files.

    Example: cablegram entities tei/ --format csv > names.csv
    """
    with reported(2):
        found = pipeline.uncovered(list(paths) or [_edition().tei], authority)
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["term", "lang", "count", "locations"])
        for item in found:
            writer.writerow([item.term, item.lang, len(item.locations), " ".join(item.locations)])
        return
    for item in found:
        shown = ", ".join(item.locations[:3]) + (" …" if len(item.locations) > 3 else "")
        click.echo(f"{item.term}\t[{item.lang}]\t{len(item.locations)}\t{shown}")
    click.echo(f"{len(found)} name-like terms not in the authority files")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@directory_option("--out", "-o", help="Directory of the site (default: the edition's build/site).")
@click.option("--no-search", is_flag=True, help="Do not build the Pagefind search index.")
@page_size_option
@jobs_option
def web(
    paths: tuple[Path, ...], out: Path | None, no_search: bool, page_size: int, jobs: int | None
) -> None:
    """Render the web edition (a static site) from TEI files (default: the edition's tei/).

    Example: cablegram web tei/ --out build/site
    """
    edition = _edition()
    out = out or edition.site
    with reported(1):
        site = pipeline.web(
            list(paths) or [edition.tei],
            out,
            search=not no_search,
            jobs=jobs,
            page_size=page_size,
            edition=edition,
        )
    searched = "with" if site.search else "without"
    _report_left_out(site.left_out)
    click.echo(f"{len(site.pages)} pages written into {out}/ ({searched} a search index)")
    sys.exit(1 if site.left_out else 0)


def _report_left_out(problems: list[str]) -> None:
    for problem in problems:
        click.echo(f"error: {one_line(problem)}", err=True)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    required=True,
    metavar="cmif|csv|json",
    help="cmif: correspSearch's CMIF (the letter-like documents); csv, json: one row per document.",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="File to write (default: cmif.xml, documents.csv or documents.json here).",
)
def export(paths: tuple[Path, ...], fmt: str, out: Path | None) -> None:
    """Export the corpus's metadata from TEI files (default: the edition's tei/) for other
    tools: the same files as the web edition's data/. URLs are absolute with the edition's
    base_url, else relative to the site.

    \b
    Example: cablegram export --format cmif --out cmif.xml
    Example: cablegram export tei/ --format csv
    """
    edition = _edition()
    with reported(2):
        out = out or Path(data.file_name(fmt))
        count = data.export(list(paths) or [edition.tei], fmt, out, edition)
    click.echo(f"{count} documents exported into {out}")


@main.command(name="print")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@directory_option("--out", "-o", help="Directory of the PDFs (default: the edition's build/print).")
@click.option("--volume-only", is_flag=True, help="Only the volumes, not one PDF per cable.")
@parallel_option
@tagged_option
@volume_size_option
@jobs_option
def print_command(
    paths: tuple[Path, ...],
    out: Path | None,
    volume_only: bool,
    parallel: bool | None,
    tagged: bool | None,
    volume_size: int,
    jobs: int | None,
) -> None:
    """Typeset the print edition (default: the edition's tei/): edition.pdf (or volumes of
    --volume-size cables and edition-index.pdf, the index of them all) and one PDF per
    cable.

    Example: cablegram print tei/ --out build/print --parallel
    """
    edition = _edition()
    out = out or edition.print_dir
    with reported(1):
        volume = pipeline.print_edition(
            list(paths) or [edition.tei],
            out,
            per_cable=not volume_only,
            volume_size=volume_size,
            jobs=jobs,
            edition=edition,
            parallel=edition.parallel if parallel is None else parallel,
            tagged=edition.tagged if tagged is None else tagged,
        )
    _report_left_out(volume.left_out)
    click.echo(_volumes_line(out, volume))
    sys.exit(1 if volume.left_out else 0)


@main.command()
@click.option(
    "--sources",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Directory of archive exports (default: the edition's, sources/).",
)
@tei_out_option
@directory_option(
    "--site", "site_dir", help="Directory of the web edition (default: the edition's build/site)."
)
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0: a free one; the URL is printed).",
)
@click.option("--print", "with_print", is_flag=True, help="Rebuild the print edition too.")
@directory_option(
    "--print-out",
    "print_dir",
    help="Directory of the print edition (default: the edition's build/print).",
)
@page_size_option
def serve(
    sources: Path | None,
    out: Path | None,
    site_dir: Path | None,
    port: int,
    with_print: bool,
    print_dir: Path | None,
    page_size: int,
) -> None:
    """Serve the web edition on 127.0.0.1 and rebuild it as its files change.

    Builds first (as `build --no-print`), then watches the sources, the TEI files, the
    authority files, the stylesheets and cablegram.toml: a TEI file saved is validated and
    its page made again at once (an open page reloads by itself), then the rest of the
    edition follows. Build errors show in the terminal and over the open page; the server
    keeps running. Ctrl-C stops it.

    Example: cablegram serve --port 0
    """
    edition = _edition()
    sources, out = sources or edition.sources, out or edition.tei
    site_dir, print_dir = site_dir or edition.site, print_dir or edition.print_dir
    if not sources.is_dir() and not out.is_dir():
        click.echo(f"error: {sources}, {out}: neither directory exists; nothing to serve", err=True)
        sys.exit(2)
    project = Project(sources, out, site_dir, print_dir if with_print else None, page_size, edition)
    signal.signal(signal.SIGTERM, _interrupt)  # stopped as by Ctrl-C: the build with it
    with reported(2), contextlib.suppress(KeyboardInterrupt):
        serve_edition(
            project,
            port=port,
            started=lambda url: click.echo(f"serving {url} (Ctrl-C stops)"),
            log=lambda line: click.echo(line, err=True),
        )


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


WARNINGS_SHOWN = 3  # of one rule in one file, in a build's output


def _build_issue_lines(issues: list[Issue], out: Path) -> Iterator[str]:
    """Every error; of the warnings of one rule in one file, the first few and a count
    (77 'authority entry unused' lines drowned what a build had to say), which
    `cablegram validate` lists in full."""
    counts = Counter((i.path, i.rule) for i in issues if i.severity == "warning")
    shown: Counter[tuple[str, str]] = Counter()
    for issue in issues:
        key = (issue.path, issue.rule)
        if issue.severity != "warning" or counts[key] <= WARNINGS_SHOWN + 1:
            yield str(issue)
            continue
        shown[key] += 1
        if shown[key] <= WARNINGS_SHOWN:
            yield str(issue)
        elif shown[key] == WARNINGS_SHOWN + 1:
            more = counts[key] - WARNINGS_SHOWN
            yield (
                f"{issue.path}: {more} more warnings [{issue.rule}] "
                f"(cablegram validate {out} lists them all)"
            )


def _volumes_line(out: Path, volume: pipeline.Volume) -> str:
    """What a print step made: its volume's pages (or its volumes), and the PDFs written."""
    pages = f"{volume.pages} pages" if volume.pages else "unchanged"
    written = f"{len(volume.pdfs)} PDFs written"
    if list(volume.volumes) == ["edition.pdf"]:
        return f"{out}/edition.pdf: {pages}; {written}"
    made = sum(pdf.name in volume.volumes for pdf in volume.pdfs)
    index = EDITION_INDEX + (" made again" if out / EDITION_INDEX in volume.pdfs else "")
    return (
        f"{out}/: {len(volume.volumes)} volumes (edition-1.pdf … "
        f"edition-{len(volume.volumes)}.pdf), {made} made again ({pages}), their index "
        f"{index}; {written}"
    )
