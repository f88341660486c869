"""Signatories: who signs a document, as a closer's line gives it (a name, a role or an
office, a rank, a signature the archive describes), and the person's name marked in it.

A line is a signatory's when its words, the signature marks and ranks aside, are a name
(`signatory`: a few capitalised words, perhaps with a number or a date after them), a
post (`Chairman of the Council of Ministers of the USSR`, `Посол СССР в Китае`) or an
office (`Foreign Ministry`); a role with a name at its end names someone
(`Ambassador of the USSR in China A[pollon] Petrov`).
"""

from __future__ import annotations

import functools
import re

from cablegram.lexicon import furniture as F
from cablegram.lexicon import patterns as P
from cablegram.lexicon.names import INSTITUTION_WORD
from cablegram.model import Inline, Inlines, Name, Spaced, Text
from cablegram.parse.inline import mark

RANKS = re.compile(rf"^(?:{P.RANK}\s*)+", re.I)
ENCLOSED_NAME = re.compile(r"^(?:/[^/]{2,40}/|\([^()]{2,40}\))$")
# a name after a role on its line: 'Ambassador of the USSR in China A[pollon] Petrov'
TRAILING_NAME = re.compile(
    r"(?<!\S)(?P<name>(?:[A-ZА-ЯЁ](?:\.|\[[a-zа-яё]+\])\s?){1,3}[A-ZА-ЯЁ][\w'’-]+)\.?$"
)
SMALL_WORDS = {"of", "the", "and", "in", "on", "to", "for", "a", "an", "at", "by", "from",
               "и", "в", "во", "при", "по", "на", "der", "die", "das", "des", "und", "bei",
               "du", "de", "la", "le"}  # fmt: skip
ROLE_WORDS = 16
ROLE_FIRST_WORDS = 6  # a role word first: lower-case words may follow ('chargé d'affaires a.i.')


def _despaced(text: str) -> str:
    """Letter-spaced words read as words ('S H T Y K O V' → 'SHTYKOV'; a signature's
    spaced name may be of three letters, 'L I U', unlike a head's line: see
    `furniture.despaced`)."""
    return P.LETTERSPACED.sub(lambda m: m[0].replace(" ", ""), text)


def signatory_kind(text: str) -> str | None:
    """'name' (someone named, perhaps with a role, a rank, a signature), 'role' (a post or
    an office, no one named), 'sign' (a signature or a rank alone); None: not a signatory."""
    text = _despaced(P.for_matching(text.strip()))
    bare = P.SIGN_MARK.sub(" ", P.SIGNATURE_BRACKET.sub(" ", F.SIGNED_PREFIX.sub(" ", text)))
    if rank := RANKS.match(bare.strip()):
        bare = bare.strip()[rank.end() :]
    bare = " ".join(bare.split()).strip(" ,;")
    if not bare:
        return "sign" if text else None
    if F.RECORDED_BY.match(bare) or ENCLOSED_NAME.match(bare):
        return "name"
    if _role_like(bare):
        return "name" if TRAILING_NAME.search(bare) and not _is_office(bare) else "role"
    if signatory(bare) and not _no_person(bare):
        return "name"
    return None


NOT_A_NAME = {"from", "to", "the", "in", "on", "at", "by", "for", "with", "and", "of", "our",
              "we", "i", "he", "she", "they", "it", "this", "that", "these", "copy", "из", "в",
              "на", "от", "для", "мы", "я", "von", "an", "der", "die", "das", "wir", "date",
              "дата", "datum"}  # fmt: skip


def _no_person(text: str) -> bool:
    """Capitalised words that name no person: a sentence's first word ('From Beijing'),
    an institution's ('Party CC')."""
    words = [w.strip("\"“”«»'’,;:()[]/") for w in text.split()]
    first = words[0].lower()
    first = first.rstrip(".") if len(first.rstrip(".")) > 1 else first  # 'I.' is an initial
    return (
        first in NOT_A_NAME
        or any(w.lower() in FUNCTION_WORDS for w in words)  # 'END OF DOCUMENT'
        or any(INSTITUTION_WORD.match(w.strip(".")) for w in words)
    )


FUNCTION_WORDS = {"of", "the", "and", "for", "with", "from", "to", "in", "on", "at", "by", "и",
                  "в", "на", "для", "von", "der", "die", "das", "und"}  # fmt: skip


