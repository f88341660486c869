"""The structure of one version: opener, body and closer, quoted telegrams, sheet turns.

A version's blocks are first grouped (quoted telegrams spanning several blocks become one
unit, parsed recursively); then the leading run of cable furniture becomes the opener, the
trailing run of signatures, numbers, dates and clerks' notes the closer, and the rest the
body, where a paragraph cut by a sheet turn is rejoined, heads open sections
(`sections`) and points form lists (`lists`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from cablegram.lexicon import furniture as F
from cablegram.lexicon import patterns as P
from cablegram.lexicon.names import ROLE_WORD
from cablegram.model import (
    DocText,
    Furniture,
    Gap,
    Gapped,
    Inlines,
    ListItem,
    Note,
    PageBreak,
    Paragraph,
    QuotedKind,
    QuotedText,
    SheetTurn,
    Text,
    plain_text,
)
from cablegram.parse.closer import closer_parts, find_closer
from cablegram.parse.contents import contents_list
from cablegram.parse.context import (
    BodyContext,
    block_inlines,
    marked,
    sheet_kind,
    sheet_turn,
    stamp_block,
)
from cablegram.parse.dates import find_date
from cablegram.parse.enclosures import Enclosure, embed_letters, split_enclosures
from cablegram.parse.footnotes import Footnotes, take_footnotes
from cablegram.parse.furniture import (
    caption_and_date,
    kind_only,
    lone_place,
    office_before_dateline,
    opener_kind,
)
from cablegram.parse.inline import InlineContext, parse_inline
from cablegram.parse.lists import Point, build_lists, label_of, split_points
from cablegram.parse.marks import furniture_numbers
from cablegram.parse.opener import opener_parts
from cablegram.parse.quotes import Quoted, Unit, group_quotes
from cablegram.parse.sections import (
    Heading,
    build_sections,
    end_marks,
    is_heading,
    opens_body,
    separator,
    title_words_of,
)
from cablegram.parse.versions import is_gap_line
from cablegram.read import Block, Line, ends_in_bracket


def parse_version(blocks: tuple[Block, ...], ctx: BodyContext) -> DocText:
    """Structure of a version's text."""
    kept, footnotes = take_footnotes(blocks)
    bracketed = {n: note.text for n, note in footnotes.notes.items() if note.anchor == "bracket"}
    marks = tuple(note for note in footnotes.notes.values() if note.anchor != "bracket")
    cut = _footnote_cut(blocks, kept, footnotes)
    ctx.inline = InlineContext(
        footnotes=bracketed, marks=marks, cut_footnote=cut, original=ctx.original
    )
    ctx.unanchored = footnotes.unanchored
    blocks = _join_export_pages(kept)
    return _structure(group_quotes(split_points(blocks), frozenset()), ctx)


def _footnote_cut(
    blocks: tuple[Block, ...], kept: tuple[Block, ...], footnotes: Footnotes
) -> str | None:
    """The footnote the export stops in: the version's last block a footnote's text (taken
    to its anchor) that breaks off mid-sentence ('… a new channel was set up between')."""
    if not blocks or (kept and kept[-1] is blocks[-1]):
        return None
    last = " ".join(blocks[-1].text.split())
    if not last[-1:].isalpha() or P.TERMINAL.search(last):
        return None
    cut = [n for n, note in footnotes.notes.items() if last.endswith(" ".join(note.text.split()))]
    return cut[-1] if cut else None


