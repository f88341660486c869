"""The document's id (ENCODING.md, "One file per document"): `<type>-<date>-<number>-<party>`.

`<party>` is the sender (two senders both, within three words: `mikoyan-suslov`), else the
author, else the first participant (a record of a conversation, meeting or call: the
first participant first, `memorandum-1949-12-16-stalin`, not its recorder), as a short
slug of at most three words: a person's surname as the document writes it (an East Asian
name whole: `liu-shaoqi`, `kim-il-sung`; a code name as written: `filippov`; so cables
keep their version-1 ids), an office by the id of its authority entry (`prc-mfa`), else
by its words without the small ones. A document naming none of them has no `<party>`: an
id never says `unknown`.

Whatever the source says, an id (and so a file name) stays readable: the number is cut to
`NUMBER_LENGTH` characters, the party to `PARTY_LENGTH`, the whole to `ID_LENGTH`, each at a
word of the slug where one ends late enough (a 300-character sender, a 5,000-character
title, a number of junk). The cut ids stay distinct as any ids do: a second document with
the same id gets `-2` (edition.ids). Every id of the seeds and samples is far shorter.
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
NUMBER_LENGTH = 24
PARTY_LENGTH = 40
ID_LENGTH = 80  # the longest id: with `-2` and `.html`, `.xml.bak.9`, far below 255


def document_id(document: Document) -> str:
    """``cable-1951-06-30-21340-mao-zedong``: kind, date, number and party of the document."""
    meta = document.metadata
    key = _date_key(meta.date.value) if meta.date else None
    parts = [meta.kind, key or "undated"]
    if number := meta.cable_number or meta.document_number:
        parts.append(shortened(slug(number), NUMBER_LENGTH))
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
        parts.append(shortened(party, PARTY_LENGTH))
    return shortened(slug("-".join(parts)), ID_LENGTH)


def shortened(text: str, length: int) -> str:
    """A slug of at most `length` characters: cut after its last whole word that fits,
    where that keeps more than half of it; else within the word."""
    if len(text) <= length:
        return text
    cut = text.rfind("-", 0, length + 1)
    return (text[:cut] if cut > length // 2 else text[:length]).strip("-")


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
