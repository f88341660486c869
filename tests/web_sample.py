"""A sample of a web edition's pages holding every kind of page it has, for the browser
tests that would otherwise open every page: the seeds, variants and samples make some 650
pages (a page per document and per entry they name), Chromium takes over half a second a
page, and the pages of one kind with the same features run the same scripts on the same
kinds of elements.

The sample is chosen by a rule over the pages themselves, never by their names, so that a
new kind of page, or a new feature of one, is in it as soon as the site has it:

- the first and the last page of each kind: the word its file name starts with (a document
  type such as cable or memorandum, an entry kind such as person, a list such as persons,
  the index, the chronology, the search page; a list's further pages, index-p2, are of
  its kind), first and last by name (a document type's earliest and latest);
- the first page of each set of features not yet sampled: the scripts it loads, whether
  it refreshes to another page (a redirect), the controls of its forms, and the layout of
  its versions (aligned or not; each version's kind and language, in order: an original
  with its translation, an original alone, a translation alone, three versions);
- then pages in order until every element class the site uses is on a sampled page (the
  stylesheet and edition.js act on classes: the popups of the interventions, sheet breaks,
  notes, lists).
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html

KIND = re.compile(r"[a-z]*")
VERSION = "//*[@data-version][contains(concat(' ', @class, ' '), ' version ')]"


def kind(name: str) -> str:
    """A page's kind: the word its file name starts with."""
    found = KIND.match(name)
    return found.group() if found else ""


def features(page: Path) -> tuple[frozenset[str], frozenset[str]]:
    """A page's features (see the module) and the classes of its elements (tag.class)."""
    html = lxml.html.parse(str(page)).getroot()
    controls = html.xpath("//input | //select | //textarea | //button")
    layout = [f"{v.get('data-version')}/{v.get('lang')}" for v in html.xpath(VERSION)]
    found = {
        *(f"script {source}" for source in html.xpath("//script/@src")),
        *(["inline script"] if html.xpath("//script[not(@src)]") else []),
        *(["refresh"] if html.xpath("//meta[@http-equiv='refresh']") else []),
        *(f"control {c.get('name') or c.get('id') or c.get('type') or c.tag}" for c in controls),
        *(f"versions {c}" for c in html.xpath("//*[contains(@class, 'versions')]/@class")),
        f"layout {' '.join(layout)}",
    }
    classes = {
        f"{element.tag}.{name}"
        for element in html.iter()
        if isinstance(element.tag, str)
        for name in (element.get("class") or "").split()
    }
    return frozenset(found), frozenset(classes)


def sample(site: Path) -> list[str]:
    """The sample of the site's pages (file names, sorted): see the module."""
    names = sorted(path.name for path in site.glob("*.html"))
    by_kind: dict[str, list[str]] = {}
    for name in names:
        by_kind.setdefault(kind(name), []).append(name)
    chosen = {name for pages in by_kind.values() for name in (pages[0], pages[-1])}
    found = {name: features(site / name) for name in names}
    sets = {found[name][0] for name in chosen}
    for name in names:
        if found[name][0] not in sets:
            sets.add(found[name][0])
            chosen.add(name)
    classes = set().union(*(found[name][1] for name in chosen))
    for name in names:
        if not found[name][1] <= classes:
            classes |= found[name][1]
            chosen.add(name)
    return sorted(chosen)