def _join_export_pages(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Rejoin a paragraph that an export page break cut in two (it goes on in lowercase,
    or a bracket is still open: 'Kaidzio [sic; possibly' | 'Kaesong].')."""
    out: list[Block] = []
    for block in blocks:
        if (
            out
            and block.lines[0].page != out[-1].lines[-1].page
            and not P.TERMINAL.search(out[-1].text)
            and (_goes_on(out[-1].text, block.text) or ends_in_bracket(out[-1].text))
        ):
            out[-1] = Block(out[-1].lines + block.lines)
        else:
            out.append(block)
    return tuple(out)


UNFINISHED = re.compile(r"(?:['’]s|\b(?:of|the|and|with|to|for|in|on|between|a))\s*$", re.I)
RUN_ON = {None, "line", "heading", "office"}
KEPT_WHOLE = {"stamp", "distribution", "address", "add", "gap", "sheet", "form"}


def _split_furniture(units: list[Unit]) -> list[Unit]:
    """At a text's head, a block of several lines that are furniture of their own ('Top
    Secret' | 'Only copy' | 'Working transcript'; 'MEMORANDUM OF CONVERSATION' | 'A.I.
    Mikoyan with …') is one unit per line, or per run of a caption's lines; a stamp, an
    address, a copy list stay whole."""
    out: list[Unit] = []
    seen = False
    previous: str | None = None
    for i, unit in enumerate(units):
        if not isinstance(unit, Block):
            return out + units[i:]
        whole = opener_kind(unit, units[i + 1 : i + 3], seen, previous)
        pieces = [unit]
        if len(unit.lines) > 1 and whole not in KEPT_WHOLE:
            pieces = _furniture_lines(unit, units[i + 1 : i + 3], seen, previous) or [unit]
        if whole is None and pieces == [unit] and (dated := caption_and_date(unit)):
            pieces = dated  # 'Record of conversation … Wang Ruofei.' | 'October 10, 1945.'
        following: list[Unit] = [*pieces[1:], *units[i + 1 : i + 3]]
        kinds: list[str | None] = []
        for k, piece in enumerate(pieces):  # each read after the one before, as the opener is
            before = kinds[-1] if kinds else previous  # read, the pieces after it following it
            kinds.append(opener_kind(piece, following[k : k + 2], seen, before))
        last = out[-1] if out else None
        if (  # a line that goes on the one before, cut from it by its indent
            isinstance(last, Block)
            and pieces[0].lines[0].no == last.lines[-1].no + 1
            and (
                previous == kinds[0] == "received"  # a log's next line ('Получено …')
                or (previous == "heading" and _holder_awaited(last, pieces[0].text))
                or (previous == "salute" and _name_saluted(last, pieces[0].text))
            )
        ):
            out[-1] = Block((*last.lines, *pieces[0].lines))
            pieces, kinds = pieces[1:], kinds[1:]
            if not pieces:
                continue
        if None in kinds:
            return out + units[i:]
        if kinds in (["dateline"], ["office"]) and len(pieces[0].lines) == 1:
            line = pieces[0].lines[0]
            if (at := office_before_dateline(line.text)) is not None:  # office | dateline
                pieces = [
                    Block((dataclasses.replace(line, text=line.text[:at].rstrip()),)),
                    Block((dataclasses.replace(line, text=line.text[at:]),)),
                ]
                kinds = ["office", "dateline"]
        out.extend(pieces)
        seen = seen or any(k not in {"line", "folio", "gap"} for k in kinds)
        previous = kinds[-1]
    return out


def _furniture_lines(
    block: Block, following: list[Unit], seen: bool, previous: str | None
) -> list[Block] | None:
    """The block's lines as units, if each is furniture (a caption's further lines joined to
    its heading); None when a line is not."""
    if kind_only(block.lines[0].text):  # 'RECORD OF CONVERSATION' | 'of the Consul …' (D4)
        first, rest = Block(block.lines[:1]), Block(block.lines[1:])
        by_line = _lines_read([first], ["doctype"], rest.lines, following, seen)
        if by_line:
            return by_line
        return [first, rest] if opener_kind(rest, following, True) else None
    if _wraps(block):
        return None
    return _lines_read([], [], block.lines, following, seen, previous)


def _lines_read(
    pieces: list[Block],
    kinds: list[str],
    lines: tuple[Line, ...],
    following: list[Unit],
    seen: bool,
    previous: str | None = None,
) -> list[Block] | None:
    """`pieces` (of `kinds`) and then the `lines`, each a piece or run on the one before."""
    pieces, kinds = list(pieces), list(kinds)
    for line in lines:
        piece = Block((line,))
        kind = opener_kind(piece, following, seen, kinds[-1] if kinds else previous)
        if kinds and kinds[-1] == "heading" and UNFINISHED.search(pieces[-1].text):
            pieces[-1] = Block((*pieces[-1].lines, line))  # "… Communist Party's" | 'Delegation'
            continue
        if kinds and kinds[-1] == "heading" and kind == "dateline" and _runs_on(line.text):
            pieces[-1] = Block((*pieces[-1].lines, line))  # '… MAO' | 'ZEDONG on 16 December 1949'
            continue
        if kinds and kinds[-1] == "salute" and _name_saluted(pieces[-1], line.text):
            pieces[-1] = Block((*pieces[-1].lines, line))  # 'Dear Cde.' | 'I. V. Stalin'
            continue
        if kinds and kinds[-1] == "heading" and _holder_awaited(pieces[-1], line.text):
            pieces[-1] = Block((*pieces[-1].lines, line))  # '… Government' | 'Burhan Shahidi'
            continue
        if kinds and F.RETURN_NOTICE.match(pieces[-1].text.strip()) and kind in RUN_ON:
            pieces[-1] = Block((*pieces[-1].lines, line))  # the notice's own further lines
            continue
        if kind is None or kind == "line":
            if kinds and kinds[-1] in {"heading", "address"}:
                pieces[-1] = Block((*pieces[-1].lines, line))
                continue
            return None
        if kinds and kinds[-1] == "office" and kind == "dateline" and lone_place(line.text.strip()):
            pieces[-1] = Block((*pieces[-1].lines, line))  # 'THE WHITE HOUSE' | 'WASHINGTON'
            continue  # a letterhead's place, printed under its office in one block
        if kinds and kind == kinds[-1] and kind in {"heading", "address", "received"}:
            pieces[-1] = Block((*pieces[-1].lines, line))
            continue
        pieces.append(piece)
        kinds.append(kind)
    return pieces if len(pieces) > 1 else None


# a caption's party: 'with the Chairman of the Xinjiang Provincial Government', 'of the
# Consul General of the USSR in Urumqi', 'с Председателем …'
PARTY_CLAUSE = re.compile(r"^(?:with|and|of|between|между|с|со|и|mit|und|von|avec|de)\s", re.I)
HOLDER_NAMED = re.compile(rf"(?:{ROLE_WORD.pattern})\s+(?:[A-ZА-ЯЁ]\.\s?)*[A-ZА-ЯЁ][\w'’-]+\.?$")
PERSON_SHAPE = re.compile(r"^(?:[A-ZА-ЯЁ]\.\s?){0,3}[A-ZА-ЯЁ][\w'’-]+(?:\s[A-ZА-ЯЁ][\w'’-]+){0,2}$")


def _holder_awaited(heading: Block, line: str) -> bool:
    """A caption's party clause that names a post and not yet its holder ('with the
    Chairman of the … Government'), and a line under it in a name's shape ('Burhan
    Shahidi'): the name is the caption's, not a place's."""
    last = heading.lines[-1].text.strip()
    words = line.split()
    return (
        bool(PARTY_CLAUSE.match(last) and F.SIGNATORY_ROLE.search(last))
        and not HOLDER_NAMED.search(last)
        and 2 <= len(words) <= 3
        and bool(PERSON_SHAPE.match(line.strip()))
    )


# a salutation that ends in a title, its name on the next line ('Dear Cde.' | 'I. V. Stalin')
TITLE_LAST = re.compile(
    r"(?:\b(?:Cdes?|Comrades?|Mr|Mrs|Dr|Herr|Genosse|Monsieur)\.?|\bтов\.|\bтоварищу?|"
    r"\bDear|\bУважаемый|\bДорогой)\s*$",
    re.IGNORECASE,
)
INITIALLED_NAME = re.compile(r"^(?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZА-ЯЁ][\w'’-]+[!,.:]?$")


def _name_saluted(salute: Block, line: str) -> bool:
    """The name a salutation's title hails, on the line under it."""
    name = line.strip()
    return bool(TITLE_LAST.search(salute.lines[-1].text)) and bool(
        INITIALLED_NAME.match(name) or PERSON_SHAPE.match(name.rstrip("!,.:"))
    )


def _runs_on(line: str) -> bool:
    """A caption's last line that ends in its date, the caption's words before it ('ZEDONG
    on 16 December 1949'), not a place and date ('Pyongyang, 5 May 1950')."""
    found = find_date(line)
    if found is None:
        return False
    before = line[: line.find(found[0])]
    return (
        bool(before.strip())
        and not before.rstrip().endswith(",")
        and any(word.islower() for word in before.split())
    )


def _wraps(block: Block) -> bool:
    """Lines that are one text wrapped: a word hyphenated over the line end, or a line that
    goes on in lower case."""
    texts = [line.text.strip() for line in block.lines]
    return any(
        (first.endswith("-") and first[-2:-1].isalpha()) or (nxt[:1].islower())
        for first, nxt in itertools.pairwise(texts)
    )


def _structure(units: list[Unit], ctx: BodyContext, depth: int = 0) -> DocText:
    units = _split_furniture(units)
    n = len(units)
    start = 0
    seen_furniture = False
    previous: str | None = None
    titles = title_words_of(units)
    while start < n:
        unit = units[start]
        if not isinstance(unit, Block) or opens_body(units, start, titles):
            break
        kind = opener_kind(unit, units[start + 1 : start + 3], seen_furniture, previous)
        if kind is None:
            break
        seen_furniture = seen_furniture or kind not in {"line", "folio", "gap"}
        previous = kind
        start += 1
    rest = embed_letters(units[start:])
    own, enclosures = split_enclosures(rest) if depth == 0 else (rest, [])
    units, end = find_closer([*units[:start], *own], start)
    if all(isinstance(unit, Block) and separator(unit) for unit in units[end:]):
        end = len(units)  # an end mark alone closes nothing: it ends the body
    opener = furniture_numbers(opener_parts(units, start, ctx), ctx.year)
    body = _body(units[start:end], ctx, depth)
    enclosed = tuple(
        QuotedText(_enclosed(enclosure, ctx, depth + 1), enclosure.kind)  # type: ignore[arg-type]
        for enclosure in enclosures
    )
    closer = closer_parts(units[end:], ctx)
    return DocText(opener=opener, body=(*body, *enclosed), closer=closer)


def _enclosed(enclosure: Enclosure, ctx: BodyContext, depth: int) -> DocText:
    """An enclosed text, its head the first part of its opener: a heading ('Text of speech
    made by …'), where it is not read as the opener's already ('DRAFT', 'Excerpt from …
    Transcript …' name the kind of text)."""
    head, *rest = enclosure.units
    if not enclosure.headed or not isinstance(head, Block) or opener_kind(head, rest[:2], False):
        return _structure(enclosure.units, ctx, depth)
    text = _structure(rest, ctx, depth)
    heading = Furniture("heading", block_inlines(head, ctx))
    return dataclasses.replace(text, opener=(heading, *text.opener))


def _body(units: list[Unit], ctx: BodyContext, depth: int) -> tuple:
    parts: list = []
    titles = title_words_of(units)
    i = 0
    while i < len(units):
        unit = units[i]
        if isinstance(unit, Quoted):
            inner = _structure(group_quotes(unit.blocks, unit.ignored), ctx, depth + 1)
            lead = parts[-1] if parts else None
            parts.append(QuotedText(inner, _quoted_kind(lead, inner, depth)))
            i += 1
            continue
        if sheet_kind(unit) or (
            P.LONE_NUMBER.match(unit.text.strip()) and _next_is_sheet(units, i)
        ):
            run = [unit]
            i += 1
            while i < len(units) and isinstance(units[i], Block):
                nxt = units[i]
                assert isinstance(nxt, Block)
                if sheet_kind(nxt) or P.LONE_NUMBER.match(nxt.text.strip()):
                    run.append(nxt)
                    i += 1
                else:
                    break
            parts.append(sheet_turn(run, ctx))
            continue
        if contents := contents_list(units, i, ctx):  # 'CONTENTS' | 'Speech by ……33'
            parts.append(contents[0])
            i = contents[1]
            continue
        following = units[i + 1] if i + 1 < len(units) else None
        if mark := separator(unit):
            parts.append(mark)
        elif is_heading(unit, following if isinstance(following, Block) else None, titles):
            parts.append(Heading(block_inlines(unit, ctx), unit.align))
        else:
            parts.append(body_part(unit, ctx))
        i += 1
    return build_sections(end_marks(_rejoin(parts)), build_lists)


LETTER_WORDS = re.compile(r"\b(?:letters?|письм\w*|brief\w*|lettre)\b", re.IGNORECASE)
DEAR = re.compile(r"^\W*(?:(?:my\s+)?dear|дорог\w+|уважаем\w+|lieber|liebe|cher)\b", re.I)
LEAD_REACH = 200  # the words before a quoted text that say what it is


def _quoted_kind(lead: object, inner: DocText, depth: int) -> QuotedKind:
    """A quoted letter (the words before it say so, or it opens 'Dear …'), else a quoted
    telegram in the document itself, a quotation inside a quoted text."""
    before = plain_text(lead.content)[-LEAD_REACH:] if isinstance(lead, Paragraph) else ""
    salutes = [
        plain_text(part.content)
        for part in inner.opener
        if isinstance(part, Furniture) and part.kind == "salute"
    ]
    if LETTER_WORDS.search(before) or any(DEAR.match(s) for s in salutes):
        return "letter"
    return "telegram" if depth == 0 else "quotation"


def _next_is_sheet(units: list[Unit], i: int) -> bool:
    following = units[i + 1] if i + 1 < len(units) else None
    return isinstance(following, Block) and bool(sheet_kind(following))


def body_part(block: Block, ctx: BodyContext):
    text = block.text.strip()
    if is_gap_line(block):
        return Gapped(Gap("editorial"))
    if P.STAMP_BRACKET.match(text) or P.STAMP_BLOCK.match(text):
        return stamp_block(block, ctx)
    if notes := ctx.unanchored.get(block.no):  # a footnote's text without its anchor
        return Paragraph(
            tuple(Note("authorial", parse_inline(n.text, ctx.inline), n=n.n) for n in notes)
        )
    label = label_of(block.lines[0].text)
    if label is None:
        content = block_inlines(block, ctx)
        if content and all(isinstance(node, PageBreak) for node in content):
            return SheetTurn(content)  # '[page break]' between paragraphs: no paragraph
        return Paragraph(content)
    whole = marked(block, ctx.layout).lstrip()
    item = ListItem(label.n, block_inlines(block, ctx, whole[label.length :].lstrip()))
    return Point(label, item)


def _rejoin(parts: list) -> list:
    """A paragraph or point cut by a sheet turn continues after it (lowercase start)."""
    out: list = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if (
            isinstance(part, SheetTurn)
            and out
            and i + 1 < len(parts)
            and isinstance(parts[i + 1], Paragraph)
            and isinstance(out[-1], Paragraph | Point)
            and _goes_on(_last_text(_content(out[-1])), _first_text(parts[i + 1].content))
        ):
            continued = (*_content(out[-1]), *part.content, *parts[i + 1].content)
            if isinstance(out[-1], Paragraph):
                out[-1] = Paragraph(continued)
            else:
                item = ListItem(out[-1].item.n, continued)
                out[-1] = Point(out[-1].label, item)
            i += 2
            continue
        out.append(part)
        i += 1
    return out


def _content(part: Paragraph | Point) -> Inlines:
    return part.content if isinstance(part, Paragraph) else part.item.content


def _last_text(content: Inlines) -> str:
    return next((n.text for n in reversed(content) if isinstance(n, Text)), "")


def _first_text(content: Inlines) -> str:
    return next((n.text for n in content if isinstance(n, Text)), "")


def _goes_on(before: str, after: str) -> bool:
    """A text cut by a page or sheet turn goes on after it: it ends without a stop and the
    next begins in lower case, or it ends with a word no sentence ends with ('… направляю
    в' | 'Корею.', '… can receive a' | 'Czechoslovak trade delegation')."""
    if not before.strip() or P.TERMINAL.search(before):
        return False
    return after.lstrip()[:1].islower() or bool(P.CONNECTOR.search(before))
