"""The rebuild loop of `cablegram serve`: watch the inputs, show what changed, build the
rest.

A TEI file saved takes the quick path first, in this process: it is validated alone and,
valid, its page is made again and the open page told to reload; then the incremental build
(`build.build`: the corpus pages, the search index) runs in a process of its own
(serve.job) while the loop goes on watching. A source saved is converted first, then takes
the same path. The authority files, the stylesheets and the configuration have no quick
path: they change many pages, which the build makes again. Whatever changes while a build
runs makes one more build due, started when the running one ends: changes are coalesced,
never lost.

Errors are kept by file: those the last build found, overridden by the quick path's verdict
on the files changed since that build started (the build read them as they were).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from cablegram.edition import Edition, load_edition
from cablegram.edition.resources import stylesheets
from cablegram.errors import CablegramError
from cablegram.pipeline import convert, is_sealed
from cablegram.render.summaries import PAGE_SIZE
from cablegram.render.web import render_cable
from cablegram.render.xslt import Styles, forget_stylesheets
from cablegram.serve.job import BuildJob, RunningBuild
from cablegram.serve.server import Events, start_server, url_of
from cablegram.serve.watch import Changes, Root, Watcher
from cablegram.sources import is_export
from cablegram.validate import validate_files
from cablegram.validate.runner import forget_authority

POLL = 0.1  # seconds between looks at the inputs, at least
LOOK_SHARE = 3  # and at least this many times a look's processor time (a stat per file)
ALL_PAGES = 100  # a build that wrote more pages than this reloads every open page

Log = Callable[[str], None]


def _is_xml(name: str) -> bool:
    return name.endswith(".xml") and not name.startswith(".")


@cache
def _is_export(name: str) -> bool:
    """Whether a file of this name in the sources directory is an export (kept: the
    watcher asks of every file at every look)."""
    return is_export(Path(name))


@dataclass(frozen=True)
class Project:
    """The edition `serve` builds: `build.build`'s directories (no print edition when
    `print_dir` is None), the page size, and the edition (its configuration file, if it
    has one, is watched and read again when it changes)."""

    sources: Path
    tei: Path
    site: Path
    print_dir: Path | None = None
    page_size: int = PAGE_SIZE
    edition: Edition | None = None

    def roots(self) -> dict[str, Root]:
        """The groups of files watched: the edition's own stylesheets beside the packaged
        ones (those change only with cablegram, when they are being worked on)."""
        roots = {
            "sources": Root(self.sources, _is_export),
            "tei": Root(self.tei, _is_xml),
            "authority": Root(self.tei / "authority", _is_xml),
            "stylesheets": Root(stylesheets(), recursive=True),
        }
        edition = self.edition
        if edition is not None and edition.overrides is not None:
            roots["own stylesheets"] = Root(edition.overrides, recursive=True)
        if edition is not None and edition.config is not None:
            roots["config"] = Root(edition.config)
        return roots

    @property
    def styles(self) -> Styles:
        return Styles.of(self.edition)

    def job(self) -> BuildJob:
        printed = str(self.print_dir) if self.print_dir else None
        root = str(self.edition.root) if self.edition and self.edition.config else None
        return BuildJob(
            str(self.sources), str(self.tei), str(self.site), printed, self.page_size, root
        )


class Rebuilder:
    """The loop's state: the watcher, the running build, whether another is due, the
    errors, the pages announced. `step()` does one turn."""

    def __init__(self, project: Project, events: Events, log: Log) -> None:
        self.project = project
        self.events = events
        self.log = log
        self.watcher = Watcher(project.roots())
        self.build: RunningBuild | None = None
        self.due = True  # the first build
        events.building = True  # a build is running or due (the status endpoint says so)
        self.started = 0.0
        self.built_errors: dict[str, list[str]] = {}
        self.quick_errors: dict[str, list[str]] = {}
        self.touched: set[Path] = set()  # TEI files shown since the running build started
        self.shown: dict[Path, str] = {}  # TEI files whose page the quick path made: its name
        self.announced: dict[str, str] = {}  # pages the quick path made: their digest

    def step(self) -> None:
        changes = self.watcher.poll()
        if changes:
            self._changed(changes)
        if self.build is not None and self.build.done():
            self._finish(self.build)
        if self.build is None and self.due:
            self._start()

    def warm(self) -> None:
        """Compile what the quick path uses (the schemas, the cable's stylesheet) before the
        first edit needs it."""
        self.project.styles.prepare("web/cable.xsl")
        first = next(iter(sorted(self.project.tei.glob("*.xml"))), None)
        if first is not None:
            validate_files([first], jobs=1)

    def close(self) -> None:
        if self.build is not None:
            self.build.stop()
            self.build = None

    def _changed(self, changes: Changes) -> None:
        for group in ("stylesheets", "own stylesheets", "authority", "config"):
            for path in sorted(changes[group]):
                self.log(f"{path} changed: the whole edition follows")
        if changes["stylesheets"] or changes["own stylesheets"]:
            forget_stylesheets()  # compiled from the files as they were
        if changes["config"]:
            self._reconfigure()
        if changes["authority"]:
            forget_authority()
        # A file whose page the quick path made takes it again whatever the change: the
        # build's state knows its page as made from what the build last read, which may
        # be what the file holds again (an edit undone), and would keep the page.
        tei = {path for path in changes["tei"] if path in self.shown or _edited(path)}
        for source in sorted(path for path in changes["sources"] if path.exists()):
            tei |= self._convert(source)
        for path in sorted(tei):
            self._quick(path)
        self.due = self.events.building = True

    def _reconfigure(self) -> None:
        """Read the edition's configuration again (the quick path's pages say what it says;
        the build, in a process of its own, reads it itself); a bad one is shown as an
        error until it is mended."""
        edition = self.project.edition
        if edition is None or edition.config is None:
            return
        try:
            self.project = replace(self.project, edition=load_edition(edition.root))
            self.quick_errors[str(edition.config)] = []
        except CablegramError as exc:
            self.quick_errors[str(edition.config)] = str(exc).splitlines()
        forget_stylesheets()
        self._show_errors()

    def _convert(self, source: Path) -> set[Path]:
        """Convert a source saved; the TEI file written (the watcher is told: the quick
        path shows it now, not on the next look)."""
        self.log(f"{source} changed: converting it")
        try:
            results = convert([source], self.project.tei, jobs=1, edition=self.project.edition)
        except CablegramError as exc:
            self.quick_errors[str(source)] = [str(exc)]
            self._show_errors()
            return set()
        written = set()
        for result in results:
            if result.done and result.output is not None:
                written.add(result.output)
                self.watcher.acknowledge("tei", result.output)
            self.quick_errors[str(source)] = [] if result.done else [result.message or "failed"]
        self._show_errors()
        return written

    def _quick(self, tei: Path) -> None:
        """Validate one TEI file and, valid, make its page again and reload it."""
        started = time.perf_counter()
        page = None
        try:
            errors = [str(issue) for issue in validate_files([tei], jobs=1).errors]
            if not errors:
                pdf = self.project.print_dir is not None  # (as the build makes it)
                page = render_cable(tei, self.project.site, self.project.styles, pdf=pdf)
        except CablegramError as exc:
            errors = [str(exc)]
        except OSError as exc:  # the site cannot be written (a full disk, its permissions)
            errors = [f"{exc.filename or tei}: cannot be written ({exc.strerror})"]
        self.quick_errors[str(tei)] = errors
        self.touched.add(tei)
        self._show_errors()
        if page is not None:
            self.shown[tei] = page.name
            seconds = time.perf_counter() - started
            self.log(f"{page.name} made again ({seconds:.2f} s); the rest of the edition follows")
            self._reload([page.name], remember=True)

    def _start(self) -> None:
        self.due = False
        self.touched = set()
        self.started = time.perf_counter()
        self.log("building …")
        self.build = self.project.job().start()

    def _finish(self, build: RunningBuild) -> None:
        outcome = build.outcome()
        self.build = None
        self.events.building = self.due
        seconds = time.perf_counter() - self.started
        for warning in outcome.warnings:
            self.log(f"warning: {warning}")
        # the build read the files as they were when it started: what the quick path found
        # in a file changed since stands, and a page the build made of such a file is made
        # again from the file as it is now
        self.built_errors = outcome.errors
        self.quick_errors = {
            name: errors for name, errors in self.quick_errors.items() if Path(name) in self.touched
        }
        made = set(outcome.pages)
        for path in sorted(self.touched):
            if self.shown.get(path) in made and path.exists():
                self._quick(path)
        self._show_errors()
        self._reload(outcome.pages)
        built = "failed" if outcome.errors else "built"
        self.log(f"{built} in {seconds:.1f} s: {outcome.summary}".rstrip(": "))

    def _errors(self) -> dict[str, list[str]]:
        errors = {name: lines for name, lines in self.built_errors.items() if lines}
        for name, lines in self.quick_errors.items():
            if lines:
                errors[name] = lines
            else:
                errors.pop(name, None)
        return errors

    def _show_errors(self) -> None:
        """Show the errors in the open pages; in the terminal too when they changed."""
        errors = self._errors()
        text = "\n".join(line for name in sorted(errors) for line in errors[name])
        if text and text != self.events.errors:
            for line in text.splitlines():
                self.log(f"error: {line}")
        self.events.status(text)

    def _reload(self, pages: list[str], remember: bool = False) -> None:
        """Tell the open pages which pages were made again; a page the quick path made and
        announced is not announced again while it is what was announced (the build makes it
        again after the quick path)."""
        fresh = []
        for name in pages:
            if remember or name in self.announced:
                digest = _digest(self.project.site / name)
                if self.announced.get(name) == digest:
                    continue
                self.announced[name] = digest
            fresh.append(name)
        if fresh:
            self.events.reload(fresh if len(fresh) <= ALL_PAGES else ["*"])


def _edited(path: Path) -> bool:
    """Whether a TEI file changed is there and not as cablegram wrote it: an editor's work,
    for the quick path. A file cablegram's conversion wrote (a build's, most often) is
    left to the build."""
    try:
        return not is_sealed(path.read_bytes())
    except OSError:
        return False


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def serve_edition(
    project: Project,
    *,
    port: int = 8000,
    stop: threading.Event | None = None,
    started: Callable[[str], None] | None = None,
    log: Log = print,
    interval: float = POLL,
) -> None:
    """Serve the site on 127.0.0.1:`port` (0: a free port; `started` gets its URL), build
    it, and rebuild what changes until `stop` is set (or the caller is interrupted). A
    port that cannot be had is a `CablegramError`."""
    events = Events()
    rebuilder = Rebuilder(project, events, log)
    try:
        server, thread = start_server(project.site, events, port)
    except OSError as exc:
        raise CablegramError(
            f"127.0.0.1:{port}: cannot serve there ({exc.strerror}); try another --port, "
            "or --port 0 for a free one"
        ) from exc
    stop = stop or threading.Event()
    try:
        (started or log)(url_of(server))
        rebuilder.step()  # the first build starts
        rebuilder.warm()
        while not stop.wait(max(interval, LOOK_SHARE * rebuilder.watcher.seconds)):
            try:
                rebuilder.step()
            except Exception as exc:  # a bug: said, and the server goes on (the change is
                # seen already: it is not tried again at every turn)
                log(f"error: internal error in serve ({type(exc).__name__}: {exc})")
    finally:
        rebuilder.close()
        events.close()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
