"""A person's name inside a phrase, and whether two phrases name the same person.

Those present at a meeting are named with their titles, ranks and offices around the name
(`Secretary of State Christian A. Herter`, `Mr. Foy D. Kohler, Assistant Secretary …`,
`Lt. General K. S. Thimayya (India), Chairman`, `the interpreter Shi Zhe`, `Brezhnev,
L.I.`); `person_in` finds the name among them. The same person is named differently in
the title, the lists and the speakers' labels (`Christian Herter`, `Christian A. Herter`;
`I.V. Stalin`, `Comrade Stalin:`; `BREZHNEV.`, `Brezhnev, L.I.`; `N.V. Roshchin`,
`Н. Рощин`); `same_person` tells them apart by their words and initials.
"""

from __future__ import annotations

import re
import unicodedata

from cablegram.lexicon.names import (
    EAST_ASIAN_SURNAMES,
    INSTITUTION_WORD,
    ORG_ACRONYM,
    ORG_WORD,
    PREPOSITION,
    ROLE_QUALIFIER,
    ROLE_WORD,
)

# Words before a name that are not part of it: forms of address and ranks, in the
# languages of the archive (Comrade, тов., Genosse, elvtárs, tovarăș, towarzysz …).
TITLE_WORD = re.compile(
    r"^(?:cdes?\.?|comrades?|comrs?\.?|com\.|tov\.?|tt\.|тт\.|тов\.?|товарищ[иуа]?|mr\.?"
    r"|mrs\.?|ms\.?|messrs\.?|dr\.?|prof\.?|sir|lord|herr[n]?|frau|genossen?|genossin"
    r"|elvtárs(?:ak)?|tovarăș(?:ul|ii)?|tovarasul|tovarășul|towarzysz[ey]?|monsieur|lt\.?"
    r"|gen\.?|col\.?|maj\.?|capt\.?|adm\.?|the)$",
    re.IGNORECASE,
)
INITIALS = re.compile(r"^(?:[^\W\d_][^\W\d_]?\.)+$|^[^\W\d_]$")  # 'L.I.', 'Iu.V.', 'K.', 'A'
WORD = re.compile(r"^[^\W\d_][\w'’-]*$")
# What follows a name and is not part of it: '(India)', '/Karskii/', a final 'and'
TAIL = re.compile(r"(?:\s*(?:\([^()]*\)|/[^/]*/)|[\s,;:]+|\s+(?:and|и|und|és|și|i|et)$)+$")
NAME_TOKENS = 4
ACRONYM_LENGTH = 4
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip


def person_in(text: str) -> tuple[int, int] | None:
    """The span of the name of the person a phrase names (its titles, office and place
    around it left out); None when the phrase names an office or a role only."""
    end = len(text)
    for comma in re.finditer(r",\s+", text):  # 'Robert Hutchings, NSC Staff': the office after
        rest = text[comma.end() :].strip(" ;,")
        if not all(INITIALS.match(w) for w in rest.split()):
            end = comma.start()
            break
    end = _without_tail(text, end)
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text[:end])]
    if not tokens:
        return None
    if span := _surname_initials(tokens):
        return span
    name: list[tuple[int, int, str]] = []
    for token in reversed(tokens):
        word = token[2]
        if len(name) == NAME_TOKENS or not _name_token(word):
            break
        name.insert(0, token)
    if not name:  # 'John M. Allison Director': the name, then the office
        for k, token in enumerate(tokens[:NAME_TOKENS]):
            if not _name_token(token[2]):
                office = ROLE_WORD.fullmatch(token[2].strip(",")) is not None
                name = tokens[:k] if office else []
                break
    while len(name) > 1:  # 'of State Christian A. Herter': the office's last word goes
        before = tokens[tokens.index(name[0]) - 1][2].lower() if name[0] != tokens[0] else ""
        if before not in PREPOSITION and not INSTITUTION_WORD.match(name[0][2]):
            break
        name.pop(0)
    if not any(WORD.match(w) and len(w) > 1 for _, _, w in name):
        return None
    return name[0][0], name[-1][1]


def _without_tail(text: str, end: int) -> int:
    """The end of a phrase without what follows the name: places and aliases in brackets
    or slashes, punctuation, a final conjunction, the full stop after a word."""
    while True:
        match = TAIL.search(text[:end])
        words = text[:end].split()
        if match and match.start() < end:
            end = match.start()
        elif words and words[-1].endswith(".") and not INITIALS.match(words[-1]):
            end -= 1  # 'Gheorghe Stoica.': the sentence's stop, not an initial's
        elif len(words) > 1 and TITLE_WORD.match(words[-1]) and words[-1].islower():
            end = text.rindex(words[-1], 0, end)  # 'Kiss Károly elvtársak': address after
        else:
            return end


def _surname_initials(tokens: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """'Brezhnev, L.I.', 'Kovalev I. V.', 'Брежнев Л.И.': a surname, then its initials."""
    k = len(tokens)
    while k > 0 and INITIALS.match(tokens[k - 1][2]) and tokens[k - 1][2].endswith("."):
        k -= 1
    if k == len(tokens) or k == 0:
        return None
    surname = tokens[k - 1][2].rstrip(",")
    if not _name_token(surname) or not WORD.match(surname) or len(surname) < 2:
        return None
    return tokens[k - 1][0], tokens[-1][1]


def _name_token(word: str) -> bool:
    """A word that may be part of a person's name: capitalised, not a title, an office's
    word or an acronym."""
    bare = word.strip("\"“”«»'’")
    if not bare or not bare[0].isupper() or not (WORD.match(bare) or INITIALS.match(bare)):
        return False
    if TITLE_WORD.match(bare) or ROLE_WORD.fullmatch(bare) or ROLE_QUALIFIER.match(bare):
        return False
    if INSTITUTION_WORD.match(bare) or ORG_ACRONYM.match(bare) or ORG_WORD.fullmatch(bare):
        return False
    return not (
        WORD.match(bare)
        and bare.isupper()
        and 1 < len(bare) <= ACRONYM_LENGTH
        and bare.lower() not in EAST_ASIAN_SURNAMES
    )


def folded(word: str) -> str:
    """A word for comparison: lower case, without accents, Cyrillic transliterated."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(c for c in word if not unicodedata.combining(c))
    return "".join(CYRILLIC.get(c, c) for c in word).replace("-", "")


def _parts(name: str) -> tuple[list[str], list[str]]:
    """A name's words (folded) and its initials (their first letters)."""
    words: list[str] = []
    initials: list[str] = []
    for token in re.findall(r"[^\s,]+", name):
        if TITLE_WORD.match(token) or ROLE_WORD.fullmatch(token):
            continue
        if INITIALS.match(token):
            initials += [folded(p)[:1] for p in token.split(".") if p]
        elif WORD.match(token):
            words.append(folded(token))
    return words, initials


def same_person(a: str, b: str) -> bool:
    """Whether two namings are of one person: the words of one are all in the other, and
    their given names agree where both give them (`Kovalev I. V.` is not `Kovalev E.F.`;
    `O. DORTICOS` is `Osvaldo Dorticos`)."""
    words_a, initials_a = _parts(a)
    words_b, initials_b = _parts(b)
    if not words_a or not words_b:
        return False
    short, long_ = sorted((set(words_a), set(words_b)), key=len)
    if not short <= long_:
        return False
    given_a = initials_a or [w[:1] for w in words_a if w not in set(words_b)]
    given_b = initials_b or [w[:1] for w in words_b if w not in set(words_a)]
    return not (given_a and given_b and given_a[0] != given_b[0])
