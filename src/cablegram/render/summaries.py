"""The cables' summaries, kept in SQLite: the input of the web pages that span the corpus.

A cable's summary (xslt/web/summary.xsl, made beside its page) is split on the way in into
its row of the index (the summary without its names) and its names (entry, anchor,
language, text). The index, the entity lists and each entry's page are then made from
queries, one page of at most `PAGE_SIZE` cables at a time, so that the memory of the web
edition does not grow with the corpus (holding every summary took about 45 KB per cable:
500 MB at 10,000). A build keeps the database between builds, each cable's row with the
key it was made from (the hash of the TEI file, the stylesheets and the code), so a
summary is made again only when one of those changed; and each page of the index and of
the entries with a digest of what it lists, so a page is made again only when that
changed.

A summary's row also gives the document's type (text/@type, `cable` for a v1 document):
the index shows it, filters by it, and says how many documents of each type the edition
holds. Undated documents come last.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from cablegram.errors import CablegramError
from cablegram.render.corpus import CG_NS
from cablegram.safexml import safe_parser

MENTION = f"{{{CG_NS}}}mention"
# Cables on one page of the index or of an entry's mentions: a 1,000-row table is about
# 350 KB of HTML, still quick to open, sort and filter in a browser.
PAGE_SIZE = 1000

# The layout of the database: one written by another layout is started afresh.
SCHEMA_VERSION = 3
SCHEMA = """
CREATE TABLE IF NOT EXISTS cable (
    name TEXT PRIMARY KEY,  -- the TEI file's name
    key TEXT NOT NULL,      -- what the summary was made from
    id TEXT NOT NULL, "when" TEXT NOT NULL, number TEXT NOT NULL,
    date TEXT NOT NULL, title TEXT NOT NULL,
    type TEXT NOT NULL,     -- the document's type (text/@type)
    row BLOB NOT NULL       -- the summary without its names: the index's row
);
CREATE TABLE IF NOT EXISTS mention (
    name TEXT NOT NULL, seq INTEGER NOT NULL,
    entry TEXT NOT NULL, anchor TEXT NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (name, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mention_entry ON mention (entry);
CREATE INDEX IF NOT EXISTS cable_order ON cable ("when" = '', "when", number, name);
-- each page of the index and of the entries, with the digest of what it was made from
CREATE TABLE IF NOT EXISTS page (name TEXT PRIMARY KEY, digest TEXT NOT NULL) WITHOUT ROWID;
-- each cable's page, with the neighbours (previous, next by date) it was rendered with
CREATE TABLE IF NOT EXISTS neighbour (name TEXT PRIMARY KEY, seen TEXT NOT NULL) WITHOUT ROWID;
"""
# The index's order (index.xsl sorts the same way within a page): by date, the undated
# last; SQLite compares text as UTF-8 bytes, libxslt too.
INDEX_ORDER = 'ORDER BY "when" = \'\', "when", number, name'


class Summary(NamedTuple):
    """One cable's summary, split for the store (made on the worker that renders it)."""

    id: str
    when: str
    number: str
    date: str
    title: str
    type: str
    row: bytes
    mentions: tuple[tuple[str, str, str, str], ...]  # entry, anchor, lang, text


def read_summary(data: bytes) -> Summary:
    """Split the output of summary.xsl into its row of the index and its names."""
    cable = etree.fromstring(data, safe_parser())
    mentions = []
    for name in cable.findall(MENTION):
        mentions.append(
            (name.get("entry", ""), name.get("anchor", ""), name.get("lang", ""), name.text or "")
        )
        cable.remove(name)
    return Summary(
        cable.get("id", ""),
        cable.get("when", ""),
        cable.findtext(f"{{{CG_NS}}}number") or "",
        cable.findtext(f"{{{CG_NS}}}date") or "",
        cable.findtext(f"{{{CG_NS}}}title") or "",
        cable.get("type", ""),
        etree.tostring(cable),
        tuple(mentions),
    )


@dataclass(frozen=True)
class Page:
    """One page of a list of cables: its number, file name, and the dates it spans."""

    number: int
    name: str
    first: int  # the position of its first cable in the whole list, from 1
    last: int
    start: str  # the date of its first cable, as the cable gives it
    end: str


@dataclass(frozen=True)
class ListPage:
    """One page of a list of cables, as its stylesheet reads it: a cg:site holding cg:pages
    (every page of the list, for the pager, and which one this is) and cg:cables (this
    page's cables)."""

    pages: list[Page]
    number: int
    cables: etree._Element
    types: dict[str, int] | None = None  # documents of each type in the whole list

    @property
    def name(self) -> str:
        return self.pages[self.number - 1].name

    def document(self, entry: etree._Element | None = None) -> etree._ElementTree:
        """The input of the page's stylesheet (with the authority `entry` it lists)."""
        total = self.pages[-1].last
        root = etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS})
        pages = etree.SubElement(
            root, f"{{{CG_NS}}}pages", current=str(self.number), total=str(total)
        )
        for kind, count in (self.types or {}).items():
            etree.SubElement(pages, f"{{{CG_NS}}}type", name=kind, count=str(count))
        for page in self.pages:
            etree.SubElement(
                pages,
                f"{{{CG_NS}}}page",
                n=str(page.number),
                href=page.name,
                first=str(page.first),
                last=str(page.last),
                start=page.start,
                end=page.end,
            )
        root.append(self.cables)
        if entry is not None:
            etree.SubElement(root, f"{{{CG_NS}}}authority").append(entry.__copy__())
        return etree.ElementTree(root)


