"""Inline content: the archive's editorial brackets, line seams, links and residue.

`parse_inline` turns a block's text (its lines joined with the seam marks of
`cablegram.model`) into model nodes. Every bracket of the archive's conventions
becomes a node, so no literal editorial bracket survives into the TEI.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from cablegram.lexicon.names import INSTITUTION_WORD
from cablegram.model import (
    LB,
    LB_JOINED,
    LINE_MARKS,
    MARKERS,
    PAGE_CLOSE,
    PAGE_OPEN,
    WRAP,
    WRAP_JOINED,
    Added,
    Expansion,
    Gap,
    Identification,
    Inline,
    Inlines,
    LineBreak,
    Link,
    Note,
    PageBreak,
    Sic,
    Spaced,
    Stamp,
    Supplied,
    Text,
    Unclear,
    with_breaks,
)
from cablegram.parse.brackets import (
    alternative,
    explanation,
    handwritten,
    missing,
    original_wording,
    pinyin,
    sic_reading,
)
from cablegram.parse.footnotes import Footnote, anchor_pattern
from cablegram.parse.preceding import (
    PREVIOUS_WORD,
    take_abbreviation,
    take_name,
    take_name_before_noun,
    take_word,
    take_word_before_marks,
    take_word_if,
)

# A stamp's or a note's bracket may hold brackets of its own ('[stamp: … of 21 [illegible]
# July 1951]'): its content is parsed again, inner brackets and all.
# '[Ed. note: …]', '[Translator’s note: …]' (an apostrophe either way)
NOTE_BY = r"Ed\.|Editor['’]?s|Editorial|Translator['’]?s|Trans\.|Tr\."
# (a hand's label needs no colon: '[handwritten in the left Collective agreements [ s …]]')
NESTING = rf"(?=\s*(?:(?:stamp|{NOTE_BY})[^\[\]\n]*?:|handwritten\b))"
FLAT = r"\[\[[^\[\]\n]*\]\]|\[[^\[\]\n]*\]"  # a bracket holding none, or a doubled one
INNER = rf"\[(?:[^\[\]\n]|{FLAT})*\]"  # a bracket holding flat ones
TOKEN = re.compile(
    # (led by what each alternative begins with: most positions begin none)
    "(?=[" + re.escape("[/<h" + LB + LB_JOINED + WRAP + WRAP_JOINED + PAGE_OPEN) + "])"
    r"(?:(?P<double>\[\[(?P<inner>[^\[\]\n]*)\]\])"  # '[[N. P. Varnov?]]': one bracket, doubled
    r"|(?P<bracket>\[(?P<content>"
    + NESTING
    + rf"(?:[^\[\]\n]|\[\[[^\[\]\n]*\]\]|{INNER})*|[^\[\]\n]*)\])"
    r"|(?P<seam>[" + LB + LB_JOINED + WRAP + WRAP_JOINED + r"])"
    r"|(?P<page>" + PAGE_OPEN + r"(?P<n>[^" + PAGE_CLOSE + r"]*)" + PAGE_CLOSE + r")"
    r"|(?P<turn>(?<=\s)//(?=\s))"  # 'на материке // Китая': a transcript marks the page turn
    r"|<(?P<anglelink>https?://(?:[^\s<>%\[\]{}|\\^`\"]|%[0-9A-Fa-f]{2})+)>"
    r"|(?P<link>https?://(?:[^\s<>%\[\]{}|\\^`\"”]|%[0-9A-Fa-f]{2})*[^\s<>%\[\]{}|\\^`\"”.,;:)]))"
)
SEAMS = {LB, LB_JOINED, WRAP, WRAP_JOINED}
BRACKET_CHAR = re.compile(r"[\[\]]")
QUOTE_MARKS = '"”“»«'  # (not ' or ’: a transliteration's soft sign, oblast')
GAP_CONTENT = re.compile(r"^\s*(\.\s*\.\s*\.|…)\s*$")
# [illegible], [two words illegible], [неразб.]: words the archive's editors could not read
ILLEGIBLE = re.compile(
    r"^\s*(?:(?:one|two|three|four|five|several|a few|\d+)\s+(?:words?|lines?|letters?)\s+)?"
    r"(?:illegible|unreadable|not legible|неразб\.?|неразборчиво)\s*$"
    r"|^\s*(?:one|two|three|four|five|several|a few|\d+)\s+(?:illegible|unreadable)\s+"
    r"(?:words?|lines?|letters?)\s*$",
    re.I,
)
SIGNATURE = re.compile(
    r"^\s*(?:(?:(?:illegible|unreadable|handwritten|chinese|korean|russian|his|two|\w+'s)\s+)?"
    r"signatures?(?:\s+(?:illegible|unreadable)\b.*)?"
    r"|подпис[ьи](?:\s+неразборчив[аоы])?)\s*$",
    re.I,
)
PAGE_BREAK = re.compile(r"^\s*page\s+break\s*$", re.I)
STAMP = re.compile(r"^\s*stamp\s*:\s*(?P<body>.*)$", re.I | re.S)
# '[faded USSR TOP SECRET MFA stamp: Copy Nº 3 …]': a stamp described before its label
DESCRIBED_STAMP = re.compile(r"^[^:\[\]]{2,80}?\bstamp\s*:", re.I)
# '[Classification level blacked out: "NOT SECRET" Stamped]': what the stamp said, then that
# it is one
STAMPED = re.compile(r"\bstamped\s*$", re.I)
NOTE = re.compile(  # the label may run over a line end ('[Ed.' | 'note: …]')
    rf"^\s*(?P<label>(?P<who>{NOTE_BY})[\s{MARKERS}]*note)\s*:\s*(?P<body>.*)$",
    re.I | re.S,
)
SIC = re.compile(r"^\s*sic\s*!?\s*(?:[;,:]\s*(?P<rest>.+?))?\s*$", re.I | re.S)
NAME_WORD = re.compile(r"[A-ZА-ЯЁ][\w'’-]*$")
# `Comrade [Yakov] Malik`: a bracket followed by a name supplies a first name.
NAME_FOLLOWS = re.compile(rf"[\s{LB}{WRAP}]+[A-ZА-ЯЁ][\w'’-]+")  # (on the next line too)
NOUN_FOLLOWS = re.compile(r"\s+[a-zа-яё]")
NATIONALITY = re.compile(r"^(?:[A-Z][a-z]+\s)?[A-Z][a-z]+(?:an|ese|ish|ic)$")
HONORIFIC = re.compile(r"^(?:Comrade|Cde|Cdes|Mr|General|Marshal|Товарищ|товарищ|тов)\.?$")


@dataclass
class InlineContext:
    """What inline parsing needs to know beyond the text itself: the footnotes anchored by
    a bracketed number (`footnotes`, n → text) and by other markers (`marks`)."""

    footnotes: Mapping[str, str] = field(default_factory=dict)
    marks: tuple[Footnote, ...] = ()
    used_footnotes: set[str] = field(default_factory=set)
    unbalanced: list[str] = field(default_factory=list)  # what `_balanced` reported
    cut_footnote: str | None = None  # the footnote the export stops in, mid-sentence
    original: str | None = None  # the original's language: its words given in brackets


def parse_inline(text: str, ctx: InlineContext | None = None) -> Inlines:
    """Parse a block's marked text into inline nodes."""
    ctx = ctx or InlineContext()
    if ctx.footnotes or ctx.marks:
        return _parse(text, ctx)
    nodes, unbalanced = _parse_alone(text, ctx.original)
    ctx.unbalanced.extend(unbalanced)
    return nodes


