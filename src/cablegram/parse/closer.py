"""The closer: what ends a document (signatures, datelines, numbers, clerks' notes,
distribution), its kinds read by their form and words."""

from __future__ import annotations

import re

from cablegram.lexicon import patterns as P
from cablegram.model import (
    ClerkNote,
    CloserLine,
    CloserPart,
    Dateline,
    Distribution,
    Furniture,
    Gap,
    Gapped,
    Inline,
    Inlines,
    LineBreak,
    ListItem,
    Milestone,
    Name,
    Number,
    Signed,
    Text,
)
from cablegram.parse.context import (
    BodyContext,
    sheet_kind,
    sheet_turn,
    stamp_block,
)
from cablegram.parse.inline import mark, parse_inline
from cablegram.parse.marks import mark_numbers, mark_when
from cablegram.parse.quotes import Unit
from cablegram.parse.sections import separator
from cablegram.parse.versions import is_gap_line
from cablegram.read import Block


def closer_line_kind(text: str) -> str | None:
    text = P.for_matching(text.strip())
    if not text:
        return None
    if P.CLERK.match(text):
        return "clerk"
    if P.CLOSING_SALUTE.match(text):
        return "salute"
    if P.SIGNATURE_LINE.search(text):
        return "signature"
    if P.ROLE.match(text) and len(text.split()) <= 12 and not text.endswith("."):
        return "role"
    if P.NUMBER_LINE.match(text):
        return "number"
    if P.DATE_LINE.match(text) and len(text) <= 60:
        return "date"
    if signatory(text):
        return "name"
    return None


def is_closer_block(block: Block) -> bool:
    if is_gap_line(block) or sheet_kind(block) or P.STAMP_BRACKET.match(block.text.strip()):
        return True
    if separator(block):
        return True  # an end mark after the signature ('###', '——————')
    if P.CLOSER_DISTRIBUTION.match(block.text):
        return True
    return all(closer_line_kind(line.text) for line in block.lines)


def signatory(text: str) -> tuple[str, str] | None:
    """Split ``MAO ZEDONG Nº: 3444 11 July`` into the name and the rest."""
    matched = P.for_matching(text)  # same length: its positions are the text's
    tokens = matched.split()
    if not tokens:
        return None
    stripped = [t.strip("\"“”«»'’,;:.") or t for t in tokens]
    lowercase_name = all(re.fullmatch(r"[а-яё-]+", t) for t in stripped[:3]) and "-" in text
    k = 0
    while k < len(tokens) and k < 5:
        token = stripped[k]
        if P.REST_TOKEN.match(token):
            break
        if P.NAME_TOKEN.match(token) or (lowercase_name and re.fullmatch(r"[а-яё-]+", token)):
            k += 1
        else:
            break
    if k == 0 or k > 4:
        return None
    if not all(P.REST_TOKEN.match(t) for t in stripped[k:] if t):
        return None
    # the words of the name as written (an initial keeps its full stop: A. VYSHINSKY)
    name_words = [t.strip("\"“”«»'’,;:") for t in tokens[:k] if not t.startswith(("[", "("))]
    if not name_words or any(len(w.strip(".")) < 2 and not w.endswith(".") for w in name_words):
        return None
    cut = matched.index(tokens[k - 1]) + len(tokens[k - 1]) if k else 0
    return text[:cut], text[cut:]


