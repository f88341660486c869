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
from cablegram.parallel import parallel_map
from cablegram.render.corpus import CG_NS, summary_corpus
from cablegram.render.search import SHARD_SIZE, build_search_index, bundle_names, shard_count
from cablegram.render.xslt import run, transform, xslt_dir
from cablegram.safexml import parse_xml

ENTITY_PAGES = {"persons.html": "person", "places.html": "place", "orgs.html": "org"}
ENTRY_KINDS = set(ENTITY_PAGES.values())  # the authority entries' elements
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


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
) -> Site:
    """Render TEI files (cables; authority files are taken from authority/ beside them);
    the cable pages on `jobs` processes. An incremental build passes the `changed` files
    (only their pages are made again) and whether the pages spanning the corpus are due."""
    files = sorted(tei_files)
    if not files:
        raise CablegramError("no TEI files to render")
    stylesheets = xslt_dir() / "web"
    site = Site(out)
    due = set(files) if changed is None else changed
    # The pages of the cables due, and when the corpus pages are due, every cable's summary.
    jobs_ = [(path, out, path in due) for path in files if corpus_pages or path in due]
    summaries = []
    for page, summary in parallel_map(_cable_outputs, jobs_, jobs):
        if page is not None:
            site.pages.append(page)
        summaries.append(summary)
    # A cable's page carries the name of its TEI file (cg-file-id checks that it is its id).
    pages = [page for page in (out / f"{path.stem}.html" for path in files) if page.exists()]
    if corpus_pages:
        bundles = bundle_names(shard_count(len(pages), shard_size))[1:]
        corpus = summary_corpus(summaries, files[0].parent / "authority")
        _corpus_pages(corpus, out, site, stylesheets, bundles)
    _copy_assets(stylesheets / "assets", out / "assets")
    if search:
        site.search = build_search_index(out, pages, shard_size)
    return site


def _corpus_pages(
    corpus: etree._ElementTree, out: Path, site: Site, stylesheets: Path, bundles: list[str]
) -> None:
    """The index, the entity lists and each entry's page, the principles and the search
    page (which merges the search index's `bundles` beyond the first)."""
    mentions = _mentions_by_entry(corpus)
    for name, stylesheet, params in [
        ("index.html", "index.xsl", {}),
        ("principles.html", "principles.xsl", {}),
        ("search.html", "search.xsl", {"bundles": " ".join(f"{b}/" for b in bundles)}),
        *[(page, "entities.xsl", {"kind": kind}) for page, kind in ENTITY_PAGES.items()],
    ]:
        page = out / name
        write_atomic(page, run(stylesheets / stylesheet, corpus, **params).encode())
        site.pages.append(page)
    _entry_pages(corpus, mentions, out, site, stylesheets)


def _mentions_by_entry(corpus: etree._ElementTree) -> dict[str, list[etree._Element]]:
    """The cables' mentions of each authority entry, in corpus order; each entry gets how
    many cables and passages mention it (cg:cables, cg:passages) for the entity lists."""
    by_entry: dict[str, list[etree._Element]] = {}
    for mention in corpus.iter(f"{{{CG_NS}}}mention"):
        by_entry.setdefault(mention.get("entry", ""), []).append(mention)
    for entry in corpus.getroot().iterfind(f"{{{CG_NS}}}authority//*[@{XML_ID}]"):
        found = by_entry.get(entry.get(XML_ID, ""), [])
        if found:
            entry.set(f"{{{CG_NS}}}cables", str(len({m.getparent().get("id") for m in found})))
            entry.set(f"{{{CG_NS}}}passages", str(len(found)))
    return by_entry


def _entry_pages(
    corpus: etree._ElementTree,
    mentions: dict[str, list[etree._Element]],
    out: Path,
    site: Site,
    stylesheets: Path,
) -> None:
    """A page for each authority entry that a cable mentions, made from a small document of
    its own (the entry, and the summaries of its cables with its mentions only), one at a
    time: a page listing every mention of every entry would be tens of megabytes at
    10,000 cables, and so would the memory to make it. Pages of entries no longer
    mentioned are removed."""
    made: set[Path] = set()
    for entry in corpus.getroot().iterfind(f"{{{CG_NS}}}authority//*[@{XML_ID}]"):
        found = mentions.get(entry.get(XML_ID, ""))
        if etree.QName(entry).localname not in ENTRY_KINDS or not found:
            continue
        page = out / f"{etree.QName(entry).localname}-{entry.get(XML_ID)}.html"
        document = _entry_document(entry, found)
        write_atomic(page, run(stylesheets / "entity.xsl", document).encode())
        site.pages.append(page)
        made.add(page)
    for kind in ENTRY_KINDS:
        for stale in out.glob(f"{kind}-*.html"):
            if stale not in made:
                stale.unlink()


def _entry_document(entry: etree._Element, mentions: list[etree._Element]) -> etree._ElementTree:
    root = etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS})
    cables = etree.SubElement(root, f"{{{CG_NS}}}cables")
    current: etree._Element | None = None
    for mention in mentions:  # in corpus order: the mentions of one cable are together
        summary = mention.getparent()
        if current is None or current.get("id") != summary.get("id"):
            current = etree.SubElement(cables, summary.tag, attrib=dict(summary.attrib))
            current.append(summary.find(f"{{{CG_NS}}}title").__copy__())
        current.append(mention.__copy__())
    etree.SubElement(root, f"{{{CG_NS}}}authority").append(entry.__copy__())
    return etree.ElementTree(root)


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
