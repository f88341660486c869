"""Tagging a parsed cable: names in its text and its correspondents get their entry.

A model-to-model stage between parsing and encoding. Text nodes are cut around the names
found; names the parser already marked (signatories, clerks, places of receipt) and the
archive's identifications (`Filippov [Stalin]`) get the reference of their entry. Names
are not sought inside editorial readings (`sic`, `unclear`, …), which keep their text; a
name may hold words the editors supplied, whole (`[Ren] Bishi`, `Liu Han[Sheng]`), never
cut one.

A generic form (`Ministry of Foreign Affairs`, `Foreign Ministry`, a surname two people of
the authority share) is linked only where the document's context decides it: the countries
of the document, strongest first, narrow its candidates down to one (see `decide`). Which
countries, in which order, depends on where the form stands:
- a correspondent (sender, addressee, intermediary): the place the title gives with it
  (`Ministry of Foreign Affairs, Moscow`), then the sender's country, then the document's
  place — a cable goes to its sender's own ministry;
- the opener and closer (address, signature, distribution, clerks' notes): the sender's
  country, then the document's place;
- the body: the country of the document's place, then the sender's — a diplomat abroad
  reports on the host country's ministries (Puzanov's "First Department of the MFA" in
  Pyongyang is the DPRK's).
The sender's country is its entry's (a person's nationality, a body's state); the
document's place is where it was sent from. A generic form the context does not decide is
tagged without a reference.

Names the authority does not know are tagged without a reference where the evidence is
strong (a title before them, a surname in capitals: see `evidence`).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, get_args

from cablegram.entities.authority import Kind
from cablegram.entities.evidence import evidence_names
from cablegram.entities.intervals import Intervals
from cablegram.entities.matcher import Found, NameIndex
from cablegram.model import (
    Added,
    DocText,
    Document,
    FormeWork,
    Identification,
    Inline,
    Inlines,
    LineBreak,
    Name,
    Note,
    Participant,
    Party,
    Role,
    Sic,
    Stamp,
    Supplied,
    Text,
    plain_text,
)

INLINE_TYPES = get_args(Inline)
Countries = tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Tagging:
    """The name index and the countries that decide generic forms where the tagger is."""

    index: NameIndex
    countries: Countries = ()
    # The names of each text already read with this tagging: a document's texts recur (a
    # furniture line in every version, a sentence read as a line and as a paragraph), and
    # reading one costs most of the tagging. One tagging serves one document.
    memo: dict[str, list[tuple[int, int, Kind, str | None]]] = dataclasses.field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def ref(self, found: Found | None) -> str | None:
        entry = decide(self.index, found, self.countries) if found else None
        return self.index.authority.ref(entry) if entry else None


def decide(index: NameIndex, found: Found, countries: Countries) -> str | None:
    """The entry a name found points at: its own, or, for a generic form, the one candidate
    the context's countries (strongest first) narrow it down to; None when they do not.

    Each country keeps the candidates that belong to it or sit in it (an embassy), if any
    do; the form is decided when one candidate is left and a country chose it."""
    if found.entry_id:
        return found.entry_id
    candidates = list(found.candidates)
    chosen = False
    for country in dict.fromkeys(countries):
        narrowed = [c for c in candidates if country in index.authority.countries(c)]
        if narrowed:
            candidates, chosen = narrowed, True
            if len(candidates) == 1:
                break
    return candidates[0] if chosen and len(candidates) == 1 else None


def tag_document(cable: Document, index: NameIndex) -> Document:
    metadata = cable.metadata
    place = _country_of_place(index, metadata.origin)
    senders = _sender_countries(index, metadata.senders, place)
    furniture = Tagging(index, (*senders, *place))
    body = Tagging(index, (*place, *senders))

    def party(p: Party) -> Party:
        return _party(p, Tagging(index, (*_country_of_place(index, p.place), *senders, *place)))

    metadata = dataclasses.replace(
        metadata,
        senders=tuple(party(p) for p in metadata.senders),
        addressees=tuple(party(p) for p in metadata.addressees),
        intermediaries=tuple(party(p) for p in metadata.intermediaries),
        authors=tuple(party(p) for p in metadata.authors),
        participants=tuple(_participant(p, body) for p in metadata.participants),
    )
    versions = tuple(_visit(v, (furniture, body), furniture) for v in cable.versions)
    return dataclasses.replace(cable, metadata=metadata, versions=versions)


def _country_of_place(index: NameIndex, place: str | None) -> Countries:
    """The country of a place named in the header (where a cable was sent from)."""
    found = index.resolve(place) if place else None
    entry = decide(index, found, ()) if found else None
    country = index.authority.country(entry) if entry else None
    return (country,) if country else ()


def _sender_countries(index: NameIndex, senders: Sequence[Party], place: Countries) -> Countries:
    """The countries of the senders' entries; a sender named by a generic form counts when
    its own place or the document's decides it."""
    countries: list[str] = []
    for sender in senders:
        found = index.resolve(sender.name)
        context = (*_country_of_place(index, sender.place), *place)
        entry = decide(index, found, context) if found else None
        country = index.authority.country(entry) if entry else None
        if country:
            countries.append(country)
    return tuple(countries)


