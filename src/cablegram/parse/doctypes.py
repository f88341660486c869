"""What kind of document this is (`text/@type`), from its title, else from its text.

The title names its kind in the phrase that stands first (`Press Release containing a
Speech` is a statement); a title that names none (`Democratic Parties and Groups in …`)
leaves it to the headings of the text (`RECORD OF CONVERSATION`, `ШИФРТЕЛЕГРАММА`); and
the text can correct the title where it says how it was sent (a 'telegram' sent by
diplomatic post is a letter) or shows the form of minutes (an agenda, those in
attendance listed at its head, where the title speaks of no conversation).
"""

from __future__ import annotations

import functools
import re

from cablegram.lexicon.doctypes import (
    AGENDA,
    ATTENDANCE,
    BY_POST,
    CONVERSATION,
    DIALOGUE,
    KIND_PATTERNS,
    MESSAGE,
    REPORTS,
)
from cablegram.model import DocType


@functools.lru_cache(maxsize=16384)  # (a line is read by many rules)
def kind_in(text: str) -> tuple[DocType, re.Match[str]] | None:
    """The kind a title or heading names, and the words that name it (the first such phrase,
    the longest at its place)."""
    best: tuple[DocType, re.Match[str]] | None = None
    for kind, pattern in KIND_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        if best is None or (match.start(), -len(match[0])) < (best[1].start(), -len(best[1][0])):
            best = (kind, match)  # type: ignore[assignment]
    memo = best and best[1][0].lower().startswith("memo") and best[0] == "report"
    if memo and best and CONVERSATION.search(text):  # 'Memorandum, Conversation of Mao and …'
        return "memorandum", best[1]
    return best


def kind_from_text(headings: list[str]) -> DocType | None:
    """The kind the first headings and furniture lines of the text name."""
    for heading in headings:
        found = kind_in(heading)
        if found and (found[1].start() == 0 or heading.isupper()):
            return found[0]
    return None


# 'A Russian translation of a Chinese report on …': what the archive's summary calls the
# document where it opens by naming it ('A …', 'This is a …'): a kind after an indefinite
# article and up to three words ('Stalin replies to a letter of Mao' names another one)
ARTICLE = re.compile(r"\b(?:a|an)\s+", re.IGNORECASE)
OPENING = re.compile(r"^(?:this (?:document )?is\s+)?(?:a|an)\s+", re.IGNORECASE)
WORD_AFTER = re.compile(r"[\w’'-]+\s+")
WORDS_BEFORE_KIND = 3


def kind_from_summary(summary: tuple[str, ...]) -> DocType | None:
    """The kind the summary's first sentence gives the document ('A Russian translation of
    a Chinese report'), for a document whose title and text name none."""
    first = re.split(r"(?<=[.!?])\s+", summary[0] if summary else "", maxsplit=1)[0]
    if not OPENING.match(first):
        return None
    for article in ARTICLE.finditer(first):
        at = article.end()
        for _ in range(WORDS_BEFORE_KIND + 1):
            found = kind_in(first[at:])
            if found and found[1].start() == 0 and found[0] != "other":
                return found[0]
            word = WORD_AFTER.match(first, at)
            if word is None:
                break
            at = word.end()
    return None


def corrected_by_text(
    kind: DocType,
    first_paragraphs: list[str],
    title_words: str | None = None,
    telegraphed: bool = True,
) -> DocType:
    """A cable whose text says it is sent by post is a letter (a covering letter the
    archive calls a telegram); a 'Message' without a telegram's form (no telegram's head,
    no transmission log) that reports a situation is a report (D1)."""
    if kind == "cable" and any(BY_POST.search(text) for text in first_paragraphs):
        return "letter"
    message = bool(title_words and MESSAGE.fullmatch(title_words.strip()))
    reports = any(REPORTS.match(text) for text in first_paragraphs)
    if kind == "cable" and message and not telegraphed and reports:
        return "report"
    return kind


def minutes_by_form(kind: DocType, title_words: str | None, lines: list[str]) -> DocType:
    """A record of a meeting (`memorandum` by its title) whose text has an agenda or lists
    those in attendance (`In attendance: Comrades …`, `Present:`, `Присутствовали:`) is
    minutes, unless its title speaks of a conversation or a call."""
    if kind != "memorandum" or (title_words and DIALOGUE.search(title_words)):
        return kind
    if any(AGENDA.match(line) or ATTENDANCE.match(line) for line in lines):
        return "minutes"
    return kind
