"""The web edition: one page per cable, the index, entity pages, principles, search.

TEI files ──cable.xsl──▶ <id>.html (and tei/<id>.xml, the source, downloadable)
all TEI + authority ──index.xsl / entities.xsl / principles.xsl──▶ the other pages
assets/ copied; Pagefind indexes the site for search, offline.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cablegram.errors import CablegramError
from cablegram.files import write_atomic
from cablegram.parallel import parallel_map
from cablegram.render.corpus import build_corpus
from cablegram.render.xslt import run, xslt_dir
from cablegram.safexml import parse_xml

ENTITY_PAGES = {"persons.html": "person", "places.html": "place", "orgs.html": "org"}


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
) -> Site:
    """Render TEI files (cables; authority files are taken from authority/ beside them);
    the cable pages on `jobs` processes. An incremental build passes the `changed` files
    (only their pages are made again) and whether the pages spanning the corpus are due."""
    files = sorted(tei_files)
    if not files:
        raise CablegramError("no TEI files to render")
    stylesheets = xslt_dir() / "web"
    site = Site(out)
    todo = [path for path in files if changed is None or path in changed]
    site.pages.extend(parallel_map(_cable_page, [(path, out) for path in todo], jobs))
    if corpus_pages:
        _corpus_pages(files, out, site, stylesheets)
    _copy_assets(stylesheets / "assets", out / "assets")
    if search and (site.pages or not (out / "pagefind").exists()):
        site.search = build_search_index(out)
    return site


def _corpus_pages(files: list[Path], out: Path, site: Site, stylesheets: Path) -> None:
    """The index, the entity pages, the principles and the search page."""
    cables = (parse_xml(path) for path in files)  # one at a time: only outlines are kept
    corpus = build_corpus(cables, files[0].parent / "authority")
    for name, stylesheet, params in [
        ("index.html", "index.xsl", {}),
        ("principles.html", "principles.xsl", {}),
        ("search.html", "search.xsl", {}),
        *[(page, "entities.xsl", {"kind": kind}) for page, kind in ENTITY_PAGES.items()],
    ]:
        page = out / name
        write_atomic(page, run(stylesheets / stylesheet, corpus, **params).encode())
        site.pages.append(page)


def _cable_page(job: tuple[Path, Path]) -> Path:
    """Write one cable's page and its downloadable TEI; the page's path."""
    path, out = job
    tree = parse_xml(path)
    xml_id = tree.getroot().get("{http://www.w3.org/XML/1998/namespace}id") or path.stem
    page = out / f"{xml_id}.html"
    write_atomic(page, run(xslt_dir() / "web" / "cable.xsl", tree).encode())
    write_atomic(out / "tei" / f"{xml_id}.xml", path.read_bytes())
    return page


def _copy_assets(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            write_atomic(target / path.relative_to(source), path.read_bytes())


def build_search_index(out: Path) -> bool:
    """Index the site with Pagefind (offline, from PyPI's pagefind[bin])."""
    if shutil.which("pagefind") is None:
        try:
            import pagefind_bin  # noqa: F401
        except ImportError:
            return False
    command = [sys.executable, "-m", "pagefind", "--site", str(out), "--output-subdir", "pagefind"]
    run_ = subprocess.run(command, capture_output=True, text=True, check=False)
    if run_.returncode:
        raise CablegramError(f"pagefind failed: {run_.stderr.strip() or run_.stdout.strip()}")
    return True
