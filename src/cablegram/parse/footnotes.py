"""The document's own footnotes: their texts leave the flow and go to their anchors
(ENCODING.md: `note[@type='authorial'][@place='foot'][@n]` at the anchor, the footnote's
text removed from where the export put it).

The forms: a number in brackets (`Kaesong.[1]` … `[1] The city …`), a marker with a slash
or a star (`Party x/ took place` … `x/ held from …`; `Loi*,` … `* Hoang Van Loi is …`), and a
number glued to a word or its stop, its text in a run of numbered notes after the text
(`comprador1`, `with us.3` … `1. Intermediary …`, `2. …`). A text whose marker stands
nowhere in the text is still the document's footnote, where it is printed; a marker whose
text the export lacks is a note without text (the inline parser's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cablegram.read import Block
from cablegram.read.lines import SEPARATOR_LINE

# '[1] text', 'x/ text', '1/ text', '* text', '** text'
MARKED = re.compile(
    r"^(?:\[(?P<bracket>\d{1,3})\]|(?P<slash>[a-z]|\d{1,3})\s?/|(?P<star>\*{1,3}))\s+(?P<text>\S.*)$",
    re.S,
)
# '1. text' in the run of numbered notes after the text
NUMBERED = re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<text>\S.*)$", re.S)


@dataclass(frozen=True)
class Footnote:
    """A footnote's text and how its anchor is printed: `bracket` ('[1]'), `slash` ('x/'),
    `star` ('*'), `glued` (a number after a word: 'comprador1', 'us.3') or `spaced` (a
    number after a word and before a stop: 'CC-ist 1,')."""

    n: str
    text: str
    anchor: str


@dataclass
class Footnotes:
    """A version's footnotes by their number or marker; the texts without an anchor stay
    where they are printed (`unanchored`: the block's first line number → footnotes)."""

    notes: dict[str, Footnote] = field(default_factory=dict)
    unanchored: dict[int, list[Footnote]] = field(default_factory=dict)


def take_footnotes(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], Footnotes]:
    """The blocks without the footnote texts that have an anchor in the text, and the
    footnotes: the anchored ones by number or marker, the others (a bracketed number whose
    anchor the export lacks) by the line where they stay."""
    found = Footnotes()
    endnotes = _endnotes(blocks)
    for notes in endnotes.values():
        found.notes.update((note.n, note) for note in notes)
    texts = [b.text for b in blocks]
    kept: list[Block] = []
    for k, block in enumerate(blocks):
        if k in endnotes:
            continue
        marked = [_marked(line) for line in _note_lines(block, MARKED)]
        notes = [note for note in marked if note is not None]
        if not notes or len(notes) < len(marked) or SEPARATOR_LINE.match(block.text):
            kept.append(block)
            continue
        rest = " ".join(t for j, t in enumerate(texts) if j != k and j not in endnotes)
        if all(_anchored(note, rest) for note in notes):
            found.notes.update((note.n, note) for note in notes)
        elif all(note.anchor == "bracket" for note in notes):
            found.unanchored[block.no] = notes
            kept.append(block)  # it stays where it is printed
        else:
            kept.append(block)  # a bulleted line, not a footnote
    return tuple(kept), found


def _marked(text: str) -> Footnote | None:
    match = MARKED.match(text)
    if match is None:
        return None
    if match["bracket"]:
        return Footnote(match["bracket"], match["text"], "bracket")
    if match["slash"]:
        return Footnote(match["slash"], match["text"], "slash")
    return Footnote(match["star"], match["text"], "star")


def _anchored(note: Footnote, text: str) -> bool:
    return anchor_pattern(note).search(text) is not None


def anchor_pattern(note: Footnote) -> re.Pattern[str]:
    """Where a footnote's anchor stands in the text."""
    n = re.escape(note.n)
    if note.anchor == "bracket":
        return re.compile(rf"\[{n}\]")
    if note.anchor == "slash":
        return re.compile(rf"(?<=\S)\s?{n}/(?=[\s,.;:)]|$)")
    if note.anchor == "star":
        return re.compile(rf"(?<=[\w”\"»).,]){n}(?![*\w])")
    if note.anchor == "glued":
        after = r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:!?”\"»)]))"  # 'comprador1', 'with us.3'
        return re.compile(rf"(?<!\bNo\.)(?<!\bNo){after}{n}(?![\w/-])")
    return re.compile(rf"(?<=[^\W\d_] ){n}(?=[,;:.])")  # spaced


def _endnotes(blocks: tuple[Block, ...]) -> dict[int, list[Footnote]]:
    """The run of numbered notes that ends the text ('1. …', '2. …'), when each number
    has its anchor, in order, in the text before them; block index → its notes."""
    run: dict[int, list[str]] = {}
    for k in range(len(blocks) - 1, -1, -1):
        lines = _note_lines(blocks[k], NUMBERED)
        if not lines:
            break
        run[k] = lines
    numbers = [
        int(match["n"]) for k in sorted(run) for line in run[k] if (match := NUMBERED.match(line))
    ]
    if not run or numbers != list(range(1, len(numbers) + 1)):
        return {}
    text = " ".join(b.text for k, b in enumerate(blocks) if k not in run)
    out: dict[int, list[Footnote]] = {}
    position = 0
    for k in sorted(run):
        notes = []
        for line in run[k]:
            match = NUMBERED.match(line)
            assert match
            note = _placed(match["n"], match["text"], text, position)
            if note is None:
                return {}
            notes.append(note[0])
            position = note[1]
        out[k] = notes
    return out


def _placed(n: str, text: str, flow: str, after: int) -> tuple[Footnote, int] | None:
    """The numbered note with the form of its anchor (glued to a word, or standing after
    one), found after `after` in the text; and where it stands."""
    for anchor in ("glued", "spaced"):
        note = Footnote(n, text, anchor)
        found = anchor_pattern(note).search(flow, after)
        if found:
            return note, found.end()
    return None


def _note_lines(block: Block, start: re.Pattern[str]) -> list[str]:
    """A block of footnote texts, one text per footnote (a footnote may run over lines);
    [] when the block does not begin as one."""
    notes: list[str] = []
    for line in block.lines:
        text = line.text.strip()
        if start.match(text):
            notes.append(text)
        elif notes:
            notes[-1] += " " + text
        else:
            return []
    return notes
