"""Names the authority does not know, tagged where the evidence is strong (ENCODING.md
"Named entities"): a title before them (`Comrade`, `Cde.`, `General`, `Marshal`, `тов.`,
`товарищу` …), or, in running text, a surname in capitals as the Soviet translations write
them (`the clique of RHEE SYNGMANN`, `BREZHNEV. We reviewed …`).

A title is never part of the name; initials after it are (`Cde. N. A. Bulganin`). A plural
title (`Comrades`, `тов. тов.`) governs a list (`comrades Zhu De, Zhou Enlai and Liu
Shaoqi`). What counts as a name word: capitalised, two letters or more, not a common word
(English: a short list; Russian: a word pymorphy3 knows that is not a name). A capitalised
word that merely opens a sentence, `Comrades` before a lower-case word, or a title alone are
not names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from cablegram.entities.candidates import common_word
from cablegram.entities.intervals import Intervals
from cablegram.lexicon.doctypes import KIND_PATTERNS

# titles before a name, casefolded; the plural ones govern a list of names
TITLE_WORDS = """
    comrade cde. com. comr. general marshal colonel major admiral captain ambassador minister
    premier chancellor president chairman mr. mrs. dr. тов. т. товарищ товарища товарищу товарищем
    товарище генерал генерала генералу генералом маршал маршала маршалу маршалом полковник
    полковника полковнику полковником посол посла послу послом
"""
# titles that are also everyday words in lower case ('the major Powers'): titles only
# when capitalised ('Major Sergio del Valle')
CAPITALISED_TITLES = frozenset({"major"})
PLURAL_TITLE_WORDS = "comrades cdes. comrs. generals товарищи товарищей товарищам тов.тов."
# not names, though capitalised after a title or written in capitals
NOT_NAME_WORDS = """
    chairman president premier minister secretary ambassador general generals marshal
    commander chief deputy head government party state staff assembly council committee
    delegation embassy ministry republic union people people's soviet copy copies secret top
    strictly urgent priority telegram cable ciphered memorandum record conversation journal
    report minutes note information decree resolution protocol special file series attachment
    translation original scan transcript contents summary citation participants present
    invitees subject regarding reference number page draft version excerpt confidential
    headquarters command directorate department section office bureau army navy forces armed
    shifrtelegramma шифртелеграмма телеграмма совпосол секретно срочно копия экз
"""
TITLES = frozenset(TITLE_WORDS.split())
PLURAL_TITLES = frozenset(PLURAL_TITLE_WORDS.split())
ALL_TITLES = TITLES | PLURAL_TITLES
NOT_NAMES = frozenset(NOT_NAME_WORDS.split())
# a title (or `тов. тов.`) before a capital: the word whole, with its stop if it takes one
# (a stop after a title that takes none ends a sentence: 'in general. Decisions')
TITLE_CANDIDATE = re.compile(
    r"(?<![\w.])"
    # (the first letters first: an alternation of every title is tried at every word)
    + "(?=["
    + "".join(sorted({t[0] + t[0].upper() for t in ALL_TITLES}))
    + "])(?:"
    + "|".join(
        re.escape(title).replace(r"\.тов", r"\.\s*тов")
        for title in sorted(ALL_TITLES, key=lambda t: (-len(t), t))
    )
    + r")(?=[ \t]+[A-ZА-ЯЁ])",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
NAME_WORD = re.compile(r"[A-ZА-ЯЁ][\w'’]*(?:-[\w'’]+)*")
INITIALS = re.compile(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){1,3}")
SPACE = re.compile(r"[ \t]+")
PARTICLE = re.compile(r"(?:del|de|da|di|dos|das|du|van|von|der|la|le|bin|ibn|al)[ \t]+")
LIST_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b|\bи\b)\s*")
CAPS_RUN = re.compile(
    r"(?<![\w'’-])[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+(?:[ \t]+[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+)*(?![\w'’-])"
)
UPPER = re.compile(r"[A-ZА-ЯЁ]")
ROMAN = re.compile(r"^[IVXLC]+$")
VOWELS = set("AEIOUYАЕЁИОУЫЭЮЯ")
MAX_WORDS = 3


def evidence_names(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of the person names `text` gives strong evidence for, outside the `taken`
    spans (names the authority found), left to right."""
    spans: list[tuple[int, int]] = []
    if not UPPER.search(text):
        return spans  # no capital letter, no name
    names = Intervals(taken)
    for title in _titles(text, names):
        spans.extend(_names_after(text, title, names))
    titled = Intervals(spans)  # (the runs in capitals do not overlap one another)
    spans += [span for span in _capitalised_surnames(text, names) if not titled.overlaps(*span)]
    return sorted(set(spans))


