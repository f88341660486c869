"""The furniture at the head of a document (ENCODING.md text/body): what kind each block
or line is, read by its form and words (`opener_kind`), and the lines a copy that lost
its layout ran together (`office_before_dateline`, `caption_and_date`). The opener's
parts are built from these kinds in `opener`."""

from __future__ import annotations

import dataclasses
import functools
import re

from cablegram.lexicon import furniture as F
from cablegram.lexicon import patterns as P
from cablegram.parse.contents import CONTENTS_HEAD
from cablegram.parse.context import (
    sheet_kind,
)
from cablegram.parse.dates import date_runs_to, find_date
from cablegram.parse.doctypes import kind_in
from cablegram.parse.inline import NOTE_BY
from cablegram.parse.quotes import Unit
from cablegram.parse.sections import text_follows
from cablegram.parse.signatories import ABBREVIATION_END
from cablegram.parse.versions import is_gap_line
from cablegram.read import Block


def opener_kind(
    block: Block, following: list[Unit], seen_furniture: bool, previous: str | None = None
) -> str | None:
    """The kind of furniture a block at a document's head is (None: the body begins);
    `previous` is the kind of the block before it. Words in brackets (a stamp's, a hand's)
    do not count, unless the block is all in brackets. (The head of a text is read more
    than once, a line and its block alike: the answers are kept.)"""
    return _opener_kind(block, tuple(following[:2]), seen_furniture, previous)


