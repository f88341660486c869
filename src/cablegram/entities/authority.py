"""Reading the authority files: one `Entry` per person, place or organisation.

Besides its forms, an entry may name its country (`nationality` of a person, `country` of
a body or a place, `location/country` of a body abroad such as an embassy): the context
through which a generic form (`Ministry of Foreign Affairs`) is decided.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lxml import etree

from cablegram.errors import CablegramError
from cablegram.safexml import parse_xml

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
Kind = Literal["person", "place", "org"]
FILES: dict[Kind, tuple[str, str]] = {
    "person": ("persons.xml", "persName"),
    "place": ("places.xml", "placeName"),
    "org": ("orgs.xml", "orgName"),
}


@dataclass(frozen=True)
class Form:
    text: str
    lang: str
    type: str  # preferred, variant, codename, ocr, generic


@dataclass(frozen=True)
class Entry:
    id: str
    kind: Kind
    forms: tuple[Form, ...]
    country: str | None = None  # the place entry of its state (nationality, country)
    location: str | None = None  # where a body sits abroad (an embassy's host country)

    def preferred(self, lang: str = "en") -> str:
        for form in self.forms:
            if form.type == "preferred" and form.lang == lang:
                return form.text
        return self.forms[0].text if self.forms else self.id


@dataclass(frozen=True)
class Authority:
    """The authority files of a corpus, and where they are (for relative `@ref`s)."""

    directory: Path
    entries: dict[str, Entry]
    href_base: str = "authority"  # the directory as seen from the TEI files

    def ref(self, entry_id: str) -> str:
        """The `@ref` of an entry, relative to the directory of the TEI files."""
        entry = self.entries[entry_id]
        return f"{self.href_base}/{FILES[entry.kind][0]}#{entry_id}"

    def country(self, entry_id: str) -> str | None:
        """The country an entry belongs to: a person's nationality, a body's state, the
        country a place lies in (a place without one is a country itself)."""
        entry = self.entries.get(entry_id)
        if entry is None:
            return None
        return entry.country or (entry.id if entry.kind == "place" else None)

    def countries(self, entry_id: str) -> frozenset[str]:
        """Every country a document's context may recognise an entry by: its own and, for
        a body abroad, the one it sits in (the Soviet embassy in China: USSR and China)."""
        entry = self.entries.get(entry_id)
        found = {self.country(entry_id), entry.location if entry else None}
        return frozenset(c for c in found if c)


def load_authority(directory: Path, relative_to: Path | None = None) -> Authority:
    """Read persons.xml, places.xml and orgs.xml (each optional) from `directory`;
    references are written relative to `relative_to` (the TEI files' directory)."""
    entries: dict[str, Entry] = {}
    for kind, (name, tag) in FILES.items():
        path = directory / name
        if not path.exists():
            continue
        root = parse_xml(path).getroot()
        for element in root.iter(f"{TEI}{kind}"):
            entry_id = element.get(XML_ID)
            if not entry_id:
                raise CablegramError(f"{path}:{element.sourceline}: a {kind} without xml:id")
            forms = tuple(
                Form(
                    " ".join("".join(n.itertext()).split()),
                    n.get(XML_LANG, ""),
                    n.get("type", "variant"),
                )
                for n in element.iterchildren(f"{TEI}{tag}")
            )
            entries[entry_id] = Entry(
                entry_id,
                kind,
                forms,
                _country(element, f"{TEI}nationality") or _country(element, f"{TEI}country"),
                _country(element, f"{TEI}location/{TEI}country"),
            )
    base = Path(os.path.relpath(directory, relative_to)) if relative_to else Path(directory.name)
    return Authority(directory, entries, base.as_posix())


def _country(element: etree._Element, path: str) -> str | None:
    """The place id a `country`/`nationality` child points at (`places.xml#ussr`)."""
    found = element.find(path)
    ref = found.get("ref", "") if found is not None else ""
    return ref.rpartition("#")[2] or None