@functools.lru_cache(maxsize=8192)
def _parse_alone(text: str, original: str | None) -> tuple[Inlines, tuple[str, ...]]:
    """A text read where no footnote may anchor: what it gives depends on the text (and
    the original's language) alone, so it is kept (a document reads its lines under several
    rules, an archive's documents share their furniture), with what `_balanced` reported."""
    ctx = InlineContext(original=original)
    return _parse(text, ctx), tuple(ctx.unbalanced)


def _parse(text: str, ctx: InlineContext) -> Inlines:
    text = _balanced(text, ctx)
    out: list[Inline] = []
    pos = 0
    matches = list(TOKEN.finditer(text))
    skip_next_question = False
    for index, match in enumerate(matches):
        if match.start() < pos:
            continue
        _append_text(out, text[pos : match.start()])
        floor, pos = pos, match.end()
        if match["seam"]:
            out.append(LINE_MARKS[match["seam"]])
        elif match["page"] is not None:
            out.append(PageBreak(match["n"] or None, "export"))
        elif match["turn"]:
            out.append(PageBreak())
        elif match["anglelink"] or match["link"]:
            out.append(Link(match["anglelink"] or match["link"]))
        else:
            content = match["content"] if match["double"] is None else match["inner"]
            following = matches[index + 1] if index + 1 < len(matches) else None
            doubtful = bool(
                following
                and following.start() == match.end()
                and following["content"] is not None
                and following["content"].strip() == "?"
            )
            if skip_next_question and content.strip() == "?":
                skip_next_question = False
                continue
            node, consumed_question = _bracket(out, content, doubtful, text, match, floor, ctx)
            skip_next_question = consumed_question
            if node is not None:
                out.append(node)
    _append_text(out, text[pos:])
    nodes = _merge_text(_hands_labelled(out))
    if LETTERSPACED.search(text):
        nodes = mark(nodes, LETTERSPACED, lambda m: Spaced(m[0].replace(" ", "")))
    if any(note.n not in ctx.used_footnotes for note in ctx.marks):
        nodes = _anchored(nodes, ctx)
    return nodes


