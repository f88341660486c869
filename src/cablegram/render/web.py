"""The web edition: one page per cable, the index, entity pages, principles, search.

TEI file ──cable.xsl──▶ <id>.html (and tei/<id>.xml, the source, downloadable), with the
authority entries it names (`named_entries`) and, when the build prints, a link to its PDF
TEI file ──summary.xsl──▶ its summary, kept in SQLite (render.summaries); the summaries +
authority ──index.xsl / entity.xsl / entities.xsl / principles.xsl / search.xsl──▶ the
other pages, the index and each entry's cables in pages of 1,000 (on all cores)
assets/ copied; Pagefind indexes the cable pages for search, offline (render.search).

Each cable's page links its previous and next cable in the index's order (date, number,
name; the undated last), visibly and as <link rel="prev|next">. A page cannot know them
from its own file, and the order moves when any cable is added, removed or redated; so a
build works in two passes. First the summaries that are missing or outdated are made (on
all cores) and kept; the store then knows every cable's place, and gives each cable's
neighbours in one query (a few short strings per cable, never the summaries). Then the
pages are rendered, each with its neighbours as parameters of cable.xsl: the pages of the
changed cables, and those whose neighbours are not the ones the page was last rendered
with (the store keeps them, per page). A new cable so re-renders itself and the two pages
beside it; a rebuild with nothing changed renders nothing. A page rendered outside a build
(`serve`) has no neighbours until the build that follows.
"""

from __future__ import annotations

import contextlib
import copy
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from lxml import etree

from cablegram.edition import Edition
from cablegram.edition.scaffold import place_schemas
from cablegram.entities.authority import Authority, load_authority
from cablegram.errors import CablegramError
from cablegram.files import names_in, remove_existing, write_atomic
from cablegram.parallel import parallel_map
from cablegram.render.corpus import CG_NS, TEI_NS, XML_ID, authority_document
from cablegram.render.data import write_site_data
from cablegram.render.records import Facts, facts_of, name_forms
from cablegram.render.search import MANIFEST, SHARD_SIZE, build_search_index
from cablegram.render.summaries import (
    PAGE_SIZE,
    ListPage,
    Neighbours,
    PlannedPage,
    Summary,
    SummaryStore,
    read_summary,
    unusable,
)
from cablegram.render.xslt import Styles
from cablegram.safexml import parse_xml

ENTITY_PAGES = {"persons.html": "person", "places.html": "place", "orgs.html": "org"}
ENTRY_KINDS = set(ENTITY_PAGES.values())  # the authority entries' elements
NAMES = tuple(f"{{{TEI_NS}}}{name}" for name in ("persName", "placeName", "orgName"))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONTEXT = f"{{{CG_NS}}}context"  # what a cable's page is given of the authority entries
FACET_KINDS = {"person", "place"}  # the entries the index filters by


@dataclass
class SummaryCache:
    """Where a build keeps the cables' summaries between builds (an SQLite database,
    render.summaries); the key of each TEI file, the hash of what its summary is made from
    (the file, the stylesheets, the code), so that only a summary of the same inputs is
    ever used again; and the hash of what else the corpus pages are made from (the
    authority files, the stylesheets, the code): while it holds, a page of the index or
    of an entry is made again only when what it lists changed."""

    database: Path
    keys: dict[Path, str]
    context: str


@dataclass
class Site:
    """A web edition made: the pages written, whether the search index was made again and
    how long that took; why each file given that could not be rendered was left out."""

    out: Path
    pages: list[Path] = field(default_factory=list)
    search: bool = False
    search_seconds: float = 0.0
    left_out: list[str] = field(default_factory=list)


