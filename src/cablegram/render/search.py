"""The search index: Pagefind (offline, from PyPI's pagefind[bin]), in shards.

Pagefind holds the index it builds in memory, about 0.25 MB per cable page (2.8 GB for
10,000), so a corpus larger than `SHARD_SIZE` pages is indexed in shards of at most that
many, one after another, each into a bundle of its own (pagefind/, pagefind-2/, …); the
search page merges them (Pagefind's mergeIndex). A page stays in the same shard (a hash of
its name decides) as long as the number of shards does not change, and a shard whose pages
are unchanged is not indexed again: after one cable changes, one shard is. Each bundle
keeps the SHA-256 of every page it indexed; a run reads again only the pages it wrote.

The price: when a shard does not hold a searched word at all, Pagefind falls back to near
matches in that shard (as one index does for a word absent from the whole corpus), so
beyond `SHARD_SIZE` pages a rare word's exact matches come first and near matches follow.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Collection
from pathlib import Path

from cablegram.errors import CablegramError
from cablegram.files import write_atomic

SHARD_SIZE = 2000
STAMP = "cablegram-shard.json"  # in each bundle: page name -> SHA-256 of what it indexed


def shard_count(pages: int, size: int = SHARD_SIZE) -> int:
    return max(1, math.ceil(pages / size))


def bundle_names(count: int) -> list[str]:
    """The bundle directories of `count` shards; the first holds Pagefind's search UI."""
    return ["pagefind"] + [f"pagefind-{k}" for k in range(2, count + 1)]


def pagefind_available() -> bool:
    if shutil.which("pagefind") is not None:
        return True
    try:
        import pagefind_bin  # noqa: F401
    except ImportError:
        return False
    return True


def build_search_index(
    out: Path, pages: list[Path], size: int = SHARD_SIZE, written: Collection[Path] | None = None
) -> bool:
    """Index the cable pages of the site in `out` (the shards whose pages changed); False
    when there is nothing to index or Pagefind is not installed. `written`: the pages
    written since the last index (None: any may have been); a page not among them is
    taken to be what its shard indexed, and is not read again."""
    if not pages or not pagefind_available():
        return False
    shards = _shards(sorted(pages), shard_count(len(pages), size))
    names = bundle_names(len(shards))
    for name, members in zip(names, shards, strict=True):
        bundle = out / name
        indexed = _indexed(bundle)
        hashes = {
            page.name: indexed[page.name]
            if written is not None and page not in written and page.name in indexed
            else hashlib.sha256(page.read_bytes()).hexdigest()
            for page in members
        }
        if hashes == indexed:
            continue
        _index(out, members, bundle)
        write_atomic(bundle / STAMP, json.dumps(hashes, sort_keys=True, indent=0).encode())
    for stale in out.glob("pagefind-*"):
        if stale.is_dir() and stale.name not in names:
            shutil.rmtree(stale)
    return True


def _indexed(bundle: Path) -> dict[str, str]:
    """Page name -> SHA-256 of the pages a bundle indexed ({} when unknown)."""
    try:
        found = json.loads((bundle / STAMP).read_bytes())
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _shards(pages: list[Path], count: int) -> list[list[Path]]:
    """Pages by shard: by a hash of the name, so a page keeps its shard as others come and
    go; round robin when hashing leaves a shard empty (only with a few pages per shard)."""
    shards: list[list[Path]] = [[] for _ in range(count)]
    for page in pages:
        shards[zlib.crc32(page.name.encode()) % count].append(page)
    if all(shards):
        return shards
    return [pages[k::count] for k in range(count)]


def _index(out: Path, pages: list[Path], bundle: Path) -> None:
    """Index `pages` into `bundle`, replacing it whole once Pagefind has succeeded. The
    pages are hard-linked into a scratch site, so their URLs are as in `out`."""
    with tempfile.TemporaryDirectory(prefix=".search-", dir=out) as scratch:
        site, built = Path(scratch) / "site", Path(scratch) / "bundle"
        site.mkdir()
        for page in pages:
            try:
                os.link(page, site / page.name)
            except OSError:  # a file system without hard links
                shutil.copyfile(page, site / page.name)
        command = [sys.executable, "-m", "pagefind", "--site", str(site)]
        command += ["--output-path", str(built), "--quiet"]
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        if run.returncode:
            problem = run.stderr.strip() or run.stdout.strip()
            raise CablegramError(f"pagefind failed on {bundle.name}: {problem}")
        old = Path(scratch) / "old"
        if bundle.exists():
            bundle.rename(old)
        built.rename(bundle)