def closer_parts(units: list[Unit], ctx: BodyContext) -> tuple[CloserPart, ...]:
    parts: list = []
    open_signature = False  # the last Signed may go on (rank → name → /name/)
    clerk_seen = False
    for unit in units:
        assert isinstance(unit, Block)
        if is_gap_line(unit):
            parts.append(Gapped(Gap("editorial")))
            continue
        if mark := separator(unit):
            parts.append(Milestone("end", mark.rend))
            continue
        if sheet_kind(unit):
            parts.append(sheet_turn([unit], ctx))
            continue
        if P.STAMP_BRACKET.match(unit.text.strip()):
            parts.append(stamp_block(unit, ctx))
            continue
        if label := P.CLOSER_DISTRIBUTION.match(unit.text):
            parts.append(_closing_distribution(unit, label.group(0), ctx))
            continue
        for line in unit.lines:
            for piece in _clerk_pieces(line.text):
                kind = closer_line_kind(piece)
                content = parse_inline(piece.strip(), ctx.inline)
                if kind == "clerk":
                    clerk_seen = True
                    note, signature = _verified_split(piece)
                    parts.append(ClerkNote(mark_clerk(parse_inline(note, ctx.inline), ctx)))
                    if signature:
                        parts.append(Signed(_mark_signer(parse_inline(signature, ctx.inline))))
                        open_signature = True
                    continue
                if kind == "salute":
                    parts.append(Furniture("salute", content))
                    open_signature = False
                    continue
                if kind in {"signature", "role"}:
                    content = _mark_signer(content)
                    if open_signature and isinstance(parts[-1], Signed):
                        parts[-1] = Signed((*parts[-1].content, LineBreak(), *content))
                    else:
                        parts.append(Signed(content))
                    open_signature = True
                elif kind == "name":
                    split = signatory(piece.strip())
                    assert split
                    name, rest = split
                    signed = _mark_signatory(parse_inline(name, ctx.inline))
                    if open_signature and parts and isinstance(parts[-1], Signed):
                        parts[-1] = Signed((*parts[-1].content, LineBreak(), *signed))
                    else:
                        parts.append(Signed(signed))
                    open_signature = False
                    if rest.strip():
                        after = mark_numbers(parse_inline(rest.strip(), ctx.inline), ctx.year)
                        if any(isinstance(node, Number) for node in after):
                            parts.append(CloserLine(after))
                        else:
                            parts.append(Dateline(after))
                elif kind == "number" and clerk_seen:
                    parts.append(ClerkNote(mark_numbers(content, ctx.year)))
                    open_signature = False
                elif kind == "number":
                    parts.append(CloserLine(mark_numbers(content, ctx.year)))
                    open_signature = False
                elif kind == "date":
                    parts.append(Dateline(mark_when(content, ctx.year)))
                    open_signature = False
                else:
                    parts.append(CloserLine(mark_numbers(content, ctx.year)))
                    open_signature = False
    return tuple(parts)


def _closing_distribution(block: Block, label: str, ctx: BodyContext) -> Distribution:
    """``Verteiler:`` followed by one recipient a line."""
    first = block.lines[0].text.strip()[len(label) :].strip()
    lines = ([first] if first else []) + [line.text.strip() for line in block.lines[1:]]
    items = tuple(ListItem(None, parse_inline(line, ctx.inline)) for line in lines if line)
    return Distribution(items, parse_inline(label, ctx.inline))


def _clerk_pieces(text: str) -> list[str]:
    if not P.CLERK.match(text.strip()):
        return [text]
    return [p for p in P.CLERK_SPLIT.split(text.strip()) if p.strip()]


def _verified_split(text: str) -> tuple[str, str | None]:
    """``Verified: MAJOR [signature] (RUDAKOV)`` → the note and the signature."""
    if not re.match(r"^\s*(?:Verified|Checked|Провер|провер)", text):
        return text.strip(), None
    ranks = list(P.RANK_WORD.finditer(text))
    if not ranks:
        return text.strip(), None
    cut = ranks[-1].start()
    return text[:cut].strip(), text[cut:].strip()


def _mark_signer(content: Inlines) -> Inlines:
    return mark(content, P.SIGNER_NAME, lambda m: Name("person", (Text(m.group(0)),)))


SIGNATORY_TEXT = re.compile(r"^(?P<lead>[\s\"“«„]*)(?P<name>.*?)(?P<trail>[\s.,\"“”»]*)$", re.S)


def _mark_signatory(content: Inlines) -> Inlines:
    """The whole name of a signatory line is a person's name (its identification kept)."""
    out: list[Inline] = []
    for node in content:
        match = SIGNATORY_TEXT.match(node.text) if isinstance(node, Text) else None
        if match and match["name"]:
            if match["lead"]:
                out.append(Text(match["lead"]))
            out.append(Name("person", (Text(match["name"]),)))
            if match["trail"]:
                out.append(Text(match["trail"]))
        else:
            out.append(node)
    return tuple(out)


def mark_clerk(content: Inlines, ctx: BodyContext) -> Inlines:
    """A clerk's note with its clerk's name, dates and times marked."""
    content = mark(content, P.CLERK_PERSON, lambda m: Name("person", (Text(m["name"]),)))
    return mark_numbers(content, ctx.year)
