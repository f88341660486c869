"""The search index: Pagefind (offline, from PyPI's pagefind[bin]), by language, in shards.

Pagefind stems a page's words in the page's language, but a document's page holds versions
in several; so each version is indexed as a record of its own (render.records), in its own
language, and each language gets bundles of its own (pagefind-ru/, pagefind-en/…): the
search page asks every language's bundles, each with its own stemmer, and merges what
they find. `search.json` tells it which bundles there are, in which language, and every
form of every name the corpus mentions (a name found in one spelling is searched in all).

Pagefind holds the index it builds in memory, so a corpus larger than `SHARD_SIZE` pages
is indexed in shards of at most that many, one after another (pagefind-ru-2/, …); the
search page merges them (Pagefind's mergeIndex). A page stays in the same shard (a hash of
its name decides) as long as the number of shards does not change, and a shard whose
records are unchanged is not indexed again: after one document changes, one shard is.
`search-shards.json` keeps the SHA-256 of every page and record a shard indexed; a run
reads again only the pages it wrote.
"""

from __future__ import annotations

import errno
import hashlib
import json
import math
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable, Collection
from dataclasses import astuple
from pathlib import Path

from cablegram import shapes
from cablegram.errors import CablegramError
from cablegram.files import write_atomic
from cablegram.render import records
from cablegram.render.records import (
    Facts,
    VersionText,
    record_html,
    search_language,
    versions_of,
)

SHARD_SIZE = 2000
STAMP = "search-shards.json"  # per shard: page name -> SHA-256 of page and record; bundles
MANIFEST = "search.json"  # what the search page reads: bundles by language, names
# What a record is made by: a shard is indexed again when this code changes.
_CODE = hashlib.sha256(
    Path(records.__file__).read_bytes() + Path(__file__).read_bytes()
).hexdigest()


def shard_count(pages: int, size: int = SHARD_SIZE) -> int:
    return max(1, math.ceil(pages / size))


def bundle_name(language: str, shard: int) -> str:
    """The bundle of one language's records of one shard (shards counted from 1)."""
    return f"pagefind-{language}" + (f"-{shard}" if shard > 1 else "")


def pagefind_available() -> bool:
    if shutil.which("pagefind") is not None:
        return True
    try:
        import pagefind_bin  # noqa: F401
    except ImportError:
        return False
    return True


def build_search_index(
    out: Path,
    pages: list[Path],
    facts: Callable[[str], Facts],
    names: list[dict[str, object]],
    size: int = SHARD_SIZE,
    written: Collection[Path] | None = None,
) -> bool:
    """Index the versions of the document pages of the site in `out` (the shards whose
    records changed) and write the search page's manifest; False when there is nothing to
    index or Pagefind is not installed. `facts`: a page's name -> its document's facets;
    `names`: every name the corpus mentions with its forms (the manifest carries them).
    `written`: the pages written since the last index (None: any may have been); a page
    not among them is taken to be what its shard indexed, and is not read again."""
    if not pages or not pagefind_available():
        return False
    before = _stamp(out)
    shards = _shards(sorted(pages), shard_count(len(pages), size))
    now: list[dict[str, object]] = []
    languages: dict[str, str] = {}
    for number, members in enumerate(shards, 1):
        old = before[number - 1] if len(before) == len(shards) else {}
        old_pages = old.get("pages", {})
        hashes = {}
        documents = {page.name: facts(page.name) for page in members}
        for page in members:
            kept = old_pages.get(page.name) if written is not None and page not in written else None
            page_hash = kept[0] if kept else hashlib.sha256(page.read_bytes()).hexdigest()
            document = documents[page.name]
            for code, name in document.languages:
                languages.setdefault(search_language(code), name)
            made = f"{_CODE} {page_hash} {astuple(document)!r}"
            record = hashlib.sha256(made.encode()).hexdigest()
            hashes[page.name] = [page_hash, record]
        bundles = old.get("bundles", {})
        if hashes != old_pages or not all((out / b).is_dir() for b in bundles.values()):
            bundles = _index(out, members, documents, number)
        now.append({"pages": hashes, "bundles": bundles})
    kept = {name for shard in now for name in shard["bundles"].values()}  # type: ignore[attr-defined]
    for stale in out.glob("pagefind*"):
        if stale.is_dir() and stale.name not in kept:
            shutil.rmtree(stale)
    write_atomic(out / STAMP, json.dumps(now, sort_keys=True, indent=0).encode())
    write_atomic(out / MANIFEST, _manifest(now, languages, names))
    return True


