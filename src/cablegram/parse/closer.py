"""The closer: what ends a document (ENCODING.md text/body), its parts read by their form
and words, whatever the language.

A document ends in lines of a few kinds: a closing formula (`salute`: 'Yours sincerely,',
'С коммунистическим приветом'), the signatory (a name, a role or an office over it or
beside it, a rank, a signature the archive describes in brackets, a letter-spaced name:
`signed`), the outgoing number, the dateline, the cipher clerks' notes, the distribution of
copies, an end mark. The closer is the run of such lines at the end of a version. A line
may hold several parts ('5.XI.62 A. DOBRYNIN', 'No. 1873 3.11.50 Deciphered by
Lebedeva 03.40 3.11'); a copy whose lines were lost glues the closer to the last
paragraph, and it is cut off there, at a sentence's end.

Each line is read into pieces of a kind (`line_pieces`); `closer_parts` builds the parts:
a signature goes on over lines (a role, the signature, the name under it) until it names
someone, and a role after a name is that name's unless another name follows; a
verification note holds the verifier's signature; a place alone over a date is the
dateline's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cablegram.lexicon import furniture as F
from cablegram.lexicon import patterns as P
from cablegram.model import (
    LB,
    ClerkNote,
    CloserLine,
    CloserPart,
    Dateline,
    Distribution,
    Furniture,
    Gap,
    Gapped,
    Inlines,
    LineBreak,
    ListItem,
    Milestone,
    Name,
    Number,
    SheetTurn,
    Signed,
    Text,
    plain_text,
)
from cablegram.parse.context import (
    BodyContext,
    block_inlines,
    marked,
    sheet_kind,
    sheet_turn,
    stamp_block,
)
from cablegram.parse.inline import mark, parse_inline
from cablegram.parse.marks import (
    mark_copies,
    mark_dateline,
    mark_numbers,
    mark_when,
    number_in_hand,
)
from cablegram.parse.quotes import Unit
from cablegram.parse.signatories import RANKS, mark_signer, signatory, signatory_kind
from cablegram.parse.versions import is_gap_line
from cablegram.read import Block, Line
from cablegram.read.blocks import PAGE_BREAK_MARK

Piece = tuple[str, str]  # a part of a closer's line: its kind and its text
SIGNATORY = {"name", "role", "sign", "behalf"}
# pieces that only a closer holds: a text whose last sentence is followed by one of them
# ends in its closer
STRONG = {"date", "number", "clerk", "salute", "label", "item", "to"}


# ----------------------------------------------------------------- lines and their pieces
def line_pieces(text: str) -> list[Piece] | None:
    """The parts of one line of a closer, in order; None when the line is no closer's.
    (A long text is not kept: a one-line copy's rests after each sentence are read as
    possible closers, and keeping them took memory quadratic in the line.)"""
    if len(text) > KEPT_LENGTH:
        return _read_pieces(text)
    found = _line_pieces(text)
    return list(found) if found is not None else None


KEPT_LENGTH = 4096  # characters: far more than a closer's line


@functools.lru_cache(maxsize=8192)
def _line_pieces(text: str) -> tuple[Piece, ...] | None:
    """`line_pieces`, kept: the end of a text is read more than once (where the closer
    begins, then its parts)."""
    found = _read_pieces(text)
    return tuple(found) if found is not None else None


def _read_pieces(text: str) -> list[Piece] | None:
    text = text.strip()
    matched = P.for_matching(text)  # same length: its positions are the text's
    if not text:
        return None
    if F.END_MARK.match(text):
        return [("end", text)]
    if F.DISTRIBUTION_LABEL.match(matched) or P.CLOSER_DISTRIBUTION.match(matched):
        return [("label", text)]
    if F.DISTRIBUTED_TO.match(matched):
        return [("to", text)]
    if F.DISTRIBUTION_ITEM.match(matched) and not P.CLOSER_DATE.match(matched):
        return [("item", text)]
    if F.RECORDED_BY.match(matched):
        return [("name", text)]
    if F.ON_BEHALF.match(matched) and len(text) <= BEHALF_LENGTH:
        return [("behalf", text)]  # 'at the instruction of the Political Council of …'
    if _clerk_starts(matched):
        return [("clerk", piece) for piece in _clerk_pieces(text)]
    if F.CLOSING.match(_unsigned(matched)):
        return [("salute", text)]
    if pieces := _segments(text):
        return pieces
    if P.NUMBER_LINE.match(matched):
        return [("number", text)]
    if P.DATE_LINE.match(matched) and len(text) <= DATELINE_LENGTH and not _sentence(text):
        return [("date", text)]
    if P.CLOSING_SALUTE.match(matched):
        return [("salute", text)]
    if P.SIGNATURE_LINE.search(matched):
        return [("sign", text)]
    return None


DATELINE_LENGTH = 60
BEHALF_LENGTH = 160  # a longer line is running text
CLERK_LENGTH = 200  # a longer line is running text that a clerk's words begin
SENTENCE = re.compile(r"\S\s+[a-zа-яё]\w*\s+[a-zа-яё]\w*.*\.$")


def _sentence(text: str) -> bool:
    """A line that ends a sentence of lower-case words ('2 января состоится консилиум
    врачей.'): running text, not a date line ('30.6 16.50 пекинского времени')."""
    return bool(SENTENCE.search(text))


def _unsigned(text: str) -> str:
    """A closing formula without the archive's '(Sd).' after it."""
    return re.sub(rf"{F.SIGNED_MARK}$", "", text, flags=re.I).strip()


def _clerk_starts(text: str) -> bool:
    """A clerk's note begins the text, and runs on no further than a note does. (A longer
    text is none, and is not kept: the rests of a one-line copy's line, asked after each
    word, took memory quadratic in the line.)"""
    return len(text) <= CLERK_LENGTH and _clerk_note(text)


@functools.lru_cache(maxsize=16384)  # (a line is read by many rules)
def _clerk_note(text: str) -> bool:
    if RUNNING_TEXT.search(text):
        return False
    return bool(P.CLERK.match(text) or F.DRAFTED_BY.match(text) or F.COPIES_PRINTED.match(text))


# a sentence's end followed by another sentence (initials and abbreviations aside)
RUNNING_TEXT = re.compile(
    r"(?<![\s.][A-ZА-ЯЁ])(?<!\bNo)(?<!\bCde)[.!?]\s+"
    r"[A-ZА-ЯЁ][\w'’-]*(?:\s+[A-ZА-ЯЁ][\w'’-]*)*\s+[a-zа-яё]{2,}"
)


def _clerk_pieces(text: str) -> list[str]:
    """A line of clerks' notes, one piece per note ('расш. Елезов 12.00 отп. Корнюшина …')."""
    return [p.strip() for p in P.CLERK_SPLIT.split(text.strip()) if p.strip()]


def _segments(text: str) -> list[Piece] | None:
    """A line read as a run of parts: a closing formula and the name after it, a signature,
    a number, a dateline, clerks' notes at the end."""
    pieces: list[Piece] = []
    rest = text.strip()
    while rest:
        matched = P.for_matching(rest)
        if _clerk_starts(matched):
            pieces.extend(("clerk", piece) for piece in _clerk_pieces(rest))
            break
        found = F.CLOSING_LEAD.match(matched)
        kind = "salute"
        if not found and (found := P.CLOSER_NUMBER.match(matched)):
            kind = "number"
        if not found and (found := P.CLOSER_DATE.match(matched)):
            kind = "date"
        if found:
            end = _with_trailing(rest, found.end())
        else:
            end = _run_end(matched)
            kind = signatory_kind(rest[:end]) or ""
            if not kind:
                return None
            if kind == "name" and (split := signatory(rest[:end])) and split[1].strip():
                end = len(split[0])  # 'Li Kenong. 1145 10 July': the name, then the date
        pieces.append((kind, rest[:end].strip()))
        rest = rest[end:].strip()
    return pieces or None


SIGNATORY_REACH = 240  # characters: a signatory's words, with a role, before a number
TRAILING = re.compile(r"[\"”»’']*[.,;:!]?[\"”»’']*(?=\s|$)")


def _with_trailing(text: str, end: int) -> int:
    """The end of a part with the punctuation and closing quotation marks that follow it."""
    found = TRAILING.match(text, end)
    return found.end() if found else end


def _run_end(text: str) -> int:
    """Where a signatory's words end: at the start of a number, a date or a clerk's note
    (outside brackets)."""
    depth = 0
    for i, char in enumerate(text[:SIGNATORY_REACH]):  # (a longer run is no signatory's)
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif depth == 0 and i and text[i - 1].isspace() and not char.isspace():
            rest = text[i:]
            if P.CLOSER_NUMBER.match(rest) or _date_starts(rest) or _clerk_starts(rest):
                return i
    return len(text)


def _date_starts(text: str) -> bool:
    """A date begins the text (a place before it does not count: within a signatory's
    words a capitalised word before a comma is the name's)."""
    return bool(text[:1].isdigit() and P.CLOSER_DATE.match(text)) or bool(
        re.match(P.CJK_DATE, text)
    )


# ----------------------------------------------------------------- where the closer begins
def is_closer_block(block: Block) -> bool:
    if is_gap_line(block) or sheet_kind(block) or P.STAMP_BRACKET.match(block.text.strip()):
        return True
    if F.DISTRIBUTION_LABEL.match(block.text) or P.CLOSER_DISTRIBUTION.match(block.text):
        return True
    return all(line_pieces(line.text) for line in block.lines)


def find_closer(units: list[Unit], start: int) -> tuple[list[Unit], int]:
    """Where a version's closer begins (its index in the units returned), the units before
    `start` being its opener. The last paragraph gives up its last lines, or the words after
    its last sentence, when they are a closer's (a copy that lost its line breaks)."""
    end = len(units)
    while end > start and (_closes(units[end - 1]) or page_break_line(units[end - 1])):
        end -= 1
    if all(page_break_line(unit) for unit in units[end:]):
        end = len(units)  # a page break alone closes nothing
    last = units[end - 1] if end > start else None
    if isinstance(last, Block) and (cut := _closing_lines(last) or _closing_words(last)):
        units = [*units[: end - 1], *cut, *units[end:]]  # the closer begins at cut[1]
    while end < len(units) - 1 and _omission(units[end]):
        end += 1  # an omission before the closer is the text's
    return units, end


def _closes(unit: Unit) -> bool:
    return isinstance(unit, Block) and is_closer_block(unit)


def page_break_line(unit: Unit) -> bool:
    """The export's page break on a line of its own ('[page break]'): the closer may stand
    before it, the page's last lines (a covering note's, its enclosures on the pages after)."""
    return isinstance(unit, Block) and bool(PAGE_BREAK_MARK.match(unit.text))


def _omission(unit: Unit) -> bool:
    return isinstance(unit, Block) and is_gap_line(unit)


def _closing_lines(block: Block) -> list[Block] | None:
    """The block cut before its last lines when they are a closer's and the line before
    them ends a sentence (so they are lines of their own, not a paragraph's wrapping)."""
    lines = block.lines
    # the closer's lines run to the block's end: read from there, up to a line of no closer
    # (a paragraph's last line is read alone, not each of its lines)
    pieces: list[list[Piece]] = []
    for line in reversed(lines[1:]):
        if not (found := line_pieces(line.text)):
            break
        pieces.insert(0, found)
    first = len(lines) - len(pieces)
    for k in range(first, len(lines)):
        tail = pieces[k - first :]
        if P.TERMINAL.search(lines[k - 1].text) and any(
            kind in STRONG | {"name"} for found in tail for kind, _ in found
        ):
            return [Block(lines[:k]), Block(lines[k:])]
    return None


SENTENCE_END = re.compile(r"(?<=[.!?…»\"”])\s+(?=\S)")
# a closer glued to the text's last sentence is short: a signature, a date, clerks' notes
# (46 characters at most in the samples); read only there, a one-line copy's closer is
# found in time linear in the length of its line, not quadratic (every sentence's tail)
GLUED_REACH = 1_000


def _closing_words(block: Block) -> list[Block] | None:
    """The block's last line cut after the sentence that its closer follows ('… who wish
    to leave. MAJOR GENERAL N. LEBEDEV 30.XII.194[illegible]')."""
    line = block.lines[-1]
    text = line.text
    start = max(0, len(text) - GLUED_REACH)
    quoting = text.count("“", 0, start) - text.count("”", 0, start)  # quotations open
    counted = start
    for found in SENTENCE_END.finditer(text, start):
        quoting += text.count("“", counted, found.start()) - text.count("”", counted, found.start())
        counted = found.start()
        if quoting > 0:
            continue  # inside a quotation: its own closer
        tail = text[found.end() :]
        pieces = line_pieces(tail)
        if pieces and _glued_closer(pieces):
            head = Line(line.no, text[: found.start()], line.page, line.indent, 0, line.align)
            closing = Line(line.no, tail, line.page, 0, line.width, line.align)
            return [Block((*block.lines[:-1], head)), Block((closing,))]
    return None


def _glued_closer(pieces: list[Piece]) -> bool:
    """Pieces that can only be a closer's: a date, a number, a clerk's note, a signature."""
    return any(
        kind in STRONG
        or (kind in SIGNATORY and (P.SIGNATURE_BRACKET.search(text) or RANKS.match(text)))
        or P.LETTERSPACED.search(text)
        for kind, text in pieces
    )


# ----------------------------------------------------------------- the parts
@dataclass
class _Open:
    """The part still open while the closer's lines are read."""

    index: int = -1  # where in the parts
    kind: str = ""  # "signed", "verified" (a verification note), "place" (a dateline's place)
    named: bool = False  # the signature names someone


def closer_parts(units: list[Unit], ctx: BodyContext) -> tuple[CloserPart, ...]:
    """The closer's parts, from its blocks' lines read into pieces (see the module's
    docstring for how a signature, a verification note, a place's dateline go on)."""
    parts: list[CloserPart] = []
    items: list[Piece | Block] = []
    for unit in units:
        assert isinstance(unit, Block)
        if (
            is_gap_line(unit)
            or sheet_kind(unit)
            or page_break_line(unit)
            or P.STAMP_BRACKET.match(unit.text.strip())
            or F.DISTRIBUTION_LABEL.match(unit.text)
            or P.CLOSER_DISTRIBUTION.match(unit.text)
        ):
            items.append(unit)
            continue
        for line in unit.lines:
            items.extend(line_pieces(line.text) or [("line", line.text.strip())])
    current = _Open()
    for i, item in enumerate(items):
        if isinstance(item, Block):
            parts.append(_block_part(item, ctx))
            current = _Open()
            continue
        kind, text = item
        following = items[i + 1] if i + 1 < len(items) else None
        after = following[0] if isinstance(following, tuple) else None
        content = parse_inline(text, ctx.inline)
        if kind in SIGNATORY:
            if current.kind == "verified":  # the verifier's rank, signature and name
                note = parts[current.index]
                assert isinstance(note, ClerkNote)
                signer = mark_signer(content, text, kind)
                parts[current.index] = ClerkNote((*note.content, LineBreak(), *signer))
                continue
            if kind == "name" and _place_over_date(text, after, current):
                parts.append(Dateline(mark_dateline(content, ctx.year, american=ctx.american)))
                current = _Open(len(parts) - 1, "place")
                continue
            if _goes_on(current, kind, after):
                signed = parts[current.index]
                assert isinstance(signed, Signed)
                more = mark_signer(content, text, kind)
                parts[current.index] = Signed((*signed.content, LineBreak(), *more), signed.rend)
            else:
                parts.append(Signed(mark_signer(content, text, kind)))
                current = _Open(len(parts) - 1, "signed")
            current.named = current.named or kind == "name"
            continue
        if kind == "date" and current.kind == "place":
            dateline = parts[current.index]
            assert isinstance(dateline, Dateline)
            more = mark_when(content, ctx.year)
            parts[current.index] = Dateline((*dateline.content, LineBreak(), *more))
            current = _Open()
            continue
        current = _Open()
        if kind == "salute":
            parts.append(Furniture("salute", content))
        elif kind == "clerk":
            parts.append(ClerkNote(mark_clerk(content, ctx)))
            if VERIFIED.match(text):
                current = _Open(len(parts) - 1, "verified")
        elif kind == "number" and parts and isinstance(parts[-1], ClerkNote):
            parts.append(ClerkNote(mark_numbers(content, ctx.year)))  # the clerk's register
        elif kind == "number":
            parts.append(CloserLine(_number(content, ctx)))
        elif kind == "date":
            parts.append(Dateline(mark_dateline(content, ctx.year, american=ctx.american)))
        elif kind in {"item", "to"}:
            _add_item(parts, kind, text, content)
        elif kind == "label":
            parts.append(_listed(Block((Line(0, text),)), ctx))
        elif kind == "end":
            parts.append(Milestone("end", text))
        else:
            parts.append(CloserLine(mark_numbers(content, ctx.year)))
    return tuple(parts)


# a clerk's note that the clerk signs: a verification, a translator's attestation
VERIFIED = re.compile(
    r"^\s*(?:Verified|Checked|Certified|Attested|Translated|Провер|Пров\.|Заверил|Перевел)", re.I
)


def _goes_on(current: _Open, kind: str, after: str | None) -> bool:
    """Whether a signatory's line goes on the signature before it: until it names someone;
    after the name, a role under it, unless a name follows that role (it is another's)."""
    if current.kind != "signed":
        return False
    if not current.named or kind == "behalf":
        return True  # (on whose behalf the signatory signs goes on the signature)
    return kind == "role" and after not in {"name", "sign"}


def _place_over_date(text: str, after: str | None, current: _Open) -> bool:
    """A place on a line of its own over the date ('Hanoi,' | '22 January 1965';
    'Pyongyang' | '31 August 1950' under a signature)."""
    if after != "date" or not re.fullmatch(r"[A-ZА-ЯЁ][\w'’-]+(?:[ -][A-ZА-ЯЁ][\w'’-]+)?,?", text):
        return False
    return text.endswith(",") or (current.named and not text.isupper())


def _block_part(block: Block, ctx: BodyContext) -> CloserPart:
    if is_gap_line(block):
        return Gapped(Gap("editorial"))
    if sheet_kind(block):
        return sheet_turn([block], ctx)
    if page_break_line(block):
        return SheetTurn(block_inlines(block, ctx))
    if P.STAMP_BRACKET.match(block.text.strip()):
        return stamp_block(block, ctx)
    return _listed(block, ctx)


LABEL = re.compile(r"^[^:]{1,40}:\s*")
# between recipients: after a comma and the space or line break that follows it
LISTED = re.compile(rf"(?<=,[\s{LB}])(?=[^\s{LB}])")


def _listed(block: Block, ctx: BodyContext) -> Distribution:
    """A distribution's label and the recipients after it, one item each ('Copies:
    Stalin (2), Molotov, …', 'Verteiler:' and one recipient a line)."""
    text = marked(block, ctx.layout)
    label = LABEL.match(text)
    head = label.group(0) if label else ""
    rest = text[len(head) :]
    if "," in rest:
        pieces = LISTED.split(rest)
    else:  # one recipient a line
        pieces = [p for p in re.split(f"[{LB}]", rest) if p.strip()]
    # each item keeps the space after it, so that the recipients read apart
    items = tuple(ListItem(None, parse_inline(p, ctx.inline)) for p in pieces if p.strip())
    return Distribution(items, parse_inline(head, ctx.inline))


def _add_item(parts: list[CloserPart], kind: str, text: str, content: Inlines) -> None:
    """'1 - Cde. A. A. Gromyko' goes in the distribution list before it; 'To all …' is a
    distribution of its own."""
    if kind == "to":
        parts.append(Distribution((), content))
        return
    number = F.DISTRIBUTION_ITEM.match(text)
    item = ListItem(number["n"] if number else None, content)
    if parts and isinstance(parts[-1], Distribution) and parts[-1].items:
        last = parts[-1]
        parts[-1] = Distribution((*last.items, item), last.label)
    else:
        parts.append(Distribution((item,)))


def _number(content: Inlines, ctx: BodyContext) -> Inlines:
    """A number line: its number outgoing unless its words say otherwise; a number a later
    hand wrote in is marked inside the addition."""
    content = mark_numbers(content, ctx.year)
    if not any(isinstance(node, Number) for node in content):
        content = number_in_hand(content, "outgoing")
    return content


def mark_clerk(content: Inlines, ctx: BodyContext) -> Inlines:
    """A clerk's note with its clerk's name, its copies' numbers, dates and times marked."""
    content = mark(content, P.CLERK_PERSON, lambda m: Name("person", (Text(m["name"]),)))
    content = mark_copies(content)
    return mark_numbers(content, ctx.year)


# ----------------------------------------------------------------- an export cut in the closer
def closer_breaks_off(closer: tuple[CloserPart, ...]) -> bool:
    """Whether the export stops inside the closer: in a list of recipients that runs on
    over lines and breaks off without its full stop ('Copies: Stalin (2), … Beria,' |
    'Mikoyan, Kaganovich, Bulga')."""
    last = closer[-1] if closer else None
    if not (isinstance(last, Distribution) and last.label and last.items):
        return False
    texts = [plain_text(item.content) for item in last.items]
    over_lines = any(isinstance(node, LineBreak) for item in last.items for node in item.content)
    runs_on = over_lines and all(text.endswith(",") for text in texts[:-1])
    return runs_on and not P.TERMINAL.search(texts[-1]) and texts[-1][-1:].isalpha()


def truncated(closer: tuple[CloserPart, ...]) -> tuple[CloserPart, ...]:
    """The closer ending in the gap of an export that stops there."""
    last = closer[-1]
    assert isinstance(last, Distribution)
    item = last.items[-1]
    item = ListItem(item.n, (*item.content, Gap("truncated")), item.blocks)
    return (*closer[:-1], Distribution((*last.items[:-1], item), last.label))