def _footnote_text(n: str, text: str, ctx: InlineContext) -> Inlines:
    """A footnote's text, ending in the truncation's gap where the export stops in it."""
    content = parse_inline(text, ctx)
    return (*content, Gap("truncated")) if n == ctx.cut_footnote else content


def _anchored(nodes: Inlines, ctx: InlineContext) -> Inlines:
    """Each footnote whose marker stands in the text ('comprador1', 'Party x/', 'Loi*'),
    at its first anchor not yet taken, becomes the note there."""
    for note in ctx.marks:
        if note.n in ctx.used_footnotes:
            continue
        pattern = anchor_pattern(note)
        for k, node in enumerate(nodes):
            found = pattern.search(node.text) if isinstance(node, Text) else None
            if found is None:
                continue
            assert isinstance(node, Text)
            ctx.used_footnotes.add(note.n)
            made = Note("authorial", _footnote_text(note.n, note.text, ctx), n=note.n)
            before, after = node.text[: found.start()], node.text[found.end() :]
            pieces: list[Inline] = [Text(before)] if before else []
            pieces += [made] + ([Text(after)] if after else [])
            nodes = (*nodes[:k], *pieces, *nodes[k + 1 :])
            break
    return nodes


# a letter-spaced word: four letters or more, one space between them ('S H T Y K O V',
# 'V e r m e r k', 'Г о р б а ч е в'), kept as the word (ENCODING.md, Layout)
LETTERSPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_])")


def _balanced(text: str, ctx: InlineContext) -> str:
    """The text with its brackets balanced (ENCODING.md): a bracket never closed ends with
    its block; a ']' that closes none closes a bracket opened at the word before it
    ('Gao [Gang] Wang Jiaxiang]': Wang [Jiaxiang], like its neighbours). Each is reported.
    The brackets are found by a pattern and the text is joined once (built a character at
    a time, a paragraph of 50 MB took seconds for this alone)."""
    if "[" not in text and "]" not in text:
        return text
    depth = 0
    opened: list[int] = []  # where a bracket is opened for a ']' that closes none
    run: tuple[int, int] | None = None  # the last lone ']' and where its run of non-space starts
    for found in BRACKET_CHAR.finditer(text):
        if found[0] == "[":
            depth += 1
        elif depth:
            depth -= 1
        else:
            ctx.unbalanced.append("a ']' opens no bracket: read as closing the word before it")
            at, run = _word_start(text, found.start(), run)
            opened.append(at)
    if depth:
        ctx.unbalanced.append("a '[' is never closed: its bracket runs to the end of its block")
    if opened:
        cuts = [0, *opened, len(text)]
        text = "[".join(text[a:b] for a, b in itertools.pairwise(cuts))
    return text + "]" * depth


def _word_start(text: str, end: int, run: tuple[int, int] | None) -> tuple[int, tuple[int, int]]:
    """Where the word before `end` (white space after it) starts (`end` itself if there is
    none), and where the run of non-space holding `end` starts. `run`: the same for an
    earlier position; a word that holds it starts there: each stretch of the text is read
    once, however many lone ']' a word holds."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == 0:
        return end, (end, end)
    while j > 0 and not text[j - 1].isspace():
        j -= 1
        if run and j == run[0]:
            j = run[1]
            break
    return j, (end, j if text[end - 1 : end].strip() else end)


def _hands_labelled(nodes: list[Inline]) -> list[Inline]:
    """'[Handwritten] Copy A': a hand's bracket that only labels, the words after it on its
    line are the hand's; standing alone ('[handwritten:]', before a letter copied by hand)
    it is the editors' remark."""
    out: list[Inline] = []
    for node in nodes:
        previous = out[-1] if out else None
        if isinstance(previous, Added) and not previous.content and isinstance(node, Text):
            words = node.text.strip()
            if words:
                out[-1] = dataclasses.replace(previous, content=(Text(words),))
                continue
        out.append(node)
    return [
        Note("explanation", (Text(node.hand),))
        if isinstance(node, Added) and not node.content
        else node
        for node in out
    ]