def render_site(
    tei_files: Iterable[Path],
    out: Path,
    *,
    search: bool = True,
    jobs: int | None = None,
    changed: set[Path] | None = None,
    corpus_pages: bool = True,
    shard_size: int = SHARD_SIZE,
    page_size: int = PAGE_SIZE,
    summary_cache: SummaryCache | None = None,
    edition: Edition | None = None,
    data: bool = True,
    pdfs: bool = False,
) -> Site:
    """Render TEI files (cables; authority files are taken from authority/ beside them);
    the cable pages on `jobs` processes; the index and each entry's list of cables in
    pages of `page_size`. An incremental build passes the `changed` files (only their
    pages are made again), whether the pages spanning the corpus are due, and where the
    cables' summaries are kept between builds (only the missing or outdated ones are made
    again). `data`: write the data downloads (data/, sitemap.xml) too; a build writes them
    itself, after the redirect pages (which the sitemap leaves out). `pdfs`: each cable's
    page links to its PDF at pdf/<id>.pdf (`build` says so when it prints: its print step,
    which runs after this one, puts the PDFs there; see build.steps)."""
    files = sorted(tei_files)
    if not files:
        raise CablegramError("no TEI files to render")
    styles = Styles.of(edition)
    site = Site(out)
    due = set(files) if changed is None else changed
    context = f"{summary_cache.context if summary_cache else ''} {page_size}"
    with _summaries(summary_cache, files) as (store, keys):
        # (every outdated summary, even when the corpus pages are not due: the pages'
        # neighbours come from them)
        stale = store.stale({path.name: keys[path] for path in files})
        summarise = [(path, styles) for path in files if path.name in stale]
        for (path, _), summary in zip(
            summarise, parallel_map(_summary_of, summarise, jobs), strict=True
        ):
            store.add(path.name, keys[path], summary)
        store.commit({path.name for path in files})
        neighbours, seen = store.neighbours(), store.neighbours_seen()
        none = Neighbours(None, None, None, None, None, None)
        render = [
            (path, out, styles, neighbours.get(path.name, none), pdfs)
            for path in files
            if path in due or seen.get(path.name) != neighbours.get(path.name, none).seen
        ]
        site.pages += parallel_map(_cable_page, render, jobs)
        store.rendered_with({path.name: around.seen for path, _, _, around, _ in render})
        # A cable's page carries the name of its TEI file (cg-file-id checks it is its id).
        present = names_in(out)
        pages = [out / f"{path.stem}.html" for path in files if f"{path.stem}.html" in present]
        authority = files[0].parent / "authority"
        if corpus_pages:
            job = _CorpusJob(store.database, authority, out, styles, page_size, context)
            site.pages.extend(_corpus_pages(store, job, jobs))
        # nothing made again and an index there: no need to read every page to be sure
        if search and (site.pages or not (out / MANIFEST).is_file()):
            started = time.perf_counter()
            names = load_authority(authority)
            language = dict(styles.params).get("edition-language", "en")
            site.search = build_search_index(
                out,
                pages,
                partial(_facts, store, names, language),
                name_forms(names, store.entry_counts(), language),
                shard_size,
                written=set(site.pages),
            )
            site.search_seconds = time.perf_counter() - started
    _copy_assets(styles.path("web/assets"), out / "assets")
    # what the downloadable TEI files point at: their schemas (xml-model) and names (@ref)
    place_schemas(out / "schemas")
    _copy_assets(files[0].parent / "authority", out / "tei" / "authority")
    if edition is not None and edition.css is not None:
        _copy_css(edition.css, out / "assets" / "edition-own.css")
    if data:
        write_site_data(files, out, edition)
    return site


def _facts(store: SummaryStore, authority: Authority, language: str, page: str) -> Facts:
    """The facets of the document whose page is `page`, from its summary (none when the
    corpus pages were not made and it has none)."""
    found = store.row_and_entries(f"{Path(page).stem}.xml")
    if found is None:
        return Facts(title="", date="", when="", type="")
    return facts_of(*found, authority, language)


