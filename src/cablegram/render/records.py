"""Search records: what the search index holds of a document, one record per version.

A document's page shows its versions side by side, each in its own language, but Pagefind
indexes a page in one language (its <html lang>), with one stemmer. So the index is not
made from the pages: each version of a page becomes a record of its own, in its version's
language, whose anchors are the version's passages (a heading with the passage's id before
each passage's text, which Pagefind turns into a sub-result: a result opens at its
passage), and whose filters, metadata and sort key describe the document (the facets of
the search page).

page ──versions_of──▶ VersionText (the passages' words, as the page shows them, less what
it marks data-pagefind-ignore) ──record_html(Facts)──▶ the HTML Pagefind reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape

import lxml.html
from lxml import etree

from cablegram.entities.authority import Authority
from cablegram.render.corpus import CG_NS
from cablegram.safexml import safe_parser

# Elements whose boundaries separate words (their text is not run into the next word's).
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "section", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    }
)  # fmt: skip
# The language subtag Pagefind knows a language by ("ru" of "ru-Latn"); anything else
# (und, x-…, a missing xml:lang) is indexed without a stemmer.
_LANGUAGE = re.compile(r"[a-z]{2,3}")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class VersionText:
    """One version of a document as its page shows it: its id (the page's
    section/@data-version), language, heading, and passages (id, words) in order."""

    version: str
    lang: str
    label: str
    passages: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Facts:
    """What the search page shows and filters a document's records by: the facets are
    lists of labels (an entry's preferred name), `when` an ISO date ('' when undated)."""

    title: str
    date: str
    when: str
    type: str
    senders: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    languages: tuple[tuple[str, str], ...] = ()  # (code, name) of its versions


def search_language(lang: str) -> str:
    """The language a record is indexed in: the primary subtag of its xml:lang when it is
    a language's code, else Pagefind's 'unknown' (no stemming)."""
    primary = lang.split("-")[0].lower()
    return primary if _LANGUAGE.fullmatch(primary) and primary != "und" else UNKNOWN


def versions_of(page: bytes) -> list[VersionText]:
    """The versions of a document's page (its sections of class "version"), each with the
    words of its passages (an element with an id under the version's own); what the page
    marks data-pagefind-ignore (links to a passage, labels, broken words shown whole
    elsewhere) is left out, as Pagefind would."""
    root = lxml.html.document_fromstring(page)
    found = []
    for section in root.iterfind(".//section[@data-version]"):
        version = section.get("data-version", "")
        heading = section.find(f".//*[@id='{version}-h']")
        label = _words(heading.text_content()) if heading is not None else version
        pieces: dict[str, list[str]] = {}
        for passage, text in _texts(section, version, version, prefix=f"{version}-"):
            pieces.setdefault(passage, []).append(text)
        passages = tuple(
            (passage, words)
            for passage, texts in pieces.items()
            if passage != version and (words := _words("".join(texts)))
        )
        found.append(VersionText(version, section.get("lang", ""), label, passages))
    return found


def _texts(
    element: etree._Element, current: str, version: str, prefix: str
) -> Iterator[tuple[str, str]]:
    """(passage id, text) for the text under `element`, each piece with the id of the
    innermost passage holding it (`current` for the element's own text)."""
    own = element.get("id", "")
    if own.startswith(prefix) and own != f"{version}-h":
        current = own
    block = element.tag in _BLOCKS
    if block:
        yield current, " "
    if element.text:
        yield current, element.text
    for child in element:
        if isinstance(child.tag, str) and child.get("data-pagefind-ignore") is None:
            yield from _texts(child, current, version, prefix)
        if child.tail:
            yield current, child.tail
    if block:
        yield current, " "


def _words(text: str) -> str:
    return " ".join(text.split())


def record_html(facts: Facts, versions: list[VersionText]) -> str:
    """The HTML Pagefind indexes for a document's versions in one language: filters,
    metadata and sort key outside its body (read, not indexed), the passages inside it,
    each after a heading that bears its id (a sub-result of Pagefind's: only a heading
    makes one, and only one with text; a zero-width space adds no word)."""
    head = [
        _data("meta", "title", facts.title),
        _data("meta", "date", facts.date),
        _data("meta", "when", facts.when),
        _data("meta", "type", facts.type),
        _data("meta", "versions", " ".join(version.version for version in versions)),
        _data("meta", "version_labels", " | ".join(version.label for version in versions)),
        _data("filter", "type", facts.type),
        _data("sort", "date", facts.when or "9999"),  # the undated last
    ]
    if facts.when:
        head.append(_data("filter", "year", facts.when[:4]))
    for key, values in (
        ("sender", facts.senders),
        ("addressee", facts.addressees),
        ("person", facts.persons),
        ("place", facts.places),
        ("organisation", facts.orgs),
    ):
        head.extend(_data("filter", key, value) for value in values)
    body = "".join(
        f'<h6 id="{escape(passage)}">\u200b</h6><p>{escape(words)}</p>'
        for version in versions
        for passage, words in version.passages
    )
    lang = escape(versions[0].lang or UNKNOWN)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"></head><body>'
        f"{''.join(head)}<main data-pagefind-body>{body}</main></body></html>"
    )


def _data(kind: str, key: str, value: str) -> str:
    """A Pagefind filter, meta or sort value, read from an attribute (so that no comma or
    colon of the value is taken for Pagefind's syntax)."""
    return f'<i data-pagefind-{kind}="{key}[data-v]" data-v="{escape(value)}"></i>' if value else ""


def facts_of(row: bytes, entries: list[str], authority: Authority, language: str) -> Facts:
    """A document's facts from its summary's row (render.summaries) and the entries it
    names, each by its preferred name in `language` (the interface's)."""
    cable = etree.fromstring(row, safe_parser())

    def texts(tag: str) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(_words(e.text or "") for e in cable.iterfind(f"{{{CG_NS}}}{tag}"))
        )

    named: dict[str, list[str]] = {"person": [], "place": [], "org": []}
    for entry_id in entries:
        entry = authority.entries.get(entry_id)
        if entry is not None:
            named[entry.kind].append(entry.preferred(language))
    return Facts(
        title=_words(cable.findtext(f"{{{CG_NS}}}title") or ""),
        date=_words(cable.findtext(f"{{{CG_NS}}}date") or ""),
        when=cable.get("when", ""),
        type=_words(cable.findtext(f"{{{CG_NS}}}type-label") or ""),
        senders=texts("from"),
        addressees=texts("to"),
        persons=tuple(sorted(set(named["person"]))),
        places=tuple(sorted(set(named["place"]))),
        orgs=tuple(sorted(set(named["org"]))),
        languages=tuple(
            (e.get("ident", ""), _words(e.text or ""))
            for e in cable.iterfind(f"{{{CG_NS}}}language")
        ),
    )


def name_forms(
    authority: Authority, mentioned: Iterable[str], language: str
) -> list[dict[str, object]]:
    """Every entry the corpus mentions, with its label and every form the authority file
    knows it by: the search page searches a name in all of them."""
    found: list[dict[str, object]] = []
    for entry_id in sorted(mentioned):
        entry = authority.entries.get(entry_id)
        if entry is not None:
            forms = sorted({form.text for form in entry.forms if form.text})
            found.append({"kind": entry.kind, "label": entry.preferred(language), "forms": forms})
    return found