def _bracket(
    out: list[Inline],
    content: str,
    doubtful: bool,
    text: str,
    match: re.Match[str],
    floor: int,
    ctx: InlineContext,
) -> tuple[Inline | None, bool]:
    """Interpret one bracket; returns the node and whether a following ``[?]`` was used.
    `floor`: where the text before it begins, the end of the token before it: what ends
    right before the bracket is sought from there (sought from the block's start, at each
    bracket, it made a paragraph quadratic in its brackets). No token ends in white space,
    a quotation mark or a letter of a word run on from before it, but a link may end in
    '»': the search starts one character before it."""
    stripped = " ".join(content.split())
    if GAP_CONTENT.match(stripped):
        return Gap("editorial"), False
    if PAGE_BREAK.match(stripped):
        return PageBreak(), False
    if ILLEGIBLE.match(stripped):
        return Gap("illegible", stripped), False
    if lost := missing(stripped):
        return Gap(lost[0], lost[1]), False  # type: ignore[arg-type]
    if SIGNATURE.match(stripped):
        plain = stripped.lower() == "signature"
        return Gap("signature", None if plain else stripped), False
    if stamp := STAMP.match(content):
        return Stamp(parse_inline(stamp["body"].strip(), ctx)), False
    if DESCRIBED_STAMP.match(content) or STAMPED.search(content):
        return Stamp(parse_inline(content.strip(), ctx)), False
    if note := NOTE.match(content):
        translator = note["who"].lower().startswith("tr")
        return Note(
            "translator" if translator else "editorial",
            parse_inline(note["body"].strip(), ctx),
            label=note["label"],
        ), False
    if hand := handwritten(content):
        return Added(
            parse_inline(hand.text.strip(), ctx) if hand.text else (), hand.place, hand.hand
        ), False
    if sic := SIC.match(stripped):
        reading = sic_reading(sic["rest"])
        if reading.remark and (lost := missing(reading.remark)):
            return Gap(lost[0], lost[1]), False  # type: ignore[arg-type]
        corr = reading.correction
        asked = bool(corr and corr.endswith("?")) or reading.doubtful  # '… Shihezi?]'
        corr = corr.rstrip("?").strip() if corr else corr
        # 'Pak Khen En [sic; should be Pak Hon Yong]': a name corrected as a whole
        certainty = "low" if corr and (doubtful or asked) else None
        used_doubt = bool(corr and doubtful)  # the '[?]' after the bracket is its own
        word = take_name(out, len(corr.split())) if corr else ""
        # 'a Beijing dialect [sic, in fact Hunan]': the name is corrected, not the noun;
        # '(Taibi /?/) [sic]': the word flagged is the one before the marks
        named = take_name_before_noun(out) if not word and corr and corr[:1].isupper() else None
        named = named or (take_word_before_marks(out) if not word else None)
        if named:
            out.append(Sic(named[0], corr, certainty))
            return Text(named[1].rstrip()), used_doubt  # (the space was before the bracket)
        word = word or take_word(out)
        if not word:  # nothing to flag: keep the editors' remark as a note
            return Note("editorial", (Text(stripped),)), False
        word, after = _without_trailing_stop(word)
        flagged = Sic(word, corr, certainty)
        if reading.remark:  # '[SIC, plural]': the word flagged, the editors' remark noted
            out.append(flagged)
            return Note("explanation", with_breaks(reading.remark)), False
        return _then(out, flagged, after), used_doubt
    if stripped == "?" and (
        QUOTE_CLOSED.search(text, max(floor - 1, 0), match.start())
        or (
            WORD_BEFORE.search(text, max(floor - 1, 0), match.start())
            and SENTENCE_AFTER.match(text, match.end())
        )
    ):  # '“president” [?] What', 'in this question [?] Of course': the question's mark
        return Supplied("?"), False
    if stripped == "?":
        word, after = _without_trailing_stop(take_word(out))
        if not word:
            return Note("editorial", (Text("?"),)), False
        return _then(out, Unclear(word), after), False
    before = text[match.start() - 1] if match.start() > 0 else " "
    attached = not before.isspace() and before not in SEAMS  # 'Kaesong.[1]', not '… | [X]'

    if stripped.isdigit() and stripped in ctx.footnotes:  # "Kaesong.[1]", "two days [1]."
        ctx.used_footnotes.add(stripped)
        return Note(
            "authorial", _footnote_text(stripped, ctx.footnotes[stripped], ctx), n=stripped
        ), False
    if stripped.isdigit() and len(stripped) <= 3 and attached:
        return Note("authorial", (), n=stripped), False  # "Uhr[1]": its text is not in the export
    if explanation(stripped):
        return Note("explanation", parse_inline(content.strip(), ctx)), False
    if (
        ctx.original == "zh"
        and not attached
        and not _word_goes_on(text, match)
        and pinyin(stripped)
    ):
        return Note("original-wording", (Text(stripped),), lang="zh-Latn-pinyin"), False
    if original_wording(stripped):
        if stripped[-1] in QUOTE_MARKS and stripped.count(stripped[-1]) % 2:
            # 'sign [[ pod."]]': a closing mark whose opening is lost is no letter of the word
            out.append(Note("original-wording", (Text(stripped[:-1].rstrip()),)))
            return Text(stripped[-1]), False
        return Note("original-wording", (Text(stripped),)), False
    if not attached and (abbreviation := take_abbreviation(out, stripped)):
        return Expansion(abbreviation, stripped), False
    # 'Tan [Tang] Wenhua', 'Zhong [Zheng?]': a reading inside a name, or a doubtful one;
    # 'Beiping [Beijing]' after a whole name is its other name (an identification, below)
    inside_name = bool(NAME_FOLLOWS.match(text, match.end())) or stripped.endswith("?")
    if (
        not attached
        and inside_name
        and (word := take_word_if(out, lambda w: alternative(w, stripped)))
    ):
        other = stripped.rstrip("?").strip()
        return Sic(word, other, "low" if stripped.endswith("?") else None), False
    if stripped.endswith("?") and stripped.rstrip("?").strip():
        return Supplied(stripped.rstrip("?").strip(), cert="low"), False
    if not stripped:
        return Text(f"[{content}]"), False
    if not attached and _after_supplied_name_part(out) and _is_name(stripped):
        return Supplied(stripped), False  # 'Liu [Shaoqi] Gao [Gang] Wang [Jiaxiang]': alike
    if (
        not attached
        and _follows_name(out)
        and _is_name(stripped)
        # '[South Korean] government': the phrase's adjective ('Formosa [Taiwan].' names)
        and not (NATIONALITY.match(stripped) and NOUN_FOLLOWS.match(text, match.end()))
        and not (len(stripped.split()) == 1 and NAME_FOLLOWS.match(text, match.end()))
        and not _completes_institution(stripped)
    ):
        return Identification(stripped), False
    if not attached and _names(ARTICLE.sub("", stripped)) and _follows_pronoun(out):
        return Identification(stripped), False  # 'their [Mao’s] differences': who is meant
    return Supplied(stripped), False