@contextlib.contextmanager
def _summaries(
    cache: SummaryCache | None, files: list[Path]
) -> Iterator[tuple[SummaryStore, dict[Path, str]]]:
    """The build's store of summaries, or (outside a build) a new one for this run; an
    SQLite error (a full disk, a file locked by another build) is reported naming it."""
    with contextlib.ExitStack() as stack:
        if cache is not None:
            database, keys = cache.database, cache.keys
        else:
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="cablegram-"))
            database, keys = Path(scratch) / "summaries.sqlite", dict.fromkeys(files, "")
        store = stack.enter_context(SummaryStore(database))
        try:
            yield store, keys
        except sqlite3.Error as exc:
            raise unusable(database, exc) from exc


@dataclass(frozen=True)
class _CorpusJob:
    """What the processes making the pages that span the corpus share: where the summaries
    are, the authority files, the output, the stylesheets, the page size, and `context`:
    what else the pages are made from."""

    database: Path
    authority: Path
    out: Path
    styles: Styles
    page_size: int
    context: str


def _corpus_pages(store: SummaryStore, job: _CorpusJob, jobs: int | None) -> list[Path]:
    """The pages of the index and of each mentioned entry whose inputs changed since they
    were made, the entity lists, the principles and the search page, on `jobs` processes
    (one task for the index and the pages that read the authority files, one per entry);
    the pages written. Pages of a list that has become shorter, and of entries no longer
    mentioned, are removed."""
    _, mentioned = _mentioned(job.authority, store)
    tasks: list[str | None] = [None, *mentioned]  # None: the index and the lists
    before = store.made_pages()
    written: list[Path] = []
    now: dict[str, str] = {}
    try:
        for pages, digests in parallel_map(
            _corpus_task, tasks, jobs, initializer=_corpus_setup, initargs=(job, before)
        ):
            written += pages
            now.update(digests)
    finally:
        _close_corpus()  # when the tasks ran in this process
    for kind in ("index-p", *(f"{kind}-" for kind in ENTRY_KINDS)):
        for stale in job.out.glob(f"{kind}*.html"):
            if stale.name not in now:
                stale.unlink()
    store.pages_made(now)
    return written


def _mentioned(
    authority: Path, store: SummaryStore
) -> tuple[etree._ElementTree, dict[str, etree._Element]]:
    """The authority document with each entry's counts, and the entries a cable mentions,
    by id."""
    entries = authority_document(authority, store.entry_counts())
    mentioned = {
        entry.get(XML_ID, ""): entry
        for entry in entries.getroot().iterfind(f"{{{CG_NS}}}authority//*[@{XML_ID}]")
        if etree.QName(entry).localname in ENTRY_KINDS and entry.get(f"{{{CG_NS}}}cables")
    }
    return entries, mentioned


@dataclass
class _CorpusWorker:
    """What a process making corpus pages holds: the job, the summaries, the authority
    document, the entries mentioned, the digests of the pages as they were last made."""

    job: _CorpusJob
    store: SummaryStore
    entries: etree._ElementTree
    mentioned: dict[str, etree._Element]
    before: dict[str, str]


_WORKER: dict[str, _CorpusWorker] = {}


def _corpus_setup(job: _CorpusJob, before: dict[str, str]) -> None:
    """A worker's initializer (or this process's, when the tasks run here)."""
    _close_corpus()
    store = SummaryStore(job.database)
    _WORKER["current"] = _CorpusWorker(job, store, *_mentioned(job.authority, store), before)


def _close_corpus() -> None:
    worker = _WORKER.pop("current", None)
    if worker is not None:
        worker.store.close()


