"""Tagging a parsed cable: names in its text and its correspondents get their entry.

A model-to-model stage between parsing and encoding. Text nodes are cut around the names
found; names the parser already marked (signatories, clerks, places of receipt) and the
archive's identifications (`Filippov [Stalin]`) get the reference of their entry. Names
are not sought inside editorial readings (`sic`, `supplied`, …), which keep their text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cache
from typing import Any, get_args

from cablegram.entities.matcher import NameIndex
from cablegram.model import (
    Document,
    FormeWork,
    Identification,
    Inline,
    Inlines,
    Name,
    Note,
    Party,
    Stamp,
    Text,
)
from cablegram.parse.inline import plain_text

INLINE_TYPES = get_args(Inline)


def tag_document(cable: Document, index: NameIndex) -> Document:
    metadata = cable.metadata
    metadata = dataclasses.replace(
        metadata,
        senders=tuple(_party(p, index) for p in metadata.senders),
        addressees=tuple(_party(p, index) for p in metadata.addressees),
        intermediaries=tuple(_party(p, index) for p in metadata.intermediaries),
    )
    versions = tuple(_visit(version, index) for version in cable.versions)
    return dataclasses.replace(cable, metadata=metadata, versions=versions)


def _party(party: Party, index: NameIndex) -> Party:
    found = index.resolve(party.name)
    identified = index.resolve(party.identification) if party.identification else None
    best = identified or found
    ref = best.entry_id if best else None
    return dataclasses.replace(party, ref=index.authority.ref(ref) if ref else None)


def _visit(obj: Any, index: NameIndex) -> Any:
    """`obj` with the names in its inline content tagged; the very same object where
    nothing changed (rebuilding every part of every cable cost about 7% of converting it)."""
    if isinstance(obj, tuple):
        if obj and all(isinstance(x, INLINE_TYPES) for x in obj):
            return tag_inlines(obj, index)
        visited = tuple(_visit(x, index) for x in obj)
        return obj if _same(visited, obj) else visited
    kind: type = type(obj)
    names = _field_names(kind)
    if not names:
        return obj
    changes = {}
    for name in names:
        value = getattr(obj, name)
        new = _visit(value, index)
        if new is not value:
            changes[name] = new
    return dataclasses.replace(obj, **changes) if changes else obj


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass; none for any other type (`str`, `int`, `None` …)."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else ()


def tag_inlines(nodes: Inlines, index: NameIndex) -> Inlines:
    """The nodes with their names tagged (`nodes` itself when there are none)."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            out.extend(_tag_text(node, index))
        elif isinstance(node, Name):
            found = index.resolve(plain_text(node.content))
            ref = index.authority.ref(found.entry_id) if found else None
            out.append(dataclasses.replace(node, ref=ref))
        elif isinstance(node, Identification):
            found = index.resolve(node.text)
            ref = index.authority.ref(found.entry_id) if found else None
            out.append(dataclasses.replace(node, ref=ref, kind=found.kind if found else None))
        elif isinstance(node, Note | Stamp | FormeWork):
            content = tag_inlines(node.content, index)
            out.append(
                node if content is node.content else dataclasses.replace(node, content=content)
            )
        else:
            out.append(node)
    return nodes if _same(out, nodes) else tuple(out)


def _same(new: Sequence[Any], old: Sequence[Any]) -> bool:
    """Whether `new` holds the very objects of `old`, in order (nothing was tagged)."""
    return len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))


def _tag_text(node: Text, index: NameIndex) -> list[Inline]:
    text = node.text
    names = index.find(text)
    if not names:
        return [node]
    out: list[Inline] = []
    pos = 0
    for found in names:
        if found.start > pos:
            out.append(Text(text[pos : found.start]))
        ref = index.authority.ref(found.entry_id)
        out.append(Name(found.kind, (Text(text[found.start : found.end]),), ref))
        pos = found.end
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out
