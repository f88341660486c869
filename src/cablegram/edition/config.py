"""An edition: its configuration (`cablegram.toml`), its folders and its resources, as one
object every stage receives.

`cablegram.toml` is found in the current folder or above it (as `pyproject.toml` is), read
with `tomllib` and checked key by key: every bad key is named with what was expected, all
of them at once. Paths in it are relative to the folder that holds it. Without a file the
defaults below apply, and they say so (the title is "Untitled edition").
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cablegram.errors import CablegramError, Problems
from cablegram.safexml import NOT_XML

CONFIG_NAME = "cablegram.toml"
DEFAULT_TITLE = "Untitled edition"
LANGUAGES = {"en": "English", "ru": "Russian"}  # interface languages
# licences an edition is commonly published under: SPDX id -> the licence's canonical URL
LICENCES = {
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC-BY-ND-4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
    "CC-BY-NC-ND-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "CC-BY-3.0": "https://creativecommons.org/licenses/by/3.0/",
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "PDDL-1.0": "https://opendatacommons.org/licenses/pddl/1-0/",
}
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
SECTIONS: dict[str, dict[str, str]] = {  # each section's keys and what each must be
    "edition": {
        "title": "text",
        "subtitle": "text",
        "editors": "list of text",
        "publisher": "text",
        "place": "text",
        "date": "date",
        "version": "text",
        "licence": "licence",
        "base_url": "url",
        "language": "language",
    },
    "paths": {"sources": "path", "tei": "path", "build": "path"},
    "web": {"css": "path"},
    "print": {"parallel": "yes or no", "tagged": "yes or no"},
}


@dataclass(frozen=True)
class Edition:
    """What an edition is made of and where it lives. `config`: the file it was read from
    (None: the defaults)."""

    root: Path
    config: Path | None = None
    title: str = DEFAULT_TITLE
    titled: bool = False  # whether the configuration gives the title (not the default)
    subtitle: str = ""
    editors: tuple[str, ...] = ()
    publisher: str = ""
    place: str = ""  # where the publisher is (the print edition's imprint)
    date: str = ""  # the edition's date of publication, ISO 8601 (2026, 2026-05, 2026-05-01)
    version: str = ""  # the edition's version, as its editors number it ("1.0", "2nd")
    licence: str = ""
    base_url: str = ""
    language: str = "en"
    sources: Path = field(default=Path("sources"))
    tei: Path = field(default=Path("tei"))
    build: Path = field(default=Path("build"))
    css: Path | None = None
    parallel: bool = False  # the print edition sets originals facing their translations
    tagged: bool = True  # the print edition's PDFs are tagged (render/archival.py)

    @property
    def site(self) -> Path:
        return self.build / "site"

    @property
    def print_dir(self) -> Path:
        return self.build / "print"

    @property
    def authority(self) -> Path:
        return self.tei / "authority"

    @property
    def overrides(self) -> Path | None:
        """The edition's own stylesheets (`xslt/` beside its configuration), which override
        the packaged ones by import precedence; None when there are none."""
        folder = self.root / "xslt"
        return folder if self.config is not None and folder.is_dir() else None

    @property
    def licence_url(self) -> str:
        return LICENCES.get(self.licence, self.licence if "://" in self.licence else "")

    def header_fields(self) -> tuple[str, ...]:
        """What the documents' headers say of the edition (a change converts them again)."""
        series = (self.title, self.subtitle) if self.titled else ()
        return (*series, *self.editors, "|", self.publisher, self.licence, self.base_url)

    def stylesheet_params(self) -> dict[str, str]:
        """What the stylesheets say of the edition (XSLT string parameters)."""
        return {
            "edition-title": self.title,
            "edition-subtitle": self.subtitle,
            "edition-editors": "; ".join(self.editors),
            "edition-publisher": self.publisher,
            "edition-place": self.place,
            "edition-date": self.date,
            "edition-version": self.version,
            "edition-licence": self.licence,
            "edition-licence-url": self.licence_url,
            "edition-base-url": self.base_url,
            "edition-language": self.language,
            "edition-css": "assets/edition-own.css" if self.css else "",
        }


