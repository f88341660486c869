"""Lines → blocks: where a paragraph, a heading, a point, a furniture line begins.

Blank lines are one sign of a new block, not the only one: exports lose them (a page
captured without its blank lines, a one-line copy), or never had them between the lines of
a PDF's paragraph. Each run of lines is cut by one of three readings of what its lines are:

- `wrapped` (pdftotext): lines are a paragraph's wraps; an indented line, a centred or
  right-aligned line, a line after a short one (it did not wrap) begins a new block;
- `breaks` (a page copy with blank lines between its paragraphs): a block's lines are
  the document's own lines (a scan's, an address's), kept together, but a line that ends a
  sentence followed by one that begins a new one starts a new block;
- `lines` (a page copy without blank lines, a one-line copy): every line is a paragraph of
  the page, but one that goes on (a list of names cut after a comma, an open bracket).

In every reading a line that begins a numbered, lettered, dashed or bulleted point, a
footnote's text, a speaker's turn or a separator, a part's letter or number standing alone
('B', 'II.'), the running text after a head in capitals, or a line that changes the script
(a Russian original followed by its English translation), starts a block; a blank line
inside a sentence ('… laughed and stopped' | '' | 'defending his opinion.') does not, nor
does a line after a word no sentence ends with ('… can receive a' | 'Czechoslovak …').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from cablegram.lexicon.dates import MONTH_NAMES
from cablegram.lexicon.patterns import CONNECTOR, DASH_POINT, PART_ALONE, POINT_LABEL, TERMINAL
from cablegram.read.lines import SEPARATOR_LINE, Align, Layout, Line, bracket_depth

Reading = Literal["wrapped", "breaks", "lines"]

DATE_START = re.compile(rf"^\s*\d{{1,2}}\.\s+(?:{MONTH_NAMES})\b", re.IGNORECASE)
FOOTNOTE_START = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\s*/|\*{1,3}|x/)\s+\S")
SPEAKER_START = re.compile(
    r"^\s*(?:(?:Comrade|Cde\.|Com\.|Mr\.|Mrs\.|Tov\.|Товарищ|тов\.)\s+)?"
    r"(?:[A-ZА-ЯЁ][\w'’.-]*\s+){0,3}[A-ZА-ЯЁ][\w'’-]+\s?:\s+\S"
    r"|^\s*(?:[A-ZА-ЯЁ]\.\s?){0,2}[A-ZА-ЯЁ]{2,}[A-ZА-ЯЁ-]*(?:\s+[A-ZА-ЯЁ]{2,})?\.\s+[A-ZА-ЯЁ\"“]"
)
PAGE_BREAK_MARK = re.compile(r"^\s*\[\s*page break\s*\]\s*$", re.IGNORECASE)
FIELD_START = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:Citation|Summary|Credits|Original Languages?|Contents)\s*:", re.I
)
SENTENCE_START = re.compile(r"^[\"“«„(\[]?[A-ZА-ЯЁ0-9\u4e00-\u9fff]")
CONTINUES = re.compile(r"[,;\-–—(/]\s*$|\b(?:and|or|of|the|to|и|в|на)\s*$")
SCRIPT = {"Cyrl": re.compile(r"[А-Яа-яЁё]"), "Latn": re.compile(r"[A-Za-z]"),
          "Hani": re.compile(r"[\u4e00-\u9fff]")}  # fmt: skip
SENTENCE_STOP = re.compile(r"[.!?…。！？][\"”»’)\]]*\s*$")
ABBREVIATIONS = {"cde", "cdes", "com", "comr", "comrs", "no", "nos", "mr", "mrs", "dr", "gen",
                 "col", "tov", "etc", "г", "гг", "тов", "ст", "им", "т", "вх", "экз"}  # fmt: skip
MIN_SCRIPT_LETTERS = 12
PROSE_LINE = 40  # characters of a line of running prose (shorter: an address, a caption)


@dataclass(frozen=True)
class Block:
    """Consecutive lines that make one unit of the text (a paragraph, a heading …)."""

    lines: tuple[Line, ...]

    @property
    def no(self) -> int:
        return self.lines[0].no

    @cached_property
    def text(self) -> str:
        """The block's text with its lines joined by spaces (for classification)."""
        return " ".join(line.text.strip() for line in self.lines)

    @property
    def align(self) -> Align | None:
        """The alignment all its lines share (a pdftotext export's right or centred block)."""
        first = self.lines[0].align
        return first if all(line.align == first for line in self.lines) else None