def _party(party: Party, tagging: Tagging) -> Party:
    index = tagging.index
    found = tagging.ref(index.resolve(party.name))
    identified = tagging.ref(index.resolve(party.identification)) if party.identification else None
    return dataclasses.replace(party, ref=identified or found)


def _participant(participant: Participant, tagging: Tagging) -> Participant:
    index = tagging.index
    found = tagging.ref(index.resolve(participant.name))
    identification = participant.identification
    identified = tagging.ref(index.resolve(identification)) if identification else None
    return dataclasses.replace(participant, ref=identified or found)


def _visit(obj: Any, contexts: tuple[Tagging, Tagging], current: Tagging) -> Any:
    """`obj` with the names in its inline content tagged; the very same object where
    nothing changed (rebuilding every part of every cable cost about 7% of converting it).
    `contexts` are the furniture's and the body's; a text's body is tagged with the second,
    its opener and closer with the first, everything else with the `current` one."""
    if isinstance(obj, tuple):
        if obj and all(isinstance(x, INLINE_TYPES) for x in obj):
            return tag_inlines(obj, current)
        visited = tuple(_visit(x, contexts, current) for x in obj)
        return obj if _same(visited, obj) else visited
    kind: type = type(obj)
    names = _field_names(kind)
    if not names:
        return obj
    changes = {}
    for name in names:
        value = getattr(obj, name)
        inside = current
        if isinstance(obj, DocText):
            inside = contexts[1] if name == "body" else contexts[0]
        new = _visit(value, contexts, inside)
        if new is not value:
            changes[name] = new
    return dataclasses.replace(obj, **changes) if changes else obj


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass; none for any other type (`str`, `int`, `None` …)."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else ()


def tag_inlines(nodes: Inlines, tagging: Tagging | NameIndex) -> Inlines:
    """The nodes with their names tagged (`nodes` itself when there are none). Runs of
    text and line breaks are read as one text, so that a name wrapped over two lines
    (`Zhu<lb/>De`) is found, its element holding the break."""
    if isinstance(tagging, NameIndex):
        tagging = Tagging(tagging)
    index = tagging.index
    out: list[Inline] = []
    run: list[Text | LineBreak | Supplied] = []
    for node in nodes:
        if isinstance(node, Text | LineBreak | Supplied):
            run.append(node)
            continue
        out.extend(_tag_run(run, tagging))
        run = []
        if isinstance(node, Name):
            found = index.resolve(plain_text(node.content))
            ref = tagging.ref(found)
            # a name the parser took for a person's that the authority knows as a place or
            # an office ('Hanoi,' under a signature) is named as what it is
            named = found.kind if ref and found else node.kind
            out.append(dataclasses.replace(node, ref=ref, kind=named))
        elif isinstance(node, Identification) or (isinstance(node, Sic) and node.correction):
            # an identification's name, a correction that names ('[sic, should be Xibaipo]')
            other = node.text if isinstance(node, Identification) else node.correction
            found = index.resolve(other or "")
            ref = tagging.ref(found)
            kind = found.kind if ref and found else None
            out.append(dataclasses.replace(node, ref=ref, kind=kind))
        elif isinstance(node, Note | Stamp | FormeWork | Added | Role):
            content = tag_inlines(node.content, tagging)
            out.append(
                node if content is node.content else dataclasses.replace(node, content=content)
            )
        else:
            out.append(node)
    out.extend(_tag_run(run, tagging))
    return nodes if _same(out, nodes) else tuple(out)


def _same(new: Sequence[Any], old: Sequence[Any]) -> bool:
    """Whether `new` holds the very objects of `old`, in order (nothing was tagged)."""
    return len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))


def _tag_run(run: list[Text | LineBreak | Supplied], tagging: Tagging) -> list[Inline]:
    """Texts, line breaks and supplied words with the names in them tagged: the run itself
    if none. A name may hold a supplied word whole ('[Ren] Bishi'), never a part of one."""
    if len(run) == 1 and isinstance(run[0], Text):  # the common case: one text
        text = run[0].text
        names = _names(text, tagging)
        if not names:
            return list(run)
        return _cut(text, names, lambda a, b: [Text(text[a:b])] if a < b else [])
    if not any(isinstance(node, Text) for node in run):
        return list(run)
    # the run as one text: a line break is a newline, or nothing where a word runs on
    # (joined once: added to piece by piece, the text was copied at each piece)
    widths = [_run_text(node) for node in run]
    offsets = list(accumulate((len(width) for width in widths), initial=0))[:-1]
    pieces = list(zip(offsets, run, strict=True))
    joined = "".join(widths)
    supplied = [(at, at + len(n.text)) for at, n in pieces if isinstance(n, Supplied)]
    names = _names(joined, tagging)
    if supplied:
        names = _around_supplied(joined, supplied, names, tagging)
    if not names:
        return list(run)
    return _cut(joined, names, lambda a, b: _slice(pieces, offsets, joined, a, b))