def find_config(start: Path) -> Path | None:
    """`cablegram.toml` in `start` or the nearest folder above it."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None


def load_edition(start: Path | None = None) -> Edition:
    """The edition whose `cablegram.toml` is in `start` (default: the current folder) or
    above it; the defaults, rooted in `start`, when there is none."""
    start = start or Path.cwd()
    config = find_config(start)
    if config is None:
        root = start.resolve()
        return Edition(
            root=root,
            sources=_near(root / "sources"),
            tei=_near(root / "tei"),
            build=_near(root / "build"),
        )
    return read_config(config)


def _near(path: Path) -> Path:
    """A path as short as it can be said: relative to the current folder when under it
    (the messages name it so)."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def read_config(config: Path) -> Edition:
    """An edition from its configuration file; a `CablegramError` naming every bad key."""
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8-sig"))  # a BOM is no key
    except OSError as exc:
        raise CablegramError(f"{config}: cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise CablegramError(f"{config}: not UTF-8 text ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CablegramError(f"{config}: not valid TOML ({exc})") from exc
    problems: list[str] = []
    values: dict[str, Any] = {}
    for section, content in data.items():
        if section not in SECTIONS:
            problems.append(f"[{section}]: unknown section (known: {', '.join(SECTIONS)})")
            continue
        if not isinstance(content, dict):
            problems.append(f"{section}: expected a section [{section}], got a value")
            continue
        for key, value in content.items():
            kind = SECTIONS[section].get(key)
            if kind is None:
                known = ", ".join(SECTIONS[section])
                problems.append(f"[{section}] {key}: unknown key (known: {known})")
                continue
            checked, problem = _check(kind, value)
            if problem:
                problems.append(f"[{section}] {key}: {problem}")
            else:
                values[f"{section}.{key}"] = checked
    if problems:
        raise Problems([f"{config}: {problem}" for problem in problems])
    root = config.parent.resolve()

    def path(key: str, default: str) -> Path:
        return _near(root / values.get(key, default))

    not_folders = [
        f"{config}: [paths] {key}: {folder} is a file, not a folder"
        for key in ("sources", "tei", "build")
        if (folder := path(f"paths.{key}", key)).exists() and not folder.is_dir()
    ]
    if not_folders:
        raise Problems(not_folders)

    return Edition(
        root=root,
        config=config,
        title=values.get("edition.title", DEFAULT_TITLE),
        titled="edition.title" in values,
        subtitle=values.get("edition.subtitle", ""),
        editors=tuple(values.get("edition.editors", ())),
        publisher=values.get("edition.publisher", ""),
        place=values.get("edition.place", ""),
        date=values.get("edition.date", ""),
        version=values.get("edition.version", ""),
        licence=values.get("edition.licence", ""),
        base_url=values.get("edition.base_url", ""),
        language=values.get("edition.language", "en"),
        sources=path("paths.sources", "sources"),
        tei=path("paths.tei", "tei"),
        build=path("paths.build", "build"),
        css=_near(root / values["web.css"]) if "web.css" in values else None,
        parallel=values.get("print.parallel", False),
        tagged=values.get("print.tagged", True),
    )


def _check_date(value: object, got: str) -> tuple[str | None, str]:
    """An ISO 8601 date (a TOML date, 2026-05-01, or text: "2026-05-01", "2026-05", "2026")
    as text; TOML's date-times are refused (an edition is published on a day)."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat(), ""
    if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        text = value.strip()
        try:
            datetime.date.fromisoformat(text if len(text) == 10 else f"{text}-01-01"[:10])
        except ValueError:
            pass
        else:
            return text, ""
    return None, f'expected an ISO date, e.g. 2026-05-01 (or "2026-05", "2026"), {got}'


def _check(kind: str, value: object) -> tuple[Any, str]:
    """The value, normalised, and what is wrong with it ('' when nothing)."""
    got = f"got {type(value).__name__} {value!r}"
    if kind == "date":
        return _check_date(value, got)
    if kind == "yes or no":
        if not isinstance(value, bool):
            return None, f"expected true or false (no quotes), {got}"
        return value, ""
    if kind == "list of text":
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            return None, f'expected a list of names, e.g. ["Ann Smith", "Ivan Petrov"], {got}'
        if any(NOT_XML.search(v) for v in value):
            return None, f"holds a control character XML cannot hold, {got}"
        return [v.strip() for v in value], ""
    if not isinstance(value, str):
        return None, f"expected text in quotes, {got}"
    if found := NOT_XML.search(value):
        return None, f"holds U+{ord(found.group()):04X}, a control character XML cannot hold"
    value = value.strip()
    if kind in ("text", "path") and not value:
        return None, "is empty (leave the key out instead)"
    if (
        kind == "licence"
        and value not in LICENCES
        and not value.startswith(("http://", "https://"))
    ):
        return None, (
            f"{value!r} is no licence cablegram knows: give an SPDX id "
            f"({', '.join(LICENCES)}) or the licence's URL"
        )
    if kind == "url":
        if not value.startswith(("http://", "https://")) or " " in value:
            return None, f"expected the site's address, e.g. https://example.org/edition/, {got}"
        return value.rstrip("/") + "/", ""
    if kind == "language" and value not in LANGUAGES:
        return None, f"{value!r} is no interface language (known: {', '.join(LANGUAGES)})"
    return value, ""