def reading_of(lines: list[Line], layout: Layout) -> Reading:
    """How the lines of this export make blocks (see the module's docstring): a page copy
    reads `lines` when its sentences end at a line end with the next one on the very next
    line more often than after a blank line."""
    if layout == "pdftotext":
        return "wrapped"
    if layout == "oneline":
        return "lines"
    adjacent = apart = 0
    previous: Line | None = None
    blank = False
    for line in lines:
        if not line.text.strip():
            blank = True
            continue
        if previous and _ends_sentence(previous.text.rstrip()) and SENTENCE_START.match(line.text):
            apart += blank
            adjacent += not blank
        previous, blank = line, False
    return "lines" if adjacent >= 2 and adjacent > apart else "breaks"


def cut_blocks(lines: list[Line], reading: Reading) -> list[Block]:
    """Runs of non-blank lines, cut where a new block begins."""
    width = max((line.width for line in lines), default=0)
    blocks: list[Block] = []
    current: list[Line] = []
    depth = 0  # of the brackets the current block leaves open (read as its lines come)
    for k, line in enumerate(lines):
        if not line.text.strip():
            if (
                current
                and not (depth and _bracket_closes_next(lines, k))
                and not _sentence_goes_on(current, lines, k)
            ):
                blocks.append(Block(tuple(current)))
                current, depth = [], 0
            continue
        if current and not depth and _starts_block(current, line, reading, width):
            blocks.append(Block(tuple(current)))
            current = []
        current.append(line)
        depth = bracket_depth(line.text, depth)
    if current:
        blocks.append(Block(tuple(current)))
    return blocks


def _bracket_closes_next(lines: list[Line], k: int) -> bool:
    """A bracket the block left open closes on the next line of text, past blank lines
    ('[Classification level blacked out:' | '' | '"NOT SECRET" Stamped]')."""
    following = next((line.text for line in lines[k + 1 :] if line.text.strip()), "")
    return "]" in following and following.find("]") < (following.find("[") % (len(following) + 1))


def _sentence_goes_on(current: list[Line], lines: list[Line], k: int) -> bool:
    """A sentence that a blank line cuts goes on after it ('… laughed and stopped' | '' |
    'defending his opinion.'): its line ends without a stop and the next one begins in
    lower case, on the same page (a page turn is the parser's to rejoin)."""
    last = current[-1]
    text = last.text.strip()
    if len(text) < PROSE_LINE or not text[-1:].isalpha() or re.search(r"[^\W\d_]-$", text):
        return False  # a short line (an address's, a caption's) ends where it ends
    after = [line for line in lines[k + 1 :] if line.text.strip()]
    following = after[0] if after else None
    return (
        following is not None
        and following.page == last.page
        and following.align is None
        and last.align is None
        and following.text.strip()[:1].islower()
        and not _point_start(following.text)
        and _sentence_ends(after)
    )


def _sentence_ends(lines: list[Line]) -> bool:
    """The sentence goes on to a full stop within a few lines."""
    return any(_ends_sentence(line.text.rstrip()) for line in lines[:3])


