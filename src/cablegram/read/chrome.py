"""The page chrome of a copied web page: the site's navigation above the document and its
footer below, set aside (ENCODING.md: not text, recorded once in `revisionDesc`).

The chrome is the archive site's interface, so it is recognised by its words: controls
("Skip to content", "get citation", "VIEW DOCUMENT IN"), the banner ("Digital Archive
International History Declassified") and the footer's labels ("Author(s):", "Associated
Places", "Rights"), wherever the copy put them. Navigation is sought only at the top of the
page (where the header fields are), the footer only as the last run of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cablegram.read.lines import PDF_PAGE_HEADER, Line

BULLET = re.compile(r"^[•·▪◦*\-–]\s*")
NAVIGATION = re.compile(
    r"^(?:skip to (?:main )?content|search(?: in)?|search the digital archive"
    r"|(?:add|cancel) search filter(?: (?:add|cancel) search filter)?"
    r"|(?:digital archive )?international history declassified"
    r"|(?:wilson center )?digital archive(?: digitalarchive\.[\w.]+)?|digitalarchive\.[\w.]+"
    r"|citation share download|citation|get citation|share(?: document)?|download|print"
    r"|view document in|(?:english|russian|chinese|german|korean|original) (?:html|pdf)"
    r"|menu|home|browse|collections|topics|main menu|about|contact(?: us)?|donate|subscribe"
    r"|sign in|log ?in|help)$",
    re.IGNORECASE,
)
URL_ONLY = re.compile(r"^<?https?://\S+>?$")
# the footer's labels, in the order the site gives them (a copy may stop inside one)
FOOTER_LABELS = (
    "author(s):", "authors:", "associated places", "associated people & organizations",
    "associated people and organizations", "associated topics", "subjects discussed",
    "document information", "source", "original archive", "rights", "record id",
    "original classification", "language", "donors", "keywords", "related documents",
    "related content", "share", "print", "download",
)  # fmt: skip
FOOTER_START = re.compile(r"^(?:author\(s\)|authors):?$", re.IGNORECASE)
RIGHTS = re.compile(r"^The History and Public Policy Program welcomes reuse\b", re.IGNORECASE)
HEADER_REACH = 40  # navigation is sought among the first lines of text of a page


@dataclass(frozen=True)
class Chrome:
    """A page's lines without its chrome, and the chrome's texts (in page order)."""

    lines: list[Line]
    dropped: list[str]
    footer: bool  # the site's footer was there (the page was copied to its end)


def drop_chrome(lines: list[Line]) -> Chrome:
    """Set aside the site's navigation (at the top) and its footer (at the end)."""
    footer = _footer_start(lines)
    kept: list[Line] = []
    dropped: list[str] = []
    seen_text = 0
    after_share = False
    for k, line in enumerate(lines):
        text = line.text.strip()
        if k >= footer:
            if text:
                dropped.append(text)
            continue
        if not text:
            kept.append(line)
            continue
        seen_text += 1
        bare = BULLET.sub("", text).strip()
        if seen_text <= HEADER_REACH and (
            NAVIGATION.match(bare)
            or PDF_PAGE_HEADER.match(text)
            or (after_share and URL_ONLY.match(bare))
        ):
            dropped.append(bare)  # '• share document': the item, not its bullet
            after_share = bare.lower().startswith("share")
            continue
        after_share = False
        kept.append(line)
    return Chrome(kept, dropped, footer < len(lines))


def _footer_start(lines: list[Line]) -> int:
    """Index of the footer's first line (len(lines) when there is none): its 'Author(s):'
    label, or the first of a run of three footer labels that goes on to the end (the
    rights statement and the labels' values may stand between them)."""
    texts = [(k, line.text.strip()) for k, line in enumerate(lines) if line.text.strip()]
    for k, text in texts:
        if FOOTER_START.match(text):
            later = [t for j, t in texts if j > k]
            if not later or any(_is_footer_label(t) or RIGHTS.match(t) for t in later[:6]):
                return k
    run: list[int] = []
    for k, text in reversed(texts):
        if _is_footer_label(text) or RIGHTS.match(text):
            run.append(k)
        elif run and len(run) >= 3:
            break
        elif run:
            run = []
            break
        else:
            break
    return min(run) if len(run) >= 3 else len(lines)


def _is_footer_label(text: str) -> bool:
    """A footer label, or the start of one where the copy stops ('Right')."""
    lowered = text.lower()
    return lowered in FOOTER_LABELS or any(
        label.startswith(lowered) and len(lowered) >= 4 for label in FOOTER_LABELS
    )


def footer_value(dropped: tuple[str, ...] | list[str], label: str) -> str | None:
    """The value a captured footer gives under `label` ('Source' → 'National Archives and
    Records Administration, RG 59, …'), when the capture kept the values."""
    for k, text in enumerate(dropped[:-1]):
        if text.strip(" :").lower() == label.lower():
            value = dropped[k + 1].strip()
            if not _is_footer_label(value) and not RIGHTS.match(value):
                return value
    return None