def _corpus_task(entry_id: str | None) -> tuple[list[Path], dict[str, str]]:
    """The pages of one entry, or (None) the index and the pages that read the authority
    files: the pages written, and the digest of every page of the task."""
    worker = _WORKER["current"]
    job, store = worker.job, worker.store
    now: dict[str, str] = {}
    if entry_id is not None:
        entry = worker.mentioned[entry_id]
        kind = etree.QName(entry).localname
        listing = store.entry_pages(f"{kind}-{entry_id}", entry_id, job.context, job.page_size)
        make = partial(store.entry_page, entry_id, listing)
        pages = _changed_pages(job, "entity.xsl", listing.pages, make, worker.before, now, entry)
        return pages, now
    plan = store.index_pages(job.context, job.page_size)
    named = {
        entry_id: (kind, _preferred_name(entry))
        for entry_id, entry in worker.mentioned.items()
        if (kind := etree.QName(entry).localname) in FACET_KINDS
    }
    make = partial(store.index_page, plan, named=named)
    written = _changed_pages(job, "index.xsl", plan, make, worker.before, now)
    chronology = job.out / "chronology.html"
    write_atomic(
        chronology,
        job.styles.html_page("web/chronology.xsl", store.chronology(job.page_size)),
    )
    written.append(chronology)
    for name, stylesheet_name, params in [
        ("principles.html", "principles.xsl", {}),
        ("search.html", "search.xsl", {}),
        *[(page, "entities.xsl", {"kind": kind}) for page, kind in ENTITY_PAGES.items()],
    ]:
        page = job.out / name
        html = job.styles.html_page(f"web/{stylesheet_name}", worker.entries, **params)
        write_atomic(page, html)
        written.append(page)
    return written, now


def _preferred_name(entry: etree._Element) -> str:
    """An authority entry's preferred English name, its white space normalised."""
    return str(entry.xpath("normalize-space(*[@type='preferred'][@xml:lang='en'])"))


def _changed_pages(
    job: _CorpusJob,
    stylesheet: str,
    plan: list[PlannedPage],
    make: Callable[[int], ListPage],
    before: dict[str, str],
    now: dict[str, str],
    entry: etree._Element | None = None,
) -> list[Path]:
    """Write the pages of a list whose digest changed since they were made (or that are
    missing); record every page's digest in `now`."""
    written = []
    for number, (page, digest) in enumerate(plan, 1):
        now[page.name] = digest
        if before.get(page.name) != digest or not (job.out / page.name).exists():
            written.append(_list_page(job, stylesheet, make(number), entry))
    return written


def _list_page(
    job: _CorpusJob, stylesheet: str, page: ListPage, entry: etree._Element | None = None
) -> Path:
    """Write one page of a list of cables (the index's, or an entry's when `entry` is
    given)."""
    target = job.out / page.name
    write_atomic(target, job.styles.html_page(f"web/{stylesheet}", page.document(entry)))
    return target


def _summary_of(job: tuple[Path, Styles]) -> Summary:
    """A cable's summary for the corpus pages."""
    path, styles = job
    return read_summary(bytes(styles.transform("web/summary.xsl", parse_xml(path))))


def _cable_page(job: tuple[Path, Path, Styles, Neighbours, bool]) -> Path:
    """Render one cable's page (with its neighbours by date; `pdf`: linking its PDF); its
    path."""
    path, out, styles, neighbours, pdf = job
    return render_cable(path, out, styles, pdf=pdf, neighbours=neighbours)


def render_cable(
    path: Path,
    out: Path,
    styles: Styles,
    tree: etree._ElementTree | None = None,
    *,
    pdf: bool = False,
    neighbours: Neighbours | None = None,
) -> Path:
    """Write one cable's page and its downloadable TEI (`tree`: the file, already parsed);
    the page's path. `pdf`: the page links to the cable's PDF (pdf/<id>.pdf); `neighbours`:
    the previous and next cable by date, linked from the page. `serve` calls it alone, to
    show an edited file before the build (without neighbours: the build that follows adds
    them).

    The page is given the authority entries the cable names (its side panel,
    web/context.xsl) as a `cg:context` element appended to the parsed TEI for the
    transformation only: the stylesheet finds them at /tei:TEI/cg:context without reading
    the authority files for each page (3 ms a page, a third of its time), and the
    downloadable TEI is the file's own bytes."""
    if tree is None:
        tree = parse_xml(path)
    root = tree.getroot()
    xml_id = root.get(XML_ID) or path.stem
    page, download = cable_files(out, xml_id)
    context = named_entries(root, path.parent / "authority")
    params = neighbours.params() if neighbours else {}
    root.append(context)
    try:
        html = styles.html_page("web/cable.xsl", tree, pdf="yes" if pdf else "", **params)
    finally:
        root.remove(context)
    write_atomic(page, html)
    write_atomic(download, path.read_bytes())
    return page