def _follows_name(out: list[Inline]) -> bool:
    """The bracket stands right after a name, on its line or at the next one's start
    ('Guomindang' | '[Kuomintang]')."""
    at = len(out) - 2 if len(out) > 1 and isinstance(out[-1], LineBreak) else len(out) - 1
    last = out[at] if at >= 0 else None
    if not isinstance(last, Text):
        return False
    before = last.text.rstrip()
    if (  # a name hyphenated over a line's end: 'Chiang Kai-' | 'shek [Jiang Jieshi]'
        len(before.split()) == 1
        and at >= 2
        and isinstance(seam := out[at - 1], LineBreak)
        and isinstance(head := out[at - 2], Text)
        and (seam.hyphenated or head.text.endswith("-"))
    ):
        before = head.text + before
    match = PREVIOUS_WORD.search(before)
    return bool(
        match
        and NAME_WORD.match(match["word"])
        and not HONORIFIC.match(match["word"])
        and not before.endswith(".")
    )


WORD_BEFORE = re.compile(r"(?<!\S)[a-zа-яё][\w'’-]*\s*$")  # a lower-case word: no name's part
SENTENCE_AFTER = re.compile(rf"[\s{LB}{WRAP}]+[A-ZА-ЯЁ]")  # a new sentence
QUOTE_CLOSED = re.compile(r"[”\"»]\s*$")  # a quoted word, closed right before a bracket
ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)  # 'They [the Soviets]'
PRONOUN_BEFORE = re.compile(
    r"(?<![\w'’])(?:he|she|they|him|her|them|his|their|its|we|us|our"
    r"|он|она|они|его|её|ее|их|ему|ей|им|мы|нас|нам)"
    r"\s?$",
    re.IGNORECASE,
)