@functools.lru_cache(maxsize=4096)
def _opener_kind(
    block: Block, following: tuple[Unit, ...], seen_furniture: bool, previous: str | None
) -> str | None:
    text = despaced(P.for_matching(block.text.strip()))
    bare = " ".join(BRACKETED.sub(" ", text).split())
    if bare and bare != text and not ADDED.match(text):
        text = bare
    if QUOTATION_START.match(text):
        unquoted = QUOTATION_START.sub("", text)
        words = len(unquoted.split())
        return "salute" if _salute_or_address(block, unquoted, words) == "salute" else None
    if SECTION_NUMBER.match(text) or PARTICIPANTS.match(text) or _speaks(text):
        return None  # a numbered section, the list of those present, a sentence: the body
    if CONTENTS_HEAD.match(text):
        return None  # the document's own table of contents begins its text
    if is_gap_line(block):
        return "gap"
    if NOTE_ALONE.match(text):
        return "note"  # '[Translator’s note: …]' standing before the furniture
    if P.STAMP_BRACKET.match(text) or P.STAMP_BLOCK.match(text) or STAMP_LINE.match(text):
        return "stamp"
    if ADDED.match(text):
        return "add"
    if P.FOLIO_MARK.match(text) and not seen_furniture:
        return "folio"
    if sheet_kind(block):
        return "sheet"
    if is_table(block) or P.DISTRIBUTION.match(text):
        return "distribution"
    if P.COPY_LINE.match(text):
        return "copy"
    if previous == "received" and LOG_NUMBERS.match(text):
        return "received"  # the log's dates and times on a line of their own
    if previous == "dateline" and F.TIME_ALONE.match(text) and not text.isdigit():
        return "dateline"  # 'Friday, 19 September, 1958,' | 'at 4.45 p.m.'
    if F.RECORDS_SERIES.match(text):
        return "series"  # 'Thirteenth Session', 'Official Records'
    if _meeting_heading(text, following, previous):
        return "heading"  # '751st' | 'PLENARY MEETING'
    for kind, pattern in (
        ("doctype", P.DOCTYPE),
        ("handling", P.HANDLING),
        ("handling", F.HANDLING),
        ("series", P.SERIES),
        ("address", P.ADDRESS),
        ("address", P.ADDRESS_BARE),
        ("form", P.FORM),
        ("subject", F.SUBJECT),
        ("address", F.ROUTING),
        ("dateline", F.DATE_LABEL),
        ("doctype", F.FORM_OF_DOCUMENT),
    ):
        if pattern.search(text):
            return kind
    words = len(text.split())
    if NUMBER_ALONE.match(text) and not seen_furniture:
        return "doctype"  # 'No. 17': the document's own number heads it
    if dateline_like(text) and not P.RECEIVED.search(text):
        return "dateline"
    if words <= 5 and F.REFERENCE.match(text) and (seen_furniture or not P.FOLIO_MARK.match(text)):
        return "reference"
    if (P.CLERK.match(text) or F.DRAFTED_BY.match(text)) and not LOG_LINE.match(text):
        return "clerk"
    if seen_furniture and P.DESTINATION.match(text):
        upcoming = [u for u in following[:1] if isinstance(u, Block)]
        if upcoming and opener_kind(upcoming[0], [], True) in {"address", "salute"}:
            return "address"
    if P.RECEIVED.search(text) and words <= 20:
        return "received"
    if (
        (previous == "heading" or (previous == "doctype" and CAPTION_GOES_ON.match(text)))
        and text[:1].islower()
        and not TERMINAL_SENTENCE.search(text)
        and words <= HEADING_WORDS
    ):  # 'On Aid to the KPDR' | 'for the Restoration of …'; 'RECORD …' | 'of the Consul …'
        return "heading"  # the caption's further lines
    if salute := _salute_or_address(block, text, words):
        return salute
    if (F.PLACE_DASH_ADDRESSEE.match(text) and words <= 12) or _postal_address(text):
        return "address"  # 'Moscow—Ministry of Foreign Affairs', 'Mr. F. H. Boland, …, New York.'
    if previous == "address" and _subject_line(text, following):
        return "subject"  # 'Secretary, | … | Dublin, Ireland.' | 'Poland and Our Policy at U.N.O.'
    if previous == "address" and words <= 8 and _heading_like(INITIALS_AFTER.sub("", text)):
        return "address"  # 'Generalissimo J. V. STALIN', 'Army General Cde. SHTEMENKO S. M.'
    after = following[0] if following else None
    if (  # a caption whose line goes on with its date ('… Wang Ruofei. October 10, 1945.')
        isinstance(after, Block)
        and after.lines[0].no == block.lines[-1].no
        and dateline_like(after.text)
    ):
        text = text.rstrip(".")
    if caption := _caption_kind(text, previous):
        return caption
    if F.PROTOCOL_ITEM.match(text) and words <= HEADING_WORDS:
        return "heading"  # 'П82/214. О направлении …': the decision's number and subject
    # ('The General Assembly,' | 'Recalling …': a sentence's subject, its text begins)
    runs_on = text.endswith(",") and not text.isupper()
    if (
        P.OFFICE.search(text)
        and words <= 14
        and not P.TERMINAL.search(text.rstrip("."))
        and not runs_on
    ):
        return "office"
    if len(text) <= 2:
        return "line"
    if previous in {"doctype", "heading", "office", "dateline"} and lone_place(text):
        return "dateline"
    if _heading_like(text) and _body_follows(following):
        return "heading"
    if len(text) <= 2:
        return "line"
    if not seen_furniture and words <= 4 and len(text) <= 40:
        upcoming = [u for u in following if isinstance(u, Block)]
        if any(opener_kind(u, [], False) not in {None, "line"} for u in upcoming):
            return "line"
    return None


# the words a caption goes on with under the kind of document ('RECORD OF CONVERSATION' |
# 'of the Consul General …', 'I n f o r m a t i o n' | 'on the actions of …')
CAPTION_GOES_ON = re.compile(
    r"^(?:of|with|between|on|about|concerning|regarding|by|о|об|обо|с|со|между|von|mit|über"
    r"|zur|zum|du|de|avec|sur)\s"
)
INITIALS_AFTER = re.compile(r"(?:\s+[A-ZА-ЯЁ]\.){1,3}$")  # 'SHTEMENKO S. M.': a name's initials
NOTE_ALONE = re.compile(rf"^\[\s*(?:{NOTE_BY})\s*note\s*:[^\[\]]*\]$", re.IGNORECASE)
ADDED = re.compile(r"^\[\s*handwritten\b", re.IGNORECASE)
QUOTATION_START = re.compile(r"^[\"“«„]")
SECTION_NUMBER = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})\.\s+[A-ZА-ЯЁ]")  # 'I. THE FRONT'
PARTICIPANTS = re.compile(
    r"^(?:participants|present|also present|in attendance|invitees|присутствовали|участники"
    r"|anwesend|teilnehmer)\b[^:]{0,40}:",
    re.IGNORECASE,
)
LOG_LINE = re.compile(r"^(?:sent|отправлено)\s+(?:at\s+)?\d", re.IGNORECASE)  # a log, not a clerk
LOG_NUMBERS = re.compile(r"^[\d\s.:/,-]+$")
NUMBER_ALONE = re.compile(r"^(?:N[°ºo]\.?|№|No\.?)\s*\d+[\w/-]*\.?$")
SPACED_RUN = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")