def _titles(text: str, taken: Intervals) -> Iterable[re.Match[str]]:
    """Title words (with their full stop) before a capital, outside the names found;
    `тов. тов.` is one."""
    for match in TITLE_CANDIDATE.finditer(text):
        key = _title_key(match.group())
        if key not in ALL_TITLES or (key in CAPITALISED_TITLES and match.group().islower()):
            continue
        if not taken.overlaps(match.start(), match.end()):
            yield match


def _title_key(word: str) -> str:
    """The title a word is ("" if none): a stop after a word that takes none ends a
    sentence (`in general. Decisions`), it does not make a title."""
    key = "".join(word.casefold().split())
    return key if key in ALL_TITLES else ""


def _names_after(text: str, title: re.Match[str], taken: Intervals) -> list[tuple[int, int]]:
    """The names a title governs: the one after it, or, after a plural title, the list."""
    plural = _title_key(title.group()) in PLURAL_TITLES
    spans: list[tuple[int, int]] = []
    pos, first = title.end(), True
    while True:
        gap = SPACE.match(text, pos) if first else LIST_SEPARATOR.match(text, pos)
        if gap is None or gap.end() == pos:
            break
        start = gap.end()
        known = taken.starting_at(start)
        if known:
            end = known[1]
        else:
            found = _name_end(text, start, taken)
            if found is None:
                break
            end = found
            spans.append((start, end))
        pos, first = end, False
        if not plural:
            break
    return spans


def _name_end(text: str, start: int, taken: Intervals) -> int | None:
    """Where a name starting at `start` ends (initials, then one to three name words, a
    particle between them: 'Sergio del Valle'), or None if no name starts there. A word
    the dictionary knows ends the name, unless it stands in a run of two or three
    capitalised words of which one is no common word ('тов. Пак Чен Хо': Korean syllables
    are Russian words too)."""
    pos = start
    initials = INITIALS.match(text, pos)
    if initials:
        pos = initials.end()
    ends: list[tuple[int, bool]] = []  # each capitalised word's end, and whether it is common
    titled = True  # every word in title case ('Пак Чен Хо', not 'IN CUBA')
    while len(ends) < MAX_WORDS:
        word = NAME_WORD.match(text, pos)
        bare = word.group().strip("'’") if word else ""
        if not word or len(bare) < 2 or bare.casefold() in NOT_NAMES:
            break
        if taken.contains(word.start()):
            break  # a name the authority found: this one ends before it
        titled = titled and not bare.isupper()
        ends.append((word.end(), common_word(bare)))
        space = SPACE.match(text, word.end())
        if not space:
            break
        pos = space.end()
        particle = PARTICLE.match(text, pos)  # 'del', 'van', 'von' before the next word
        if particle and NAME_WORD.match(text, particle.end()):
            pos = particle.end()
    if titled and len(ends) >= 2 and not all(common for _, common in ends):
        return ends[-1][0]
    end = None
    for word_end, common in ends:
        if common:
            break
        end = word_end
    return end


def _capitalised_surnames(text: str, taken: Intervals) -> Iterable[tuple[int, int]]:
    """Runs of one to three words in capitals inside running text (a text with words in
    lower case), that are neither common words nor acronyms, nor part of a line in
    capitals."""
    runs = [
        match for match in CAPS_RUN.finditer(text) if not taken.overlaps(match.start(), match.end())
    ]
    if not runs or sum(1 for w in WORD.findall(text) if w.islower()) < 2:
        return  # no capitals, or a heading or a line in capitals, not running text
    words = list(WORD.finditer(text))
    starts, ends = [w.start() for w in words], [w.end() for w in words]
    for match in runs:
        run = match.group().split()
        if len(run) > MAX_WORDS or _beside_capitals(words, starts, ends, match):
            continue
        if all(_surname_in_capitals(w) for w in run):
            yield match.start(), match.end()


def _beside_capitals(
    words: list[re.Match[str]], starts: list[int], ends: list[int], run: re.Match[str]
) -> bool:
    """Whether the word before or after a run is in capitals too (a line in capitals);
    the text's words in order, with their starts and ends to find the two by bisection."""
    before = bisect_right(ends, run.start())
    after = bisect_left(starts, run.end())
    neighbours = words[max(before - 1, 0) : before] + words[after : after + 1]
    return any(len(w.group()) > 1 and w.group().isupper() for w in neighbours)


def _surname_in_capitals(word: str) -> bool:
    bare = word.strip("'’-")
    if len(bare) < 3 or ROMAN.match(bare) or bare.casefold() in NOT_NAMES:
        return False
    if any(pattern.fullmatch(bare) for _, pattern in KIND_PATTERNS):
        return False  # a kind of document ('STATEMENT of the Spokesman …')
    latin = bare.isascii()
    if latin and (len(bare) <= 4 or not VOWELS & set(bare)):
        return False  # an acronym: USSR, CCP, TASS
    return not common_word(bare)
