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

from cablegram.errors import CablegramError, EditionError
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
LISTS: dict[Kind, str] = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}


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
        _check_shape(path, root, kind)
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


def _check_shape(path: Path, root: etree._Element, kind: Kind) -> None:
    """Refuse a file that is not an authority file of its kind (the shape the authority
    schema gives its top: TEI/text/body holding the file's own list, or one paragraph
    while it has no entry), before its entries are read: another TEI document or another
    kind's list would otherwise leave the edition's names untagged without a word. What
    the entries hold is left to `validate`, which names every problem with its line."""
    listing = LISTS[kind]
    body = root.find(f"{TEI}text/{TEI}body")
    children = [] if body is None else [c for c in body if isinstance(c.tag, str)]
    if root.tag != f"{TEI}TEI" or body is None:
        problem = f"not an authority file (its root is {_shown(root.tag)}, with no TEI/text/body)"
    elif len(children) != 1 or children[0].tag not in {f"{TEI}{listing}", f"{TEI}p"}:
        found = ", ".join(_shown(c.tag) for c in children) or "nothing"
        problem = f"not an authority file of {path.name}: its body holds {found}, not a {listing}"
    else:
        return
    raise CablegramError(f"{path}: {problem}")


def _shown(tag: str) -> str:
    """A tag as a reader writes it: TEI's without its namespace, any other with it."""
    return tag.removeprefix(TEI)


def edition_authority(directory: Path, tei_dir: Path) -> Authority | None:
    """The authority files of an edition whose TEI files are in `tei_dir`, read and checked
    before a document is converted with them; None when there is no authority folder and
    no TEI file there names an entry (a new edition: names are left untagged).

    An `EditionError` when they cannot be used as they are: one of the three files missing
    (a folder emptied by mistake), a file malformed, or the folder missing while TEI files
    name its entries. Converting then would write every document again without its names."""
    if directory.is_dir():
        missing = [name for name, _ in FILES.values() if not (directory / name).is_file()]
        if missing:
            raise EditionError(
                f"{directory}: {', '.join(missing)} missing from the authority folder; "
                f"restore {'it' if len(missing) == 1 else 'them'} (from version control or a "
                f"backup); an edition with no names yet has the empty ones `cablegram init` makes"
            )
        try:
            return load_authority(directory, relative_to=tei_dir)
        except CablegramError as exc:
            raise EditionError(str(exc)) from exc
    if _names_entries(directory, tei_dir):
        raise EditionError(
            f"{directory}: the authority folder is missing, and the TEI files in {tei_dir}/ "
            "name its entries (converting them now would drop their names); restore it "
            "(from version control or a backup), or copy the empty authority files of a "
            "new edition (`cablegram init`) to start the names afresh"
        )
    return None


def _names_entries(directory: Path, tei_dir: Path) -> bool:
    """Whether a TEI file of `tei_dir` points at an entry of the authority files of
    `directory` (read until the first that does)."""
    base = Path(os.path.relpath(directory, tei_dir)).as_posix()
    targets = [f'"{base}/{name}#'.encode() for name, _ in FILES.values()]
    for path in sorted(tei_dir.glob("*.xml")):
        try:
            data = path.read_bytes()
        except OSError:  # (its conversion will say so)
            continue
        if any(target in data for target in targets):
            return True
    return False


def _country(element: etree._Element, path: str) -> str | None:
    """The place id a `country`/`nationality` child points at (`places.xml#ussr`)."""
    found = element.find(path)
    ref = found.get("ref", "") if found is not None else ""
    return ref.rpartition("#")[2] or None