def _starts_block(current: list[Line], line: Line, reading: Reading, width: int) -> bool:
    """Whether `line` begins a new block after the `current` one (which leaves no bracket
    open: '[Ed.' | 'note: …]' goes on)."""
    previous = current[-1]
    before = previous.text.rstrip()
    text = line.text.strip()
    if PAGE_BREAK_MARK.match(text) or PAGE_BREAK_MARK.match(before):
        return True
    if SEPARATOR_LINE.match(text) or SEPARATOR_LINE.match(before) or FIELD_START.match(text):
        return True
    if PART_ALONE.match(text) or PART_ALONE.match(before.strip()):
        return True  # a part's number or letter on a line of its own ('B', 'II.', 'Article 3')
    if not (before.isascii() and text.isascii()) and _scripts_differ(before, text):
        return True  # (two lines in ASCII are both in Latin letters or too short to tell)
    ended = bool(TERMINAL.search(before))
    if (_point_start(text) or FOOTNOTE_START.match(text)) and ended:
        return True
    if _capitals(before) and _sentence_line(text):
        return True  # a head in capitals, then its text (without a blank line between)
    if SPEAKER_START.match(text) and ended:
        return True
    if reading == "wrapped":
        return _starts_paragraph(previous, line, width)
    if reading == "lines":
        joined = re.search(r"[^\W\d_]-$", before) and text[:1].islower()
        return not (joined or CONTINUES.search(before) or (not ended and text[:1].islower()))
    return _ends_sentence(before) and bool(SENTENCE_START.match(text))


def _point_start(text: str) -> bool:
    """A line that begins a point: a number or letter ('1.', 'a)', 'II.'), a dash, a bullet
    (not a date: '12. September')."""
    return bool((POINT_LABEL.match(text) or DASH_POINT.match(text)) and not DATE_START.match(text))


def _sentence_line(text: str) -> bool:
    """A line of running text: it starts with a capitalised word (or 'I'), not a word in
    capitals, and most of its letters are lower case."""
    words = text.split()
    if len(words) < 5 or not SENTENCE_START.match(text):
        return False
    first = words[0].strip('"“«(')
    if len(first) > 1 and first.isupper():
        return False
    letters = [c for c in text if c.isalpha()]
    return sum(c.islower() for c in letters) >= 0.6 * len(letters)


def _ends_sentence(text: str) -> bool:
    """A line that ends a sentence: a full stop, question or exclamation mark (quotes and
    brackets after it), not the stop of an abbreviation or an initial ('1950 г.', 'Cde.')."""
    found = SENTENCE_STOP.search(text)
    if found is None:
        return False
    word = text[: found.start() + 1].split()[-1].lower()
    return word.rstrip(".") not in ABBREVIATIONS and not re.fullmatch(r"\w\.", word)


def _capitals(text: str) -> bool:
    """A line in capitals (a heading), of three words at least."""
    if len(text) < 10 or len(text.split()) < 3:
        return False
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return len(text.split()) >= 3 and len(letters) >= 10 and upper >= 0.8 * len(letters)


def _scripts_differ(first: str, second: str) -> bool:
    one = _script(first)
    return bool(one) and (other := _script(second)) is not None and one != other


def _script(text: str) -> str | None:
    """The script of a line with enough letters to tell (else None)."""
    counts = {name: len(pattern.findall(text)) for name, pattern in SCRIPT.items()}
    name, count = max(counts.items(), key=lambda item: item[1])
    weight = count * 4 if name == "Hani" else count
    return name if weight >= MIN_SCRIPT_LETTERS and count > sum(counts.values()) * 0.7 else None


def _starts_paragraph(previous: Line, line: Line, width: int) -> bool:
    """pdftotext runs paragraphs together: an indented line, a centred or right-aligned
    line, or a line after a short one (a line that did not wrap) begins a new one; but a
    line that goes on in lower case, or a heading in capitals that goes on, does not."""
    if previous.align != line.align:
        return True
    before = previous.text.rstrip()
    if TERMINAL.search(before) is None and (
        line.text[:1].islower() or _capitals(before) or CONNECTOR.search(before)
    ):
        return False
    if re.search(r"[^\W\d_]-$", before) and line.indent < 3:
        return False
    if line.indent >= 15 or previous.indent >= 15:
        return not (line.indent == previous.indent and line.indent >= 15)
    if line.indent >= 3:
        return True
    return previous.width < 0.6 * width
