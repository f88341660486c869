"""Caches of the wrong shape: a build state, a summary database, a search stamp or a
redirect listing that is readable but not what the build wrote (another JSON, another
SQLite layout, a file cut short, garbage) is taken for absent, never trusted: the build
then makes everything it needs again, and its outputs are byte for byte those of a build
from scratch. The sidecar of a volume's pages and a serve build's outcome are read the
same way."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cablegram.edition.scaffold import init_edition
from cablegram.render.print_index import read_pages, sidecar, write_pages
from cablegram.serve.job import GENERAL, BuildOutcome
from cablegram.shapes import read_json, record, text
from conftest import SEEDS, run_cli

STATE = Path("build/.cablegram-state.json")
SUMMARIES = Path("build/.cablegram-summaries.sqlite")
STAMP = Path("build/site/search-shards.json")
LISTING = Path("build/site/redirects.json")
MANIFEST = Path("build/site/search.json")
CACHES = {STATE, SUMMARIES}  # outside the published site: left out of the comparison
TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}")  # files.write_atomic's, left by a crash


def snapshot(edition: Path) -> dict[str, bytes]:
    """Every file of an edition's TEI and build folders but the build's caches."""
    return {
        str(path.relative_to(edition)): path.read_bytes()
        for folder in ("tei", "build")
        for path in sorted((edition / folder).rglob("*"))
        if path.is_file() and path.relative_to(edition) not in CACHES
    }


def _without_bundles(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files but Pagefind's bundles (the stamp and manifest that name them stay)."""
    return {name: data for name, data in files.items() if "/pagefind-" not in name}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An edition of the five seeds (its empty authority files: validation is quick)
    built once from scratch; each case builds a copy of it."""
    edition = tmp_path_factory.mktemp("built") / "edition"
    init_edition(edition, "Damaged caches", "0")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, edition / "sources")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(edition)
        assert run_cli("build", "--no-print").exit_code == 0
    yield edition


def _json(value: object) -> Callable[[bytes], bytes]:
    return lambda _: json.dumps(value).encode()


def _state(change: Callable[[dict], None]) -> Callable[[bytes], bytes]:
    """The state as the build wrote it, changed."""

    def damage(data: bytes) -> bytes:
        state = json.loads(data)
        change(state)
        return json.dumps(state).encode()

    return damage


def _each_entry(section: str, change: Callable[[dict], None]) -> Callable[[dict], None]:
    return lambda state: [change(entry) for entry in state[section].values()]


GARBAGE = bytes(range(256)) * 8
# how each JSON cache is damaged: the bytes it had -> the bytes it gets
JSON_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda _: b"",
    "null": _json(None),
    "a list": _json([]),
    "a number": _json(42),
    "cut short": lambda data: data[: len(data) // 2],
    "garbage": lambda _: GARBAGE,
    "a list of numbers": _json([1, 2, 3]),
}
STATE_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    **JSON_DAMAGE,
    "a section a list": _state(lambda state: state.update(convert=[])),
    "an entry without its keys": _state(_each_entry("convert", lambda e: e.pop("tei"))),
    "an id a number": _state(_each_entry("convert", lambda e: e.update(id=12))),
    "an id with a path": _state(_each_entry("convert", lambda e: e.update(id="../../x"))),
    "an extra key": _state(_each_entry("convert", lambda e: e.update(extra=1))),
    "an extra section": _state(lambda state: state.update(unknown={})),
    "issues of another shape": _state(
        _each_entry("validate", lambda e: e.update(issues=[{"path": 1}]))
    ),
    "words where hashes go": _state(
        lambda state: [state[step].update(whole="not a hash") for step in ("web", "convert")]
    ),
    "hashes of other files": _state(_each_entry("convert", lambda e: e.update(tei="0" * 64))),
    "a redirect to nowhere": _state(lambda state: state.update(redirects={"a-1": "b-2"})),
}


def _database(script: str, version: int = 3) -> Callable[[bytes], bytes]:
    """A database made by `script` (at this user_version), in place of the summaries."""

    def damage(_: bytes) -> bytes:
        scratch = Path(f"build/.scratch-{version}.sqlite")
        with sqlite3.connect(scratch) as db:
            db.executescript(script)
            db.execute(f"PRAGMA user_version = {version}")
        db.close()
        data = scratch.read_bytes()
        scratch.unlink()
        return data

    return damage


def _summaries(script: str) -> Callable[[bytes], bytes]:
    """The summaries as the build wrote them, changed by an SQL script."""

    def damage(data: bytes) -> bytes:
        with sqlite3.connect(SUMMARIES) as db:
            db.executescript(script)
        db.close()
        return SUMMARIES.read_bytes()

    return damage


SUMMARY_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda _: b"",
    "garbage": lambda _: GARBAGE,
    "json": _json({"cable": []}),
    "cut short": lambda data: data[: len(data) // 2],
    "cut to its header": lambda data: data[:100],
    # (rows of a cable gone, on pages after the first ones, then cut off)
    "its last pages cut": lambda data: _summaries(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
        "INSERT INTO mention SELECT 'gone', i, 'x', 'x', 'x', 'x' FROM n;"
    )(data)[: len(data) + 8192],
    "another program's": _database("CREATE TABLE cable (name TEXT, size INTEGER);"),
    "other columns": _summaries("DROP TABLE cable; CREATE TABLE cable (name TEXT, key TEXT);"),
    "an extra table": _summaries("CREATE TABLE other (x);"),
    "keys of another type": _summaries("UPDATE cable SET key = 1;"),
    "no rows": _summaries("DELETE FROM cable; DELETE FROM mention; DELETE FROM page;"),
}
STAMP_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    **JSON_DAMAGE,
    "shards of another shape": _json([{"pages": [], "bundles": {}}]),
    "a bundle outside the site": _json([{"pages": {}, "bundles": {"en": "../../tei"}}]),
    "hashes of another shape": _json([{"pages": {"x.html": [1, 2]}, "bundles": {}}]),
}
LISTING_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    **JSON_DAMAGE,
    "a page of the site": _json({"index": "cable-1951-06-30-3917-filippov"}),
    "a path": _json({"../../tei/x": "y"}),
}
CASES = [
    *[pytest.param(STATE, damage, id=f"state-{name}") for name, damage in STATE_DAMAGE.items()],
    *[
        pytest.param(SUMMARIES, damage, id=f"summaries-{name}")
        for name, damage in SUMMARY_DAMAGE.items()
    ],
    *[pytest.param(STAMP, damage, id=f"stamp-{name}") for name, damage in STAMP_DAMAGE.items()],
    *[
        pytest.param(LISTING, damage, id=f"redirects-{name}")
        for name, damage in LISTING_DAMAGE.items()
    ],
]


@pytest.mark.parametrize(("cache", "damage"), CASES)
def test_a_damaged_cache_is_rebuilt_not_trusted(
    built: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cache: Path,
    damage: Callable[[bytes], bytes],
) -> None:
    """The build over a damaged cache succeeds without a word of error, and its TEI
    files and site are byte for byte those of the build from scratch; no temporary file
    is left."""
    edition = tmp_path / "edition"
    shutil.copytree(built, edition)
    monkeypatch.chdir(edition)
    if not cache.exists():
        pytest.skip(f"{cache} is not made here (Pagefind missing)")
    cache.write_bytes(damage(cache.read_bytes()))
    if cache == STAMP:  # (the stamp is read when the search index is made: make it so)
        MANIFEST.unlink()
    result = run_cli("build", "--no-print")
    assert result.exit_code == 0, result.output
    assert "error:" not in result.output
    made, expected = snapshot(edition), snapshot(built)
    if cache == STAMP:  # Pagefind's own files differ from one run of it to the next
        made, expected = _without_bundles(made), _without_bundles(expected)
    assert made == expected
    left = [p for p in edition.rglob(".*") if TEMPORARY.fullmatch(p.name)]
    assert not left


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"null",
        b"[]",
        b'{"persons.xml#x": "1"}',
        b'{"persons.xml#x": [1.5]}',
        b'{"persons.xml#x": [true]}',
        b'{"persons.xml#x": [1, "2"]}',
        b'{"persons.xml#x": [1',
        GARBAGE,
    ],
    ids=["empty", "null", "list", "str", "float", "bool", "mixed", "cut", "garbage"],
)
def test_a_volume_sidecar_of_another_shape_reads_as_none(tmp_path: Path, damage: bytes) -> None:
    """A volume's pages of another shape read as none (the volume is then laid out again,
    render.print), where those written read back as they were."""
    volume = tmp_path / "edition-2.pdf"
    write_pages(volume, {"persons.xml#stalin": [3, 4]})
    assert read_pages(volume) == {"persons.xml#stalin": [3, 4]}
    sidecar(volume).write_bytes(damage)
    assert read_pages(volume) is None


@pytest.mark.parametrize(
    "line",
    [
        "",
        "null",
        "[]",
        '{"errors": []}',
        '{"errors": {"x": "not a list"}}',
        '{"pages": [1]}',
        '{"summary": 3}',
        '{"unknown": 1}',
        "not json at all",
    ],
)
def test_a_serve_build_outcome_of_another_shape_says_the_build_stopped(line: str) -> None:
    """The last line of a serve build that is no outcome is taken for a build that
    stopped before printing it: an error, never an outcome of another shape."""
    outcome = BuildOutcome.read(f"some message\n{line}\n", 1)
    assert list(outcome.errors) == [GENERAL]
    assert "exit status 1" in outcome.errors[GENERAL][0]


def test_read_json_takes_a_value_of_another_shape_for_none(tmp_path: Path) -> None:
    """The one reader of the JSON caches: the value when of the shape, else None."""
    path = tmp_path / "cache.json"
    shape = record({"a": text})
    assert read_json(path, shape) is None  # missing
    path.write_text('{"a": "x"}', encoding="utf-8")
    assert read_json(path, shape) == {"a": "x"}
    for damaged in ('{"a": 1}', '{"a": "x", "b": 1}', "{}", "[" * 100_000):
        path.write_text(damaged, encoding="utf-8")
        assert read_json(path, shape) is None
