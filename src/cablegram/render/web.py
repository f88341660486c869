"""The web edition: one page per cable, the index, entity pages, principles, search.

TEI file ──cable.xsl──▶ <id>.html (and tei/<id>.xml, the source, downloadable)
TEI file ──summary.xsl──▶ its summary; all summaries + authority ──index.xsl /
entities.xsl / principles.xsl / search.xsl──▶ the other pages
assets/ copied; Pagefind indexes the cable pages for search, offline (render.search).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from cablegram.errors import CablegramError
from cablegram.files import write_atomic
from cablegram.parallel import parallel_map, run_apart
from cablegram.render.corpus import CG_NS, XML_ID, SummaryCorpus, summary_corpus
from cablegram.render.search import SHARD_SIZE, build_search_index, bundle_names, shard_count
from cablegram.render.xslt import run, transform, xslt_dir
from cablegram.safexml import parse_xml

ENTITY_PAGES = {"persons.html": "person", "places.html": "place", "orgs.html": "org"}
ENTRY_KINDS = set(ENTITY_PAGES.values())  # the authority entries' elements


@dataclass
class SummaryCache:
    """Where a build keeps each cable's summary between builds, each file named by `keys`:
    the hash of what the summary is made from (the TEI file, the stylesheets, the code),
    so that only a summary of the same inputs is ever read back."""

    directory: Path
    keys: dict[Path, str]

    def read(self, files: list[Path]) -> dict[Path, bytes]:
        found = {}
        for path in files:
            kept = self.directory / f"{self.keys[path]}.xml"
            if kept.is_file():
                found[path] = kept.read_bytes()
        return found

    def keep(self, files: list[Path], made: dict[Path, bytes]) -> None:
        """Keep the summaries just made; drop those no file of the corpus has any more."""
        for path, summary in made.items():
            write_atomic(self.directory / f"{self.keys[path]}.xml", summary)
        current = {f"{self.keys[path]}.xml" for path in files}
        for kept in self.directory.glob("*.xml"):
            if kept.name not in current:
                kept.unlink()


@dataclass
class Site:
    out: Path
    pages: list[Path] = field(default_factory=list)
    search: bool = False


def render_site(
    tei_files: Iterable[Path],
    out: Path,
    *,
    search: bool = True,
    jobs: int | None = None,
    changed: set[Path] | None = None,
    corpus_pages: bool = True,
    shard_size: int = SHARD_SIZE,
    summary_cache: SummaryCache | None = None,
) -> Site:
    """Render TEI files (cables; authority files are taken from authority/ beside them);
    the cable pages on `jobs` processes. An incremental build passes the `changed` files
    (only their pages are made again), whether the pages spanning the corpus are due, and
    where each cable's summary is kept between builds (a summary made from the same
    inputs is read from there instead of being made again)."""
    files = sorted(tei_files)
    if not files:
        raise CablegramError("no TEI files to render")
    stylesheets = xslt_dir() / "web"
    site = Site(out)
    due = set(files) if changed is None else changed
    cache = summary_cache if corpus_pages else None
    cached = cache.read(files) if cache else {}
    # The pages of the cables due, and when the corpus pages are due, every cable's summary.
    jobs_ = [
        (path, out, path in due)
        for path in files
        if path in due or (corpus_pages and path not in cached)
    ]
    made: dict[Path, bytes] = {}
    for (path, _, _), (page, summary) in zip(
        jobs_, parallel_map(_cable_outputs, jobs_, jobs), strict=True
    ):
        if page is not None:
            site.pages.append(page)
        made[path] = summary
    if cache:
        cache.keep(files, made)
    # A cable's page carries the name of its TEI file (cg-file-id checks that it is its id).
    pages = [page for page in (out / f"{path.stem}.html" for path in files) if page.exists()]
    if corpus_pages:
        summaries = [cached[path] if path in cached else made[path] for path in files]
        bundles = bundle_names(shard_count(len(pages), shard_size))[1:]
        authority = files[0].parent / "authority"
        # in a process of its own: the corpus of summaries is the largest thing the web
        # edition holds (a few hundred MB at 10,000 cables); its memory goes back when the
        # process ends, before Pagefind needs its own
        site.pages.extend(run_apart(_corpus_pages, summaries, authority, out, stylesheets, bundles))
        del summaries  # nor is this kept while Pagefind runs
    del made, cached
    _copy_assets(stylesheets / "assets", out / "assets")
    # nothing made again and an index there: no need to read every page to be sure
    if search and (site.pages or not (out / "pagefind" / "pagefind-entry.json").is_file()):
        site.search = build_search_index(out, pages, shard_size)
    return site


def _corpus_pages(
    summaries: list[bytes], authority: Path, out: Path, stylesheets: Path, bundles: list[str]
) -> list[Path]:
    """The index, the entity lists and each entry's page, the principles and the search
    page (which merges the search index's `bundles` beyond the first); the pages written."""
    corpus = summary_corpus(summaries, authority)
    written = []
    for name, stylesheet, params in [
        ("index.html", "index.xsl", {}),
        ("principles.html", "principles.xsl", {}),
        ("search.html", "search.xsl", {"bundles": " ".join(f"{b}/" for b in bundles)}),
        *[(page, "entities.xsl", {"kind": kind}) for page, kind in ENTITY_PAGES.items()],
    ]:
        page = out / name
        write_atomic(page, run(stylesheets / stylesheet, corpus.tree, **params).encode())
        written.append(page)
    return written + _entry_pages(corpus, out, stylesheets)


def _entry_pages(corpus: SummaryCorpus, out: Path, stylesheets: Path) -> list[Path]:
    """A page for each authority entry that a cable mentions, made from a small document of
    its own, one at a time: a page listing every mention of every entry would be tens of
    megabytes at 10,000 cables, and so would the memory to make it. Pages of entries no
    longer mentioned are removed."""
    made: list[Path] = []
    for entry in corpus.tree.getroot().iterfind(f"{{{CG_NS}}}authority//*[@{XML_ID}]"):
        kind = etree.QName(entry).localname
        if kind not in ENTRY_KINDS or entry.get(XML_ID) not in corpus.mentions:
            continue
        page = out / f"{kind}-{entry.get(XML_ID)}.html"
        document = corpus.entry_document(entry)
        write_atomic(page, run(stylesheets / "entity.xsl", document).encode())
        made.append(page)
    for kind in ENTRY_KINDS:
        for stale in out.glob(f"{kind}-*.html"):
            if stale not in made:
                stale.unlink()
    return made


def _cable_outputs(job: tuple[Path, Path, bool]) -> tuple[Path | None, bytes]:
    """One cable's summary for the corpus pages; and, when `render` is set, its page and its
    downloadable TEI, written (the page's path comes back)."""
    path, out, render = job
    tree = parse_xml(path)
    summary = bytes(transform(xslt_dir() / "web" / "summary.xsl", tree))
    if not render:
        return None, summary
    xml_id = tree.getroot().get("{http://www.w3.org/XML/1998/namespace}id") or path.stem
    page = out / f"{xml_id}.html"
    write_atomic(page, run(xslt_dir() / "web" / "cable.xsl", tree).encode())
    write_atomic(out / "tei" / f"{xml_id}.xml", path.read_bytes())
    return page, summary


def _copy_assets(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            write_atomic(target / path.relative_to(source), path.read_bytes())
