"""A party as a title or a text names it: a person or an office, the role beside the name,
the place in brackets, the identification the archive adds.

`Soviet Ambassador in China Apollon Petrov` is Apollon Petrov, role `Soviet Ambassador in
China`; `Mir Bagirov CC Secretary of the Communist Party of Azerbaijan` is Mir Bagirov with
his role after the name; `Ministry of Foreign Affairs, Moscow` an office at a place;
`Thomas J. Kieran (Ottawa)` a person at a place; `Filippov [Stalin]` a code name identified.
"""

from __future__ import annotations

import re

from cablegram.lexicon.names import (
    HONORIFIC,
    INSTITUTION_WORD,
    ORG_ACRONYM,
    ORG_WORD,
    PREPOSITION,
    ROLE_QUALIFIER,
    ROLE_WORD,
)
from cablegram.model import Participant, Party

IDENTIFIED = re.compile(r"^(?P<name>.+?)\s*\[(?P<id>[^\]]+)\]\s*(?P<rest>.*)$")
PLACE_IN_BRACKETS = re.compile(
    r"^(?P<name>.+?)\s*\((?P<place>[A-ZА-ЯЁ][\w'’-]*(?:\s[A-ZА-ЯЁ][\w'’-]*)?)\)$"
)
PART_NUMBER = re.compile(r"\s*\(\d{1,2}\)\s*$")
PLACE_AFTER_COMMA = re.compile(r"^(?P<name>.+?),\s+(?P<place>[A-ZА-ЯЁ][\w'’-]+)$")
POSSESSIVE = re.compile(r"['’]s?$")
NAME_TOKEN = re.compile(
    r"^(?:[A-ZА-ЯЁ][\w'’-]*|(?:[A-ZА-ЯЁ]\.){1,3}[A-ZА-ЯЁ]?[\w'’-]*|[A-ZА-ЯЁ]\[[^\]]+\][\w-]*)$"
)
HONORIFIC_BEFORE_NAME = re.compile(
    r"^(?P<role>.+?)\s(?:Comrade|Cde\.|Com\.|Tov\.|Генералиссимус|Generalissimo|тов\.)\s+"
    r"(?P<name>\S.*)$"
)
NAME_WORDS = 3  # a person's name in a title: at most three words (Carlos Rafael Rodriguez)


def party_of(text: str) -> Party | None:
    """The party a title or a text names ('' or a bare article: None)."""
    text = PART_NUMBER.sub("", text.strip(" ,.:;"))
    text = re.sub(
        r"^(?:the|The|all|All)\s+(?=[A-ZА-ЯЁ])", lambda m: "" if m[0][0] in "tT" else m[0], text
    )
    text = HONORIFIC.sub("", text).strip()
    if not text:
        return None
    place = identification = None
    if found := PLACE_IN_BRACKETS.match(text):
        # 'Thomas J. Kieran (Ottawa)': a place; 'Filippov (Stalin)', a code name: identified
        named = found["name"].strip()
        if len(named.split()) > 1 or is_office(named):
            text, place = named, found["place"]
        else:
            text, identification = named, found["place"]
    if identification is None and (found := IDENTIFIED.match(text)):
        identification = POSSESSIVE.sub("", found["id"].strip())
        text = f"{found['name']} {found['rest']}".strip()
    text = POSSESSIVE.sub("", text)
    if addressed := HONORIFIC_BEFORE_NAME.match(text):  # '… Committee Comrade KIM IL SUNG'
        role_text, name_text = addressed["role"].strip(" ,"), addressed["name"].strip()
        if _leading_role(role_text.split()) is not None and NAME_TOKEN.match(name_text.split()[0]):
            return Party(name_text, identification, place, kind="person", role=role_text)
    role, name = split_role(text)
    if role is None and is_office(text):
        if found := PLACE_AFTER_COMMA.match(text):
            text, place = found["name"], place or found["place"]
        return Party(text, identification, place, kind="org")
    if identification and ROLE_WORD.fullmatch(name):  # 'The Chancellor's [Helmut Kohl's]'
        return Party(identification, None, place, kind="person", role=name)
    return Party(name, identification, place, kind="person", role=role)


def is_office(text: str) -> bool:
    """An organisation (a ministry, an embassy, a committee), not a person in an office."""
    words = text.split()
    if not words or _leading_role(words) is not None:
        return False
    return bool(ORG_WORD.search(text)) or all(ORG_ACRONYM.match(w) for w in words)


def split_role(text: str) -> tuple[str | None, str]:
    """(role, name) of a person named with a role before or after the name; a role alone
    (`Head of the Delegation of …`) is its own name, with no role."""
    words = HONORIFIC.sub("", text).split()
    lead = _leading_role(words)
    if lead is not None:
        name = _trailing_name(words)
        if not name or len(name) == len(words):
            return None, text
        role = " ".join(words[: len(words) - len(name)])
        return role, " ".join(name)
    for k, word in enumerate(words[1 : NAME_WORDS + 1], start=1):
        if ROLE_WORD.fullmatch(word) or (ORG_ACRONYM.match(word) and k + 1 < len(words)):
            if all(NAME_TOKEN.match(w) and not _acronym(w) for w in words[:k]):
                return " ".join(words[k:]), " ".join(words[:k])
            break
    return None, text


def participants_of(text: str) -> tuple[Participant, ...]:
    """The persons a conversation's title names (`A and B`, `A, B, and C`, `A with B`); a
    body that met (`the Meeting of the Political Committee`) is none."""
    out = []
    for piece in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+with\s+", text):
        party = party_of(piece)
        if party and party.name and party.kind == "person":
            out.append(Participant(party.name, None, party.role, party.identification))
    return tuple(out)


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and "." not in word


def _leading_role(words: list[str]) -> int | None:
    """Index of the role word that opens a name (after qualifiers: 'Soviet Ambassador')."""
    for k, word in enumerate(words[:4]):
        if ROLE_WORD.fullmatch(word.strip(",")):
            return k
        if not ROLE_QUALIFIER.match(word):
            return None
    return None


def _trailing_name(words: list[str]) -> list[str]:
    """The person's name that ends a role phrase: its last capitalised words, leaving out
    a word that is part of the role (after a preposition, an institution's word)."""
    collected: list[str] = []
    for word in reversed(words):
        if len(collected) == NAME_WORDS or not NAME_TOKEN.match(word):
            break
        if _acronym(word):  # USA, DPRK
            break
        collected.insert(0, word)
    roles = [k for k, word in enumerate(collected[:-1]) if ROLE_WORD.fullmatch(word)]
    if roles:  # 'Military Adviser Vasiliev': the name after the role's last word
        collected = collected[roles[-1] + 1 :]
    start = len(words) - len(collected)
    while collected:
        head = collected[0]
        before = words[start - 1].lower() if start > 0 else ""
        if (
            INSTITUTION_WORD.match(head)
            or ROLE_WORD.fullmatch(head)
            or ROLE_QUALIFIER.match(head)
            or (before in PREPOSITION and len(collected) > 1)
        ):
            pass
        else:
            break
        collected.pop(0)
        start += 1
    if any(INSTITUTION_WORD.match(word) for word in collected):
        return []  # 'of the Chinese Communist Party': the role's end, no name
    return collected