@functools.lru_cache(maxsize=16384)  # (a line is read by many rules)
def _role_like(text: str) -> bool:
    """A post or an office as a signature gives it ('USSR AMBASSADOR IN THE DPRK', 'Chairman
    of the Council of Ministers of the USSR', 'Foreign Ministry', 'Посол СССР в Китае')."""
    if not (F.SIGNATORY_ROLE.search(text) or _is_office(text)):
        return False
    words = text.split()
    if len(words) > ROLE_WORDS or text.endswith((":", "!", "?")) or STOP_INSIDE.search(text):
        return False
    if len(words[-1]) == 1 and words[-1].isalpha():
        return False  # a word the export cut ('The Deputy C')
    if text.endswith(".") and not (ABBREVIATION_END.search(text) or TRAILING_NAME.search(text)):
        return False  # a sentence: a role ends in a stop after an abbreviation or a name
    content = [w for w in words if w.lower().strip(",.") not in SMALL_WORDS]
    if all(not w[:1].islower() for w in content):
        return True
    return bool(F.SIGNATORY_ROLE.match(text)) and len(words) <= ROLE_FIRST_WORDS


ABBREVIATION_END = re.compile(r"(?:\b\w\.){2,}$|\b[A-ZА-ЯЁ]{1,4}\.$")  # 'a.i.', 'CC.'
# a sentence's stop inside a line (not an abbreviation's: 'Зам. министра', 'Dept. of …')
STOP_INSIDE = re.compile(r"\w{5,}[.!?;]\s|[!?;]\s")


@functools.lru_cache(maxsize=16384)  # (a line is read by many rules)
def _is_office(text: str) -> bool:
    return bool(F.SIGNATORY_OFFICE.search(text)) and not F.SIGNATORY_ROLE.search(text)


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


# ----------------------------------------------------------------- names in a signature
def mark_signer(content: Inlines, text: str, kind: str) -> Inlines:
    """A signatory's line with its letter-spaced words and its person's name marked (an
    office or a role is left to the tagger)."""
    content = mark(content, P.LETTERSPACED, lambda m: Spaced(m[0].replace(" ", "")))
    if kind != "name":
        return content
    if signatory(text.strip()) and not re.search(r"[\[(/]", text) and not RANKS.match(text):
        return _mark_signatory(content)  # a name and nothing else
    content = mark(content, P.SIGNER_NAME, lambda m: Name("person", (Text(m.group(0)),)))
    if not any(isinstance(node, Name) for node in content):
        content = _mark_last_name(content)
    return content


NAME_AT_END = re.compile(
    r"(?:(?<=\s)|^)(?P<name>(?:[A-ZА-ЯЁ]\.\s?){0,3}[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+"
    r"|(?:[A-ZА-ЯЁ]\.\s?){1,3}[A-ZА-ЯЁ][\w'’-]+)\.?\s*$"
)


def _mark_last_name(content: Inlines) -> Inlines:
    """The name closing a signatory's line (after its role or rank: 'MAJOR GENERAL N.
    LEBEDEV', 'CONSUL GENERAL … A. SAVELYEV')."""
    if any(isinstance(node, Spaced) for node in content):
        return content  # the letter-spaced name is the hi of example-v2.xml, in `signed`
    last = content[-1] if content else None
    if not isinstance(last, Text):
        return content

    def blank(m: re.Match[str]) -> str:
        return " " * len(m[0])

    mark_free = F.SIGNED_PREFIX.sub(blank, P.SIGN_MARK.sub(blank, last.text))
    if (signed := re.match(r"^\s*", mark_free)) and signatory(mark_free.strip()):
        name = last.text[signed.end() :].rstrip(" .")  # '(-) Knothe', '[signature] Gao Gang'
        if len(content) > 1 or mark_free != last.text:
            cut = len(last.text) - len(last.text[signed.end() :].lstrip())
            start = last.text.index(name, cut)
            return (*content[:-1], *_around(last.text, start, start + len(name)))
    found = NAME_AT_END.search(last.text)
    if not found or RANKS.match(found["name"]) or (found.start("name") == 0 and len(content) == 1):
        return content
    return (*content[:-1], *_around(last.text, found.start("name"), found.end("name")))


def _around(text: str, start: int, end: int) -> Inlines:
    """A text with a person's name in it, from `start` to `end`."""
    out: list[Inline] = [Text(text[:start])] if start else []
    out.append(Name("person", (Text(text[start:end]),)))
    if text[end:]:
        out.append(Text(text[end:]))
    return tuple(out)


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
