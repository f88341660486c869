"""Old addresses that keep working: when a document's id changes (its date, number or
sender corrected), the web edition keeps a page at its old address that sends the reader
to the new one.

The build state holds the redirects, old id -> new id: one is added when a build withdraws
a document's TEI file because its source now converts under another id, chains collapse
(A -> B, then B -> C: A -> C), one is dropped when a document takes its old id again or
when its document leaves the edition (its source removed). The site gets a page
`OLD-ID.html` for each redirect whose document is in the edition (a refresh to the new
page, a canonical link, a link to follow without either, `noindex`; not in the index, not
searched: Pagefind indexes only the cables' pages) and `redirects.json`, the same mapping
for a server that can answer with real redirects (`OLD-ID.html` and the downloadable
`tei/OLD-ID.xml` alike: a static page cannot redirect an XML file).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from pathlib import Path

from lxml import etree

from cablegram import shapes
from cablegram.files import write_atomic
from cablegram.render.xslt import Styles

LISTING = "redirects.json"  # in the site: old id -> new id, of the redirect pages there


def update_redirects(
    redirects: dict[str, str], withdrawn: Iterable[tuple[str, str | None]], current: Collection[str]
) -> None:
    """Bring the redirects (old id -> new id) up to date with a build's withdrawals (the
    old id, and the id its source converts to now: None when the source is gone) and the
    ids of the documents now in the edition (`current`)."""
    for old, now in withdrawn:
        if now is not None:
            redirects[old] = now
    for old in list(redirects):
        redirects[old] = _final(redirects, old)
    gone = {old for old, now in withdrawn if now is None}
    for old in [old for old, new in redirects.items() if old in current or new in gone]:
        del redirects[old]


def _final(redirects: dict[str, str], old: str) -> str:
    """Where a chain of redirects from `old` ends (at the last id before a cycle)."""
    seen = {old}
    target = redirects[old]
    while target in redirects and redirects[target] not in seen:
        seen.add(target)
        target = redirects[target]
    return target


def write_redirect_pages(
    site: Path, redirects: dict[str, str], current: Collection[str], styles: Styles
) -> dict[Path, str]:
    """The redirect pages of the site: one for each redirect whose document is in the
    edition, written when missing or different; the pages of redirects since dropped
    removed, unless a cable's page took their name. The pages written, with the id each
    sends to."""
    listed = {old: new for old, new in sorted(redirects.items()) if new in current}
    written = {}
    for old, new in listed.items():
        page = site / f"{old}.html"
        document = etree.ElementTree(etree.Element("redirect"))
        data = styles.html_page("web/redirect.xsl", document, old=old, new=new)
        if not page.is_file() or page.read_bytes() != data:
            write_atomic(page, data)
            written[page] = new
    for old in _listed(site):
        if old not in listed and old not in current and _is_redirect(site / f"{old}.html"):
            (site / f"{old}.html").unlink()
    listing = json.dumps(listed, indent=1, sort_keys=True).encode() + b"\n"
    if not (site / LISTING).is_file() or (site / LISTING).read_bytes() != listing:
        write_atomic(site / LISTING, listing)
    return written


def _listed(site: Path) -> dict[str, str]:
    """The redirect pages the site holds, by the listing written with them (none when it
    is not a listing of ids)."""
    listed = shapes.read_json(site / LISTING, shapes.mapping(shapes.xml_id, shapes.xml_id))
    return listed if isinstance(listed, dict) else {}


def _is_redirect(page: Path) -> bool:
    """Whether a page of the site is a redirect page: a listing is only trusted so far (an
    id there may name another page of the site, index or an entry's)."""
    try:
        return REFRESH in page.read_bytes()
    except OSError:
        return False


REFRESH = b'<meta http-equiv="refresh"'  # (web/redirect.xsl's)