def _follows_pronoun(out: list[Inline]) -> bool:
    """The bracket stands right after a pronoun, which it names."""
    return bool(out) and isinstance(out[-1], Text) and bool(PRONOUN_BEFORE.search(out[-1].text))


def _word_goes_on(text: str, match: re.Match[str]) -> bool:
    """Letters right after the bracket: it supplies letters of a word ('S[talin] said')."""
    return text[match.end() : match.end() + 1].isalpha()


def _after_supplied_name_part(out: list[Inline]) -> bool:
    """The bracket follows a name's first word that follows a bracket supplying the rest of
    the name before it ('Gao [Gang] Wang [Jiaxiang]'): it is read as its neighbour is."""
    return (
        len(out) >= 2
        and isinstance(out[-2], Supplied)
        and isinstance(out[-1], Text)
        and bool(LONE_NAME_WORD.fullmatch(out[-1].text))
    )


LONE_NAME_WORD = re.compile(rf"[\s{LB}{WRAP}]+[A-ZА-ЯЁ][\w'’-]*\s")


def _names(text: str) -> bool:
    """A name, or names listed ('Liu Shaoqi, Gao Gang, and Wang Jiaxiang')."""
    return all(_is_name(part) for part in LISTED_NAMES.split(text) if part.strip())


LISTED_NAMES = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _completes_institution(text: str) -> bool:
    """'the Northeast [Bureau's]': the word that makes the words before it an institution's
    name is supplied, not another name for them."""
    word = POSSESSIVE_END.sub("", text.strip())
    return len(text.split()) == 1 and bool(INSTITUTION_WORD.match(word))


POSSESSIVE_END = re.compile(r"['’]s?$")


def _is_name(text: str) -> bool:
    """Capitalised words ('Pak Song Chol'); a figure alone ('Nº [208]') names no one."""
    words = text.split()
    capitalised = all(w[:1].isupper() for w in words if w.isalpha())
    return 0 < len(words) <= 4 and capitalised and any(c.isalpha() for c in text)


TRAILING_STOP = re.compile(r"(?<=\w)[.,;:!?»”\")]+$")


def _without_trailing_stop(word: str) -> tuple[str, str]:
    """'линии.' → ('линии', '.'): the stop before a bracket is not part of the word it
    flags ('линии. [sic]')."""
    stop = TRAILING_STOP.search(word)
    return (word[: stop.start()], stop[0]) if stop else (word, "")


def _then(out: list[Inline], node: Inline, after: str) -> Inline:
    """`node`, then the text `after` it (the node goes into `out` now, the text is what
    the caller appends)."""
    if not after:
        return node
    out.append(node)
    return Text(after)


def _append_text(out: list[Inline], text: str) -> None:
    if text:
        out.append(Text(text))


def _merge_text(nodes: list[Inline]) -> Inlines:
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)


def mark(
    nodes: Inlines, pattern: re.Pattern[str], make: Callable[[re.Match[str]], Inline | None]
) -> Inlines:
    """Wrap each match of `pattern` in the text nodes by the node `make` returns.

    `make` may return None to leave a match as text. Matches do not cross node borders.
    """
    if not any(isinstance(node, Text) and pattern.search(node.text) for node in nodes):
        return nodes  # (most lines hold nothing a pattern looks for: nothing rebuilt)
    out: list[Inline] = []
    for node in nodes:
        if not isinstance(node, Text):
            out.append(node)
            continue
        pos = 0
        for match in pattern.finditer(node.text):
            made = make(match)
            if made is None or match.end() == match.start():
                continue
            _append_text(out, node.text[pos : match.start()])
            out.append(made)
            pos = match.end()
        _append_text(out, node.text[pos:])
    return _merge_text(out)