def named_entries(root: etree._Element, authority: Path) -> etree._Element:
    """A `cg:context` holding a copy of each authority entry the document names (the first
    entry of a name's @ref, as the entity pages count mentions: render.summaries), once, in
    the order of its first mention: the header's correspondents first, then the text. A
    reference to no entry of the authority files is left out (validation reports it)."""
    entries = _authority_entries(authority, _stamp(authority))
    context = etree.Element(CONTEXT, nsmap={"cg": CG_NS})
    seen: set[tuple[str, str]] = set()
    for name in root.iter(*NAMES):
        refs = (name.get("ref") or "").split()
        if not refs:
            continue
        file, _, entry_id = refs[0].partition("#")
        key = (Path(file).name, entry_id)
        if key not in seen and key in entries:
            seen.add(key)
            context.append(copy.deepcopy(entries[key]))
    return context


def _stamp(authority: Path) -> tuple[tuple[str, int, int], ...]:
    """The authority files as they are now (name, size, time of change): a process that
    lives on (serve) reads them again when one changes."""
    stamps = []
    for path in sorted(authority.glob("*.xml")):
        stat = path.stat()
        stamps.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


@lru_cache(maxsize=4)  # (a build reads one authority; tests and serve, a few in turn)
def _authority_entries(
    authority: Path, stamp: tuple[tuple[str, int, int], ...]
) -> dict[tuple[str, str], etree._Element]:
    """The entries of the authority files, by (file name, id): read once per process and
    state of the files (`stamp`)."""
    entries = {}
    for name, *_ in stamp:
        root = parse_xml(authority / name).getroot()
        for entry in root.iter(*(f"{{{TEI_NS}}}{kind}" for kind in ENTRY_KINDS)):
            if entry.get(XML_ID):
                # its language said on it: a copy does not inherit the file's
                lang = entry.xpath("string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)")
                if lang:
                    entry.set(XML_LANG, lang)
                entries[(name, entry.get(XML_ID, ""))] = entry
    return entries


def cable_files(out: Path, xml_id: str) -> tuple[Path, Path]:
    """A cable's page in the site and its downloadable TEI."""
    return out / f"{xml_id}.html", out / "tei" / f"{xml_id}.xml"


def cables_rendered(out: Path) -> set[str]:
    """The ids of the cables whose page and downloadable TEI are in the site."""
    copies = {Path(name).stem for name in names_in(out / "tei") if name.endswith(".xml")}
    return {Path(name).stem for name in names_in(out) if name.endswith(".html")} & copies


def remove_cable_pages(out: Path, ids: Iterable[str]) -> list[Path]:
    """Remove the pages (and downloadable TEI) of cables no longer in the corpus; the
    files removed."""
    return remove_existing(path for xml_id in ids for path in cable_files(out, xml_id))


def _copy_css(css: Path, target: Path) -> None:
    """The edition's own stylesheet ([web] css), loaded after the packaged one."""
    try:
        data = css.read_bytes()
    except OSError as exc:
        raise CablegramError(
            f"{css}: the edition's stylesheet ([web] css) cannot be read ({exc.strerror})"
        ) from exc
    write_atomic(target, data)


def _copy_assets(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            write_atomic(target / path.relative_to(source), path.read_bytes())
