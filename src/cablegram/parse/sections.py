"""Sections and separators: the parts of a text under heads of their own, and the marks
that divide a text or end it (ENCODING.md: `div[@type='section']` with `head`;
`milestone[@unit='section'|'end']`).

A head is told by its form, in any layout: a line in capitals (`THE NATIONAL QUESTION`,
`I. THE FRONT`, `3. QUESTIONS OF FOREIGN RELATIONS`), a part's number or letter alone or
with the word that names it (`II.`, `B`, `Amendment .1.`, `Статья 2`),
a subject head (`On the loan.`, `About Xinjiang`, `Regarding the issue of …`), a journal's
entry date standing alone (`7 March 1960`), or short unpunctuated title lines that begin
alike (`Conversation of 14 July`, `Conversation of 15 July`). A head needs text after it. A section
runs to the next head (sections do not nest: the texts' heads are of one rank).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from cablegram.lexicon import patterns as P
from cablegram.lexicon.dates import MONTH_NAMES
from cablegram.model import Align, BodyPart, Inlines, Milestone, Section
from cablegram.parse.quotes import Unit
from cablegram.parse.versions import is_gap_line
from cablegram.read import Block

HEAD_WORDS = 20  # a head in capitals is a line or three, not a paragraph in capitals
SUBJECT_WORDS = 18
TITLE_WORDS = 6
TEXT_WORDS = 8  # what follows a head is running text
CAPITALS_SHARE = 0.8
SUBJECT = re.compile(
    r"^(?:On|About|Regarding|Concerning|Re|О|Об|По вопросу|К вопросу|Zum|Zur|Über|Betrifft)\s+"
    r"(?:the\s+|a\s+|an\s+)?[\w\"“«(]",
)

DATE_ALONE = re.compile(
    rf"^(?:\d{{1,2}}\s+(?:{MONTH_NAMES})\.?\s+\d{{4}}|(?:{MONTH_NAMES})\.?\s+\d{{1,2}},\s+\d{{4}})"
    r"(?:\s*г(?:ода|\.)?)?$",
    re.IGNORECASE,
)
# a separator or an end mark: '* * *', '***', '——————', '###', '-- End of Conversation --'
SEPARATOR = re.compile(r"^(?:[*#~=_—–-]\s*){3,}$|^[*•·]{1,3}(?:\s+[*•·]){1,4}$")
END_MARK = re.compile(
    r"^(?:[-–—*#=]+\s*)?(?:end(?:\s+of\s+(?:the\s+)?\w+)?|конец(?:\s+\w+)?|ende)(?:\s*[-–—*#=]+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Heading:
    """A head, before the parts under it are gathered into its section."""

    content: Inlines
    rend: Align | None = None


def separator(block: Block) -> Milestone | None:
    """A separator or an end mark standing alone (its characters kept in @rend); 'End of
    Conversation' and the like always end the text."""
    text = " ".join(block.text.split())
    if len(block.lines) != 1:
        return None
    if END_MARK.match(text) and re.search(r"[-–—*#=]", text):
        return Milestone("end", text)
    if SEPARATOR.match(text):
        return Milestone("section", text)
    return None


def title_words(texts: list[str]) -> set[str]:
    """The first words that two or more of the text's short title lines share."""
    firsts = [text.split()[0] for text in texts if is_title_line(text)]
    return {word for word in firsts if firsts.count(word) >= 2}


def is_heading(block: Block, following: Block | None, titles: set[str]) -> bool:
    """Whether the block heads the text after it (`following`, the next block); `titles` are
    the first words of the text's parallel title lines (`title_words`)."""
    if following is None or len(block.lines) > 3:
        return False
    text = " ".join(block.text.split())
    words = text.split()
    if not words or len(words) > HEAD_WORDS or text.endswith((":", ",", ";")):
        return False
    # the block's own form first: the text after it may be a long paragraph
    if not _reads_as_head(block, text, words, following, titles):
        return False
    return text_follows(following) or bool(P.PART_ALONE.match(text) and _words_follow(following))


def _words_follow(block: Block) -> bool:
    """Words after a part's number or name, though without a stop ('Amendment .1.' | 'Add
    following paragraph at the end of preamble in attached draft resolution')."""
    text = " ".join(block.text.split())
    return len(text.split()) >= TEXT_WORDS and not capitals(text) and text[:1].isupper()


def _reads_as_head(
    block: Block, text: str, words: list[str], following: Block, titles: set[str]
) -> bool:
    if P.SIGNATURE_LINE.search(text):
        return False  # '(I. SHCHERBAKOV)', 'COLONEL [signature]': a signature
    if P.PART_ALONE.match(text) or capitals(text):
        return True
    if _said_again(text, following):
        return True
    if SUBJECT.match(text) and len(words) <= SUBJECT_WORDS and _no_sentence(text):
        return len(block.lines) <= 2
    if len(block.lines) > 1:
        return False
    if DATE_ALONE.match(text):
        return block.align != "right"  # set at the right, a date is the dateline
    return is_title_line(text) and text.split()[0] in titles