def _run_text(node: Text | LineBreak | Supplied) -> str:
    """What a node of a run stands for in its joined text: a line break is a newline, or
    nothing where a word runs on."""
    if isinstance(node, LineBreak):
        return "" if node.hyphenated else "\n"
    return node.text


def _around_supplied(
    joined: str,
    supplied: list[tuple[int, int]],
    names: list[tuple[int, int, Kind, str | None]],
    tagging: Tagging,
) -> list[tuple[int, int, Kind, str | None]]:
    """The names of a run with supplied words: those holding a supplied word whole ('[Ren]
    Bishi'), and, where a name would cut one ('[U.S. Commander Matthew] Ridgway'), the names
    of the text around the supplied words."""
    words = Intervals(supplied)
    whole = [n for n in names if not (words.inside(n[0]) or words.inside(n[1]))]
    masked = list(joined)
    for a, b in supplied:
        masked[a:b] = " " * (b - a)
    kept = Intervals((start, end) for start, end, _, _ in whole)
    outside = [n for n in _names("".join(masked), tagging) if not kept.overlaps(n[0], n[1])]
    return sorted(whole + outside, key=lambda n: n[0])


def _cut(
    text: str,
    names: list[tuple[int, int, Kind, str | None]],
    nodes: Callable[[int, int], list[Inline]],
) -> list[Inline]:
    """The nodes of a text with its names wrapped (`nodes(a, b)`: those between offsets)."""
    out: list[Inline] = []
    pos = 0
    for start, end, kind, ref in names:
        out.extend(nodes(pos, start))
        out.append(Name(kind, tuple(nodes(start, end)), ref))
        pos = end
    out.extend(nodes(pos, len(text)))
    return out


def _names(text: str, tagging: Tagging) -> list[tuple[int, int, Kind, str | None]]:
    """The names of a text: the authority's, then those on evidence, in text order."""
    known = tagging.memo.get(text)
    if known is None:
        known = tagging.memo[text] = _read_names(text, tagging)
    return known


def _read_names(text: str, tagging: Tagging) -> list[tuple[int, int, Kind, str | None]]:
    found, evidence = _found(tagging.index, text)
    names: list[tuple[int, int, Kind, str | None]] = [
        (f.start, f.end, f.kind, tagging.ref(f)) for f in found
    ]
    names += [(start, end, "person", None) for start, end in evidence]
    return sorted(names, key=lambda n: n[0])


@lru_cache(maxsize=8192)
def _found(index: NameIndex, text: str) -> tuple[tuple[Found, ...], tuple[tuple[int, int], ...]]:
    """The authority's names in a text and the spans named on evidence around them: what
    does not depend on where the text stands, kept across documents (an archive's documents
    share their furniture lines and formulas; the references, which depend on the
    document's countries, are decided for each)."""
    found = tuple(index.find(text))
    taken = [(f.start, f.end) for f in found]
    return found, tuple(evidence_names(text, taken))


def _slice(
    pieces: list[tuple[int, Text | LineBreak | Supplied]],
    offsets: list[int],
    joined: str,
    start: int,
    end: int,
) -> list[Inline]:
    """The nodes of the run between two offsets of the joined text: texts cut, breaks
    kept where they fall strictly inside (or anywhere, for the whole remainder), supplied
    words whole (no name cuts one). Only the pieces from the one holding `start` to the
    one at `end` are looked at (`offsets`: theirs, in order): a run's names are many in a
    long paragraph, and going through all its pieces for each made tagging quadratic."""
    out: list[Inline] = []
    first = max(bisect_left(offsets, start) - 1, 0)  # (pieces touch: the one before ends there)
    for offset, node in pieces[first : bisect_right(offsets, end)]:
        if isinstance(node, LineBreak):
            if start <= offset < end or (offset == end == len(joined)):
                out.append(node)
            continue
        if isinstance(node, Supplied):
            if start <= offset < end:
                out.append(node)
            continue
        a, b = max(start, offset), min(end, offset + len(node.text))
        if a < b:
            whole = a == offset and b == offset + len(node.text)
            out.append(node if whole else Text(node.text[a - offset : b - offset]))
    return out