def despaced(text: str) -> str:
    """A line's letter-spaced words read as words ('V e r m e r k' → 'Vermerk')."""
    return SPACED_RUN.sub(lambda m: m[0].replace(" ", ""), text)


BRACKETED = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]")
STAMP_LINE = re.compile(r"^(?:DECLASSIFIED|SANITIZED|RELEASED)\b.*\d", re.IGNORECASE)
WORDS_AFTER_DATE = 4
WORDS_BEFORE_DATE = 4


def _postal_address(text: str) -> bool:
    """'Mr. F. H. Boland, …, New York.': a name and where to find him; not a speech that
    opens by addressing someone ('Mr. Chairman, last year my delegation …')."""
    return bool(
        F.POSTAL_ADDRESS.match(text)
        and not TERMINAL_SENTENCE.search(text)
        and not SPEAKER_PRONOUN.search(text)
    )


SPEAKER_PRONOUN = re.compile(r"\b(?:I|we|my|our|us|me)\b")


def _speaks(text: str) -> bool:
    """A sentence someone says ('We report …', 'I visited …', 'Мы получили …'): body text."""
    words = text.split()
    return len(words) > SPOKEN_WORDS and words[0] in F.PRONOUNS


SPOKEN_WORDS = 3


def _meeting_heading(text: str, following: tuple[Unit, ...], previous: str | None) -> bool:
    """A meeting's number and name in a record's masthead ('751st PLENARY MEETING'), or
    either where the other stands next to it, on a line of its own."""
    if (meeting := F.MEETING.match(text)) and (meeting["n"] or previous == "heading"):
        return True
    after = following[0] if following and isinstance(following[0], Block) else None
    return bool(F.MEETING_NUMBER.match(text) and after and F.MEETING.match(after.text.strip()))


def dateline_like(text: str) -> bool:
    """A place and a date, or a date with a few words ('Beijing, 23 March 1966', 'Bonn, den
    25. Juli 1991', 'Evening 5 November 1962', '(Dictated on 4 September 1958)',
    'Решение от 30 июня 1951 г.', '17 August 1968, 20 hours 05 minutes')."""
    bare = text.strip(" ()[]")
    found = find_date(bare)
    if found is None or TERMINAL_SENTENCE.search(bare):
        return False
    before, _, after = bare.partition(found[0])
    return (
        len(before.strip(" ,;").split()) <= WORDS_BEFORE_DATE
        and len(after.strip(" ,;").split()) <= WORDS_AFTER_DATE
        and not re.search(r"\b(?:is|was|were|are|has|have|had|will|said|took)\b", bare)
    )


# the place before a dateline's date, and the words that may join them ('Bonn, den')
PLACE_BEFORE_DATE = re.compile(
    r"(?<![\w.'’-])(?P<place>(?![A-ZА-ЯЁ]{2,5}[ -])"  # (an acronym is the office's: 'DPRK')
    r"[A-ZА-ЯЁ][\w.'’-]+(?:[ -][A-ZА-ЯЁ][\w.'’-]+)?),?\s+(?:den\s+|le\s+)?$"
)
OFFICE_WORDS = 10


def office_before_dateline(text: str) -> int | None:
    """Where the dateline begins in a line that gives the office first ('Referatsleiter 211
    Bonn, den 25. Juli 1991', 'Embassy of the USSR in the DPRK Pyongyang, 5 March 1960'): a
    copy that lost its layout set them on one line. None when the line is no such pair."""
    found = find_date(text)
    if found is None:
        return None
    date_at = text.find(found[0])
    place = PLACE_BEFORE_DATE.search(text[:date_at])
    office = text[: place.start()].strip(" ,") if place else ""
    if (
        not office
        or len(office.split()) > OFFICE_WORDS
        or text[date_at + len(found[0]) :].strip(" .")
    ):
        return None
    officious = P.OFFICE.search(office) or F.SIGNATORY_ROLE.search(office)
    return place.start() if place and officious else None