def _said_again(text: str, following: Block) -> bool:
    """A numbered line whose words the text after it begins with again ('1. The
    Revolutionary Committee of the Guomindang.' | 'The Revolutionary Committee of the
    Guomindang was formed …'): the head of that part, not a point."""
    label = P.POINT_LABEL.match(text)
    if label is None or not text.endswith("."):
        return False
    head = text[label.end() :].rstrip(".").split()
    return len(head) >= 2 and following.text.split()[: len(head)] == head


def is_entry_date(block: Block) -> bool:
    """A date standing alone on its line (a journal's entry)."""
    return len(block.lines) == 1 and bool(DATE_ALONE.match(" ".join(block.text.split())))


@functools.lru_cache(maxsize=16384)  # (a line is read by many rules)
def is_title_line(text: str) -> bool:
    """A short line that reads as a title: a capital first, no stop, not a sentence."""
    words = text.split()
    return (
        0 < len(words) <= TITLE_WORDS
        and text[:1].isupper()
        and not P.TERMINAL.search(text)
        and not VERB.search(text)
        and not FUNCTION_END.search(text)
        and sum(w[:1].isupper() for w in words) <= max(2, len(words) // 2)
    )


# finite verbs of reports and records: a line holding one is a sentence, not a head
VERB = re.compile(
    r"\b(?:is|was|were|are|has|have|had|will|would|said|says|asked|told|replied|stated"
    r"|informed|declared|stressed|expressed|noted|agreed|visited|received|took|met|printed)\b",
    re.IGNORECASE,
)
FUNCTION_END = re.compile(r"\b(?:of|the|and|to|in|for|with|a|an|on|by|и|в|на|с|по|к)$", re.I)


def capitals(text: str) -> bool:
    """A line in capitals: two words at least (initials do not count: 'G. MALENKOV' is a
    signature), or one after a part's number ('III. CONCLUSIONS')."""
    bare = P.POINT_LABEL.sub("", text, count=1)
    words = [w for w in bare.split() if not INITIAL.match(w)]
    letters = [c for c in bare if c.isalpha()]
    if len(letters) < 6 or len(words) < (1 if bare != text else 2):
        return False
    return sum(c.isupper() for c in letters) >= CAPITALS_SHARE * len(letters)


INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.(?:[A-ZА-ЯЁ]\.)*$")


def _no_sentence(text: str) -> bool:
    """A subject head is a noun phrase: no digit (a date makes 'On 9 April …' a sentence),
    no comma, no second clause, no finite verb."""
    return not (re.search(r"[\d,]", text) or re.search(r"[.!?;:]\s+\S", text) or VERB.search(text))


def text_follows(block: Block) -> bool:
    """The next block is running text (or a point): words that end a sentence, not another
    head, a signature, a clerk's log or a copy list."""
    text = " ".join(block.text.split())
    if len(text.split()) <= HEAD_WORDS and capitals(text):
        return False
    if P.POINT_LABEL.match(text) or P.DASH_POINT.match(text):
        return True
    return len(text.split()) >= TEXT_WORDS and bool(P.TERMINAL.search(text))


def title_words_of(units: list[Unit]) -> set[str]:
    """`title_words` of a text's blocks."""
    return title_words([" ".join(unit.text.split()) for unit in units if isinstance(unit, Block)])


def opens_body(units: list[Unit], k: int, titles: set[str]) -> bool:
    """A head stands first in the body, not in the opener: one of the text's title lines
    ('Conversation of 14 July'), or an omission and then an entry's date ('[…]' | '7 March
    1960' | the entry's text)."""
    unit = units[k]
    assert isinstance(unit, Block)
    following = [u for u in units[k + 1 : k + 3] if isinstance(u, Block)]
    if is_title_line(unit.text.strip()) and unit.text.split()[0] in titles:
        return bool(following) and is_heading(unit, following[0], titles)
    if is_gap_line(unit) and len(following) == 2:
        return is_entry_date(following[0]) and is_heading(following[0], following[1], titles)
    return False


def build_sections(parts: list, gather: Callable[[list], list[BodyPart]]) -> tuple[BodyPart, ...]:
    """The body's parts with each head and the parts after it (to the next head) made a
    section; `gather` turns a run of parts into blocks (it gathers points into lists)."""
    heads = [k for k, part in enumerate(parts) if isinstance(part, Heading)]
    if not heads:
        return tuple(gather(parts))
    out = gather(parts[: heads[0]])
    for k, start in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(parts)
        head = parts[start]
        assert isinstance(head, Heading)
        out.append(Section(head.content, tuple(gather(parts[start + 1 : end])), head.rend))
    return tuple(out)


def end_marks(parts: list) -> list:
    """A separator with nothing after it but the closer ends the text: an end mark."""
    if parts and isinstance(parts[-1], Milestone) and parts[-1].unit == "section":
        return [*parts[:-1], Milestone("end", parts[-1].rend)]
    return parts
