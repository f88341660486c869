"""The document's id (ENCODING.md, "One file per document"): `<type>-<date>-<number>-<party>`.

`<party>` is the sender (two senders both, within three words: `mikoyan-suslov`), else the
author, else the first participant (a record of a conversation, meeting or call: the
first participant first, `memorandum-1949-12-16-stalin`, not its recorder), as a short
slug of at most three words: a person's surname as the document writes it (an East Asian
name whole: `liu-shaoqi`, `kim-il-sung`; a code name as written: `filippov`; so cables
keep their version-1 ids), an office by the id of its authority entry (`prc-mfa`), else
by its words without the small ones. A document naming none of them has no `<party>`: an
id never says `unknown`.
"""

from __future__ import annotations

import re
import unicodedata

from cablegram.lexicon.names import EAST_ASIAN_SURNAMES
from cablegram.model import Dating, Document, Participant, Party

PARTY_WORDS = 3
RECORDS = frozenset({"memorandum", "minutes", "telcon"})
AUTHORED = frozenset({"statement", "journal", "other"})
STOPWORDS = {"of", "the", "in", "for", "and", "to", "at", "on"}


def document_id(document: Document) -> str:
    """``cable-1951-06-30-21340-mao-zedong``: kind, date, number and party of the document."""
    meta = document.metadata
    key = _date_key(meta.date.value) if meta.date else None
    parts = [meta.kind, key or "undated"]
    if number := meta.cable_number or meta.document_number:
        parts.append(number)
    if meta.kind in RECORDS:  # a record is named after who met, not who wrote it down
        named = meta.participants[:1] or meta.senders[:2] or meta.authors[:1]
    elif meta.kind in AUTHORED:  # a speech after its speaker, not the office that issued it
        named = meta.authors[:1] or meta.senders[:2] or meta.participants[:1]
    else:
        named = meta.senders[:2] or meta.authors[:1] or meta.participants[:1]
    slugs = [_party_slug(p) for p in named]
    if len(slugs) == 2 and len("-".join(slugs).split("-")) > PARTY_WORDS:
        slugs = slugs[:1]
    if party := "-".join(s for s in slugs if s):
        parts.append(party)
    return slug("-".join(parts))


def _date_key(value: Dating) -> str | None:
    """The date an id names: a day, month or year; for bounds or a span, what both ends
    share of them (`1957-07` for 14-15 July 1957; none for a year read only to its decade,
    30.XII.194‸: the document is then `undated` in its id, its header keeps the bounds)."""
    if value.when:
        return value.when
    first, last = value.not_before or value.start, value.not_after or value.end
    if not (first and last):
        return first or last
    for length in (10, 7, 4):
        if first[:length] == last[:length]:
            return first[:length]
    return None


def _party_slug(party: Party | Participant) -> str:
    if isinstance(party, Party) and party.kind == "org":
        if party.ref and "#" in party.ref:
            return party.ref.rsplit("#", 1)[1]
        words = [w for w in slug(party.name).split("-") if w not in STOPWORDS]
        return "-".join(words[:PARTY_WORDS])
    return _surname(party.name)


def _surname(name: str) -> str:
    """A person's surname as a slug: the last word, initials left out; an East Asian name,
    its surname first, whole (at most three words)."""
    words = [w for w in re.split(r"[\s.]+", name) if len(w) > 1 or not w.isalpha()]
    if not words:
        return slug(name)
    if words[0].lower() in EAST_ASIAN_SURNAMES and len(words) <= PARTY_WORDS:
        return slug(" ".join(words))
    if words[-1][:1].isupper() or len(words) == 1:
        return slug(words[-1] if not _initials_last(words) else words[0])
    return slug(words[0])


def _initials_last(words: list[str]) -> bool:
    """'Kovalev I. V.': the surname first, its initials after (split into one-letter words)."""
    return len(words) > 1 and all(len(w) == 1 for w in words[1:])


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