def caption_and_date(block: Block) -> list[Block] | None:
    """A caption that ends in the document's date ('Record of conversation between Soviet
    Ambassador … Apollon Petrov and Mao Zedong, Zhou Enlai and Wang Ruofei. October 10,
    1945.'): the caption, then its dateline (D4); None when the block is no such caption."""
    last = block.lines[-1]
    end = len(last.text.rstrip(" ."))
    for cut in re.finditer(r"[.,]\s+", last.text):
        if not date_runs_to(last.text, cut.end(), end):
            continue  # (the tail is no date: a long line is not read again at each comma)
        tail = last.text[cut.end() :]
        found = find_date(tail)
        if found is None or found[0].strip(" .") != tail.strip(" ."):
            continue
        head = " ".join(line.text for line in block.lines[:-1]) + " " + last.text[: cut.start()]
        if _caption_kind(" ".join(head.split()), None) is None:
            return None
        return [
            Block(
                (*block.lines[:-1], dataclasses.replace(last, text=last.text[: cut.start() + 1]))
            ),
            Block((dataclasses.replace(last, text=tail),)),
        ]
    return None


# a sentence's end inside a line, not an initial's or an abbreviation's stop ('A. M. Puzanov')
EXTRACT = re.compile(r"^(?:from the|extract from|excerpt from|выписка из|из)\b", re.IGNORECASE)
TERMINAL_SENTENCE = re.compile(
    r"(?<!\d)(?<!\b[A-ZА-ЯЁ])(?<!\bCde)(?<!\bCom)(?<!\bNo)(?<!\bMr)(?<!\bDr)(?<!\bSt)(?<!\bтов)"
    r"[.!?]\s+[A-ZА-ЯЁ](?:[a-zа-яё]|\s)"
)


def _caption_kind(text: str, previous: str | None) -> str | None:
    """A line that names the kind of document ('MEMORANDUM OF CONVERSATION', 'JOURNAL of
    Soviet Ambassador …', 'RESOLUTION No. 2187'), or a caption naming its parties
    ('RECORD OF CONVERSATION BETWEEN …', 'Record of conversation with …'): doctype and
    heading. A caption that goes on over a line is a heading too."""
    found = kind_in(text)
    stop = text.endswith(".") and len(text.split()) > 3  # 'Telegram of Comrade X.': a sentence
    lead = text[: found[1].start()].split() if found else []
    capitalised = all(w[:1].isupper() and w not in F.PRONOUNS for w in lead)
    opening = bool(found and len(lead) <= 2 and capitalised) or bool(EXTRACT.match(text))
    opening = opening and not text[:1].islower()  # a caption starts as a heading does
    if (found or EXTRACT.match(text)) and opening and not _sentence(text) and not stop:
        rest = text[found[1].end() :] if found else ""
        if F.CAPTION_PARTIES.search(rest[:40]):
            return "heading"
        return "doctype"
    if previous == "doctype" and _heading_like(text):
        return "heading"
    return None


def kind_only(text: str) -> bool:
    """A line that names the document's kind and nothing else ('RECORD OF CONVERSATION',
    'INFORMATION NOTE', 'V e r m e r k'), perhaps with its number."""
    text = despaced(P.for_matching(text.strip()))
    found = kind_in(text)
    if found is None or found[1].start() > 0:
        return False
    rest = text[found[1].end() :].strip(" .:")
    return not rest or bool(NUMBER_ALONE.match(rest))


def _sentence(text: str) -> bool:
    """Running text: a sentence that goes on after a stop, or a long line ending in one."""
    return bool(TERMINAL_SENTENCE.search(text)) or (
        len(text.split()) > HEADING_WORDS and text.rstrip().endswith(".")
    )


HEADING_WORDS = 30