def page_name(base: str, number: int) -> str:
    """``index`` → index.html, index-p2.html …"""
    return f"{base}.html" if number == 1 else f"{base}-p{number}.html"


def unusable(database: Path, problem: Exception) -> Exception:
    """The error for a summary store that cannot be used: a full disk is the system's
    fault, as for any file cablegram writes (exit 3), not the edition's."""
    if getattr(problem, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(database))
    return CablegramError(f"{database}: cannot keep the cables' summaries here ({problem})")


def _layout(db: sqlite3.Connection) -> list[tuple[str, ...]]:
    """The tables and indexes of a database, as SQLite keeps their definitions."""
    query = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    return db.execute(query).fetchall()


@functools.cache
def _schema_layout() -> list[tuple[str, ...]]:
    with contextlib.closing(sqlite3.connect(":memory:")) as db:
        db.executescript(SCHEMA)
        return _layout(db)


def _of_layout(db: sqlite3.Connection) -> bool:
    """Whether a database of this version holds the tables and indexes of `SCHEMA` and no
    other, or none yet (a file of another program, or tables changed by hand, hold other
    columns under the same version): another is started afresh, never trusted."""
    return _layout(db) in ([], _schema_layout())


class SummaryStore:
    """The summaries of a corpus in an SQLite database (a file: its own cache, so a damaged
    or outdated one is started afresh rather than trusted)."""

    def __init__(self, database: Path) -> None:
        self.database = database
        try:
            self._db = self._open()
        except sqlite3.OperationalError as exc:  # cannot be opened or written here
            raise unusable(database, exc) from exc
        except sqlite3.DatabaseError:  # a damaged file
            try:
                database.unlink()
                self._db = self._open()
            except (OSError, sqlite3.Error) as exc:
                raise unusable(database, exc) from exc

    def _open(self) -> sqlite3.Connection:
        try:
            self.database.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise unusable(self.database, exc) from exc
        db = sqlite3.connect(self.database)
        try:
            (version,) = db.execute("PRAGMA user_version").fetchone()
            if version != SCHEMA_VERSION:  # another layout (or a new file): start afresh
                db.executescript(
                    "DROP TABLE IF EXISTS cable; DROP TABLE IF EXISTS mention;"
                    "DROP TABLE IF EXISTS page; DROP TABLE IF EXISTS neighbour;"
                )
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            if not _of_layout(db):
                raise sqlite3.DatabaseError("not the summaries' layout")
            db.executescript(SCHEMA)
        except sqlite3.Error:
            db.close()
            raise
        return db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SummaryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping --------------------------------------------------------------------------

    def stale(self, keys: dict[str, str]) -> set[str]:
        """The names (of `keys`, name → key) whose summary is missing or made from other
        inputs."""
        kept = dict(self._db.execute("SELECT name, key FROM cable"))
        return {name for name, key in keys.items() if kept.get(name) != key}

    def add(self, name: str, key: str, summary: Summary) -> None:
        """Keep a cable's summary (replacing the one it had); `commit` makes it last."""
        self._db.execute("DELETE FROM mention WHERE name = ?", (name,))
        self._db.execute(
            "INSERT OR REPLACE INTO cable VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, key, *summary[:7]),
        )
        self._db.executemany(
            "INSERT INTO mention VALUES (?, ?, ?, ?, ?, ?)",
            [(name, seq, *mention) for seq, mention in enumerate(summary.mentions)],
        )

    def commit(self, names: set[str]) -> None:
        """Forget the cables not among `names` (no longer in the corpus) and commit."""
        gone = [(n,) for (n,) in self._db.execute("SELECT name FROM cable") if n not in names]
        self._db.executemany("DELETE FROM cable WHERE name = ?", gone)
        self._db.executemany("DELETE FROM mention WHERE name = ?", gone)
        self._db.executemany("DELETE FROM neighbour WHERE name = ?", gone)
        self._db.commit()

    def neighbours(self) -> dict[str, Neighbours]:
        """Each cable's previous and next cable in the index's order (name → both): a
        few short strings per cable, not its summary."""
        order = INDEX_ORDER.removeprefix("ORDER BY ")
        rows = self._db.execute(
            f"SELECT name, lag(id) OVER w, lag(date) OVER w, lag(title) OVER w, "
            f"lead(id) OVER w, lead(date) OVER w, lead(title) OVER w "
            f"FROM cable WINDOW w AS (ORDER BY {order})"
        )
        return {name: Neighbours(*rest) for name, *rest in rows}

    def neighbours_seen(self) -> dict[str, str]:
        """Name → the neighbours (`Neighbours.seen`) its page was last rendered with."""
        return dict(self._db.execute("SELECT name, seen FROM neighbour"))

    def rendered_with(self, seen: dict[str, str]) -> None:
        """Record the neighbours the pages just rendered were rendered with (name → seen)."""
        self._db.executemany("INSERT OR REPLACE INTO neighbour VALUES (?, ?)", seen.items())
        self._db.commit()

    def made_pages(self) -> dict[str, str]:
        """Page name → the digest of what it was made from, for every page last made."""
        return dict(self._db.execute("SELECT name, digest FROM page"))

    def pages_made(self, digests: dict[str, str]) -> None:
        """Record the pages of the corpus as they now are (name → digest)."""
        self._db.execute("DELETE FROM page")
        self._db.executemany("INSERT INTO page VALUES (?, ?)", digests.items())
        self._db.commit()

    # -- reading --------------------------------------------------------------------------

    def entry_counts(self) -> dict[str, tuple[int, int]]:
        """Entry id → (cables, passages) that mention it."""
        rows = self._db.execute(
            "SELECT entry, count(DISTINCT name), count(*) FROM mention GROUP BY entry"
        )
        return {entry: (cables, passages) for entry, cables, passages in rows}

    def row_and_entries(self, name: str) -> tuple[bytes, list[str]] | None:
        """A cable's row of the index and the entries it names (each once, in the order
        of their first mention); None when it has no summary."""
        found = self._db.execute("SELECT row FROM cable WHERE name = ?", (name,)).fetchone()
        if found is None:
            return None
        entries = self._db.execute(
            "SELECT entry FROM mention WHERE name = ? GROUP BY entry ORDER BY min(seq)", (name,)
        )
        return found[0], [entry for (entry,) in entries]

    def type_counts(self) -> dict[str, int]:
        """Document type → how many documents of the corpus are of that type."""
        return dict(
            self._db.execute("SELECT type, count(*) FROM cable GROUP BY type ORDER BY type")
        )

    def index_pages(self, context: str, size: int = PAGE_SIZE) -> list[PlannedPage]:
        """The pages of the index: `size` cables each, in date order (each page says how
        many documents of each type the whole index holds: that is in their digest)."""
        rows = self._db.execute(f"SELECT name, key, date FROM cable {INDEX_ORDER}")
        return _plan("index", rows, size, f"{context} {sorted(self.type_counts().items())}")

    def index_page(
        self, pages: list[PlannedPage], number: int, named: dict[str, tuple[str, str]]
    ) -> ListPage:
        """One page of the index, holding its cables' rows and the corpus's type counts;
        each row with the entries of `named` (id → kind, name) its cable mentions, as
        cg:entry (the index filters by them)."""
        page = pages[number - 1].page
        rows = self._db.execute(
            f"SELECT name, row FROM cable {INDEX_ORDER} LIMIT ? OFFSET ?",
            (page.last - page.first + 1, page.first - 1),
        ).fetchall()
        mentioned: dict[str, list[str]] = {}
        for name, entry in self._db.execute(
            "SELECT DISTINCT name, entry FROM mention "
            "WHERE name IN (SELECT value FROM json_each(?)) ORDER BY name, entry",
            (json.dumps([name for name, _ in rows]),),
        ):
            mentioned.setdefault(name, []).append(entry)
        holder = etree.Element(f"{{{CG_NS}}}cables", nsmap={"cg": CG_NS})
        parser = safe_parser()
        for name, row in rows:
            cable = etree.fromstring(row, parser)
            for entry in mentioned.get(name, ()):
                if entry in named:
                    kind, label = named[entry]
                    etree.SubElement(cable, f"{{{CG_NS}}}entry", kind=kind, ref=entry).text = label
            holder.append(cable)
        return ListPage([p.page for p in pages], number, holder, self.type_counts())

    def chronology(self, size: int = PAGE_SIZE) -> etree._ElementTree:
        """The input of the chronology: how many documents each year and month holds (a
        year or month of none is left out; a date of a year alone counts in its year), and
        where in the index each begins (the page of `size` cables, the heading's id)."""
        order = INDEX_ORDER.removeprefix("ORDER BY ")
        rows = self._db.execute(
            'SELECT substr("when", 1, 4), substr("when", 6, 2), count(*), min(position) '
            f'FROM (SELECT "when", row_number() OVER (ORDER BY {order}) AS position FROM cable) '
            "GROUP BY 1, 2 ORDER BY 4"
        )
        root = etree.Element(f"{{{CG_NS}}}site", nsmap={"cg": CG_NS})
        holder = etree.SubElement(root, f"{{{CG_NS}}}chronology")
        year: etree._Element | None = None
        for number, month, count, position in rows:
            page = page_name("index", (position - 1) // size + 1)
            if year is None or year.get("n") != number:
                anchor = f"y{number}" if number else "undated"
                year = etree.SubElement(
                    holder, f"{{{CG_NS}}}year", n=number, count="0", href=f"{page}#{anchor}"
                )
            year.set("count", str(int(year.get("count", "0")) + count))
            if month:
                etree.SubElement(
                    year,
                    f"{{{CG_NS}}}month",
                    n=month,
                    count=str(count),
                    href=f"{page}#m{number}-{month}",
                )
        return etree.ElementTree(root)

    def entry_pages(self, base: str, entry: str, context: str, size: int = PAGE_SIZE) -> EntryList:
        """The pages of the cables that mention an entry: `size` cables each, in date order,
        file names `base`.html, `base`-p2.html …"""
        rows = self._db.execute(
            'SELECT name, key, date, id, "when", title FROM cable '
            "WHERE name IN (SELECT name FROM mention WHERE entry = ?) "
            'ORDER BY "when" = \'\', "when", name',
            (entry,),
        ).fetchall()
        plan = _plan(base, ((name, key, date) for name, key, date, *_ in rows), size, context)
        return EntryList(plan, [(name, *cable) for name, _, _, *cable in rows])

    def entry_page(self, entry: str, listing: EntryList, number: int) -> ListPage:
        """One page of an entry's cables, each with its title and the names that point at
        the entry."""
        page = listing.pages[number - 1].page
        cables = listing.cables[page.first - 1 : page.last]
        names: dict[str, list[tuple[str, str, str]]] = {}
        for name, anchor, lang, text in self._db.execute(
            "SELECT name, anchor, lang, text FROM mention "
            "WHERE entry = ? AND name IN (SELECT value FROM json_each(?)) ORDER BY name, seq",
            (entry, json.dumps([name for name, *_ in cables])),
        ):
            names.setdefault(name, []).append((anchor, lang, text))
        holder = etree.Element(f"{{{CG_NS}}}cables", nsmap={"cg": CG_NS})
        for name, xml_id, when, title in cables:
            cable = etree.SubElement(holder, f"{{{CG_NS}}}cable", id=xml_id, when=when)
            etree.SubElement(cable, f"{{{CG_NS}}}title").text = title
            for anchor, lang, text in names.get(name, ()):
                etree.SubElement(cable, MENTION, anchor=anchor, lang=lang).text = text
        return ListPage([p.page for p in listing.pages], number, holder)


class Neighbours(NamedTuple):
    """A cable's previous and next cable in the index's order (id, date as the cable gives
    it, title; None at either end of the corpus)."""

    prev_id: str | None
    prev_date: str | None
    prev_title: str | None
    next_id: str | None
    next_date: str | None
    next_title: str | None

    @property
    def seen(self) -> str:
        """What a page shows of its neighbours, as one string to compare."""
        return json.dumps(self)

    def params(self) -> dict[str, str]:
        """The cable stylesheet's parameters (empty for none)."""
        return {key.replace("_", "-"): value or "" for key, value in self._asdict().items()}


class PlannedPage(NamedTuple):
    """A page of a list, and the digest of what it is made from: the context (authority
    files, stylesheets), every page's place and dates (the pager), and the name and key
    of each of its cables (their summaries). An unchanged digest: the page is the same."""

    page: Page
    digest: str


class EntryList(NamedTuple):
    """The pages of an entry's cables, and those cables (name, id, date, title) in order:
    an entry's pages are made from them without sorting its cables again for each page."""

    pages: list[PlannedPage]
    cables: list[tuple[str, str, str, str]]


def _plan(
    base: str, rows: Iterable[tuple[str, str, str]], size: int, context: str
) -> list[PlannedPage]:
    """The pages of a list of cables given as (name, key, date) in order (read once; only
    each page's first and last date and a running digest are kept)."""
    pages: list[Page] = []
    digests: list[str] = []
    start = end = ""
    position = 0
    digest = hashlib.sha256()

    def close() -> None:
        number = len(pages) + 1
        first = (number - 1) * size + 1
        pages.append(Page(number, page_name(base, number), first, position, start, end))
        digests.append(digest.hexdigest())

    for position, (name, key, date) in enumerate(rows, 1):
        if (position - 1) % size == 0:
            start, digest = date, hashlib.sha256()
        end = date
        digest.update(f"{name}\0{key}\0".encode())
        if position % size == 0:
            close()
    if position % size or not position:  # an empty list has one (empty) page
        close()
    pager = hashlib.sha256(repr((context, pages)).encode()).hexdigest()
    return [
        PlannedPage(page, hashlib.sha256(f"{pager}{digest}".encode()).hexdigest())
        for page, digest in zip(pages, digests, strict=True)
    ]
