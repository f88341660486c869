"""The words a bracket reads: detached from the end of the text parsed so far, the word
before it (a word hyphenated over a line end whole), a name of several words, the word
before marks without a letter, a name before a noun, an abbreviation the bracket spells out
(over a line's end too).

Each `take_*` function removes what it returns from the last text node of `out` (the nodes
parsed so far), so that the bracket's node can hold it; it leaves `out` as it is when it
returns nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cablegram.model import LB, LB_JOINED, WRAP, WRAP_JOINED, Inline, LineBreak, Text
from cablegram.parse.brackets import expands

PREVIOUS_WORD = re.compile(r"(?P<word>[^\s\"“”«»(]+)(?P<space>\s?)$")


def take_abbreviation(out: list[Inline], content: str) -> str:
    """Detach the abbreviation a bracket spells out ('CC CPC [Central Committee …]'): the
    words in capitals before it, from the first that the spelling out begins with ('CC
    VKP(b) [All-Russia Communist Party …]' spells out VKP(b)), over a line's end too ('CC' |
    'CPC [Central Committee …]')."""
    if not out or not isinstance(out[-1], Text):
        return ""
    start = _abbreviation_start(out[-1].text, content)
    if start is None:
        return ""
    abbreviation = out[-1].text[start:].rstrip()
    before = out[-3] if len(out) >= 3 and not start else None
    seam = out[-2] if before else None
    if (
        isinstance(before, Text)
        and isinstance(seam, LineBreak)
        and not seam.hyphenated
        and (head := _abbreviation_start(before.text, content, whole=True)) is not None
    ):
        words = before.text[head:].rstrip()
        cut_last_text(out, start)  # the line's abbreviation, then the break, then the head
        out.pop()
        cut_last_text(out, head)
        return words + (WRAP if seam.edition else LB) + abbreviation
    cut_last_text(out, start)
    return abbreviation


# (each word ends with its space: were the space optional, a long word in capitals
# could be split into words in exponentially many ways, each tried before the search
# fails; words run together are one word anyway)
ABBREVIATED = re.compile(r"(?<!\S)(?P<abbr>(?:[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё/()]*[A-ZА-ЯЁ/)]\s)+)$")


def _abbreviation_start(text: str, content: str, whole: bool = False) -> int | None:
    """Where the abbreviation that `content` spells out begins at the end of `text`: its
    words in capitals from the first that is short and begins as the spelling out does
    (a head in capitals, 'PREPARATORY COMMISSION … THE PCM', abbreviates in its last word);
    `whole`: only if such a word is found (the line before the abbreviation's own)."""
    found = ABBREVIATED.search(text if text.endswith((" ", "\t")) else text + " ")
    if not found or not expands(found["abbr"], content):
        return None
    tokens = list(re.finditer(r"\S+", found["abbr"]))
    first = content.lstrip()[:1].casefold()

    def begins(token: re.Match[str]) -> bool:
        return token[0][:1].casefold() == first and len(token[0]) <= ABBREVIATION_LETTERS

    while len(tokens) > 1 and not begins(tokens[0]):
        tokens.pop(0)
    if whole and not begins(tokens[0]):
        return None
    return found.start() + tokens[0].start()


ABBREVIATION_LETTERS = 6  # a longer word in capitals is a word ('COMMISSION')


def _detach(
    out: list[Inline], pattern: re.Pattern[str], accept: Callable[[re.Match[str]], bool] = bool
) -> re.Match[str] | None:
    """The match of `pattern` at the end of the last node, a text, detached from it when
    `accept` takes it."""
    if not out or not isinstance(out[-1], Text):
        return None
    found = pattern.search(out[-1].text)
    if not found or not accept(found):
        return None
    cut_last_text(out, found.start())
    return found


def take_word_if(out: list[Inline], accept: Callable[[str], bool]) -> str:
    """Detach the word before a bracket when `accept` says so (a space before the bracket
    stays)."""
    found = _detach(out, SPACED_WORD, lambda match: accept(match["word"]))
    return found["word"] if found else ""


SPACED_WORD = re.compile(r"(?<!\S)(?P<word>[^\s\"“”«»(\[\]]+)(?P<space>\s)$")
NAME_WORD = r"[A-ZА-ЯЁ][^\s\"“”«»(]*"


def take_name(out: list[Inline], words: int) -> str:
    """Detach the `words` capitalised words right before a bracket (a name the editors
    correct as a whole); '' when there are not as many, or a correction of one word."""
    if words < 2:
        return ""
    name = re.compile(rf"(?<!\S)(?P<name>{NAME_WORD}(?:\s{NAME_WORD}){{{words - 1}}})\s?$")
    found = _detach(out, name)
    return found["name"] if found else ""


def take_word_before_marks(out: list[Inline]) -> tuple[str, str] | None:
    """Detach the word before marks without a letter right before a bracket ('Taibi /?/)'):
    the word, and the marks with what follows them."""
    found = _detach(out, WORD_BEFORE_MARKS)
    return (found["word"], found["marks"]) if found else None


WORD_BEFORE_MARKS = re.compile(
    r"(?<![^\s\"“”«»(])(?P<word>[^\s\"“”«»(]*[^\W\d_][^\s\"“”«»()/]*)"
    r"(?P<marks>(?:\s+[^\w\s]+)+\s?)$"
)


def take_name_before_noun(out: list[Inline]) -> tuple[str, str] | None:
    """Detach a capitalised word and the lower-case word after it right before a bracket
    ('Beijing dialect'): the name, and the noun with what follows it."""
    found = _detach(out, NAME_BEFORE_NOUN)
    return (found["name"], found["noun"]) if found else None


NAME_BEFORE_NOUN = re.compile(
    r"(?<!\S)(?P<name>[A-ZА-ЯЁ][\w'’-]*)(?P<noun>\s+[a-zа-яё][\w'’-]*\s?)$"
)


def cut_last_text(out: list[Inline], at: int) -> None:
    """Keep only the first `at` characters of the last node, a text (none: drop it)."""
    rest = out[-1].text[:at]  # type: ignore[union-attr]
    if rest:
        out[-1] = Text(rest)
    else:
        out.pop()


def take_word(out: list[Inline]) -> str:
    """Detach the word right before a bracket from the text already parsed; a word
    hyphenated over a line end comes whole, its break kept as a mark (`model.LB_JOINED`)."""
    if not out or not isinstance(out[-1], Text):
        return ""
    match = PREVIOUS_WORD.search(out[-1].text)
    if not match:
        return ""
    whole = bool(match.start())  # text before the word: it does not run on from a line above
    cut_last_text(out, match.start())
    if whole or len(out) < 2 or not isinstance(out[-1], LineBreak) or not out[-1].hyphenated:
        return match["word"]
    head = PREVIOUS_WORD.search(out[-2].text) if isinstance(out[-2], Text) else None
    if not head or head["space"]:
        return match["word"]
    mark = WRAP_JOINED if out.pop().edition else LB_JOINED  # type: ignore[union-attr]
    cut_last_text(out, head.start())
    return head["word"] + mark + match["word"]