def _manifest(
    shards: list[dict[str, object]], languages: dict[str, str], names: list[dict[str, object]]
) -> bytes:
    """The search page's manifest: each language's bundles (the first holds the others'
    pagefind.js) and name, and the names with their forms."""
    bundles: dict[str, list[str]] = {}
    for shard in shards:
        for language, bundle in sorted(shard["bundles"].items()):  # type: ignore[attr-defined]
            bundles.setdefault(language, []).append(f"{bundle}/")
    listed = [
        {"code": code, "name": languages.get(code, code), "bundles": found}
        for code, found in sorted(bundles.items())
    ]
    data = {"languages": listed, "names": names}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


# each shard: its pages' names -> [SHA-256 of the page, of its record]; language -> bundle
_SHARD = shapes.record(
    {
        "pages": shapes.mapping(shapes.file_name, shapes.listing(shapes.text, 2)),
        "bundles": shapes.mapping(
            shapes.text, lambda name: shapes.file_name(name) and str(name).startswith("pagefind")
        ),
    }
)


def _stamp(out: Path) -> list[dict]:
    """What each shard last indexed ([] when unknown, or not of the stamp's shape)."""
    found = shapes.read_json(out / STAMP, shapes.listing(_SHARD))
    return found if isinstance(found, list) else []


def _shards(pages: list[Path], count: int) -> list[list[Path]]:
    """Pages by shard: by a hash of the name, so a page keeps its shard as others come and
    go; round robin when hashing leaves a shard empty (only with a few pages per shard)."""
    shards: list[list[Path]] = [[] for _ in range(count)]
    for page in pages:
        shards[zlib.crc32(page.name.encode()) % count].append(page)
    if all(shards):
        return shards
    return [pages[k::count] for k in range(count)]


def _index(out: Path, pages: list[Path], facts: dict[str, Facts], shard: int) -> dict[str, str]:
    """Index the records of `pages` (one shard; `facts`: each page's document's facets), a
    bundle per language, each replacing the
    one before once Pagefind has succeeded; language -> bundle. A document's versions in
    one language are one record (their passages keep their own ids), written into a
    scratch site of its language under its page's name, so that its URL is the page's."""
    with tempfile.TemporaryDirectory(prefix=".search-", dir=out) as scratch:
        by_language: dict[str, dict[Path, list[VersionText]]] = {}
        for page in pages:
            for version in versions_of(page.read_bytes()):
                languages = by_language.setdefault(search_language(version.lang), {})
                languages.setdefault(page, []).append(version)
        sites: dict[str, Path] = {}
        for language, documents in by_language.items():
            site = sites[language] = Path(scratch) / "sites" / language
            site.mkdir(parents=True)
            for page, versions in documents.items():
                html = record_html(facts[page.name], versions)
                (site / page.name).write_text(html, encoding="utf-8")
        bundles = {}
        for language, site in sorted(sites.items()):
            bundle = bundle_name(language, shard)
            _run_pagefind(site, language, Path(scratch) / "bundles" / bundle)
            _check_whole(Path(scratch) / "bundles" / bundle, out / bundle)
            bundles[language] = bundle
        for language, bundle in bundles.items():
            target, built = out / bundle, Path(scratch) / "bundles" / bundle
            if target.exists():
                target.rename(Path(scratch) / f"old-{language}")
            built.rename(target)
    return bundles


def _check_whole(built: Path, target: Path) -> None:
    """Pagefind exits 0 when it could not write its files (a full disk), leaving them
    empty (it never writes an empty one itself): such a bundle must not replace `target`."""
    if any(path.is_file() and not path.stat().st_size for path in built.rglob("*")):
        raise OSError(errno.EIO, "Pagefind left empty files (is the disk full?)", str(target))


def _run_pagefind(site: Path, language: str, bundle: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    command += ["--output-path", str(bundle), "--force-language", language, "--quiet"]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode:
        problem = run.stderr.strip() or run.stdout.strip()
        raise CablegramError(f"pagefind failed on {bundle.name}: {problem}")