def _heading_like(text: str) -> bool:
    """A heading: capitals, or a short line most of whose words are capitalised, that is no
    sentence."""
    words = text.split()
    if not words or len(words) > HEADING_WORDS or _sentence(text) or text.endswith((":", ",")):
        return False
    if text.endswith(".") and len(words) > 3 and not find_date(text):
        return False  # 'Telegram of Comrade KIM IL SUNG.': a sentence
    letters = [c for c in text if c.isalpha()]
    if len(words) >= 2 and letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        return True
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    capitalised = sum(w[:1].isupper() for w in content)
    return (
        len(words) <= 16
        and bool(content)
        and capitalised >= 0.7 * len(content)
        and not text.endswith((":", ","))
    )


SMALL_WORDS = {"of", "the", "and", "in", "on", "to", "for", "a", "an", "with", "at", "by", "from",
               "и", "в", "о", "об", "на", "с", "по", "der", "die", "das", "und"}  # fmt: skip


def _subject_line(text: str, following: tuple[Unit, ...]) -> bool:
    """A subject under the address, unlabelled, the text right after it: a phrase in title
    case with its small words ('Poland and Our Policy at U.N.O.'), not a name's line."""
    upcoming = following[0] if following else None
    bare = ABBREVIATION_END.sub("", text)  # 'U.N.O.': an abbreviation's stops
    return (
        isinstance(upcoming, Block)
        and text_follows(upcoming)
        and any(word in SMALL_WORDS for word in text.split())
        and not INITIALS_AFTER.search(text)
        and _heading_like(bare)
    )


def _body_follows(following: tuple[Unit, ...]) -> bool:
    """Whether running text follows (a heading heads something)."""
    return bool(following)


def lone_place(text: str) -> bool:
    """A place on a line of its own, under a caption ('Pyongyang')."""
    return bool(re.fullmatch(r"[A-ZА-ЯЁ][\w'’-]+(?:[ ,]+[A-ZА-ЯЁ][\w'’-]+)?\.?", text))


def _salute_or_address(block: Block, text: str, words: int) -> str | None:
    """A salutation ('Dear …', 'To the Embassy in Hungary:', 'To Comrade STALIN I. V.') or an
    address that names an office or a person by their post ('To the Chairman of … Comrade
    KIM IL SUNG'), or a postal address of several lines ending in commas."""
    if F.SALUTATION.match(text) and words <= 16:
        return "salute"
    if re.match(r"^(?:to|for|an|à|кому)\b", text, re.IGNORECASE) and words <= 30:
        if text.endswith((":", "!", ",")) or (P.SALUTE.match(text) and _addresses_only(text)):
            return "salute" if words <= 16 else "address"
        if F.ROLE_LINE.search(text) or len(block.lines) > 1:
            return "address"
        return "salute" if words <= 8 else None
    if P.SALUTE.match(text) and words <= 16 and _addresses_only(text):
        return "salute"
    capitals = sum(w[:1].isupper() for w in text.split())
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    if (
        text.endswith((":", "："))
        and words <= 8
        and not _sentence(text)
        and not F.ENACTS.search(text)
        and (capitals >= 2 or 0 < cjk <= 8)
    ):
        return "salute"  # 'Chairman Mao and the Central Committee:', '外交部：'
    lines = [line.text.strip() for line in block.lines]
    if len(lines) >= 2 and all(line.endswith(",") for line in lines[:-1]) and words <= 20:
        return "address"
    return None


SALUTE_WORDS = {"to", "for", "and", "и", "dear", "comrade", "comrades", "cde.", "cdes.",
                "товарищу", "товарищам", "товарищ", "тов.", "an", "den", "genossen"}  # fmt: skip


def _addresses_only(text: str) -> bool:
    """A salute names whom it addresses: 'To Cde. FILIPPOV [Stalin]', 'Товарищам Мао
    Цзэ-дуну и Ким Ир Сену'; 'Cde. Mao Zedong asked that the following be conveyed to
    you:' is the text's first sentence."""
    words = re.sub(r"\[[^\]]*\]", " ", text).split()
    lowercase = [
        w for w in words if w[:1].islower() and w.lower().strip('"“«,:!') not in SALUTE_WORDS
    ]
    return len(lowercase) <= 1


def is_table(block: Block) -> bool:
    return sum(1 for line in block.lines if "\t" in line.text and "№" in line.text) >= 1
