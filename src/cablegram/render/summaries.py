"""The cables' summaries, kept in SQLite: the input of the web pages that span the corpus.

A cable's summary (xslt/web/summary.xsl, made beside its page) is split on the way in into
its row of the index (the summary without its names) and its names (entry, anchor,
language, text). The index, the entity lists and each entry's page are then made from
queries, one page of at most `PAGE_SIZE` cables at a time, so that the memory of the web
edition does not grow with the corpus (holding every summary took about 45 KB per cable:
500 MB at 10,000). A build keeps the database between builds, each cable's row with the
key it was made from (the hash of the TEI file, the stylesheets and the code), so a
summary is made again only when one of those changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from cablegram.errors import CablegramError
from cablegram.safexml import safe_parser

CG_NS = "urn:cablegram:site"
MENTION = f"{{{CG_NS}}}mention"
# Cables on one page of the index or of an entry's mentions: a 1,000-row table is about
# 350 KB of HTML, still quick to open, sort and filter in a browser.
PAGE_SIZE = 1000

SCHEMA = """
CREATE TABLE IF NOT EXISTS cable (
    name TEXT PRIMARY KEY,  -- the TEI file's name
    key TEXT NOT NULL,      -- what the summary was made from
    id TEXT NOT NULL, "when" TEXT NOT NULL, number TEXT NOT NULL,
    date TEXT NOT NULL, title TEXT NOT NULL,
    row BLOB NOT NULL       -- the summary without its names: the index's row
);
CREATE TABLE IF NOT EXISTS mention (
    name TEXT NOT NULL, seq INTEGER NOT NULL,
    entry TEXT NOT NULL, anchor TEXT NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (name, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mention_entry ON mention (entry);
-- entries whose pages must be made again: those named by a summary added or removed since
-- the pages were last made (kept here, so that a failed run leaves them due)
CREATE TABLE IF NOT EXISTS due (entry TEXT PRIMARY KEY) WITHOUT ROWID;
-- what else the pages were made from (the authority files, the stylesheets, the page size)
CREATE TABLE IF NOT EXISTS made (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# The index's order (index.xsl sorts the same way within a page); SQLite compares text as
# UTF-8 bytes, libxslt too.
INDEX_ORDER = 'ORDER BY "when", number, name'


class Summary(NamedTuple):
    """One cable's summary, split for the store (made on the worker that renders it)."""

    id: str
    when: str
    number: str
    date: str
    title: str
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


class SummaryStore:
    """The summaries of a corpus in an SQLite database (a file: its own cache, so a damaged
    or outdated one is started afresh rather than trusted)."""

    def __init__(self, database: Path) -> None:
        self.database = database
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:
            database.unlink(missing_ok=True)
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            self.database.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.database)
        except (OSError, sqlite3.OperationalError) as exc:
            problem = f"{self.database}: cannot keep the summaries here ({exc})"
            raise CablegramError(problem) from exc
        db.executescript(SCHEMA)
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
        """Keep a cable's summary (replacing the one it had); `commit` makes it last. The
        entries it names, and those its old summary named, become due."""
        self._due_of(name)
        self._db.executemany(
            "INSERT OR IGNORE INTO due VALUES (?)", [(entry,) for entry, *_ in summary.mentions]
        )
        self._db.execute("DELETE FROM mention WHERE name = ?", (name,))
        self._db.execute(
            "INSERT OR REPLACE INTO cable VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (name, key, *summary[:6]),
        )
        self._db.executemany(
            "INSERT INTO mention VALUES (?, ?, ?, ?, ?, ?)",
            [(name, seq, *mention) for seq, mention in enumerate(summary.mentions)],
        )

    def commit(self, names: set[str]) -> None:
        """Forget the cables not among `names` (no longer in the corpus) and commit."""
        gone = [(n,) for (n,) in self._db.execute("SELECT name FROM cable") if n not in names]
        for (name,) in gone:
            self._due_of(name)
        self._db.executemany("DELETE FROM cable WHERE name = ?", gone)
        self._db.executemany("DELETE FROM mention WHERE name = ?", gone)
        self._db.commit()

    def _due_of(self, name: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO due SELECT entry FROM mention WHERE name = ?", (name,)
        )

    def entries_due(self, context: str) -> set[str] | None:
        """The entries whose pages must be made again; None for all of them (the pages
        were last made in another `context`: other authority files, stylesheets …)."""
        made = self._db.execute("SELECT value FROM made WHERE key = 'context'").fetchone()
        if made is None or made[0] != context:
            return None
        return {entry for (entry,) in self._db.execute("SELECT entry FROM due")}

    def pages_made(self, context: str) -> None:
        """Record that every page is now up to date, made in `context`."""
        self._db.execute("DELETE FROM due")
        self._db.execute("INSERT OR REPLACE INTO made VALUES ('context', ?)", (context,))
        self._db.commit()

    # -- reading --------------------------------------------------------------------------

    def count(self) -> int:
        (total,) = self._db.execute("SELECT count(*) FROM cable").fetchone()
        return total

    def entry_counts(self) -> dict[str, tuple[int, int]]:
        """Entry id → (cables, passages) that mention it."""
        rows = self._db.execute(
            "SELECT entry, count(DISTINCT name), count(*) FROM mention GROUP BY entry"
        )
        return {entry: (cables, passages) for entry, cables, passages in rows}

    def index_pages(self, size: int = PAGE_SIZE) -> Iterator[ListPage]:
        """The index in pages of `size` cables, in date order, each holding its cables'
        rows."""
        dates = (date for (date,) in self._db.execute(f"SELECT date FROM cable {INDEX_ORDER}"))
        pages = _pages("index", dates, size)
        rows = self._db.execute(f"SELECT row FROM cable {INDEX_ORDER}")
        parser = safe_parser()
        for page in pages:
            holder = etree.Element(f"{{{CG_NS}}}cables", nsmap={"cg": CG_NS})
            for (row,) in rows.fetchmany(page.last - page.first + 1):
                holder.append(etree.fromstring(row, parser))
            yield ListPage(pages, page.number, holder)

    def entry_pages(self, base: str, entry: str, size: int = PAGE_SIZE) -> Iterator[ListPage]:
        """The cables that mention an entry, in pages of `size` cables in date order (file
        names `base`.html, `base`-p2.html …), each cable with its title and the names that
        point at the entry."""
        query = (
            'SELECT c.name, c.id, c."when", c.date, c.title, m.anchor, m.lang, m.text '
            "FROM mention AS m JOIN cable AS c USING (name) WHERE m.entry = ? "
            'ORDER BY c."when", c.name, m.seq'
        )
        dates = (date for _, date in self._cables_of(query, entry))
        pages = _pages(base, dates, size)
        mentions = self._db.execute(query, (entry,))
        holder = etree.Element(f"{{{CG_NS}}}cables", nsmap={"cg": CG_NS})
        cables, current, at = 0, holder, None
        for name, xml_id, when, _, title, anchor, lang, text in mentions:
            if name != at:
                if cables and cables % size == 0:
                    yield ListPage(pages, cables // size, holder)
                    holder = etree.Element(f"{{{CG_NS}}}cables", nsmap={"cg": CG_NS})
                at, cables = name, cables + 1
                current = etree.SubElement(holder, f"{{{CG_NS}}}cable", id=xml_id, when=when)
                etree.SubElement(current, f"{{{CG_NS}}}title").text = title
            etree.SubElement(current, MENTION, anchor=anchor, lang=lang).text = text
        if cables:
            yield ListPage(pages, len(pages), holder)

    def _cables_of(self, query: str, entry: str) -> Iterator[tuple[str, str]]:
        """(name, date) of each cable of an entry's mentions, once, in their order."""
        at = None
        for name, _, _, date, *_ in self._db.execute(query, (entry,)):
            if name != at:
                at = name
                yield name, date


def _pages(base: str, dates: Iterator[str], size: int) -> list[Page]:
    """The pages of a list of cables whose dates come in order (only the first and last
    date of each page are kept)."""
    pages: list[Page] = []
    start = end = ""
    position = 0

    def close() -> None:
        number = len(pages) + 1
        first = (number - 1) * size + 1
        pages.append(Page(number, page_name(base, number), first, position, start, end))

    for position, date in enumerate(dates, 1):
        if (position - 1) % size == 0:
            start = date
        end = date
        if position % size == 0:
            close()
    if position % size or not position:  # an empty list has one (empty) page
        close()
    return pages
